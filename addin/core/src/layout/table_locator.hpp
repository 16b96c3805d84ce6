// How one table is read below its title (bd/locate.hpp): unit, columns, lines, blocks, notes. Private
// to the layout layer; the work is split by what it finds: locate_columns.cpp (unit, header,
// columns), locate_lines.cpp (row labels, fixed and class lines, rows no line takes, notes),
// locate_blocks.cpp (coded and named rows).
#pragma once

#include "bd/locate.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bd::locating {

// How far below its title a table's header may reach.
inline constexpr std::size_t header_depth = 10;

const std::string& text_of(const CellValue& cell);
// A note saying the table is empty (data/empty_notes.tsv), compared without quotes and spaces.
bool says_empty(const std::string& comparable);
bool is_note(const std::string& comparable);
// Whether the cell holds an amount (a number, or text that reads as one).
bool holds_amount(const CellValue& cell);
// A column's header or a line's label as the recognition names what a table lacks: as the layout
// writes it, its fields ({year}) shown as "…" ("…年预算数").
std::string shown_name(const std::string& pattern);

// The texts a column's, line's or title's alternatives are compared with: exact, or — for a
// pattern with fields ("{year}年预算数") — the text after the fields, which a document's
// "2023年预算数" ends with.
struct Wanted {
    std::vector<std::string> exact;
    std::vector<std::string> tails;
    [[nodiscard]] bool matches(const std::string& comparable) const;
    [[nodiscard]] bool empty() const { return exact.empty() && tails.empty(); }
};
Wanted wanted(const std::string& primary, const std::vector<std::string>& also);

// The comparable text of the cells of a few rows, computed once.
class RowTexts {
public:
    RowTexts(const Grid& grid, std::size_t first, std::size_t end);
    [[nodiscard]] const std::string& at(std::size_t row, std::size_t col) const;
    [[nodiscard]] std::size_t first() const { return first_; }
    [[nodiscard]] std::size_t end() const { return end_; }

private:
    const Grid& grid_;
    std::size_t first_;
    std::size_t end_ = 0;
    std::vector<std::string> texts_;
};

// Where a row's label is, and the label compared.
struct RowLabel {
    std::size_t row = 0;
    std::size_t col = 0;
    std::string text;  // comparable
};

class TableLocator {
public:
    TableLocator(const layout::Table& table, const Grid& grid, std::size_t rows_end, const layout::Layout& layout,
                 const Edition& edition, LocatedTable& located)
        : table_(table),
          grid_(grid),
          rows_end_(std::min(rows_end, grid.rows)),
          layout_(layout),
          edition_(edition),
          located_(located),
          head_(grid, located.title_row ? *located.title_row + 1 : 0,
                (located.title_row ? *located.title_row + 1 : 0) + header_depth) {}

    void locate();

private:
    /// A cell text's comparable form (comparable_label), made once per distinct text of the table:
    /// a table's rows are read for their labels, their notes and their codes, and names repeat.
    /// `text` must be a cell's text of the grid: the memo keeps a view of it as its key.
    const std::string& comparable(const std::string& text);

    // locate_columns.cpp
    void unit();
    void columns();
    [[nodiscard]] std::size_t split_at(std::size_t row, std::size_t col) const;
    void body_start();
    [[nodiscard]] bool column_numbers(std::size_t row) const;
    [[nodiscard]] std::pair<std::size_t, std::size_t> side_span(const layout::Side& side) const;
    [[nodiscard]] bool has_amounts(const layout::Side& side, std::size_t row, bool nonzero = false) const;
    void more_columns(const layout::Side& side);
    void extent();

    // locate_lines.cpp
    [[nodiscard]] std::optional<std::pair<std::size_t, std::string>> row_label(const layout::Side& side,
                                                                               std::size_t row);
    const std::vector<RowLabel>& labels(const layout::Side& side);
    const RowLabel& label_of(const layout::Side& side, std::size_t row);
    const std::string& label_at(const layout::Side& side, std::size_t row);
    std::optional<std::size_t> shared_row(const layout::Side& side, const Wanted& w);
    void take(const layout::Side& side, const layout::Line& line, std::size_t row, std::string former = {});
    void lines(const layout::Side& side);
    void coded_lines(const layout::Side& side);
    void unclaimed(const layout::Side& side);
    void empty_note();

    // locate_blocks.cpp
    struct BlockColumns {
        std::size_t code = std::string::npos;
        const std::vector<std::size_t>* parts = nullptr;  // 类 | 款 | 项 columns of a split code
        std::size_t name = std::string::npos;
    };
    void block(const layout::Side& side);
    std::vector<LocatedRow> block_rows(const layout::Side& side, const BlockColumns& columns);

    const layout::Table& table_;
    const Grid& grid_;
    std::size_t rows_end_;
    const layout::Layout& layout_;
    const Edition& edition_;
    LocatedTable& located_;
    RowTexts head_;
    std::size_t header_last_ = 0;
    std::map<std::string, std::set<std::size_t>> taken_;            // side → rows its lines and block took
    std::map<std::string, std::vector<RowLabel>> labels_;           // side → its rows' labels
    std::optional<std::string> shared_key_;                         // the line shared_row() found
    std::unordered_map<std::string_view, std::string> comparable_;  // a cell's text → comparable()
};

}  // namespace bd::locating
