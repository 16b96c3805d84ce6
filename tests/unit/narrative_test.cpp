// The narrative's and the forms' free text, as published: the seed typed plainly
// (tests/data/jinzhong-2023-typed.grid) and the two Shanghai budgets. Every figure a text states
// is checked or listed as not resolved; each kind of statement, changed, is reported at its cell.
#include "bd/validate.hpp"
#include "grid_file.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using bd::Grid;
using bd::Outcome;
using bd::Severity;
using bd::Status;
using namespace bd::test;

std::vector<Grid> data(const char* name) {
    return read_grid_file(std::filesystem::path(BD_TEST_DATA_DIR) / name);
}

// The failed checks of a rule.
std::vector<Outcome> failed(const std::vector<Outcome>& outcomes, const std::string& rule) {
    std::vector<Outcome> out;
    std::ranges::copy_if(outcomes, std::back_inserter(out),
                         [&](const Outcome& o) { return o.rule_id == rule && o.status == Status::Fail; });
    return out;
}

// The messages of a rule's failed checks, one per line (for a test's failure message).
std::string messages(const std::vector<Outcome>& outcomes) {
    std::string out;
    for (const auto& o : outcomes) {
        out += o.rule_id + " " + o.message.zh + "\n";
    }
    return out;
}

bool mentions(const Outcome& o, const std::string& text) {
    return o.message.zh.find(text) != std::string::npos;
}

// The failed check of a rule over the sheets whose message says `text`; fails the test if none.
Outcome failed_saying(const std::vector<Grid>& sheets, const std::string& rule, const std::string& text) {
    const auto found = failed(validate(sheets), rule);
    const auto it = std::ranges::find_if(found, [&](const Outcome& o) { return mentions(o, text); });
    if (it == found.end()) {
        ADD_FAILURE() << "no " << rule << " saying " << text << " in:\n" << messages(found);
        return {};
    }
    return *it;
}

// ---- the seed ----

TEST(Narrative, EveryFigureOfTheSeedIsCheckedOrListedWithItsSentence) {
    const auto outcomes = validate(data("jinzhong-2023-typed.grid"));
    std::vector<std::string> unresolved;
    for (const auto& o : outcomes) {
        if (o.rule_id == "N.UNRESOLVED") {
            EXPECT_EQ(o.status, Status::NotEvaluated);
            EXPECT_EQ(o.severity, Severity::Info);
            ASSERT_EQ(o.cells.size(), 1U);
            EXPECT_EQ(o.cells[0].sheet, "情况说明");
            const auto open = o.message.zh.find("【");
            const auto close = o.message.zh.find("】");
            ASSERT_NE(open, std::string::npos) << o.message.zh;
            unresolved.push_back(o.message.zh.substr(open + 3, close - open - 3));
        }
    }
    // What no table holds: the reasons' project amounts, the vehicles, 政府购买服务's parts.
    EXPECT_EQ(unresolved,
              (std::vector<std::string>{"126万元", "90万元", "126万元", "90万元", "5辆", "2.1万元", "9.3万元"}));
    // The year-on-year statements and the shares agree with the figures they quote.
    EXPECT_TRUE(failed(outcomes, "N.YEAR-ON-YEAR").empty()) << messages(failed(outcomes, "N.YEAR-ON-YEAR"));
    EXPECT_TRUE(failed(outcomes, "N.SHARES").empty()) << messages(failed(outcomes, "N.SHARES"));
    EXPECT_GE(std::ranges::count_if(
                  outcomes, [](const Outcome& o) { return o.rule_id == "N.SHARES" && o.status == Status::Pass; }),
              10);
}

TEST(Narrative, AWrongPercentageIsAnErrorAtItsSentence) {
    auto sheets = data("jinzhong-2023-typed.grid");
    replace_text(sheets, "下降31.50%", "下降31.60%");
    const auto found = failed(validate(sheets), "N.YEAR-ON-YEAR");
    ASSERT_EQ(found.size(), 1U) << messages(found);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_EQ(found[0].expected, "31.50");  // 273.66 / (595.20 + 273.66)
    EXPECT_EQ(found[0].actual, "31.60");
    EXPECT_TRUE(mentions(found[0], "下降【31.60%】")) << found[0].message.zh;
}

TEST(Narrative, ASwappedDirectionWordIsAnError) {
    auto sheets = data("jinzhong-2023-typed.grid");
    replace_text(sheets, "比上年减少273.66万元", "比上年增加273.66万元");
    const auto found = failed(validate(sheets), "N.YEAR-ON-YEAR");
    ASSERT_EQ(found.size(), 1U) << messages(found);
    EXPECT_TRUE(mentions(found[0], "两个方向词相反")) << found[0].message.zh;
    // Shanghai writes both amounts: the word must match them.
    sheets = data("shanghai-putuo-2024.grid");
    replace_text(sheets, "2024年预算安排42.60万元，比2023年预算执行数减少6.19%",
                 "2024年预算安排42.60万元，比2023年预算执行数增加6.19%");
    EXPECT_EQ(failed_saying(sheets, "N.YEAR-ON-YEAR", "写的是“增加”，数字实为减少").severity, Severity::Error);
}

TEST(Narrative, AComparisonWithTheWrongYearIsAnError) {
    auto sheets = data("shanghai-putuo-2024.grid");
    replace_text(sheets, "比2023年预算减少876.75万元", "比2024年预算减少876.75万元");
    const auto wrong = failed_saying(sheets, "N.YEAR-ON-YEAR", "比较的是2024年");
    EXPECT_TRUE(mentions(wrong, "而不是预算年度的上一年（2023年）")) << wrong.message.zh;
}

TEST(Narrative, AnItemAmountThatDiffersFromItsTableRowIsAnError) {
    auto sheets = data("shanghai-putuo-2024.grid");
    replace_text(sheets, "专项普查活动（项）”25.77万元", "专项普查活动（项）”25.87万元");
    const auto item = failed_saying(sheets, "N.ITEMS", "【25.87万元】");
    EXPECT_EQ(item.expected, "25.77");
    EXPECT_EQ(item.severity, Severity::Error);
    // The seed names its classes with their amounts in the fiscal section.
    sheets = data("jinzhong-2023-typed.grid");
    replace_text(sheets, "灾害防治及应急管理支出593.60万元", "灾害防治及应急管理支出593.80万元");
    const auto outcomes = validate(sheets);
    const auto seed = failed(outcomes, "N.FISCAL-ITEMS");
    ASSERT_EQ(seed.size(), 1U) << messages(failed(outcomes, "N.ITEMS"));
    EXPECT_EQ(seed[0].expected, "593.60");
}

TEST(Narrative, SharesOfOneWholeAddUpToAHundredPercent) {
    auto sheets = data("jinzhong-2023-typed.grid");
    replace_text(sheets, "一般公共预算拨款收入595.20万元，占100.00%", "一般公共预算拨款收入595.20万元，占99.00%");
    const auto found = failed(validate(sheets), "N.SHARES");
    EXPECT_TRUE(std::ranges::any_of(found, [](const Outcome& o) { return mentions(o, "100%"); })) << messages(found);
}

// Shares written to add up to 100.00 % (as BUDGET.SHARES and our template give them) may each be
// a unit of the last place off their own rounding; shares that do not add up are a rounding
// warning; a share further off is an error.
TEST(Narrative, SharesBalancedToAHundredPercentAreRightAsWritten) {
    const std::string seed = "社会保障和就业支出1.60万元，占0.27%；灾害防治及应急管理支出593.60万元，占99.73%";
    const auto shares_written = [&](const char* a, const char* b, const char* c) {
        auto sheets = data("jinzhong-2023-typed.grid");
        replace_text(sheets, seed,
                     std::string("社会保障和就业支出198.40万元，占") + a + "%；灾害防治及应急管理支出198.40万元，占" +
                         b + "%；卫生健康支出198.40万元，占" + c + "%");
        return failed(validate(sheets), "N.SHARES");
    };
    EXPECT_TRUE(shares_written("33.34", "33.33", "33.33").empty())
        << messages(shares_written("33.34", "33.33", "33.33"));
    EXPECT_TRUE(shares_written("33.33", "33.34", "33.33").empty());
    const auto unbalanced = shares_written("33.33", "33.33", "33.33");
    ASSERT_EQ(unbalanced.size(), 1U) << messages(unbalanced);
    EXPECT_EQ(unbalanced[0].severity, Severity::Warning) << "99.99 %: a rounding difference";
    const auto off = shares_written("33.35", "33.32", "33.33");
    EXPECT_EQ(std::ranges::count(off, Severity::Error, &Outcome::severity), 2) << messages(off);
}

TEST(Narrative, APercentageOfAZeroBaseIsFlaggedAsMeaningless) {
    const auto outcomes = validate(data("shanghai-putuo-2024.grid"));
    const auto found = failed(outcomes, "N.YEAR-ON-YEAR");
    const auto zero = std::ranges::find_if(found, [](const Outcome& o) { return o.severity == Severity::Info; });
    ASSERT_NE(zero, found.end());
    EXPECT_TRUE(mentions(*zero, "基数为零，百分比没有意义")) << zero->message.zh;
    EXPECT_TRUE(mentions(*zero, "2023年当年预算执行数为0.00万元")) << zero->message.zh;
}

TEST(Narrative, AFormsTextAmountIsComparedWithItsAnnualTotal) {
    auto sheets = data("jinzhong-2023-typed.grid");
    EXPECT_EQ(failed(validate(sheets), "F.TEXT").size(), 4U);  // as published: 共16312元 of a 1.6万元 total
    for (int i = 0; i < 4; ++i) {
        replace_text(sheets, "共16312元", "共16000元");
    }
    EXPECT_TRUE(failed(validate(sheets), "F.TEXT").empty());
    replace_text(sheets, "共16000元", "共17000元");
    const auto found = failed(validate(sheets), "F.TEXT");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].expected, "16000");
    EXPECT_EQ(found[0].actual, "17000");
    EXPECT_EQ(found[0].severity, Severity::Warning);
}

// ---- Shanghai ----

TEST(Narrative, TheShanghaiNarrativesAreReadInTheirOwnUnits) {
    for (const char* file : {"shanghai-putuo-2023.grid", "shanghai-putuo-2024.grid"}) {
        const auto outcomes = validate(data(file));
        const auto passed = [&](const std::string& rule) {
            return std::ranges::count_if(
                outcomes, [&](const Outcome& o) { return o.rule_id == rule && o.status == Status::Pass; });
        };
        EXPECT_GE(passed("N.ITEMS"), 20) << file;  // each item's heading and 预算安排, in 万元 of tables in 元
        EXPECT_GE(passed("N.YEAR-ON-YEAR"), 20) << file;  // each item's change on last year's execution
        EXPECT_GE(passed("N.PARTS"), 1) << file;          // the vehicles and their kinds
        const auto unresolved = std::ranges::count(outcomes, std::string("N.UNRESOLVED"), &Outcome::rule_id);
        EXPECT_LE(unresolved, 18) << file;  // of 188 and 182 figures: at least 90 % resolved
    }
}

// ---- last year's document ----

std::vector<Outcome> validate_with_prior(const std::vector<Grid>& sheets, const std::vector<Grid>& prior) {
    return bd::validate_workbook(sheets, bundled_catalog(), &prior).outcomes;
}

TEST(Narrative, WhatTheNarrativeSaysOfLastYearsBudgetIsCheckedAgainstLastYearsDocument) {
    const auto last_year = data("shanghai-putuo-2023.grid");
    auto sheets = data("shanghai-putuo-2024.grid");
    // Without it, the rule says what it needs.
    const auto alone = validate(sheets);
    const auto without = std::ranges::find(alone, std::string("N.PRIOR-YEAR"), &Outcome::rule_id);
    ASSERT_NE(without, alone.end());
    EXPECT_EQ(without->status, Status::NotApplicable);
    EXPECT_TRUE(mentions(*without, "未提供上年的预算文件")) << without->message.zh;
    // 15621.11万元 "比2023年预算减少876.75万元" is 16497.86万元, as the 2023 document says; and
    // so for the fiscal totals, the 三公 costs and the unchanged funds: 10 statements.
    auto outcomes = validate_with_prior(sheets, last_year);
    EXPECT_EQ(std::ranges::count_if(
                  outcomes, [](const Outcome& o) { return o.rule_id == "N.PRIOR-YEAR" && o.status == Status::Pass; }),
              10);
    EXPECT_TRUE(failed(outcomes, "N.PRIOR-YEAR").empty()) << messages(failed(outcomes, "N.PRIOR-YEAR"));
    // A change that does not lead to last year's figure.
    replace_text(sheets, "一般公共预算拨款支出预算15621.11万元，比2023年预算减少876.75万元",
                 "一般公共预算拨款支出预算15621.11万元，比2023年预算减少867.75万元");
    outcomes = validate_with_prior(sheets, last_year);
    const auto found = failed(outcomes, "N.PRIOR-YEAR");
    ASSERT_EQ(found.size(), 1U) << messages(found);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_TRUE(mentions(found[0], "上年的文件：4 部门财政拨款收支预算总表!")) << found[0].message.zh;
    EXPECT_EQ(found[0].expected, "16497.86");
    EXPECT_EQ(found[0].actual, "16488.86");
}

TEST(Narrative, ADocumentOfAnotherYearIsNotTakenForLastYears) {
    const auto sheets = data("shanghai-putuo-2024.grid");
    const auto outcomes = validate_with_prior(sheets, sheets);
    const auto prior = std::ranges::find(outcomes, std::string("N.PRIOR-YEAR"), &Outcome::rule_id);
    ASSERT_NE(prior, outcomes.end());
    EXPECT_EQ(prior->status, Status::NotEvaluated);
    EXPECT_TRUE(mentions(*prior, "上年的文件是2024年的预算，不是2023年的")) << prior->message.zh;
    // A workbook that is no disclosure of the set is no last year's document either.
    const auto nothing = validate_with_prior(sheets, {});
    const auto none = std::ranges::find(nothing, std::string("N.PRIOR-YEAR"), &Outcome::rule_id);
    ASSERT_NE(none, nothing.end());
    EXPECT_EQ(none->status, Status::NotEvaluated);
    EXPECT_TRUE(mentions(*none, "上年的文件不是同一套表的预算公开")) << none->message.zh;
}

}  // namespace
