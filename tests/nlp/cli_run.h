// Running the kg binary from the nlp and e2e tests: the helpers of
// tests/support under the names these tests have always used.
#pragma once

// The standard headers its users have always received through it.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/support.h"

namespace kg::nlp::testing {

using kg::testing::run_kg;
using kg::testing::RunResult;
using kg::testing::slurp;
using kg::testing::TempDir;

}  // namespace kg::nlp::testing
