// Running the kg binary from the nlp and e2e tests: the helpers of
// tests/support under the names these tests have always used.
#pragma once

#include "tests/support/support.h"

namespace kg::nlp::testing {

using kg::testing::run_kg;
using kg::testing::RunResult;
using kg::testing::slurp;
using kg::testing::TempDir;

}  // namespace kg::nlp::testing
