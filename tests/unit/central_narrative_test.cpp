// The central department rule pack's narrative rules and last year's document, over the central
// workbook of the tests (central_workbook.hpp).
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

using bd::CellValue;
using bd::Grid;
using bd::Outcome;
using bd::Status;
using namespace bd::test;
using namespace bd::test::central;

// ---- the narrative ----

TEST(CentralRules, EveryFigureOfTheNarrativeIsChecked) {
    const auto outcomes = validate(workbook());
    for (const char* rule : {"N.TOTAL", "N.INCOME", "N.CARRY", "N.EXPENSE", "N.BASIC-SHARE", "N.PROJECT-SHARE", "N.GPB",
                             "N.THREE-COSTS", "N.ITEMS", "N.SHARES", "N.YEAR-ON-YEAR"}) {
        EXPECT_EQ(status_of(outcomes, rule), Status::Pass) << rule;
    }
    EXPECT_EQ(std::ranges::count(outcomes, std::string("N.ITEMS"), &Outcome::rule_id), 2);  // the two 项
    EXPECT_EQ(std::ranges::count(outcomes, std::string("N.YEAR-ON-YEAR"), &Outcome::rule_id), 4);
    EXPECT_EQ(status_of(outcomes, "N.UNRESOLVED"), Status::NotApplicable);  // every figure resolved
}

TEST(CentralRules, ANarrativeThatDisagreesWithItsTablesOrItself) {
    auto sheets = workbook();
    replace_text(sheets, "科普活动（项）2023年预算数为250.00万元", "科普活动（项）2023年预算数为260.00万元");
    auto outcomes = validate(sheets);
    EXPECT_EQ(failures(outcomes, "N.ITEMS"), 1U);
    EXPECT_EQ(failures(outcomes, "N.YEAR-ON-YEAR"), 1U);  // 10 on 250 is no longer 4.17 % of 2022
    sheets = workbook();
    replace_text(sheets, "增长11.11%", "下降11.11%");
    outcomes = validate(sheets);
    EXPECT_EQ(failures(outcomes, "N.YEAR-ON-YEAR"), 1U);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"N.YEAR-ON-YEAR"}));
    sheets = workbook();
    replace_text(sheets, "比2022年执行数增加15.00万元", "比2021年执行数增加15.00万元");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.YEAR-ON-YEAR"}));
    sheets = workbook();
    replace_text(sheets, "事业收入30.00万元，占9.09%", "事业收入30.00万元，占9.90%");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.SHARES"}));
    sheets = workbook();
    replace_text(sheets, "预算数12.00万元", "预算数13.00万元");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.THREE-COSTS", "N.YEAR-ON-YEAR"}));
}

// ---- last year's document ----

// The department's document of 2022: every year in its texts one earlier, and its 三公 table's
// current line what this year's table says of 2022.
std::vector<Grid> last_years_workbook() {
    auto sheets = workbook();
    for (auto& grid : sheets) {
        for (auto& cell : grid.cells) {
            for (const auto& [from, to] : {std::pair{"2022年", "2021年"}, std::pair{"2023年", "2022年"}}) {
                if (const auto at = cell.text.find(from);
                    cell.kind == CellValue::Kind::Text && at != std::string::npos) {
                    cell.text.replace(at, std::string(from).size(), to);
                    break;
                }
            }
        }
    }
    set(sheets, "表7三公经费支出表", "A6", T("2021年预算数"));
    set(sheets, "表7三公经费支出表", "A7", T("2022年预算数"));
    const auto this_year = table7();
    for (const auto* column : {"B", "C", "D", "E", "F", "G"}) {
        set(sheets, "表7三公经费支出表", std::string(column) + "7",
            this_year.at(5, static_cast<std::size_t>(*column - 'A')));
    }
    return sheets;
}

TEST(CentralRules, LastYearsFiguresAreCheckedAgainstLastYearsDocument) {
    const auto last_year = last_years_workbook();
    auto outcomes = bd::validate_workbook(workbook(), bundled_catalog(), &last_year).outcomes;
    EXPECT_EQ(std::ranges::count_if(
                  outcomes, [](const Outcome& o) { return o.rule_id == "Y.T7-PRIOR" && o.status == Status::Pass; }),
              4);
    EXPECT_EQ(status_of(outcomes, "N.PRIOR-YEAR"), Status::Pass);  // 12 + 3 = 2022's 15
    EXPECT_TRUE(finding_rules(outcomes).empty());
    // Last year's document budgeted 6 for travel abroad, not the 5 this year's table says.
    auto changed = last_year;
    set(changed, "表7三公经费支出表", "C7", N(6));
    set(changed, "表7三公经费支出表", "B7", N(16));
    outcomes = bd::validate_workbook(workbook(), bundled_catalog(), &changed).outcomes;
    EXPECT_EQ(failures(outcomes, "Y.T7-PRIOR"), 2U);  // 合计 and 因公出国（境）费
    EXPECT_EQ(failures(outcomes, "N.PRIOR-YEAR"), 1U);
    // Without last year's document the rules say they need it.
    outcomes = validate(workbook());
    EXPECT_EQ(status_of(outcomes, "Y.T7-PRIOR"), Status::NotApplicable);
}

}  // namespace
