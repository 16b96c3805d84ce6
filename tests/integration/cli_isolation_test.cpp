// What the CLI leaves behind and what of the caller it touches: nothing. The office it starts gets
// a home, a TMPDIR and XDG folders of its own (inside its temporary directory, removed at the end),
// whatever the caller's are; unopkg's and soffice's temporary files (lu*.tmp) go there too.
#include "bd/office.hpp"
#include "harness.hpp"

#include <gtest/gtest.h>

using namespace bd::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> entries_of(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

}  // namespace

TEST(CliIsolation, NothingIsLeftInTmpdirAndTheCallersHomeIsNotTouched) {
    const TempDir caller;
    const auto tmp = caller.path() / "tmp";
    const auto home = caller.path() / "home-that-does-not-exist";
    const auto config = caller.path() / "config";
    fs::create_directories(tmp);
    fs::create_directories(config);
    if (geteuid() == 0) {  // the office runs as an unprivileged user: it must reach and write its folder
        fs::permissions(caller.path(), fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
        fs::permissions(tmp, fs::perms::all);
    }
    bd::office::ProcessOptions options;
    options.argv = {BD_CLI, "validate", "--lang", "en", example_workbook().string()};
    options.extra_env = {"TMPDIR=" + tmp.string(), "HOME=" + home.string(), "XDG_CONFIG_HOME=" + config.string()};
    options.output = caller.path() / "stdout";
    options.error_output = caller.path() / "stderr";
    const int status = bd::office::run(options, std::chrono::minutes(5));
    EXPECT_EQ(status, 1) << read_file(options.error_output);
    EXPECT_NE(read_file(options.output).find("Recognized as Shanxi"), std::string::npos);
    EXPECT_TRUE(entries_of(tmp).empty()) << "left in TMPDIR: " << testing::PrintToString(entries_of(tmp));
    EXPECT_FALSE(fs::exists(home)) << "the caller's missing home was created";
    EXPECT_TRUE(entries_of(config).empty()) << testing::PrintToString(entries_of(config));
}
