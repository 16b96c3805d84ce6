// The planner behind plan_workbook (plan.hpp), private to the builder. It first places everything
// (plan.cpp: the rows of each table's lines and open blocks, the cover's fields, the narrative's
// inputs), then writes each sheet over those places: table sheets (table_sheet.cpp, their
// columns' widths and page in column_widths.cpp), narrative text sheets with their charts
// (text_sheet.cpp), the cover and the performance forms (cover_forms.cpp). The formula compiler
// (formulas.cpp) turns the layout's expressions and titles into OpenFormula over the cells and
// references of cells.cpp.
#pragma once

#include "plan.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace bd::build::planning {

using layout::Block;
using layout::BlockKind;
using layout::Column;
using layout::ColumnKind;
using layout::Layout;
using layout::Line;
using layout::Side;
using layout::Table;
using layout::TextItem;
using layout::TextSheet;

// The prefix of the add-in's functions in a formula (its service name).
inline constexpr const char* add_in = "ORG.BUDGETDISCLOSURE.FUNCTIONS.";

// cells.cpp: references, literals and cells.
std::string cell_ref(const std::string& sheet, std::size_t row, std::size_t col);
std::string row_ref(const std::string& sheet, std::size_t row, std::size_t col);
std::string range_ref(const std::string& sheet, std::size_t row1, std::size_t col1, std::size_t row2, std::size_t col2);
std::string chart_range(const std::string& sheet, std::size_t row1, std::size_t col, std::size_t row2);
std::string string_literal(const std::string& text);
Cell text_cell(std::string text, Style style);
Cell formula_cell(std::string formula, Style style, bool text_result = false);
Cell input_cell(const std::string* value, Style style, bool number);

// column_widths.cpp
void column_widths(Sheet& sheet, const Table& table);
void form_widths(Sheet& sheet);

struct SidePlacement {
    std::size_t first_col = 0;
    std::map<std::string, std::size_t> line_rows;
    std::size_t block_first = 0;  // block rows [first, last]
    std::size_t block_last = 0;
    bool has_block = false;
};

struct TablePlan {
    const Table* table = nullptr;
    std::vector<SidePlacement> sides;
    std::size_t header_first = 0;
    std::size_t body_first = 0;
    std::size_t body_last = 0;
    std::size_t width = 0;
};

// One row of an open block as it will be written: a leaf row from the fill, or a 类/款 row the
// builder adds above its leaves (its amounts are SUMUNDER formulas).
struct BlockRow {
    std::string code;
    const FilledRow* filled = nullptr;
    bool subtotal = false;
};

class Planner {
public:
    Planner(const Layout& layout, const Fill* fill) : layout_(layout), fill_(fill) {}

    Workbook plan();

private:
    // ---- placement: where everything lands (before any formula is written) ---- (plan.cpp)

    void place_cover();
    std::vector<BlockRow> block_rows(const Table& table, const Block& block) const;
    void place_table(const Table& table);
    void place_text_inputs(const TextSheet& text);
    Sheet build_sheet(const std::string& name);

    // ---- references ---- (formulas.cpp)

    const TablePlan& table_plan(const std::string& id) const;
    std::size_t column_of(const TablePlan& plan, const Side& side, const std::string& key) const;
    const SidePlacement& side_placement(const TablePlan& plan, const Side& side) const;

    static constexpr std::size_t cover_value_col = 5;
    static constexpr std::size_t text_input_col = 6;

    std::string cover_ref(const std::string& key) const;

    // What an expression is written in: its table and row, or a text sheet.
    struct Where {
        const TablePlan* table = nullptr;
        const Side* side = nullptr;
        std::size_t row = 0;
        std::string code;  // the line's or row's code
        const TextSheet* text = nullptr;
    };

    struct Compiled {
        std::string formula;
        bool text = false;   // gives text, not a number
        bool array = false;  // must be entered as an array formula
        bool whole = false;  // a whole number (the year, a count)
    };

    const TablePlan& table_of(const expr::Path& path, const Where& where) const;
    Compiled path_ref(const expr::Path& path, const Where& where) const;
    std::string labels_of(const expr::Path& path, const Where& where) const;
    std::size_t label_column(const TablePlan& plan, const Side& side, const Line& line) const;
    Compiled compile(const expr::Expr& expression, const Where& where) const;
    Compiled compile_call(const expr::Call& call, const Where& where) const;
    std::string with_fields(const std::string& text) const;
    bool has_fields(const std::string& text) const;
    Cell caption(const std::string& text, Style style) const;

    // ---- sheets ----

    // cover_forms.cpp
    const std::string* fill_cover(const std::string& key) const;
    Sheet cover_sheet() const;

    // table_sheet.cpp
    Sheet table_sheet(const Table& table) const;
    void header(Sheet& sheet, const TablePlan& plan) const;
    Cell amount_cell(const TablePlan& plan, const Side& side, const Column& column, const Line& line,
                     std::size_t row) const;
    void body(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed) const;
    void block_row(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed,
                   const BlockRow& block_row, std::size_t row) const;

    // text_sheet.cpp
    const std::string* fill_input(const TextSheet& text, const std::string& key) const;
    Sheet text_sheet(const TextSheet& text) const;
    Cell paragraph(const TextItem& item, const Where& where) const;
    Chart chart(Sheet& sheet, const TextItem& item, std::size_t row, std::size_t& data_col) const;
    void chart_data(Sheet& sheet, Chart& chart, const expr::Path& path, std::size_t data_col) const;
    void list(Sheet& sheet, const TextSheet& text, const TextItem& item, std::size_t& row) const;

    // ---- performance forms ---- (cover_forms.cpp)

    Sheet forms_sheet(const layout::Forms& forms) const;
    std::size_t performance_form(Sheet& sheet, std::size_t row, const FilledForm* form, const std::string& name_formula,
                                 const std::string& projects, std::size_t total_offset) const;

    const Layout& layout_;
    const Fill* fill_;
    std::map<std::string, std::size_t> cover_rows_;
    std::map<std::string, std::size_t> input_rows_;
    std::map<std::string, TablePlan> tables_;
    std::map<std::string, std::vector<BlockRow>> block_plans_;
};

}  // namespace bd::build::planning
