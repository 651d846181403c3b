// A small store built by hand through the store API, shared by the query
// and export tests. Every expected value in the tests is read off this
// description, not computed by the code under test:
//
//   call.txt     0 "Joe Biden spoke with Vladimir Putin on Tuesday."
//                1 "Biden warned Putin about Ukraine."
//     Joe Biden (PERSON; aliases Biden, US President Joe Biden)
//       -[speak with]-> Vladimir Putin (PERSON; alias Putin)     sentence 0, conf 0.9
//     Joe Biden -[warn]-> Vladimir Putin                         sentence 1, conf 0.8
//     Joe Biden -[warn about]-> Ukraine (LOC)                    sentence 1, conf 0.7
//   hearing.txt  0 "Victoria Nuland testified to the Senate Foreign Relations Committee."
//                1 "Nuland said Biden spoke with Putin."
//     Victoria Nuland (PERSON; alias Nuland)
//       -[testify to]-> Senate Foreign Relations Committee (ORG)  sentence 0, conf 0.95
//     Joe Biden -[speak with]-> Vladimir Putin                    sentence 1, conf 0.6, said by Victoria Nuland
//     Victoria Nuland -[mention]-> Joe Biden                      sentence 1, conf 0.5
//   acme.txt     0 "Acme Corp hired Jane Roe."
//     Acme Corp (ORG) -[hire]-> Jane Roe (PERSON)                 sentence 0, conf 1
//
// So: 7 entities, 6 edges (speak with counts 2), two components
// ({Biden, Putin, Ukraine, Nuland, Committee} and {Acme Corp, Jane Roe}).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "graph/store/store.h"

namespace kg::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("kg_query_test_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline store::EntityRecord person(std::string name, std::vector<std::string> aliases = {}) {
  store::EntityRecord e;
  e.name = name;
  e.type = store::EntityType::kPerson;
  e.aliases.emplace_back(name, 1);
  for (auto& a : aliases) e.aliases.emplace_back(std::move(a), 1);
  e.mentions = static_cast<uint32_t>(e.aliases.size());
  return e;
}

inline store::EntityRecord typed(std::string name, store::EntityType type) {
  store::EntityRecord e;
  e.name = name;
  e.type = type;
  e.aliases.emplace_back(name, 1);
  e.mentions = 1;
  return e;
}

inline store::FactRecord fact(uint32_t s, std::string rel, uint32_t o, uint32_t sentence, float confidence,
                              std::string attribution = "") {
  store::FactRecord f;
  f.subject = s;
  f.relation = std::move(rel);
  f.object = o;
  f.sentence = sentence;
  f.confidence = confidence;
  f.attribution = std::move(attribution);
  return f;
}

// Writes `doc` into a new store at `dir` and closes it (for a test's own graph).
inline void write_one_document(const std::string& dir, const store::DocumentRecord& doc) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  auto opened = store::Store::open(dir, options);
  ASSERT_TRUE(opened.is_ok()) << opened.status().message();
  auto put = (*opened)->put_document(doc);
  ASSERT_TRUE(put.is_ok()) << put.status().message();
}

// Writes the three documents above into a new store at `dir` and closes it.
inline void build_sample_store(const std::string& dir) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  auto opened = store::Store::open(dir, options);
  ASSERT_TRUE(opened.is_ok()) << opened.status().message();
  store::Store& s = **opened;

  store::DocumentRecord call;
  call.id = "call.txt";
  call.title = "A call";
  call.content_hash = "hash-call";
  call.sentences = {"Joe Biden spoke with Vladimir Putin on Tuesday.", "Biden warned Putin about Ukraine."};
  call.entities = {person("Joe Biden", {"Biden", "US President Joe Biden"}), person("Vladimir Putin", {"Putin"}),
                   typed("Ukraine", store::EntityType::kLoc)};
  call.facts = {fact(0, "speak with", 1, 0, 0.9f), fact(0, "warn", 1, 1, 0.8f), fact(0, "warn about", 2, 1, 0.7f)};
  auto r1 = s.put_document(call);
  ASSERT_TRUE(r1.is_ok()) << r1.status().message();

  store::DocumentRecord hearing;
  hearing.id = "hearing.txt";
  hearing.content_hash = "hash-hearing";
  hearing.sentences = {"Victoria Nuland testified to the Senate Foreign Relations Committee.",
                       "Nuland said Biden spoke with Putin."};
  hearing.entities = {person("Victoria Nuland", {"Nuland"}),
                      typed("Senate Foreign Relations Committee", store::EntityType::kOrg),
                      person("Joe Biden", {"Biden"}), person("Vladimir Putin", {"Putin"})};
  hearing.facts = {fact(0, "testify to", 1, 0, 0.95f), fact(2, "speak with", 3, 1, 0.6f, "Victoria Nuland"),
                   fact(0, "mention", 2, 1, 0.5f)};
  auto r2 = s.put_document(hearing);
  ASSERT_TRUE(r2.is_ok()) << r2.status().message();

  store::DocumentRecord acme;
  acme.id = "acme.txt";
  acme.content_hash = "hash-acme";
  acme.sentences = {"Acme Corp hired Jane Roe."};
  acme.entities = {typed("Acme Corp", store::EntityType::kOrg), person("Jane Roe")};
  acme.facts = {fact(0, "hire", 1, 0, 1.0f)};
  auto r3 = s.put_document(acme);
  ASSERT_TRUE(r3.is_ok()) << r3.status().message();
}

inline std::unique_ptr<store::Store> open_read_only(const std::string& dir) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadOnly;
  auto opened = store::Store::open(dir, options);
  if (!opened.is_ok()) {
    ADD_FAILURE() << opened.status().message();
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace kg::testing
