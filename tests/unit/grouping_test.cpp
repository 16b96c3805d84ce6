// Findings grouped by cause (bd/grouping.hpp) on the seed document, typed into plain sheets (every
// cell an input) and as the example made from our template (the cells the builder writes as
// formulas marked so, with what Calc computes from a changed input written in as Calc would).
// The same changes made in Calc itself: tests/integration/grouping_menu_test.cpp.
#include "bd/grouping.hpp"
#include "grid_file.hpp"
#include "plan.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using bd::CellRef;
using bd::CellValue;
using bd::FindingGroup;
using bd::Status;
using bd::Validation;

const fs::path data_dir(BD_TEST_DATA_DIR);

Validation validated(const std::vector<bd::Grid>& sheets) {
    return bd::validate_workbook(sheets, bd::test::bundled_catalog());
}

/// The groups a change makes: those holding a failure whose root the unchanged workbook does not
/// have (the seed's own findings, such as its missing performance form, stay as they were).
std::vector<FindingGroup> new_groups(const Validation& before, const Validation& after) {
    const auto same = [](const bd::Outcome& a, const bd::Outcome& b) {
        return a.rule_id == b.rule_id && a.cells == b.cells && a.message.en == b.message.en;
    };
    std::vector<FindingGroup> out;
    for (const auto& group : after.groups) {
        const auto& root = after.outcomes.at(group.root);
        const bool known =
            std::ranges::any_of(before.outcomes, [&](const auto& o) { return o.is_finding() && same(o, root); });
        if (root.status == Status::Fail && !known) {
            out.push_back(group);
        }
    }
    return out;
}

std::vector<std::string> rules_of(const Validation& validation, const std::vector<std::size_t>& indices) {
    std::vector<std::string> out;
    out.reserve(indices.size());
    for (const auto i : indices) {
        out.push_back(validation.outcomes.at(i).rule_id);
    }
    return out;
}

void change(std::vector<bd::Grid>& sheets, const std::string& sheet, const std::string& cell, double value) {
    bd::test::set(sheets, sheet, cell, CellValue::of_number(value));
}

std::vector<bd::Grid> typed() {
    return bd::test::read_grid_file(data_dir / "jinzhong-2023-typed.grid");
}

/// The example as Calc computes it, its formula cells marked as the template builder writes them.
/// Without its narrative, whose sentences Calc would rewrite from a changed figure (here they could
/// not follow: the change in Calc itself is tests/integration/grouping_menu_test.cpp).
std::vector<bd::Grid> example() {
    auto sheets = bd::test::read_grid_file(data_dir / "jinzhong-2023.grid");
    std::erase_if(sheets, [](const bd::Grid& grid) { return grid.name == "情况说明"; });
    std::ifstream in(data_dir / ".." / ".." / "examples" / "jinzhong-2023.fill");
    std::stringstream text;
    text << in.rdbuf();
    const auto fill = bd::build::parse_fill(text.str());
    const auto workbook = bd::build::plan_workbook(*bd::layout::find_layout("shanxi-unit"), &fill);
    for (auto& grid : sheets) {
        const auto planned = std::ranges::find(workbook.sheets, grid.name, &bd::build::Sheet::name);
        grid.formulas.assign(grid.cells.size(), 0);
        if (planned == workbook.sheets.end()) {
            continue;
        }
        for (std::size_t r = 0; r < std::min(grid.rows, planned->rows.size()); ++r) {
            for (std::size_t c = 0; c < std::min(grid.cols, planned->rows[r].size()); ++c) {
                grid.formulas[r * grid.cols + c] = planned->rows[r][c].kind == bd::build::Cell::Kind::Formula ? 1 : 0;
            }
        }
    }
    return sheets;
}

const std::string typed_t3 = "预算支出总表";
const std::string t6 = "表6基本支出经济科目表";

}  // namespace

TEST(Grouping, EveryFindingIsInExactlyOneGroup) {
    auto sheets = typed();
    change(sheets, typed_t3, "D12", 41.5);
    const auto validation = validated(sheets);
    std::vector<int> seen(validation.outcomes.size(), 0);
    for (const auto& group : validation.groups) {
        ++seen.at(group.root);
        for (const auto* part : {&group.follows, &group.mirrors}) {
            for (const auto i : *part) {
                ++seen.at(i);
            }
        }
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i], validation.outcomes[i].is_finding() ? 1 : 0) << validation.outcomes[i].rule_id;
    }
}

TEST(Grouping, AChangedItemOfATypedWorkbookIsOneGroupAtTheChangedCell) {
    auto sheets = typed();
    change(sheets, typed_t3, "D12", 41.5);  // 2240106 安全监管, 基本支出 40.50 → 41.50
    const auto validation = validated(sheets);
    const auto groups = new_groups(validated(typed()), validation);
    ASSERT_EQ(groups.size(), 1U);
    const auto& group = groups.front();
    EXPECT_EQ(group.cause, (std::vector<CellRef>{{typed_t3, 11, 3}}));
    // The row's own identity is the root (its 合计 C12 is checked first, at the deepest row); the
    // 款 22401 that no longer adds up follows.
    EXPECT_EQ(validation.outcomes.at(group.root).rule_id, "T3.ROW-TOTAL");
    EXPECT_EQ(rules_of(validation, group.follows), std::vector<std::string>{"T3.HIERARCHY"});
}

TEST(Grouping, ATypedSubtotalThatDiffersIsTheCauseAndTheCheckFromTheOtherTableIsAMirror) {
    auto sheets = typed();
    change(sheets, typed_t3, "C11", 468.6);  // 22401's 合计, its 项 still 467.60
    const auto validation = validated(sheets);
    const auto groups = new_groups(validated(typed()), validation);
    ASSERT_EQ(groups.size(), 1U);
    const auto& group = groups.front();
    EXPECT_EQ(group.cause, (std::vector<CellRef>{{typed_t3, 10, 2}}));
    EXPECT_EQ(validation.outcomes.at(group.root).rule_id, "T3.HIERARCHY");
    EXPECT_EQ(validation.outcomes.at(group.root).cells.front(), (CellRef{typed_t3, 10, 2}))
        << "22401 = Σ项 is checked at C11";
    // 224 = Σ款, the row's 合计 = 基本 + 项目, and table 3 against table 2 by code; table 2 against
    // table 3 on the same code is the same relationship: listed once.
    EXPECT_EQ(rules_of(validation, group.follows),
              (std::vector<std::string>{"T3.HIERARCHY", "T3.ROW-TOTAL", "X.T3-T2-BY-CODE"}));
    EXPECT_EQ(rules_of(validation, group.mirrors), std::vector<std::string>{"X.T2-T3-BY-CODE"});
}

TEST(Grouping, AChangedInputOfTheTemplateIsFollowedThroughItsFormulas) {
    // Table 6's 公务用车运行维护费 7.10 → 8.10: its row's 合计 (D16), 302's (D7, F7) and the 合计
    // line's (D6, F6) follow in Calc.
    auto sheets = example();
    for (const char* cell : {"F16", "D16"}) {
        change(sheets, t6, cell, 8.1);
    }
    for (const char* cell : {"D7", "F7", "D6", "F6"}) {
        change(sheets, t6, cell, 41.5);
    }
    const auto validation = validated(sheets);
    const auto groups = new_groups(validated(example()), validation);
    ASSERT_EQ(groups.size(), 1U);
    const auto& group = groups.front();
    EXPECT_EQ(group.cause, (std::vector<CellRef>{{t6, 15, 5}})) << "the changed cell, not the formulas";
    // Table 10 compares the row itself (one formula away); table 6's total against table 5's basic
    // expenditure follows from it.
    EXPECT_EQ(validation.outcomes.at(group.root).rule_id, "X.T10-T6-VEHICLES");
    EXPECT_EQ(rules_of(validation, group.follows), std::vector<std::string>{"X.T6-T5-BASIC"});
    EXPECT_EQ(validation.groups.front(), group) << "the group holds an error: it comes first";
}

TEST(Grouping, WhenOnlyATotalIsComparedTheCauseIsTheAmountsThatCouldExplainIt) {
    // Table 6's 办公费 5.10 → 6.10: only table 6's total is compared (with table 5's basic
    // expenditure). Table 5's amounts agree with table 2, and table 6's 公务用车运行维护费 with
    // table 10: the cause is one of table 6's other amounts.
    auto sheets = example();
    for (const char* cell : {"F8", "D8"}) {
        change(sheets, t6, cell, 6.1);
    }
    for (const char* cell : {"D7", "F7", "D6", "F6"}) {
        change(sheets, t6, cell, 41.5);
    }
    const auto validation = validated(sheets);
    const auto groups = new_groups(validated(example()), validation);
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(validation.outcomes.at(groups.front().root).rule_id, "X.T6-T5-BASIC");
    std::vector<CellRef> amounts;
    for (std::size_t row = 7; row <= 17; ++row) {
        if (row != 15) {
            amounts.push_back({t6, row, 5});
        }
    }
    EXPECT_EQ(groups.front().cause, amounts);
}
