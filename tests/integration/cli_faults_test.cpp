// The CLI against what a bureau's batch throws at it. What it leaves behind and what of the caller
// it touches: nothing — the office it starts gets a home, a TMPDIR and XDG folders of its own
// (inside its temporary directory, removed at the end), whatever the caller's are; unopkg's and
// soffice's temporary files (lu*.tmp) go there too; stopped by SIGTERM or SIGINT midway, it stops
// its office and removes all of it. File names as they come: bytes that are not UTF-8 (GBK names
// from a zip made on Windows) open, and the JSON stays valid UTF-8. A profile whose imported
// classification cannot be read: a warning, and the bundled entries.
#include "bd/office.hpp"
#include "bd/process.hpp"
#include "harness.hpp"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <thread>

using namespace bd::test;
namespace fs = std::filesystem;

namespace {

bool is_utf8(const std::string& text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

std::vector<std::string> entries_of(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

/// Whether a file of that name is somewhere under `dir`, which the CLI is changing meanwhile: an
/// entry that goes while it is looked at ends the look (the next poll sees the rest).
bool holds_file_named(const fs::path& dir, const std::string& name) {
    std::error_code error;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        if (it->path().filename() == name) {
            return true;
        }
    }
    return false;
}

/// The folders of a caller of the CLI: its TMPDIR, a home that does not exist, its XDG_CONFIG_HOME.
struct Caller {
    TempDir dir;
    fs::path tmp = dir.path() / "tmp";
    fs::path home = dir.path() / "home-that-does-not-exist";
    fs::path config = dir.path() / "config";

    Caller() {
        fs::create_directories(tmp);
        fs::create_directories(config);
        if (geteuid() == 0) {  // the office runs as an unprivileged user: it must reach and write its folder
            fs::permissions(dir.path(), fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
            fs::permissions(tmp, fs::perms::all);
        }
    }
    [[nodiscard]] bd::office::ProcessOptions cli(const std::vector<std::string>& arguments) const {
        bd::office::ProcessOptions options;
        options.argv = {BD_CLI};
        options.argv.insert(options.argv.end(), arguments.begin(), arguments.end());
        options.extra_env = {"TMPDIR=" + tmp.string(), "HOME=" + home.string(), "XDG_CONFIG_HOME=" + config.string()};
        options.output = dir.path() / "stdout";
        options.error_output = dir.path() / "stderr";
        return options;
    }
};

}  // namespace

TEST(CliIsolation, NothingIsLeftInTmpdirAndTheCallersHomeIsNotTouched) {
    const Caller caller;
    const auto& [dir, tmp, home, config] = caller;
    const auto options = caller.cli({"validate", "--lang", "en", example_workbook().string()});
    const int status = bd::office::run(options, std::chrono::minutes(5));
    EXPECT_EQ(status, 1) << read_file(options.error_output);
    EXPECT_NE(read_file(options.output).find("Recognized as Shanxi"), std::string::npos);
    EXPECT_TRUE(entries_of(tmp).empty()) << "left in TMPDIR: " << testing::PrintToString(entries_of(tmp));
    EXPECT_FALSE(fs::exists(home)) << "the caller's missing home was created";
    EXPECT_TRUE(entries_of(config).empty()) << testing::PrintToString(entries_of(config));
}

TEST(CliIsolation, AProfileWhoseClassificationCannotBeReadFallsBackToTheBundledEntries) {
    // The imported editions' folder is a link to itself: unreadable to anyone, root included (a
    // folder without permissions would stop only an unprivileged user).
    const TempDir dir;
    const auto broken = dir.path() / "broken";
    const auto editions = bd::office::classification_directory(broken);
    fs::create_directories(editions.parent_path());
    fs::create_directory_symlink(editions, editions);
    const auto fallback =
        run_program({BD_CLI, "validate", "--lang", "en", "--profile", broken.string(), example_workbook().string()});
    EXPECT_EQ(fallback.status, 1) << fallback.errors;  // the example's genuine error, as always
    EXPECT_NE(fallback.errors.find("warning: cannot read the imported classification in " + editions.string()),
              std::string::npos)
        << fallback.errors;
    EXPECT_NE(fallback.errors.find("using the bundled entries"), std::string::npos) << fallback.errors;
    const auto empty = dir.path() / "empty";
    fs::create_directories(empty);
    const auto bundled =
        run_program({BD_CLI, "validate", "--lang", "en", "--profile", empty.string(), example_workbook().string()});
    EXPECT_EQ(fallback.output, bundled.output) << "the same report as with nothing imported";
}

TEST(CliFiles, ANameThatIsNotUtf8OpensAndTheJsonStaysValid) {
    const TempDir dir;
    const auto gbk = dir.path() / "\xD4\xA4\xCB\xE3 2023.ods";  // 预算 in GBK, and a space
    fs::copy_file(example_workbook(), gbk);
    const auto result = run_program({BD_CLI, "validate", "--json", gbk.string()});
    EXPECT_EQ(result.status, 1) << result.errors;
    EXPECT_TRUE(is_utf8(result.output));
    EXPECT_NE(result.output.find(R"("set":"shanxi-unit")"), std::string::npos) << result.output.substr(0, 600);
    EXPECT_NE(result.output.find("\uFFFD 2023.ods"), std::string::npos) << result.output.substr(0, 300);
}

TEST(CliSignals, StoppedMidwayItStopsItsOfficeAndLeavesNothing) {
    for (const int signal : {SIGTERM, SIGINT}) {
        const Caller caller;
        bd::office::Process cli(caller.cli(
            {"validate", example_workbook().string(), example_workbook().string(), example_workbook().string()}));
        // Until its office is up (the soffice log is written in the office's folder).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        bool started = false;
        while (!started && std::chrono::steady_clock::now() < deadline) {
            started = holds_file_named(caller.tmp, "soffice.log");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ASSERT_TRUE(started) << "the CLI's office never started";
        ASSERT_EQ(::kill(cli.pid(), signal), 0);
        const auto status = cli.wait_for(std::chrono::seconds(30));
        ASSERT_TRUE(status.has_value()) << "the CLI did not stop on signal " << signal;
        EXPECT_EQ(*status, 128 + signal);
        EXPECT_TRUE(entries_of(caller.tmp).empty()) << "left: " << testing::PrintToString(entries_of(caller.tmp));
        EXPECT_TRUE(live_processes_with(caller.tmp.string()).empty())
            << testing::PrintToString(live_processes_with(caller.tmp.string()));
    }
}

// publish where it cannot write: a target that is a folder, or read-only (which an office running
// as root could overwrite all the same), is refused at once with a clear error, and nothing is
// written — no partial copy, no .part file, the read-only file unchanged. A write that fails midway
// (the .xlsx, the last one written) takes the files written before it away again.
TEST(CliPublish, ATargetThatIsAFolderOrReadOnlyIsRefusedAndNothingIsWritten) {
    const TempDir out;
    const std::string stem = example_workbook().stem().string() + "-公开";
    const auto publish = [&] {
        const auto started = std::chrono::steady_clock::now();
        const auto result = run_program({BD_CLI, "publish", "--out", out.path().string(), example_workbook().string()},
                                        std::chrono::seconds(60));
        return std::pair{result, std::chrono::steady_clock::now() - started};
    };
    fs::create_directory(out.path() / (stem + ".pdf"));
    auto [folder, folder_time] = publish();
    EXPECT_EQ(folder.status, 2) << folder.output;
    EXPECT_NE(folder.errors.find("exists and is not a file: nothing written"), std::string::npos) << folder.errors;
    EXPECT_LT(folder_time, std::chrono::seconds(20)) << "no waiting for a bridge that dropped the call";
    EXPECT_EQ(entries_of(out.path()), std::vector<std::string>{stem + ".pdf"});

    fs::remove(out.path() / (stem + ".pdf"));
    write_file(out.path() / (stem + ".xlsx"), "the published workbook");
    fs::permissions(out.path() / (stem + ".xlsx"),
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto [read_only, read_only_time] = publish();
    EXPECT_EQ(read_only.status, 2) << read_only.output;
    EXPECT_NE(read_only.errors.find("is read-only: not replaced, nothing written"), std::string::npos)
        << read_only.errors;
    EXPECT_EQ(read_file(out.path() / (stem + ".xlsx")), "the published workbook");
    EXPECT_EQ(entries_of(out.path()), std::vector<std::string>{stem + ".xlsx"});

    fs::remove(out.path() / (stem + ".xlsx"));
    fs::create_directory(out.path() / (stem + ".xlsx.part"));  // the .xlsx cannot be written
    auto [failed, failed_time] = publish();
    EXPECT_EQ(failed.status, 2) << failed.output;
    EXPECT_NE(failed.errors.find("Nothing written to"), std::string::npos) << failed.errors;
    EXPECT_EQ(entries_of(out.path()), std::vector<std::string>{stem + ".xlsx.part"}) << "the .ods and .pdf went";

    fs::remove(out.path() / (stem + ".xlsx.part"));
    auto [written, written_time] = publish();
    EXPECT_EQ(written.status, 0) << written.errors;
    auto files = entries_of(out.path());
    std::ranges::sort(files);
    EXPECT_EQ(files, (std::vector<std::string>{stem + ".ods", stem + ".pdf", stem + ".xlsx"})) << "no .part left";
}

// A classification table longer than Calc's 1,048,576 rows is read whole: its last row (a
// malformed code at row 1,200,002) is seen and the table refused for it, not cut off and imported.
TEST(CliImport, ACsvLongerThanCalcsRowsIsReadWhole) {
    const TempDir dir;
    const auto table = dir.path() / "long.csv";
    {
        std::ofstream out(table);
        out << "科目编码,科目名称\n";
        std::size_t rows = 0;
        const std::size_t wanted = 1'200'000;
        char code[16];
        for (int klass = 101; klass <= 299 && rows < wanted; ++klass) {
            out << klass << ",类" << klass << '\n';
            ++rows;
            for (int kuan = 1; kuan <= 99 && rows < wanted; ++kuan) {
                std::snprintf(code, sizeof code, "%d%02d", klass, kuan);
                out << code << ",款" << code << '\n';
                ++rows;
                for (int xiang = 1; xiang <= 99 && rows < wanted; ++xiang) {
                    std::snprintf(code, sizeof code, "%d%02d%02d", klass, kuan, xiang);
                    out << code << ",项" << code << '\n';
                    ++rows;
                }
            }
        }
        out << "22x0101,坏编码\n";
    }
    const auto profile = dir.path() / "profile";
    const auto result =
        run_program({BD_CLI, "import-classification", "--year", "2036", "--profile", profile.string(), table.string()});
    EXPECT_EQ(result.status, 1) << result.output << result.errors;
    EXPECT_NE(result.errors.find("row 1200002: malformed code 22x0101"), std::string::npos) << result.errors;
    EXPECT_FALSE(fs::exists(bd::office::classification_directory(profile) / "2036.tsv"));
}

// A file that takes its office past the timeout (the benchmark's large workbook takes several
// seconds to load) is reported for itself; the office is stopped, a new one takes the next file,
// and nothing of either office is left.
TEST(CliBatch, AFileThatTimesOutIsReportedAndTheBatchGoesOn) {
    const Caller caller;
    const auto options = caller.cli({"validate", "--json", "--timeout", "1", example_workbook().string(),
                                     BD_LARGE_WORKBOOK, example_workbook().string()});
    const int status = bd::office::run(options, std::chrono::minutes(5));
    const auto json = read_file(options.output);
    EXPECT_EQ(status, 2) << read_file(options.error_output);
    std::size_t validated = 0;
    for (auto at = json.find(R"("validated":true)"); at != std::string::npos;
         at = json.find(R"("validated":true)", at + 1)) {
        ++validated;
    }
    EXPECT_EQ(validated, 2U) << "the files before and after: " << json.substr(0, 400);
    EXPECT_NE(json.find("timed out after 1 s: its office was stopped"), std::string::npos) << json.substr(0, 2000);
    EXPECT_TRUE(entries_of(caller.tmp).empty()) << testing::PrintToString(entries_of(caller.tmp));
    EXPECT_TRUE(live_processes_with(caller.tmp.string()).empty());
}

/// The pid of the office (soffice.bin) whose command line holds `text`, once it has `file` open.
std::optional<pid_t> office_reading(const std::string& text, const fs::path& file) {
    for (const auto& process : live_processes_with(text)) {
        if (process.find("soffice.bin") == std::string::npos) {
            continue;
        }
        const auto pid = process.substr(0, process.find(':'));
        std::error_code error;  // the process may end, or close a file, while it is looked at
        for (fs::directory_iterator fd("/proc/" + pid + "/fd", error), end; !error && fd != end; fd.increment(error)) {
            std::error_code unreadable;
            if (fs::read_symlink(fd->path(), unreadable) == file) {
                return static_cast<pid_t>(std::stol(pid));
            }
        }
    }
    return std::nullopt;
}

// An office that dies while it reads a file (killed here, as a crash would end it) costs that
// file only: it is reported as its office having crashed, a new office validates the next one,
// and nothing of either is left.
TEST(CliBatch, AnOfficeThatCrashesCostsOnlyItsFile) {
    const Caller caller;
    const fs::path large = fs::canonical(BD_LARGE_WORKBOOK);
    const auto options = caller.cli({"validate", "--json", "--jobs", "1", large.string(), example_workbook().string()});
    bd::office::Process cli(options);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::optional<pid_t> office;
    while (!office && std::chrono::steady_clock::now() < deadline) {
        office = office_reading(caller.tmp.string(), large);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(office.has_value()) << "no office of the CLI ever opened " << large;
    ASSERT_EQ(::kill(*office, SIGKILL), 0);
    const auto status = cli.wait_for(std::chrono::minutes(3));
    ASSERT_TRUE(status.has_value()) << "the CLI did not finish";
    EXPECT_EQ(*status, 2) << read_file(options.error_output);
    const auto json = read_file(options.output);
    EXPECT_NE(json.find("its office crashed while validating it"), std::string::npos) << json.substr(0, 2000);
    EXPECT_NE(json.find(R"("validated":true)"), std::string::npos) << "the next file: " << json.substr(0, 2000);
    EXPECT_TRUE(entries_of(caller.tmp).empty()) << testing::PrintToString(entries_of(caller.tmp));
    EXPECT_TRUE(live_processes_with(caller.tmp.string()).empty());
}

// Two offices at once give what one gives: the same JSON, file for file, in the order given.
TEST(CliBatch, TheResultsDoNotDependOnTheNumberOfOffices) {
    const fs::path shanghai = fs::path(BD_SHARED_REFERENCE_DIR) / "shanghai";
    const std::vector<std::string> files{
        example_workbook().string(), (shanghai / "putuo-wanli-subdistrict-2024-department-budget.xlsx").string(),
        example_workbook().string(), (shanghai / "putuo-wanli-subdistrict-2023-department-budget.ods").string()};
    std::vector<std::string> one{BD_CLI, "validate", "--json", "--jobs", "1"};
    std::vector<std::string> two{BD_CLI, "validate", "--json", "--jobs", "2"};
    one.insert(one.end(), files.begin(), files.end());
    two.insert(two.end(), files.begin(), files.end());
    const auto by_one = run_program(one);
    const auto by_two = run_program(two);
    EXPECT_EQ(by_one.status, 1) << by_one.errors;
    EXPECT_EQ(by_two.status, 1) << by_two.errors;
    EXPECT_EQ(by_one.output, by_two.output);
    EXPECT_NE(by_one.output.find(R"("set":"shanghai")"), std::string::npos);
}

// --results DIR keeps one JSON per workbook and the batch's summary; a batch run again skips what
// is done (the same JSON), --force and a changed workbook validate again; --shard I/N takes every
// N-th file.
TEST(CliBatch, KeptResultsMakeABatchResumableAndReviewable) {
    const TempDir dir;
    const auto results = dir.path() / "results";
    const auto changed = dir.path() / "changed.ods";
    fs::copy_file(example_workbook(), changed);
    const auto shanghai =
        (fs::path(BD_SHARED_REFERENCE_DIR) / "shanghai" / "putuo-wanli-subdistrict-2024-department-budget.xlsx")
            .string();
    const auto run = [&](std::vector<std::string> more) {
        std::vector<std::string> argv{BD_CLI, "validate", "--json", "--results", results.string()};
        argv.insert(argv.end(), more.begin(), more.end());
        return run_program(argv);
    };
    const auto first = run({example_workbook().string(), shanghai, changed.string()});
    EXPECT_EQ(first.status, 1) << first.errors;
    const auto summary = read_file(results / "summary.csv");
    EXPECT_EQ(std::ranges::count(summary, '\n'), 4) << summary;
    EXPECT_NE(summary.find(shanghai + ",1,validated,1588,1548,2,1,1,28,8,"), std::string::npos) << summary;
    EXPECT_NE(read_file(results / "rules.csv").find("F.EXISTS,2\n"), std::string::npos)
        << read_file(results / "rules.csv");
    EXPECT_NE(read_file(results / "summary.html").find("<td>F.EXISTS<td>2"), std::string::npos);

    // Run again: nothing is validated, the kept results are the same JSON.
    const auto again = run({example_workbook().string(), shanghai, changed.string()});
    EXPECT_EQ(again.status, 1);
    EXPECT_EQ(again.output, first.output);
    EXPECT_EQ(std::ranges::count(read_file(results / "summary.csv"), '\n'), 4);
    EXPECT_NE(read_file(results / "summary.csv").find(shanghai + ",1,kept,1588,"), std::string::npos);

    // A workbook changed since is validated again; so is every one with --force.
    fs::last_write_time(changed, fs::file_time_type::clock::now() + std::chrono::seconds(5));
    run({example_workbook().string(), changed.string()});
    const auto after_change = read_file(results / "summary.csv");
    EXPECT_NE(after_change.find(example_workbook().string() + ",1,kept,"), std::string::npos) << after_change;
    EXPECT_NE(after_change.find(changed.string() + ",1,validated,"), std::string::npos) << after_change;
    run({"--force", example_workbook().string()});
    EXPECT_NE(read_file(results / "summary.csv").find(example_workbook().string() + ",1,validated,"),
              std::string::npos);

    // The second of every two files.
    const auto shard = run_program({BD_CLI, "validate", "--shard", "2/2", example_workbook().string(), shanghai});
    EXPECT_EQ(shard.output.find("== " + example_workbook().string()), std::string::npos) << shard.output;
    EXPECT_NE(shard.output.find("== " + shanghai), std::string::npos) << shard.output;
}

// The offices take the largest workbooks first, so that a batch does not end with one office on a
// big workbook while the others have nothing left: with one office, the large benchmark workbook
// given last is validated (and its result kept) before the example given first.
TEST(CliBatch, TheLargestWorkbooksAreTakenFirst) {
    const TempDir dir;
    const auto results = dir.path() / "results";
    const auto done = run_program({BD_CLI, "validate", "--jobs", "1", "--results", results.string(),
                                   example_workbook().string(), BD_LARGE_WORKBOOK});
    EXPECT_EQ(done.status, 1) << done.errors;
    std::map<std::string, fs::file_time_type> kept;  // the workbook's name → when its result was kept
    for (const auto& entry : fs::directory_iterator(results)) {
        const auto name = entry.path().filename().string();
        for (const auto* workbook : {"jinzhong-2023-", "large-2023-"}) {
            if (name.starts_with(workbook) && entry.path().extension() == ".json") {
                kept[workbook] = entry.last_write_time();
            }
        }
    }
    ASSERT_EQ(kept.size(), 2U) << testing::PrintToString(entries_of(results));
    EXPECT_LT(kept["large-2023-"], kept["jinzhong-2023-"]);
}
