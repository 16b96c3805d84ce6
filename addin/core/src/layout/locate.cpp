#include "table_locator.hpp"

#include "bd/data_table.hpp"
#include "bd/titles.hpp"

#include <algorithm>

namespace bd {

namespace data {
extern const char* const empty_notes_tsv;
}  // namespace data

namespace locating {

const std::string& text_of(const CellValue& cell) {
    static const std::string none;
    return cell.kind == CellValue::Kind::Text ? cell.text : none;
}

// A note saying the table is empty (data/empty_notes.tsv), compared without quotes and spaces.
bool says_empty(const std::string& comparable) {
    static const std::vector<std::string> phrases = [] {
        std::vector<std::string> read;
        for (const auto& row : tsv_rows(data::empty_notes_tsv)) {
            read.push_back(comparable_label(row.at(0)));
        }
        return read;
    }();
    return std::ranges::any_of(phrases, [&](const std::string& p) { return comparable.find(p) != std::string::npos; });
}

bool is_note(const std::string& comparable) {
    return comparable.starts_with("注") || says_empty(comparable);
}

bool Wanted::matches(const std::string& comparable) const {
    if (comparable.empty()) {
        return false;
    }
    return std::ranges::find(exact, comparable) != exact.end() ||
           std::ranges::any_of(tails, [&](const std::string& t) { return comparable.ends_with(t); });
}

Wanted wanted(const std::string& primary, const std::vector<std::string>& also) {
    Wanted w;
    const auto add = [&](const std::string& text) {
        if (text.empty()) {
            return;
        }
        if (text.find('{') == std::string::npos) {
            w.exact.push_back(comparable_label(text));
        } else if (const auto tail = pattern_tail(text); !tail.empty()) {
            w.tails.push_back(tail);
        }
    };
    add(primary);
    for (const auto& text : also) {
        add(text);
    }
    return w;
}

RowTexts::RowTexts(const Grid& grid, std::size_t first, std::size_t end) : grid_(grid), first_(first) {
    end_ = std::min(end, grid.rows);
    texts_.resize((end_ > first_ ? end_ - first_ : 0) * grid.cols);
    for (std::size_t r = first_; r < end_; ++r) {
        for (std::size_t c = 0; c < grid.cols; ++c) {
            const auto& text = text_of(grid.at(r, c));
            if (!text.empty()) {
                texts_[(r - first_) * grid.cols + c] = comparable_label(text);
            }
        }
    }
}

const std::string& TableLocator::comparable(const std::string& text) {
    auto [known, added] = comparable_.try_emplace(text);
    if (added) {
        known->second = comparable_label(text);
    }
    return known->second;
}

const std::string& RowTexts::at(std::size_t row, std::size_t col) const {
    static const std::string none;
    return row >= first_ && row < end_ && col < grid_.cols ? texts_[(row - first_) * grid_.cols + col] : none;
}

std::string shown_name(const std::string& pattern) {
    std::string text;
    for (const auto& segment : expr::parse_template(pattern)) {
        text += segment.is_expression ? std::string("…") : segment.text;
    }
    return text;
}

// Whether the cell holds an amount (a number, or text that reads as one).
bool holds_amount(const CellValue& cell) {
    if (cell.kind == CellValue::Kind::Number) {
        return true;
    }
    return cell.kind == CellValue::Kind::Text && !cell.is_empty() && parse_number_text(cell.text).has_value();
}

void TableLocator::locate() {
    unit();
    columns();
    body_start();
    for (const auto& side : table_.sides) {
        lines(side);
    }
    for (const auto& side : table_.sides) {
        if (side.block) {
            block(side);
        }
        more_columns(side);
    }
    for (const auto& side : table_.sides) {
        unclaimed(side);
    }
    empty_note();
    extent();
}

}  // namespace locating

std::optional<std::size_t> LocatedTable::column(const std::string& side, const std::string& key) const {
    const auto it = columns.find(side + "/" + key);
    return it == columns.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::size_t> LocatedTable::line_row(const std::string& key) const {
    const auto it = lines.find(key);
    return it == lines.end() ? std::nullopt : std::optional(it->second.row);
}

bool LocatedTable::is_absent_optional(const std::string& side, const std::string& key) const {
    return std::ranges::find(absent_optional, side + "/" + key) != absent_optional.end();
}

const LocatedTable* LocatedWorkbook::table(std::string_view id) const {
    const auto it = std::ranges::find_if(tables, [&](const LocatedTable& t) { return t.table->id == id; });
    return it == tables.end() ? nullptr : &*it;
}

std::vector<const LocatedTable*> LocatedWorkbook::instances(std::string_view id) const {
    std::vector<const LocatedTable*> found;
    for (const auto& table : tables) {
        if (table.table->id == id) {
            found.push_back(&table);
        }
    }
    return found;
}

LocatedTable locate_table(const layout::Table& table, const Grid& grid, std::size_t sheet_index, const TitleHit& title,
                          std::size_t rows_end, const layout::Layout& layout, const Edition& edition) {
    LocatedTable located;
    located.table = &table;
    located.sheet = sheet_index;
    located.title_row = title.row;
    located.found_as = title.written;
    locating::TableLocator(table, grid, rows_end, layout, edition, located).locate();
    return located;
}

std::size_t header_matches(const layout::Table& table, const Grid& grid, std::size_t first_row, std::size_t rows_end) {
    const locating::RowTexts head(grid, first_row, std::min(rows_end, first_row + locating::header_depth));
    std::size_t matches = 0;
    for (const auto& side : table.sides) {
        for (const auto& column : side.columns) {
            if (column.every()) {
                continue;
            }
            const auto w = locating::wanted(column.header, column.also);
            bool found = false;
            for (std::size_t r = head.first(); r < head.end() && !found; ++r) {
                for (std::size_t c = 0; c < grid.cols && !found; ++c) {
                    found = w.matches(head.at(r, c)) || (column.kind == layout::ColumnKind::Code &&
                                                         head.at(r, c) == "类" && head.at(r, c + 1) == "款");
                }
            }
            matches += found ? 1 : 0;
        }
    }
    return matches;
}

}  // namespace bd
