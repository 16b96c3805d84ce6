// Reads an official classification table (政府收支分类科目) that a finance bureau distributes,
// as a sheet: code and name columns found by their headers (科目编码 / 科目名称), or split
// 类 / 款 / 项 columns. A table with problems is refused whole, with the first problems listed.
#pragma once

#include "bd/catalog.hpp"
#include "bd/function_specs.hpp"
#include "bd/grid.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bd {

struct ImportResult {
    std::optional<Edition> edition;       // set when the table is accepted
    std::vector<LocalizedText> problems;  // why it is refused (at most `max_problems`)
};

inline constexpr std::size_t max_import_problems = 10;

ImportResult parse_classification_table(const Grid& sheet, int year, const std::string& source);

/// An edition as text (the format the profile stores and parse_classification_table reads back).
std::string edition_to_tsv(const Edition& edition);

}  // namespace bd
