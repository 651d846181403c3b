// Private to kg_ingest: sport results written as a noun instead of a verb.
//
//   a win                "Madrid's 4-0 win over Espanyol"      -> Madrid · win over · Espanyol
//                        "Ireland's victory against Italy"     -> Ireland · win over · Italy
//   a defeat             "England's 18-17 defeat to France"    -> England · lose to · France
//                        "Leeds' defeat by Wigan"              -> Leeds · lose to · Wigan
// Read off the parse: a noun of winning (win, victory, triumph) or of losing
// (defeat, loss) with a possessor ("'s") and a modifier after "over" or
// "against" (a win), or "to", "by" or "against" (a defeat). Only a written
// possessor says who won or lost: "a win over Italy" alone names one side.
// The caller asks the resolver whether both are named and keeps teams and
// players.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

struct MatchResult {
  uint32_t side_word = 0;      // the possessor: the side whose win or defeat it is
  uint32_t opponent_word = 0;  // the head of the other side's name
  uint32_t noun_word = 0;      // "win", "defeat"
  std::string_view relation;   // "win over" or "lose to" (graph/schema: beats)
};

std::vector<MatchResult> match_results(std::span<const nlp::Word> words);

}  // namespace kg::ingest
