#include "cell_model.hpp"

#include <algorithm>

namespace bd::grouping {

namespace {

constexpr unsigned row_bits = 24;
constexpr unsigned col_bits = 16;

/// Whether a formula names the row's code (under(T2:codes.total, code)): the templates write such a
/// column formula only on lines that stand for a code.
bool uses_code(const expr::Expr& formula) {
    return std::ranges::any_of(expr::paths(formula), [](const expr::Path& p) {
        return p.table.empty() && p.first == "code" && p.member.empty();
    });
}

std::size_t sheet_of(CellKey cell) {
    return static_cast<std::size_t>(cell >> (row_bits + col_bits));
}
std::size_t row_of(CellKey cell) {
    return static_cast<std::size_t>((cell >> col_bits) & ((CellKey{1} << row_bits) - 1));
}
std::size_t col_of(CellKey cell) {
    return static_cast<std::size_t>(cell & ((CellKey{1} << col_bits) - 1));
}

}  // namespace

CellKey key_of(std::size_t sheet, std::size_t row, std::size_t col) {
    return (static_cast<CellKey>(sheet) << (row_bits + col_bits)) | (static_cast<CellKey>(row) << col_bits) |
           static_cast<CellKey>(col);
}

CellModel::CellModel(const EngineInput& input) : in_(input), context_(input) {
    for (std::size_t s = 0; s < in_.sheets.size(); ++s) {
        sheets_.emplace(in_.sheets[s].name, s);
    }
    for (const auto& table : in_.located.tables) {
        auto& sides = rows_[&table];
        for (const auto& side : table.table->sides) {
            auto& index = sides[&side];
            for (const auto* part : {&side.head, &side.foot}) {
                for (const auto& line : *part) {
                    if (const auto row = table.line_row(line.key); row && !line.blank) {
                        index.lines.emplace(*row, &line);
                    }
                }
            }
            if (side.block) {
                if (const auto rows = table.blocks.find(side.block->key); rows != table.blocks.end()) {
                    for (const auto& row : rows->second) {
                        index.block_rows.emplace(row.row, &row);
                    }
                }
            }
        }
    }
}

std::optional<std::size_t> CellModel::sheet_index(const std::string& name) const {
    const auto it = sheets_.find(name);
    return it == sheets_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

CellKey CellModel::key(const CellRef& cell) const {
    // A cell on a sheet the workbook lacks cannot be one of its tables' (never the case for the
    // engine's cells): it gets a sheet index past the last.
    return key_of(sheet_index(cell.sheet).value_or(in_.sheets.size()), cell.row, cell.col);
}

CellRef CellModel::ref(CellKey cell) const {
    const auto sheet = sheet_of(cell);
    return {sheet < in_.sheets.size() ? in_.sheets[sheet].name : std::string(), row_of(cell), col_of(cell)};
}

const CellValue* CellModel::value(CellKey cell) const {
    const auto sheet = sheet_of(cell);
    if (sheet >= in_.sheets.size() || row_of(cell) >= in_.sheets[sheet].rows ||
        col_of(cell) >= in_.sheets[sheet].cols) {
        return nullptr;
    }
    return &in_.sheets[sheet].at(row_of(cell), col_of(cell));
}

std::optional<CellModel::Place> CellModel::place(CellKey cell) const {
    const auto at = ref(cell);
    const auto sheet = sheet_index(at.sheet);
    for (const auto& table : in_.located.tables) {
        if (!sheet || table.sheet != *sheet || at.row < table.first_body_row || at.row > table.last_row) {
            continue;
        }
        for (const auto& side : table.table->sides) {
            Place found{&table, &side, nullptr, at.col, nullptr, nullptr, at.row, {}};
            bool in_side = false;
            for (const auto& column : side.columns) {
                if (column.kind == layout::ColumnKind::Amount && table.column(side.key, column.key) == at.col) {
                    found.column = &column;
                    in_side = true;
                }
            }
            if (const auto more = table.more_columns.find(side.key); more != table.more_columns.end()) {
                in_side =
                    in_side || std::ranges::any_of(more->second, [&](const auto& c) { return c.second == at.col; });
            }
            if (!in_side) {
                continue;
            }
            const auto& index = rows_.at(&table).at(&side);
            if (const auto line = index.lines.find(at.row); line != index.lines.end()) {
                found.line = line->second;
                found.code = found.line->code;
            } else if (const auto row = index.block_rows.find(at.row); row != index.block_rows.end()) {
                found.block_row = row->second;
                found.code = found.block_row->code;
            } else {
                return std::nullopt;
            }
            return found;
        }
    }
    return std::nullopt;
}

std::size_t CellModel::depth(CellKey cell) const {
    const auto found = place(cell);
    return found && found->block_row != nullptr ? found->block_row->code.size() : 0;
}

bool CellModel::is_formula(CellKey cell) const {
    const auto sheet = sheet_of(cell);
    return sheet < in_.sheets.size() && in_.sheets[sheet].is_formula(row_of(cell), col_of(cell));
}

const Inputs& CellModel::formula_inputs(CellKey cell) {
    if (const auto known = inputs_.find(cell); known != inputs_.end()) {
        return known->second;
    }
    // Unknown until followed (a formula that reaches itself again stays unknown).
    inputs_[cell] = Inputs{{}, true};
    const auto found = place(cell);
    Inputs followed = found ? computed(*found) : Inputs{{}, true};
    followed.steps.shrink_to_fit();  // kept: a 类 row of a long table has a million
    return inputs_[cell] = std::move(followed);
}

Inputs CellModel::computed(const Place& place) {
    Inputs out;
    const auto& column = place.column;
    if (place.line != nullptr) {
        const auto& line = *place.line;
        const auto* assigned = column == nullptr ? nullptr : [&]() -> const layout::Assignment* {
            const auto it = std::ranges::find(line.values, column->key, &layout::Assignment::column);
            return it == line.values.end() ? nullptr : &*it;
        }();
        if (line.is_sum()) {
            add_below(out, summed(place));
        } else if (assigned != nullptr) {
            add_below(out, evaluated(assigned->value, place));
        } else if (column != nullptr && column->formula && (!uses_code(*column->formula) || !line.code.empty())) {
            add_below(out, evaluated(*column->formula, place));
        } else {
            out.unknown = true;
        }
        return out;
    }
    if (column != nullptr && column->formula && !uses_code(*column->formula)) {
        add_below(out, evaluated(*column->formula, place));
    } else if (place.side->block->kind != layout::BlockKind::Rows &&
               context_.code_index(place.table->blocks.at(place.side->block->key)).is_subtotal(place.code)) {
        add_below(out, summed(place));
    } else {
        out.unknown = true;
    }
    return out;
}

void CellModel::add_below(Inputs& into, const std::vector<CellRef>& cells) {
    for (const auto& cell : cells) {
        add_below(into, key(cell));
    }
}

void CellModel::add_below(Inputs& into, CellKey cell) {
    const bool known = each_input(cell, [&](const Step& step) { into.steps.push_back({step.cell, step.depth + 1}); });
    into.unknown = into.unknown || !known;
}

std::vector<CellRef> CellModel::evaluated(const expr::Expr& formula, const Place& place) const {
    return context_.evaluate(formula, engine::Scope{place.table, place.side, place.row, place.code, nullptr}).cells;
}

/// The cells a sum adds up, in the cell's column: a line over its block (the deepest rows) or over a
/// range of lines; a 类 or 款 row over the deepest rows under its code.
std::vector<CellRef> CellModel::summed(const Place& place) const {
    std::vector<CellRef> cells;
    const auto& table = *place.table;
    const auto& side = *place.side;
    const auto at = [&](std::size_t row) { cells.push_back(context_.ref(table, row, place.col)); };
    if (place.line == nullptr) {  // a row of the block
        for (const auto* row : context_.summed_rows(table, side, place.code)) {
            at(row->row);
        }
        return cells;
    }
    const auto& line = *place.line;
    if (line.sum_last.empty()) {
        const std::string prefix(layout::code_prefix(side.block->kind));
        for (const auto* row : context_.summed_rows(table, side, prefix)) {
            at(row->row);
        }
        return cells;
    }
    bool inside = false;
    for (const auto* part : {&side.head, &side.foot}) {
        for (const auto& summed_line : *part) {
            inside = inside || summed_line.key == line.sum_first;
            if (const auto row = table.line_row(summed_line.key); inside && row && !summed_line.blank) {
                at(*row);
            }
            inside = inside && summed_line.key != line.sum_last;
        }
    }
    return cells;
}

}  // namespace bd::grouping
