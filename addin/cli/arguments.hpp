// The command line of budget-disclosure, read with Boost.Program_options.
#pragma once

#include "bd/report.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace bd::cli {

struct Arguments {
    std::string command;  // validate, publish, import-classification
    bool json = false;
    Language language = Language::English;
    std::filesystem::path oxt;
    std::filesystem::path profile;
    std::filesystem::path out;          // publish: where to write
    std::filesystem::path html;         // validate: also write the HTML report here
    std::filesystem::path prior;        // validate: last year's document
    int year = 0;                       // import-classification
    std::chrono::seconds timeout{600};  // validate: per file; 0 none
    int jobs = 1;                       // validate: offices at once (default: the cores)
    std::filesystem::path results;      // validate: keep one JSON per workbook here, and the summary
    bool force = false;                 // validate: validate again what has a newer kept result
    std::vector<std::filesystem::path> files;
};

/// What the command line asks for when it is not a run: the usage on standard output (--help,
/// exit 0), or a usage error (what is wrong and the usage, on standard error, exit 2).
struct Usage {
    bool asked = false;
    std::string problem;
};

/// The usage text: every command, its options and exit statuses.
extern const char usage_text[];

/// Reads the command line. `default_oxt` is the extension built with the program; the language
/// defaults to LANG's, the profile to the user's LibreOffice profile.
std::variant<Arguments, Usage> parse_arguments(int argc, const char* const* argv,
                                               const std::filesystem::path& default_oxt);

}  // namespace bd::cli
