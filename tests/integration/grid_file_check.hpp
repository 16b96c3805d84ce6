// The grid files in tests/data (tests/common/grid_file.hpp) are what the unit tests see of real
// workbooks without LibreOffice. Each is kept true by an integration test that reads its workbook
// in Calc and compares: on a difference the test fails and writes what Calc read to
// /tmp/<grid file's name>.<workbook's extension>.grid (/tmp/shanghai-putuo-2023.xlsx.grid),
// ready to replace the stored file.
#pragma once

#include "bd/grid.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace bd::test {

/// The cells where two workbooks' values differ ("sheet!B7: stored N:1.6, read T:1.60"), and any
/// difference in their sheets' number or names. Empty cells and cells beyond a sheet's used area
/// are the same thing; numbers are equal within 1e-9.
std::vector<std::string> grid_differences(const std::vector<Grid>& stored, const std::vector<Grid>& read);

/// Loads `workbook` in the test office (read-only, recalculated) and expects its values to be the
/// grid file `stored`; on a difference writes Calc's grid to /tmp and fails, naming the first
/// differing cells.
void expect_grid_file_is_what_calc_reads(const std::filesystem::path& workbook, const std::filesystem::path& stored);

}  // namespace bd::test
