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

TEST(Layout, CentralSetHasNineTables) {
    const auto* layout = bd::layout::find_layout("central-department");
    ASSERT_NE(layout, nullptr);
    EXPECT_EQ(layout->tables.size(), 9U);
    EXPECT_EQ(layout->unit, "万元");
    EXPECT_TRUE(layout->forms.empty());
    EXPECT_EQ(layout->sheet_order.front(), "封面");
    for (const char* field : {"unit", "year"}) {
        EXPECT_NE(std::ranges::find(layout->cover.fields, std::string(field), &bd::layout::Field::key),
                  layout->cover.fields.end())
            << field;
    }

    // 收支总表: income lines from the 收入总表, functional classes from the 支出总表 by code.
    const auto* t1 = layout->table("T1");
    ASSERT_NE(t1, nullptr);
    ASSERT_EQ(t1->sides.size(), 2U);
    EXPECT_EQ(t1->sides[1].head.size(), 30U);
    EXPECT_EQ(t1->sides[1].head[0].code, "201");
    ASSERT_TRUE(t1->sides[1].column("amount")->formula);
    EXPECT_EQ(bd::expr::to_string(*t1->sides[1].column("amount")->formula), "under(T3:codes.total, code)");
    const auto gpb = t1->line("gpb");
    ASSERT_TRUE(gpb);
    EXPECT_EQ(gpb->line->label, "一、一般公共预算财政拨款收入");
    ASSERT_EQ(gpb->line->values.size(), 1U);
    EXPECT_EQ(bd::expr::to_string(gpb->line->values[0].value), "T2:total.gpb");
    const auto income_total = t1->line("income_total");
    ASSERT_TRUE(income_total);
    EXPECT_EQ(bd::expr::to_string(income_total->line->values[0].value),
              "income.amount + nonfiscal.amount + carry.amount");
    ASSERT_TRUE(t1->line("expense_total"));
    EXPECT_EQ(t1->line("expense_total")->side->key, "out");

    // 收入总表 and 支出总表: coded blocks, 合计 over the codes, column identities.
    const auto* t2 = layout->table("T2");
    ASSERT_NE(t2, nullptr);
    ASSERT_NE(t2->block_side("codes"), nullptr);
    EXPECT_EQ(t2->block_side("codes")->block->kind, bd::layout::BlockKind::Functional);
    EXPECT_EQ(bd::expr::to_string(*t2->sides[0].column("total")->formula),
              "carry + gpb + gfb + scb + fsa + business + operating + other");
    EXPECT_EQ(t2->sides[0].column("operating")->header, "事业单位经营收入");
    const auto* t3 = layout->table("T3");
    ASSERT_NE(t3, nullptr);
    EXPECT_EQ(bd::expr::to_string(*t3->sides[0].column("total")->formula),
              "basic + project + remit + operating + subsidy");
    EXPECT_EQ(t3->sides[0].column("subsidy")->header, "对附属单位补助支出");

    // 一般公共预算基本支出表: economic classes, 合计 = 人员经费 + 公用经费.
    const auto* t6 = layout->table("T6");
    ASSERT_NE(t6, nullptr);
    EXPECT_EQ(t6->block_side("codes")->block->kind, bd::layout::BlockKind::Economic);
    EXPECT_EQ(bd::expr::to_string(*t6->sides[0].column("total")->formula), "personnel + public");

    // “三公”经费: 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行; last year and this year.
    const auto* t7 = layout->table("T7");
    ASSERT_NE(t7, nullptr);
    EXPECT_EQ(bd::expr::to_string(*t7->sides[0].column("total")->formula), "abroad + vehicles + reception");
    EXPECT_EQ(bd::expr::to_string(*t7->sides[0].column("vehicles")->formula), "purchase + operation");
    EXPECT_EQ(t7->sides[0].column("vehicles")->group, "公务用车购置及运行费");
    EXPECT_TRUE(t7->line("prior"));
    EXPECT_TRUE(t7->line("current"));

    EXPECT_EQ(layout->table("T9")->title, "{year}年国有资本经营预算支出表");
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
