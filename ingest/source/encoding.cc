// Legacy text to UTF-8: glibc's iconv converts, libuchardet guesses the
// charset for --encoding auto. Text that is already valid UTF-8 is never
// converted, so one flag serves a batch that mixes UTF-8 and legacy files.
#include <uchardet.h>

#include <cerrno>
#include <iconv.h>
#include <fmt/format.h>
#include <memory>

#include "base/utf8.h"
#include "ingest/source/formats.h"

namespace kg::source {
namespace {

// The iconv name of a fixed encoding; nullptr for kUtf8 and kAuto.
const char* iconv_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::kLatin1: return "ISO-8859-1";
    case Encoding::kCp1252: return "CP1252";
    default: return nullptr;
  }
}

// The charset libuchardet reports for `bytes`; "" when it cannot tell.
std::string detect_charset(std::string_view bytes) {
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                               &uchardet_delete);
  if (!detector || uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return "";
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset ? charset : "";
}

// `bytes` read as `charset` and written as UTF-8. Errors name the first byte
// iconv could not convert, counting from 1.
Result<std::string> iconv_to_utf8(std::string_view name, std::string_view bytes, const std::string& charset) {
  const iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::invalid_input(fmt::format("{}: cannot convert from {}: iconv does not know it", name, charset));
  }
  const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, &iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');  // grown below when a charset needs more
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    size_t out_left = out.size() - written;
    const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const size_t at = bytes.size() - in_left + 1;
    return Status::invalid_input(fmt::format("{}: byte {} (counting from 1) is not {} text", name, at, charset));
  }
  out.resize(written);
  return out;
}

}  // namespace

Result<Encoding> parse_encoding(std::string_view text) {
  if (text == "utf8" || text == "utf-8") return Encoding::kUtf8;
  if (text == "latin1" || text == "iso-8859-1") return Encoding::kLatin1;
  if (text == "cp1252" || text == "windows-1252") return Encoding::kCp1252;
  if (text == "auto") return Encoding::kAuto;
  return Status::invalid_input(fmt::format("unknown encoding \"{}\": use utf8, latin1, cp1252 or auto", text));
}

Result<std::string> decode_to_utf8(std::string_view name, std::string_view bytes, Encoding encoding) {
  const std::optional<size_t> bad = utf8::first_invalid_byte(bytes);
  if (!bad) return std::string(bytes);
  if (encoding == Encoding::kUtf8) {
    return Status::invalid_input(
        fmt::format("{}: invalid UTF-8 at byte {} (counting from 1); for legacy text give --encoding latin1, "
                    "cp1252 or auto",
                    name, *bad + 1));
  }
  if (encoding != Encoding::kAuto) return iconv_to_utf8(name, bytes, iconv_name(encoding));
  const std::string charset = detect_charset(bytes);
  if (charset.empty() || charset == "ASCII" || charset == "UTF-8") {
    return Status::invalid_input(
        fmt::format("{}: invalid UTF-8 at byte {} (counting from 1) and no other charset detected; give "
                    "--encoding latin1 or cp1252",
                    name, *bad + 1));
  }
  return iconv_to_utf8(name, bytes, charset);
}

}  // namespace kg::source
