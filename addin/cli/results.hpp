// A batch's results kept on disk (--results DIR): one JSON per workbook, written as soon as it is
// validated, so that a batch stopped midway resumes where it was; a workbook whose result is newer
// than the file is not validated again (unless --force). And the batch's summary: per file its
// status and counts (summary.csv), per rule how many files fail it (rules.csv), both in
// summary.html.
#pragma once

#include "batch.hpp"

#include <filesystem>
#include <vector>

namespace bd::cli {

/// Where a workbook's result is kept: its name and a hash of its full path (two files of one name
/// in different folders keep apart).
std::filesystem::path result_file(const std::filesystem::path& dir, const std::filesystem::path& workbook);

/// The JSON object of one file's result (as `validate --json` lists it).
void write_result(JsonWriter& json, const FileResult& result);

/// The kept result of a workbook, if it is newer than the workbook and readable.
std::optional<FileResult> kept_result(const std::filesystem::path& dir, const std::filesystem::path& workbook);

/// Keeps a file's result (written under a temporary name and renamed: never half a file).
void keep_result(const std::filesystem::path& dir, const FileResult& result);

/// Writes summary.csv, rules.csv and summary.html of the results into dir.
void write_summary(const std::filesystem::path& dir, const std::vector<FileResult>& results);

}  // namespace bd::cli
