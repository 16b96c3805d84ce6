#include "bd/arrange.hpp"
#include "bd/recognize.hpp"
#include "grid_file.hpp"
#include "test_cells.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

namespace {

using namespace bd::test;
using bd::arrange::Note;

const bd::Catalog& catalog() {
    static const auto bundled = bd::Catalog::with_bundled_entries();
    return bundled;
}

// Table 3 as a user fills the template: 项 codes typed out of order, in any empty row.
bd::Grid filled_table3(std::vector<std::vector<bd::CellValue>> body) {
    std::vector<std::vector<bd::CellValue>> rows = {
        {T("预算公开表3")},
        {T("2023年预算支出总表")},
        {T("单位名称：某局"), E(), E(), E(), T("单位：万元")},
        {T("项目"), E(), T("2023年预算数")},
        {T("科目编码"), T("科目名称"), T("合计"), T("基本支出"), T("项目支出")},
        {T("合计"), E(), N(3), N(1), N(2)},
    };
    rows.insert(rows.end(), body.begin(), body.end());
    return sheet_of("表3", rows);
}

bd::arrange::Plan plan_of(const bd::Grid& sheet, const bd::arrange::Formulas& formulas = {}) {
    const std::vector<bd::Grid> sheets{sheet};
    const auto located =
        bd::recognize(sheets, catalog().edition(2023), {bd::layout::find_layout("shanxi-unit")}, nullptr).workbook;
    const auto regions = bd::arrange::coded_regions(located, sheets);
    EXPECT_EQ(regions.size(), 1U);
    return bd::arrange::plan_region(regions.at(0), sheet, formulas, catalog().edition(2023));
}

std::vector<std::string> codes_of(const bd::arrange::Plan& plan, const bd::Grid& sheet) {
    std::vector<std::string> codes;
    for (const auto& target : plan.rows) {
        if (!target.code.empty()) {
            codes.push_back(target.code + "*");  // written by the arrangement
        } else if (target.source && !sheet.at(*target.source, 0).is_empty()) {
            codes.push_back(bd::normalize_code(sheet.at(*target.source, 0)).value_or("?"));
        } else {
            codes.push_back("");
        }
    }
    return codes;
}

TEST(Arrange, TypedItemsAreSortedUnderTheirClassesAndItems) {
    const auto sheet = filled_table3({
        {E()},
        {T("2240106"), E(), E(), N(1), E()},
        {E()},
        {N(2080801), E(), E(), E(), N(2)},
    });
    const auto plan = plan_of(sheet);
    EXPECT_EQ(plan.region.first_row, 6U);  // below 合计
    EXPECT_EQ(plan.region.last_row, 9U);   // the table's last row
    EXPECT_EQ(codes_of(plan, sheet),
              (std::vector<std::string>{"208*", "20808*", "2080801", "224*", "22401*", "2240106"}));
    EXPECT_EQ(plan.added, 4U);
    EXPECT_EQ(plan.inserted(), 2U);  // two blank rows in the region, four rows to add
    EXPECT_FALSE(plan.unchanged);
    EXPECT_TRUE(plan.notes.empty());
    // 类/款 rows sum their rows below in every amount column; names come from the classification.
    EXPECT_EQ(plan.rows[0].sum_cols, (std::vector<std::size_t>{2, 3, 4}));
    EXPECT_EQ(plan.rows[0].name, "社会保障和就业支出");
    EXPECT_EQ(plan.rows[2].name, "死亡抚恤");  // a typed code's missing name
    EXPECT_TRUE(plan.rows[2].sum_cols.empty());
    EXPECT_EQ(plan.rows[0].source, 6U);  // made from a blank row (its formulas and formats)
}

TEST(Arrange, NewRowsAreMadeFromTheBlankRowsBelowTheLastOneTyped) {
    // As in a template: each row's 合计 is a formula (showing 0 in a blank row).
    auto sheet = filled_table3({{T("2240106"), E(), N(1), N(1)}, {E(), E(), N(0)}, {E(), E(), N(0)}, {E(), E(), N(0)}});
    bd::mark_formulas(sheet, {{6, 2, 9, 2}});
    const auto plan = plan_of(sheet);
    EXPECT_EQ(plan.region.last_row, 9U);
    EXPECT_EQ(plan.inserted(), 0U);
    EXPECT_EQ(plan.rows[0].source, 7U);  // 224 from the first blank row
    EXPECT_EQ(plan.rows[1].source, 8U);  // 22401 from the next
    EXPECT_EQ(plan.rows[2].source, 6U);
    EXPECT_EQ(plan.rows[3].source, 9U);  // the blank row left
}

TEST(Arrange, SubtotalsSumTheRowsBelowThemUnderTheirCode) {
    const auto sheet = filled_table3({{T("2240106"), E(), E(), N(1)}});
    auto region = plan_of(sheet).region;
    region.last_row = 9;
    EXPECT_EQ(bd::arrange::subtotal_formula(region, 6, 3), "=BUDGET.SUMUNDER(A8:A10;D8:D10;A7)");
}

TEST(Arrange, AnArrangedTableIsLeftAsItIs) {
    const auto sheet = filled_table3({
        {T("224"), T("灾害防治及应急管理支出"), E(), E(), E()},
        {T("22401"), T("应急管理事务"), E(), E(), E()},
        {T("2240106"), T("安全监管"), E(), N(1), E()},
    });
    bd::arrange::Formulas formulas(3 * 5);
    for (std::size_t row = 6; row <= 7; ++row) {
        for (std::size_t col = 2; col <= 4; ++col) {
            bd::arrange::Region region;
            region.code_col = 0;
            region.last_row = 8;
            // As Calc gives it: the function under the add-in's service name.
            auto formula = bd::arrange::subtotal_formula(region, row, col);
            formulas[(row - 6) * 5 + col] = formula.replace(1, 6, "ORG.BUDGETDISCLOSURE.FUNCTIONS");
        }
    }
    const auto plan = plan_of(sheet, formulas);
    EXPECT_TRUE(plan.unchanged);
    EXPECT_EQ(plan.added, 0U);
    EXPECT_TRUE(plan.rows[0].name.empty());  // typed names stay
}

TEST(Arrange, TypedAmountsOfAClassAreKeptAndSaidSo) {
    const auto sheet = filled_table3({
        {T("2240106"), E(), E(), N(1), E()},
        {T("224"), E(), E(), N(5), E()},
    });
    const auto plan = plan_of(sheet);
    ASSERT_EQ(plan.notes.size(), 1U);
    EXPECT_EQ(plan.notes[0].kind, Note::Kind::TypedSubtotal);
    EXPECT_EQ(plan.notes[0].text, "224");
    EXPECT_EQ(plan.rows[0].source, 7U);          // the typed 224 row comes first
    EXPECT_TRUE(plan.rows[0].sum_cols.empty());  // as typed: no sums in its blank cells either
    EXPECT_EQ(plan.rows[1].sum_cols, (std::vector<std::size_t>{2, 3, 4}));  // the new 22401 sums
}

TEST(Arrange, ANamePickedWithoutItsCodeGetsTheCode) {
    const auto sheet = filled_table3({
        {E(), T("死亡抚恤"), E(), E(), N(2)},
        {E(), T("行政运行"), E(), N(1), E()},
        {T("2240"), E(), E(), N(1), E()},
    });
    const auto plan = plan_of(sheet);
    EXPECT_EQ(codes_of(plan, sheet)[2], "2080801*");
    ASSERT_EQ(plan.notes.size(), 2U);
    EXPECT_EQ(plan.notes[0].kind, Note::Kind::AmbiguousName);  // many classes have a 行政运行
    EXPECT_EQ(plan.notes[1].kind, Note::Kind::Malformed);
    // Rows without a code stay after the coded ones, in their order.
    EXPECT_EQ(plan.rows[3].source, 7U);
    EXPECT_EQ(plan.rows[4].source, 8U);
}

// The rule that offers the command: the example passes it; a 项 without its 类 row fails it.
TEST(Arrange, ATableToArrangeIsToldAndTheFixNamesTheCommand) {
    auto sheets = bd::test::read_grid_file(std::string(BD_TEST_DATA_DIR) + "/jinzhong-2023.grid");
    const auto arranged = [&] {
        std::vector<bd::Outcome> out;
        for (auto& outcome : validate(sheets)) {
            if (outcome.rule_id == "C.ARRANGED") {
                out.push_back(std::move(outcome));
            }
        }
        return out;
    };
    ASSERT_FALSE(arranged().empty());
    EXPECT_TRUE(std::ranges::all_of(arranged(), [](const bd::Outcome& o) { return o.status == bd::Status::Pass; }));
    auto& t3 = sheet(sheets, "表3支出总表");
    const auto class_row = std::ranges::find_if(t3.cells, [](const bd::CellValue& cell) {
        return bd::normalize_code(cell) == std::optional<std::string>("224");
    });
    ASSERT_NE(class_row, t3.cells.end());
    *class_row = E();
    const auto outcomes = arranged();
    const auto failed = std::ranges::find(outcomes, bd::Status::Fail, &bd::Outcome::status);
    ASSERT_NE(failed, outcomes.end());
    EXPECT_EQ(failed->severity, bd::Severity::Warning);
    EXPECT_NE(failed->message.zh.find("22401 缺少上级 224"), std::string::npos) << failed->message.zh;
    EXPECT_NE(failed->fix.zh.find("整理科目行"), std::string::npos);
}

}  // namespace

namespace {

// The published seed typed plainly (values only, amounts typed on every row) is arranged already:
// arranging it moves nothing and writes no sums over its typed 类/款 amounts, which it lists.
TEST(Arrange, APublishedBudgetIsArrangedAlready) {
    const auto sheets = bd::test::read_grid_file(std::string(BD_TEST_DATA_DIR) + "/jinzhong-2023-typed.grid");
    const auto& edition = catalog().edition(2023);
    const auto recognized = bd::recognize_workbook(sheets, edition);
    const auto regions = bd::arrange::coded_regions(recognized.workbook, sheets);
    EXPECT_EQ(regions.size(), 3U);  // tables 2, 3 and 5 (table 6 is printed without codes)
    for (const auto& region : regions) {
        const auto plan = bd::arrange::plan_region(region, sheets.at(region.sheet), {}, edition);
        EXPECT_TRUE(std::ranges::all_of(plan.rows, [&, i = region.first_row](const bd::arrange::Target& t) mutable {
            return t.source == i++ && t.code.empty() && t.sum_cols.empty();
        })) << region.table;
        EXPECT_EQ(plan.added, 0U) << region.table;
        EXPECT_TRUE(std::ranges::any_of(plan.notes, [](const Note& n) { return n.kind == Note::Kind::TypedSubtotal; }));
    }
}

}  // namespace
