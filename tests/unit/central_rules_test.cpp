// The central department rule pack (templates/rules/central-department.rules) over the central
// workbook of the tests (central_workbook.hpp): the consistent workbook has no failure; each
// mutation yields exactly the findings of the rules it breaks. The narrative's rules and last
// year's document: central_narrative_test.cpp.
#include "bd/locate.hpp"
#include "bd/rules.hpp"
#include "bd/validate.hpp"
#include "central_workbook.hpp"
#include "test_cells.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using bd::Grid;
using bd::Outcome;
using bd::Severity;
using bd::Status;
using namespace bd::test;
using namespace bd::test::central;

const bd::rules::RulePack& central_pack() {
    const auto* pack = bd::rules::rule_pack_for_layout("central-department");
    if (pack == nullptr) {
        throw std::runtime_error("no central-department rule pack");
    }
    return *pack;
}

TEST(CentralRules, ThePackIsBundledForTheCentralLayout) {
    const auto& pack = central_pack();
    EXPECT_EQ(pack.id, "central-department");
    EXPECT_EQ(pack.version, 1);
    EXPECT_GE(pack.rules.size(), 50U);
    for (const auto& rule : pack.rules) {
        EXPECT_FALSE(rule.message.en.empty()) << rule.id;
        EXPECT_FALSE(rule.fix.zh.empty()) << rule.id;
        EXPECT_FALSE(rule.fix.en.empty()) << rule.id;
    }
}

TEST(CentralRules, TheWorkbookIsReadAsACentralSet) {
    const auto sheets = workbook();
    const auto recognized = recognition(sheets);
    EXPECT_EQ(recognized.set_id, "central-department");
    EXPECT_EQ(recognized.found_count(), 9U);
    EXPECT_TRUE(recognized.recognized);
    const auto located = locate(sheets, "central-department");
    EXPECT_TRUE(located.missing_tables.empty());
    for (const auto& table : located.tables) {
        EXPECT_TRUE(table.missing.empty())
            << table.table->id << ": " << (table.missing.empty() ? "" : table.missing.front());
    }
}

TEST(CentralRules, TheConsistentWorkbookPassesEveryRuleThatCanRun) {
    const auto outcomes = validate(workbook());
    // Every rule of the central pack ran, and nothing else did.
    std::set<std::string> ran;
    for (const auto& o : outcomes) {
        ran.insert(o.rule_id);
    }
    std::set<std::string> declared;
    for (const auto& rule : central_pack().rules) {
        declared.insert(rule.id);
    }
    EXPECT_EQ(ran, declared);
    // Tables 8 and 9 have no rows: their by-code rules say they had nothing to check (see
    // StateCapitalMoneyIsFollowedAcrossTheTables).
    for (const auto& o : outcomes) {
        if (o.rule_id == "X.T8-T3-BY-CODE" || o.rule_id == "X.T9-T3-BY-CODE") {
            EXPECT_EQ(o.status, Status::NotApplicable) << o.rule_id;
        }
    }
    EXPECT_GT(bd::summarize(outcomes).checks, 200);
    for (const auto& o : outcomes) {
        EXPECT_NE(o.status, Status::Fail) << o.rule_id << " " << o.message.zh;
        EXPECT_NE(o.status, Status::NotEvaluated) << o.rule_id << " " << o.message.zh;
    }
    EXPECT_TRUE(finding_rules(outcomes).empty());
    // The preconditions hold in this workbook: the rules that need them ran.
    for (const char* rule : {"X.T2-T3-BY-CODE", "X.T3-T2-BY-CODE", "X.T4-T5-CLASS-LINES", "X.T5-T4-GPB",
                             "X.T4-T8-CLASS-LINES", "E.T8", "E.T9", "X.T1-CLASS-LINES", "T7.ROW-TOTAL"}) {
        EXPECT_EQ(status_of(outcomes, rule), Status::Pass) << rule;
    }
    // One outcome per class line of table 1 (30) and per row of tables 2 and 3.
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T1-CLASS-LINES"), &Outcome::rule_id), 30);
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T2-T3-BY-CODE"), &Outcome::rule_id), 6);
}

TEST(CentralRules, AClassRowOffByOneBreaksOnlyTheHierarchy) {
    auto sheets = workbook();
    set(sheets, "表5一般公共预算支出表", "D7", N(249));  // 206 小计
    set(sheets, "表5一般公共预算支出表", "E7", N(49));   // and its 基本支出, so that the row adds up
    const auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"T5.HIERARCHY"}));
    // 206 against 20607 and 合计 against the 类 rows, in both columns.
    EXPECT_EQ(failures(outcomes, "T5.HIERARCHY"), 4U);
    const auto first = std::ranges::find_if(outcomes, [](const Outcome& o) { return o.status == Status::Fail; });
    EXPECT_EQ(first->difference, "-1.00");
    EXPECT_EQ(first->severity, Severity::Error);
    EXPECT_NE(first->message.zh.find("206"), std::string::npos);
}

TEST(CentralRules, ATableOneClassLineThatDiffersFromTableThree) {
    auto sheets = workbook();
    set(sheets, "表1收支总表", "D11", N(301));  // 六、科学技术支出
    set(sheets, "表1收支总表", "D13", N(49));   // 八、社会保障和就业支出: the lines still add up
    auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T1-CLASS-LINES"}));
    EXPECT_EQ(failures(outcomes, "X.T1-CLASS-LINES"), 2U);
    // One line alone also breaks 本年支出合计.
    sheets = workbook();
    set(sheets, "表1收支总表", "D11", N(301));
    outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T1-CLASS-LINES", "T1.EXPENSE-SUM"}));
}

TEST(CentralRules, AnEmptyGovernmentFundTableWithoutItsNote) {
    auto sheets = workbook();
    set(sheets, "表8政府性基金预算支出表", "A7", E());  // 注：本表无数据
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"E.T8"}));
    // A table with data must not say it has none.
    sheets = workbook();
    set(sheets, "表9国有资本经营预算支出表", "D6", N(10));
    EXPECT_EQ(status_of(validate(sheets), "E.T9"), Status::Fail);
}

TEST(CentralRules, TableFourAgainstTableFiveByClass) {
    auto sheets = workbook();
    // （六）科学技术支出 260 and （八）社会保障和就业支出 40: table 4 still adds up, table 5 disagrees.
    for (const char* cell : {"D12", "E12"}) {
        set(sheets, "表4财政拨款收支总表", cell, N(260));
    }
    for (const char* cell : {"D14", "E14"}) {
        set(sheets, "表4财政拨款收支总表", cell, N(40));
    }
    auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T4-T5-CLASS-LINES"}));
    EXPECT_EQ(failures(outcomes, "X.T4-T5-CLASS-LINES"), 2U);
    // With general-budget money carried over, table 4 may spend more than table 5 by class.
    set(sheets, "表4财政拨款收支总表", "B10", N(10));  // 二、上年结转
    set(sheets, "表4财政拨款收支总表", "B11", N(10));  // （一）一般公共预算资金
    outcomes = validate(sheets);
    EXPECT_EQ(status_of(outcomes, "X.T4-T5-CLASS-LINES"), Status::NotApplicable);
    EXPECT_NE(failures(outcomes, "T4.INCOME-TOTAL"), 0U);  // the totals no longer agree
}

TEST(CentralRules, StateCapitalMoneyIsFollowedAcrossTheTables) {
    auto sheets = workbook();
    // Table 9 gets 10.00 of 2080501 that neither table 4 nor table 1 knows of.
    auto& t9 = *std::ranges::find(sheets, std::string("表9国有资本经营预算支出表"), &Grid::name);
    auto rows = appropriation_head("部门预算公开表9", "2023年国有资本经营预算支出表");
    rows.push_back({T("合计"), E(), E(), N(10), N(10), E()});
    rows.push_back({T("2080501"), T("行政单位离退休"), E(), N(10), N(10), E()});
    t9 = sheet_of(t9.name, rows);
    const auto outcomes = validate(sheets);
    // Within table 3's amounts for the code: the by-code rule passes, once per column.
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T9-T3-BY-CODE"), &Outcome::rule_id), 3);
    EXPECT_EQ(failures(outcomes, "X.T9-T3-BY-CODE"), 0U);
    EXPECT_EQ(status_of(outcomes, "E.T9"), Status::Pass);  // figures, and no note saying there are none
    // (and the 项 alone, without its 类 and 款 rows, is a table to arrange)
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T9-T4-SCB", "X.T4-T9-CLASS-LINES", "C.ARRANGED"}));
    // More than table 3 spends on the code.
    set(sheets, "表9国有资本经营预算支出表", "D6", N(60));
    set(sheets, "表9国有资本经营预算支出表", "E6", N(60));
    set(sheets, "表9国有资本经营预算支出表", "D7", N(60));
    set(sheets, "表9国有资本经营预算支出表", "E7", N(60));
    EXPECT_EQ(failures(validate(sheets), "X.T9-T3-BY-CODE"), 2U);  // 小计 and 基本支出
}

TEST(CentralRules, ThreeCostsIdentities) {
    auto sheets = workbook();
    set(sheets, "表7三公经费支出表", "F6", N(7));  // 2022年 公务用车运行费: 小计 8 ≠ 0 + 7
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"T7.VEHICLES"}));
    set(sheets, "表7三公经费支出表", "D6", N(7));  // 小计 7: now 合计 15 ≠ 5 + 7 + 2
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"T7.ROW-TOTAL"}));
}

TEST(CentralRules, ANameThatDoesNotMatchItsCode) {
    auto sheets = workbook();
    set(sheets, "表5一般公共预算支出表", "B9", T("科普活动经费"));  // 2060702 is 科普活动
    const auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"C.CODES", "C.SAME-NAME"}));
    EXPECT_EQ(failures(outcomes, "C.SAME-NAME"), 1U);
}

// Table 7's two year lines, "{year - 1}年预算数" and "{year}年预算数", are told apart by their year:
// the current year's 三公 figures are checked too.
TEST(CentralRules, TheThreeCostsTableFindsBothYearLines) {
    const auto sheets = workbook();
    const auto located = locate(sheets, "central-department");
    const auto* t7 = located.table("T7");
    ASSERT_NE(t7, nullptr);
    EXPECT_EQ(t7->lines.at("prior").row, 5U);  // "2022年预算数" for {year - 1}年预算数
    EXPECT_EQ(t7->lines.at("current").row, 6U);
    auto changed = sheets;
    set(changed, "表7三公经费支出表", "B7", N(13));  // 2023年 合计 off by one, and no longer the narrative's 12
    EXPECT_EQ(finding_rules(validate(changed)), (std::set<std::string>{"T7.ROW-TOTAL", "N.THREE-COSTS"}));
}

}  // namespace
