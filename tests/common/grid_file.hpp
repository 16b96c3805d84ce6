// Workbooks as text for the unit tests: the values Calc computed for a workbook, one sheet after
// another ("#SHEET<TAB>name", then one line per row, cells separated by tabs: N:number, T:text,
// E: for an error, empty for an empty cell). tests/data/jinzhong-2023.grid is the example
// workbook as Calc computes it; the integration test Example.GridFileIsWhatCalcComputes keeps it
// true (regenerate it with format_grid_file when the template changes).
#pragma once

#include "bd/grid.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace bd::test {

std::vector<Grid> parse_grid_file(const std::string& text);
std::vector<Grid> read_grid_file(const std::filesystem::path& file);
std::string format_grid_file(const std::vector<Grid>& sheets);

}  // namespace bd::test
