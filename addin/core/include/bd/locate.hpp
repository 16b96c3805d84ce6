// Finding a layout's tables in a workbook: by their titles, column headers and line labels — the
// texts a reader sees — never by fixed cell addresses, so a workbook made from our template, one
// with rows inserted, and one typed by hand or converted from another program are all read the
// same way. The result is the table model the rules run on.
#pragma once

#include "bd/grid.hpp"
#include "bd/layout.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bd {

struct LocatedRow {
    std::size_t row = 0;
    std::string code;   // the row's code as written (coded blocks), normalized to digits when it is one
    std::string label;  // the row's label or name, normalized
};

struct LocatedTable {
    const layout::Table* table = nullptr;
    std::size_t sheet = 0;         // index into the workbook's sheets
    std::size_t title_row = 0;
    std::size_t first_body_row = 0;
    std::size_t last_row = 0;      // the table's last row (before the next table, or the sheet's end)
    std::map<std::string, std::size_t> columns;  // "side/column" → column index
    std::map<std::string, std::size_t> lines;    // line key → row
    std::map<std::string, std::vector<LocatedRow>> blocks;  // block key → rows in order
    std::vector<std::string> missing;  // columns and lines the layout declares but the sheet lacks
    bool has_note_empty = false;       // 本表无数据 written under the table

    [[nodiscard]] std::optional<std::size_t> column(const std::string& side, const std::string& key) const;
};

struct LocatedWorkbook {
    const layout::Layout* layout = nullptr;
    std::vector<LocatedTable> tables;       // in the layout's order, found ones only
    std::vector<std::string> missing_tables;  // ids of tables not found
    [[nodiscard]] const LocatedTable* table(std::string_view id) const;
};

/// Text compared as a reader compares it: NFKC, no white space, without a leading numbering
/// such as 一、 （一） 1. ① (so "二十三、灾害防治及应急管理支出" matches "灾害防治及应急管理支出").
std::string comparable_label(std::string_view text);

/// Finds the layout's tables in the sheets.
LocatedWorkbook locate(const layout::Layout& layout, const std::vector<Grid>& sheets);

/// How well the sheets match a layout (the number of table titles found); picks the layout.
std::size_t title_matches(const layout::Layout& layout, const std::vector<Grid>& sheets);

}  // namespace bd
