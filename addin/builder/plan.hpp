// The template (or a filled example) as sheets of cells, planned from a layout definition:
// where every table, line, block and column lands, and what each cell holds — a caption, an
// input (empty or filled) or a formula (OpenFormula, `of:=` syntax) that computes it.
// UNO-free: the ODF writer turns the plan into a spreadsheet file.
#pragma once

#include "bd/layout.hpp"
#include "fill.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bd::build {

/// The named cell styles of the templates (styles.xml holds them under these names).
enum class Style : std::uint8_t {
    Default,
    Number,  // 预算公开表N
    Title,   // the table's title
    Info,    // 单位名称：… / 单位：万元
    InfoRight,
    Header,           // column headers
    Label,            // fixed line labels, names
    Code,             // a computed code or name
    Amount,           // a computed amount
    InputAmount,      // an amount the user types
    InputText,        // a text (code, name, project) the user types
    Note,             // 注：本表无数据
    Heading,          // a narrative heading
    Paragraph,        // a narrative paragraph (computed)
    FormLabel,        // performance form captions
    FormText,         // a computed form value
    FormInput,        // a form value the user types
    FormAmount,       // a computed form amount (元)
    FormInputAmount,  // a form amount (元) the user types
    InputLabel,       // the caption of a narrative input
    ChartData,        // the compacted data a chart reads (not printed)
};

struct Cell {
    enum class Kind : std::uint8_t { Empty, Text, Number, Formula };
    Kind kind = Kind::Empty;
    std::string value;   // text, number as written, or formula without "of:="
    bool array = false;  // an array formula (one cell)
    bool text_result = false;
    Style style = Style::Default;
    int colspan = 1;
    int rowspan = 1;
};

struct Chart {
    std::string title;
    std::string labels;  // cell range addresses (ODF, space-separated)
    std::string values;
    std::size_t row = 0;  // anchored to the cells row × [col, end_col], a row of its own
    std::size_t col = 0;
    std::size_t end_col = 0;
};

struct Sheet {
    std::string name;
    std::vector<std::vector<Cell>> rows;
    std::vector<double> widths_cm;
    std::optional<std::pair<std::size_t, std::size_t>> repeat_rows;  // header rows printed on each page
    bool landscape = false;
    std::optional<std::pair<std::size_t, std::size_t>> print_columns;  // printed columns (first, last)
    std::size_t print_first_row = 0;                                   // rows above it are not printed
    std::vector<std::size_t> page_breaks;                              // rows that start a page
    std::map<std::size_t, double> row_heights_cm;  // rows of a fixed height (a chart's); others fit their text
    std::vector<Chart> charts;

    Cell& at(std::size_t row, std::size_t col);
};

struct Workbook {
    std::string title;
    std::vector<Sheet> sheets;
};

/// Plans the template of `layout`; with `fill`, the filled workbook (the example).
Workbook plan_workbook(const layout::Layout& layout, const Fill* fill);

}  // namespace bd::build
