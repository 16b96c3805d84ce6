// The validate command's batch: every workbook validated in a headless office with the extension,
// by N offices at once (--jobs), each file under a timeout; a file that crashes or hangs its office
// is reported for itself and the next file gets a new office.
#pragma once

#include "arguments.hpp"
#include "bd/report.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bd::cli {

/// A result kept from an earlier run (--results) and not validated again.
struct KeptResult {
    std::filesystem::path from;  // the result file
    std::string json;            // its object, as `validate --json` lists a file
    int exit_code = 0;
    Summary summary;
    std::vector<std::string> failing_rules;  // the rules with a failed outcome, once each
};

struct FileResult {
    std::filesystem::path file;
    std::optional<std::string> failure;  // why it could not be validated
    bool validated = false;
    Validation validation;
    std::optional<KeptResult> kept;

    [[nodiscard]] Verdict verdict() const {
        if (kept) {
            return static_cast<Verdict>(kept->exit_code);
        }
        return failure ? Verdict::CouldNotRun : verdict_of(validation);
    }
};

/// Validates args.files with `jobs` offices given the imported classification `editions`; the
/// results in the order of the files, whatever the number of offices.
std::vector<FileResult> validate_all(const Arguments& args, const std::filesystem::path& editions);

}  // namespace bd::cli
