// Shorthands for the unit tests: cells and how a function result reads.
#pragma once

#include "bd/cell.hpp"
#include "bd/figures.hpp"
#include "bd/grid.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace bd::test {

inline CellValue N(double v) {
    return CellValue::of_number(v);
}
inline CellValue T(const char* s) {
    return CellValue::of_text(s);
}
inline CellValue E() {
    return CellValue::empty();
}
inline CellValue ERR() {
    return CellValue::of_error("#N/A");
}

/// A sheet from rows of cells (short rows are padded with empty cells).
inline Grid sheet_of(std::string name, const std::vector<std::vector<CellValue>>& rows) {
    Grid grid;
    grid.name = std::move(name);
    grid.rows = rows.size();
    for (const auto& row : rows) {
        grid.cols = std::max(grid.cols, row.size());
    }
    for (const auto& row : rows) {
        grid.cells.insert(grid.cells.end(), row.begin(), row.end());
        grid.cells.resize(grid.cells.size() + grid.cols - row.size());
    }
    return grid;
}

/// A function result as Calc would show it: its error value, or its value shown by `show_value`.
template <typename Value, typename Show>
std::string shown(const FunctionResult<Value>& result, Show show_value) {
    if (const auto* error = std::get_if<FunctionError>(&result)) {
        switch (*error) {
            case FunctionError::DivisionByZero: return "#DIV/0!";
            case FunctionError::Value: return "#VALUE!";
            case FunctionError::NotAvailable: return "#N/A";
        }
    }
    return show_value(std::get<Value>(result));
}

}  // namespace bd::test
