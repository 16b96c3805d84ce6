#include "table_locator.hpp"

#include "bd/codes.hpp"
#include "bd/titles.hpp"

#include <algorithm>

namespace bd::locating {

namespace {

// The digits of a code part cell (类 "201", 款 "05" or the number 5).
std::string part_digits(const CellValue& cell) {
    const auto code = read_code(cell);
    return code && code->rest.empty() ? code->digits : std::string();
}

// Places the rows of a table printed without codes by their names, through the classification:
// a 项 is looked for under the 款 above it, a 款 under the 类 above it. A name the classification
// lacks becomes a sibling of the row before it (its parent's code, '~', its row), so that the
// sums above it still count it.
class NamePlacer {
public:
    NamePlacer(const Edition& edition, std::string scheme_prefix)
        : edition_(edition), prefix_(std::move(scheme_prefix)) {}

    std::string place(const std::string& label, std::size_t row) {
        const auto found = edition_.find_by_name(label, prefix_);
        const CatalogEntry* chosen = nullptr;
        for (const auto* scope : {&item_, &class_}) {
            for (const auto* entry : found) {
                if (chosen == nullptr && !scope->empty() && entry->code.starts_with(*scope) &&
                    entry->code.size() > scope->size()) {
                    chosen = entry;
                }
            }
        }
        for (const auto* entry : found) {
            if (chosen == nullptr && entry->code.size() == 3) {
                chosen = entry;
            }
        }
        if (chosen == nullptr && found.size() == 1) {
            chosen = found.front();
        }
        if (chosen == nullptr) {
            return last_parent_ + "~" + std::to_string(row);
        }
        const auto& code = chosen->code;
        class_ = code.substr(0, 3);
        item_ = code.size() >= 5 ? code.substr(0, 5) : std::string();
        last_parent_ = code.size() > 3 ? code.substr(0, code.size() - 2) : std::string();
        return code;
    }

private:
    const Edition& edition_;
    std::string prefix_;
    std::string class_;
    std::string item_;
    std::string last_parent_;
};

}  // namespace

void TableLocator::block(const layout::Side& side) {
    constexpr auto none = std::string::npos;
    const auto* code_column = side.first_column(layout::ColumnKind::Code);
    const std::size_t code_col =
        code_column != nullptr ? located_.column(side.key, code_column->key).value_or(none) : none;
    const auto parts = code_column != nullptr ? located_.code_parts.find(side.key + "/" + code_column->key)
                                              : located_.code_parts.end();
    const auto* name_column = side.first_column(layout::ColumnKind::Name);
    const auto* text_column = name_column != nullptr ? name_column : side.first_column(layout::ColumnKind::Label);
    const std::size_t name_col =
        text_column != nullptr ? located_.column(side.key, text_column->key).value_or(none) : none;
    BlockColumns columns{code_col, parts == located_.code_parts.end() ? nullptr : &parts->second, name_col};
    auto rows = block_rows(side, columns);
    if (rows.empty() && side.block->kind != layout::BlockKind::Rows && name_col != none &&
        (code_col != none || columns.parts != nullptr)) {
        // A code column with no code in it: the table is typed without codes after all.
        rows = block_rows(side, {none, nullptr, name_col});
    }
    auto& taken = taken_[side.key];
    for (const auto& row : rows) {
        taken.insert(row.row);
    }
    if (!rows.empty() && rows.front().by_name && code_column != nullptr) {  // printed without codes: no lack
        std::erase(located_.missing, shown_name(code_column->header));
    }
    if (name_column != nullptr && name_col == none && !rows.empty() &&
        std::ranges::all_of(rows, [](const LocatedRow& row) { return !row.label.empty(); })) {
        std::erase(located_.missing, shown_name(name_column->header));  // each name with its code, in one cell
    }
    located_.blocks[side.block->key] = std::move(rows);
}

std::vector<LocatedRow> TableLocator::block_rows(const layout::Side& side, const BlockColumns& columns) {
    constexpr auto none = std::string::npos;
    const auto kind = side.block->kind;
    const auto comparable_at = [&](std::size_t row, std::size_t col) {
        return col == none ? std::string() : comparable(text_of(grid_.at(row, col)));
    };
    NamePlacer placer(edition_, std::string(layout::code_prefix(kind)));
    std::string last_class;
    std::string last_item;
    std::vector<LocatedRow> rows;
    const auto& taken = taken_[side.key];
    for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
        if (taken.contains(r)) {
            continue;
        }
        const std::string label = comparable_at(r, columns.name);
        if (is_note(label) || (label.empty() && is_note(comparable_at(r, columns.code)))) {
            continue;
        }
        LocatedRow row{r, {}, label, false};
        if (kind == layout::BlockKind::Rows) {
            if (label.empty()) {
                continue;
            }
        } else if (columns.parts != nullptr) {
            const auto& parts = *columns.parts;
            auto class_part = part_digits(grid_.at(r, parts[0]));
            auto item_part = part_digits(grid_.at(r, parts[1]));
            auto sub_part = parts.size() > 2 ? part_digits(grid_.at(r, parts[2])) : std::string();
            if (class_part.empty() && (!item_part.empty() || !sub_part.empty())) {
                class_part = last_class;  // 类 written once above its 款
            }
            if (item_part.empty() && !sub_part.empty()) {
                item_part = last_item;
            }
            const auto code = join_code_parts(class_part, item_part, sub_part);
            if (!code) {
                continue;
            }
            last_class = class_part;
            last_item = item_part;
            row.code = *code;
        } else if (columns.code != none) {
            const auto code = read_code(grid_.at(r, columns.code));
            if (!code) {
                continue;
            }
            row.code = code->digits;
            if (row.label.empty()) {
                row.label = comparable_label(code->rest);  // "2040601 行政运行" in one cell
            }
        } else if (columns.name != none && !label.empty()) {
            // No code column: the code and name in one cell, or the name alone.
            const auto code = read_code(grid_.at(r, columns.name));
            if (code && is_code_length(code->digits)) {
                row.code = code->digits;
                row.label = comparable_label(code->rest);
            } else {
                row.code = placer.place(label, r);
                row.by_name = true;
            }
        } else {
            continue;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace bd::locating
