#include "bd/decimal.hpp"

#include <gtest/gtest.h>

using bd::Decimal;

namespace {
Decimal dec(const char* text) {
    return *Decimal::parse(text);
}
}  // namespace

TEST(Decimal, RoundsHalfAwayFromZeroWithoutBinaryArtefacts) {
    EXPECT_EQ(dec("0.285").rounded(2), dec("0.29"));
    EXPECT_EQ(Decimal::from_double(0.285).rounded(2), dec("0.29"));  // 0.285 is 0.28499999… as a double
    EXPECT_EQ(dec("-0.285").rounded(2), dec("-0.29"));
    EXPECT_EQ(dec("2.675").rounded(2).to_string(2), "2.68");
    EXPECT_EQ(dec("0.0049").rounded(2).to_string(2), "0.00");
}

TEST(Decimal, FromDoubleTakesWhatCalcShows) {
    EXPECT_EQ(Decimal::from_double(0.1 + 0.2), dec("0.3"));
    EXPECT_EQ(Decimal::from_double(595.2).to_string(), "595.2");
    EXPECT_EQ(Decimal::from_double(1.6) + Decimal::from_double(593.6), dec("595.2"));
    EXPECT_EQ(Decimal::from_double(123456789012.34).to_string(2), "123456789012.34");
    EXPECT_THROW(Decimal::from_double(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

TEST(Decimal, ParsesOnlyDecimals) {
    EXPECT_EQ(dec("-1234.50").to_string(), "-1234.5");
    EXPECT_EQ(dec("1e3"), Decimal(1000));
    EXPECT_EQ(dec(".5"), dec("0.5"));
    EXPECT_FALSE(Decimal::parse(""));
    EXPECT_FALSE(Decimal::parse("abc"));
    EXPECT_FALSE(Decimal::parse("1.2.3"));
    EXPECT_FALSE(Decimal::parse("12 3"));
}

TEST(Decimal, FormatsWithoutNegativeZero) {
    EXPECT_EQ(dec("-0.001").to_string(2), "0.00");
    EXPECT_EQ(dec("0").to_string(), "0");
    EXPECT_EQ((dec("0.1") - dec("0.1")).to_string(), "0");
    EXPECT_EQ(dec("-273.66").to_string(2), "-273.66");
    EXPECT_EQ(dec("273.66").to_string(0), "274");
    EXPECT_EQ(dec("-0.4").to_string(0), "0");
}

TEST(Decimal, ArithmeticAndOrder) {
    EXPECT_EQ(dec("0.1") + dec("0.2"), dec("0.3"));
    EXPECT_LT(dec("0.005"), dec("0.01"));
    EXPECT_EQ(dec("-3").abs(), Decimal(3));
    EXPECT_EQ(dec("-3").sign(), -1);
    EXPECT_EQ(Decimal().sign(), 0);
    EXPECT_EQ((Decimal(1) / Decimal(3)).rounded(4).to_string(), "0.3333");
    EXPECT_EQ(Decimal::unit(2), dec("0.01"));
    EXPECT_DOUBLE_EQ(dec("595.2").to_double(), 595.2);
}

TEST(Decimal, QuotientsAreExactWhenTheyEndAndHaveFiftyDigitsWhenNot) {
    EXPECT_EQ(dec("595.2") / Decimal(10000), dec("0.05952"));
    EXPECT_EQ((dec("595.2") / Decimal(10000)).to_string(), "0.05952");
    EXPECT_EQ(Decimal(1) / Decimal(4), dec("0.25"));
    EXPECT_EQ((Decimal(1) / Decimal(4)).to_string(), "0.25");
    EXPECT_EQ((Decimal(-7) / Decimal(2)).to_string(), "-3.5");
    const std::string third = (Decimal(1) / Decimal(3)).to_string();
    EXPECT_EQ(third.size(), 2 + 50U) << third;  // "0." and fifty 3s
    EXPECT_EQ(third.find_first_not_of('3', 2), std::string::npos) << third;
    EXPECT_EQ((Decimal(2) / Decimal(3)).to_string(), "0." + std::string(49, '6') + "7");  // the 50th rounded
    EXPECT_EQ(Decimal(1) / Decimal(3) * Decimal(3) == Decimal(1), false);  // 0.999…: not hidden
    EXPECT_THROW((void)(Decimal(1) / Decimal(0)), std::domain_error);
}

TEST(Decimal, AmountsBeyondSixtyFourBitsStayExact) {
    const Decimal big = dec("98765432109876543210.123");
    EXPECT_EQ(big.to_string(), "98765432109876543210.123");
    EXPECT_EQ((big + dec("0.877")).to_string(), "98765432109876543211");
    EXPECT_EQ((big * big - big * big).to_string(), "0");
    EXPECT_EQ(big.rounded(2).to_string(2), "98765432109876543210.12");
    EXPECT_EQ((-big).rounded(0).to_string(), "-98765432109876543210");
}

TEST(Decimal, OrdersAndComparesAcrossScales) {
    EXPECT_EQ(dec("1.50"), dec("1.5"));
    EXPECT_EQ(dec("1500"), dec("1.5e3"));
    EXPECT_LT(dec("-2"), dec("-1.99"));
    EXPECT_GT(dec("1e-40"), Decimal(0));
    EXPECT_LT(dec("0.1"), dec("1e4"));
    EXPECT_EQ(dec("12.5").rounded(0), Decimal(13));
    EXPECT_EQ(dec("-12.5").rounded(0), Decimal(-13));
    EXPECT_EQ(dec("1250").rounded(-2), dec("1300"));  // to the hundreds
    EXPECT_EQ(dec("1e3").to_string(), "1000");
    EXPECT_EQ(dec("-0.0005").to_string(), "-0.0005");
    EXPECT_EQ(dec("0.004").to_string(2), "0.00");
    EXPECT_EQ(dec("0.005").to_string(2), "0.01");
    EXPECT_DOUBLE_EQ(dec("1.5e-7").to_double(), 1.5e-7);
    EXPECT_FALSE(Decimal::parse("1e12345"));
    EXPECT_FALSE(Decimal::parse("."));
    EXPECT_FALSE(Decimal::parse("-"));
    EXPECT_TRUE(Decimal::parse("5."));
}
