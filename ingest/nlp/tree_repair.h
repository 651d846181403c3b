// Repairs of parser output that break a rule of UD trees in a way greedy
// parsing of news names tends to: two subjects of one predicate ("US
// President Joe Biden and Russia President Vladimir Putin spoke", where the
// parser takes "Russia" as the conjunct and "Vladimir" as a second subject),
// an apposition read as a sentence of its own ("the Baltic Pipe, a project
// ...", with "project" parataxis of the main verb), a coordination read as
// one long name ("Prime Minister Helen Marsh and
// Brazilian President Rafael Duarte met", with "Helen" a modifier of
// "Rafael"), and a clause hung on a noun as an adverbial clause ("a project
// that the government supports"), which UD reserves for predicates; and a
// sentence whose subject has a relative clause read as a noun phrase alone
// ("The firm, which makes phones, reported ...", with "reported" a conjunct
// of "makes" and "firm" the root); and a reported clause read as a relative
// clause on the noun before "that" ("said after the meeting that Biden had
// offered Putin the choice"); and a description of age read as the root
// ("The 29-year-old finished second", with "finished" a clause on "old");
// and a relative clause opened by "whose" read as an apposition ("said
// Mourinho, whose Chelsea team meet Barcelona", with Mourinho meeting);
// and a relative clause after a comma read as a clause of its own ("skipper
// Brian O'Driscoll, who set up tries", with "set" parataxis of the verb);
// and a subject set off by commas read as the root ("Vincent Cable, for the
// Liberal Democrats, called on Mr Brown", with "called" a clause on
// "Democrats"); and a preposition hung on the descriptor before a name read
// as an object ("play alongside fellow debutant David Sherwood"); and a name
// hung as the "object" of the title noun before it ("beating French Open
// champion Gaston Gaudio"); and a clause of means hung on a noun
// ("reached the final by beating Wasps", with "beating" a clause on "final");
// and two nouns that modify a third together read as a coordination ("the
// science and technology committee", with "committee" a conjunct); and the
// subject of a reported clause read as an object of the verb of saying
// ("told the BBC News website Ford did not deserve credit"); and a
// preposition read as the head of its own phrase ("set up tries for Geordan
// Murphy", with "for" a modifier of "tries" and "Geordan" a compound of it);
// and examples hung on the verb instead of the noun they are examples of
// ("disposed of a number of businesses, including the Odeon cinema chain");
// and a name after its descriptor read as an oblique without a preposition
// ("bought Brazilian brewer Ambev", with "brewer" the object); and a title
// before the name that opens a sentence read as the root, with the verb a
// relative clause on it ("Russian oil firm Yukos has sued four companies");
// and a finite verb read as a conjunct of an infinitive ("failed to complete
// the marathon and later dropped out", with "dropped" under "complete");
// and a list's second item read as an apposition of its first ("owns 34
// casinos, the Mecca Bingo chain and 100 Hard Rock Cafes"); and a named
// event hung on the race or prize before it instead of the verb ("won gold
// in the 200m at the Sydney Olympics", with the Olympics a modifier of
// "200m").
//
// A repair that would leave the sentence without exactly one root or with a
// cycle is undone, so a well-formed tree stays well-formed.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ingest/nlp/document.h"

namespace kg::nlp {

class TreeRepair {
 public:
  TreeRepair() = default;
  // Label ids are positions in `labels` (the parser's label list); a repair
  // whose labels are missing is off.
  explicit TreeRepair(const std::vector<std::string>& labels);

  // Repairs heads (-1 = root) and label ids of one parsed sentence in place.
  void repair(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;

 private:
  void merge_second_subject(std::span<const Word> words, int first, int second, std::vector<int>* heads,
                            std::vector<int>* labels) const;
  void relative_clause_on_noun(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void coordination_inside_name(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void apposition_after_comma(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void predicate_after_relative_clause(std::span<const Word> words, std::vector<int>* heads,
                                       std::vector<int>* labels) const;
  void reported_clause_read_as_relative(std::span<const Word> words, std::vector<int>* heads,
                                        std::vector<int>* labels) const;
  void age_description_read_as_root(std::span<const Word> words, std::vector<int>* heads,
                                    std::vector<int>* labels) const;
  void whose_clause_read_as_apposition(std::span<const Word> words, std::vector<int>* heads,
                                       std::vector<int>* labels) const;
  void relative_clause_read_as_parataxis(std::span<const Word> words, std::vector<int>* heads,
                                         std::vector<int>* labels) const;
  void predicate_after_parenthesis(std::span<const Word> words, std::vector<int>* heads,
                                   std::vector<int>* labels) const;
  void preposition_on_descriptor(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void name_read_as_object_of_its_title(std::span<const Word> words, std::vector<int>* heads,
                                        std::vector<int>* labels) const;
  void means_clause_on_noun(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void coordinated_modifiers(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void subject_of_reported_clause(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void preposition_read_as_head(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void examples_hung_on_the_verb(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void name_after_object_read_as_oblique(std::span<const Word> words, std::vector<int>* heads,
                                         std::vector<int>* labels) const;
  void title_read_as_root(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void finite_conjunct_of_infinitive(std::span<const Word> words, std::vector<int>* heads,
                                     std::vector<int>* labels) const;
  void list_read_as_apposition(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void event_hung_on_the_race(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  void subject_after_as_read_as_oblique(std::span<const Word> words, std::vector<int>* heads,
                                        std::vector<int>* labels) const;
  void score_read_as_part_of_name(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;
  bool is_subject(int label) const { return label == nsubj_ || label == nsubj_pass_; }
  // The first word of the name headed by `name`: its first compound or flat
  // part before it, or `name` itself.
  int name_start(const std::vector<int>& heads, const std::vector<int>& labels, int name) const {
    int first = name;
    for (int k = name - 1; k >= 0; --k) {
      if (heads[k] == name && (labels[k] == compound_ || labels[k] == flat_)) first = k;
    }
    return first;
  }
  // Whether word `head` has a subject among its dependents.
  bool has_subject(const std::vector<int>& heads, const std::vector<int>& labels, int head) const {
    for (size_t k = 0; k < heads.size(); ++k) {
      if (heads[k] == head && is_subject(labels[k])) return true;
    }
    return false;
  }

  int nsubj_ = -1, nsubj_pass_ = -1, conj_ = -1, cc_ = -1, compound_ = -1, desc_ = -1;
  int advcl_ = -1, mark_ = -1, obj_ = -1, relcl_ = -1, parataxis_ = -1, appos_ = -1, det_ = -1, root_ = -1;
  int punct_ = -1, iobj_ = -1, ccomp_ = -1, poss_ = -1, flat_ = -1, case_ = -1, obl_ = -1;
  int nmod_ = -1, fixed_ = -1;
};

}  // namespace kg::nlp
