// Shared by the store tests: a temporary store directory and small documents
// written for these tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "graph/store/store.h"
#include "tests/support/support.h"

namespace kg::store::testing {

using kg::testing::TempDir;

inline std::unique_ptr<Store> open_writer(const std::string& dir) {
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> st = Store::open(dir, o);
  EXPECT_TRUE(st.is_ok()) << st.status().message();
  return st ? std::move(*st) : nullptr;
}

inline std::unique_ptr<Store> open_reader(const std::string& dir) {
  Result<std::unique_ptr<Store>> st = Store::open(dir, {});
  EXPECT_TRUE(st.is_ok()) << st.status().message();
  return st ? std::move(*st) : nullptr;
}

inline FactRecord fact(uint32_t subject, uint32_t object, std::string relation, uint32_t sentence,
                       uint32_t span_begin = 0, uint32_t span_end = 0, float confidence = 1.0f) {
  FactRecord f;
  f.subject = subject;
  f.object = object;
  f.relation = std::move(relation);
  f.sentence = sentence;
  f.span_begin = span_begin;
  f.span_end = span_end;
  f.confidence = confidence;
  return f;
}

// A call between two heads of state, as the ingest pipeline would hand it over.
inline DocumentRecord call_article(const std::string& id = "news/call.txt", const std::string& hash = "h-call") {
  DocumentRecord d;
  d.id = id;
  d.title = "Leaders speak by phone";
  d.content_hash = hash;
  d.sentences = {"Joe Biden spoke with Vladimir Putin on Tuesday.", "Mr Biden warned Mr Putin about sanctions.",
                 "The Kremlin said nothing."};
  d.entities = {{"Joe Biden", EntityType::kPerson, {{"Joe Biden", 1}, {"Mr Biden", 1}}, 2},
                {"Vladimir Putin", EntityType::kPerson, {{"Vladimir Putin", 1}, {"Mr Putin", 1}}, 2},
                {"Kremlin", EntityType::kOrg, {}, 1}};
  FactRecord speak = fact(0, 1, "speak with", 0, 0, 25, 0.9f);
  FactRecord warn = fact(0, 1, "warn", 1, 0, 20, 0.6f);
  warn.modal = true;
  d.facts = {speak, warn};
  return d;
}

// A second article naming one of the same people.
inline DocumentRecord hearing_article(const std::string& id = "news/hearing.txt", const std::string& hash = "h-hearing") {
  DocumentRecord d;
  d.id = id;
  d.content_hash = hash;
  d.sentences = {"Victoria Nuland testified to the Senate committee.", "President Biden spoke with Vladimir Putin again."};
  d.entities = {{"Victoria Nuland", EntityType::kPerson, {}, 1},
                {"Senate Foreign Relations Committee", EntityType::kOrg, {{"the Senate committee", 1}}, 1},
                {"Biden", EntityType::kPerson, {{"President Biden", 1}}, 1},
                {"Vladimir Putin", EntityType::kPerson, {}, 1}};
  d.facts = {fact(0, 1, "testify to", 0), fact(2, 3, "speak with", 1, 0, 10, 0.95f)};
  d.entities[2].name = "Joe Biden";  // resolved within the article to the full name
  return d;
}

using kg::testing::write_file;

inline void expect_check_ok(Store& store) {
  Result<CheckReport> r = store.check();
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  std::string problems;
  for (const std::string& p : r->problems) problems += p + "\n";
  EXPECT_TRUE(r->ok()) << problems;
}

// Starts this test binary again as a fresh process running only `test`
// (a gtest filter), with `env` set. A fresh process, not a bare fork: RocksDB's
// background threads of earlier tests do not survive fork(), and a forked
// child that opens a store can wait for them forever.
inline pid_t spawn_self(const std::string& test, const std::vector<std::pair<std::string, std::string>>& env) {
  const pid_t child = fork();
  if (child != 0) return child;
  for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
  const std::string filter = "--gtest_filter=" + test;
  execl("/proc/self/exe", "kg_test_store", filter.c_str(), "--gtest_brief=1", static_cast<char*>(nullptr));
  _exit(127);
}

}  // namespace kg::store::testing
