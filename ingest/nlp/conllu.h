// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/nlp/document.h"

namespace kg::nlp {

// Parses a whole CoNLL-U file into one Document. The document text is
// rebuilt from the forms and SpaceAfter=No; sentences keep sent_id, text,
// newpar/newdoc marks and multiword tokens. Empty nodes (8.1) are skipped.
// `source_name` prefixes error messages, which give the line number.
Result<Document> read_conllu(std::string_view content, std::string_view source_name);

// Writes the document as CoNLL-U with `# sent_id` and `# text` comments.
// Fields not yet filled are written as "_"; NER tags go into MISC as NER=...
std::string write_conllu(const Document& doc);

}  // namespace kg::nlp
