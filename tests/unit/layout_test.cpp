#include "bd/layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using bd::layout::ColumnKind;
using bd::layout::LayoutError;
using bd::layout::parse_layout;

TEST(Expression, ReadsPathsCallsAndPrecedence) {
    const auto expression = bd::expr::parse("T1:income.amount + carry.amount * 2 - under(T2:codes.total, code)");
    EXPECT_EQ(bd::expr::to_string(expression), "T1:income.amount + (carry.amount * 2) - under(T2:codes.total, code)");
    const auto paths = bd::expr::paths(expression);
    ASSERT_EQ(paths.size(), 4U);
    EXPECT_EQ(paths[0].table, "T1");
    EXPECT_EQ(paths[0].first, "income");
    EXPECT_EQ(paths[0].member, "amount");
    EXPECT_EQ(paths[2].first, "codes");
    EXPECT_EQ(paths[3].first, "code");
    const auto range = bd::expr::paths(bd::expr::parse("classes(T4:c201..c234.subtotal)"));
    ASSERT_EQ(range.size(), 1U);
    EXPECT_EQ(range[0].first, "c201");
    EXPECT_EQ(range[0].last, "c234");
    EXPECT_EQ(range[0].member, "subtotal");
}

TEST(Expression, RejectsWhatItCannotRead) {
    EXPECT_THROW(bd::expr::parse("a +"), bd::expr::SyntaxError);
    EXPECT_THROW(bd::expr::parse("收入"), bd::expr::SyntaxError);
    EXPECT_THROW(bd::expr::parse_template("合计{T1:total.amount"), bd::expr::SyntaxError);
}

TEST(Expression, SplitsTemplatesIntoTextAndExpressions) {
    const auto segments = bd::expr::parse_template("收入{T1:total.amount}万元，{yoy(a, b)}。");
    ASSERT_EQ(segments.size(), 5U);
    EXPECT_EQ(segments[0].text, "收入");
    EXPECT_TRUE(segments[1].is_expression);
    EXPECT_EQ(bd::expr::to_string(segments[3].expression), "yoy(a, b)");
    EXPECT_EQ(segments[4].text, "。");
}

TEST(Layout, ShanxiSetHasTheSeedsThirteenTables) {
    const auto* layout = bd::layout::find_layout("shanxi-unit");
    ASSERT_NE(layout, nullptr);
    EXPECT_EQ(layout->tables.size(), 13U);
    EXPECT_EQ(layout->unit, "万元");
    EXPECT_EQ(layout->decimals, 2);
    const auto* t1 = layout->table("T1");
    ASSERT_NE(t1, nullptr);
    ASSERT_EQ(t1->sides.size(), 2U);
    EXPECT_EQ(t1->sides[1].head.size(), 30U);  // the 30 functional classes
    EXPECT_EQ(t1->sides[1].head[22].code, "224");
    const auto total = t1->line("income_total");
    ASSERT_TRUE(total);
    EXPECT_EQ(total->side->key, "in");
    const auto* t3 = layout->table("T3");
    ASSERT_NE(t3, nullptr);
    ASSERT_NE(t3->block_side("codes"), nullptr);
    EXPECT_EQ(t3->sides[0].first_column(ColumnKind::Code)->header, "科目编码");
    ASSERT_TRUE(t3->sides[0].column("total")->formula);
    EXPECT_EQ(bd::expr::to_string(*t3->sides[0].column("total")->formula), "basic + project");
    EXPECT_EQ(layout->sheet_order.front(), "封面");
    EXPECT_EQ(layout->forms.size(), 1U);
    EXPECT_EQ(layout->forms[0].per.table, "T12");
}

TEST(Layout, NamesTheLineOfASyntaxError) {
    try {
        parse_layout("layout x version 1\ntable T1 \"t\"\n  sheet \"s\"\n  side main\n  column a \"A\" amount = b +\n");
        FAIL() << "no error";
    } catch (const LayoutError& error) {
        EXPECT_NE(std::string(error.what()).find("line 5"), std::string::npos) << error.what();
    }
}

TEST(Layout, RejectsUnknownNames) {
    try {
        parse_layout(
            "layout x version 1\ntable T1 \"t\"\n  sheet \"s\"\n  side main\n  column a \"A\" amount = gbp\n"
            "  line total \"合计\" sum nothing\n");
        FAIL() << "no error";
    } catch (const LayoutError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("unknown name \"gbp\""), std::string::npos) << message;
        EXPECT_NE(message.find("no block \"nothing\""), std::string::npos) << message;
    }
}

TEST(Layout, RejectsUnknownStatementsAndDuplicates) {
    EXPECT_THROW(parse_layout("layout x version 1\ntabel T1 \"t\"\n"), LayoutError);
    EXPECT_THROW(parse_layout("layout x version 1\ncover \"c\"\n  sheet \"s\"\ntable T1 \"t\"\n  sheet \"s\"\n"),
                 LayoutError);
    EXPECT_THROW(parse_layout("table T1 \"t\"\n"), LayoutError);
}

}  // namespace
