#include "table_locator.hpp"

#include "bd/codes.hpp"
#include "bd/titles.hpp"

#include <algorithm>

namespace bd::locating {

void TableLocator::unit() {
    const std::size_t from = located_.top_row() >= 2 ? located_.top_row() - 2 : 0;
    for (std::size_t r = from; r < std::min(head_.end(), rows_end_); ++r) {
        for (std::size_t c = 0; c < grid_.cols; ++c) {
            const auto& text = text_of(grid_.at(r, c));
            if (text.find("单位") == std::string::npos) {
                continue;
            }
            if (const auto* stated = stated_unit(normalize_text(text))) {
                located_.unit = stated;
                located_.unit_stated = true;
                return;
            }
        }
    }
    located_.unit = unit_named(table_.unit.empty() ? layout_.unit : table_.unit);
}

// Each side's columns, left to right: a column's header is looked for right of the one before.
void TableLocator::columns() {
    std::size_t next_col = 0;
    header_last_ = head_.first();
    bool any = false;
    for (const auto& side : table_.sides) {
        for (const auto& column : side.columns) {
            if (column.every()) {
                continue;
            }
            const auto key = side.key + "/" + column.key;
            const auto w = wanted(column.header, column.also);
            std::optional<std::pair<std::size_t, std::size_t>> found;  // (col, row)
            for (std::size_t c = next_col; c < grid_.cols && !found; ++c) {
                for (std::size_t r = head_.first(); r < std::min(head_.end(), rows_end_) && !found; ++r) {
                    if (w.matches(head_.at(r, c)) || (column.kind == layout::ColumnKind::Code && split_at(r, c) > 0)) {
                        found = std::pair{c, r};
                    }
                }
            }
            if (!found) {
                if (column.optional) {
                    located_.absent_optional.push_back(key);
                } else {
                    located_.missing.push_back(shown_name(column.header));
                }
                continue;
            }
            auto [col, row] = *found;
            any = true;
            located_.columns[key] = col;
            std::size_t width = 1;
            if (column.kind == layout::ColumnKind::Code) {
                // 类 | 款 | 项 under the code's header, or in its place.
                for (std::size_t r = row; r < std::min(row + 3, head_.end()); ++r) {
                    if (const auto parts = split_at(r, col); parts > 0) {
                        std::vector<std::size_t> cols(parts);
                        for (std::size_t k = 0; k < parts; ++k) {
                            cols[k] = col + k;
                        }
                        located_.code_parts[key] = std::move(cols);
                        width = parts;
                        row = r;
                        break;
                    }
                }
            }
            header_last_ = std::max(header_last_, row);
            next_col = col + width;
        }
    }
    if (!any) {
        header_last_ = located_.title_row ? *located_.title_row : 0;
    }
}

// 类 | 款 [| 项] header cells at (row, col): how many.
std::size_t TableLocator::split_at(std::size_t row, std::size_t col) const {
    if (head_.at(row, col) != "类" || head_.at(row, col + 1) != "款") {
        return 0;
    }
    return head_.at(row, col + 2) == "项" ? 3 : 2;
}

// The body starts under the header; a row of column numbers (1 2 3 …, 栏次) is part of the header.
void TableLocator::body_start() {
    std::size_t body = header_last_ + 1;
    if (body < rows_end_ && column_numbers(body)) {
        ++body;
    }
    located_.first_body_row = body;
}

bool TableLocator::column_numbers(std::size_t row) const {
    std::size_t numbers = 0;
    for (std::size_t c = 0; c < grid_.cols; ++c) {
        const auto& cell = grid_.at(row, c);
        if (cell.is_empty()) {
            continue;
        }
        const auto code = read_code(cell);
        if (code && code->rest.empty() && code->digits.size() <= 2) {
            ++numbers;
        } else if (comparable_label(text_of(cell)) != "栏次") {
            return false;
        }
    }
    return numbers >= 2;
}

// The columns of a side: from its first located column to the one before the next side's.
std::pair<std::size_t, std::size_t> TableLocator::side_span(const layout::Side& side) const {
    std::size_t first = grid_.cols;
    std::size_t first_amount = grid_.cols;
    for (const auto& column : side.columns) {
        const auto col = located_.column(side.key, column.key);
        if (!col) {
            continue;
        }
        first = std::min(first, *col);
        if (column.kind == layout::ColumnKind::Amount) {
            first_amount = std::min(first_amount, *col);
        }
    }
    return {first, first_amount};
}

// Whether the row shows an amount on the side (any, or one that is not zero).
bool TableLocator::has_amounts(const layout::Side& side, std::size_t row, bool nonzero) const {
    for (const auto& column : side.columns) {
        const auto col = located_.column(side.key, column.key);
        if (column.kind != layout::ColumnKind::Amount || !col || !holds_amount(grid_.at(row, *col))) {
            continue;
        }
        const auto amount = to_amount(grid_.at(row, *col));
        if (!nonzero || !std::holds_alternative<Decimal>(amount) || !std::get<Decimal>(amount).is_zero()) {
            return true;
        }
    }
    return false;
}

// A "*" column: every further column right of the side's located ones that holds amounts.
void TableLocator::more_columns(const layout::Side& side) {
    const auto every = std::ranges::find_if(side.columns, &layout::Column::every);
    if (every == side.columns.end()) {
        return;
    }
    std::set<std::size_t> known;
    for (const auto& [key, col] : located_.columns) {
        known.insert(col);
    }
    for (const auto& [key, cols] : located_.code_parts) {
        known.insert(cols.begin(), cols.end());
    }
    const auto first = side_span(side).first;
    for (std::size_t c = first == grid_.cols ? 0 : first; c < grid_.cols; ++c) {
        if (known.contains(c)) {
            continue;
        }
        bool amounts = false;
        for (std::size_t r = located_.first_body_row; r < rows_end_ && !amounts; ++r) {
            amounts = grid_.at(r, c).kind == CellValue::Kind::Number;
        }
        if (!amounts) {
            continue;
        }
        std::string header;
        for (std::size_t r = head_.first(); r < located_.first_body_row && r < head_.end(); ++r) {
            if (!head_.at(r, c).empty()) {
                header = text_of(grid_.at(r, c));
            }
        }
        located_.more_columns[side.key].emplace_back(header.empty() ? cell_address(0, c).substr(0, 1) : header, c);
    }
}

// The rows and columns the table spans, for people: to its last row with content.
void TableLocator::extent() {
    located_.last_row = located_.top_row();
    for (std::size_t r = located_.top_row(); r < rows_end_; ++r) {
        for (std::size_t c = 0; c < grid_.cols; ++c) {
            if (!grid_.at(r, c).is_empty()) {
                located_.last_row = r;
                located_.last_col = std::max(located_.last_col, c);
            }
        }
    }
}

}  // namespace bd::locating
