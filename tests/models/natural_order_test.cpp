#include "models/natural_order.hpp"

#include <gtest/gtest.h>

TEST(NaturalOrder, putsPageTwoBeforePageTen) {
  std::vector<std::string> names{"page-10.png", "page-2.png", "page-1.png", "cover.png"};
  listaudit::models::sortNatural(names);
  EXPECT_EQ(names, (std::vector<std::string>{"cover.png", "page-1.png", "page-2.png", "page-10.png"}));
}
