// The CLI against what a bureau's batch throws at it. What it leaves behind and what of the caller
// it touches: nothing — the office it starts gets a home, a TMPDIR and XDG folders of its own
// (inside its temporary directory, removed at the end), whatever the caller's are; unopkg's and
// soffice's temporary files (lu*.tmp) go there too. File names as they come: bytes that are not
// UTF-8 (GBK names from a zip made on Windows) open, and the JSON stays valid UTF-8.
#include "bd/office.hpp"
#include "harness.hpp"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

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
