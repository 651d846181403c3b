#include "ingest/nlp/tagger.h"

#include <algorithm>

#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/word_shape.h"

namespace kg::nlp {

namespace {

enum Template : uint32_t {
  kBias = 1, kWord, kExact, kShape, kPrefix1, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kPrev1Word, kNext1Word, kPrev2Word, kNext2Word, kPrev1Tag, kPrev2Tags, kPrev1TagWord,
  kNext1Suffix3, kPrev1Suffix3, kFirstShape, kWordNextWord, kPrevWordWord, kNext1Shape, kPrev1TagNext1Word,
  kPrefix2, kPrefix3, kUsual, kNext1Usual, kNext2Usual, kNext1UsualWord, kPrev1TagUsual, kPrev1TagSuffix3,
  kPrev1WordTag, kNext1Next2Usual,
};

constexpr uint64_t kNoWord = 0x5A5A5A5A5A5A5A5Aull;
constexpr int kNoTag = -1;

uint64_t fnv(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

}  // namespace

void Tagger::word_keys(std::span<const Word> words, std::vector<WordKeys>* keys) const {
  char buf[64];
  keys->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view f = words[i].form;
    WordKeys& k = (*keys)[i];
    k.lower = hash_lowercase(f);
    k.exact = fnv(f);
    k.shape = fnv(word_shape(f).view());
    for (size_t n = 1; n <= 3; ++n) k.prefix[n - 1] = f.size() >= n ? hash_lowercase(f.substr(0, n)) : kNoWord + n;
    k.usual = 0;
    if (const std::string_view lower = lowercase_into(f, buf, sizeof(buf)); !lower.empty()) {
      if (auto it = lexicon_.usual_class.find(lower); it != lexicon_.usual_class.end()) k.usual = it->second + 1;
    }
    for (size_t n = 1; n <= 4; ++n) {
      k.suffix[n - 1] = f.size() >= n ? hash_lowercase(f.substr(f.size() - n)) : kNoWord + n;
    }
  }
}

void Tagger::features(std::span<const WordKeys> keys, size_t i, int prev1, int prev2, std::vector<uint64_t>* out) {
  const WordKeys& w = keys[i];
  const uint64_t p1 = i >= 1 ? keys[i - 1].lower : kNoWord;
  const uint64_t p2 = i >= 2 ? keys[i - 2].lower : kNoWord;
  const uint64_t n1 = i + 1 < keys.size() ? keys[i + 1].lower : kNoWord + 1;
  const uint64_t n2 = i + 2 < keys.size() ? keys[i + 2].lower : kNoWord + 1;
  const uint64_t n1s3 = i + 1 < keys.size() ? keys[i + 1].suffix[2] : kNoWord + 1;
  const uint64_t p1s3 = i >= 1 ? keys[i - 1].suffix[2] : kNoWord;
  const uint64_t n1shape = i + 1 < keys.size() ? keys[i + 1].shape : kNoWord + 1;
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
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
  out->push_back(FeatureKey(kPrev1Word).add(p1).key());
  out->push_back(FeatureKey(kNext1Word).add(n1).key());
  out->push_back(FeatureKey(kPrev2Word).add(p2).key());
  out->push_back(FeatureKey(kNext2Word).add(n2).key());
  out->push_back(FeatureKey(kPrev1Tag).add(t1).key());
  out->push_back(FeatureKey(kPrev2Tags).add(t1).add(t2).key());
  out->push_back(FeatureKey(kPrev1TagWord).add(t1).add(w.lower).key());
  out->push_back(FeatureKey(kNext1Suffix3).add(n1s3).key());
  out->push_back(FeatureKey(kPrev1Suffix3).add(p1s3).key());
  out->push_back(FeatureKey(kFirstShape).add(i == 0 ? 1 : 0).add(w.shape).key());
  out->push_back(FeatureKey(kWordNextWord).add(w.lower).add(n1).key());
  out->push_back(FeatureKey(kPrevWordWord).add(p1).add(w.lower).key());
  out->push_back(FeatureKey(kNext1Shape).add(n1shape).key());
  out->push_back(FeatureKey(kPrev1TagNext1Word).add(t1).add(n1).key());
  const uint64_t n1u = i + 1 < keys.size() ? keys[i + 1].usual : kNoWord;
  const uint64_t n2u = i + 2 < keys.size() ? keys[i + 2].usual : kNoWord;
  out->push_back(FeatureKey(kUsual).add(w.usual).key());
  out->push_back(FeatureKey(kNext1Usual).add(n1u).key());
  out->push_back(FeatureKey(kNext2Usual).add(n2u).key());
  out->push_back(FeatureKey(kNext1UsualWord).add(n1u).add(w.lower).key());
  out->push_back(FeatureKey(kPrev1TagUsual).add(t1).add(w.usual).key());
  out->push_back(FeatureKey(kPrev1TagSuffix3).add(t1).add(w.suffix[2]).key());
  out->push_back(FeatureKey(kPrev1WordTag).add(p1).add(t1).key());
  out->push_back(FeatureKey(kNext1Next2Usual).add(n1u).add(n2u).add(w.usual).key());
}

void Tagger::predict(std::span<const Word> words, std::vector<int>* classes) const {
  thread_local std::vector<WordKeys> keys;
  thread_local std::vector<uint64_t> feats;
  classes->assign(words.size(), 0);
  word_keys(words, &keys);
  int prev1 = kNoTag, prev2 = kNoTag;
  char buf[64];
  for (size_t i = 0; i < words.size(); ++i) {
    int cls = -1;
    const std::string_view lower = lowercase_into(words[i].form, buf, sizeof(buf));
    if (!lower.empty()) {
      if (auto it = lexicon_.unambiguous.find(lower); it != lexicon_.unambiguous.end()) cls = static_cast<int>(it->second);
    }
    if (cls < 0) {
      feats.clear();
      features(keys, i, prev1, prev2, &feats);
      cls = model_.predict(feats);
    }
    (*classes)[i] = cls;
    prev2 = prev1;
    prev1 = cls;
  }
}

uint32_t Tagger::feats_of(int cls, std::string_view form) const {
  char buf[64];
  const std::string_view lower = lowercase_into(form, buf, sizeof(buf));
  if (!lower.empty()) {
    if (auto it = lexicon_.word_feats.find(lower); it != lexicon_.word_feats.end()) {
      for (uint32_t packed : it->second) {
        if (static_cast<int>(packed >> 16) == cls) return packed & 0xFFFF;
      }
    }
  }
  return lexicon_.class_feats[cls];
}

void Tagger::tag(Document* doc) const {
  thread_local std::vector<int> classes;
  // Tag strings are interned once per document and class.
  std::vector<std::string_view> xpos(lexicon_.classes.size());
  std::vector<std::string_view> feats(lexicon_.feats_strings.size());
  for (const Sentence& s : doc->sentences) {
    std::span<Word> words = doc->words_of(s);
    predict(words, &classes);
    for (size_t i = 0; i < words.size(); ++i) {
      const int c = classes[i];
      Word& w = words[i];
      w.upos = lexicon_.classes[c].upos;
      if (xpos[c].empty()) xpos[c] = doc->intern(lexicon_.classes[c].xpos);
      w.xpos = xpos[c];
      const uint32_t f = feats_of(c, w.form);
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
  // Maps are written in key order so the file bytes do not depend on hashing.
  std::vector<std::pair<std::string, uint32_t>> unamb(lexicon_.unambiguous.begin(), lexicon_.unambiguous.end());
  std::sort(unamb.begin(), unamb.end());
  out.put<uint64_t>(unamb.size());
  for (const auto& [word, cls] : unamb) {
    out.put_string(word);
    out.put<uint32_t>(cls);
  }
  std::vector<std::pair<std::string, std::vector<uint32_t>>> wf(lexicon_.word_feats.begin(), lexicon_.word_feats.end());
  std::sort(wf.begin(), wf.end());
  out.put<uint64_t>(wf.size());
  for (const auto& [word, packed] : wf) {
    out.put_string(word);
    out.put_array<uint32_t>(packed);
  }
  std::vector<std::pair<std::string, uint32_t>> usual(lexicon_.usual_class.begin(), lexicon_.usual_class.end());
  std::sort(usual.begin(), usual.end());
  out.put<uint64_t>(usual.size());
  for (const auto& [word, cls] : usual) {
    out.put_string(word);
    out.put<uint32_t>(cls);
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
  if (!in.get(&m)) return false;
  for (uint64_t i = 0; i < m; ++i) {
    std::string word;
    uint32_t cls = 0;
    if (!in.get_string(&word) || !in.get(&cls) || cls >= n) return false;
    lex.unambiguous.emplace(std::move(word), cls);
  }
  if (!in.get(&m)) return false;
  for (uint64_t i = 0; i < m; ++i) {
    std::string word;
    std::vector<uint32_t> packed;
    if (!in.get_string(&word) || !in.get_array(&packed)) return false;
    for (uint32_t p : packed) {
      if ((p >> 16) >= n || (p & 0xFFFF) >= lex.feats_strings.size()) return false;
    }
    lex.word_feats.emplace(std::move(word), std::move(packed));
  }
  if (!in.get(&m)) return false;
  for (uint64_t i = 0; i < m; ++i) {
    std::string word;
    uint32_t cls = 0;
    if (!in.get_string(&word) || !in.get(&cls) || cls >= n) return false;
    lex.usual_class.emplace(std::move(word), cls);
  }
  if (!model_.load(in) || model_.n_classes() != static_cast<int>(n)) return false;
  lexicon_ = std::move(lex);
  return true;
}

}  // namespace kg::nlp
