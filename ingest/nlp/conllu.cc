#include "ingest/nlp/conllu.h"

#include <charconv>
#include <fmt/format.h>
#include <vector>

namespace kg::nlp {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool parse_int(std::string_view s, int* out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool has_space_after_no(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(start, bar - start) == "SpaceAfter=No") return true;
    start = bar + 1;
  }
  return false;
}

std::string_view field_or_empty(Document& doc, std::string_view f) {
  return f == "_" ? std::string_view() : doc.intern(f);
}

// Sentence under construction: words are appended to the document as they
// are read, so only the sentence-level data waits here.
struct PendingSentence {
  Sentence sentence;
  bool open = false;
  std::vector<int> raw_heads;  // CoNLL-U heads (1-based, 0 = root), checked at the end
  std::vector<std::pair<int, int>> ranges;
  std::vector<std::string_view> range_forms;
  std::vector<std::string_view> range_misc;
};

}  // namespace

Result<Document> read_conllu(std::string_view content, std::string_view source_name) {
  Document doc;
  std::string& text = doc.mutable_text();
  PendingSentence cur;
  bool pending_newpar = false, pending_newdoc = false;
  std::string_view pending_id, pending_text;
  size_t line_no = 0;

  auto error = [&](std::string_view what) {
    return Status::invalid_input(fmt::format("{}:{}: malformed CoNLL-U: {}", source_name, line_no, what));
  };

  auto finish = [&]() -> Status {
    if (!cur.open) return Status::ok();
    Sentence& s = cur.sentence;
    s.word_end = static_cast<uint32_t>(doc.words.size());
    const int n = static_cast<int>(s.size());
    for (int i = 0; i < n; ++i) {
      const int h = cur.raw_heads[i];
      if (h < -1 || h > n) return error(fmt::format("head {} out of range in sentence of {} words", h, n));
      doc.words[s.word_begin + i].head = h <= 0 ? -1 : h - 1;
    }
    for (size_t r = 0; r < cur.ranges.size(); ++r) {
      const auto [a, b] = cur.ranges[r];
      if (a < 1 || b > n || a > b) return error("multiword token range outside its sentence");
      s.multiword.push_back({static_cast<uint32_t>(a - 1), static_cast<uint32_t>(b - 1), cur.range_forms[r]});
      // SpaceAfter of a multiword token lives on the range line.
      doc.words[s.word_begin + b - 1].space_after = !has_space_after_no(cur.range_misc[r]);
    }
    doc.sentences.push_back(std::move(s));
    cur = PendingSentence();
    return Status::ok();
  };

  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (line.empty()) {
      if (Status st = finish(); !st) return st;
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) pending_newdoc = pending_newpar = true;
      else if (line.starts_with("# newpar")) pending_newpar = true;
      else if (line.starts_with("# sent_id = ")) pending_id = line.substr(12);
      else if (line.starts_with("# text = ")) pending_text = line.substr(9);
      continue;
    }
    const auto f = split_tabs(line);
    if (f.size() != 10) return error(fmt::format("expected 10 tab-separated fields, found {}", f.size()));
    if (f[0].find('.') != std::string_view::npos) continue;  // empty node of enhanced UD

    if (!cur.open) {
      cur.open = true;
      Sentence& s = cur.sentence;
      s.word_begin = static_cast<uint32_t>(doc.words.size());
      s.sent_id = doc.intern(pending_id);
      s.text = doc.intern(pending_text);
      s.new_paragraph = pending_newpar || doc.sentences.empty();
      s.new_document = pending_newdoc;
      pending_newpar = pending_newdoc = false;
      pending_id = pending_text = {};
      if (!text.empty()) text += s.new_paragraph ? "\n\n" : " ";
    }

    if (const size_t dash = f[0].find('-'); dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!parse_int(f[0].substr(0, dash), &a) || !parse_int(f[0].substr(dash + 1), &b)) {
        return error(fmt::format("bad token range '{}'", f[0]));
      }
      // A range comes just before the first word it covers; one elsewhere
      // left a later word of it without a first word to take its span from.
      const int next = static_cast<int>(doc.words.size() - cur.sentence.word_begin) + 1;
      if (a != next || b < a) {
        return error(fmt::format("token range '{}' does not start at the next word ({})", f[0], next));
      }
      cur.ranges.emplace_back(a, b);
      cur.range_forms.push_back(doc.intern(f[1]));
      cur.range_misc.push_back(doc.intern(f[9]));
      continue;
    }
    int id = 0;
    if (!parse_int(f[0], &id) || id != static_cast<int>(doc.words.size() - cur.sentence.word_begin) + 1) {
      return error(fmt::format("word id '{}' out of sequence", f[0]));
    }
    int head = -1;  // "_" (unparsed) stays -1
    if (f[6] != "_" && !parse_int(f[6], &head)) return error(fmt::format("bad head '{}'", f[6]));
    if (f[6] == "_") head = -1;

    Word w;
    w.form = doc.intern(f[1]);
    w.lemma = field_or_empty(doc, f[2]);
    if (f[3] != "_" && !parse_upos(f[3], &w.upos)) return error(fmt::format("unknown UPOS '{}'", f[3]));
    w.xpos = field_or_empty(doc, f[4]);
    w.feats = field_or_empty(doc, f[5]);
    w.deprel = field_or_empty(doc, f[7]);
    w.space_after = !has_space_after_no(f[9]);
    w.misc = field_or_empty(doc, f[9]);
    // A word inside a multiword token has no surface of its own; it gets the
    // token's span when the range is closed. Plain words extend the text.
    const bool inside_range = !cur.ranges.empty() && id <= cur.ranges.back().second;
    if (inside_range) {
      const auto [a, b] = cur.ranges.back();
      if (id == a) {
        w.begin = static_cast<uint32_t>(text.size());
        text += cur.range_forms.back();
        if (!has_space_after_no(cur.range_misc.back())) text += ' ';
      } else {
        w.begin = doc.words.back().begin;
      }
      w.end = w.begin + static_cast<uint32_t>(cur.range_forms.back().size());
      (void)b;
    } else {
      w.begin = static_cast<uint32_t>(text.size());
      text += f[1];
      w.end = static_cast<uint32_t>(text.size());
      if (w.space_after) text += ' ';
    }
    doc.words.push_back(w);
    cur.raw_heads.push_back(head);
  }
  if (Status st = finish(); !st) return st;
  // Trailing spaces were added after each word; they are harmless separators.
  return doc;
}

std::string write_conllu(const Document& doc) {
  std::string out;
  out.reserve(doc.words.size() * 48);
  auto field = [](std::string_view s) { return s.empty() ? std::string_view("_") : s; };
  size_t n_sent = 0;
  for (const Sentence& s : doc.sentences) {
    ++n_sent;
    if (s.new_document) out += "# newdoc\n";
    if (s.new_paragraph) out += "# newpar\n";
    if (!s.sent_id.empty()) fmt::format_to(std::back_inserter(out), "# sent_id = {}\n", s.sent_id);
    else fmt::format_to(std::back_inserter(out), "# sent_id = {}\n", n_sent);
    std::string_view text = s.text;
    std::string rebuilt;
    if (text.empty()) {
      for (const Word& w : doc.words_of(s)) {
        rebuilt += w.form;
        if (w.space_after) rebuilt += ' ';
      }
      while (!rebuilt.empty() && rebuilt.back() == ' ') rebuilt.pop_back();
      text = rebuilt;
    }
    fmt::format_to(std::back_inserter(out), "# text = {}\n", text);
    const auto words = doc.words_of(s);
    size_t next_range = 0;
    for (uint32_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      std::string misc;
      if (next_range < s.multiword.size() && s.multiword[next_range].first == i) {
        const MultiwordToken& m = s.multiword[next_range++];
        const bool space = words[m.last].space_after;
        fmt::format_to(std::back_inserter(out), "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n", m.first + 1, m.last + 1,
                       m.form, space ? "_" : "SpaceAfter=No");
      } else {
        const bool in_range = next_range > 0 && i <= s.multiword[next_range - 1].last;
        if (!w.space_after && !in_range) misc = "SpaceAfter=No";
      }
      if (!w.ner.empty()) {
        if (!misc.empty()) misc += '|';
        misc += "NER=";
        misc += w.ner;
      }
      const bool parsed = !w.deprel.empty();
      fmt::format_to(std::back_inserter(out), "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}\n", i + 1, w.form,
                     field(w.lemma), upos_name(w.upos), field(w.xpos), field(w.feats),
                     parsed ? fmt::format("{}", w.head + 1) : std::string("_"), field(w.deprel),
                     misc.empty() ? std::string_view("_") : std::string_view(misc));
    }
    out += '\n';
  }
  return out;
}

}  // namespace kg::nlp
