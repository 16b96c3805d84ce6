// Findings that point at the cause, in Calc: the example (made from our template, so that 类/款/合计
// rows and tables 1 and 4 are formulas) with one input changed gives one group of findings whose
// cause is the changed cell, which alone carries a mark; the same for a 款 subtotal typed over and
// for an amount of table 6.
#include "bd/validation_api.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <algorithm>

using namespace css;
using namespace bd::test;

namespace {

const std::string table3 = "表3支出总表";
const std::string table6 = "表6基本支出经济科目表";

bd::Validation validated(const Document& doc) {
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    return bd::from_api(validator->validate(doc.get()));
}

/// The groups of failures a change made: those whose root the unchanged workbook does not have.
std::vector<bd::FindingGroup> new_groups(const bd::Validation& before, const bd::Validation& after) {
    std::vector<bd::FindingGroup> out;
    for (const auto& group : after.groups) {
        const auto& root = after.outcomes.at(group.root);
        const bool known = std::ranges::any_of(before.outcomes, [&](const bd::Outcome& o) {
            return o.is_finding() && o.rule_id == root.rule_id && o.cells == root.cells;
        });
        if (root.status == bd::Status::Fail && !known) {
            out.push_back(group);
        }
    }
    return out;
}

/// The marks on every sheet, as "sheet!cell".
std::vector<std::string> marked_cells(const Document& doc) {
    std::vector<std::string> cells;
    for (const auto& name : doc.sheet_names()) {
        for (const auto& [cell, text] : comments_of(doc.sheet(name))) {
            if (is_mark(text)) {
                cells.push_back(name + "!" + cell);
            }
        }
    }
    return cells;
}

/// Changes one input, validates from the menu and checks the one group it makes: its cause is the
/// changed cell, the root the given rule; the changed cell is marked, and no cell that only follows.
/// Returns the group and its validation.
std::pair<bd::FindingGroup, bd::Validation> expect_one_group_at(const Document& doc, const std::string& sheet,
                                                                const std::string& cell, double value,
                                                                const std::string& root_rule) {
    const auto before = validated(doc);
    doc.dispatch(validate_url);
    const auto marked_before = marked_cells(doc);
    set_number(doc.sheet(sheet), cell, value);
    auto after = validated(doc);
    const auto groups = new_groups(before, after);
    EXPECT_EQ(groups.size(), 1U) << "one change, one cause";
    if (groups.empty()) {
        return {};
    }
    const auto& group = groups.front();
    EXPECT_EQ(bd::display_cells(group.cause), sheet + "!" + cell) << "the cause is the changed cell";
    EXPECT_EQ(after.outcomes.at(group.root).rule_id, root_rule);

    doc.dispatch(validate_url);
    auto marked = marked_cells(doc);
    EXPECT_NE(std::ranges::find(marked, sheet + "!" + cell), marked.end()) << "the changed cell is not marked";
    std::erase(marked, sheet + "!" + cell);
    std::erase_if(marked, [&](const auto& m) { return std::ranges::count(marked_before, m) > 0; });
    EXPECT_TRUE(marked.empty()) << "marked besides the cause: " << (marked.empty() ? "" : marked.front());
    // The report's row for the cause links to it.
    const int row = report_row_of(doc, root_rule, sheet + "!" + cell);
    EXPECT_GT(row, 0) << "no report row for the cause";
    EXPECT_EQ(hyperlinks_in(doc.sheet(report_sheet), 3, std::max(row, 0)).size(), 1U);
    return {group, std::move(after)};
}

}  // namespace

UNO_TEST(Grouping, AChangedItemOfTheExampleIsOneGroupAtTheChangedCell) {
    // 2240106 安全监管, 基本支出 40.50 → 41.50: its 合计, 22401, 224 and table 3's 合计 follow in Calc;
    // table 3 then differs from table 2 by code (both ways, on three codes), from table 1's class
    // line and from its 本年支出合计.
    const Document doc(example_workbook(), false);
    const auto [group, validation] = expect_one_group_at(doc, table3, "D12", 41.5, "X.T3-T2-BY-CODE");
    std::vector<std::string> follows;
    for (const auto i : group.follows) {
        follows.push_back(validation.outcomes.at(i).rule_id);
    }
    std::ranges::sort(follows);
    EXPECT_EQ(follows,
              (std::vector<std::string>{"X.T1-CLASS-LINES", "X.T3-T1-EXPENSE", "X.T3-T2-BY-CODE", "X.T3-T2-BY-CODE"}));
    EXPECT_EQ(group.mirrors.size(), 3U) << "table 2 against table 3 on the same codes: reported once";
}

UNO_TEST(Grouping, ASubtotalTypedOverIsTheCause) {
    // 22401's 基本支出 (a formula over its 项 rows) typed over as 41.50: its row's 合计, table 3's
    // 224 and its comparisons with table 2 follow.
    const Document doc(example_workbook(), false);
    expect_one_group_at(doc, table3, "D11", 41.5, "T3.HIERARCHY");
}

UNO_TEST(Grouping, AChangedAmountOfTable6IsOneGroupAtTheChangedCell) {
    // 公务用车运行维护费 7.10 → 8.10: table 10 compares it (the root, a warning); table 6's total no
    // longer equals table 5's basic expenditure (an error that follows).
    const Document doc(example_workbook(), false);
    expect_one_group_at(doc, table6, "F16", 8.1, "X.T10-T6-VEHICLES");
}

UNO_TEST(Grouping, TheFollowingFindingsAreCollapsedUnderTheirRoot) {
    const Document doc(example_workbook(), false);
    set_number(doc.sheet(table3), "D12", 41.5);
    doc.dispatch(validate_url);
    const auto rows = report_rows(doc);
    const int root = report_row_of(doc, "X.T3-T2-BY-CODE", table3 + "!D12");
    ASSERT_GT(root, static_cast<int>(header_row_of(rows)));
    const uno::Reference<container::XIndexAccess> sheet_rows(
        uno::Reference<table::XColumnRowRange>(doc.sheet(report_sheet), uno::UNO_QUERY_THROW)->getRows(),
        uno::UNO_QUERY_THROW);
    const auto visible = [&](int row) {
        bool shown = false;
        uno::Reference<beans::XPropertySet>(sheet_rows->getByIndex(row), uno::UNO_QUERY_THROW)
            ->getPropertyValue("IsVisible") >>= shown;
        return shown;
    };
    EXPECT_TRUE(visible(root));
    for (int row = root + 1; row <= root + 4; ++row) {
        EXPECT_FALSE(visible(row)) << "row " << row << " (" << rows[row][0] << ") follows and is not collapsed";
        EXPECT_FALSE(rows[row][0].empty());
    }
    EXPECT_TRUE(visible(root + 5)) << "the next group";
}
