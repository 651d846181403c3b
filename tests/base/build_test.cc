// How the build is configured, where a test can see it: the sanitizer build
// (the asan preset, `make test-asan`) compiles the asserts on internal
// invariants in, so the fast tier runs them; release builds leave them out.
#include <gtest/gtest.h>

#include <cassert>

namespace {

TEST(Build, AssertsRunInTheSanitizerBuild) {
#ifndef KG_SANITIZED
  GTEST_SKIP() << "not the sanitizer build: release builds compile asserts out (NDEBUG)";
#else
  // With NDEBUG defined the assert is compiled out and the statement returns.
  EXPECT_DEATH(assert(false && "internal invariant"), "internal invariant");
#endif
}

}  // namespace
