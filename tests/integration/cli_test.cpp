// The command-line program: one headless soffice for all files, workbooks unchanged, every report
// starting with what was recognized, exit 0 / 1 / 2 / 3 (the worst of several files wins), text,
// JSON and HTML reports. And the harness's promise: no soffice survives a crash. The other commands
// (import-classification, publish): cli_commands_test.cpp.
#include "harness.hpp"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <chrono>
#include <csignal>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace bd::test;
namespace fs = std::filesystem;

namespace {

RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {BD_CLI, "validate"});
    return run_program(args);
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
        ++n;
    }
    return n;
}

/// A copy of the example whose content.xml `edit` changes (zipped back in place; mimetype stays first).
fs::path edited_example(const TempDir& dir, const std::string& name, const std::function<void(std::string&)>& edit) {
    auto copy = dir.path() / name;
    fs::copy_file(example_workbook(), copy);
    std::string content = run_program({"/usr/bin/unzip", "-p", copy.string(), "content.xml"}).output;
    edit(content);
    const auto parts = dir.path() / (name + ".parts");
    fs::create_directories(parts);
    write_file(parts / "content.xml", content);
    const auto zipped = run_program({"/usr/bin/zip", "-q", "-j", copy.string(), (parts / "content.xml").string()});
    EXPECT_EQ(zipped.status, 0) << zipped.errors;
    return copy;
}

/// A copy of the example in which 安全生产专项经费's 一般公共预算 in table 12 (表12项目支出表!C14, an
/// input) is 401.00 instead of 400.00: table 12 no longer agrees with table 3.
fs::path broken_example(const TempDir& dir) {
    return edited_example(dir, "broken.ods", [](std::string& content) {
        const std::string from = R"(office:value="400.00")";
        const auto pos =
            content.find(from, content.find("安全生产专项经费", content.find(R"(table:name="表12项目支出表")")));
        ASSERT_NE(pos, std::string::npos);
        content.replace(pos, from.size(), R"(office:value="401.00")");
    });
}

/// The example with the performance form it lacks (党建工作及机关文化建设经费, 4.00 in table 12: the
/// form of 安全生产举报奖励金 with its funding for a year of 40,000 元), built from the example's inputs
/// as the build makes the example: a disclosure without errors.
fs::path clean_example(const TempDir& dir) {
    std::istringstream lines(read_file(fs::path(BD_EXAMPLES_DIR) / "jinzhong-2023.fill"));
    std::string fill;
    std::string form;
    const std::string model = "form\t安全生产举报奖励金\t";
    for (std::string line; std::getline(lines, line);) {
        fill += line + "\n";
        if (line.starts_with(model)) {
            line = "form\t党建工作及机关文化建设经费\t" + line.substr(model.size());
            for (const char* field : {"field\ttotal_year\t", "field\tlocal_year\t"}) {
                if (line.find(field) != std::string::npos) {
                    line = line.substr(0, line.find(field)) + field + "40000";
                }
            }
            form += line + "\n";
        }
    }
    EXPECT_FALSE(form.empty()) << "the model form is not in the fill";
    write_file(dir.path() / "clean.fill", fill + form);
    const auto parts = dir.path() / "clean.parts";
    const auto built = run_program(
        {BD_TEMPLATE_BUILDER, "shanxi-unit", parts.string(), "--fill", (dir.path() / "clean.fill").string()});
    EXPECT_EQ(built.status, 0) << built.errors;
    auto file = dir.path() / "clean.ods";
    const auto zipped =
        run_program({"/bin/sh", "-c", "cd \"$0\" && zip -X -0 -q \"$1\" mimetype && zip -X -r -q \"$1\" . -x mimetype",
                     parts.string(), file.string()});
    EXPECT_EQ(zipped.status, 0) << zipped.errors;
    return file;
}

/// A flat OpenDocument spreadsheet of these sheets, each given as rows of cells (a number or text).
fs::path flat_workbook(const TempDir& dir, const std::string& name,
                       const std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>>& sheets) {
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>
)";
    for (const auto& [sheet, rows] : sheets) {
        xml += "<table:table table:name=\"" + sheet + "\">";
        for (const auto& row : rows) {
            xml += "<table:table-row>";
            for (const auto& cell : row) {
                const bool number = !cell.empty() && cell.find_first_not_of("0123456789.") == std::string::npos;
                xml += number ? "<table:table-cell office:value-type=\"float\" office:value=\"" + cell + "\"/>"
                              : "<table:table-cell office:value-type=\"string\"><text:p>" + cell +
                                    "</text:p></table:table-cell>";
            }
            xml += "</table:table-row>";
        }
        xml += rows.empty() ? "<table:table-row><table:table-cell/></table:table-row></table:table>\n"
                            : "</table:table>\n";
    }
    xml += "</office:spreadsheet></office:body></office:document>\n";
    auto file = dir.path() / name;
    write_file(file, xml);
    return file;
}

/// A workbook of three sheets with nothing in them.
fs::path empty_workbook(const TempDir& dir) {
    return flat_workbook(dir, "empty.fods", {{"Sheet1", {}}, {"Sheet2", {}}, {"Sheet3", {}}});
}

/// A workbook that is no disclosure at all.
fs::path shopping_list(const TempDir& dir) {
    return flat_workbook(
        dir, "shopping.fods",
        {{"购物清单", {{"购物清单"}, {"商品", "数量", "单价"}, {"苹果", "3", "5.50"}, {"牛奶", "2", "12.00"}}}});
}

/// A file of 0 bytes.
fs::path zero_bytes(const TempDir& dir) {
    auto file = dir.path() / "empty.ods";
    write_file(file, "");
    return file;
}

/// The report of one file in the text output: from its "== file ==" line to the next one.
std::string section_of(const std::string& output, const fs::path& file) {
    const auto start = output.find("== " + file.string() + " ==");
    if (start == std::string::npos) {
        return {};
    }
    return output.substr(start, output.find("\n== ", start) - start);
}

const std::string example_recognized = "识别为：山西省单位预算公开（13张表），找到 13/13 张表\n";

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
TEST(Cli, TheExampleIsRecognizedWithEveryTableAndItsGenuineProblemExitsOne) {
    const auto before = read_file(example_workbook());
    const auto result = cli({"--lang", "zh", example_workbook().string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    const std::string report = section_of(result.output, example_workbook());
    EXPECT_NE(report.find("\n" + example_recognized), std::string::npos) << report;
    for (int table = 1; table <= 13; ++table) {
        EXPECT_NE(report.find("\n  T" + std::to_string(table) + "  "), std::string::npos) << table << report;
    }
    EXPECT_EQ(report.find("未找到"), std::string::npos) << report;
    EXPECT_LT(report.find("T13  "), report.find("共检查")) << "the recognition comes before the summary";
    EXPECT_NE(report.find("错误  F.EXISTS  表12项目支出表!A8"), std::string::npos) << report;
    EXPECT_EQ(read_file(example_workbook()), before) << "the CLI changed the workbook";
}

// The README shows the main job's report: it is the CLI's output on the example, paths relative to
// the project's root.
TEST(Cli, TheReadmeShowsTheExamplesReportAsItIs) {
    const auto readme = read_file(fs::path(BD_SOURCE_DIR) / "README.md");
    const std::string fence = "```\n";
    const auto from = readme.find(fence + "== build/examples/jinzhong-2023.ods ==\n");
    ASSERT_NE(from, std::string::npos) << "the README shows no report of the example";
    const auto to = readme.find(fence, from + fence.size());
    const auto shown = readme.substr(from + fence.size(), to - from - fence.size());
    const auto result = cli({"--lang", "en", example_workbook().string()});
    EXPECT_EQ(result.status, 1) << result.errors;
    auto output = result.output;
    const auto root = (fs::path(BD_SOURCE_DIR) / "").string();
    for (auto at = output.find(root); at != std::string::npos; at = output.find(root, at)) {
        output.erase(at, root.size());
    }
    EXPECT_EQ(output, shown);
}

// The two published Shanghai budgets as they are in shared/, .xlsx and .ods: recognized as the
// Shanghai set with all nine tables, every identity evaluated, no false error. Their warnings are
// the documents' own (names cut off by the PDF, the “三公” table that says it is empty above its
// figures); their errors are their narratives' (an item's 预算安排 that is not its table row, rates
// that do not follow from the amounts they quote, 0万元 "比2022年预算增加1421.25万元"); what is
// not evaluated is the narratives' figures no table holds, listed. Given the 2023 budget as last
// year's, the 2024 narrative's 10 statements of last year's budget agree with it.
TEST(Cli, ThePublishedShanghaiBudgetsAreRecognizedWithoutAFalseError) {
    const fs::path shanghai = fs::path(BD_SHARED_REFERENCE_DIR) / "shanghai";
    const auto file = [&](const char* year, const char* extension) {
        return (shanghai / ("putuo-wanli-subdistrict-" + std::string(year) + "-department-budget" + extension))
            .string();
    };
    std::vector<std::string> args{"--json"};
    for (const char* year : {"2023", "2024"}) {
        for (const char* extension : {".xlsx", ".ods"}) {
            args.push_back(file(year, extension));
        }
    }
    const auto result = cli(args);
    EXPECT_EQ(result.status, 1) << result.errors;
    const std::string& json = result.output;
    EXPECT_EQ(count_of(json, R"("recognition":{"set":"shanghai",)"), 4U) << json.substr(0, 2000);
    EXPECT_EQ(count_of(json, R"("recognized":true,"understood":true,)"), 4U);
    EXPECT_EQ(count_of(json, R"("found":true,)"), 36U) << "nine tables in each file";
    EXPECT_EQ(count_of(json, R"("summary":{"checks":1580,"passed":1527,"errors":4,"warnings":3,"infos":2,)"
                             R"("not_applicable":26,"not_evaluated":18})"),
              2U);
    EXPECT_EQ(count_of(json, R"("summary":{"checks":1588,"passed":1548,"errors":2,"warnings":1,"infos":1,)"
                             R"("not_applicable":28,"not_evaluated":8})"),
              2U);
    const auto with_prior = cli({"--json", "--prior", file("2023", ".xlsx"), file("2024", ".ods")});
    EXPECT_EQ(with_prior.status, 1) << with_prior.errors;
    // Ten statements agree: one outcome of their count.
    EXPECT_TRUE(std::regex_search(
        with_prior.output,
        std::regex(R"re("rule":"N.PRIOR-YEAR","severity":"error","status":"pass"[^}]*"count":10\})re")))
        << with_prior.output.substr(0, 2000);
    EXPECT_EQ(count_of(with_prior.output, R"("rule":"N.PRIOR-YEAR","severity":"error","status":"fail")"), 0U);
}

// Last year's document that cannot be read is said plainly; nothing is validated against it.
TEST(Cli, APriorDocumentThatCannotBeReadCannotRun) {
    const auto result = cli({"--prior", "/nonexistent/2022.ods", example_workbook().string()});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.errors.find("/nonexistent/2022.ods"), std::string::npos) << result.errors;
}

TEST(Cli, ACleanDisclosureExitsZero) {
    const TempDir dir;
    const auto clean = clean_example(dir);
    const auto result = cli({"--lang", "zh", clean.string()});
    EXPECT_EQ(result.status, 0) << result.output << result.errors;
    EXPECT_NE(result.output.find("\n" + example_recognized), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("，错误 0，"), std::string::npos) << result.output;
}

TEST(Cli, ErrorsFoundExitOneAndNameTheCells) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto before = read_file(broken);
    const auto result = cli({"--lang", "zh", broken.string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    EXPECT_NE(result.output.find("\n" + example_recognized), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("错误  X.T12-T3-PROJECT  表12项目支出表!"), std::string::npos) << result.output;
    EXPECT_EQ(read_file(broken), before);
}

TEST(Cli, JsonCarriesTheRecognitionAndEveryOutcomeOfEveryFile) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto result = cli({"--json", example_workbook().string(), broken.string()});
    EXPECT_EQ(result.status, 1) << result.errors;
    const std::string& json = result.output;
    EXPECT_TRUE(json.starts_with(R"({"files":[{"file":)")) << json;
    EXPECT_EQ(count_of(json, R"("validated":true,"exit_code":1,"recognition":{"set":"shanxi-unit",)"
                             R"("set_title_zh":"山西省单位预算公开（13张表）",)"),
              2U)
        << json;
    EXPECT_EQ(count_of(json, R"("recognized":true,"understood":true,)"), 2U) << json;
    EXPECT_EQ(count_of(json, R"("found":true,)"), 26U) << "13 tables found in each file";
    EXPECT_NE(json.find(R"({"id":"T12","title":)"), std::string::npos) << json;
    // Every check is listed: findings one by one, the passes of a rule as one outcome with its count;
    // they add up to what the summaries count.
    const auto sum_of = [&](const std::regex& numbers) {
        std::size_t sum = 0;
        for (auto it = std::sregex_iterator(json.begin(), json.end(), numbers); it != std::sregex_iterator(); ++it) {
            sum += std::stoul((*it)[1].str());
        }
        return sum;
    };
    const auto checks = sum_of(std::regex(R"re("checks":([0-9]+))re"));
    const auto folded = sum_of(std::regex(R"re("count":([0-9]+))re"));
    EXPECT_GT(checks, 600U);
    EXPECT_EQ(count_of(json, R"("rule":)") - count_of(json, R"("count":)") + folded, checks);
    EXPECT_TRUE(json.ends_with("\"exit_code\":1}\n")) << json;
}

TEST(Cli, HtmlReportHoldsASectionPerWorkbook) {
    const TempDir dir;
    const auto broken = broken_example(dir);
    const auto page = dir.path() / "报告.html";
    const auto result = cli({"--lang", "zh", "--html", page.string(), example_workbook().string(), broken.string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    EXPECT_NE(result.output.find("错误  X.T12-T3-PROJECT"), std::string::npos) << "the text report is still printed";
    ASSERT_TRUE(fs::exists(page)) << "no HTML report written";
    const std::string html = read_file(page);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html;
    const auto first = html.find("<h2>" + example_workbook().string() + "</h2>");
    const auto second = html.find("<h2>" + broken.string() + "</h2>");
    ASSERT_NE(first, std::string::npos) << html;
    ASSERT_NE(second, std::string::npos) << html;
    EXPECT_LT(first, second);
    EXPECT_EQ(count_of(html, "<p class=\"recognition\">识别为：山西省单位预算公开（13张表），找到 13/13 张表</p>"), 2U);
    EXPECT_EQ(count_of(html, "<tr class=\"found\">"), 26U);
    EXPECT_LT(html.find("<table class=\"recognition\">", first), html.find("<p class=\"summary\">", first));
    EXPECT_EQ(count_of(html, "<td>F.EXISTS</td>"), 2U) << "the example's own finding, in both";
    EXPECT_EQ(count_of(html, "<td>X.T12-T3-PROJECT</td>"), 1U) << "the broken figure, in the second";
    EXPECT_GT(html.find("<td>X.T12-T3-PROJECT</td>"), second);
    EXPECT_NE(html.find("<td class=\"cells\">表12项目支出表!"), std::string::npos) << html;
}

TEST(Cli, EmptyZeroByteAndUnrelatedWorkbooksAreNotRecognized) {
    const TempDir dir;
    // Measured with LibreOffice 7.4: a 0-byte .ods opens as a new, empty spreadsheet, so it is
    // validated like one (exit 3); an office that refused it would make it 2, never 0.
    const std::vector<fs::path> files{zero_bytes(dir), empty_workbook(dir), shopping_list(dir)};
    for (const auto language : {"en", "zh"}) {
        std::vector<std::string> args{"--lang", language};
        for (const auto& file : files) {
            args.push_back(file.string());
        }
        const auto result = cli(args);
        EXPECT_EQ(result.status, 3) << result.output << result.errors;
        for (const auto& file : files) {
            const auto report = section_of(result.output, file);
            EXPECT_NE(report.find(language == std::string("en") ? "\nNot recognized as a budget disclosure"
                                                                : "\n未识别为预算公开文件"),
                      std::string::npos)
                << file << ":\n"
                << result.output;
            EXPECT_EQ(report.find("识别为："), std::string::npos) << report;
        }
    }
    const auto json = cli({"--json", files[0].string(), files[1].string(), files[2].string()});
    EXPECT_EQ(json.status, 3) << json.output << json.errors;
    EXPECT_EQ(count_of(json.output, R"("validated":true,"exit_code":3,"recognition":)"), 3U) << json.output;
    EXPECT_EQ(count_of(json.output, R"("recognized":false,"understood":false,)"), 3U) << json.output;
    EXPECT_TRUE(json.output.ends_with("\"exit_code\":3}\n")) << json.output;
}

TEST(Cli, SeveralFilesTheWorstWins) {
    const TempDir dir;
    const auto list = shopping_list(dir);
    const auto missing = dir.path() / "missing.ods";
    // Not recognized (3) is worse than errors (1) …
    const auto errors_and_unrecognized = cli({list.string(), example_workbook().string()});
    EXPECT_EQ(errors_and_unrecognized.status, 3) << errors_and_unrecognized.output << errors_and_unrecognized.errors;
    EXPECT_NE(errors_and_unrecognized.output.find("Recognized as "), std::string::npos) << "both files are reported";
    // … and could not run (2) is worse than both.
    const auto all = cli({"--json", example_workbook().string(), missing.string(), list.string()});
    EXPECT_EQ(all.status, 2) << all.output << all.errors;
    EXPECT_NE(all.output.find(R"("validated":false,"exit_code":2,"error":"file not found")"), std::string::npos)
        << all.output;
    EXPECT_EQ(count_of(all.output, R"("validated":true,"exit_code":)"), 2U) << all.output;
}

TEST(Cli, MissingFileOrNoSpreadsheetCannotRun) {
    const TempDir dir;
    const auto text = dir.path() / "notes.txt";
    write_file(text, "not a workbook\n");
    const auto result =
        cli({"--lang", "en", (dir.path() / "missing.ods").string(), text.string(), example_workbook().string()});
    EXPECT_EQ(result.status, 2);
    EXPECT_NE(result.errors.find("missing.ods: file not found"), std::string::npos) << result.errors;
    EXPECT_NE(result.errors.find("notes.txt: "), std::string::npos) << result.errors;
    EXPECT_NE(section_of(result.output, example_workbook()).find("Recognized as "), std::string::npos)
        << "the good file must still be reported: " << result.output;
}

TEST(Cli, UsageErrorsExitTwoAndSayWhatIsWrong) {
    const auto nothing = run_program({BD_CLI});
    EXPECT_EQ(nothing.status, 2);
    EXPECT_NE(nothing.errors.find("budget-disclosure: no command given"), std::string::npos) << nothing.errors;
    EXPECT_NE(nothing.errors.find("Usage: budget-disclosure validate"), std::string::npos);
    EXPECT_NE(nothing.errors.find("3 not recognized as a budget disclosure"), std::string::npos) << nothing.errors;
    const auto unknown = run_program({BD_CLI, "validate", "--frobnicate", example_workbook().string()});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.errors.find("--frobnicate"), std::string::npos) << unknown.errors;
    const auto no_files = run_program({BD_CLI, "validate", "--json"});
    EXPECT_EQ(no_files.status, 2);
    EXPECT_NE(no_files.errors.find("validate needs at least one WORKBOOK"), std::string::npos) << no_files.errors;
    const auto no_value = run_program({BD_CLI, "validate", example_workbook().string(), "--prior"});
    EXPECT_EQ(no_value.status, 2);
    EXPECT_NE(no_value.errors.find("--prior"), std::string::npos) << no_value.errors;
    EXPECT_TRUE(no_value.output.empty()) << no_value.output;
}

TEST(Cli, HelpGoesToStandardOutputAndExitsZero) {
    for (const auto& asked : {std::vector<std::string>{BD_CLI, "--help"}, std::vector<std::string>{BD_CLI, "-h"},
                              std::vector<std::string>{BD_CLI, "validate", "--help"}}) {
        const auto result = run_program(asked);
        EXPECT_EQ(result.status, 0) << asked.back();
        EXPECT_TRUE(result.output.starts_with("Usage: budget-disclosure validate")) << result.output;
        EXPECT_NE(result.output.find("import-classification --year YEAR"), std::string::npos);
        EXPECT_TRUE(result.errors.empty()) << result.errors;
    }
}

TEST(Cli, BrokenExtensionIsACleanFailure) {
    const TempDir dir;
    const auto fake = dir.path() / "fake.oxt";
    write_file(fake, "not a zip");
    const auto result = cli({"--oxt", fake.string(), example_workbook().string()});
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
