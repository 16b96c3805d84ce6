// Table-driven edge cases of the figure and narrative functions: zero, negatives, tiny and huge
// amounts (≥ 1亿), rounding at .005, text numbers, full-width digits, empty and error cells.
#include "bd/figures.hpp"
#include "bd/narrative.hpp"
#include "bd/units.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

using bd::CellValue;
using bd::Decimal;
using bd::FunctionError;
using namespace bd::test;

namespace {

struct Case {
    std::string function;
    std::vector<CellValue> args;
    std::string expected;
};

std::string joined(const std::vector<Decimal>& values, int decimals) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "" : ";") + v.to_string(decimals);
    }
    return out;
}

bd::SentenceFormat format_of(const std::vector<CellValue>& args) {
    bd::SentenceFormat format;
    if (args.size() > 2) {
        format.unit = args[2].text;
    }
    if (args.size() > 3) {
        format.decimals = static_cast<int>(args[3].number);
    }
    return format;
}

std::string evaluate(const Case& c) {
    const auto& a = c.args;
    const auto fixed4 = [](const Decimal& d) { return d.to_string(4); };
    const auto text = [](const std::string& s) { return s; };
    if (c.function == "share")
        return shown(bd::share(a[0], a[1]), fixed4);
    if (c.function == "change")
        return shown(bd::change_amount(a[0], a[1]), [](const Decimal& d) { return d.to_string(); });
    if (c.function == "rate")
        return shown(bd::change_rate(a[0], a[1]), fixed4);
    if (c.function == "yoy")
        return shown(bd::year_on_year_sentence(a[0], a[1], format_of(a)), text);
    if (c.function == "sharetext")
        return shown(bd::share_sentence(a[0], a[1], format_of(a)), text);
    if (c.function == "capital")
        return shown(bd::capital_amount(a[0]), text);
    if (c.function == "shares")
        return shown(bd::shares(a), [](const auto& v) { return joined(v, 4); });
    if (c.function == "towan")
        return shown(bd::yuan_to_wan(a, 2), [](const auto& v) { return joined(v, 2); });
    return "unknown function " + c.function;
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // share: the seed narrative, then the edges
        {"share", {N(40.50), N(595.20)}, "0.0680"},
        {"share", {N(554.70), N(595.20)}, "0.9320"},
        {"share", {N(1.60), N(595.20)}, "0.0027"},
        {"share", {N(593.60), N(595.20)}, "0.9973"},
        {"share", {N(273.66), N(868.86)}, "0.3150"},
        {"share", {N(0), N(595.2)}, "0.0000"},
        {"share", {E(), N(595.2)}, "0.0000"},
        {"share", {N(1), N(0)}, "#DIV/0!"},
        {"share", {N(1), E()}, "#DIV/0!"},
        {"share", {N(1), T("0")}, "#DIV/0!"},
        {"share", {T("abc"), N(1)}, "#VALUE!"},
        {"share", {N(1), T("abc")}, "#VALUE!"},
        {"share", {ERR(), N(1)}, "#VALUE!"},
        {"share", {T("４０．５０"), T("５９５．２０")}, "0.0680"},
        {"share", {T("1,234.5"), T("12,345")}, "0.1000"},
        {"share", {N(-40.5), N(595.2)}, "-0.0680"},
        {"share", {N(40.5), N(-595.2)}, "-0.0680"},
        {"share", {N(1), N(3)}, "0.3333"},
        {"share", {N(2), N(3)}, "0.6667"},
        {"share", {N(0.00005), N(1)}, "0.0001"},
        {"share", {N(-0.00005), N(1)}, "-0.0001"},
        {"share", {N(0.000049), N(1)}, "0.0000"},
        {"share", {N(1e-10), N(1)}, "0.0000"},
        {"share", {N(123456789012.34), N(246913578024.68)}, "0.5000"},
        {"share", {N(1e8), N(3e8)}, "0.3333"},
        {"share", {N(595.2), N(595.2)}, "1.0000"},
        {"share", {N(1190.4), N(595.2)}, "2.0000"},
        {"share", {N(0.285), N(1)}, "0.2850"},
        {"share", {N(0.00285), N(0.1)}, "0.0285"},
        {"share", {T(" 40.50 "), N(595.2)}, "0.0680"},
        {"share", {T("１２３"), T("１２３")}, "1.0000"},
        // change amount: exact
        {"change", {N(595.2), N(868.86)}, "-273.66"},
        {"change", {N(0.3), N(0.1)}, "0.2"},
        {"change", {N(0.3), N(0.2)}, "0.1"},
        {"change", {E(), N(5)}, "-5"},
        {"change", {N(5), E()}, "5"},
        {"change", {T("abc"), N(1)}, "#VALUE!"},
        {"change", {N(1e8), N(1)}, "99999999"},
        {"change", {N(123456789.12), N(0.01)}, "123456789.11"},
        {"change", {N(-1), N(-1)}, "0"},
        {"change", {T("１，０００"), N(1)}, "999"},
        {"change", {ERR(), N(1)}, "#VALUE!"},
        // change rate
        {"rate", {N(595.2), N(868.86)}, "-0.3150"},
        {"rate", {N(868.86), N(595.2)}, "0.4598"},
        {"rate", {N(7.1), N(7.4)}, "-0.0405"},
        {"rate", {N(1), N(0)}, "#DIV/0!"},
        {"rate", {N(0), N(0)}, "#DIV/0!"},
        {"rate", {E(), E()}, "#DIV/0!"},
        {"rate", {N(5), N(5)}, "0.0000"},
        {"rate", {N(105), N(100)}, "0.0500"},
        {"rate", {N(100.005), N(100)}, "0.0001"},
        {"rate", {N(99.995), N(100)}, "-0.0001"},
        {"rate", {N(0), N(100)}, "-1.0000"},
        {"rate", {N(300), N(100)}, "2.0000"},
        {"rate", {N(1), N(-2)}, "1.5000"},
        {"rate", {T("x"), N(1)}, "#VALUE!"},
        {"rate", {N(2e8), N(1e8)}, "1.0000"},
        // year-on-year sentence
        {"yoy", {N(595.2), N(868.86)}, "比上年减少273.66万元，下降31.50%"},
        {"yoy", {N(868.86), N(595.2)}, "比上年增加273.66万元，增长45.98%"},
        {"yoy", {N(7.1), N(7.1)}, "与上年持平"},
        {"yoy", {N(7.1), N(7.4)}, "比上年减少0.30万元，下降4.05%"},
        {"yoy", {N(1.6), N(0)}, "比上年增加1.60万元，上年为零，系本年新增"},
        {"yoy", {N(1.6), E()}, "比上年增加1.60万元，上年为零，系本年新增"},
        {"yoy", {N(0), N(0)}, "与上年持平"},
        {"yoy", {E(), E()}, "与上年持平"},
        {"yoy", {N(0), N(5)}, "比上年减少5.00万元，下降100.00%"},
        {"yoy", {N(595.2), N(868.86), T("元"), N(0)}, "比上年减少274元，下降31.50%"},
        {"yoy", {N(100.004), N(100)}, "与上年持平"},
        {"yoy", {N(100.005), N(100)}, "比上年增加0.01万元，增长0.01%"},
        {"yoy", {N(595.2), N(868.86), T("万元"), N(1)}, "比上年减少273.7万元，下降31.50%"},
        {"yoy", {T("abc"), N(1)}, "#VALUE!"},
        {"yoy", {N(1), T("abc")}, "#VALUE!"},
        {"yoy", {N(-5), N(0)}, "比上年减少5.00万元，上年为零"},
        {"yoy", {N(150000000), N(100000000), T("元"), N(0)}, "比上年增加50000000元，增长50.00%"},
        {"yoy", {T("５９５．２０"), T("８６８．８６")}, "比上年减少273.66万元，下降31.50%"},
        {"yoy", {N(1), N(2), T("万元"), N(-1)}, "#VALUE!"},
        {"yoy", {N(0.1 + 0.2), N(0.3)}, "与上年持平"},
        // share sentence
        {"sharetext", {N(40.5), N(595.2)}, "40.50万元，占6.80%"},
        {"sharetext", {N(554.7), N(595.2)}, "554.70万元，占93.20%"},
        {"sharetext", {N(1.6), N(595.2)}, "1.60万元，占0.27%"},
        {"sharetext", {N(593.6), N(595.2)}, "593.60万元，占99.73%"},
        {"sharetext", {N(0), N(595.2)}, "0.00万元，占0.00%"},
        {"sharetext", {N(1), N(0)}, "#DIV/0!"},
        {"sharetext", {N(40.5), N(595.2), T("万元"), N(1)}, "40.5万元，占6.80%"},
        {"sharetext", {N(405000), N(5952000), T("元"), N(0)}, "405000元，占6.80%"},
        {"sharetext", {T("abc"), N(1)}, "#VALUE!"},
        {"sharetext", {E(), N(10)}, "0.00万元，占0.00%"},
        // capital amount (大写)
        {"capital", {N(1005.3)}, "壹仟零伍元叁角"},
        {"capital", {N(1000.05)}, "壹仟元零伍分"},
        {"capital", {N(100)}, "壹佰元整"},
        {"capital", {N(0)}, "零元整"},
        {"capital", {E()}, "零元整"},
        {"capital", {N(0.05)}, "伍分"},
        {"capital", {N(0.5)}, "伍角"},
        {"capital", {N(10)}, "壹拾元整"},
        {"capital", {N(123456789.12)}, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"},
        {"capital", {N(-7.1)}, "负柒元壹角"},
        {"capital", {N(16312)}, "壹万陆仟叁佰壹拾贰元整"},
        {"capital", {N(40000)}, "肆万元整"},
        {"capital", {N(4000000)}, "肆佰万元整"},
        {"capital", {N(1260000)}, "壹佰贰拾陆万元整"},
        {"capital", {N(0.285)}, "贰角玖分"},
        {"capital", {N(0.005)}, "壹分"},
        {"capital", {N(0.004)}, "零元整"},
        {"capital", {T("１２３．４５")}, "壹佰贰拾叁元肆角伍分"},
        {"capital", {T("abc")}, "#VALUE!"},
        {"capital", {N(100000)}, "壹拾万元整"},
        {"capital", {N(1e12)}, "壹万亿元整"},
        {"capital", {N(10.01)}, "壹拾元零壹分"},
        {"capital", {N(1e16)}, "#VALUE!"},
        {"capital", {N(1101.1)}, "壹仟壹佰零壹元壹角"},
        // shares that add up to exactly 100.00 %
        {"shares", {N(40.5), N(554.7)}, "0.0680;0.9320"},
        {"shares", {N(1.6), N(593.6)}, "0.0027;0.9973"},
        {"shares", {N(1), N(1), N(1)}, "0.3334;0.3333;0.3333"},
        {"shares", {N(2), N(1)}, "0.6667;0.3333"},
        {"shares", {N(0), N(0)}, "#DIV/0!"},
        {"shares", {N(1), E(), N(1)}, "0.5000;0.0000;0.5000"},
        {"shares", {N(1), T("x")}, "#VALUE!"},
        {"shares", {N(1), N(1), N(1), N(1), N(1), N(1)}, "0.1666;0.1666;0.1667;0.1667;0.1667;0.1667"},
        {"shares", {N(595.2)}, "1.0000"},
        // 元 → 万元 with tail-difference balancing
        {"towan", {N(12345), N(23456), N(34567)}, "1.23;2.35;3.46"},
        {"towan", {N(15000), N(15000), N(15000)}, "1.50;1.50;1.50"},
        {"towan", {N(4999), N(4999), N(4999)}, "0.50;0.50;0.50"},
        {"towan", {N(4950), N(4950), N(4950)}, "0.49;0.50;0.50"},
        {"towan", {N(3333), N(3333), N(3334)}, "0.33;0.33;0.34"},
        {"towan", {N(5952000), N(405000)}, "595.20;40.50"},
        {"towan", {E(), N(10000)}, "0.00;1.00"},
        {"towan", {T("x")}, "#VALUE!"},
        {"towan", {N(-4950), N(-4950)}, "-0.49;-0.50"},
    };
    return all;
}

class FigureCase : public ::testing::TestWithParam<std::size_t> {};

}  // namespace

TEST(FigureCases, AtLeastOneHundred) {
    EXPECT_GE(cases().size(), 100U);
}

TEST_P(FigureCase, GivesTheExpectedResult) {
    const Case& c = cases()[GetParam()];
    EXPECT_EQ(evaluate(c), c.expected) << c.function << " case " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Table, FigureCase, ::testing::Range<std::size_t>(0, cases().size()));

TEST(Apportion, RandomPartsAlwaysAddUpExactlyAndStayWithinOneUnit) {
    std::mt19937 random(20231);
    std::uniform_int_distribution<int> count(1, 40);
    std::uniform_int_distribution<long long> cents(0, 1'000'000'000);
    for (int round = 0; round < 300; ++round) {
        std::vector<CellValue> parts;
        const int n = count(random);
        for (int i = 0; i < n; ++i) {
            parts.push_back(N(static_cast<double>(cents(random)) / 100.0));
        }
        const auto result = bd::shares(parts);
        if (std::holds_alternative<FunctionError>(result)) {
            continue;  // all zero
        }
        const auto& fractions = std::get<std::vector<Decimal>>(result);
        EXPECT_EQ(std::accumulate(fractions.begin(), fractions.end(), Decimal()), Decimal(1));
        const auto wan = std::get<std::vector<Decimal>>(bd::yuan_to_wan(parts, 2));
        Decimal total;
        for (const auto& p : parts) {
            total += Decimal::from_double(p.number);
        }
        EXPECT_EQ(std::accumulate(wan.begin(), wan.end(), Decimal()), (total / Decimal(10000)).rounded(2));
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const Decimal exact = Decimal::from_double(parts[i].number) / Decimal(10000);
            EXPECT_LE((wan[i] - exact).abs(), Decimal::unit(2) + Decimal::unit(2) / Decimal(2));
        }
    }
}

TEST(Units, ATextNamesAUnitWhenItHoldsTheNameOfOne) {
    EXPECT_TRUE(bd::names_a_unit("发放生活补助共16312元"));
    EXPECT_TRUE(bd::names_a_unit("48.99万元"));
    EXPECT_TRUE(bd::names_a_unit("3亿元"));
    EXPECT_TRUE(bd::names_a_unit("项目资金（元）"));
    EXPECT_FALSE(bd::names_a_unit("≥95%"));
    EXPECT_FALSE(bd::names_a_unit("完成任务数"));
    EXPECT_FALSE(bd::names_a_unit(""));
}
