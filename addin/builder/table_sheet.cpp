// A table's sheet: its number, title and unit lines, the header (side headers, column groups,
// column numbers), the fixed lines with their sums and formulas, the open blocks' rows (codes and
// amounts to enter, names from BUDGET.CLASSNAME, 类/款 rows and totals as BUDGET.SUMUNDER), the
// note of an empty table and the header rows repeated on every printed page.
#include "planner.hpp"

#include <algorithm>

namespace bd::build::planning {

namespace {

bool uses_code(const expr::Expr& expression) {
    return std::ranges::any_of(expr::paths(expression), [](const expr::Path& p) {
        return p.table.empty() && p.first == "code" && p.member.empty();
    });
}

const std::string& table_sheet_name(const TablePlan& plan) {
    return plan.table->sheet;
}

}  // namespace

Sheet Planner::table_sheet(const Table& table) const {
    const TablePlan& plan = tables_.at(table.id);
    Sheet sheet;
    sheet.name = table.sheet;
    const auto last = plan.width - 1;
    sheet.at(0, 0) = text_cell(table.number, Style::Number);
    auto& title = sheet.at(1, 0) = caption(table.title, Style::Title);
    title.colspan = static_cast<int>(plan.width);
    auto& unit = sheet.at(2, 0) =
        formula_cell(string_literal("单位名称：") + "&" + cover_ref("unit"), Style::Info, true);
    unit.colspan = static_cast<int>(std::max<std::size_t>(1, last));
    sheet.at(2, last) = text_cell("单位：" + layout_.unit, Style::InfoRight);

    header(sheet, plan);
    for (std::size_t s = 0; s < table.sides.size(); ++s) {
        body(sheet, plan, table.sides[s], plan.sides[s]);
    }
    // Empty cells of the body still carry the table's borders.
    for (std::size_t row = plan.body_first; row <= plan.body_last; ++row) {
        for (std::size_t col = 0; col < plan.width; ++col) {
            auto& cell = sheet.at(row, col);
            if (cell.style == Style::Default) {
                cell.style = Style::Label;
            }
        }
    }
    if (table.note_if_empty) {
        const Where where{&plan, nullptr, 0, {}, nullptr};
        auto& note = sheet.at(plan.body_last + 1, 0) = formula_cell(
            "IF(" + compile(*table.note_if_empty, where).formula + "=0;\"注：本表无数据\";\"\")", Style::Note, true);
        note.colspan = static_cast<int>(plan.width);
    }
    sheet.repeat_rows = {plan.header_first, plan.body_first - 1};
    column_widths(sheet, table);
    return sheet;
}

void Planner::header(Sheet& sheet, const TablePlan& plan) const {
    const Table& table = *plan.table;
    const bool side_headers = std::ranges::any_of(table.sides, [](const Side& s) { return !s.header.empty(); });
    const bool groups = std::ranges::any_of(table.sides, [](const Side& s) {
        return std::ranges::any_of(s.columns, [](const Column& c) { return !c.group.empty(); });
    });
    const std::size_t columns_row = plan.body_first - 1 - (table.numbered ? 1 : 0);
    const std::size_t groups_row = columns_row - (groups ? 1 : 0);
    for (std::size_t s = 0; s < table.sides.size(); ++s) {
        const auto& side = table.sides[s];
        const auto first = plan.sides[s].first_col;
        if (side_headers) {
            auto& cell = sheet.at(plan.header_first, first) = caption(side.header, Style::Header);
            cell.colspan = static_cast<int>(side.columns.size());
        }
        for (std::size_t c = 0; c < side.columns.size(); ++c) {
            const auto& column = side.columns[c];
            const auto col = first + c;
            if (column.group.empty()) {
                auto& cell = sheet.at(groups_row, col) = caption(column.header, Style::Header);
                cell.rowspan = groups ? 2 : 1;
                if (groups) {
                    sheet.at(columns_row, col).style = Style::Header;
                }
                continue;
            }
            sheet.at(columns_row, col) = caption(column.header, Style::Header);
            if (c == 0 || side.columns[c - 1].group != column.group) {
                std::size_t span = 1;
                while (c + span < side.columns.size() && side.columns[c + span].group == column.group) {
                    ++span;
                }
                auto& cell = sheet.at(groups_row, col) = caption(column.group, Style::Header);
                cell.colspan = static_cast<int>(span);
            } else {
                sheet.at(groups_row, col).style = Style::Header;
            }
        }
    }
    if (table.numbered) {
        for (std::size_t col = 0; col < plan.width; ++col) {
            sheet.at(plan.body_first - 1, col) = text_cell(std::to_string(col + 1), Style::Header);
        }
    }
    for (std::size_t row = plan.header_first; row < plan.body_first; ++row) {
        for (std::size_t col = 0; col < plan.width; ++col) {
            if (sheet.at(row, col).style == Style::Default) {
                sheet.at(row, col).style = Style::Header;
            }
        }
    }
}

Cell Planner::amount_cell(const TablePlan& plan, const Side& side, const Column& column, const Line& line,
                          std::size_t row) const {
    const Where where{&plan, &side, row, line.code, nullptr};
    const auto col = column_of(plan, side, column.key);
    if (line.is_sum()) {
        if (line.sum_last.empty()) {
            const auto& placed = side_placement(plan, side);
            const auto range = range_ref(table_sheet_name(plan), placed.block_first, col, placed.block_last, col);
            if (side.block->kind == BlockKind::Rows) {
                return formula_cell("SUM(" + range + ")", Style::Amount);
            }
            const auto code_col = column_of(plan, side, side.first_column(ColumnKind::Code)->key);
            const auto codes =
                range_ref(table_sheet_name(plan), placed.block_first, code_col, placed.block_last, code_col);
            return formula_cell(std::string(add_in) + "SUMUNDER(" + codes + ";" + range + ";" +
                                    string_literal(std::string(code_prefix(side.block->kind))) + ")",
                                Style::Amount);
        }
        const auto& placed = side_placement(plan, side);
        return formula_cell("SUM(" +
                                range_ref(table_sheet_name(plan), placed.line_rows.at(line.sum_first), col,
                                          placed.line_rows.at(line.sum_last), col) +
                                ")",
                            Style::Amount);
    }
    const auto value = std::ranges::find(line.values, column.key, &layout::Assignment::column);
    if (value != line.values.end()) {
        return formula_cell(compile(value->value, where).formula, Style::Amount);
    }
    if (column.formula && (!uses_code(*column.formula) || !line.code.empty())) {
        return formula_cell(compile(*column.formula, where).formula, Style::Amount);
    }
    return input_cell(fill_ != nullptr ? fill_->line(plan.table->id, line.key, column.key) : nullptr,
                      Style::InputAmount, true);
}

void Planner::body(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed) const {
    for (const auto* lines : {&side.head, &side.foot}) {
        for (const auto& line : *lines) {
            if (line.blank) {
                continue;
            }
            const auto row = placed.line_rows.at(line.key);
            sheet.at(row, label_column(plan, side, line)) = caption(line.label, Style::Label);
            for (const auto& column : side.columns) {
                if (column.kind == ColumnKind::Amount) {
                    sheet.at(row, column_of(plan, side, column.key)) = amount_cell(plan, side, column, line, row);
                }
            }
        }
    }
    if (side.block) {
        const auto& rows = block_plans_.at(plan.table->id + "/" + side.block->key);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            block_row(sheet, plan, side, placed, rows[i], placed.block_first + i);
        }
    }
}

void Planner::block_row(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed,
                        const BlockRow& block_row, std::size_t row) const {
    const auto& block = *side.block;
    const auto value_of = [&](const std::string& key) -> const std::string* {
        if (block_row.filled == nullptr) {
            return nullptr;
        }
        const auto it = block_row.filled->values.find(key);
        return it == block_row.filled->values.end() ? nullptr : &it->second;
    };
    const Column* code_column = side.first_column(ColumnKind::Code);
    const auto code_ref = code_column != nullptr
                              ? row_ref(plan.table->sheet, row, column_of(plan, side, code_column->key))
                              : std::string();
    for (const auto& column : side.columns) {
        const auto col = column_of(plan, side, column.key);
        auto& cell = sheet.at(row, col);
        switch (column.kind) {
            case ColumnKind::Code:
                cell = block_row.subtotal ? text_cell(block_row.code, Style::InputText)
                                          : input_cell(value_of(column.key), Style::InputText, false);
                break;
            case ColumnKind::Name:
                if ((block.kind == BlockKind::Economic && !block_row.subtotal) || block.kind == BlockKind::Rows) {
                    cell = input_cell(value_of(column.key), Style::InputText, false);
                } else {
                    cell = formula_cell("IF(" + code_ref + "=\"\";\"\";IFERROR(" + add_in + "CLASSNAME(" + code_ref +
                                            ";" + cover_ref("year") + ");\"（未载入的科目）\"))",
                                        Style::Code, true);
                }
                break;
            case ColumnKind::Label:
            case ColumnKind::Text: cell = input_cell(value_of(column.key), Style::InputText, false); break;
            case ColumnKind::Amount:
                if (column.formula && !uses_code(*column.formula)) {
                    cell = formula_cell(compile(*column.formula, Where{&plan, &side, row, {}, nullptr}).formula,
                                        Style::Amount);
                } else if (block_row.subtotal) {
                    // Over the rows below it (its own leaves are there): a range holding the
                    // formula's own cell would be a circular reference.
                    const auto code_col = column_of(plan, side, code_column->key);
                    const auto codes = range_ref(plan.table->sheet, row + 1, code_col, placed.block_last, code_col);
                    const auto amounts = range_ref(plan.table->sheet, row + 1, col, placed.block_last, col);
                    cell =
                        formula_cell(std::string(add_in) + "SUMUNDER(" + codes + ";" + amounts + ";" + code_ref + ")",
                                     Style::Amount);
                } else {
                    cell = input_cell(value_of(column.key), Style::InputAmount, true);
                }
                break;
        }
    }
}

}  // namespace bd::build::planning
