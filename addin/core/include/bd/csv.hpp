// Comma-separated tables as a grid, read here rather than by Calc: Calc stops at its last row
// (1,048,576), a table read here has all of its rows.
#pragma once

#include "bd/grid.hpp"

#include <string>
#include <string_view>

namespace bd {

/// RFC 4180 text (UTF-8, an optional byte-order mark; fields separated by commas, a field in
/// double quotes may hold commas, line breaks and "" for a quote; lines end in LF or CRLF) as a
/// grid of text cells, as wide as its widest line; empty fields are empty cells.
Grid grid_of_csv(std::string_view text, std::string name);

}  // namespace bd
