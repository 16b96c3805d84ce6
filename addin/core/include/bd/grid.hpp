// A sheet's used area as the core sees it: read from Calc in one bulk call by the UNO shell.
#pragma once

#include "bd/cell.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bd {

struct Grid {
    std::string name;  // the sheet's name
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<CellValue> cells;  // row-major, rows × cols
    /// Which cells hold a formula (row-major like cells, 1 for a formula); empty when none does or
    /// it is not known (a workbook typed plainly, a grid file): every cell is then an input.
    std::vector<std::uint8_t> formulas = {};

    [[nodiscard]] const CellValue& at(std::size_t row, std::size_t col) const { return cells[row * cols + col]; }
    /// Whether the cell is computed by a formula rather than typed (an input).
    [[nodiscard]] bool is_formula(std::size_t row, std::size_t col) const {
        return !formulas.empty() && row < rows && col < cols && formulas[row * cols + col] != 0;
    }
};

/// A rectangle of cells, zero-based and inclusive, as Calc lists the cells a query finds.
struct CellBlock {
    std::size_t first_row = 0;
    std::size_t first_col = 0;
    std::size_t last_row = 0;
    std::size_t last_col = 0;
};

/// Marks the cells of the blocks (those inside the grid) as formula cells.
void mark_formulas(Grid& grid, const std::vector<CellBlock>& blocks);

/// "A1" address of a zero-based row and column ("AA10" for row 9, column 26).
std::string cell_address(std::size_t row, std::size_t col);

}  // namespace bd
