// The command-line program: one headless soffice for all files, workbooks unchanged,
// exit 0 / 1 / 2, text and JSON reports. And the harness's promise: no soffice survives a crash.
#include "harness.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <chrono>
#include <csignal>
#include <set>
#include <sstream>
#include <thread>

using namespace bd::test;
using namespace css;
namespace fs = std::filesystem;

namespace {

RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {BD_CLI, "validate"});
    return run_program(args);
}

/// A copy of the example with 224's 合计 in table 3 changed from 593.60 to 593.70.
fs::path broken_example(const TempDir& dir) {
    std::string text = read_file(typed_tables_workbook());
    const std::string from = R"(office:value="593.6")";
    const auto pos = text.find(from, text.find("2023年预算支出总表"));
    EXPECT_NE(pos, std::string::npos);
    text.replace(pos, from.size(), R"(office:value="593.7")");
    auto file = dir.path() / "broken.fods";
    write_file(file, text);
    return file;
}

std::set<fs::path> pipe_sockets() {
    std::set<fs::path> sockets;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
        if (entry.path().filename().string().starts_with("OSL_PIPE_")) {
            sockets.insert(entry.path());
        }
    }
    return sockets;
}

}  // namespace

// These tests start no office of their own: the CLI starts one per run.
TEST(Cli, ValidExampleExitsZeroWithAReport) {
    const auto before = read_file(typed_tables_workbook());
    const auto result = cli({"--lang", "en", typed_tables_workbook().string()});
    EXPECT_EQ(result.status, 0) << result.output << result.errors;
    EXPECT_NE(result.output.find("48 checks: 48 passed, 0 errors"), std::string::npos) << result.output;
    EXPECT_EQ(read_file(typed_tables_workbook()), before) << "the CLI changed the workbook";
}

TEST(Cli, ErrorsFoundExitOneAndNameTheCells) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto before = read_file(broken);
    const auto result = cli({"--lang", "zh", broken.string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    EXPECT_NE(result.output.find("错误  GEN.HIERARCHY  预算支出总表!C10,C11,C13"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("错误 2"), std::string::npos) << result.output;
    EXPECT_EQ(read_file(broken), before);
}

TEST(Cli, JsonListsEveryOutcomeOfEveryFile) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto result = cli({"--json", typed_tables_workbook().string(), broken.string()});
    EXPECT_EQ(result.status, 1) << result.errors;
    const std::string& json = result.output;
    EXPECT_TRUE(json.starts_with(R"({"files":[{"file":)")) << json;
    std::size_t rules = 0;
    for (auto pos = json.find(R"("rule":)"); pos != std::string::npos; pos = json.find(R"("rule":)", pos + 1)) {
        ++rules;
    }
    EXPECT_EQ(rules, 96U);  // 48 outcomes in each of the two files
    EXPECT_NE(json.find(R"("summary":{"checks":48,"passed":46,"errors":2,)"), std::string::npos) << json;
    EXPECT_TRUE(json.ends_with("\"exit_code\":1}\n")) << json;
}

TEST(Cli, HtmlReportHoldsASectionPerWorkbook) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto page = dir.path() / "报告.html";
    const auto result = cli({"--lang", "zh", "--html", page.string(), typed_tables_workbook().string(), broken.string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    EXPECT_NE(result.output.find("错误  GEN.HIERARCHY"), std::string::npos) << "the text report is still printed";
    ASSERT_TRUE(fs::exists(page)) << "no HTML report written";
    const std::string html = read_file(page);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html;
    const auto first = html.find("<h2>" + typed_tables_workbook().string() + "</h2>");
    const auto second = html.find("<h2>" + broken.string() + "</h2>");
    ASSERT_NE(first, std::string::npos) << html;
    ASSERT_NE(second, std::string::npos) << html;
    EXPECT_LT(first, second);
    EXPECT_NE(html.find("共检查 48 项：通过 48"), std::string::npos);
    EXPECT_NE(html.find("共检查 48 项：通过 46，错误 2"), std::string::npos);
    std::size_t error_rows = 0;
    for (auto pos = html.find("<tr class=\"error\">"); pos != std::string::npos;
         pos = html.find("<tr class=\"error\">", pos + 1)) {
        ++error_rows;
    }
    EXPECT_EQ(error_rows, 2U);
    EXPECT_NE(html.find("<td class=\"cells\">预算支出总表!C10,C11,C13</td>"), std::string::npos) << html;
    EXPECT_NE(html.find("<td>2023年预算支出总表</td>"), std::string::npos) << "the table's title";
}

TEST(Cli, MissingFileOrNoSpreadsheetCannotRun) {
    const TempDir dir;
    const auto text = dir.path() / "notes.txt";
    write_file(text, "not a workbook\n");
    const auto result =
        cli({"--lang", "en", (dir.path() / "missing.ods").string(), text.string(), typed_tables_workbook().string()});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.errors.find("missing.ods: file not found"), std::string::npos) << result.errors;
    EXPECT_NE(result.errors.find("notes.txt: "), std::string::npos) << result.errors;
    EXPECT_NE(result.output.find("48 checks"), std::string::npos) << "the good file must still be reported";
}

TEST(Cli, UsageErrorsExitTwo) {
    const auto result = run_program({BD_CLI});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.errors.find("Usage: budget-disclosure validate"), std::string::npos);
}

TEST(Cli, BrokenExtensionIsACleanFailure) {
    const TempDir dir;
    const auto fake = dir.path() / "fake.oxt";
    write_file(fake, "not a zip");
    const auto result = cli({"--oxt", fake.string(), typed_tables_workbook().string()});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.errors.find("unopkg could not install"), std::string::npos) << result.errors;
}

TEST(Harness, NoSofficeSurvivesACrashedClient) {
    // Orphans of the probe become our children, so that we can reap them (no zombie stays).
    ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    const auto sockets_before = pipe_sockets();
    const auto result = run_program({BD_OFFICE_CRASH_PROBE}, std::chrono::seconds(120));
    ASSERT_EQ(result.status, 128 + SIGABRT) << result.output << result.errors;
    std::istringstream lines(result.output);
    std::string profile_dir;
    std::string pipe_name;
    std::getline(lines, profile_dir);
    std::getline(lines, pipe_name);
    const fs::path profile = profile_dir;
    ASSERT_FALSE(profile.empty() || pipe_name.empty()) << result.output;
    std::vector<std::string> left;
    for (int i = 0; i < 100; ++i) {
        left = live_processes_with(profile.string());
        if (left.empty()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(left.empty()) << "soffice outlived the crashed client: " << left.front();
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    fs::remove_all(profile.parent_path());
    for (const auto& socket : pipe_sockets()) {  // what the killed soffice left in the temp directory
        if (!sockets_before.contains(socket)) {
            fs::remove(socket);
        }
    }
}

TEST(Package, OxtHoldsEveryPiece) {
    const auto listing = run_program({"/usr/bin/unzip", "-l", BD_TEST_OXT});
    ASSERT_EQ(listing.status, 0) << listing.errors;
    for (const char* piece :
         {"description.xml", "META-INF/manifest.xml", "budgetdisclosure.components", "budgetdisclosure.rdb",
          "libbudgetdisclosure.so", "registry/Addons.xcu", "registry/ProtocolHandler.xcu",
          "description/description-en.txt", "description/description-zh.txt"}) {
        EXPECT_NE(listing.output.find(piece), std::string::npos) << piece << " is missing from the .oxt";
    }
    const auto description = run_program({"/usr/bin/unzip", "-p", BD_TEST_OXT, "description.xml"});
    for (const char* field :
         {R"(<identifier value="org.budgetdisclosure.calc"/>)", R"(LibreOffice-minimal-version value="7.4")",
          R"(<name lang="zh-CN">预算公开助手</name>)", R"(<name lang="en-US">Budget Disclosure Assistant</name>)"}) {
        EXPECT_NE(description.output.find(field), std::string::npos) << field;
    }
}

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
    });
}
