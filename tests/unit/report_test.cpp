#include "bd/report.hpp"
#include "report_samples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using bd::Language;
using bd::Outcome;
using bd::Severity;
using bd::Status;

using namespace bd::test::samples;

TEST(Verdict, UnderstoodOnlyWithARecognizedSetAndACheckThatRan) {
    EXPECT_TRUE(recognized().understood());
    EXPECT_EQ(bd::verdict_of(recognized()), bd::Verdict::Errors);
    EXPECT_EQ(bd::verdict_of({shanxi(), {sample()[0]}}), bd::Verdict::Clean);
    EXPECT_FALSE(not_recognized().understood());
    EXPECT_EQ(bd::verdict_of(not_recognized()), bd::Verdict::NotRecognized);
    // Generic checks that ran do not make an unrecognized workbook understood …
    EXPECT_EQ(bd::verdict_of({not_recognized().recognition, sample()}), bd::Verdict::NotRecognized);
    // … nor does a recognized set in which no check reached a result.
    Outcome nothing = sample()[0];
    nothing.status = Status::NotApplicable;
    EXPECT_EQ(bd::verdict_of({shanxi(), {nothing}}), bd::Verdict::NotRecognized);
}

TEST(Verdict, TheWorstWinsCouldNotRunOverNotRecognizedOverErrors) {
    using enum bd::Verdict;
    EXPECT_EQ(bd::worst(Clean, Errors), Errors);
    EXPECT_EQ(bd::worst(Errors, NotRecognized), NotRecognized);
    EXPECT_EQ(bd::worst(NotRecognized, Errors), NotRecognized);
    EXPECT_EQ(bd::worst(NotRecognized, CouldNotRun), CouldNotRun);
    EXPECT_EQ(bd::worst(CouldNotRun, NotRecognized), CouldNotRun);
    EXPECT_EQ(bd::worst(Clean, Clean), Clean);
}

TEST(Report, SummaryCountsEveryOutcome) {
    const auto s = bd::summarize(sample());
    EXPECT_EQ(s.checks, 3);
    EXPECT_EQ(s.passed, 1);
    EXPECT_EQ(s.errors, 1);
    EXPECT_EQ(s.warnings, 1);
    EXPECT_EQ(s.not_evaluated, 0);
}

TEST(Report, SheetStartsWithTheRecognitionThenListsFindingsErrorsFirst) {
    const auto sheet = bd::report_sheet(recognized(), Language::Chinese);
    const auto& rows = sheet.rows;
    // title, recognition heading, 3 tables, blank, summary, the counts (header and 6 kinds), blank,
    // instruction, header, 2 findings
    ASSERT_EQ(rows.size(), 19U);
    EXPECT_EQ(rows[0][0], "预算公开校验报告");
    EXPECT_EQ(rows[1][0], "识别为：山西省单位预算公开（13张表），找到 2/3 张表");
    EXPECT_EQ(rows[2], (std::vector<std::string>{"T1  收支总表  表1收支总表!A1:H40  单位：万元"}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"T3  支出总表  表3!A1:G30  缺少：项目支出、合计"}));
    EXPECT_EQ(rows[4], (std::vector<std::string>{
                           "T7  政府性基金收入表  未找到  最接近：“基金收入”（Sheet3!A1）、“收入表”（Sheet4!B2）"}));
    EXPECT_TRUE(rows[5].empty());
    EXPECT_NE(rows[6][0].find("错误 1"), std::string::npos);
    EXPECT_EQ(rows[7], (std::vector<std::string>{"结果", "项数", "原因"}));
    EXPECT_EQ(rows[8], (std::vector<std::string>{"错误", "1", "1"}));
    EXPECT_EQ(rows[9], (std::vector<std::string>{"警告", "1", "1"}));
    EXPECT_EQ(rows[13], (std::vector<std::string>{"通过", "1"}));
    EXPECT_NE(rows[15][0].find("Ctrl"), std::string::npos) << "the instruction on the links";
    EXPECT_EQ(sheet.header_row, 16U);
    EXPECT_EQ(rows[16],
              (std::vector<std::string>{"规则", "级别", "表", "单元格", "应为", "实为", "差额", "说明", "修改方法"}));
    EXPECT_EQ(rows[17], (std::vector<std::string>{"GEN.HIERARCHY", "错误", "表3", "S!D7", "1.00", "2.00", "1.00",
                                                  "不等", "改正"}));
    EXPECT_EQ(rows[18][1], "警告");
    EXPECT_EQ(rows[18][3], "S!C7,C8");
    EXPECT_EQ(rows[18][8], "舍位平衡");
    EXPECT_EQ(sheet.table_end, 19U);
    EXPECT_EQ(sheet.bold_rows, (std::vector<std::size_t>{0, 1, 7, 16}));
    EXPECT_EQ(sheet.header_rows, (std::vector<std::size_t>{7, 16}));
}

TEST(Report, SheetOfAWorkbookNotRecognizedSaysSoAndWhatToDo) {
    const auto sheet = bd::report_sheet(not_recognized(), Language::English);
    const auto& rows = sheet.rows;
    // title, heading, verdict, blank, summary, counts (7), blank, no instruction, header, no findings
    ASSERT_EQ(rows.size(), 16U);
    EXPECT_EQ(rows[1][0], "Not recognized as a budget disclosure");
    EXPECT_EQ(rows[2][0], not_recognized().recognition.verdict.en);
    EXPECT_EQ(sheet.merged_rows, std::vector<std::size_t>{2}) << "the verdict spans the table, wrapped";
    EXPECT_NE(rows[4][0].find("0 checks"), std::string::npos) << rows[4][0];
    EXPECT_EQ(sheet.header_row, 14U);
    EXPECT_EQ(rows[14][0], "Rule");
    EXPECT_EQ(sheet.table_end, 15U);
    EXPECT_NE(rows[15][0].find("does not mean the workbook is right"), std::string::npos)
        << "never 'No problems found' for a workbook that could not be checked: " << rows[15][0];

    // The closest set and its tables are listed, found or not, before the verdict.
    bd::Validation partial{shanxi(), sample()};
    partial.recognition.recognized = false;
    const auto closest = bd::report_sheet(partial, Language::Chinese);
    EXPECT_EQ(closest.rows[1][0], "未识别为预算公开文件；最接近：山西省单位预算公开（13张表），找到 2/3 张表");
    EXPECT_TRUE(closest.rows[4][0].starts_with("T7  政府性基金收入表  未找到  ")) << closest.rows[4][0];
    EXPECT_EQ(closest.rows[5][0], "识别为山西省单位预算公开");
}

TEST(Report, EachFindingsCellsAreALinkToThem) {
    auto validation = recognized();
    validation.outcomes.push_back(
        {"X.NONE", Severity::Info, Status::NotApplicable, "表1", {}, "", "", "", {"n/a", "不适用"}, {}});
    const auto sheet = bd::report_sheet(validation, Language::English);
    ASSERT_EQ(sheet.links.size(), 2U) << "a finding without cells has no link";
    EXPECT_EQ(sheet.links[0].row, sheet.header_row + 1);
    EXPECT_EQ(sheet.links[0].col, 3U);
    EXPECT_EQ(sheet.links[0].text, sheet.rows[sheet.header_row + 1][3]);
    EXPECT_EQ(sheet.links[0].target, "#$S.$D$7");
    EXPECT_EQ(sheet.links[1].row, sheet.header_row + 2);
    EXPECT_EQ(sheet.links[1].target, "#$S.$C$7:$C$8");
}

TEST(Report, HyperlinkTargetsEscapeThePercentSign) {
    EXPECT_EQ(bd::hyperlink_target({{"100% 表", 0, 0}, {"100% 表", 1, 1}}), "#$'100%25 表'.$A$1:$B$2");
    EXPECT_EQ(bd::hyperlink_target({}), "");
}

TEST(Report, NoFindingsSaysSo) {
    const auto sheet = bd::report_sheet({shanxi(), {sample()[0]}}, Language::English);
    EXPECT_EQ(sheet.rows.back()[0], "No problems found");
    EXPECT_TRUE(sheet.rows[sheet.header_row - 1].empty()) << "no hint without findings";
    EXPECT_TRUE(sheet.links.empty());
}

TEST(Report, JsonEscapesAndCounts) {
    bd::JsonWriter json;
    json.begin_object();
    bd::write_json(json, recognized());
    json.end_object();
    const std::string& text = json.str();
    EXPECT_NE(text.find(R"("summary":{"checks":3,"passed":1,"errors":1,"warnings":1)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("message_en":"off \"x\"")"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("table":"表3","cells":[{"sheet":"S","cell":"C7"},{"sheet":"S","cell":"C8"}])"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(R"("fix_zh":"舍位平衡","fix_en":"balance")"), std::string::npos) << text;
}

TEST(Report, OutcomesBeyondTheMostListedAreFoldedWithTheirCount) {
    std::vector<bd::Outcome> outcomes;
    bd::OutcomeList list(2);
    for (int i = 0; i < 5; ++i) {
        bd::Outcome failed;
        failed.rule_id = "T3.HIERARCHY";
        failed.status = bd::Status::Fail;
        failed.message = {"Subtotals must equal their items (22401)", "类、款应等于其下级之和（22401）"};
        outcomes.push_back(failed);
        list.add(failed);
        bd::Outcome passed;
        passed.rule_id = "T3.HIERARCHY";
        outcomes.push_back(passed);
        list.add(passed);
    }
    EXPECT_EQ(list.added(), 10U);
    const auto before = bd::summarize(outcomes);
    outcomes = list.take();
    ASSERT_EQ(outcomes.size(), 6U) << "two of each listed, the rest folded into one of each";
    EXPECT_EQ(outcomes[4].count, 3U);
    EXPECT_EQ(outcomes[4].status, bd::Status::Fail);
    EXPECT_EQ(outcomes[4].message.en,
              "Subtotals must equal their items — 3 more like the 2 above, not listed one by one");
    EXPECT_EQ(outcomes[5].count, 3U);
    const auto after = bd::summarize(outcomes);
    EXPECT_EQ(after.checks, before.checks);
    EXPECT_EQ(after.errors, 5);
    EXPECT_EQ(after.passed, 5);
    bd::JsonWriter json;
    json.begin_object();
    bd::write_json(json, bd::Validation{{}, outcomes, {}});
    json.end_object();
    EXPECT_NE(json.str().find(R"("count":3)"), std::string::npos);
}

// What leaves the office: every finding as it is, the passes of a rule as one outcome with their
// count, the groups pointing at the same findings.
TEST(Report, PassesCrossTheBridgeFoldedPerRuleAndGroupsFollow) {
    bd::Validation validation;
    const auto outcome = [](const char* rule, bd::Status status, std::size_t row) {
        bd::Outcome o;
        o.rule_id = rule;
        o.status = status;
        o.cells = {{"表3", row, 2}};
        const auto at = std::to_string(row);
        o.message = {"A rule (" + at + ")", "一条规则（" + at + "）"};
        return o;
    };
    validation.outcomes = {outcome("T3.HIERARCHY", Status::Pass, 6), outcome("T3.HIERARCHY", Status::Fail, 7),
                           outcome("T3.HIERARCHY", Status::Pass, 8), outcome("T2.HIERARCHY", Status::Pass, 6),
                           outcome("X.T3-T2", Status::Fail, 7),      outcome("T3.HIERARCHY", Status::Pass, 9)};
    validation.groups = {{1, {4}, {}, {}}};
    const auto before = bd::summarize(validation.outcomes);
    const auto folded = bd::with_passes_folded(validation);
    ASSERT_EQ(folded.outcomes.size(), 4U);
    EXPECT_EQ(folded.outcomes[0].count, 3U);  // T3.HIERARCHY's three passes, where the first was
    EXPECT_TRUE(folded.outcomes[0].cells.empty());
    EXPECT_EQ(folded.outcomes[0].message.en, "A rule — passed 3 times");
    EXPECT_EQ(folded.outcomes[0].message.zh, "一条规则——3 项通过");
    EXPECT_EQ(folded.outcomes[1].cells[0].row, 7U);  // the findings as they were
    EXPECT_EQ(folded.outcomes[2].count, 1U);         // a single pass keeps its cells
    EXPECT_EQ(folded.outcomes[2].cells[0].row, 6U);
    EXPECT_EQ(folded.outcomes[3].rule_id, "X.T3-T2");
    ASSERT_EQ(folded.groups.size(), 1U);
    EXPECT_EQ(folded.groups[0].root, 1U);
    EXPECT_EQ(folded.groups[0].follows, std::vector<std::size_t>{3});
    const auto after = bd::summarize(folded.outcomes);
    EXPECT_EQ(after.checks, before.checks);
    EXPECT_EQ(after.passed, before.passed);
    EXPECT_EQ(after.errors, before.errors);
}

TEST(Report, JsonStaysValidUtf8WhateverTheBytes) {
    // A file name in GBK (预算 as D4 A4 CB E3: D4 A4 happens to be UTF-8's Ԥ, CB and E3 are not)
    // and a cut-off sequence: what is no UTF-8 becomes U+FFFD; valid UTF-8 stays as it is.
    EXPECT_EQ(bd::json_quote("a\xD4\xA4\xCB\xE3.ods"), "\"a\xD4\xA4\uFFFD\uFFFD.ods\"");
    EXPECT_EQ(bd::json_quote("预算\xE9\xA2"), "\"预算\uFFFD\"");
    EXPECT_EQ(bd::json_quote("预算 😀"), "\"预算 😀\"");
}

TEST(Report, JsonStartsWithTheRecognition) {
    bd::JsonWriter json;
    json.begin_object();
    bd::write_json(json, recognized());
    json.end_object();
    const std::string& text = json.str();
    EXPECT_TRUE(text.starts_with(
        R"j({"recognition":{"set":"shanxi-unit","set_title_zh":"山西省单位预算公开（13张表）","set_title_en":"Shanxi unit )j"
        R"j(budget disclosure (13 tables)","recognized":true,"understood":true,"verdict_zh":"识别为山西省单位预算公开",)j"
        R"j("verdict_en":"Recognized as the Shanxi set","tables":[{"id":"T1","title":"收支总表","found":true,)j"
        R"j("sheet":"表1收支总表","range":"A1:H40","found_as":"2023年预算收支总表","unit":"万元","missing":[],)j"
        R"j("candidates":[]},)j"))
        << text;
    EXPECT_NE(
        text.find(R"j("id":"T3","title":"支出总表","found":true,"sheet":"表3","range":"A1:G30",)j"
                  R"j("found_as":"2023年预算支出总表","unit":"","missing":["项目支出","合计"],"candidates":[]})j"),
        std::string::npos)
        << text;
    EXPECT_NE(
        text.find(R"j({"id":"T7","title":"政府性基金收入表","found":false,"sheet":"","range":"","found_as":"",)j"
                  R"j("unit":"","missing":[],"candidates":["“基金收入”（Sheet3!A1）","“收入表”（Sheet4!B2）"]}]},)j"
                  R"j("summary":)j"),
        std::string::npos)
        << text;

    bd::JsonWriter other;
    other.begin_object();
    bd::write_json(other, not_recognized());
    other.end_object();
    EXPECT_TRUE(other.str().starts_with(
        R"j({"recognition":{"set":"","set_title_zh":"","set_title_en":"","recognized":false,"understood":false,)j"
        R"j("verdict_zh":"没有找到预算公开的表格。请打开预算公开文件，或从模板开始填写。","verdict_en":"No table )j"))
        << other.str();
    EXPECT_NE(other.str().find(R"j("tables":[]},"summary":{"checks":0,)j"), std::string::npos) << other.str();
    EXPECT_TRUE(other.str().ends_with(R"j("outcomes":[],"groups":[]})j")) << other.str();
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
    const std::string text = bd::format_text("book.ods", recognized(), Language::English);
    EXPECT_NE(text.find("== book.ods =="), std::string::npos);
    EXPECT_NE(text.find("error  GEN.HIERARCHY  S!D7  off \"x\"\n      Fix: correct it\n"), std::string::npos) << text;
}

TEST(Report, TextReportStartsWithTheRecognition) {
    EXPECT_EQ(bd::format_text("book.ods", {shanxi(), {sample()[0]}}, Language::Chinese),
              "== book.ods ==\n"
              "识别为：山西省单位预算公开（13张表），找到 2/3 张表\n"
              "  T1  收支总表  表1收支总表!A1:H40  单位：万元\n"
              "  T3  支出总表  表3!A1:G30  缺少：项目支出、合计\n"
              "  T7  政府性基金收入表  未找到  最接近：“基金收入”（Sheet3!A1）、“收入表”（Sheet4!B2）\n"
              "共检查 1 项：通过 1，错误 0，警告 0，提示 0，不适用 0，无法检查 0\n");
    const std::string english = bd::format_text("book.ods", recognized(), Language::English);
    EXPECT_TRUE(
        english.starts_with("== book.ods ==\nRecognized as Shanxi unit budget disclosure (13 tables): 2 of 3 "
                            "tables found\n  T1  收支总表  表1收支总表!A1:H40  unit: 万元\n"))
        << english;
    EXPECT_NE(
        english.find("  T7  政府性基金收入表  not found  closest: “基金收入”（Sheet3!A1）; “收入表”（Sheet4!B2）\n"),
        std::string::npos)
        << english;
    EXPECT_EQ(english.find("Recognized as the Shanxi set"), std::string::npos)
        << "the verdict only when not understood";
}

TEST(Report, TextReportOfAWorkbookNotRecognizedExplains) {
    EXPECT_EQ(bd::format_text("list.ods", not_recognized(), Language::English),
              "== list.ods ==\n"
              "Not recognized as a budget disclosure\n"
              "  No table of a budget disclosure was found. Open the disclosure or start from a template.\n"
              "0 checks: 0 passed, 0 errors, 0 warnings, 0 infos, 0 not applicable, 0 not evaluated\n");

    // A recognized set in which no check reached a result is not passed in silence either.
    Outcome nothing = sample()[0];
    nothing.status = Status::NotEvaluated;
    const std::string text = bd::format_text("book.ods", {shanxi(), {nothing}}, Language::English);
    EXPECT_NE(text.find("Recognized as "), std::string::npos) << text;
    EXPECT_NE(text.find("  Recognized as the Shanxi set\n  No check could reach a result"), std::string::npos) << text;
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
    const auto marks = bd::cell_marks({shanxi(), sample()}, Language::Chinese);
    // Errors first: D7, then the warning's C7 and C8; the pass marks nothing.
    ASSERT_EQ(marks.size(), 3U);
    EXPECT_EQ(marks[0].cell, at("S", 6, 3));
    EXPECT_EQ(marks[0].text, "【预算公开校验】\n错误 GEN.HIERARCHY：不等\n修改：改正");
    EXPECT_EQ(marks[1].cell, at("S", 6, 2));
    EXPECT_EQ(marks[2].cell, at("S", 7, 2));
    EXPECT_TRUE(marks[1].text.starts_with(bd::mark_prefix()));

    auto outcomes = sample();
    outcomes[2].cells.push_back(at("S", 6, 2));  // the error names C7 too
    const auto shared = bd::cell_marks({shanxi(), outcomes}, Language::English);
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
    auto validation = recognized();
    validation.outcomes[2].message.en = "<script>alert(1)</script> & more";
    const std::string html = bd::format_html({{"book <1>.ods", validation, std::nullopt}}, Language::English);
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

TEST(Html, TheRecognitionComesFirst) {
    const std::string html = bd::format_html({{"book.ods", recognized(), std::nullopt}}, Language::English);
    const auto heading = html.find(
        "<p class=\"recognition\">Recognized as Shanxi unit budget disclosure (13 tables): 2 of 3 tables "
        "found</p>");
    const auto tables = html.find("<table class=\"recognition\">");
    const auto summary = html.find("<p class=\"summary\">");
    ASSERT_NE(heading, std::string::npos) << html;
    EXPECT_LT(heading, tables);
    EXPECT_LT(tables, summary);
    EXPECT_NE(html.find("<tr class=\"found\"><td>T1</td><td>收支总表</td><td>表1收支总表!A1:H40</td><td>unit: "
                        "万元</td><td></td></tr>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<tr class=\"not-found\"><td>T7</td><td>政府性基金收入表</td><td>not found</td><td></td>"
                        "<td>closest: “基金收入”（Sheet3!A1）; “收入表”（Sheet4!B2）</td></tr>"),
              std::string::npos)
        << html;
    EXPECT_EQ(html.find("class=\"explanation\""), std::string::npos) << "an understood workbook needs no explanation";
}

TEST(Html, ASectionPerWorkbookAndFailuresSaySo) {
    const std::string html = bd::format_html({{"a.ods", recognized(), std::nullopt},
                                              {"b.ods", {shanxi(), {sample()[0]}}, std::nullopt},
                                              {"c.txt", {}, "not a spreadsheet"},
                                              {"d.ods", not_recognized(), std::nullopt}},
                                             Language::Chinese);
    EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
    EXPECT_NE(html.find("<title>预算公开校验报告</title>"), std::string::npos);
    EXPECT_EQ(count_of(html, "<section>"), 4U);
    EXPECT_LT(html.find("<h2>a.ods</h2>"), html.find("<h2>b.ods</h2>"));
    EXPECT_NE(html.find("<p>未发现问题</p>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"failure\">无法校验：not a spreadsheet</p>"), std::string::npos);
    EXPECT_NE(html.find("<th>修改方法</th>"), std::string::npos);
    const auto d = html.find("<h2>d.ods</h2>");
    EXPECT_NE(
        html.find(
            "<p class=\"recognition\">未识别为预算公开文件</p>\n<p class=\"explanation\">没有找到预算公开的表格。", d),
        std::string::npos)
        << html;
    EXPECT_EQ(html.find("<p>未发现问题</p>", d), std::string::npos) << "not 'no problems' for what was not checked";
}
