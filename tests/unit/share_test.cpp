#include "bd/share.hpp"

#include <gtest/gtest.h>

using bd::CellValue;
using bd::Decimal;
using bd::FunctionError;

namespace {

std::string share_text(double part, double total) {
    const auto result = bd::share(CellValue::of_number(part), CellValue::of_number(total));
    return std::get<Decimal>(result).to_string(bd::share_fraction_decimals);
}

}  // namespace

// The seed document's narrative (晋中开发区安监局 2023) quotes these shares.
TEST(Share, MatchesTheSeedNarrative) {
    EXPECT_EQ(share_text(40.50, 595.20), "0.0680");   // 基本支出 6.80%
    EXPECT_EQ(share_text(554.70, 595.20), "0.9320");  // 项目支出 93.20%
    EXPECT_EQ(share_text(1.60, 595.20), "0.0027");    // 社会保障和就业支出 0.27%
    EXPECT_EQ(share_text(593.60, 595.20), "0.9973");  // 灾害防治及应急管理支出 99.73%
    EXPECT_EQ(share_text(273.66, 868.86), "0.3150");  // 下降 31.50%
    EXPECT_EQ(share_text(595.20, 595.20), "1.0000");
}

TEST(Share, ZeroOrEmptyTotalIsDivisionByZero) {
    EXPECT_EQ(std::get<FunctionError>(bd::share(CellValue::of_number(1), CellValue::of_number(0))),
              FunctionError::DivisionByZero);
    EXPECT_EQ(std::get<FunctionError>(bd::share(CellValue::of_number(1), CellValue::empty())),
              FunctionError::DivisionByZero);
}

TEST(Share, TextThatIsNoNumberIsAValueError) {
    EXPECT_EQ(std::get<FunctionError>(bd::share(CellValue::of_text("abc"), CellValue::of_number(1))),
              FunctionError::Value);
    EXPECT_EQ(std::get<FunctionError>(bd::share(CellValue::of_number(1), CellValue::of_text("x"))),
              FunctionError::Value);
}

TEST(Share, RoundsHalfAwayFromZeroAtTheFourthDecimal) {
    EXPECT_EQ(share_text(0.00005, 1), "0.0001");
    EXPECT_EQ(share_text(-0.00005, 1), "-0.0001");
    EXPECT_EQ(std::get<Decimal>(bd::share(CellValue::of_text("４０．５"), CellValue::of_text("595.2"))).to_string(4),
              "0.0680");
}
