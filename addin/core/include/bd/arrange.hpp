// Arranging a coded table as an accountant fills it: the user types 项 codes (or picks a name) and
// amounts in any order and in any empty row; arranging sorts the rows by code, adds the missing
// 类/款 rows with the classification's names, gives every row that has rows under it subtotal
// formulas (BUDGET.SUMUNDER over the rows below it, as the template builder writes them), fills
// the missing names of typed codes, moves the blank rows below the last one and keeps every value
// the user typed. UNO-free: the plan says, row by row, which row's cells go where and what is
// written; the Calc shell carries it out in one undo step.
#pragma once

#include "bd/catalog.hpp"
#include "bd/grid.hpp"
#include "bd/locate.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bd::arrange {

/// The rows and columns of one coded block as it stands in its sheet: from below the lines above
/// it (合计) down to the row before the next line, note or the table's end, its blank rows included.
struct Region {
    std::string table;  // the layout's table id (T3)
    std::string side;   // the side's key
    layout::BlockKind kind = layout::BlockKind::Functional;
    std::size_t sheet = 0;
    std::size_t first_row = 0;
    std::size_t last_row = 0;
    std::size_t first_col = 0;  // the side's columns
    std::size_t last_col = 0;
    std::size_t code_col = 0;
    std::optional<std::size_t> name_col;
    std::vector<std::size_t> amount_cols;
    std::vector<std::size_t> text_cols;  // further columns the user types text in (政府预算支出经济科目名称)

    [[nodiscard]] std::size_t rows() const { return last_row - first_row + 1; }
};

/// Every coded block of the located tables that can be arranged (codes in one column; a table
/// printed with its codes split into 类 | 款 | 项 columns or without codes is read, not arranged).
std::vector<Region> coded_regions(const LocatedWorkbook& workbook, const std::vector<Grid>& sheets);

/// One row of the arranged block, top to bottom.
struct Target {
    /// The region's row (sheet row) whose cells come here: an entry, a blank row, or the blank row
    /// a new 类/款 row is made from (its formulas and formats); none: a row the block lacked (its
    /// cells are cleared, then written).
    std::optional<std::size_t> source;
    std::string code;                     // written into the code cell (a new 类/款 row, a picked name's code)
    std::string name;                     // written into an empty name cell
    std::vector<std::size_t> sum_cols;    // amount columns given BUDGET.SUMUNDER over the rows below
    std::vector<std::size_t> plain_cols;  // amount columns whose subtotal formula goes (no rows below any more)
    [[nodiscard]] bool subtotal() const { return !sum_cols.empty(); }
};

/// Something the user should know about the arrangement.
struct Note {
    enum class Kind : std::uint8_t {
        TypedSubtotal,  // a row with rows under it holds typed amounts: kept, not replaced by sums
        AmbiguousName,  // a name without code that several codes have
        UnknownName,    // a name without code that the classification lacks
        Malformed,      // a code of no 类/款/项 length: left after the coded rows
        UnknownCode,    // a code the classification lacks
    };
    Kind kind = Kind::Malformed;
    std::size_t row = 0;  // the sheet row it was in before arranging
    std::string text;     // the code or name
};

struct Plan {
    Region region;
    std::vector<Target> rows;  // as many as the region's rows, or more: the extra are inserted
    std::vector<Note> notes;
    std::size_t added = 0;  // 类/款 rows the block lacked
    /// Whether carrying out the plan changes nothing (the block is arranged already).
    bool unchanged = false;
    [[nodiscard]] std::size_t inserted() const { return rows.size() - region.rows(); }
};

/// How the sheet's cells of a region were written (what Calc's getFormulaArray gives): a formula
/// starts with '='. Row-major over the region's rows and columns; empty when unknown (a grid file:
/// every cell is then as typed).
using Formulas = std::vector<std::string>;

/// The plan that arranges the region of `sheet`, with the classification `edition`.
Plan plan_region(const Region& region, const Grid& sheet, const Formulas& formulas, const Edition& edition);

/// The formula of a subtotal's amount at (row, col) of an arranged region: the sum of the rows
/// below it that are under its code, in Calc's API grammar (English names, ';').
std::string subtotal_formula(const Region& region, std::size_t row, std::size_t col);

}  // namespace bd::arrange
