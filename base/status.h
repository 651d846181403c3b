// Status and Result: how errors cross module edges in kg.
//
// A Status is either ok or carries a code and a one-line message that says
// what went wrong and where ("examples/a.txt: invalid UTF-8 at byte 1043").
// Code inside a module may throw; module edges return Status or Result<T>.
// The CLI maps codes to exit codes: user errors exit 1, internal errors 2.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,  // the user's input is wrong: bad file, bad query, bad flag
    kNotFound,      // a named thing (file, entity, document) does not exist
    kLocked,        // another process holds the store
    kCorruption,    // stored data violates the schema or fails checksums
    kIOError,       // the operating system refused (disk full, permissions)
    kInternal,      // a bug in kg
  };

  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid_input(std::string msg) { return {Code::kInvalidInput, std::move(msg)}; }
  static Status not_found(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status locked(std::string msg) { return {Code::kLocked, std::move(msg)}; }
  static Status corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status io_error(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // True for errors caused by what the user gave kg (exit code 1) rather
  // than by kg itself (exit code 2).
  bool is_user_error() const { return code_ != Code::kInternal; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. Holds exactly one of them.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                       // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).is_ok()); }  // NOLINT

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg
