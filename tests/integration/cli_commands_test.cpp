// The command-line program's other commands: import-classification stores an accepted table in the
// user's profile and refuses a broken one without touching the stored edition; publish writes a
// values-only copy that reads the same in an office without the extension.
#include "harness.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

using namespace bd::test;
using namespace css;

TEST(CliImport, StoresAnAcceptedTableInTheUsersProfile) {
    const TempDir dir;
    const auto table = dir.path() / "table.csv";
    write_file(table, "科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务\n");
    const auto profile = dir.path() / "profile";
    const auto result =
        run_program({BD_CLI, "import-classification", "--year", "2036", "--profile", profile.string(), table.string()});
    EXPECT_EQ(result.status, 0) << result.output << result.errors;
    const auto stored = bd::office::classification_directory(profile) / "2036.tsv";
    EXPECT_EQ(read_file(stored), "科目编码\t科目名称\n224\t灾害防治及应急管理支出\n22401\t应急管理事务\n");
    EXPECT_NE(result.output.find(stored.string()), std::string::npos) << result.output;

    // A broken table for the same year is refused with its problems; the stored edition stays.
    const auto broken = dir.path() / "broken.csv";
    write_file(broken, "科目编码,科目名称\n22401,应急管理事务\n");
    const auto refused = run_program(
        {BD_CLI, "import-classification", "--year", "2036", "--profile", profile.string(), broken.string()});
    EXPECT_EQ(refused.status, 1) << refused.output << refused.errors;
    EXPECT_TRUE(refused.errors.find("224") != std::string::npos) << refused.errors;  // the missing parent
    EXPECT_EQ(read_file(stored), "科目编码\t科目名称\n224\t灾害防治及应急管理支出\n22401\t应急管理事务\n");
}

TEST(CliImport, MissingTableOrYearCannotRun) {
    const TempDir dir;
    EXPECT_EQ(
        run_program({BD_CLI, "import-classification", "--year", "2036", (dir.path() / "none.csv").string()}).status, 2);
    const auto no_year = run_program({BD_CLI, "import-classification", (dir.path() / "none.csv").string()});
    EXPECT_EQ(no_year.status, 2);
    EXPECT_NE(no_year.errors.find("--year YEAR"), std::string::npos);
}

TEST(CliPublish, TheValuesOnlyCopyReadsTheSameInAnOfficeWithoutTheExtension) {
    bd::test::with_uno_messages([] {
        const TempDir dir;
        const auto workbook = dir.path() / "预算.ods";
        {  // a workbook with add-in formulas, made where the extension is installed
            const bd::office::Office with({BD_TEST_OXT, {}, std::chrono::seconds(90), {}});
            const auto doc = with.new_spreadsheet();
            const uno::Reference<sheet::XSpreadsheet> sheet(
                uno::Reference<container::XIndexAccess>(doc->getSheets(), uno::UNO_QUERY_THROW)->getByIndex(0),
                uno::UNO_QUERY_THROW);
            set_number(sheet, "A1", 40.50);
            set_number(sheet, "B1", 595.20);
            set_formula(sheet, "C1", "=BUDGET.SHARE(A1;B1)");
            set_formula(sheet, "C2", "=BUDGET.YOYTEXT(595.2;868.86)");
            uno::Sequence<beans::PropertyValue> args(1);
            args[0].Name = "FilterName";
            args[0].Value <<= rtl::OUString("calc8");
            uno::Reference<frame::XStorable>(doc, uno::UNO_QUERY_THROW)
                ->storeToURL(bd::office::file_url(workbook), args);
            bd::office::close_document(doc);
        }
        const auto result = run_program({BD_CLI, "publish", "--out", dir.path().string(), workbook.string()});
        ASSERT_EQ(result.status, 0) << result.output << result.errors;
        EXPECT_NE(result.output.find("预算-公开.pdf"), std::string::npos) << result.output;
        EXPECT_NE(result.output.find("预算-公开.xlsx"), std::string::npos) << "every file written is returned";

        const bd::office::Office without({});  // no extension
        const auto read = [&](const std::filesystem::path& file) {
            const uno::Reference<sheet::XSpreadsheetDocument> doc(without.load(file, true), uno::UNO_QUERY_THROW);
            const uno::Reference<sheet::XSpreadsheet> sheet(
                uno::Reference<container::XIndexAccess>(doc->getSheets(), uno::UNO_QUERY_THROW)->getByIndex(0),
                uno::UNO_QUERY_THROW);
            std::vector<std::string> shown{text_of(sheet, "C1"), text_of(sheet, "C2")};
            bd::office::close_document(doc);
            return shown;
        };
        const auto original = read(workbook);
        EXPECT_EQ(original[0], "#NAME?") << "without the extension, the original cannot compute (control)";
        const auto copy = read(dir.path() / "预算-公开.ods");
        EXPECT_EQ(copy[0], "0.068");
        EXPECT_EQ(copy[1], "比上年减少273.66万元，下降31.50%");
        EXPECT_EQ(read(dir.path() / "预算-公开.xlsx"), copy) << "the copy for Excel and WPS users reads the same";
    });
}
