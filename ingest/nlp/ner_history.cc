#include "ingest/nlp/ner_history.h"

#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

void PredictionHistory::record(std::span<const Word> words, std::span<const int> labels) {
  for (size_t i = 0; i < words.size() && i < labels.size(); ++i) {
    const std::string_view form = words[i].form;
    if (form.empty()) continue;
    const bool entity = labels[i] != 0;
    if (!entity && !is_ascii_upper(form[0])) continue;
    const auto it = counts_.try_emplace(std::string(form), Counts{}).first;
    uint16_t& n = it->second[entity ? 1 + static_cast<size_t>(label_type(labels[i])) : 0];
    if (n < UINT16_MAX) ++n;
  }
}

const PredictionHistory::Counts* PredictionHistory::find(std::string_view form) const {
  const auto it = counts_.find(form);
  return it == counts_.end() ? nullptr : &it->second;
}

}  // namespace kg::nlp
