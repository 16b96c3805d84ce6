// The report model's findings by cause (bd/report.hpp): a group is its root at the cause's cells
// with the findings that follow folded under it, the marks go on the cause, findings of one rule
// with the same cause are one row; and the report sheet's layout for one screen.
#include "bd/report.hpp"
#include "report_samples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using bd::Language;
using namespace bd::test::samples;

TEST(Report, SheetFitsOneScreenWithWrappedTextAndNumbersAsNumbers) {
    const auto sheet = bd::report_sheet(recognized(), Language::Chinese);
    // Nine fixed columns, 30 cm together: a window 1366 pixels wide shows about 31 cm at 100 %.
    ASSERT_EQ(sheet.column_widths.size(), 9U);
    EXPECT_LE(std::accumulate(sheet.column_widths.begin(), sheet.column_widths.end(), 0), 30000);
    EXPECT_EQ(std::ranges::max(sheet.column_widths), sheet.column_widths[7]) << "the message column is the widest";
    // The instruction spans the table, wrapped, instead of widening column A.
    EXPECT_EQ(sheet.merged_rows, std::vector<std::size_t>{15});
    // Expected, actual and difference are numbers in the table's unit (T3 states none: plain).
    const auto row = sheet.header_row + 1;
    const std::vector<bd::ReportSheet::Number> figures{
        {row, 4, 1.0, "0.00"}, {row, 5, 2.0, "0.00"}, {row, 6, 1.0, "0.00"}};
    for (const auto& figure : figures) {
        EXPECT_NE(std::ranges::find(sheet.numbers, figure), sheet.numbers.end()) << figure.col;
    }
    // The counts by kind are numbers too.
    EXPECT_NE(std::ranges::find(sheet.numbers, bd::ReportSheet::Number{8, 1, 1.0, "0"}), sheet.numbers.end());

    auto in_wan = recognized();
    in_wan.outcomes[2].table = "2023年预算收支总表";  // T1, in 万元
    in_wan.outcomes[2].difference = "-1234.5";
    const auto wan = bd::report_sheet(in_wan, Language::Chinese);
    EXPECT_NE(std::ranges::find(wan.numbers, bd::ReportSheet::Number{row, 6, -1234.5, "0.0\" 万元\""}),
              wan.numbers.end());
    // A text that is no figure (a name a code should have) stays text.
    in_wan.outcomes[2].expected = "安全监管";
    EXPECT_EQ(std::ranges::count_if(bd::report_sheet(in_wan, Language::Chinese).numbers,
                                    [&](const auto& n) { return n.row == row; }),
              2);
}

namespace {

/// A validation with one cause: an input cell (S!D12) that three findings follow from, one of them
/// the same relationship checked from the other table.
bd::Validation grouped() {
    auto v = recognized();
    const auto finding = [](const char* rule, std::vector<bd::CellRef> cells, const char* context) {
        return Outcome{rule,    Severity::Error,    Status::Fail,          "表3", std::move(cells), "1.00", "2.00",
                       "-1.00", {context, context}, {"correct it", "改正"}};
    };
    v.outcomes.push_back(finding("X.T3-T2", {at("S", 11, 2), at("T", 11, 2)}, "2240106"));  // 3
    v.outcomes.push_back(finding("T3.HIERARCHY", {at("S", 10, 2), at("S", 11, 2)}, "22401"));
    v.outcomes.push_back(finding("X.T2-T3", {at("T", 11, 2), at("S", 11, 2)}, "2240106"));  // 5: the mirror
    v.groups = {{3, {4}, {5}, {at("S", 11, 3)}}, {2, {}, {}, {}}, {1, {}, {}, {}}};
    return v;
}

}  // namespace

TEST(Report, AGroupIsItsRootAtTheCauseWithTheFindingsThatFollowOutlinedUnderIt) {
    const auto sheet = bd::report_sheet(grouped(), Language::English);
    const auto root = sheet.header_row + 1;
    EXPECT_EQ(sheet.rows[root][0], "X.T3-T2");
    EXPECT_EQ(sheet.rows[root][3], "S!D12") << "the cause, not the compared cells";
    EXPECT_EQ(sheet.links[0].target, "#$S.$D$12");
    EXPECT_EQ(sheet.rows[root][7],
              "2240106 (checked from both tables, listed once); the 1 findings below follow from it");
    EXPECT_EQ(sheet.rows[root + 1][0], "T3.HIERARCHY");
    EXPECT_EQ(sheet.rows[root + 1][3], "S!C11,C12");
    EXPECT_EQ(sheet.outlined_rows, std::vector<std::size_t>{root + 1});
    // Under the folded row, beside the outline's button, what it is; spanning the table.
    EXPECT_EQ(sheet.rows[root + 2][0], "1 findings caused by X.T3-T2 (S!D12): + on the left opens them, - closes them");
    EXPECT_EQ(sheet.note_rows, std::vector<std::size_t>{root + 2});
    EXPECT_NE(std::ranges::find(sheet.merged_rows, root + 2), sheet.merged_rows.end());
    EXPECT_EQ(sheet.rows[root + 3][0], "GEN.HIERARCHY") << "then the other groups, errors first";
    EXPECT_EQ(sheet.table_end, root + 5) << "the mirror has no row of its own";
    const auto counts = std::ranges::find(sheet.rows, std::vector<std::string>{"errors", "4", "2"});
    EXPECT_NE(counts, sheet.rows.end()) << "four errors, two causes";

    const auto text = bd::format_text("book.ods", grouped(), Language::English);
    EXPECT_NE(text.find("  error  X.T3-T2  S!D12  2240106 (checked from both tables, listed once); the 1 findings "
                        "below follow from it\n      Fix: correct it\n      ↳ error  T3.HIERARCHY  S!C11,C12  22401\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("X.T2-T3"), std::string::npos) << "a relationship checked both ways is reported once";
    const auto html = bd::format_html({{"book.ods", grouped(), std::nullopt}}, Language::English);
    EXPECT_NE(html.find("<tr class=\"error follows\"><td>T3.HIERARCHY</td>"), std::string::npos) << html;
}

TEST(Report, MarksGoOnTheCauseAndNameWhatFollowsFromIt) {
    const auto marks = bd::cell_marks(grouped(), Language::Chinese);
    ASSERT_EQ(marks.size(), 4U) << "the cause D12, then the other groups' own cells";
    EXPECT_EQ(marks[0].cell, at("S", 11, 3));
    EXPECT_EQ(marks[0].text,
              "【预算公开校验】\n错误 X.T3-T2：2240106\n修改：改正\n由此还有 1 项检查不符：\n· 错误 "
              "T3.HIERARCHY：22401");
    EXPECT_EQ(marks[1].cell, at("S", 6, 3));
    EXPECT_EQ(marks[2].cell, at("S", 6, 2)) << "a group without a cause is marked at its root's cells";
    EXPECT_EQ(marks[3].cell, at("S", 7, 2));
    for (const auto& mark : marks) {
        EXPECT_NE(mark.cell, at("S", 10, 2)) << "a cell of a finding that follows is not marked";
    }
}

TEST(Report, FindingsOfOneRuleWithTheSameCauseAreOneRowWithTheirCountAndCodes) {
    auto v = recognized();
    std::size_t row = 9;
    for (const char* code : {"2010101", "2010102", "2240106", "2240199"}) {
        ++row;
        v.outcomes.push_back({"C.CODES",
                              Severity::Info,
                              Status::NotEvaluated,
                              "表2",
                              {at("S", row, 0), at("S", row, 1)},
                              "",
                              "",
                              "",
                              {std::string("Codes must be known (") + code + " is not in the loaded classification)",
                               std::string("科目应属于当年分类（") + code + " 不在已载入的分类科目中）"},
                              {"import it", "导入"}});
    }
    const auto sheet = bd::report_sheet(v, Language::Chinese);
    const auto& codes = sheet.rows[sheet.table_end - 1];
    EXPECT_EQ(codes[0], "C.CODES");
    EXPECT_EQ(codes[1], "无法检查 ×4");
    EXPECT_EQ(codes[7], "科目应属于当年分类（… 不在已载入的分类科目中）——共 4 项：2010101、2010102、2240106、2240199");
    EXPECT_EQ(codes[3], "S!A11 等 7 处");
    EXPECT_EQ(sheet.table_end, sheet.header_row + 4) << "two findings and the three made one";
    const auto text = bd::format_text("book.ods", v, Language::English);
    EXPECT_NE(text.find("  not evaluated ×4  C.CODES  S!A11 and 7 more  Codes must be known (… is not in the loaded "
                        "classification) — 4 of them: 2010101, 2010102, 2240106, 2240199\n"),
              std::string::npos)
        << text;
    const auto html = bd::format_html({{"book.ods", v, std::nullopt}}, Language::English);
    EXPECT_EQ(count_of(html, "<td>C.CODES</td>"), 1U);
    // The marks stay at each finding's own cells.
    EXPECT_EQ(bd::cell_marks(v, Language::English).size(), 3U + 8U);
}

TEST(Report, ARuleMarksAtMostAHundredCellsAndItsRowListsAHundredOfWhatDiffers) {
    auto v = recognized();
    const auto before = bd::cell_marks(v, Language::English).size();
    for (std::size_t row = 100; row < 100 + bd::most_marks_per_rule + 50; ++row) {
        v.outcomes.push_back({"C.CODES",
                              Severity::Info,
                              Status::NotEvaluated,
                              "表2",
                              {at("S", row, 0)},
                              "",
                              "",
                              "",
                              {"Codes must be known (" + std::to_string(row) + " is not in the loaded classification)",
                               "科目应属于当年分类（" + std::to_string(row) + " 不在已载入的分类科目中）"},
                              {"import it", "导入"}});
    }
    const auto marks = bd::cell_marks(v, Language::English);
    ASSERT_EQ(marks.size(), before + bd::most_marks_per_rule);
    EXPECT_EQ(marks.back().cell, at("S", 100 + bd::most_marks_per_rule - 1, 0));
    EXPECT_NE(marks.back().text.find("(C.CODES: only the first 100 of its 150 cells are marked; the report sheet "
                                     "lists them all)"),
              std::string::npos)
        << marks.back().text;
    const auto zh = bd::cell_marks(v, Language::Chinese);
    EXPECT_NE(zh.back().text.find("（C.CODES 只标记了前 100 个单元格，共 150 个；校验报告表列出全部）"),
              std::string::npos)
        << zh.back().text;
    // Its report row lists the first 100 codes and counts the rest.
    const auto sheet = bd::report_sheet(v, Language::English);
    const auto row = std::ranges::find_if(sheet.rows, [](const auto& r) { return !r.empty() && r[0] == "C.CODES"; });
    ASSERT_NE(row, sheet.rows.end());
    EXPECT_NE((*row)[7].find("150 of them: 100, 101, "), std::string::npos) << (*row)[7];
    EXPECT_TRUE((*row)[7].ends_with(", 199 and 50 more")) << (*row)[7];
    EXPECT_TRUE(bd::report_sheet(v, Language::Chinese)
                    .rows[static_cast<std::size_t>(row - sheet.rows.begin())][7]
                    .ends_with("、199 等（另有 50 项）"));
    // Every other rule's marks are where they were.
    for (std::size_t i = 0; i < before; ++i) {
        EXPECT_EQ(marks[i].cell, bd::cell_marks(recognized(), Language::English)[i].cell);
    }
}
