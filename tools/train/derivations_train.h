// The derivations trainer: WordNet noun -> verb links compiled into
// derivations.model for the nominalization rule of ingest/extract.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/extract/extract.h"

namespace kg::train {

// Reads data.noun and data.verb of a WordNet 3.0 dictionary directory.
// Deterministic: the same files give the same table.
Result<extract::Derivations> compile_derivations(const std::string& wordnet_dir);

// compile_derivations, saved as `out_dir`/derivations.model; `log` gets one summary line.
Status train_derivations(const std::string& wordnet_dir, const std::string& out_dir,
                         const std::function<void(std::string_view)>& log);

}  // namespace kg::train
