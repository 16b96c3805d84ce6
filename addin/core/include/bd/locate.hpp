// Finding a layout's tables in a workbook as real documents have them: by their titles, column
// headers, line labels and codes — the texts a reader sees — never by fixed cell addresses. A
// workbook made from our template, one with rows inserted, one typed by hand from a published
// PDF, one exported by a budget system and one of another edition of the set are all read the
// same way: titles after normalization (bd/titles.hpp) and with their alternatives, headers over
// several rows, codes in one column, with their name in one cell, split into 类 | 款 | 项 columns
// or absent (rows placed by their names through the classification), 合计 in any column, the
// table's own unit line. The result is the table model the rules run on.
#pragma once

#include "bd/catalog.hpp"
#include "bd/grid.hpp"
#include "bd/layout.hpp"
#include "bd/units.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bd {

struct LocatedRow {
    std::size_t row = 0;
    /// The row's code: its digits (a malformed one as written); for a row placed by its name whose
    /// name the classification lacks, its parent's code followed by '~' and its row (see by_name).
    std::string code;
    std::string label;     // the row's name, comparable (bd/titles.hpp)
    bool by_name = false;  // the table has no codes: the code was found from the name
    [[nodiscard]] bool placed_by_position() const { return code.find('~') != std::string::npos; }
};

/// A line of the layout found in the table.
struct LocatedLine {
    std::size_t row = 0;        // the row of its amounts
    std::size_t label_row = 0;  // the row of its label (the row above, for a label wrapped onto a row of its own)
    std::size_t label_col = 0;
    std::string written;  // the label as written (for a class line: the class's name in this table)
    /// A class line found by a name the classification gave the class in an earlier edition
    /// (医疗卫生与计划生育支出 for 210 卫生健康支出): that name.
    std::string former_name;
};

/// A row of a table's body that no line or block of the layout takes, though it holds amounts.
struct UnclaimedRow {
    std::size_t row = 0;
    std::size_t col = 0;  // where its label is
    std::string side;
    std::string label;  // as written
};

struct LocatedTable {
    const layout::Table* table = nullptr;
    std::size_t sheet = 0;                 // index into the workbook's sheets
    std::optional<std::size_t> title_row;  // none: the title is only the sheet's name
    std::string found_as;                  // the title as written, or the sheet's name
    std::size_t first_body_row = 0;
    std::size_t last_row = 0;                    // the table's last row (before the next table, or the sheet's end)
    std::size_t last_col = 0;                    // its last column with content
    const Unit* unit = nullptr;                  // the unit its figures are in
    bool unit_stated = false;                    // the table states it (单位：元), else the layout's
    std::map<std::string, std::size_t> columns;  // "side/column" → column index
    /// "side/column" → the 类, 款 (and 项) columns of a code column split in parts.
    std::map<std::string, std::vector<std::size_t>> code_parts;
    /// "side" → the further amount columns a "*" column stands for: (header as written, column).
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> more_columns;
    std::map<std::string, LocatedLine> lines;               // line key → where
    std::map<std::string, std::vector<LocatedRow>> blocks;  // block key → rows in order
    std::vector<UnclaimedRow> unclaimed;
    std::vector<std::string> missing;          // columns and lines the layout declares but the sheet lacks
    std::vector<std::string> absent_optional;  // "side/column" keys of optional columns the table leaves out
    std::optional<std::pair<std::size_t, std::size_t>> empty_note;  // a note saying it is empty: (row, col)

    /// The row the table starts at: its title's, else its first.
    [[nodiscard]] std::size_t top_row() const { return title_row.value_or(0); }
    [[nodiscard]] std::optional<std::size_t> column(const std::string& side, const std::string& key) const;
    [[nodiscard]] std::optional<std::size_t> line_row(const std::string& key) const;
    [[nodiscard]] bool is_absent_optional(const std::string& side, const std::string& key) const;
};

/// Where the title of a table (or a text section) was seen.
struct TitleHit {
    std::size_t sheet = 0;
    std::optional<std::size_t> row;  // none: the sheet's name
    std::size_t col = 0;
    std::string written;
};

struct LocatedWorkbook {
    const layout::Layout* layout = nullptr;
    std::vector<LocatedTable> tables;         // in the layout's order, found ones only
    std::vector<std::string> missing_tables;  // ids of tables not found
    std::map<std::string, TitleHit> texts;    // text section id → where its title is
    /// The first located instance of a table, or nullptr.
    [[nodiscard]] const LocatedTable* table(std::string_view id) const;
    /// Every located instance of a table (several for a table found "anywhere").
    [[nodiscard]] std::vector<const LocatedTable*> instances(std::string_view id) const;
};

/// Reads the structure of one table below its title: unit, columns, lines, blocks, notes.
/// `rows_end` is the first row after the table's region.
LocatedTable locate_table(const layout::Table& table, const Grid& grid, std::size_t sheet_index, const TitleHit& title,
                          std::size_t rows_end, const layout::Layout& layout, const Edition& edition);

/// How many of the table's columns a region's first rows show as headers: how much the rows
/// below a title look like that table (a table of contents' entry shows none).
std::size_t header_matches(const layout::Table& table, const Grid& grid, std::size_t first_row, std::size_t rows_end);

}  // namespace bd
