#include "bd/cell.hpp"

#include <gtest/gtest.h>

using bd::AmountError;
using bd::CellValue;
using bd::Decimal;

TEST(Cell, NormalizesFullWidthFormsAndSpaces) {
    EXPECT_EQ(bd::normalize_text("（一）　一般公共预算 "), "(一)一般公共预算");
    EXPECT_EQ(bd::normalize_text("２２４０１０６"), "2240106");
    EXPECT_EQ(bd::normalize_text("维修（护）费"), bd::normalize_text("维修(护)费"));
}

TEST(Cell, ParsesTextNumbers) {
    EXPECT_EQ(bd::parse_number_text("５９５．２０"), *Decimal::parse("595.2"));
    EXPECT_EQ(bd::parse_number_text(" 1,234,567.89 "), *Decimal::parse("1234567.89"));
    EXPECT_EQ(bd::parse_number_text("１，２３４"), Decimal(1234));
    EXPECT_FALSE(bd::parse_number_text("12,34"));
    EXPECT_FALSE(bd::parse_number_text("1234,567"));
    EXPECT_FALSE(bd::parse_number_text("本表无数据"));
    EXPECT_FALSE(bd::parse_number_text(""));
}

TEST(Cell, AmountsOfCells) {
    EXPECT_EQ(std::get<Decimal>(bd::to_amount(CellValue::empty())), Decimal());
    EXPECT_EQ(std::get<Decimal>(bd::to_amount(CellValue::of_text("　"))), Decimal());
    EXPECT_EQ(std::get<Decimal>(bd::to_amount(CellValue::of_number(40.5))), *Decimal::parse("40.5"));
    EXPECT_EQ(std::get<Decimal>(bd::to_amount(CellValue::of_text("４０．５"))), *Decimal::parse("40.5"));
    EXPECT_EQ(std::get<AmountError>(bd::to_amount(CellValue::of_text("无"))), AmountError::NotANumber);
    EXPECT_EQ(std::get<AmountError>(bd::to_amount(CellValue::of_error("#DIV/0!"))), AmountError::ErrorCell);
}
