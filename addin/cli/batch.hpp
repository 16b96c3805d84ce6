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

struct FileResult {
    std::filesystem::path file;
    std::optional<std::string> failure;  // why it could not be validated
    bool validated = false;
    Validation validation;

    [[nodiscard]] Verdict verdict() const { return failure ? Verdict::CouldNotRun : verdict_of(validation); }
};

/// Validates args.files with `jobs` offices given the imported classification `editions`; the
/// results in the order of the files, whatever the number of offices.
std::vector<FileResult> validate_all(const Arguments& args, const std::filesystem::path& editions);

}  // namespace bd::cli
