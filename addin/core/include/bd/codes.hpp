// Classification codes (政府收支分类科目编码) as documents write them — the one place that reads
// a code from a cell. 类 3 digits, 款 5, 项 7 (economic codes stop at 款); a code's parent is its
// prefix (2240106 → 22401 → 224). Documents write them as numbers or text, with full-width
// digits, together with the name in one cell ("2040601 行政运行"), or split into 类 | 款 | 项
// columns of 3, 2 and 2 digits (a 款 typed as the number 02 shows as 2).
#pragma once

#include "bd/cell.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bd {

/// A code cell read: the leading digits and the text after them in the same cell.
struct CodeCell {
    std::string digits;  // "2040601"
    std::string rest;    // "行政运行" (normalized), or empty
};

/// The digits a cell starts with (a whole number, or text whose digits come first, optionally
/// followed by a name); nullopt for a cell that does not start with a digit.
std::optional<CodeCell> read_code(const CellValue& cell);

/// A code of 3, 5 or 7 digits: a cell that holds only such a code (a number or text with spaces
/// or full-width digits); nullopt otherwise.
std::optional<std::string> normalize_code(const CellValue& cell);

/// Whether the digits have the length of a 类, 款 or 项 code.
bool is_code_length(std::string_view digits);

/// The code of a row whose code is split into 类 | 款 | 项 cells: "212" + "1" + "" → "21201"
/// (one-digit parts are zero-padded, as a number cell drops the zero); nullopt when a part is
/// not made of digits or the 类 is missing.
std::optional<std::string> join_code_parts(std::string_view class_part, std::string_view item_part,
                                           std::string_view sub_item_part);

/// A code's parents, 类 first: 2240106 → 224, 22401 (none for a 类).
std::vector<std::string> parent_codes(std::string_view code);

/// "类", "款" or "项" by the code's length.
std::string_view level_name(std::string_view code);

}  // namespace bd
