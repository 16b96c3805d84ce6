// The vocabulary the planner writes sheets in: cell references as OpenFormula writes them (absolute,
// or with the row relative for a cell of the same row), cell ranges as charts address them, string
// literals, and the three kinds of cell it fills (a caption, a formula, an input empty or filled).
#include "planner.hpp"

namespace bd::build::planning {

namespace {

std::string column_letters(std::size_t col) {
    std::string letters;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

std::string quoted_sheet(const std::string& sheet) {
    std::string out = "$'";
    for (const char c : sheet) {
        out += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return out + "'";
}

}  // namespace

std::string cell_ref(const std::string& sheet, std::size_t row, std::size_t col) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col) + "$" + std::to_string(row + 1) + "]";
}

// A cell of the same row: the row relative, so that a row copied or filled down refers to itself.
std::string row_ref(const std::string& sheet, std::size_t row, std::size_t col) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col) + std::to_string(row + 1) + "]";
}

std::string range_ref(const std::string& sheet, std::size_t row1, std::size_t col1, std::size_t row2,
                      std::size_t col2) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col1) + "$" + std::to_string(row1 + 1) + ":.$" +
           column_letters(col2) + "$" + std::to_string(row2 + 1) + "]";
}

// The plain range address a chart uses: $'sheet'.$A$1:.$A$9.
std::string chart_range(const std::string& sheet, std::size_t row1, std::size_t col, std::size_t row2) {
    return quoted_sheet(sheet) + ".$" + column_letters(col) + "$" + std::to_string(row1 + 1) + ":.$" +
           column_letters(col) + "$" + std::to_string(row2 + 1);
}

std::string string_literal(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

Cell text_cell(std::string text, Style style) {
    return {Cell::Kind::Text, std::move(text), false, false, style, 1, 1};
}
Cell formula_cell(std::string formula, Style style, bool text_result) {
    return {Cell::Kind::Formula, std::move(formula), false, text_result, style, 1, 1};
}
Cell input_cell(const std::string* value, Style style, bool number) {
    if (value == nullptr || value->empty()) {
        return {Cell::Kind::Empty, {}, false, false, style, 1, 1};
    }
    return {number ? Cell::Kind::Number : Cell::Kind::Text, *value, false, false, style, 1, 1};
}

}  // namespace bd::build::planning
