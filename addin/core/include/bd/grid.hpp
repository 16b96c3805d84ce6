// A sheet's used area as the core sees it: read from Calc in one bulk call by the UNO shell.
#pragma once

#include "bd/cell.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace bd {

struct Grid {
    std::string name;  // the sheet's name
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<CellValue> cells;  // row-major, rows × cols

    [[nodiscard]] const CellValue& at(std::size_t row, std::size_t col) const { return cells[row * cols + col]; }
};

/// "A1" address of a zero-based row and column ("AA10" for row 9, column 26).
std::string cell_address(std::size_t row, std::size_t col);

}  // namespace bd
