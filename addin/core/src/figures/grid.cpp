#include "bd/grid.hpp"

#include <algorithm>

namespace bd {

void mark_formulas(Grid& grid, const std::vector<CellBlock>& blocks) {
    if (blocks.empty()) {
        return;
    }
    grid.formulas.resize(grid.cells.size(), 0);
    for (const auto& block : blocks) {
        for (auto row = block.first_row; row <= block.last_row && row < grid.rows; ++row) {
            const auto first = grid.formulas.begin() + static_cast<std::ptrdiff_t>(row * grid.cols);
            std::fill(first + static_cast<std::ptrdiff_t>(std::min(block.first_col, grid.cols)),
                      first + static_cast<std::ptrdiff_t>(std::min(block.last_col + 1, grid.cols)), 1);
        }
    }
}

std::string cell_address(std::size_t row, std::size_t col) {
    std::string letters;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

}  // namespace bd
