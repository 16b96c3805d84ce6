// Classification lookups inside Calc (single cells and arrays, a saved and reopened workbook), and
// importing official tables (.csv, .ods, .xlsx) through the menu command's code path.
#include "harness.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/budgetdisclosure/XClassificationImport.hpp>

using namespace css;
using namespace bd::test;
namespace fs = std::filesystem;

namespace {

constexpr int not_available = 32767;
constexpr int value_error = 519;
constexpr char import_url[] = "org.budgetdisclosure.command:ImportClassification";

uno::Reference<org::budgetdisclosure::XClassificationImport> importer() {
    return {office().create("org.budgetdisclosure.ClassificationImport"), uno::UNO_QUERY_THROW};
}

uno::Sequence<beans::PropertyValue> import_arguments(const fs::path& file, int year) {
    uno::Sequence<beans::PropertyValue> args(2);
    args[0].Name = "URL";
    args[0].Value <<= bd::office::file_url(file);
    args[1].Name = "Year";
    args[1].Value <<= static_cast<sal_Int32>(year);
    return args;
}

fs::path stored_edition(int year) {
    return bd::office::classification_directory(office().profile()) / (std::to_string(year) + ".tsv");
}

void enter_lookups(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    set_formula(sheet, "A1", "=\"2240106\"");
    set_number(sheet, "A2", 22401);
    set_formula(sheet, "A3", "=\"２２４\"");
    set_formula(sheet, "B1", "=BUDGET.CLASSNAME(A1)");
    set_formula(sheet, "B2", "=BUDGET.CLASSNAME(A2)");
    set_formula(sheet, "B3", "=BUDGET.CLASSNAME(A3)");
    set_formula(sheet, "B4", "=BUDGET.CLASSNAME(\"2249999\")");
    set_formula(sheet, "B5", "=BUDGET.CLASSNAME(\"22x\")");
    set_array_formula(sheet, "C1:C3", "=BUDGET.CLASSNAME(A1:A3)");
    set_array_formula(sheet, "D1:D3", "=BUDGET.CLASSLEVEL(A1:A3)");
    set_formula(sheet, "E1", "=BUDGET.CLASSLINE(224)");
    set_formula(sheet, "E2", "=BUDGET.CLASSPARENT(A1)");
    set_formula(sheet, "E3", "=BUDGET.CLASSVALID(A1)");
    set_formula(sheet, "E4", "=BUDGET.CLASSVALID(\"2249999\")");
    set_formula(sheet, "E5", "=BUDGET.ECONMAP(\"30101\";\"事业单位\")");
    set_formula(sheet, "E6", "=BUDGET.ECONMAP(\"30101\";\"机关\")");
    set_formula(sheet, "E7", "=BUDGET.CLASSCODE(\"维修（护）费\";\"部门经济\")");
}

void expect_lookups(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    EXPECT_EQ(text_of(sheet, "B1"), "安全监管");
    EXPECT_EQ(text_of(sheet, "B2"), "应急管理事务");
    EXPECT_EQ(text_of(sheet, "B3"), "灾害防治及应急管理支出");
    EXPECT_EQ(error_of(sheet, "B4"), not_available);
    EXPECT_EQ(error_of(sheet, "B5"), value_error);
    EXPECT_EQ(text_of(sheet, "C1"), "安全监管");
    EXPECT_EQ(text_of(sheet, "C3"), "灾害防治及应急管理支出");
    EXPECT_EQ(text_of(sheet, "D1"), "项");
    EXPECT_EQ(text_of(sheet, "D2"), "款");
    EXPECT_EQ(text_of(sheet, "D3"), "类");
    EXPECT_EQ(text_of(sheet, "E1"), "二十三、灾害防治及应急管理支出");
    EXPECT_EQ(text_of(sheet, "E2"), "22401");
    EXPECT_DOUBLE_EQ(value_of(sheet, "E3"), 1.0);  // TRUE
    EXPECT_DOUBLE_EQ(value_of(sheet, "E4"), 0.0);
    EXPECT_EQ(text_of(sheet, "E5"), "50501");
    EXPECT_EQ(text_of(sheet, "E6"), "50101");
    EXPECT_EQ(text_of(sheet, "E7"), "30213");
}

}  // namespace

UNO_TEST(Classification, LookupsInCellsAndArrays) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    enter_lookups(sheet);
    doc.recalculate();
    expect_lookups(sheet);
}

UNO_TEST(Classification, ArrayResultsCarryAnErrorPerCell) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=\"2240106\"");
    set_formula(sheet, "A2", "=\"22x\"");
    set_number(sheet, "A3", 2249999);
    set_array_formula(sheet, "B1:B3", "=BUDGET.CLASSNAME(A1:A3)");
    doc.recalculate();
    EXPECT_EQ(text_of(sheet, "B1"), "安全监管");
    EXPECT_EQ(error_of(sheet, "B2"), value_error);
    EXPECT_EQ(error_of(sheet, "B3"), not_available);
}

UNO_TEST(Classification, SumUnderCountsOnlyTheDeepestRowsOfTheExample) {
    const Document doc(typed_tables_workbook(), true);
    const auto sheet = doc.sheet("预算支出总表");
    // The example's table 3: codes in A6:A14 with 类 and 款 subtotal rows, amounts in C6:C14.
    set_formula(sheet, "G1", "=BUDGET.SUMUNDER(A6:A14;C6:C14;224)");
    set_formula(sheet, "G2", "=BUDGET.SUMUNDER(A6:A14;C6:C14;\"22401\")");
    set_formula(sheet, "G3", "=SUMIF(A6:A14;\"224*\";C6:C14)");  // what a hand-made formula gets wrong
    set_array_formula(sheet, "H1:H2", "=BUDGET.SUMUNDER(A6:A14;D6:D14;A7:A8)");
    doc.recalculate();
    EXPECT_DOUBLE_EQ(value_of(sheet, "G1"), 593.60);
    EXPECT_DOUBLE_EQ(value_of(sheet, "G2"), 467.60);
    EXPECT_NEAR(value_of(sheet, "G3"), 1780.80, 1e-9);  // 224 + 22401 + 2240106 + 22402 + 2240299
    EXPECT_DOUBLE_EQ(value_of(sheet, "H1"), 0.0);       // 208 has no basic expenditure
    EXPECT_DOUBLE_EQ(value_of(sheet, "H2"), 0.0);
}

UNO_TEST(Classification, SavedWorkbookReopensWithTheSameResults) {
    const TempDir dir;
    const auto file = dir.path() / "lookups.ods";
    {
        const Document doc;
        enter_lookups(doc.sheet(0));
        doc.store_as(file);
    }
    const auto content = run_program({"/usr/bin/unzip", "-p", file.string(), "content.xml"});
    EXPECT_NE(content.output.find("ORG.BUDGETDISCLOSURE.FUNCTIONS.CLASSNAME"), std::string::npos);
    const Document reopened(file, false);
    reopened.recalculate();
    expect_lookups(reopened.sheet(0));
}

UNO_TEST(ClassificationImport, CsvThroughTheMenuCommandIsUsedAndStored) {
    const TempDir dir;
    const auto csv = dir.path() / "2031年政府收支分类科目.csv";
    write_file(csv, "科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务（2031）\n2240106,安全监管\n");
    const Document doc;
    doc.dispatch(import_url, import_arguments(csv, 2031));
    ASSERT_TRUE(fs::exists(stored_edition(2031))) << "the menu command did not store the edition";
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=BUDGET.CLASSNAME(22401;2031)");
    set_formula(sheet, "A2", "=BUDGET.CLASSNAME(22402;2031)");  // not in that edition
    set_formula(sheet, "A3", "=BUDGET.CLASSNAME(22402;2023)");  // bundled entries
    doc.recalculate();
    EXPECT_EQ(text_of(sheet, "A1"), "应急管理事务（2031）");
    EXPECT_EQ(error_of(sheet, "A2"), not_available);
    EXPECT_EQ(text_of(sheet, "A3"), "消防救援事务");

    // Without a year, the menu command reads it from the file name.
    const auto named = dir.path() / "2037年政府收支分类科目.csv";
    write_file(named, "科目编码,科目名称\n224,灾害防治及应急管理支出\n");
    uno::Sequence<beans::PropertyValue> file_only(1);
    file_only[0].Name = "URL";
    file_only[0].Value <<= bd::office::file_url(named);
    doc.dispatch(import_url, file_only);
    EXPECT_TRUE(fs::exists(stored_edition(2037)));
}

UNO_TEST(ClassificationImport, OdsAndXlsxWithSplitColumns) {
    const TempDir dir;
    {
        const Document table;
        const auto sheet = table.sheet(0);
        set_formula(sheet, "A1", "=\"类\"");
        set_formula(sheet, "B1", "=\"款\"");
        set_formula(sheet, "C1", "=\"项\"");
        set_formula(sheet, "D1", "=\"科目名称\"");
        set_number(sheet, "A2", 201);
        set_formula(sheet, "D2", "=\"一般公共服务支出\"");
        set_formula(sheet, "B3", "=\"01\"");
        set_formula(sheet, "D3", "=\"人大事务\"");
        set_formula(sheet, "C4", "=\"01\"");
        set_formula(sheet, "D4", "=\"行政运行\"");
        table.store_as(dir.path() / "table.ods");
        table.store_as(dir.path() / "table.xlsx");
    }
    EXPECT_NE(bd::to_utf8(importer()->importEdition(bd::office::file_url(dir.path() / "table.ods"), 2032)).find("3"),
              std::string::npos);
    importer()->importEdition(bd::office::file_url(dir.path() / "table.xlsx"), 2033);
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=BUDGET.CLASSNAME(2010101;2032)");
    set_formula(sheet, "A2", "=BUDGET.CLASSNAME(\"20101\";2033)");
    doc.recalculate();
    EXPECT_EQ(text_of(sheet, "A1"), "行政运行");
    EXPECT_EQ(text_of(sheet, "A2"), "人大事务");
    const auto years = importer()->importedYears();
    EXPECT_TRUE(std::ranges::find(years, 2032) != years.end() && std::ranges::find(years, 2033) != years.end());
}

UNO_TEST(ClassificationImport, ABrokenTableIsRefusedAndChangesNothing) {
    const TempDir dir;
    const auto good = dir.path() / "good.csv";
    write_file(good, "科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务（旧）\n");
    importer()->importEdition(bd::office::file_url(good), 2034);
    const std::string stored_before = read_file(stored_edition(2034));

    const auto broken = dir.path() / "broken.csv";
    write_file(broken,
               "科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务\n22401,应急管理\n2250101,孤儿\n");
    try {
        importer()->importEdition(bd::office::file_url(broken), 2034);
        ADD_FAILURE() << "a broken table was accepted";
    } catch (const lang::IllegalArgumentException& e) {
        const std::string message = bd::to_utf8(e.Message);
        EXPECT_TRUE(message.find("two names") != std::string::npos || message.find("两个名称") != std::string::npos)
            << message;
        EXPECT_TRUE(message.find("22501") != std::string::npos) << message;
    }
    const auto no_code = dir.path() / "2034.csv";
    write_file(no_code, "项目,金额\na,1\n");
    const Document doc;
    doc.dispatch(import_url, import_arguments(no_code, 2034));  // the menu path: a message, nothing changed
    doc.dispatch(import_url, import_arguments(broken, 2034));
    EXPECT_EQ(read_file(stored_edition(2034)), stored_before);
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=BUDGET.CLASSNAME(22401;2034)");
    doc.recalculate();
    EXPECT_EQ(text_of(sheet, "A1"), "应急管理事务（旧）");
}

UNO_TEST(ClassificationImport, ImportedEditionsSurviveARestart) {
    const TempDir dir;
    const auto csv = dir.path() / "table.csv";
    write_file(csv, "科目编码,科目名称\n224,灾害防治及应急管理支出（2035）\n");
    importer()->importEdition(bd::office::file_url(csv), 2035);
    office().restart();
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=BUDGET.CLASSNAME(224;2035)");
    doc.recalculate();
    EXPECT_EQ(text_of(sheet, "A1"), "灾害防治及应急管理支出（2035）");
}
