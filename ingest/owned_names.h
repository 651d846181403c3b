// Private to kg_ingest: an organisation named in apposition to what its
// owner calls it.
//
// News names a company's parts and a person's firm by the owner's word for
// them, then the name:
//   the owner's noun first   "its own internet business, AOL"      -> (its) · own · AOL
//                            "his company, Ballets Russes"          -> (he) · run · Ballets Russes
//   the name first           "AOL, Time Warner's internet arm,"     -> Time Warner · own · AOL
//                            "Global Sports Communications, Chepkemei's management company," -> manage
//   the name between         "its Yugansk unit", "Novartis' Sandoz business" -> (its) · own · Yugansk
// Read off the words (the parser often hangs the name elsewhere): a
// possessor ("its", "his", "her", "their", or a recognized name with "'s"),
// up to three lower-case words ending in a noun of ownership, a comma and a
// recognized name written whole, or the same the other way round; the phrase
// closed by a comma, a full stop, "which"/"who" or the sentence's end. The
// caller asks the resolver what the possessor and the name are.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

struct OwnedName {
  uint32_t owner_word = 0;  // the possessive pronoun or the last word of the owner's name
  uint32_t name_word = 0;   // the last word of the owned organisation's name
  std::string noun;         // the noun of ownership, lower case: "business", "company"
  bool managed = false;     // "management company", "agent": the name manages its owner
};

std::vector<OwnedName> owned_names(std::span<const nlp::Word> words);

// A name right after another's "'s", written whole and followed by no noun
// ("Sweden's Thomas Johansson", "Arsenal's Robert Pires"): the caller keeps
// a person after a country (where the person is from) or after a team or a
// party (a member of it). `noun` is empty.
std::vector<OwnedName> possessed_names(std::span<const nlp::Word> words);

}  // namespace kg::ingest
