#include "ingest/resolve/resolve.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include "graph/identity/identity.h"
#include "graph/schema/schema.h"
#include "graph/store/store.h"
#include "ingest/resolve/lexicon.h"
#include "ingest/resolve/mentions.h"

namespace kg::resolve {

namespace {

using nlp::EntityType;

constexpr uint32_t kPronounWindow = 3;  // sentences back a pronoun may reach
// The antecedent budgets. A pronoun weighs at most this many earlier
// mentions (a normal window of three sentences holds a few dozen; one
// unparsed run-on "sentence" can hold thousands). A description ("the
// minister") looks back at most this many sentences for its person. Without
// them resolution was quadratic in the mentions of a long input (4 MB of
// one-sentence paragraphs: minutes); news articles stay far inside both.
constexpr size_t kPronounCandidates = 256;
constexpr uint32_t kDescriptionWindow = 200;

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string::npos) space = s.size();
    if (space > start) out.push_back(s.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// A normalised name with its spaces taken out.
std::string closed_up(std::string key) {
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

bool types_agree(EntityType a, EntityType b) { return a == b || a == EntityType::kMisc || b == EntityType::kMisc; }

bool genders_agree(Gender a, Gender b) { return a == Gender::kUnknown || b == Gender::kUnknown || a == b; }

// Whether `form` is written as an acronym: capital letters only, at least
// `letters` of them ("IAAF", "RCA").
bool acronym_form(std::string_view form, size_t letters) {
  return form.size() >= letters &&
         std::all_of(form.begin(), form.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// Initials of a name's words, the function words left out ("bank of england" -> "BE").
std::string initials_of(const std::vector<std::string>& tokens) {
  std::string initials;
  for (const std::string& t : tokens) {
    if (t != "of" && t != "the" && t != "and" && t != "for") initials += static_cast<char>(t[0] - 'a' + 'A');
  }
  return initials;
}

// Working state of one cluster while the article is read.
struct Draft {
  std::vector<std::string> tokens;  // normalised words of its longest name
  EntityType type = EntityType::kMisc;
  Gender gender = Gender::kUnknown;
  std::string nationality;
  std::vector<std::string> titles;
  std::vector<uint32_t> mentions;  // indexes into Resolver::found_, in the order they joined
  std::set<uint32_t> ordered;      // the same, ascending: the nearest one to a mention is a lookup
  // The same again by the pass of Resolver::run that joined them; each list
  // is ascending, as every pass reads the mentions in order.
  std::array<std::vector<uint32_t>, 3> joined_in_pass;
};

// How far person_with_short_name looks, each way, for a mention with the word.
constexpr size_t kWordSearchSteps = 64;

// Whether the space-separated `key` has `word` as one of its words.
bool has_word(std::string_view key, std::string_view word) {
  for (size_t at = 0; at <= key.size();) {
    const size_t end = std::min(key.find(' ', at), key.size());
    if (key.substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

// The passes of Resolver::run that join mentions to clusters.
enum Pass : size_t { kFullNames = 0, kShortNames = 1, kReferences = 2 };

class Resolver {
 public:
  Resolver(const nlp::Document& doc, uint32_t first, uint32_t last) : doc_(doc), first_(first), last_(last) {}

  DocumentEntities run() {
    const std::set<std::string_view> organisations = one_word_organisations(doc_, first_, last_);
    for (uint32_t s = first_; s < last_; ++s) find_mentions(doc_, s, organisations, &found_);
    cluster_of_.assign(found_.size(), -1);
    key_.resize(found_.size());
    for (size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].mention.kind == MentionKind::kName) key_[i] = name_key(found_[i]);
    }
    read_acronyms_as_their_names();
    complete_relatives_names();
    pass_ = kFullNames;
    for (size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].mention.kind == MentionKind::kName && !is_short_person(i) && !may_be_surname(i)) place_full_name(i);
    }
    pass_ = kShortNames;
    for (size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].mention.kind != MentionKind::kName) continue;
      if (is_short_person(i)) {
        place_short_name(i);
      } else if (may_be_surname(i)) {
        // "Keller" tagged ORG in an article about Martin Keller is him; with
        // no such person it is what the recognizer said.
        if (const int32_t c = person_with_short_name(i); c >= 0) {
          join(i, c);
        } else {
          place_full_name(i);
        }
      }
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      const FoundMention& f = found_[i];
      if (f.mention.kind == MentionKind::kName) {
        note_name_facts(i);
      }
    }
    pass_ = kReferences;
    for (size_t i = 0; i < found_.size(); ++i) {
      const MentionKind kind = found_[i].mention.kind;
      if (kind == MentionKind::kDescription) resolve_description(i);
      if (kind == MentionKind::kPronoun) resolve_pronoun(i);
    }
    return finish();
  }

 private:
  std::string name_key(const FoundMention& f) const {
    const std::string_view filed = filed_name(f.mention.text);
    if (!filed.empty() && f.mention.type != EntityType::kPerson) return identity::normalize_name(filed);
    return identity::normalize_name(f.mention.text);
  }

  // "The International Association of Athletics Federations (IAAF)": every
  // mention of an acronym an article spells out in parentheses after a name
  // takes that name's key, the headline's "IAAF" before it too (the
  // clusters are built in text order, so a later join would come too late).
  void read_acronyms_as_their_names() {
    std::map<std::string, std::string> name_of_acronym;
    for (size_t i = 1; i < found_.size(); ++i) {
      const Mention& m = found_[i].mention;
      const Mention& prev = found_[i - 1].mention;
      if (m.kind != MentionKind::kName || prev.kind != MentionKind::kName || m.end - m.begin != 1 ||
          prev.sentence != m.sentence || prev.end + 1 != m.begin || prev.end - prev.begin < 2) {
        continue;
      }
      const auto words = doc_.words_of(doc_.sentences[m.sentence]);
      const std::string_view form = words[m.begin].form;
      if (words[m.begin - 1].form != "(" || !acronym_form(form, 2) || !country_canonical(form).empty()) continue;
      if (prev.type == EntityType::kPerson && initials_of(split_words(key_[i - 1])) != form) continue;
      name_of_acronym.try_emplace(key_[i], key_[i - 1]);
    }
    // "RCA spokeswoman Sue Bradburn" before "the Royal College of Art": an
    // acronym of three letters or more stands for the one organisation's
    // name in the article whose initials it spells, before or after it.
    std::map<std::string, std::set<std::string>> names_by_initials;
    for (size_t i = 0; i < found_.size(); ++i) {
      const Mention& m = found_[i].mention;
      if (m.kind != MentionKind::kName || m.type == EntityType::kPerson || m.end - m.begin < 3) continue;
      names_by_initials[initials_of(split_words(key_[i]))].insert(key_[i]);
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      const Mention& m = found_[i].mention;
      if (m.kind != MentionKind::kName || m.type == EntityType::kPerson || m.end - m.begin != 1) continue;
      const std::string_view form = doc_.words_of(doc_.sentences[m.sentence])[m.begin].form;
      if (!acronym_form(form, 3) || !country_canonical(form).empty()) continue;
      const auto spelled = names_by_initials.find(std::string(form));
      if (spelled != names_by_initials.end() && spelled->second.size() == 1) {
        name_of_acronym.try_emplace(key_[i], *spelled->second.begin());
      }
    }
    if (name_of_acronym.empty()) return;
    for (size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].mention.kind != MentionKind::kName) continue;
      if (const auto it = name_of_acronym.find(key_[i]); it != name_of_acronym.end()) key_[i] = it->second;
    }
  }

  // "Michael Howard's ex-model wife, Sandra": a wife, widow, son or daughter
  // named by a given name alone bears the possessor's surname, so that she
  // is Sandra Howard, whom "Sandra" and "Mrs Howard" later in the article
  // name, not a stranger "Sandra" beside a "Howard" of unknown gender. Only
  // a possessor named in full before "'s" (a pronoun is not resolved yet),
  // and only a given name the lexicon knows of the kinship noun's gender:
  // a husband, a parent or a former wife may bear another surname.
  void complete_relatives_names() {
    for (uint32_t s = first_; s < last_; ++s) {
      const auto words = doc_.words_of(doc_.sentences[s]);
      for (const KinMention& kin : kin_mentions(words)) {
        const Gender expected = surname_bearer_gender(kin);
        if (kin.relation == "wife of" || kin.relation == "husband of") spouses_.push_back({s, kin});
        if (expected == Gender::kUnknown || words[kin.possessor_word].upos == nlp::UPos::PRON ||
            lexicon::given_name_gender(words[kin.relative_word].form) != expected) {
          continue;
        }
        const int64_t relative = mention_at(s, kin.relative_word), possessor = mention_at(s, kin.possessor_word);
        if (relative < 0 || possessor < 0 || found_[static_cast<size_t>(relative)].mention.kind != MentionKind::kName ||
            found_[static_cast<size_t>(possessor)].mention.kind != MentionKind::kName) {
          continue;
        }
        FoundMention& r = found_[static_cast<size_t>(relative)];
        const FoundMention& p = found_[static_cast<size_t>(possessor)];
        const std::vector<std::string> possessor_words = split_words(p.mention.text);
        if (r.mention.end - r.mention.begin != 1 || r.mention.type == EntityType::kOrg ||
            r.mention.type == EntityType::kLoc || p.mention.type != EntityType::kPerson || possessor_words.size() < 2) {
          continue;
        }
        r.mention.text += " " + possessor_words.back();
        r.gender = expected;  // a full name's given name states it (mentions.cc)
        key_[static_cast<size_t>(relative)] = name_key(r);
      }
    }
  }

  // The first mention whose words hold word `word` of sentence `s` (a
  // possessive pronoun before a description of its own: the pronoun); -1
  // for none.
  int64_t mention_at(uint32_t s, uint32_t word) const {
    for (size_t i = 0; i < found_.size(); ++i) {
      const Mention& m = found_[i].mention;
      if (m.sentence == s && m.begin <= word && word < m.end) return static_cast<int64_t>(i);
    }
    return -1;
  }

  // A one-word name that may be the surname or first name of a person.
  bool is_short_person(size_t i) const {
    const Mention& m = found_[i].mention;
    if (m.type != EntityType::kPerson && m.type != EntityType::kMisc) return false;
    return key_[i].find(' ') == std::string::npos && !key_[i].empty();
  }

  // A one-word ORG or LOC name the gazetteer does not know as one: it may
  // be the surname of a person the article names in full.
  bool may_be_surname(size_t i) const {
    const FoundMention& f = found_[i];
    if (f.mention.type != EntityType::kOrg && f.mention.type != EntityType::kLoc) return false;
    if (f.known_non_person || key_[i].empty() || key_[i].find(' ') != std::string::npos) return false;
    return country_canonical(f.mention.text).empty() && demonym_of(f.mention.text).empty();
  }

  void join(size_t i, int32_t c) {
    cluster_of_[i] = c;
    Draft& d = drafts_[c];
    d.mentions.push_back(static_cast<uint32_t>(i));
    d.ordered.insert(static_cast<uint32_t>(i));
    d.joined_in_pass[pass_].push_back(static_cast<uint32_t>(i));
    clusters_by_key_[key_[i]].insert(c);
    const FoundMention& f = found_[i];
    if (f.mention.kind == MentionKind::kName) clusters_by_closed_key_[closed_up(key_[i])].insert(c);
    if (d.type == EntityType::kMisc && f.mention.kind == MentionKind::kName) d.type = f.mention.type;
    if (d.gender == Gender::kUnknown) d.gender = f.gender;
    std::vector<std::string> tokens = split_words(key_[i]);
    if (f.mention.kind == MentionKind::kName && tokens.size() > d.tokens.size()) {
      d.tokens = std::move(tokens);
      // Indexed under the new name; entries under an older, shorter one stay
      // and are checked against d.tokens when read.
      clusters_by_last_word_[d.tokens.back()].insert(c);
      clusters_by_first_word_[d.tokens.front()].insert(c);
      clusters_by_initials_[initials_of(d.tokens)].insert(c);
    }
  }

  // Clusters, ascending, with a mention whose normalised name is `key`.
  const std::set<int32_t>& clusters_with_key(const std::string& key) const {
    static const std::set<int32_t> kNone;
    const auto it = clusters_by_key_.find(key);
    return it == clusters_by_key_.end() ? kNone : it->second;
  }

  int32_t new_cluster(size_t i) {
    drafts_.emplace_back();
    const auto c = static_cast<int32_t>(drafts_.size() - 1);
    join(i, c);
    return c;
  }

  // Names of two or more words, and names of organizations and places.
  void place_full_name(size_t i) {
    const FoundMention& f = found_[i];
    for (const int32_t c : clusters_with_key(key_[i])) {
      if (types_agree(drafts_[c].type, f.mention.type)) return join(i, c);
    }
    if (const int32_t c = closed_up_match(i); c >= 0) return join(i, c);
    if (const int32_t c = organisation_with_last_word(i); c >= 0) return join(i, c);
    if (const int32_t c = person_with_particle_surname(i); c >= 0) return join(i, c);
    if (const int32_t c = acronym_target(i); c >= 0) {
      // A name that has an acronym names an organisation, whatever the
      // recognizer made of its words ("Athletics Kenya (AK)").
      if (drafts_[c].type == EntityType::kPerson) drafts_[c].type = EntityType::kOrg;
      return join(i, c);
    }
    new_cluster(i);
  }

  // "TimeWarner" and "Time Warner" are one organisation: the first non-person
  // cluster whose name, spaces taken out, is this one's; -1 for none.
  int32_t closed_up_match(size_t i) const {
    const FoundMention& f = found_[i];
    if (f.mention.type == EntityType::kPerson) return -1;
    const auto it = clusters_by_closed_key_.find(closed_up(key_[i]));
    if (it == clusters_by_closed_key_.end()) return -1;
    for (const int32_t c : it->second) {
      if (drafts_[c].type != EntityType::kPerson && types_agree(drafts_[c].type, f.mention.type)) return c;
    }
    return -1;
  }

  // "United" after "Manchester United", "Rovers" after "Blackburn Rovers":
  // the one organisation named before whose name is a place's and a last
  // word, and that word the one-word name `i` (a recognized organisation,
  // or a proper noun the recognizer left untyped); -1 for none or for two.
  // (Only after a place: "Spread Firefox", "Microsoft IPTV" or "Chief Yahoo"
  // is another thing than "Firefox", "IPTV" or "Yahoo". Nor a word any
  // body's name may end in, or an office: "the Party", "the MP".)
  int32_t organisation_with_last_word(size_t i) const {
    const FoundMention& f = found_[i];
    const std::string& word = key_[i];
    if (f.mention.end != f.mention.begin + 1 ||
        (f.mention.type != EntityType::kOrg && f.mention.type != EntityType::kMisc) ||
        lexicon::is_institution_head(word) || lexicon::is_organisation_noun(word) ||
        lexicon::role_noun(word) != lexicon::RoleNoun::kNone || schema::is_role_noun(word)) {
      return -1;  // (nor an office: "the MP" after "Mid-Bedfordshire MP")
    }
    const auto indexed = clusters_by_last_word_.find(word);
    if (indexed == clusters_by_last_word_.end()) return -1;
    int32_t found = -1;
    for (const int32_t c : indexed->second) {
      const Draft& d = drafts_[c];
      if (d.type != EntityType::kOrg || d.tokens.size() < 2 || d.tokens.back() != word) continue;
      bool place = false;
      for (size_t k = 0; k + 1 < d.tokens.size(); ++k) {
        place = place || (nlp::Gazetteer::builtin().word_classes(d.tokens[k]) &
                          (nlp::kGazCountry | nlp::kGazCity | nlp::kGazRegion)) != 0;
      }
      if (!place) continue;
      if (found >= 0 && found != c) return -1;
      found = c;
    }
    return found;
  }

  // "Van Nistelrooy" after "Ruud van Nistelrooy", "De Niro" after "Robert
  // De Niro": the one person named before whose name ends in the particle
  // and the surname of the two-word name `i`; -1 for none or for two.
  // ("Van Morrison", with no longer name ending so, is a name of its own.)
  // A particle alone ("Mr De" of "Mr De Vido", the recognizer stopping
  // short) is the one person whose surname it begins.
  int32_t person_with_particle_surname(size_t i) const {
    const FoundMention& f = found_[i];
    if (f.mention.type != EntityType::kPerson && f.mention.type != EntityType::kMisc) return -1;
    std::vector<std::string> words = split_words(key_[i]);
    // (An honorific before a particle alone: "Mr De".)
    if (words.size() == 2 && !f.mention.honorific.empty() && nlp::is_name_particle(words[1]))
      words.erase(words.begin());
    if (words.empty() || words.size() > 2 || !nlp::is_name_particle(words[0])) return -1;
    // (A particle alone goes to the one of them named last before it:
    // "Aguas de Barcelona" read as a person is no "Mr De".)
    int32_t found = -1;
    uint32_t found_last = 0;
    for (size_t c = 0; c < drafts_.size(); ++c) {
      const std::vector<std::string>& t = drafts_[c].tokens;
      if (drafts_[c].type != EntityType::kPerson || t.size() < 3 || t[t.size() - 2] != words[0] ||
          (words.size() == 2 && t.back() != words[1])) {
        continue;
      }
      const std::optional<uint32_t> last = last_joined_before(drafts_[c], i);
      if (words.size() == 1) {
        if (last && (found < 0 || *last > found_last)) found = static_cast<int32_t>(c), found_last = *last;
        continue;
      }
      if (found >= 0 && found != static_cast<int32_t>(c)) return -1;
      found = static_cast<int32_t>(c);
    }
    return found;
  }

  // An organization's acronym: in parentheses right after its name, or its initials.
  int32_t acronym_target(size_t i) const {
    const Mention& m = found_[i].mention;
    if (m.end - m.begin != 1 || m.type == EntityType::kPerson) return -1;
    const auto words = doc_.words_of(doc_.sentences[m.sentence]);
    if (m.begin >= 1 && words[m.begin - 1].form == "(" && i > 0) {
      const FoundMention& prev = found_[i - 1];
      // (A "person" whose words' initials the acronym spells is an
      // organisation the recognizer misread.)
      const bool spelled = initials_of(split_words(key_[i - 1])) == words[m.begin].form;
      if (prev.mention.sentence == m.sentence && prev.mention.end + 1 == m.begin && cluster_of_[i - 1] >= 0 &&
          (prev.mention.type != EntityType::kPerson || spelled) && prev.mention.end - prev.mention.begin >= 2) {
        return cluster_of_[i - 1];
      }
    }
    const std::string_view form = words[m.begin].form;
    if (!acronym_form(form, 2)) return -1;
    const auto indexed = clusters_by_initials_.find(std::string(form));
    if (indexed == clusters_by_initials_.end()) return -1;
    for (auto c = indexed->second.rbegin(); c != indexed->second.rend(); ++c) {  // the latest such organization
      const Draft& d = drafts_[*c];
      if (d.type != EntityType::kPerson && d.tokens.size() >= 2 && initials_of(d.tokens) == form) return *c;
    }
    return -1;
  }

  // "Blair", "Mr Blair": the full name it shortens, else a cluster of its own.
  void place_short_name(size_t i) {
    if (const int32_t best = person_with_short_name(i); best >= 0) return join(i, best);
    if (const int32_t c = person_with_particle_surname(i); c >= 0) return join(i, c);
    const FoundMention& f = found_[i];
    // The same word under another type ("Nato" once tagged PERSON, elsewhere
    // ORG) is that entity, unless an honorific or title says it is a person.
    // (Nor a cluster of the other gender: "Mr Howard" joined Michael Howard,
    // and "Mrs Howard" is someone else.)
    const bool doubtful_type = f.mention.honorific.empty() && f.title.empty();
    for (int pass = 0; pass < (doubtful_type ? 2 : 1); ++pass) {
      for (const int32_t c : clusters_with_key(key_[i])) {
        if (!genders_agree(f.gender, drafts_[c].gender)) continue;
        if (pass == 1 || types_agree(drafts_[c].type, f.mention.type)) return join(i, c);
      }
    }
    if (const int32_t c = closed_up_match(i); c >= 0) return join(i, c);
    if (const int32_t c = doubtful_type ? organisation_opened_by(i) : -1; c >= 0) return join(i, c);
    new_cluster(i);
  }

  // "Boca" tagged PERSON in an article about Boca Juniors, with no person
  // so called: the one organisation whose short name opens with it; -1 for
  // none or several ("Virgin" beside Virgin Atlantic and
  // Virgin Megastores). Only a word the recognizer took for a person's: a
  // name it typed otherwise, or an acronym, is as often a parent body that
  // opens its parts' names ("IAAF" beside the IAAF Council, "Diageo"
  // beside Diageo Chateau & Estate Wines).
  int32_t organisation_opened_by(size_t i) const {
    const Mention& m = found_[i].mention;
    if (m.type != EntityType::kPerson || acronym_form(m.text, 2)) return -1;
    const auto indexed = clusters_by_first_word_.find(key_[i]);
    if (indexed == clusters_by_first_word_.end()) return -1;
    int32_t found = -1;
    for (const int32_t c : indexed->second) {
      const Draft& d = drafts_[c];
      // (Two words, or a partnership's three, "Marks and Spencer"; the key
      // drops "&": "Marsh & McLennan" has two. A longer name is more often
      // a part's, "Diageo Chateau & Estate Wines".)
      const bool partnership = d.tokens.size() == 3 && d.tokens[1] == "and";
      if (d.type != EntityType::kOrg || (d.tokens.size() != 2 && !partnership) || d.tokens.front() != key_[i]) continue;
      if (found >= 0) return -1;
      found = c;
    }
    return found;
  }

  // The person (a cluster with a name of two or more words) whose surname,
  // else first name, the one-word name `i` is; the nearest full-name mention
  // before it wins, with none before the nearest after. -1 for none.
  int32_t person_with_short_name(size_t i) const {
    const FoundMention& f = found_[i];
    const std::string& word = key_[i];
    int32_t best = -1;
    bool best_before = false, best_called_so = false;
    size_t best_distance = 0;
    for (int pass = 0; pass < 2 && best < 0; ++pass) {  // surname first, then first name
      const auto& index = pass == 0 ? clusters_by_last_word_ : clusters_by_first_word_;
      const auto indexed = index.find(word);
      if (indexed == index.end()) continue;
      for (const int32_t c : indexed->second) {
        const Draft& d = drafts_[c];
        if (d.type != EntityType::kPerson || d.tokens.size() < 2) continue;
        if ((pass == 0 ? d.tokens.back() : d.tokens.front()) != word) continue;
        if (!genders_agree(f.gender, d.gender)) continue;
        // The nearest mention with this word before this one wins; with
        // none before, the nearest after (a headline before the article
        // body). (Mentions without the word do not count: after "Sir Ian
        // Blair", "Tony Blair" and "Sir Ian", "Mr Blair" is Tony Blair.)
        // (At most kWordSearchSteps mentions each way, so that the cost
        // per mention stays bounded whatever the article repeats.)
        size_t nearest_before = SIZE_MAX, nearest_after = SIZE_MAX;
        const auto after = d.ordered.upper_bound(static_cast<uint32_t>(i));
        size_t steps = 0;
        for (auto m = after; m != d.ordered.begin() && steps < kWordSearchSteps; ++steps) {
          --m;
          if (*m < i && has_word(key_[*m], word)) {
            nearest_before = *m;
            break;
          }
        }
        steps = 0;
        for (auto m = after; m != d.ordered.end() && steps < kWordSearchSteps; ++m, ++steps) {
          if (has_word(key_[*m], word)) {
            nearest_after = *m;
            break;
          }
        }
        const bool before = nearest_before != SIZE_MAX;
        const size_t distance = before ? i - nearest_before : nearest_after != SIZE_MAX ? nearest_after - i : SIZE_MAX;
        // The one the article has already called by the word alone wins over
        // one only named in full ("Edwards" is still Richey Edwards after
        // "his parents, Graham and Sherry Edwards").
        bool called_so = false;
        steps = 0;
        for (auto m = after; m != d.ordered.begin() && steps < kWordSearchSteps && !called_so; ++steps) {
          --m;
          called_so = *m < i && key_[*m] == word;
        }
        const bool better = best < 0 || (called_so && !best_called_so) ||
                            (called_so == best_called_so &&
                             ((before && !best_before) || (before == best_before && distance < best_distance)));
        if (better) {
          best = static_cast<int32_t>(c), best_before = before, best_distance = distance, best_called_so = called_so;
        }
      }
    }
    return best;
  }

  void note_name_facts(size_t i) {
    const FoundMention& f = found_[i];
    const int32_t c = cluster_of_[i];
    if (c < 0 || f.title.empty()) return;
    Draft& d = drafts_[c];
    if (std::find(d.titles.begin(), d.titles.end(), f.title) == d.titles.end()) d.titles.push_back(f.title);
    if (d.nationality.empty()) d.nationality = f.nationality;
    titles_.push_back(TitleFact{static_cast<uint32_t>(c), f.title, f.mention.sentence, f.title_begin, f.title_end});
  }

  // Whether a title of `d` has `role` as one of its words ("prime minister" ~ "minister").
  // Whether one of the person's titles has the word `role`, after every one
  // of the description's `modifiers` ("the prime minister" is no welfare
  // minister), and not as a shadow, former or deputy office ("the
  // chancellor" is not the shadow chancellor).
  static bool has_title_word(const Draft& d, const std::string& role, const std::vector<std::string>& modifiers) {
    for (const std::string& t : d.titles) {
      const std::vector<std::string> words = split_words(identity::normalize_name(t));
      for (size_t k = 0; k < words.size(); ++k) {
        if (words[k] != role) continue;
        const auto before = [&](std::string_view w) { return std::find(words.begin(), words.begin() + k, w) != words.begin() + k; };
        const bool lesser = before("shadow") || before("former") || before("deputy") || before("vice") || before("assistant");
        if (!lesser && std::all_of(modifiers.begin(), modifiers.end(), before)) return true;
      }
    }
    return false;
  }

  // The cluster of the resolved mention covering word `w` of sentence `s`, -1 for none.
  int32_t cluster_at_word(uint32_t s, uint32_t w, size_t before) const {
    for (size_t j = before; j-- > 0;) {
      const Mention& m = found_[j].mention;
      if (m.sentence != s) break;
      if (m.begin <= w && w < m.end && cluster_of_[j] >= 0) return cluster_of_[j];
    }
    return -1;
  }

  void resolve_description(size_t i) {
    const FoundMention& f = found_[i];
    // "the company" is resolved as "it" is, "the 25-year-old" and "the
    // athlete" as "he" or "she", by salience.
    if (f.institution_head) return resolve_institution(i);
    if (f.event_head) return resolve_event(i);
    if (f.spouse) return resolve_spouse(i);
    if (f.mention.type == EntityType::kOrg || f.read_as_pronoun) return resolve_pronoun(i);
    const int32_t possessor = f.possessor_word >= 0 ? cluster_at_word(f.mention.sentence, f.possessor_word, i) : -1;
    const RoleNoun role = role_noun(f.role_lemma);
    if (role == RoleNoun::kGeneric && f.nationality.empty() && f.possessor_word < 0) return;  // "the leader": too vague
    // The fitting person whose mention joined last before this one wins
    // (the last in join order, see last_joined_before), among the clusters
    // mentioned within kDescriptionWindow sentences before it.
    int32_t best = -1;
    uint32_t best_last = 0;
    std::set<int32_t> seen;
    for (size_t j = i; j-- > 0 && found_[j].mention.sentence + kDescriptionWindow >= f.mention.sentence;) {
      const int32_t c = cluster_of_[j];
      if (c < 0 || c == possessor || !seen.insert(c).second) continue;
      const Draft& d = drafts_[c];
      if (d.type != EntityType::kPerson) continue;
      if (!f.nationality.empty() && d.nationality != f.nationality) continue;
      if (role == RoleNoun::kTitle && !has_title_word(d, f.role_lemma, f.role_modifiers)) continue;
      if (role == RoleNoun::kGeneric && d.titles.empty() && d.nationality.empty()) continue;
      const std::optional<uint32_t> last = last_joined_before(d, i);
      if (last && (best < 0 || *last > best_last)) best = c, best_last = *last;
    }
    if (best >= 0) join(i, best);
  }

  // "her husband": the person the article has named as her husband or
  // "his wife" ("Michael Howard's wife, Sandra" makes Michael Howard "her
  // husband" for "she" = Sandra); unresolved when it names none.
  void resolve_spouse(size_t i) {
    const FoundMention& f = found_[i];
    const int32_t possessor = cluster_at_word(f.mention.sentence, static_cast<uint32_t>(f.possessor_word), i);
    if (possessor < 0) return;
    for (const auto& [sentence, kin] : spouses_) {
      const int64_t relative = mention_at(sentence, kin.relative_word),
                    other = mention_at(sentence, kin.possessor_word);
      if (relative < 0 || other < 0 || static_cast<size_t>(relative) >= i || static_cast<size_t>(other) >= i) continue;
      const int32_t r = cluster_of_[static_cast<size_t>(relative)], o = cluster_of_[static_cast<size_t>(other)];
      if (r < 0 || o < 0 || r == o) continue;
      if (r == possessor) return join(i, o);
      if (o == possessor) return join(i, r);
    }
  }

  // Joins description `i` to the cluster named last before it, within
  // kDescriptionWindow sentences, that `fits`; none, and it stays unresolved.
  template <typename Fits>
  void join_named_before(size_t i, Fits fits) {
    const uint32_t sentence = found_[i].mention.sentence;
    for (size_t j = i; j-- > 0 && found_[j].mention.sentence + kDescriptionWindow >= sentence;) {
      const int32_t c = cluster_of_[j];
      if (c >= 0 && found_[j].mention.kind == MentionKind::kName && fits(drafts_[c])) return join(i, c);
    }
  }

  // "the commission": the organisation named last before it whose name of
  // two or more words ends in that word.
  void resolve_institution(size_t i) {
    const std::string& head = found_[i].role_lemma;
    join_named_before(i, [&](const Draft& d) {
      return d.type != EntityType::kPerson && d.tokens.size() >= 2 && d.tokens.back() == head;
    });
  }

  // "the festival": the event named last before it whose name ends in that
  // word, or, for a word any event goes by ("the tournament"), in an event's
  // word ("Australian Open", "Rugby World Cup").
  void resolve_event(size_t i) {
    const std::string& head = found_[i].role_lemma;
    const bool any_event = lexicon::is_event_description(head, /*any_event=*/true);
    join_named_before(i, [&](const Draft& d) {
      if (d.type == EntityType::kPerson || d.tokens.size() < 2) return false;
      const std::string& last = d.tokens.back();
      return last == head || last == head + "s" || (any_event && lexicon::ends_event_name(last));
    });
  }

  // Of the mentions of `d` before `i`, the one joined last: a reference
  // resolved earlier in the last pass, else the last short name, else the
  // last full name (by position within a pass, as each pass is in order).
  // This is the rule descriptions have always been resolved by; "the last
  // mention before" would pick differently when a pronoun of one cluster
  // falls between the names of another.
  static std::optional<uint32_t> last_joined_before(const Draft& d, size_t i) {
    for (size_t pass = d.joined_in_pass.size(); pass-- > 0;) {
      const std::vector<uint32_t>& joined = d.joined_in_pass[pass];
      const auto after = std::lower_bound(joined.begin(), joined.end(), static_cast<uint32_t>(i));
      if (after != joined.begin()) return *std::prev(after);
    }
    return std::nullopt;
  }

  // "England were sloppy", "Ireland are going for": a place named as the
  // subject of a plural verb, or as the topic of a sentence about "they", is
  // its team (British usage), which "they" may stand for. Only the mentions
  // placed so far are looked at.
  bool takes_plural_verb(const Draft& d) const {
    for (const uint32_t m : d.mentions) {
      const Mention& mention = found_[m].mention;
      if (mention.kind != MentionKind::kName || mention.end - mention.begin != 1) continue;
      const auto words = doc_.words_of(doc_.sentences[mention.sentence]);
      const nlp::Word& head = words[mention.head];
      // ("As for Scotland, they have struggled": the topic is what "they" goes on about.)
      if (static_cast<int32_t>(mention.begin) == topic_word(words)) return true;
      if (head.deprel.starts_with("nsubj") && head.head >= 0 &&
          nlp::plural_verb(words, static_cast<uint32_t>(head.head))) {
        return true;
      }
    }
    return false;
  }

  // How well a cluster fits a pronoun or an organisation description, as a
  // weight on its salience: 0 for not at all. "it" means an organisation far
  // more often than a place in news; the recognizer types many organisations
  // MISC ("Rank", "TimeWarner").
  double fit(const FoundMention& pronoun, const Draft& d) const {
    if (pronoun.mention.kind == MentionKind::kDescription && pronoun.mention.type == EntityType::kPerson) {
      return d.type == EntityType::kPerson ? 1.0 : 0.0;
    }
    if (pronoun.mention.kind == MentionKind::kDescription) {
      return d.type == EntityType::kOrg ? 1.0 : d.type == EntityType::kMisc ? 0.8 : 0.0;
    }
    const auto p = third_person_pronoun(pronoun.mention.text);
    switch (p->cls) {
      case PronounClass::kMasculine: return d.type == EntityType::kPerson && d.gender != Gender::kFemale ? 1.0 : 0.0;
      case PronounClass::kFeminine: return d.type == EntityType::kPerson && d.gender != Gender::kMale ? 1.0 : 0.0;
      case PronounClass::kNeuter:
        return d.type == EntityType::kOrg ? 1.0 : d.type == EntityType::kMisc ? 0.8 : d.type == EntityType::kLoc ? 0.5 : 0.0;
      case PronounClass::kPlural:
        return d.type == EntityType::kOrg || (d.type == EntityType::kLoc && takes_plural_verb(d)) ? 1.0 : 0.0;
    }
    return 0.0;
  }

  // Whether the named mention is a conjunct: "Kenteris" and "Thanou" in
  // "Kenteris and Thanou".
  bool in_coordination(const FoundMention& a) const {
    const auto words = doc_.words_of(doc_.sentences[a.mention.sentence]);
    if (words[a.mention.head].deprel == "conj") return true;
    for (const nlp::Word& w : words) {
      if (w.deprel == "conj" && w.head == static_cast<int32_t>(a.mention.head)) return true;
    }
    return false;
  }

  // The cluster of the nearest subject above the mention `i` in its own
  // sentence, before it: climbing from the mention's head, the first verb
  // or predicate with a subject of its own; -1 for none or one not resolved.
  int32_t local_subject(size_t i) const {
    const Mention& p = found_[i].mention;
    const auto words = doc_.words_of(doc_.sentences[p.sentence]);
    int32_t x = words[p.head].head;
    for (int steps = 0; x >= 0 && steps < 12; ++steps, x = words[static_cast<uint32_t>(x)].head) {
      for (uint32_t c = 0; c < words.size(); ++c) {
        if (words[c].head != x || !words[c].deprel.starts_with("nsubj")) continue;
        if (c >= p.begin) return -1;
        return cluster_at_word(p.sentence, c, i);
      }
    }
    return -1;
  }

  void resolve_pronoun(size_t i) {
    const FoundMention& p = found_[i];
    const uint32_t s = p.mention.sentence;
    const uint32_t window_start = s >= first_ + kPronounWindow ? s - kPronounWindow : first_;
    std::map<int32_t, double> salience;
    std::vector<int32_t> excluded;
    const auto pronoun_info = third_person_pronoun(p.mention.text);
    const bool plural =
        p.mention.kind == MentionKind::kPronoun && pronoun_info && pronoun_info->cls == PronounClass::kPlural;
    double people_together = 0;  // the salience of people named in a coordination
    for (size_t j = i; j-- > 0 && i - j <= kPronounCandidates;) {
      const FoundMention& a = found_[j];
      if (a.mention.sentence < window_start) break;
      const int32_t c = cluster_of_[j];
      if (c < 0) continue;
      if (p.reflexive && a.mention.sentence != s) continue;
      if (a.mention.sentence == s && a.mention.end > p.mention.begin) continue;  // overlapping or after
      // "Biden told him": an object pronoun is not the subject of its own verb.
      if (a.mention.sentence == s && !p.reflexive && p.object_pronoun && a.role == Role::kSubject &&
          a.governor >= 0 && a.governor == p.governor) {
        excluded.push_back(c);
        continue;
      }
      // The subject of the pronoun's own sentence is its likeliest antecedent
      // ("the US thanked its allies").
      const double role = a.role == Role::kSubject ? (a.mention.sentence == s ? 260 : 80) : a.role == Role::kObject ? 50 : 0;
      const double decay = 1.0 / static_cast<double>(1u << (s - a.mention.sentence));
      // A name modifying another noun ("US market regulators", "UK film
      // producer") is no topic of the text.
      const std::string_view rel = doc_.words_of(doc_.sentences[a.mention.sentence])[a.mention.head].deprel;
      const double modifier = rel == "compound" || rel == "amod" ? 0.3 : 1.0;
      salience[c] += (100 + role) * decay * modifier;
      if (plural && in_coordination(a) && drafts_[c].type == EntityType::kPerson) {
        people_together += (100 + role) * decay * modifier;
      }
      // The name the sentence opens with as its topic is the one it goes on about.
      if (a.mention.sentence == s &&
          static_cast<int32_t>(a.mention.begin) == topic_word(doc_.words_of(doc_.sentences[s]))) {
        salience[c] += 1000;
      }
    }
    int32_t best = -1;
    double best_score = 0;
    for (const auto& [c, score] : salience) {
      if (std::find(excluded.begin(), excluded.end(), c) != excluded.end()) continue;
      const double weighted = score * fit(p, drafts_[c]);
      if (weighted > best_score) best = c, best_score = weighted;
    }
    // "Kenteris and Thanou ... their former coach": people named together
    // are what "they" means more than any organisation; a mention stands for
    // one entity, so the pronoun stays unresolved.
    if (best < 0 || people_together > best_score) return;
    // "... because Yukos has no assets there, apart from a house owned by its
    // chief finance officer": a possessive belongs to the subject of its own
    // clause before the sentence's.
    if (pronoun_info && pronoun_info->possessive) {
      if (const int32_t local = local_subject(i);
          local >= 0 && local != best && std::find(excluded.begin(), excluded.end(), local) == excluded.end() &&
          fit(p, drafts_[local]) > 0 && salience.contains(local)) {
        best = local;
      }
    }
    Draft& d = drafts_[best];
    if (d.gender == Gender::kUnknown && pronoun_info && pronoun_info->cls == PronounClass::kMasculine) {
      d.gender = Gender::kMale;
    }
    if (d.gender == Gender::kUnknown && pronoun_info && pronoun_info->cls == PronounClass::kFeminine) {
      d.gender = Gender::kFemale;
    }
    join(i, best);
  }

  DocumentEntities finish() {
    DocumentEntities out;
    // Clusters in order of first mention.
    std::vector<int32_t> order;
    std::vector<int32_t> renumber(drafts_.size(), -1);
    for (size_t i = 0; i < found_.size(); ++i) {
      const int32_t c = cluster_of_[i];
      if (c >= 0 && renumber[c] < 0) {
        renumber[c] = static_cast<int32_t>(order.size());
        order.push_back(c);
      }
    }
    out.mentions.reserve(found_.size());
    for (size_t i = 0; i < found_.size(); ++i) {
      Mention m = found_[i].mention;
      m.cluster = cluster_of_[i] >= 0 ? renumber[cluster_of_[i]] : -1;
      out.mentions.push_back(std::move(m));
    }
    for (int32_t c : order) {
      const Draft& d = drafts_[c];
      Cluster cl;
      cl.type = d.type;
      cl.gender = d.gender;
      cl.nationality = d.nationality;
      cl.titles = d.titles;
      size_t best_words = 0;
      for (uint32_t j : d.mentions) {
        Mention& m = out.mentions[j];
        m.type = d.type;
        cl.mentions.push_back(j);
        if (m.kind != MentionKind::kName) continue;
        ++cl.name_mentions;
        const std::string alias = m.honorific.empty() ? m.text : m.honorific + " " + m.text;
        auto it = std::find_if(cl.aliases.begin(), cl.aliases.end(), [&](const auto& a) { return a.first == alias; });
        if (it == cl.aliases.end()) cl.aliases.emplace_back(alias, 1);
        else ++it->second;
        const std::string_view filed = d.type == EntityType::kPerson ? "" : filed_name(m.text);
        const std::string name = filed.empty() ? m.text : std::string(filed);
        const size_t words = split_words(name).size();
        if (words > best_words) best_words = words, cl.name = name;
      }
      std::stable_sort(cl.aliases.begin(), cl.aliases.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      out.clusters.push_back(std::move(cl));
    }
    for (TitleFact t : titles_) {
      t.cluster = static_cast<uint32_t>(renumber[t.cluster]);
      out.titles.push_back(std::move(t));
    }
    // Word map: names with their titles and descriptions first, pronouns
    // last (a possessive inside a description keeps its own entity).
    out.word_cluster.resize(doc_.sentences.size());
    for (uint32_t s = first_; s < last_; ++s) out.word_cluster[s].assign(doc_.sentences[s].size(), -1);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < found_.size(); ++i) {
        const Mention& m = out.mentions[i];
        if (m.cluster < 0 || (m.kind == MentionKind::kPronoun) != (pass == 1)) continue;
        const uint32_t from = m.kind == MentionKind::kName ? found_[i].title_begin : m.begin;
        for (uint32_t w = from; w < m.end; ++w) out.word_cluster[m.sentence][w] = m.cluster;
      }
    }
    return out;
  }

  const nlp::Document& doc_;
  const uint32_t first_, last_;
  std::vector<FoundMention> found_;
  std::vector<std::string> key_;      // normalised name of each name mention
  // "wife of" and "husband of" kinship read off the words, with its sentence.
  std::vector<std::pair<uint32_t, KinMention>> spouses_;
  std::vector<int32_t> cluster_of_;   // draft index of each mention, -1 unresolved
  std::vector<Draft> drafts_;
  Pass pass_ = kFullNames;  // the pass of run() under way
  // Indexes of drafts_, so that placing a name costs no scan of every
  // cluster: by the key of any of its mentions, and by the last word, first
  // word and initials of its longest name (these three may hold stale
  // entries, which readers check).
  std::unordered_map<std::string, std::set<int32_t>> clusters_by_key_;
  std::unordered_map<std::string, std::set<int32_t>> clusters_by_closed_key_;  // the same keys without spaces
  std::unordered_map<std::string, std::set<int32_t>> clusters_by_last_word_;
  std::unordered_map<std::string, std::set<int32_t>> clusters_by_first_word_;
  std::unordered_map<std::string, std::set<int32_t>> clusters_by_initials_;
  std::vector<TitleFact> titles_;
};

}  // namespace

int32_t topic_word(std::span<const nlp::Word> words) {
  return words.size() > 3 && (words[0].form == "As" || words[0].form == "as") && words[1].form == "for" ? 2 : -1;
}

store::EntityType store_type(nlp::EntityType type) {
  switch (type) {
    case EntityType::kPerson: return store::EntityType::kPerson;
    case EntityType::kOrg: return store::EntityType::kOrg;
    case EntityType::kLoc: return store::EntityType::kLoc;
    case EntityType::kMisc: return store::EntityType::kMisc;
  }
  return store::EntityType::kMisc;
}

store::EntityRecord entity_record(const Cluster& cluster) {
  store::EntityRecord r;
  r.name = cluster.name;
  r.type = store_type(cluster.type);
  r.aliases = cluster.aliases;
  r.mentions = static_cast<uint32_t>(cluster.mentions.size());
  return r;
}

int32_t DocumentEntities::cluster_at(uint32_t sentence, uint32_t word) const {
  if (sentence >= word_cluster.size() || word >= word_cluster[sentence].size()) return -1;
  return word_cluster[sentence][word];
}

DocumentEntities resolve_sentences(const nlp::Document& doc, uint32_t first_sentence, uint32_t last_sentence) {
  last_sentence = std::min<uint32_t>(last_sentence, static_cast<uint32_t>(doc.sentences.size()));
  first_sentence = std::min(first_sentence, last_sentence);
  return Resolver(doc, first_sentence, last_sentence).run();
}

DocumentEntities resolve_document(const nlp::Document& doc) {
  return resolve_sentences(doc, 0, static_cast<uint32_t>(doc.sentences.size()));
}

}  // namespace kg::resolve
