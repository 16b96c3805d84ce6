// Shorthands for the unit tests: cells and how a function result reads.
#pragma once

#include "bd/cell.hpp"
#include "bd/figures.hpp"

#include <string>

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
