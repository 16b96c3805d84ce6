// Validate Disclosure from the menu: the command writes the report sheet, a rerun replaces it,
// and no other sheet's cells change.
#include "harness.hpp"

#include "bd/grid.hpp"
#include "bd/report.hpp"

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
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <algorithm>
#include <map>

using namespace css;
using namespace bd::test;

namespace {

constexpr char validate_url[] = "org.budgetdisclosure.command:ValidateDisclosure";
constexpr char clear_marks_url[] = "org.budgetdisclosure.command:ClearValidationMarks";
const std::string report_sheet(bd::report_sheet_name());

std::map<std::string, std::string> snapshots_of_user_sheets(const Document& doc) {
    std::map<std::string, std::string> snapshots;
    for (const auto& name : doc.sheet_names()) {
        if (name != report_sheet) {
            snapshots[name] = snapshot(doc.sheet(name));
        }
    }
    return snapshots;
}

std::vector<std::vector<std::string>> report_rows(const Document& doc) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : read_range(doc.sheet(report_sheet), "A1:I40")) {
        auto& out = rows.emplace_back();
        for (const auto& cell : row) {
            out.push_back(cell.text);
        }
    }
    return rows;
}

/// A finding row with this rule and, from the table column (C) on, these texts (the severity
/// column B is in the UI's language).
bool has_row(const std::vector<std::vector<std::string>>& rows, const std::string& rule,
             const std::vector<std::string>& from_column_c) {
    return std::ranges::any_of(rows, [&](const auto& row) {
        return row[0] == rule && std::equal(from_column_c.begin(), from_column_c.end(), row.begin() + 2);
    });
}

/// The row of the report (zero-based) whose rule and cells columns are these; -1 if none.
int report_row_of(const Document& doc, const std::string& rule, const std::string& cells) {
    const auto rows = report_rows(doc);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r][0] == rule && rows[r][3] == cells) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

/// The URLs of the hyperlinks (URL fields) in a cell.
std::vector<std::string> hyperlinks_in(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row) {
    std::vector<std::string> urls;
    const uno::Reference<text::XTextFieldsSupplier> cell(sheet->getCellByPosition(col, row), uno::UNO_QUERY_THROW);
    const auto fields = cell->getTextFields()->createEnumeration();
    while (fields->hasMoreElements()) {
        rtl::OUString url;
        uno::Reference<beans::XPropertySet>(fields->nextElement(), uno::UNO_QUERY_THROW)->getPropertyValue("URL") >>=
            url;
        urls.push_back(bd::to_utf8(url));
    }
    return urls;
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

/// The comments of a sheet by cell address ("C10" → text).
std::map<std::string, std::string> comments_of(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    std::map<std::string, std::string> comments;
    const uno::Reference<container::XIndexAccess> all(
        uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)->getAnnotations(),
        uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        const uno::Reference<sheet::XSheetAnnotation> comment(all->getByIndex(i), uno::UNO_QUERY_THROW);
        const auto at = comment->getPosition();
        comments[bd::cell_address(static_cast<std::size_t>(at.Row), static_cast<std::size_t>(at.Column))] =
            bd::to_utf8(uno::Reference<text::XTextRange>(comment, uno::UNO_QUERY_THROW)->getString());
    }
    return comments;
}

void add_comment(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row, const std::string& text) {
    uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)
        ->getAnnotations()
        ->insertNew({0, col, row}, bd::to_ou(text));  // the sheet index is not used
}

bool is_mark(const std::string& comment) {
    return comment.starts_with(bd::mark_prefix());
}

}  // namespace

UNO_TEST(ValidateMenu, WritesTheReportSheetAndChangesNoOtherCell) {
    const Document doc(typed_tables_workbook(), false);
    set_number(doc.sheet("预算支出总表"), "C10", 593.70);  // 224 no longer equals 22401 + 22402
    const auto before = snapshots_of_user_sheets(doc);

    doc.dispatch(validate_url);

    const auto names = doc.sheet_names();
    ASSERT_EQ(std::ranges::count(names, report_sheet), 1) << "no report sheet after Validate Disclosure";
    const auto rows = report_rows(doc);
    EXPECT_TRUE(rows[1][0].find("2 errors") != std::string::npos || rows[1][0].find("错误 2") != std::string::npos)
        << rows[1][0];
    EXPECT_TRUE(
        has_row(rows, "GEN.HIERARCHY", {"2023年预算支出总表", "预算支出总表!C10,C11,C13", "593.60", "593.70", "0.10"}));
    EXPECT_TRUE(
        has_row(rows, "GEN.TOTAL", {"2023年预算支出总表", "预算支出总表!C6,C7,C10", "595.30", "595.20", "-0.10"}));
    EXPECT_EQ(snapshots_of_user_sheets(doc), before) << "validation changed a user's cell";
}

UNO_TEST(ValidateMenu, TheCellsOfAFindingAreALinkThatSelectsThem) {
    const Document doc(typed_tables_workbook(), false);
    set_number(doc.sheet("预算支出总表"), "C10", 593.70);
    doc.dispatch(validate_url);

    const int row = report_row_of(doc, "GEN.HIERARCHY", "预算支出总表!C10,C11,C13");
    ASSERT_GE(row, 4) << "no finding row for 224";
    const auto report = doc.sheet(report_sheet);
    const auto links = hyperlinks_in(report, 3, row);
    ASSERT_EQ(links.size(), 1U) << "the cells column holds no hyperlink";
    EXPECT_EQ(links[0], "#$'预算支出总表'.$C$10:$C$13");
    EXPECT_TRUE(hyperlinks_in(report, 3, 3).empty()) << "only finding rows have links";

    const auto [sheet, selected] = follow(doc, links[0]);
    EXPECT_EQ(sheet, "预算支出总表");
    EXPECT_EQ(selected.StartColumn, 2);
    EXPECT_EQ(selected.EndColumn, 2);
    EXPECT_EQ(selected.StartRow, 9);
    EXPECT_EQ(selected.EndRow, 12);
}

UNO_TEST(ValidateMenu, LinksReachSheetsWhoseNamesNeedQuoting) {
    const Document doc(typed_tables_workbook(), false);
    const auto sheet = doc.sheet("预算支出总表");
    uno::Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->setName(bd::to_ou("表3 It's 100%"));
    set_number(sheet, "C10", 593.70);
    doc.dispatch(validate_url);

    const int row = report_row_of(doc, "GEN.HIERARCHY", "表3 It's 100%!C10,C11,C13");
    ASSERT_GE(row, 4);
    const auto links = hyperlinks_in(doc.sheet(report_sheet), 3, row);
    ASSERT_EQ(links.size(), 1U);
    EXPECT_EQ(links[0], "#$'表3 It''s 100%25'.$C$10:$C$13");
    const auto [name, selected] = follow(doc, links[0]);
    EXPECT_EQ(name, "表3 It's 100%");
    EXPECT_EQ(selected.StartRow, 9);
    EXPECT_EQ(selected.EndRow, 12);
}

UNO_TEST(ValidateMenu, MarksTheCellsOfEachFindingWithAComment) {
    const Document doc(typed_tables_workbook(), false);
    const auto table3 = doc.sheet("预算支出总表");
    set_number(table3, "C10", 593.70);
    const auto before = snapshots_of_user_sheets(doc);
    doc.dispatch(validate_url);

    // 合计 (C6) = 208 (C7) + 224 (C10); 224 (C10) = 22401 (C11) + 22402 (C13).
    const auto comments = comments_of(table3);
    ASSERT_EQ(comments.size(), 5U);
    for (const char* cell : {"C6", "C7", "C10", "C11", "C13"}) {
        ASSERT_TRUE(comments.contains(cell)) << cell << " carries no mark";
        EXPECT_TRUE(is_mark(comments.at(cell))) << comments.at(cell);
    }
    EXPECT_NE(comments.at("C10").find("GEN.TOTAL"), std::string::npos) << "C10 takes part in both findings";
    EXPECT_NE(comments.at("C10").find("GEN.HIERARCHY"), std::string::npos);
    EXPECT_NE(comments.at("C11").find("593.60"), std::string::npos) << comments.at("C11");
    EXPECT_EQ(comments.at("C11").find("GEN.TOTAL"), std::string::npos);
    for (const char* other : {"预算收入总表", "一般公共预算支出表"}) {
        EXPECT_TRUE(comments_of(doc.sheet(other)).empty()) << other;
    }
    EXPECT_EQ(snapshots_of_user_sheets(doc), before) << "marking changed a user's cell";

    doc.dispatch(validate_url);  // a rerun replaces the marks
    EXPECT_EQ(comments_of(table3), comments) << "a rerun duplicated or changed marks";

    set_number(table3, "C10", 593.60);  // fixed
    doc.dispatch(validate_url);
    EXPECT_TRUE(comments_of(table3).empty()) << "marks of fixed findings stayed";
}

UNO_TEST(ClearMarksMenu, RemovesOurMarksAndKeepsUsersComments) {
    const Document doc(typed_tables_workbook(), false);
    const auto table3 = doc.sheet("预算支出总表");
    set_number(table3, "C10", 593.70);
    add_comment(table3, 3, 7, "用户批注：基本支出待确认");  // D8, no finding there
    add_comment(table3, 2, 9, "请核对 224\n第二段");        // C10, where two findings meet
    const auto before = snapshots_of_user_sheets(doc);

    doc.dispatch(validate_url);
    auto comments = comments_of(table3);
    EXPECT_EQ(comments.at("D8"), "用户批注：基本支出待确认");
    EXPECT_TRUE(comments.at("C10").starts_with("请核对 224\n第二段\n" + std::string(bd::mark_prefix())))
        << "the user's comment must stay first: " << comments.at("C10");
    EXPECT_NE(comments.at("C10").find("GEN.HIERARCHY"), std::string::npos);
    doc.dispatch(validate_url);  // rerun: still one block of ours
    comments = comments_of(table3);
    EXPECT_EQ(comments.at("C10").find(bd::mark_prefix()), comments.at("C10").rfind(bd::mark_prefix()));

    doc.dispatch(clear_marks_url);
    EXPECT_EQ(comments_of(table3),
              (std::map<std::string, std::string>{{"C10", "请核对 224\n第二段"}, {"D8", "用户批注：基本支出待确认"}}));
    EXPECT_EQ(snapshots_of_user_sheets(doc), before);
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 1) << "the report sheet stays";
    doc.dispatch(clear_marks_url);  // nothing left to clear: no change
    EXPECT_EQ(comments_of(table3).size(), 2U);
}

UNO_TEST(ValidateMenu, TheValidatedWorkbookSavesAndReopensWithItsReport) {
    const TempDir dir;
    const auto file = dir.path() / "validated.ods";
    {
        const Document doc(typed_tables_workbook(), false);
        set_number(doc.sheet("预算支出总表"), "C10", 593.70);
        doc.dispatch(validate_url);
        doc.store_as(file);
    }
    const Document reopened(file, true);
    EXPECT_EQ(std::ranges::count(reopened.sheet_names(), report_sheet), 1);
    EXPECT_EQ(report_rows(reopened)[0][0].empty(), false);
    const int row = report_row_of(reopened, "GEN.HIERARCHY", "预算支出总表!C10,C11,C13");
    ASSERT_GE(row, 4);
    EXPECT_EQ(hyperlinks_in(reopened.sheet(report_sheet), 3, row),
              std::vector<std::string>{"#$'预算支出总表'.$C$10:$C$13"});
    EXPECT_TRUE(is_mark(comments_of(reopened.sheet("预算支出总表"))["C11"])) << "the marks were not saved";
}

UNO_TEST(ValidateMenu, RerunReplacesTheReport) {
    const Document doc(typed_tables_workbook(), false);
    const auto sheet = doc.sheet("预算支出总表");
    set_number(sheet, "C10", 593.70);
    doc.dispatch(validate_url);
    const auto first = report_rows(doc);
    doc.dispatch(validate_url);
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 1);
    EXPECT_EQ(report_rows(doc), first);

    set_number(sheet, "C10", 593.60);  // fixed
    doc.dispatch(validate_url);
    const auto after_fix = report_rows(doc);
    EXPECT_TRUE(after_fix[4][0] == "No problems found" || after_fix[4][0] == "未发现问题") << after_fix[4][0];
    EXPECT_TRUE(after_fix[5][1].empty()) << "rows of the earlier report were left behind";
}

UNO_TEST(Validator, ServiceReportsEveryOutcomeWithoutWriting) {
    const Document doc(typed_tables_workbook(), true);
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    const auto outcomes = validator->validate(doc.get()).Outcomes;
    // Tables 2, 3 and 5: 合计, 208, 20808, 224, 22401, 22402 in each amount column that holds numbers.
    EXPECT_EQ(outcomes.getLength(), 48);
    for (const auto& outcome : outcomes) {
        EXPECT_EQ(outcome.Status, "pass") << bd::to_utf8(outcome.MessageEn);
    }
    EXPECT_EQ(std::ranges::count(doc.sheet_names(), report_sheet), 0);
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
    EXPECT_EQ(validator->validate(empty.get()).Outcomes.getLength(), 0);

    const Document doc(typed_tables_workbook(), false);
    set_formula(doc.sheet("预算支出总表"), "C11", "=1/0");           // 22401 合计 is an error value
    set_formula(doc.sheet("预算支出总表"), "D11", "=\"四十点五\"");  // text in a number cell
    doc.recalculate();
    int not_evaluated = 0;
    for (const auto& outcome : validator->validate(doc.get()).Outcomes) {
        if (outcome.Status == "not-evaluated") {
            ++not_evaluated;
            EXPECT_TRUE(bd::to_utf8(outcome.MessageEn).find("C11") != std::string::npos ||
                        bd::to_utf8(outcome.MessageEn).find("D11") != std::string::npos)
                << bd::to_utf8(outcome.MessageEn);
        }
    }
    // 22401 against 2240106, 224 against its 款 — in the 合计 and 基本支出 columns.
    EXPECT_EQ(not_evaluated, 4);
}
