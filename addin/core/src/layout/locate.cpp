#include "bd/locate.hpp"

#include "bd/codes.hpp"
#include "bd/data_table.hpp"
#include "bd/titles.hpp"

#include <algorithm>
#include <set>

namespace bd {

namespace data {
extern const char* const empty_notes_tsv;
}  // namespace data

namespace {

// How far below its title a table's header may reach.
constexpr std::size_t header_depth = 10;

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

// The texts a column's, line's or title's alternatives are compared with: exact, or — for a
// pattern with fields ("{year}年预算数") — the text after the fields, which a document's
// "2023年预算数" ends with.
struct Wanted {
    std::vector<std::string> exact;
    std::vector<std::string> tails;
    [[nodiscard]] bool matches(const std::string& comparable) const {
        if (comparable.empty()) {
            return false;
        }
        return std::ranges::find(exact, comparable) != exact.end() ||
               std::ranges::any_of(tails, [&](const std::string& t) { return comparable.ends_with(t); });
    }
    [[nodiscard]] bool empty() const { return exact.empty() && tails.empty(); }
};

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

// The comparable text of the cells of a few rows, computed once.
class RowTexts {
public:
    RowTexts(const Grid& grid, std::size_t first, std::size_t end) : grid_(grid), first_(first) {
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
    [[nodiscard]] const std::string& at(std::size_t row, std::size_t col) const {
        static const std::string none;
        return row >= first_ && row < end_ && col < grid_.cols ? texts_[(row - first_) * grid_.cols + col] : none;
    }
    [[nodiscard]] std::size_t first() const { return first_; }
    [[nodiscard]] std::size_t end() const { return end_; }

private:
    const Grid& grid_;
    std::size_t first_;
    std::size_t end_ = 0;
    std::vector<std::string> texts_;
};

// Whether the cell holds an amount (a number, or text that reads as one).
bool holds_amount(const CellValue& cell) {
    if (cell.kind == CellValue::Kind::Number) {
        return true;
    }
    return cell.kind == CellValue::Kind::Text && !cell.is_empty() && parse_number_text(cell.text).has_value();
}

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

// Where a row's label is, and the label compared.
struct RowLabel {
    std::size_t row = 0;
    std::size_t col = 0;
    std::string text;  // comparable
};

// The class a cut-off class name stands for ("文化旅游体育与传媒" for 文化旅游体育与传媒支出, a line
// a PDF wrapped): the one coded line whose label starts with it, when it is long enough to tell.
std::string truncated_class(const std::vector<const layout::Line*>& coded, const std::string& label) {
    constexpr std::size_t shortest = 4;  // characters
    if (length_in_characters(label) < shortest) {
        return {};
    }
    std::string found;
    for (const auto* line : coded) {
        if (comparable_label(line->label).starts_with(label)) {
            if (!found.empty()) {
                return {};
            }
            found = line->code;
        }
    }
    return found;
}

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

    void locate() {
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

private:
    void unit() {
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
    void columns() {
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
                        if (w.matches(head_.at(r, c)) ||
                            (column.kind == layout::ColumnKind::Code && split_at(r, c) > 0)) {
                            found = std::pair{c, r};
                        }
                    }
                }
                if (!found) {
                    if (column.optional) {
                        located_.absent_optional.push_back(key);
                    } else {
                        located_.missing.push_back("column " + column.header);
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
    std::size_t split_at(std::size_t row, std::size_t col) const {
        if (head_.at(row, col) != "类" || head_.at(row, col + 1) != "款") {
            return 0;
        }
        return head_.at(row, col + 2) == "项" ? 3 : 2;
    }

    // The body starts under the header; a row of column numbers (1 2 3 …, 栏次) is part of the header.
    void body_start() {
        std::size_t body = header_last_ + 1;
        if (body < rows_end_ && column_numbers(body)) {
            ++body;
        }
        located_.first_body_row = body;
    }

    bool column_numbers(std::size_t row) const {
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
    std::pair<std::size_t, std::size_t> side_span(const layout::Side& side) const {
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

    // The label of a row on a side: the first text in the side's columns before its amounts.
    std::optional<std::pair<std::size_t, std::string>> row_label(const layout::Side& side, std::size_t row) const {
        const auto [first, first_amount] = side_span(side);
        for (std::size_t c = first; c < std::min(first_amount, grid_.cols); ++c) {
            const auto& text = text_of(grid_.at(row, c));
            if (!text.empty() && !CellValue::is_blank(text)) {
                auto comparable = comparable_label(text);
                if (!comparable.empty()) {
                    return std::pair{c, std::move(comparable)};
                }
            }
        }
        return std::nullopt;
    }

    // The labels of a side's rows, computed once. A label wrapped onto a row of its own, above the
    // row of its amounts (as a PDF turned into a workbook often has it), is read as that row's.
    const std::vector<RowLabel>& labels(const layout::Side& side) {
        auto& cached = labels_[side.key];
        if (!cached.empty() || rows_end_ <= located_.first_body_row) {
            return cached;
        }
        cached.resize(rows_end_ - located_.first_body_row);
        for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
            if (auto label = row_label(side, r)) {
                cached[r - located_.first_body_row] = {r, label->first, std::move(label->second)};
            }
        }
        for (std::size_t i = 0; i + 1 < cached.size(); ++i) {
            const auto r = located_.first_body_row + i;
            if (!cached[i].text.empty() && !is_note(cached[i].text) && !has_amounts(side, r) &&
                cached[i + 1].text.empty() && has_amounts(side, r + 1)) {
                cached[i + 1] = std::move(cached[i]);
                cached[i] = {};
            }
        }
        return cached;
    }
    const RowLabel& label_of(const layout::Side& side, std::size_t row) {
        static const RowLabel none;
        const auto& all = labels(side);
        return row >= located_.first_body_row && row < rows_end_ ? all[row - located_.first_body_row] : none;
    }
    const std::string& label_at(const layout::Side& side, std::size_t row) { return label_of(side, row).text; }

    // Sides next to each other share their rows: a side's 合计 with its label only on the side
    // before it (国有资本经营预算收支表: one "合计" for income and expenditure) is that row.
    std::optional<std::size_t> shared_row(const layout::Side& side, const Wanted& w) {
        for (const auto& other : table_.sides) {
            for (const auto* part : {&other.head, &other.foot}) {
                for (const auto& line : *part) {
                    const auto found = located_.lines.find(line.key);
                    if (&other != &side && !line.blank && found != located_.lines.end() &&
                        w.matches(comparable_label(line.label))) {
                        shared_key_ = line.key;
                        return found->second.row;
                    }
                }
            }
        }
        return std::nullopt;
    }

    void take(const layout::Side& side, const layout::Line& line, std::size_t row, std::string former = {}) {
        taken_[side.key].insert(row);
        const auto& label = label_of(side, row);
        located_.lines[line.key] = {row, label.row, label.col, text_of(grid_.at(label.row, label.col)),
                                    std::move(former)};
    }

    void lines(const layout::Side& side) {
        if (side_span(side).first >= grid_.cols) {
            for (const auto* part : {&side.head, &side.foot}) {
                for (const auto& line : *part) {
                    if (!line.blank && line.code.empty()) {
                        located_.missing.push_back("line " + line.label);
                    }
                }
            }
            return;
        }
        auto& taken = taken_[side.key];
        // Fixed lines in their order; a document that orders them otherwise is read too.
        std::size_t from = located_.first_body_row;
        for (const auto* part : {&side.head, &side.foot}) {
            for (const auto& line : *part) {
                if (line.blank || !line.code.empty()) {
                    continue;
                }
                const auto w = wanted(line.label, line.also);
                const auto find = [&](std::size_t start) -> std::optional<std::size_t> {
                    if (w.empty()) {  // a line labelled by the unit's name alone: the body's first row
                        return start == located_.first_body_row && start < rows_end_ ? std::optional(start)
                                                                                     : std::nullopt;
                    }
                    for (std::size_t r = start; r < rows_end_; ++r) {
                        if (!taken.contains(r) && w.matches(label_at(side, r))) {
                            return r;
                        }
                    }
                    return std::nullopt;
                };
                auto row = find(from);
                if (!row && !w.empty()) {
                    row = find(located_.first_body_row);
                }
                if (!row && (row = shared_row(side, w))) {
                    located_.lines[line.key] = located_.lines.at(*shared_key_);
                    taken.insert(*row);
                    continue;
                }
                if (!row) {
                    located_.missing.push_back("line " + line.label);
                    continue;
                }
                take(side, line, *row);
                from = *row + 1;
            }
        }
        coded_lines(side);
    }

    // Lines that stand for a class (table 1's 一、一般公共服务支出 …): documents list only the
    // classes they have, numbered in sequence, sometimes under an earlier edition's name.
    void coded_lines(const layout::Side& side) {
        std::vector<const layout::Line*> coded;
        std::vector<Wanted> labels;
        for (const auto* part : {&side.head, &side.foot}) {
            for (const auto& line : *part) {
                if (!line.blank && !line.code.empty()) {
                    coded.push_back(&line);
                    labels.push_back(wanted(line.label, line.also));
                }
            }
        }
        if (coded.empty()) {
            return;
        }
        auto& taken = taken_[side.key];
        for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
            const auto& label = label_at(side, r);
            if (taken.contains(r) || label.empty()) {
                continue;
            }
            const layout::Line* line = nullptr;
            std::string former;
            for (std::size_t i = 0; i < coded.size() && line == nullptr; ++i) {
                line = labels[i].matches(label) ? coded[i] : nullptr;
            }
            if (line == nullptr) {
                std::string code;
                for (const auto* entry : edition_.find_by_name(label, "2")) {
                    code = entry->code.size() == 3 ? entry->code : code;
                }
                if (const auto* old = code.empty() ? former_class_name(label) : nullptr) {
                    code = old->code;
                    former = label;
                }
                if (code.empty()) {
                    code = truncated_class(coded, label);
                }
                const auto it = std::ranges::find(coded, code, &layout::Line::code);
                line = it == coded.end() ? nullptr : *it;
            }
            if (line != nullptr && !located_.lines.contains(line->key)) {
                take(side, *line, r, std::move(former));
            }
        }
    }

    void block(const layout::Side& side) {
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
            std::erase(located_.missing, "column " + code_column->header);
        }
        if (name_column != nullptr && name_col == none && !rows.empty() &&
            std::ranges::all_of(rows, [](const LocatedRow& row) { return !row.label.empty(); })) {
            std::erase(located_.missing, "column " + name_column->header);  // each name with its code, in one cell
        }
        located_.blocks[side.block->key] = std::move(rows);
    }

    struct BlockColumns {
        std::size_t code = std::string::npos;
        const std::vector<std::size_t>* parts = nullptr;  // 类 | 款 | 项 columns of a split code
        std::size_t name = std::string::npos;
    };

    std::vector<LocatedRow> block_rows(const layout::Side& side, const BlockColumns& columns) {
        constexpr auto none = std::string::npos;
        const auto kind = side.block->kind;
        const auto comparable_at = [&](std::size_t row, std::size_t col) {
            return col == none ? std::string() : comparable_label(text_of(grid_.at(row, col)));
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

    // Whether the row shows an amount on the side (any, or one that is not zero).
    bool has_amounts(const layout::Side& side, std::size_t row, bool nonzero = false) const {
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
    void more_columns(const layout::Side& side) {
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

    // Rows with amounts (not zero) that no line or block took (a class line under a name no edition has, a
    // row without a code in a coded table …): listed, never skipped.
    void unclaimed(const layout::Side& side) {
        if (side_span(side).first >= grid_.cols) {
            return;
        }
        const auto& taken = taken_[side.key];
        const auto first = side_span(side).first;
        for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
            const auto& label = label_of(side, r);
            if (taken.contains(r) || is_note(label.text) || !has_amounts(side, r, true)) {
                continue;  // nothing lost: no amount, or only zeros
            }
            if (label.text.empty()) {  // amounts without a name or code
                located_.unclaimed.push_back({r, first, side.key, {}});
            } else {
                located_.unclaimed.push_back({r, label.col, side.key, text_of(grid_.at(label.row, label.col))});
            }
        }
    }

    // The rows and columns the table spans, for people: to its last row with content.
    void extent() {
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

    void empty_note() {
        for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
            for (std::size_t c = 0; c < grid_.cols; ++c) {
                const auto& text = text_of(grid_.at(r, c));
                if (!text.empty() && text.size() < 600 && says_empty(comparable_label(text))) {
                    located_.empty_note = std::pair{r, c};
                    return;
                }
            }
        }
    }

    const layout::Table& table_;
    const Grid& grid_;
    std::size_t rows_end_;
    const layout::Layout& layout_;
    const Edition& edition_;
    LocatedTable& located_;
    RowTexts head_;
    std::size_t header_last_ = 0;
    std::map<std::string, std::set<std::size_t>> taken_;   // side → rows its lines and block took
    std::map<std::string, std::vector<RowLabel>> labels_;  // side → its rows' labels
    std::optional<std::string> shared_key_;                // the line shared_row() found
};

}  // namespace

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
    TableLocator(table, grid, rows_end, layout, edition, located).locate();
    return located;
}

std::size_t header_matches(const layout::Table& table, const Grid& grid, std::size_t first_row, std::size_t rows_end) {
    const RowTexts head(grid, first_row, std::min(rows_end, first_row + header_depth));
    std::size_t matches = 0;
    for (const auto& side : table.sides) {
        for (const auto& column : side.columns) {
            if (column.every()) {
                continue;
            }
            const auto w = wanted(column.header, column.also);
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
