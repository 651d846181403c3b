#include "ingest/nlp/tagger.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/lexicon.h"
#include "base/utf8.h"
#include "ingest/nlp/memo_owner.h"
#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/word_shape.h"

namespace kg::nlp {

namespace {

// Template ids are part of every feature key, so a model file depends on
// them: retired templates keep their ids (kRetired...) so the others do not
// move. Retired because EWT dev lost nothing without them (three fewer
// features per word to score): the first word's shape (kHeadlineShape also
// knows the first word), the previous tag with the next word, and the
// previous tag with both class sets.
enum Template : uint32_t {
  kBias = 1, kWord, kExact, kShape, kPrefix1, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kPrev1Word, kNext1Word, kPrev2Word, kNext2Word, kPrev1Tag, kPrev2Tags, kPrev1TagWord,
  kNext1Suffix3, kPrev1Suffix3, kRetiredFirstShape, kWordNextWord, kPrevWordWord, kNext1Shape,
  kRetiredPrev1TagNext1Word, kPrefix2, kPrefix3, kUsual, kNext1Usual, kNext2Usual, kNext1UsualWord, kPrev1TagUsual,
  kPrev1TagSuffix3, kPrev1WordTag, kNext1Next2Usual, kSuffix5, kTagSet, kNext1TagSet, kPrev1TagTagSet,
  kTagSetNext1TagSet, kRetiredPrev1TagNext1TagSet, kPrev2TagWord, kShapeTagSet, kHeadlineShape, kShapeNext1Shape,
  kPrev1TagShape, kHeadlineWord, kCluster4, kCluster6, kCluster10, kCluster20, kNext1Cluster6, kPrev1Cluster6,
  kPrev1TagCluster6, kNext1Cluster4Cluster6,
};

constexpr uint64_t kNoWord = 0x5A5A5A5A5A5A5A5Aull;
constexpr int kNoTag = -1;
constexpr uint64_t kNoCluster[4] = {0, 0, 0, 0};
// Lexicon keys are lowercased forms of at most this many bytes.
constexpr size_t kMaxKeyBytes = 64;

// The first features() emits for a word depend on its form alone: bias,
// word, exact form, shape, prefixes and suffixes.
constexpr size_t kOwnFeatures = 12;

// The scores of the own features of recent word forms, one table per
// thread. Scores are summed feature by feature from zero, so going on from
// a remembered sum of the first kOwnFeatures gives the very floats scoring
// them all at once would, and the same tags. Entries count only for the
// tagger weights that filled them (`owner`, see memo_owner.h).
class OwnScoreMemo {
 public:
  static constexpr size_t kMaxClasses = 128;  // taggers with more classes skip the memo
  static constexpr size_t kMaxBytes = 23;     // longer forms are not kept

  // Copies the remembered scores of `form` into `scores` and returns true,
  // or returns false.
  bool find(uint64_t owner, std::string_view form, std::span<float> scores) const {
    const Entry& e = entries_[slot(form)];
    if (e.owner != owner || e.form_len != form.size() || std::memcmp(e.form, form.data(), form.size()) != 0) {
      return false;
    }
    std::copy(e.scores, e.scores + scores.size(), scores.begin());
    return true;
  }

  void remember(uint64_t owner, std::string_view form, std::span<const float> scores) {
    if (form.size() > kMaxBytes) return;
    Entry& e = entries_[slot(form)];
    e.owner = owner;
    e.form_len = static_cast<uint8_t>(form.size());
    std::memcpy(e.form, form.data(), form.size());
    std::copy(scores.begin(), scores.end(), e.scores);
  }

 private:
  static constexpr size_t kSlots = 1024;  // about 550 KB
  struct Entry {
    uint64_t owner = 0;  // 0: empty
    uint8_t form_len = 0;
    char form[kMaxBytes];
    float scores[kMaxClasses];
  };
  static size_t slot(std::string_view form) {
    const uint64_t h = hash_bytes(form);
    return (h ^ (h >> 32)) & (kSlots - 1);
  }
  Entry entries_[kSlots];
};

}  // namespace

Tagger::Tagger(TaggerLexicon lexicon, AveragedPerceptron model)
    : lexicon_(std::move(lexicon)), model_(std::move(model)), memo_owner_(new_memo_owner()) {}

AveragedPerceptron& Tagger::model() {
  memo_owner_ = new_memo_owner();
  return model_;
}

void Tagger::word_keys(std::span<const Word> words, std::vector<WordKeys>* keys) const {
  char buf[kMaxKeyBytes];
  keys->resize(words.size());
  size_t letters = 0, capitalized = 0;
  for (const Word& w : words) {
    if (w.form.empty() || !is_ascii_alpha(w.form[0])) continue;
    ++letters;
    capitalized += is_ascii_upper(w.form[0]);
  }
  // Title case: capitalized words are less often names than in running text.
  const uint64_t headline = letters >= 2 && capitalized * 4 >= letters * 3 ? 1 : 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view f = words[i].form;
    WordKeys& k = (*keys)[i];
    k.lower = hash_lowercase(f);
    k.exact = hash_bytes(f);
    k.shape = hash_bytes(word_shape(f).view());
    for (size_t n = 1; n <= 3; ++n) k.prefix[n - 1] = f.size() >= n ? hash_lowercase(f.substr(0, n)) : kNoWord + n;
    for (size_t n = 1; n <= 5; ++n) {
      k.suffix[n - 1] = f.size() >= n ? hash_lowercase(f.substr(f.size() - n)) : kNoWord + n;
    }
    k.headline = headline;
    k.usual = 0;
    k.tag_set = 0;
    k.entry = nullptr;
    k.cluster = kNoCluster;
    if (const std::string_view lower = lowercase_into(f, buf, sizeof(buf)); !lower.empty()) {
      if (auto it = lexicon_.words.find(lower); it != lexicon_.words.end()) {
        k.entry = &it->second;
        k.usual = static_cast<uint64_t>(it->second.usual + 1);
        k.tag_set = it->second.tag_set;
        k.cluster = it->second.cluster;
      }
    }
  }
}

void Tagger::features(std::span<const WordKeys> keys, size_t i, int prev1, int prev2, std::vector<uint64_t>* out) {
  const WordKeys& w = keys[i];
  const bool has_p1 = i >= 1, has_p2 = i >= 2, has_n1 = i + 1 < keys.size(), has_n2 = i + 2 < keys.size();
  const uint64_t p1 = has_p1 ? keys[i - 1].lower : kNoWord;
  const uint64_t p2 = has_p2 ? keys[i - 2].lower : kNoWord;
  const uint64_t n1 = has_n1 ? keys[i + 1].lower : kNoWord + 1;
  const uint64_t n2 = has_n2 ? keys[i + 2].lower : kNoWord + 1;
  const uint64_t n1s3 = has_n1 ? keys[i + 1].suffix[2] : kNoWord + 1;
  const uint64_t p1s3 = has_p1 ? keys[i - 1].suffix[2] : kNoWord;
  const uint64_t n1shape = has_n1 ? keys[i + 1].shape : kNoWord + 1;
  const uint64_t n1u = has_n1 ? keys[i + 1].usual : kNoWord;
  const uint64_t n2u = has_n2 ? keys[i + 2].usual : kNoWord;
  const uint64_t n1set = has_n1 ? keys[i + 1].tag_set : kNoWord;
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  // The first kOwnFeatures depend on the word's form alone (OwnScoreMemo
  // relies on it).
  out->push_back(FeatureKey(kBias).key());
  out->push_back(FeatureKey(kWord).add(w.lower).key());
  out->push_back(FeatureKey(kExact).add(w.exact).key());
  out->push_back(FeatureKey(kShape).add(w.shape).key());
  out->push_back(FeatureKey(kPrefix1).add(w.prefix[0]).key());
  out->push_back(FeatureKey(kPrefix2).add(w.prefix[1]).key());
  out->push_back(FeatureKey(kPrefix3).add(w.prefix[2]).key());
  out->push_back(FeatureKey(kSuffix1).add(w.suffix[0]).key());
  out->push_back(FeatureKey(kSuffix2).add(w.suffix[1]).key());
  out->push_back(FeatureKey(kSuffix3).add(w.suffix[2]).key());
  out->push_back(FeatureKey(kSuffix4).add(w.suffix[3]).key());
  out->push_back(FeatureKey(kSuffix5).add(w.suffix[4]).key());
  out->push_back(FeatureKey(kPrev1Word).add(p1).key());
  out->push_back(FeatureKey(kNext1Word).add(n1).key());
  out->push_back(FeatureKey(kPrev2Word).add(p2).key());
  out->push_back(FeatureKey(kNext2Word).add(n2).key());
  out->push_back(FeatureKey(kPrev1Tag).add(t1).key());
  out->push_back(FeatureKey(kPrev2Tags).add(t1).add(t2).key());
  out->push_back(FeatureKey(kPrev1TagWord).add(t1).add(w.lower).key());
  out->push_back(FeatureKey(kPrev2TagWord).add(t2).add(w.lower).key());
  out->push_back(FeatureKey(kNext1Suffix3).add(n1s3).key());
  out->push_back(FeatureKey(kPrev1Suffix3).add(p1s3).key());
  out->push_back(FeatureKey(kWordNextWord).add(w.lower).add(n1).key());
  out->push_back(FeatureKey(kPrevWordWord).add(p1).add(w.lower).key());
  out->push_back(FeatureKey(kNext1Shape).add(n1shape).key());
  out->push_back(FeatureKey(kUsual).add(w.usual).key());
  out->push_back(FeatureKey(kNext1Usual).add(n1u).key());
  out->push_back(FeatureKey(kNext2Usual).add(n2u).key());
  out->push_back(FeatureKey(kNext1UsualWord).add(n1u).add(w.lower).key());
  out->push_back(FeatureKey(kPrev1TagUsual).add(t1).add(w.usual).key());
  out->push_back(FeatureKey(kPrev1TagSuffix3).add(t1).add(w.suffix[2]).key());
  out->push_back(FeatureKey(kPrev1WordTag).add(p1).add(t1).key());
  out->push_back(FeatureKey(kNext1Next2Usual).add(n1u).add(n2u).add(w.usual).key());
  out->push_back(FeatureKey(kTagSet).add(w.tag_set).key());
  out->push_back(FeatureKey(kNext1TagSet).add(n1set).key());
  out->push_back(FeatureKey(kPrev1TagTagSet).add(t1).add(w.tag_set).key());
  out->push_back(FeatureKey(kTagSetNext1TagSet).add(w.tag_set).add(n1set).key());
  out->push_back(FeatureKey(kShapeTagSet).add(w.shape).add(w.tag_set).key());
  out->push_back(FeatureKey(kHeadlineShape).add(w.headline).add(w.shape).add(i == 0 ? 1 : 0).key());
  out->push_back(FeatureKey(kShapeNext1Shape).add(w.shape).add(n1shape).key());
  out->push_back(FeatureKey(kPrev1TagShape).add(t1).add(w.shape).key());
  out->push_back(FeatureKey(kHeadlineWord).add(w.headline).add(w.lower).key());
  const uint64_t n1c4 = has_n1 ? keys[i + 1].cluster[0] : kNoWord;
  const uint64_t n1c6 = has_n1 ? keys[i + 1].cluster[1] : kNoWord;
  const uint64_t p1c6 = has_p1 ? keys[i - 1].cluster[1] : kNoWord;
  out->push_back(FeatureKey(kCluster4).add(w.cluster[0]).key());
  out->push_back(FeatureKey(kCluster6).add(w.cluster[1]).key());
  out->push_back(FeatureKey(kCluster10).add(w.cluster[2]).key());
  out->push_back(FeatureKey(kCluster20).add(w.cluster[3]).key());
  out->push_back(FeatureKey(kNext1Cluster6).add(n1c6).key());
  out->push_back(FeatureKey(kPrev1Cluster6).add(p1c6).key());
  out->push_back(FeatureKey(kPrev1TagCluster6).add(t1).add(w.cluster[1]).key());
  out->push_back(FeatureKey(kNext1Cluster4Cluster6).add(n1c4).add(w.cluster[1]).key());
}

void Tagger::predict(std::span<const Word> words, std::vector<int>* classes, std::vector<WordKeys>* keys) const {
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<float> scores;
  thread_local auto memo = std::make_unique<OwnScoreMemo>();
  // Only frozen weights stay put while tagging; training predicts with
  // weights that change after every sentence.
  const bool use_memo = model_.frozen() && static_cast<size_t>(model_.n_classes()) <= OwnScoreMemo::kMaxClasses;
  scores.resize(model_.n_classes());
  classes->assign(words.size(), 0);
  word_keys(words, keys);
  int prev1 = kNoTag, prev2 = kNoTag;
  for (size_t i = 0; i < words.size(); ++i) {
    const TaggerWord* entry = (*keys)[i].entry;
    int cls = entry ? entry->only : -1;
    if (cls < 0) {
      feats.clear();
      features(*keys, i, prev1, prev2, &feats);
      if (use_memo) {
        const std::span<const uint64_t> all(feats);
        if (!memo->find(memo_owner_, words[i].form, scores)) {
          std::fill(scores.begin(), scores.end(), 0.0f);
          model_.add_scores(all.first(kOwnFeatures), scores);
          memo->remember(memo_owner_, words[i].form, scores);
        }
        model_.add_scores(all.subspan(kOwnFeatures), scores);
        cls = AveragedPerceptron::best_class(scores);
      } else {
        cls = model_.predict(feats);
      }
    }
    (*classes)[i] = cls;
    prev2 = prev1;
    prev1 = cls;
  }
}

void Tagger::predict(std::span<const Word> words, std::vector<int>* classes) const {
  thread_local std::vector<WordKeys> keys;
  predict(words, classes, &keys);
}

uint32_t Tagger::feats_of(int cls, const TaggerWord* entry) const {
  if (entry) {
    for (uint32_t packed : entry->feats) {
      if (static_cast<int>(packed >> 16) == cls) return packed & 0xFFFF;
    }
  }
  return lexicon_.class_feats[cls];
}

namespace {

bool capitalized(std::string_view form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

// The class the repairs below give a word: the last with this UPOS and XPOS
// (-1 when the model has none, and the word keeps its tag).
int tag_class(const TaggerLexicon& lexicon, UPos upos, std::string_view xpos) {
  int found = -1;
  for (size_t c = 0; c < lexicon.classes.size(); ++c) {
    if (lexicon.classes[c].upos == upos && lexicon.classes[c].xpos == xpos) found = static_cast<int>(c);
  }
  return found;
}

// Sets word `i` to class `cls` when the model has it.
void retag(std::vector<int>* classes, size_t i, int cls) {
  if (cls >= 0) (*classes)[i] = cls;
}

// "lost to compatriot Andy Murray", "an assistant to sculptor Henry Moore",
// "indebted to skipper Brian O'Driscoll":
// after "to", a word the tagger rarely saw reads as an infinitive. An
// occupation or team position right before a full name (two capitalized words) is the name's
// descriptor, a singular noun. ("star" and "champion" are verbs often
// enough to be left as tagged.)
void descriptor_before_name(std::span<const Word> words, const TaggerLexicon& lexicon, std::vector<int>* classes) {
  for (size_t i = 1; i + 2 < words.size(); ++i) {
    if (lexicon.classes[(*classes)[i]].upos != UPos::VERB || !capitalized(words[i + 1].form) ||
        !capitalized(words[i + 2].form) || (words[i - 1].form != "to" && words[i - 1].form != "To")) {
      continue;
    }
    const std::string lower = utf8::ascii_lowercase(words[i].form);
    if (!(lexicon::person_descriptor(lower) || lexicon::is_position_noun(lower)) || lower == "star" ||
        lower == "champion") {
      continue;
    }
    retag(classes, i, tag_class(lexicon, UPos::NOUN, "NN"));
    retag(classes, i - 1, tag_class(lexicon, UPos::ADP, "IN"));  // ... and "to" its preposition
  }
}

// "managing director", "acting chairman", "reigning champion": a
// participle that is part of a title before its role noun is an adjective,
// not a verb whose object is the office.
void participle_in_title(std::span<const Word> words, const TaggerLexicon& lexicon, std::vector<int>* classes) {
  static constexpr std::string_view kTitleParticiples[] = {"managing", "acting",    "reigning", "outgoing",
                                                           "incoming", "presiding", "founding", "operating"};
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (lexicon.classes[(*classes)[i]].upos != UPos::VERB) continue;
    const std::string lower = utf8::ascii_lowercase(words[i].form);
    if (std::find(std::begin(kTitleParticiples), std::end(kTitleParticiples), lower) == std::end(kTitleParticiples) ||
        lexicon::role_noun(utf8::ascii_lowercase(words[i + 1].form)) == lexicon::RoleNoun::kNone) {
      continue;
    }
    retag(classes, i, tag_class(lexicon, UPos::ADJ, "JJ"));
  }
}

// "the London Stock Exchange", "the Nasdaq Stock Market": a capitalised
// common noun between two proper nouns, inside the sentence, is a word of
// the name they make, not a noun the name modifies. (Titles and roles,
// "UK Chancellor Gordon Brown", stay nouns.)
void common_noun_inside_name(std::span<const Word> words, const TaggerLexicon& lexicon, std::vector<int>* classes) {
  const auto proper = [&](size_t i) { return lexicon.classes[(*classes)[i]].upos == UPos::PROPN; };
  for (size_t i = 2; i + 1 < words.size(); ++i) {
    if (lexicon.classes[(*classes)[i]].upos != UPos::NOUN || !capitalized(words[i].form) || !proper(i - 1) ||
        !proper(i + 1) || !capitalized(words[i + 1].form)) {
      continue;
    }
    const std::string lower = utf8::ascii_lowercase(words[i].form);
    if (lexicon::role_noun(lower) != lexicon::RoleNoun::kNone || lexicon::person_descriptor(lower) ||
        lexicon::is_position_noun(lower)) {
      continue;
    }
    retag(classes, i, tag_class(lexicon, UPos::PROPN, "NNP"));
  }
}

// "amid the row", "despite the rain": prepositions that are nothing else,
// which the tagger sometimes reads as verbs or nouns ("amid" lemmatized
// "amy" as a verb).
void preposition_only(std::span<const Word> words, const TaggerLexicon& lexicon, std::vector<int>* classes) {
  static constexpr std::string_view kPrepositions[] = {"amid", "amidst", "despite", "via", "onto", "amongst"};
  for (size_t i = 0; i < words.size(); ++i) {
    const UPos upos = lexicon.classes[(*classes)[i]].upos;
    if (upos == UPos::ADP || upos == UPos::SCONJ) continue;
    const std::string lower = utf8::ascii_lowercase(words[i].form);
    if (std::find(std::begin(kPrepositions), std::end(kPrepositions), lower) == std::end(kPrepositions)) continue;
    retag(classes, i, tag_class(lexicon, UPos::ADP, "IN"));
  }
}

}  // namespace

void Tagger::tag(Document* doc) const {
  thread_local std::vector<int> classes;
  thread_local std::vector<WordKeys> keys;
  // Tag strings are interned once per document and class.
  std::vector<std::string_view> xpos(lexicon_.classes.size());
  std::vector<std::string_view> feats(lexicon_.feats_strings.size());
  for (const Sentence& s : doc->sentences) {
    std::span<Word> words = doc->words_of(s);
    predict(words, &classes, &keys);
    descriptor_before_name(words, lexicon_, &classes);
    participle_in_title(words, lexicon_, &classes);
    common_noun_inside_name(words, lexicon_, &classes);
    preposition_only(words, lexicon_, &classes);
    for (size_t i = 0; i < words.size(); ++i) {
      const int c = classes[i];
      Word& w = words[i];
      w.upos = lexicon_.classes[c].upos;
      if (xpos[c].empty()) xpos[c] = doc->intern(lexicon_.classes[c].xpos);
      w.xpos = xpos[c];
      const uint32_t f = feats_of(c, keys[i].entry);
      if (f != 0 && feats[f].empty()) feats[f] = doc->intern(lexicon_.feats_strings[f]);
      w.feats = feats[f];
    }
  }
}

void Tagger::save(ModelWriter& out) const {
  out.put<uint32_t>(static_cast<uint32_t>(lexicon_.classes.size()));
  for (const TagClass& c : lexicon_.classes) {
    out.put<uint8_t>(static_cast<uint8_t>(c.upos));
    out.put_string(c.xpos);
  }
  out.put_strings(lexicon_.feats_strings);
  out.put_array<uint32_t>(lexicon_.class_feats);
  // Words are written in key order so the file bytes do not depend on hashing.
  std::vector<std::pair<std::string_view, const TaggerWord*>> words;
  for (const auto& [word, entry] : lexicon_.words) words.emplace_back(word, &entry);
  std::sort(words.begin(), words.end());
  out.put<uint64_t>(words.size());
  for (const auto& [word, entry] : words) {
    out.put_string(word);
    out.put<int32_t>(entry->only);
    out.put<int32_t>(entry->usual);
    out.put<uint64_t>(entry->tag_set);
    for (uint64_t c : entry->cluster) out.put<uint64_t>(c);
    out.put_array<uint32_t>(entry->feats);
  }
  model_.save(out);
}

bool Tagger::load(ModelReader& in) {
  TaggerLexicon lex;
  uint32_t n = 0;
  if (!in.get(&n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t upos = 0;
    TagClass c;
    if (!in.get(&upos) || upos >= kUPosCount || !in.get_string(&c.xpos)) return false;
    c.upos = static_cast<UPos>(upos);
    lex.classes.push_back(std::move(c));
  }
  if (!in.get_strings(&lex.feats_strings) || !in.get_array(&lex.class_feats)) return false;
  if (lex.class_feats.size() != n || lex.feats_strings.empty()) return false;
  for (uint32_t f : lex.class_feats) {
    if (f >= lex.feats_strings.size()) return false;
  }
  uint64_t m = 0;
  if (!in.get_count(&m, sizeof(uint32_t))) return false;  // at least a word's length
  lex.words.reserve(m);
  const int32_t n_classes = static_cast<int32_t>(n);
  for (uint64_t i = 0; i < m; ++i) {
    std::string word;
    TaggerWord entry;
    if (!in.get_string(&word) || word.size() > kMaxKeyBytes || !in.get(&entry.only) || !in.get(&entry.usual) ||
        !in.get(&entry.tag_set) || !in.get(&entry.cluster[0]) || !in.get(&entry.cluster[1]) ||
        !in.get(&entry.cluster[2]) || !in.get(&entry.cluster[3]) || !in.get_array(&entry.feats)) {
      return false;
    }
    if (entry.only < -1 || entry.only >= n_classes || entry.usual < -1 || entry.usual >= n_classes) return false;
    for (uint32_t p : entry.feats) {
      if ((p >> 16) >= n || (p & 0xFFFF) >= lex.feats_strings.size()) return false;
    }
    lex.words.emplace(std::move(word), std::move(entry));
  }
  memo_owner_ = new_memo_owner();
  if (!model_.load(in) || model_.n_classes() != static_cast<int>(n)) return false;
  lexicon_ = std::move(lex);
  return true;
}

}  // namespace kg::nlp
