// Reading a whole input file for the training and evaluation commands.
#pragma once

#include <string>

#include "base/status.h"

namespace kg::train {

// The file's bytes, or a not-found error naming the path.
Result<std::string> read_whole_file(const std::string& path);

}  // namespace kg::train
