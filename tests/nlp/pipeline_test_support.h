// The shipped models, loaded once for the nlp tests.
#pragma once

#include <cstdlib>
#include <gtest/gtest.h>

#include "ingest/nlp/nlp.h"

namespace kg::nlp {

inline const Pipeline& shipped_pipeline() {
  static const Pipeline* p = [] {
    Result<Pipeline> r = Pipeline::load(KG_SOURCE_DIR "/ingest/models");
    if (!r) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new Pipeline(std::move(*r));
  }();
  return *p;
}

}  // namespace kg::nlp
