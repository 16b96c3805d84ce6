// Validate Disclosure from the menu: the command writes the report sheet (what was recognized,
// then the findings), a rerun replaces it, and no other sheet's cells change; a workbook that is
// not recognized gets a report that says so.
#include "harness.hpp"
#include "report_checks.hpp"

#include "bd/grid.hpp"
#include "bd/report.hpp"
#include "bd/validation_api.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>

using namespace css;
using namespace bd::test;

namespace {

constexpr char clear_marks_url[] = "org.budgetdisclosure.command:ClearValidationMarks";

/// A finding row with this rule and, from the table column (C) on, these texts (the severity
/// column B is in the UI's language).
bool has_row(const std::vector<std::vector<std::string>>& rows, const std::string& rule,
             const std::vector<std::string>& from_column_c) {
    return std::ranges::any_of(rows, [&](const auto& row) {
        return row[0] == rule && std::equal(from_column_c.begin(), from_column_c.end(), row.begin() + 2);
    });
}

/// The summary line of the report ("48 checks: …" or "共检查 48 项：…").
std::string summary_of(const std::vector<std::vector<std::string>>& rows) {
    const auto summary = std::ranges::find_if(rows, [](const auto& row) {
        return row[0].find(" checks: ") != std::string::npos || row[0].starts_with("共检查");
    });
    return summary == rows.end() ? std::string() : (*summary)[0];
}

/// Follows a hyperlink to a mark in the document as a Ctrl+click in Calc does (ScGlobal::OpenURL
/// → SfxViewShell::JumpToMark → the JumpToMark slot); returns the active sheet's name and the
/// selected range.
std::pair<std::string, table::CellRangeAddress> follow(const Document& doc, const std::string& url) {
    EXPECT_TRUE(url.starts_with("#")) << url;
    uno::Sequence<beans::PropertyValue> args(1);
    args[0].Name = "Bookmark";
    args[0].Value <<= bd::to_ou(url.substr(1));
    doc.dispatch(".uno:JumpToMark", args);
    const auto controller = uno::Reference<frame::XModel>(doc.get(), uno::UNO_QUERY_THROW)->getCurrentController();
    const auto active = uno::Reference<sheet::XSpreadsheetView>(controller, uno::UNO_QUERY_THROW)->getActiveSheet();
    const uno::Reference<sheet::XCellRangeAddressable> selection(
        uno::Reference<view::XSelectionSupplier>(controller, uno::UNO_QUERY_THROW)->getSelection(),
        uno::UNO_QUERY_THROW);
    return {bd::to_utf8(uno::Reference<container::XNamed>(active, uno::UNO_QUERY_THROW)->getName()),
            selection->getRangeAddress()};
}

void add_comment(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row, const std::string& text) {
    uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)
        ->getAnnotations()
        ->insertNew({0, col, row}, bd::to_ou(text));  // the sheet index is not used
}

const std::string table3 = "表3支出总表";

/// Breaks the example's table 3: 224's 合计 (C10, a formula) typed over as 593.70, so that it no
/// longer equals 22401 + 22402 (C11, C13), nor the 合计 (C6) 208 + 224 (C7, C10): one cause, C10,
/// whose report row (224 = 22401 + 22402) points at it, the other findings under it.
void break_table3(const Document& doc) {
    set_number(doc.sheet(table3), "C10", 593.70);
}

}  // namespace

UNO_TEST(ValidateMenu, WritesTheReportSheetAndChangesNoOtherCell) {
    const Document doc(example_workbook(), false);
    break_table3(doc);
    const auto before = snapshots_of_user_sheets(doc);

    doc.dispatch(validate_url);

    const auto names = doc.sheet_names();
    ASSERT_EQ(std::ranges::count(names, report_sheet), 1) << "no report sheet after Validate Disclosure";
    const auto rows = report_rows(doc);
    EXPECT_FALSE(summary_of(rows).empty());
    EXPECT_TRUE(has_row(rows, "T3.HIERARCHY", {"2023年预算支出总表", "表3支出总表!C10", "593.60", "593.70", "0.10"}));
    EXPECT_TRUE(
        has_row(rows, "T3.HIERARCHY", {"2023年预算支出总表", "表3支出总表!C6,C7,C10", "595.30", "595.20", "-0.10"}));
    EXPECT_EQ(snapshots_of_user_sheets(doc), before) << "validation changed a user's cell";
}

UNO_TEST(ValidateMenu, TheCellsOfAFindingAreALinkThatSelectsThem) {
    const Document doc(example_workbook(), false);
    break_table3(doc);
    doc.dispatch(validate_url);

    const auto rows = report_rows(doc);
    const auto report = doc.sheet(report_sheet);
    const int cause = report_row_of(doc, "T3.HIERARCHY", "表3支出总表!C10");
    ASSERT_GT(cause, static_cast<int>(header_row_of(rows))) << "no row for the cause, 224's 合计";
    EXPECT_EQ(hyperlinks_in(report, 3, cause), std::vector<std::string>{"#$'表3支出总表'.$C$10"});
    // The 合计 that follows from it names three cells: its link selects the range covering them.
    const int row = report_row_of(doc, "T3.HIERARCHY", "表3支出总表!C6,C7,C10");
    ASSERT_GT(row, cause) << "no row for the 合计 under the cause";
    const auto links = hyperlinks_in(report, 3, row);
    ASSERT_EQ(links.size(), 1U) << "the cells column holds no hyperlink";
    EXPECT_EQ(links[0], "#$'表3支出总表'.$C$6:$C$10");
    EXPECT_TRUE(hyperlinks_in(report, 3, static_cast<int>(header_row_of(rows))).empty())
        << "only finding rows have links";

    const auto [sheet, selected] = follow(doc, links[0]);
    EXPECT_EQ(sheet, table3);
    EXPECT_EQ(selected.StartColumn, 2);
    EXPECT_EQ(selected.EndColumn, 2);
    EXPECT_EQ(selected.StartRow, 5);
    EXPECT_EQ(selected.EndRow, 9);
}

UNO_TEST(ValidateMenu, LinksReachSheetsWhoseNamesNeedQuoting) {
    const Document doc(example_workbook(), false);
    uno::Reference<container::XNamed>(doc.sheet(table3), uno::UNO_QUERY_THROW)->setName(bd::to_ou("表3 It's 100%"));
    set_number(doc.sheet("表3 It's 100%"), "C10", 593.70);
    doc.dispatch(validate_url);

    const int row = report_row_of(doc, "T3.HIERARCHY", "表3 It's 100%!C6,C7,C10");
    ASSERT_GT(row, static_cast<int>(header_row_of(report_rows(doc))));
    const auto links = hyperlinks_in(doc.sheet(report_sheet), 3, row);
    ASSERT_EQ(links.size(), 1U);
    EXPECT_EQ(links[0], "#$'表3 It''s 100%25'.$C$6:$C$10");
    const auto [name, selected] = follow(doc, links[0]);
    EXPECT_EQ(name, "表3 It's 100%");
    EXPECT_EQ(selected.StartRow, 5);
    EXPECT_EQ(selected.EndRow, 9);
}

UNO_TEST(ValidateMenu, MarksTheCellThatCausesTheFindingsWithAComment) {
    const Document doc(example_workbook(), false);
    const auto sheet = doc.sheet(table3);
    break_table3(doc);
    const auto before = snapshots_of_user_sheets(doc);
    doc.dispatch(validate_url);

    // C10 was typed over: 224 (C10) ≠ 22401 + 22402, 合计 (C6) ≠ 208 + 224, its row's 合计 ≠ 基本 +
    // 项目, table 3 ≠ table 2 on 224. One mark, at C10, which names them all; none on the cells that
    // only follow.
    const auto comments = comments_of(sheet);
    ASSERT_TRUE(comments.contains("C10")) << "the cause carries no mark";
    EXPECT_EQ(comments.size(), 1U) << "only the cause is marked";
    EXPECT_TRUE(is_mark(comments.at("C10")));
    EXPECT_EQ(comments.at("C10").find(bd::mark_prefix(), 1), std::string::npos) << "one mark per cell";
    EXPECT_NE(comments.at("C10").find("224 灾害防治及应急管理支出 合计"), std::string::npos) << comments.at("C10");
    EXPECT_NE(comments.at("C10").find("合计 合计"), std::string::npos) << "the 合计 that follows is named";
    EXPECT_TRUE(comments_of(doc.sheet("表2收入总表")).empty()) << "table 2 only follows";
    EXPECT_TRUE(comments_of(doc.sheet("表5一般公共预算支出表")).empty()) << "no finding there";
    EXPECT_EQ(snapshots_of_user_sheets(doc), before) << "marking changed a user's cell";

    doc.dispatch(validate_url);  // a rerun replaces the marks
    EXPECT_EQ(comments_of(sheet), comments) << "a rerun duplicated or changed marks";

    set_number(sheet, "C10", 593.60);  // fixed
    doc.dispatch(validate_url);
    EXPECT_TRUE(comments_of(sheet).empty()) << "marks of fixed findings stayed";
}

UNO_TEST(ClearMarksMenu, RemovesOurMarksAndKeepsUsersComments) {
    const Document doc(example_workbook(), false);
    const auto sheet = doc.sheet(table3);
    break_table3(doc);
    add_comment(sheet, 3, 7, "用户批注：基本支出待确认");  // D8, no finding there
    add_comment(sheet, 2, 9, "请核对 224\n第二段");        // C10, where two findings meet
    const auto before = snapshots_of_user_sheets(doc);

    doc.dispatch(validate_url);
    auto comments = comments_of(sheet);
    EXPECT_EQ(comments.at("D8"), "用户批注：基本支出待确认");
    EXPECT_TRUE(comments.at("C10").starts_with("请核对 224\n第二段\n" + std::string(bd::mark_prefix())))
        << "the user's comment must stay first: " << comments.at("C10");
    EXPECT_NE(comments.at("C10").find("T3.HIERARCHY"), std::string::npos);
    EXPECT_FALSE(comments_of(doc.sheet("表12项目支出表")).empty()) << "the example's own finding is marked";
    doc.dispatch(validate_url);  // rerun: still one block of ours
    comments = comments_of(sheet);
    EXPECT_EQ(comments.at("C10").find(bd::mark_prefix()), comments.at("C10").rfind(bd::mark_prefix()));

    doc.dispatch(clear_marks_url);
    EXPECT_EQ(comments_of(sheet),
              (std::map<std::string, std::string>{{"C10", "请核对 224\n第二段"}, {"D8", "用户批注：基本支出待确认"}}));
    EXPECT_TRUE(comments_of(doc.sheet("表12项目支出表")).empty());
    EXPECT_EQ(snapshots_of_user_sheets(doc), before);
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 1) << "the report sheet stays";
    doc.dispatch(clear_marks_url);  // nothing left to clear: no change
    EXPECT_EQ(comments_of(sheet).size(), 2U);
}

UNO_TEST(ValidateMenu, TheValidatedWorkbookSavesAndReopensWithItsReport) {
    const TempDir dir;
    const auto file = dir.path() / "validated.ods";
    {
        const Document doc(example_workbook(), false);
        break_table3(doc);
        doc.dispatch(validate_url);
        doc.store_as(file);
    }
    const Document reopened(file, true);
    EXPECT_EQ(std::ranges::count(reopened.sheet_names(), report_sheet), 1);
    EXPECT_EQ(report_rows(reopened)[0][0].empty(), false);
    const int row = report_row_of(reopened, "T3.HIERARCHY", "表3支出总表!C10");
    ASSERT_GT(row, static_cast<int>(header_row_of(report_rows(reopened))));
    EXPECT_EQ(hyperlinks_in(reopened.sheet(report_sheet), 3, row), std::vector<std::string>{"#$'表3支出总表'.$C$10"});
    EXPECT_TRUE(is_mark(comments_of(reopened.sheet(table3))["C10"])) << "the marks were not saved";
}

UNO_TEST(ValidateMenu, RerunReplacesTheReport) {
    const Document doc(example_workbook(), false);
    break_table3(doc);
    doc.dispatch(validate_url);
    const auto first = report_rows(doc);
    doc.dispatch(validate_url);
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 1);
    EXPECT_EQ(report_rows(doc), first);

    set_number(doc.sheet(table3), "C10", 593.60);  // fixed
    doc.dispatch(validate_url);
    const auto after_fix = report_rows(doc);
    EXPECT_EQ(report_row_of(doc, "T3.HIERARCHY", "表3支出总表!C10"), -1);
    // Fewer findings than before, and nothing of the longer earlier report is left below them.
    const auto end_of_table = [](const std::vector<std::vector<std::string>>& rows) {
        auto end = header_row_of(rows) + 1;
        while (!rows[end][0].empty()) {
            ++end;
        }
        return end;
    };
    const auto end = end_of_table(after_fix);
    EXPECT_LT(end, end_of_table(first));
    for (auto row = end; row < end + 10; ++row) {
        EXPECT_TRUE(std::ranges::all_of(after_fix[row], &std::string::empty)) << "row " << row << " was left behind";
    }
}

UNO_TEST(Validator, ServiceReportsTheRecognitionAndEveryOutcomeWithoutWriting) {
    const Document doc(example_workbook(), true);
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    const auto validation = validator->validate(doc.get());
    const auto& recognition = validation.Recognition;
    EXPECT_TRUE(recognition.Recognized);
    EXPECT_EQ(recognition.SetId, "shanxi-unit");
    EXPECT_EQ(bd::to_utf8(recognition.SetTitle), "山西省单位预算公开（13张表）");
    ASSERT_EQ(recognition.Tables.getLength(), 13);
    const auto names = doc.sheet_names();
    for (const auto& table : recognition.Tables) {
        EXPECT_TRUE(table.Found) << bd::to_utf8(table.Id);
        EXPECT_NE(std::ranges::find(names, bd::to_utf8(table.Sheet)), names.end()) << bd::to_utf8(table.Sheet);
        EXPECT_FALSE(table.Range.isEmpty()) << bd::to_utf8(table.Id);
    }
    // Every check is there: findings one by one, the passes of a rule as one outcome and its Count.
    sal_Int32 checks = 0;
    std::vector<std::string> failed;
    for (const auto& outcome : validation.Outcomes) {
        checks += outcome.Count;
        if (outcome.Status == "fail") {
            failed.push_back(bd::to_utf8(outcome.RuleId));
        }
        EXPECT_TRUE(outcome.Status != "pass" || outcome.Count == 1 || outcome.Cells.getLength() == 0);
    }
    EXPECT_EQ(checks, 522);
    EXPECT_LT(validation.Outcomes.getLength(), 150);
    // The example's own problems, nothing else: a project without its form, and the 遗属补助 form
    // whose text states 16312元 against its 年度资金总额 of 16000元 (four statements of it).
    EXPECT_EQ(failed, (std::vector<std::string>{"F.EXISTS", "F.TEXT", "F.TEXT", "F.TEXT", "F.TEXT"}));
    // What the CLI makes of it: the same validation, understood, with errors.
    const auto back = bd::from_api(validation);
    EXPECT_TRUE(back.understood());
    EXPECT_EQ(bd::verdict_of(back), bd::Verdict::Errors);
    EXPECT_EQ(back.recognition.found_count(), 13U);
    EXPECT_EQ(back.outcomes.size(), static_cast<std::size_t>(validation.Outcomes.getLength()));
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 0);
}

UNO_TEST(ValidateMenu, TheReportStartsWithWhatWasRecognized) {
    const Document doc(example_workbook(), false);
    doc.dispatch(validate_url);
    const auto rows = report_rows(doc);
    EXPECT_TRUE(rows[1][0] == "Recognized as Shanxi unit budget disclosure (13 tables): 13 of 13 tables found" ||
                rows[1][0] == "识别为：山西省单位预算公开（13张表），找到 13/13 张表")
        << rows[1][0];
    const auto names = doc.sheet_names();
    for (std::size_t table = 1; table <= 13; ++table) {
        const auto& line = rows[1 + table][0];  // "T3  预算支出总表  表3支出总表!A2:G14 …"
        EXPECT_TRUE(line.starts_with("T" + std::to_string(table) + "  ")) << line;
        EXPECT_TRUE(std::ranges::any_of(
            names, [&](const auto& name) { return line.find("  " + name + "!") != std::string::npos; }))
            << "T" << table << " is not found on a sheet: " << line;
    }
    const auto header = header_row_of(rows);
    EXPECT_GT(header, 15U) << "the findings come after the recognition";
    const int finding = report_row_of(doc, "F.EXISTS", "表12项目支出表!A8");
    ASSERT_GT(finding, static_cast<int>(header)) << "the example's own finding";
    EXPECT_EQ(hyperlinks_in(doc.sheet(report_sheet), 3, finding), std::vector<std::string>{"#$'表12项目支出表'.$A$8"});
    // The columns are as wide as the findings' table needs: the long lines above it (the tables,
    // the summary, the hint) run on to the right rather than widening the rule column.
    const uno::Reference<table::XColumnRowRange> range(doc.sheet(report_sheet), uno::UNO_QUERY_THROW);
    const uno::Reference<container::XIndexAccess> columns(range->getColumns(), uno::UNO_QUERY_THROW);
    sal_Int32 rule_column = 0;
    uno::Reference<beans::XPropertySet>(columns->getByIndex(0), uno::UNO_QUERY_THROW)->getPropertyValue("Width") >>=
        rule_column;
    EXPECT_LT(rule_column, 5000) << "column A is " << rule_column / 100 << " mm wide";
}

UNO_TEST(ValidateMenu, AWorkbookNotRecognizedGetsAReportThatSaysSo) {
    const Document doc;  // a shopping list
    const auto sheet = doc.sheet(0);
    for (const auto& [cell, text] : std::vector<std::pair<std::string, std::string>>{
             {"A1", "商品"}, {"B1", "数量"}, {"C1", "单价"}, {"A2", "苹果"}, {"B2", "3"}, {"C2", "5.5"}}) {
        set_formula(sheet, cell, text);
    }
    const auto before = snapshots_of_user_sheets(doc);
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    const auto validation = validator->validate(doc.get());
    EXPECT_FALSE(validation.Recognition.Recognized);
    EXPECT_FALSE(validation.Recognition.Verdict.isEmpty());
    EXPECT_FALSE(validation.Recognition.VerdictEn.isEmpty());
    EXPECT_EQ(bd::verdict_of(bd::from_api(validation)), bd::Verdict::NotRecognized);

    doc.dispatch(validate_url);  // no exception may escape into Calc
    const auto rows = report_rows(doc);
    EXPECT_TRUE(rows[1][0].starts_with("Not recognized as a budget disclosure") ||
                rows[1][0].starts_with("未识别为预算公开文件"))
        << rows[1][0];
    EXPECT_TRUE(rows[2][0] == bd::to_utf8(validation.Recognition.VerdictEn) ||
                rows[2][0] == bd::to_utf8(validation.Recognition.Verdict))
        << "the verdict says what was found and what to do: " << rows[2][0];
    const auto header = header_row_of(rows);
    EXPECT_TRUE(rows[header + 1][1].empty()) << "no finding";
    EXPECT_NE(rows[header + 1][0], "No problems found") << "never 'no problems' for what could not be checked";
    EXPECT_NE(rows[header + 1][0], "未发现问题");
    EXPECT_FALSE(rows[header + 1][0].empty());
    const auto controller = uno::Reference<frame::XModel>(doc.get(), uno::UNO_QUERY_THROW)->getCurrentController();
    const auto active = uno::Reference<sheet::XSpreadsheetView>(controller, uno::UNO_QUERY_THROW)->getActiveSheet();
    EXPECT_EQ(bd::to_utf8(uno::Reference<container::XNamed>(active, uno::UNO_QUERY_THROW)->getName()), report_sheet)
        << "the report is shown";
    EXPECT_EQ(snapshots_of_user_sheets(doc), before);
}

UNO_TEST(ExportMenu, WritesAValuesOnlyCopyAndItsPdfWithoutChangingTheDocument) {
    const TempDir dir;
    const Document doc(typed_tables_workbook(), false);
    const auto sheet = doc.sheet("预算支出总表");
    set_formula(sheet, "F6", "=BUDGET.SHARE(D6;C6)");
    doc.dispatch(validate_url);  // a report sheet, which the publication leaves out
    doc.recalculate();
    const auto before = snapshots_of_user_sheets(doc);
    uno::Sequence<beans::PropertyValue> args(1);
    args[0].Name = "Directory";
    args[0].Value <<= bd::office::file_url(dir.path());
    doc.dispatch("org.budgetdisclosure.command:ExportForPublication", args);

    const auto named = dir.path() / "jinzhong-2023-tables-公开.ods";  // named after the document
    ASSERT_TRUE(std::filesystem::exists(named)) << "no values-only copy written";
    const auto content = run_program({"/usr/bin/unzip", "-p", named.string(), "content.xml"});
    EXPECT_EQ(content.output.find("ORG.BUDGETDISCLOSURE"), std::string::npos) << "the copy still holds add-in formulas";
    EXPECT_EQ(content.output.find("table:formula"), std::string::npos) << "the copy still holds formulas";
    EXPECT_EQ(content.output.find(report_sheet), std::string::npos) << "the report sheet was published";
    EXPECT_NE(content.output.find("0.068"), std::string::npos) << "the formula's value is missing";
    const auto excel = dir.path() / "jinzhong-2023-tables-公开.xlsx";  // the same for Excel and WPS users
    ASSERT_TRUE(std::filesystem::exists(excel)) << "no values-only .xlsx written";
    const auto sheets_xml = run_program({"/usr/bin/unzip", "-p", excel.string(), "xl/worksheets/*.xml"});
    EXPECT_NE(sheets_xml.output.find("<sheetData>"), std::string::npos) << sheets_xml.errors;
    EXPECT_EQ(sheets_xml.output.find("<f>"), std::string::npos) << "the .xlsx still holds formulas";
    EXPECT_EQ(sheets_xml.output.find("<f "), std::string::npos) << "the .xlsx still holds formulas";
    const auto text = run_program({"/usr/bin/pdftotext", (dir.path() / "jinzhong-2023-tables-公开.pdf").string(), "-"});
    ASSERT_EQ(text.status, 0) << text.errors;
    const auto first = text.output.find("2023年预算收入总表");
    const auto second = text.output.find("2023年预算支出总表");
    const auto third = text.output.find("2023年一般公共预算支出预算表");
    EXPECT_TRUE(first != std::string::npos && first < second && second < third) << "tables missing or out of order";
    EXPECT_EQ(snapshots_of_user_sheets(doc), before) << "exporting changed the document";
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 1);
}

UNO_TEST(Validator, EmptyWorkbooksAndErrorCellsGiveOutcomesNotFailures) {
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    const Document empty;
    const auto nothing = validator->validate(empty.get());
    EXPECT_EQ(nothing.Outcomes.getLength(), 0);
    EXPECT_FALSE(nothing.Recognition.Recognized);

    const Document doc(example_workbook(), false);
    set_formula(doc.sheet(table3), "C11", "=1/0");           // 22401 合计 is an error value
    set_formula(doc.sheet(table3), "D11", "=\"四十点五\"");  // text in a number cell
    doc.recalculate();
    // Every check the two cells take part in (and the sums the error value spreads to) cannot be
    // evaluated, and says at which cell.
    int not_evaluated = 0;
    std::set<std::string> named;
    for (const auto& outcome : validator->validate(doc.get()).Outcomes) {
        EXPECT_TRUE(outcome.Status != "fail" || outcome.RuleId == "F.EXISTS" ||
                    outcome.RuleId == "F.TEXT")  // the example's own problems
            << bd::to_utf8(outcome.MessageEn);
        // N.UNRESOLVED lists the narrative's figures no rule relates to the tables, cells or not.
        if (outcome.Status == "not-evaluated" && outcome.RuleId != "N.UNRESOLVED") {
            ++not_evaluated;
            const auto message = bd::to_utf8(outcome.MessageEn);
            const auto at = message.find(table3 + "!");
            ASSERT_NE(at, std::string::npos) << message;
            named.insert(message.substr(at + table3.size() + 1, 3));
        }
    }
    EXPECT_GE(not_evaluated, 4);
    EXPECT_TRUE(named.contains("C11")) << "the error value";
    EXPECT_TRUE(named.contains("D11")) << "the text in a number cell";
}
