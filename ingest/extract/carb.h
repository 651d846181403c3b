// CaRB output: the system lines CaRB's scorer reads, and the extractor
// options and one-sentence path of `kg extract --format carb`. Part of the
// public header ingest/extract/extract.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/extractor.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

// CaRB's tab-separated system line(s) for the propositions of one sentence:
// "sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...", one per line.
std::string format_carb(std::string_view sentence_text, const std::vector<Proposition>& props);

// The extractor of `kg extract --format carb`: coordinations kept whole and
// no noun-centred relations, which is what CaRB's gold states.
ExtractOptions carb_options();

// Annotates one line holding one (tokenized) sentence as a single sentence,
// without re-splitting it, and returns its CaRB lines (the line as given in
// the first column). Empty when the pipeline has no parser.
std::string carb_lines_for_sentence(const nlp::Pipeline& pipeline, const Extractor& extractor, std::string_view line);

}  // namespace kg::extract
