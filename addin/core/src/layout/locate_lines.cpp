#include "table_locator.hpp"

#include "bd/titles.hpp"

#include <algorithm>

namespace bd::locating {

namespace {

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

}  // namespace

// The label of a row on a side: the first text in the side's columns before its amounts.
std::optional<std::pair<std::size_t, std::string>> TableLocator::row_label(const layout::Side& side, std::size_t row) {
    const auto [first, first_amount] = side_span(side);
    for (std::size_t c = first; c < std::min(first_amount, grid_.cols); ++c) {
        const auto& text = text_of(grid_.at(row, c));
        if (!text.empty() && !CellValue::is_blank(text)) {
            if (const auto& label = comparable(text); !label.empty()) {
                return std::pair{c, label};
            }
        }
    }
    return std::nullopt;
}

// The labels of a side's rows, computed once. A label wrapped onto a row of its own, above the
// row of its amounts (as a PDF turned into a workbook often has it), is read as that row's.
const std::vector<RowLabel>& TableLocator::labels(const layout::Side& side) {
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

const RowLabel& TableLocator::label_of(const layout::Side& side, std::size_t row) {
    static const RowLabel none;
    const auto& all = labels(side);
    return row >= located_.first_body_row && row < rows_end_ ? all[row - located_.first_body_row] : none;
}

const std::string& TableLocator::label_at(const layout::Side& side, std::size_t row) {
    return label_of(side, row).text;
}

// Sides next to each other share their rows: a side's 合计 with its label only on the side
// before it (国有资本经营预算收支表: one "合计" for income and expenditure) is that row.
std::optional<std::size_t> TableLocator::shared_row(const layout::Side& side, const Wanted& w) {
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

void TableLocator::take(const layout::Side& side, const layout::Line& line, std::size_t row, std::string former) {
    taken_[side.key].insert(row);
    const auto& label = label_of(side, row);
    located_.lines[line.key] = {row, label.row, label.col, text_of(grid_.at(label.row, label.col)), std::move(former)};
}

void TableLocator::lines(const layout::Side& side) {
    if (side_span(side).first >= grid_.cols) {
        for (const auto* part : {&side.head, &side.foot}) {
            for (const auto& line : *part) {
                if (!line.blank && line.code.empty()) {
                    located_.missing.push_back(shown_name(line.label));
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
                    return start == located_.first_body_row && start < rows_end_ ? std::optional(start) : std::nullopt;
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
                located_.missing.push_back(shown_name(line.label));
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
void TableLocator::coded_lines(const layout::Side& side) {
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

// Rows with amounts (not zero) that no line or block took (a class line under a name no edition has, a
// row without a code in a coded table …): listed, never skipped.
void TableLocator::unclaimed(const layout::Side& side) {
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

void TableLocator::empty_note() {
    for (std::size_t r = located_.first_body_row; r < rows_end_; ++r) {
        for (std::size_t c = 0; c < grid_.cols; ++c) {
            const auto& text = text_of(grid_.at(r, c));
            if (!text.empty() && text.size() < 600 && says_empty(comparable(text))) {
                located_.empty_note = std::pair{r, c};
                return;
            }
        }
    }
}

}  // namespace bd::locating
