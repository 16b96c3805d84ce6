#include "bd/report.hpp"

#include <gtest/gtest.h>

using bd::Language;
using bd::Outcome;
using bd::Severity;
using bd::Status;

namespace {

bd::CellRef at(const char* sheet, std::size_t row, std::size_t col) {
    return {sheet, row, col};
}

std::vector<Outcome> sample() {
    Outcome pass{"GEN.TOTAL", Severity::Error, Status::Pass, "表3",          {at("S", 2, 2)},
                 "1.00",      "1.00",          "0.00",       {"ok", "通过"}, {}};
    Outcome warning{"GEN.HIERARCHY",
                    Severity::Warning,
                    Status::Fail,
                    "表3",
                    {at("S", 6, 2), at("S", 7, 2)},
                    "1.00",
                    "1.01",
                    "0.01",
                    {"rounding", "舍入"},
                    {"balance", "舍位平衡"}};
    Outcome error{"GEN.HIERARCHY", Severity::Error,       Status::Fail,          "表3", {at("S", 6, 3)}, "1.00", "2.00",
                  "1.00",          {"off \"x\"", "不等"}, {"correct it", "改正"}};
    return {pass, warning, error};
}

}  // namespace

TEST(Report, SummaryCountsEveryOutcome) {
    const auto s = bd::summarize(sample());
    EXPECT_EQ(s.checks, 3);
    EXPECT_EQ(s.passed, 1);
    EXPECT_EQ(s.errors, 1);
    EXPECT_EQ(s.warnings, 1);
    EXPECT_EQ(s.not_evaluated, 0);
}

TEST(Report, SheetRowsListFindingsErrorsFirst) {
    const auto sheet = bd::report_sheet(sample(), Language::Chinese);
    const auto& rows = sheet.rows;
    ASSERT_EQ(rows.size(), 6U);  // title, summary, blank, header, 2 findings
    EXPECT_EQ(rows[0][0], "预算公开校验报告");
    EXPECT_NE(rows[1][0].find("错误 1"), std::string::npos);
    EXPECT_EQ(rows[3],
              (std::vector<std::string>{"规则", "级别", "表", "单元格", "应为", "实为", "差额", "说明", "修改方法"}));
    EXPECT_EQ(rows[4], (std::vector<std::string>{"GEN.HIERARCHY", "错误", "表3", "S!D7", "1.00", "2.00", "1.00", "不等",
                                                 "改正"}));
    EXPECT_EQ(rows[5][1], "警告");
    EXPECT_EQ(rows[5][3], "S!C7,C8");
    EXPECT_EQ(rows[5][8], "舍位平衡");
    EXPECT_NE(rows[2][0].find("Ctrl"), std::string::npos) << "a hint on the links";
}

TEST(Report, EachFindingsCellsAreALinkToThem) {
    auto outcomes = sample();
    outcomes.push_back({"X.NONE", Severity::Info, Status::NotApplicable, "表1", {}, "", "", "", {"n/a", "不适用"}, {}});
    const auto sheet = bd::report_sheet(outcomes, Language::English);
    ASSERT_EQ(sheet.links.size(), 2U) << "a finding without cells has no link";
    EXPECT_EQ(sheet.links[0].row, 4U);
    EXPECT_EQ(sheet.links[0].col, 3U);
    EXPECT_EQ(sheet.links[0].text, sheet.rows[4][3]);
    EXPECT_EQ(sheet.links[0].target, "#$S.$D$7");
    EXPECT_EQ(sheet.links[1].row, 5U);
    EXPECT_EQ(sheet.links[1].target, "#$S.$C$7:$C$8");
}

TEST(Report, HyperlinkTargetsEscapeThePercentSign) {
    EXPECT_EQ(bd::hyperlink_target({{"100% 表", 0, 0}, {"100% 表", 1, 1}}), "#$'100%25 表'.$A$1:$B$2");
    EXPECT_EQ(bd::hyperlink_target({}), "");
}

TEST(Report, NoFindingsSaysSo) {
    const auto sheet = bd::report_sheet({sample()[0]}, Language::English);
    EXPECT_EQ(sheet.rows.back()[0], "No problems found");
    EXPECT_TRUE(sheet.rows[2].empty()) << "no hint without findings";
    EXPECT_TRUE(sheet.links.empty());
}

TEST(Report, JsonEscapesAndCounts) {
    bd::JsonWriter json;
    json.begin_object();
    bd::write_json(json, sample());
    json.end_object();
    const std::string& text = json.str();
    EXPECT_NE(text.find(R"("summary":{"checks":3,"passed":1,"errors":1,"warnings":1)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("message_en":"off \"x\"")"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("table":"表3","cells":[{"sheet":"S","cell":"C7"},{"sheet":"S","cell":"C8"}])"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(R"("fix_zh":"舍位平衡","fix_en":"balance")"), std::string::npos) << text;
}

TEST(Report, EnumsRoundTrip) {
    for (auto s : {Severity::Error, Severity::Warning, Severity::Info}) {
        EXPECT_EQ(bd::parse_severity(bd::to_string(s)), s);
    }
    for (auto s : {Status::Pass, Status::Fail, Status::NotApplicable, Status::NotEvaluated}) {
        EXPECT_EQ(bd::parse_status(bd::to_string(s)), s);
    }
    EXPECT_FALSE(bd::parse_status("bogus"));
}

TEST(Report, TextReportNamesTheCells) {
    const std::string text = bd::format_text("book.ods", sample(), Language::English);
    EXPECT_NE(text.find("== book.ods =="), std::string::npos);
    EXPECT_NE(text.find("error  GEN.HIERARCHY  S!D7  off \"x\"\n      Fix: correct it\n"), std::string::npos) << text;
}

TEST(CellRef, AddressesInEveryForm) {
    const bd::CellRef cell{"表3 支出总表", 6, 2};
    EXPECT_EQ(cell.address(), "C7");
    EXPECT_EQ(cell.display(), "表3 支出总表!C7");
    EXPECT_EQ(cell.a1(), "$'表3 支出总表'.$C$7");
    EXPECT_EQ((bd::CellRef{"Sheet1", 9, 27}.a1()), "$Sheet1.$AB$10");
}

TEST(CellRef, SheetNamesAreQuotedUnlessPlainWords) {
    EXPECT_EQ(bd::quoted_sheet_name("Sheet1"), "Sheet1");
    EXPECT_EQ(bd::quoted_sheet_name("Table_3"), "Table_3");
    EXPECT_EQ(bd::quoted_sheet_name("预算支出总表"), "'预算支出总表'");
    EXPECT_EQ(bd::quoted_sheet_name("2023"), "'2023'");
    EXPECT_EQ(bd::quoted_sheet_name("It's"), "'It''s'");
    EXPECT_EQ(bd::quoted_sheet_name("a-b"), "'a-b'");
    EXPECT_EQ(bd::quoted_sheet_name(""), "''");
}

TEST(CellRef, CellsOfSeveralSheetsAreGroupedForDisplay) {
    EXPECT_EQ(bd::display_cells({at("表3", 9, 2), at("表1", 6, 1), at("表3", 10, 2)}), "表3!C10,C11; 表1!B7");
    EXPECT_EQ(bd::display_cells({}), "");
}

TEST(CellRef, CoveringRangeSpansTheCellsOfTheFirstSheet) {
    EXPECT_EQ(bd::covering_range_a1({at("表3", 9, 2), at("表1", 0, 0), at("表3", 12, 3), at("表3", 10, 1)}),
              "$'表3'.$B$10:$D$13");
    EXPECT_EQ(bd::covering_range_a1({at("S", 4, 4)}), "$S.$E$5");
    EXPECT_EQ(bd::covering_range_a1({}), "");
}

TEST(Report, EachCellOfAFindingGetsOneMarkWithEveryFindingThere) {
    const auto marks = bd::cell_marks(sample(), Language::Chinese);
    // Errors first: D7, then the warning's C7 and C8; the pass marks nothing.
    ASSERT_EQ(marks.size(), 3U);
    EXPECT_EQ(marks[0].cell, at("S", 6, 3));
    EXPECT_EQ(marks[0].text, "【预算公开校验】\n错误 GEN.HIERARCHY：不等\n修改：改正");
    EXPECT_EQ(marks[1].cell, at("S", 6, 2));
    EXPECT_EQ(marks[2].cell, at("S", 7, 2));
    EXPECT_TRUE(marks[1].text.starts_with(bd::mark_prefix()));

    auto outcomes = sample();
    outcomes[2].cells.push_back(at("S", 6, 2));  // the error names C7 too
    const auto shared = bd::cell_marks(outcomes, Language::English);
    ASSERT_EQ(shared.size(), 3U);
    EXPECT_EQ(shared[1].cell, at("S", 6, 2));
    EXPECT_EQ(
        shared[1].text,
        "【预算公开校验】\nerror GEN.HIERARCHY: off \"x\"\nFix: correct it\nwarning GEN.HIERARCHY: rounding\nFix: "
        "balance");
}

TEST(Html, EscapesMarkupAndQuotes) {
    EXPECT_EQ(bd::html_escape(R"(<a href="x">Tom & 'Jerry'</a> 表3)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; 表3");
    EXPECT_EQ(bd::html_escape(""), "");
}

TEST(Html, OnePageWithSummaryAndARowPerFindingErrorsFirst) {
    auto outcomes = sample();
    outcomes[2].message.en = "<script>alert(1)</script> & more";
    const std::string html = bd::format_html("book <1>.ods", outcomes, Language::English);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">")) << html;
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_TRUE(html.ends_with("</html>\n"));
    EXPECT_EQ(html.find("<script"), std::string::npos) << "text must be escaped";
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), std::string::npos);
    EXPECT_NE(html.find("<h2>book &lt;1&gt;.ods</h2>"), std::string::npos);
    EXPECT_NE(html.find("3 checks: 1 passed, 1 errors, 1 warnings"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos) << "self-contained";
    EXPECT_EQ(html.find("href="), std::string::npos) << "self-contained";
    const auto error = html.find("<tr class=\"error\">");
    const auto warning = html.find("<tr class=\"warning\">");
    ASSERT_NE(error, std::string::npos);
    ASSERT_NE(warning, std::string::npos);
    EXPECT_LT(error, warning) << "errors first";
    EXPECT_EQ(html.find("<tr class=\"pass\">"), std::string::npos) << "passes are counted, not listed";
    EXPECT_NE(html.find("<td class=\"cells\">S!C7,C8</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>correct it</td>"), std::string::npos) << "how to fix";
    EXPECT_NE(html.find("tr.error td.kind{background:#f8d7da"), std::string::npos) << "severity colours";
}

TEST(Html, ASectionPerWorkbookAndFailuresSaySo) {
    const std::string html = bd::format_html(
        {{"a.ods", sample(), std::nullopt}, {"b.ods", {}, std::nullopt}, {"c.txt", {}, "not a spreadsheet"}},
        Language::Chinese);
    EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
    EXPECT_NE(html.find("<title>预算公开校验报告</title>"), std::string::npos);
    std::size_t sections = 0;
    for (auto pos = html.find("<section>"); pos != std::string::npos; pos = html.find("<section>", pos + 1)) {
        ++sections;
    }
    EXPECT_EQ(sections, 3U);
    EXPECT_LT(html.find("<h2>a.ods</h2>"), html.find("<h2>b.ods</h2>"));
    EXPECT_NE(html.find("<p>未发现问题</p>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"failure\">无法校验：not a spreadsheet</p>"), std::string::npos);
    EXPECT_NE(html.find("<th>修改方法</th>"), std::string::npos);
}
