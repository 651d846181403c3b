// Record lines written by record_line and read by read_record_lines give
// back the record field for field, whatever the bytes of its strings and
// the bits of its confidences.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "ingest/pipeline.h"

namespace kg::ingest {
namespace {

namespace fs = std::filesystem;

class RecordJsonlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_record_jsonl_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes the records as lines, reads them back with their extractors.
  std::vector<store::DocumentRecord> round_trip(const std::vector<store::DocumentRecord>& records,
                                                std::vector<std::string>* extractors) {
    const std::string path = (dir_ / "records.jsonl").string();
    {
      std::ofstream out(path, std::ios::binary);
      for (size_t i = 0; i < records.size(); ++i) {
        Result<std::string> line = record_line(records[i], i % 2 ? "baseline" : "parser");
        EXPECT_TRUE(line.is_ok()) << line.status().message();
        if (line.is_ok()) out << *line;
      }
    }
    std::vector<store::DocumentRecord> back;
    const Status s = read_record_lines(path, [&](store::DocumentRecord&& r, std::string_view extractor) {
      back.push_back(std::move(r));
      extractors->emplace_back(extractor);
      return Status::ok();
    });
    EXPECT_TRUE(s.is_ok()) << s.message();
    return back;
  }

  fs::path dir_;
};

uint32_t bits(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

void expect_same(const store::DocumentRecord& a, const store::DocumentRecord& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.content_hash, b.content_hash);
  EXPECT_EQ(a.sentences, b.sentences);
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    EXPECT_EQ(a.entities[i].name, b.entities[i].name);
    EXPECT_EQ(a.entities[i].type, b.entities[i].type);
    EXPECT_EQ(a.entities[i].aliases, b.entities[i].aliases);
    EXPECT_EQ(a.entities[i].mentions, b.entities[i].mentions);
  }
  ASSERT_EQ(a.facts.size(), b.facts.size());
  for (size_t i = 0; i < a.facts.size(); ++i) {
    const store::FactRecord& x = a.facts[i];
    const store::FactRecord& y = b.facts[i];
    EXPECT_EQ(x.subject, y.subject);
    EXPECT_EQ(x.object, y.object);
    EXPECT_EQ(x.relation, y.relation);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.span_begin, y.span_begin);
    EXPECT_EQ(x.span_end, y.span_end);
    EXPECT_EQ(bits(x.confidence), bits(y.confidence)) << x.confidence << " read back as " << y.confidence;
    EXPECT_EQ(x.negated, y.negated);
    EXPECT_EQ(x.modal, y.modal);
    EXPECT_EQ(x.attribution, y.attribution);
  }
}

TEST_F(RecordJsonlTest, EveryFieldReadsBackAsWritten) {
  store::DocumentRecord r;
  r.id = "news/2026/\"quoted\" id.txt";
  r.title = "São Paulo: a title with a\ttab";
  r.url = "https://example.org/a?b=c&d=e";
  r.date = "2026-12-06";
  r.source = "news/2026/feed.jsonl";
  r.content_hash = "0123456789abcdef0123456789abcdef";
  r.sentences = {"First sentence, with \"quotes\" and a \\ backslash.", "Zweiter Satz über Köln — mit Strich.", ""};
  for (int t = 0; t < 5; ++t) {
    store::EntityRecord e;
    e.name = "Entity " + std::to_string(t) + " Ω";
    e.type = static_cast<store::EntityType>(t);
    e.aliases = {{e.name, 2}, {"E" + std::to_string(t), std::numeric_limits<uint32_t>::max()}};
    e.mentions = t == 0 ? 0 : std::numeric_limits<uint32_t>::max() - static_cast<uint32_t>(t);
    r.entities.push_back(e);
  }
  store::FactRecord f;
  f.subject = 4;
  f.object = 0;
  f.relation = "speak with";
  f.sentence = 1;
  f.span_begin = 0;
  f.span_end = static_cast<uint32_t>(r.sentences[1].size());
  f.confidence = 1.0f;
  f.negated = true;
  f.modal = false;
  f.attribution = "Tomas Lindqvist";
  r.facts.push_back(f);
  f.sentence = 2;  // the empty sentence: an empty span
  f.span_end = 0;
  f.confidence = 0.0f;
  f.negated = false;
  f.modal = true;
  f.attribution.clear();
  r.facts.push_back(f);
  store::DocumentRecord empty;  // no sentences, entities or facts
  empty.id = "empty";
  empty.content_hash = "h";
  std::vector<std::string> extractors;
  const std::vector<store::DocumentRecord> back = round_trip({r, empty}, &extractors);
  ASSERT_EQ(back.size(), 2u);
  expect_same(r, back[0]);
  expect_same(empty, back[1]);
  EXPECT_EQ(extractors, (std::vector<std::string>{"parser", "baseline"}));
}

// Whatever float a confidence holds, the same bits come back: written in
// its shortest form when that reads back exactly, else in full.
TEST_F(RecordJsonlTest, ConfidencesKeepTheirBits) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  store::DocumentRecord r;
  r.id = "floats";
  r.content_hash = "h";
  r.sentences = {"s"};
  r.entities.resize(1);
  r.entities[0].name = "x";
  std::vector<float> values = {0.05f, 0.1f, 0.25f, 0.3f, 0.7f, 0.99f, 1.0f / 3.0f, 2.0f / 3.0f,
                               std::numeric_limits<float>::min(), std::numeric_limits<float>::denorm_min(),
                               std::nextafter(1.0f, 0.0f)};
  for (int i = 0; i < 5000; ++i) values.push_back(unit(random));
  for (float v : values) {
    store::FactRecord f;
    f.relation = "r";
    f.confidence = v;
    r.facts.push_back(f);
  }
  std::vector<std::string> extractors;
  const std::vector<store::DocumentRecord> back = round_trip({r}, &extractors);
  ASSERT_EQ(back.size(), 1u);
  expect_same(r, back[0]);
}

}  // namespace
}  // namespace kg::ingest
