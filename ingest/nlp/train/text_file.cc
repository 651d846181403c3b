#include "ingest/nlp/train/text_file.h"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace kg::train {

Result<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(fmt::format("{}: cannot open file", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::io_error(fmt::format("{}: read error", path));
  return std::move(buf).str();
}

}  // namespace kg::train
