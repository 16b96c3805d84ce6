#include "bd/arrange.hpp"

#include "bd/codes.hpp"
#include "bd/titles.hpp"
#include "table_locator.hpp"

#include <algorithm>
#include <set>

namespace bd::arrange {

namespace {

using locating::is_note;
using locating::text_of;

const std::string& formula_at(const Region& region, const Formulas& formulas, std::size_t row, std::size_t col) {
    static const std::string none;
    if (formulas.empty()) {
        return none;
    }
    const auto width = region.last_col - region.first_col + 1;
    return formulas.at((row - region.first_row) * width + (col - region.first_col));
}

bool is_formula(const Region& region, const Formulas& formulas, std::size_t row, std::size_t col) {
    return formula_at(region, formulas, row, col).starts_with('=');
}

/// A cell the user typed something in (not a formula, not blank).
bool typed(const Grid& sheet, const Region& region, const Formulas& formulas, std::size_t row, std::size_t col) {
    return !sheet.at(row, col).is_empty() && !sheet.is_formula(row, col) && !is_formula(region, formulas, row, col);
}

/// Whether a row of the region holds anything typed: a code, a name, an amount or a text.
bool has_content(const Grid& sheet, const Region& region, const Formulas& formulas, std::size_t row) {
    if (typed(sheet, region, formulas, row, region.code_col) ||
        (region.name_col && typed(sheet, region, formulas, row, *region.name_col))) {
        return true;
    }
    const auto typed_in = [&](std::size_t col) { return typed(sheet, region, formulas, row, col); };
    return std::ranges::any_of(region.amount_cols, typed_in) || std::ranges::any_of(region.text_cols, typed_in);
}

/// The lines' rows of one side of a located table.
std::set<std::size_t> line_rows(const LocatedTable& table, const std::string& side) {
    std::set<std::size_t> rows;
    for (const auto& [key, line] : table.lines) {
        const auto at = table.table->line(key);
        if (at && at->side->key == side) {
            rows.insert(line.row);
            rows.insert(line.label_row);
        }
    }
    return rows;
}

/// The region of a side's block (see Region); none when nothing is typed in it.
std::optional<Region> region_of(const LocatedTable& located, const layout::Side& side, const Grid& sheet) {
    const auto& rows = located.blocks.at(side.block->key);
    const auto* code_column = side.first_column(layout::ColumnKind::Code);
    if (code_column == nullptr || located.code_parts.contains(side.key + "/" + code_column->key)) {
        return std::nullopt;
    }
    const auto code_col = located.column(side.key, code_column->key);
    if (!code_col) {
        return std::nullopt;
    }
    Region region;
    region.table = located.table->id;
    region.side = side.key;
    region.kind = side.block->kind;
    region.sheet = located.sheet;
    region.code_col = *code_col;
    region.first_col = region.last_col = *code_col;
    for (const auto& column : side.columns) {
        const auto col = located.column(side.key, column.key);
        if (!col) {
            continue;
        }
        region.first_col = std::min(region.first_col, *col);
        region.last_col = std::max(region.last_col, *col);
        switch (column.kind) {
            case layout::ColumnKind::Name:
                if (!region.name_col) {
                    region.name_col = col;
                }
                break;
            case layout::ColumnKind::Amount: region.amount_cols.push_back(*col); break;
            case layout::ColumnKind::Label:
            case layout::ColumnKind::Text: region.text_cols.push_back(*col); break;
            case layout::ColumnKind::Code: break;
        }
    }
    const auto lines = line_rows(located, side.key);
    const std::size_t anchor = rows.empty() ? located.first_body_row : rows.front().row;
    region.first_row = located.first_body_row;
    for (const auto row : lines) {
        if (row < anchor) {
            region.first_row = std::max(region.first_row, row + 1);
        }
    }
    while (lines.contains(region.first_row)) {
        ++region.first_row;
    }
    // Down to the row before the next line, note or computed code (a template's note of an empty
    // table), with the blank rows below the last one typed: new rows are made from them, and the
    // sums reach rows typed there later.
    const auto end = std::min(located.last_row + 1, sheet.rows);
    bool typed_in = false;
    for (auto row = region.first_row; row < end; ++row) {
        const auto name = region.name_col ? comparable_label(text_of(sheet.at(row, *region.name_col))) : "";
        if (lines.contains(row) || sheet.is_formula(row, region.code_col) ||
            is_note(comparable_label(text_of(sheet.at(row, region.code_col)))) || (!name.empty() && is_note(name))) {
            break;
        }
        region.last_row = row;
        typed_in = typed_in || has_content(sheet, region, {}, row);
    }
    return typed_in ? std::optional(region) : std::nullopt;
}

/// Whether a cell's formula is the subtotal formula: Calc gives the add-in's function under its
/// service's name (ORG.BUDGETDISCLOSURE.FUNCTIONS.SUMUNDER), so its arguments are compared.
bool same_subtotal(const std::string& written, const std::string& expected) {
    const auto arguments = [](const std::string& formula) {
        const auto at = formula.find("SUMUNDER(");
        return at == std::string::npos ? std::string() : formula.substr(at);
    };
    return !arguments(written).empty() && arguments(written) == arguments(expected);
}

struct Entry {
    std::size_t row = 0;
    std::string code;         // digits; empty for a row without a code that could be found
    bool code_found = false;  // the code comes from the row's name
};

}  // namespace

std::vector<Region> coded_regions(const LocatedWorkbook& workbook, const std::vector<Grid>& sheets) {
    std::vector<Region> regions;
    for (const auto& located : workbook.tables) {
        for (const auto& side : located.table->sides) {
            if (!side.block || side.block->kind == layout::BlockKind::Rows ||
                !located.blocks.contains(side.block->key)) {
                continue;
            }
            if (auto region = region_of(located, side, sheets.at(located.sheet))) {
                regions.push_back(std::move(*region));
            }
        }
    }
    return regions;
}

std::string subtotal_formula(const Region& region, std::size_t row, std::size_t col) {
    const auto range = [&](std::size_t c) {
        return cell_address(row + 1, c) + ":" + cell_address(std::max(row + 1, region.last_row), c);
    };
    return "=BUDGET.SUMUNDER(" + range(region.code_col) + ";" + range(col) + ";" + cell_address(row, region.code_col) +
           ")";
}

Plan plan_region(const Region& region, const Grid& sheet, const Formulas& formulas, const Edition& edition) {
    Plan plan;
    plan.region = region;
    const std::string prefix(layout::code_prefix(region.kind));
    std::vector<Entry> entries;
    std::vector<std::size_t> blanks;
    for (auto row = region.first_row; row <= region.last_row; ++row) {
        if (!has_content(sheet, region, formulas, row)) {
            blanks.push_back(row);
            continue;
        }
        Entry entry{row, {}, false};
        const auto& code_cell = sheet.at(row, region.code_col);
        if (const auto code = read_code(code_cell); code && is_code_length(code->digits)) {
            entry.code = code->digits;
            if (edition.find(entry.code) == nullptr) {
                plan.notes.push_back({Note::Kind::UnknownCode, row, entry.code});
            }
        } else if (code) {
            plan.notes.push_back({Note::Kind::Malformed, row, code->digits + code->rest});
        } else if (region.name_col && typed(sheet, region, formulas, row, *region.name_col)) {
            // A name picked without its code: the code of the only entry of that name.
            const auto& name = text_of(sheet.at(row, *region.name_col));
            const auto found = edition.find_by_name(name, prefix);
            if (found.size() == 1) {
                entry.code = found.front()->code;
                entry.code_found = true;
            } else {
                plan.notes.push_back({found.empty() ? Note::Kind::UnknownName : Note::Kind::AmbiguousName, row, name});
            }
        }
        entries.push_back(std::move(entry));
    }
    // Coded rows by code (a parent before its children, as the digits sort), then the others as
    // they were.
    std::ranges::stable_sort(entries, [](const Entry& a, const Entry& b) {
        if (a.code.empty() != b.code.empty()) {
            return b.code.empty();
        }
        return a.code < b.code;
    });
    std::set<std::string> present;
    for (const auto& entry : entries) {
        present.insert(entry.code);
    }
    std::set<std::string> with_children;
    for (const auto& entry : entries) {
        for (const auto& parent : parent_codes(entry.code)) {
            with_children.insert(parent);
        }
    }
    // New 类/款 rows take the blank rows first; beyond them, a copy of the first (its formulas and
    // formats), or nothing in a block without blank rows.
    std::size_t next_blank = 0;
    const auto take_blank = [&]() -> std::optional<std::size_t> {
        if (next_blank < blanks.size()) {
            return blanks[next_blank++];
        }
        return blanks.empty() ? std::nullopt : std::optional(blanks.front());
    };
    const auto name_cell_empty = [&](std::optional<std::size_t> source) {
        return region.name_col && (!source || (sheet.at(*source, *region.name_col).is_empty() &&
                                               !is_formula(region, formulas, *source, *region.name_col)));
    };
    const auto catalog_name = [&](const std::string& code) {
        const auto* entry = edition.find(code);
        return entry != nullptr ? entry->name : std::string();
    };
    // The amount columns of a row with rows under it get sums, unless the user typed its amounts
    // (a document typed plainly): then the row is kept as typed, and said so.
    const auto amounts = [&](Target& target, const std::string& code, std::optional<std::size_t> source) {
        const bool parent = with_children.contains(code);
        const auto typed_amount = [&](std::size_t col) { return typed(sheet, region, formulas, *source, col); };
        if (parent && source && std::ranges::any_of(region.amount_cols, typed_amount)) {
            plan.notes.push_back({Note::Kind::TypedSubtotal, *source, code});
            return;
        }
        for (const auto col : region.amount_cols) {
            const auto& formula = source ? formula_at(region, formulas, *source, col) : std::string();
            const bool ours = formula.find("SUMUNDER") != std::string::npos;
            if (parent && (ours || formula.empty())) {
                target.sum_cols.push_back(col);
            } else if (!parent && ours) {
                target.plain_cols.push_back(col);
            }
        }
    };
    for (const auto& entry : entries) {
        if (!entry.code.empty()) {
            for (const auto& parent : parent_codes(entry.code)) {
                if (present.insert(parent).second) {
                    Target target;
                    target.source = take_blank();
                    target.code = parent;
                    if (name_cell_empty(target.source)) {
                        target.name = catalog_name(parent);
                    }
                    amounts(target, parent, target.source);
                    plan.rows.push_back(std::move(target));
                    ++plan.added;
                }
            }
        }
        Target target;
        target.source = entry.row;
        if (entry.code_found) {
            target.code = entry.code;
        }
        if (!entry.code.empty() && name_cell_empty(entry.row)) {
            target.name = catalog_name(entry.code);
        }
        amounts(target, entry.code, entry.row);
        plan.rows.push_back(std::move(target));
    }
    for (auto i = next_blank; i < blanks.size(); ++i) {
        plan.rows.push_back(Target{blanks[i], {}, {}, {}, {}});
    }
    // Unchanged: every row in its place, nothing to write but the sums it already has.
    Region arranged = region;
    arranged.last_row = region.first_row + std::max(plan.rows.size(), region.rows()) - 1;
    plan.unchanged = plan.rows.size() == region.rows();
    for (std::size_t i = 0; i < plan.rows.size() && plan.unchanged; ++i) {
        const auto& target = plan.rows[i];
        const auto row = region.first_row + i;
        plan.unchanged =
            target.source == row && target.code.empty() && target.name.empty() && target.plain_cols.empty() &&
            std::ranges::all_of(target.sum_cols, [&](std::size_t col) {
                return same_subtotal(formula_at(region, formulas, row, col), subtotal_formula(arranged, row, col));
            });
    }
    return plan;
}

}  // namespace bd::arrange
