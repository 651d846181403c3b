// KG_TRY: the one way a Status or Result error propagates to the caller.
//
//   KG_TRY(store.put(x));            // returns its Status from the enclosing
//                                    // function when it is not ok
//
// The enclosing function returns Status or any Result<T> (a Status converts
// to both). Values of a Result are read after a plain check, as before:
// there is deliberately no assign-or-return macro hiding a declaration.
#pragma once

#include "base/status.h"

namespace kg::internal {

inline const Status& status_of(const Status& s) { return s; }
template <typename T>
const Status& status_of(const Result<T>& r) {
  return r.status();
}

}  // namespace kg::internal

#define KG_TRY(expr)                                                  \
  do {                                                                \
    if (auto&& kg_try_result_ = (expr); !kg_try_result_.is_ok()) {    \
      return ::kg::internal::status_of(kg_try_result_);               \
    }                                                                 \
  } while (false)
