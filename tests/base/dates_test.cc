#include "base/dates.h"

#include <gtest/gtest.h>

namespace kg::dates {
namespace {

TEST(Dates, WrittenFormsBecomeOneDay) {
  EXPECT_EQ(normalize_date("2024-03-05"), "2024-03-05");
  EXPECT_EQ(normalize_date(" 2024-03-05T10:00:00Z "), "2024-03-05");
  EXPECT_EQ(normalize_date("2024/03/05"), "2024-03-05");
  EXPECT_EQ(normalize_date("5 March 2024"), "2024-03-05");
  EXPECT_EQ(normalize_date("March 5, 2024"), "2024-03-05");
  EXPECT_EQ(normalize_date("Tue, 05 Mar 2024 10:00:00 +0000"), "2024-03-05");
  EXPECT_EQ(normalize_date("2024-02-29"), "2024-02-29");  // a leap day
}

TEST(Dates, WhatNamesNoDayIsRefused) {
  for (const char* bad : {"2024-13-45", "2023-02-29", "2024-00-10", "next Tuesday", "2024-3-5", "", "5 Marsh 2024",
                          "Hello 5 March 2024", "0999-01-01", "2024-03-05junk"}) {
    EXPECT_EQ(normalize_date(bad), std::nullopt) << bad;
  }
}

TEST(Dates, TodayIsADay) {
  const std::string today = today_date();
  EXPECT_EQ(normalize_date(today), today);
}

}  // namespace
}  // namespace kg::dates
