// The planner's entry point, plan_workbook (plan.hpp), and its first pass, placement: where the
// cover's fields, each table's header, lines and open blocks (in a filled workbook, with the 类/款
// rows the builder adds above their leaves) and the narrative's inputs land, before any formula is
// written; then each sheet is written, in the layout's order, by the file of its kind
// (planner.hpp).
#include "planner.hpp"

#include <algorithm>
#include <set>

namespace bd::build {

Cell& Sheet::at(std::size_t row, std::size_t col) {
    if (rows.size() <= row) {
        rows.resize(row + 1);
    }
    auto& cells = rows[row];
    if (cells.size() <= col) {
        cells.resize(col + 1);
    }
    return cells[col];
}

namespace planning {

namespace {

// Rows a blank template offers for each kind of open block (users insert more inside).
constexpr std::size_t blank_code_rows = 15;
constexpr std::size_t blank_named_rows = 20;

}  // namespace

Workbook Planner::plan() {
    Workbook workbook;
    workbook.title = layout_.title_zh;
    place_cover();
    for (const auto& table : layout_.tables) {
        place_table(table);
    }
    for (const auto& text : layout_.texts) {
        place_text_inputs(text);
    }
    for (const auto& name : layout_.sheet_order) {
        workbook.sheets.push_back(build_sheet(name));
    }
    return workbook;
}

void Planner::place_cover() {
    for (std::size_t i = 0; i < layout_.cover.fields.size(); ++i) {
        cover_rows_[layout_.cover.fields[i].key] = i + 1;
    }
}

std::vector<BlockRow> Planner::block_rows(const Table& table, const Block& block) const {
    std::vector<BlockRow> rows;
    const auto* filled = fill_ != nullptr ? fill_->block(table.id, block.key) : nullptr;
    if (filled == nullptr || filled->empty()) {
        const auto count = fill_ != nullptr ? 1 : (block.kind == BlockKind::Rows ? blank_named_rows : blank_code_rows);
        rows.resize(count);
        return rows;
    }
    if (block.kind == BlockKind::Rows) {
        for (const auto& row : *filled) {
            rows.push_back({{}, &row, false});
        }
        return rows;
    }
    // Coded: leaves in the fill's order, each preceded by the 类/款 rows it opens.
    std::set<std::string> opened;
    for (const auto& row : *filled) {
        const auto it = row.values.find("code");
        const std::string code = it == row.values.end() ? std::string() : it->second;
        for (const std::size_t length : {std::size_t{3}, std::size_t{5}}) {
            if (code.size() > length && opened.insert(code.substr(0, length)).second) {
                rows.push_back({code.substr(0, length), nullptr, true});
            }
        }
        rows.push_back({code, &row, false});
    }
    return rows;
}

void Planner::place_table(const Table& table) {
    TablePlan plan;
    plan.table = &table;
    std::size_t col = 0;
    bool side_headers = false;
    bool groups = false;
    for (const auto& side : table.sides) {
        plan.sides.push_back({});
        plan.sides.back().first_col = col;
        col += side.columns.size();
        side_headers = side_headers || !side.header.empty();
        groups = groups || std::ranges::any_of(side.columns, [](const Column& c) { return !c.group.empty(); });
    }
    plan.width = col;
    plan.header_first = 3;
    plan.body_first = plan.header_first + (side_headers ? 1 : 0) + (groups ? 1 : 0) + 1 + (table.numbered ? 1 : 0);
    std::size_t top = 0;
    std::size_t foot = 0;
    std::vector<std::vector<BlockRow>> blocks;
    for (const auto& side : table.sides) {
        blocks.push_back(side.block ? block_rows(table, *side.block) : std::vector<BlockRow>{});
        top = std::max(top, side.head.size() + blocks.back().size());
        foot = std::max(foot, side.foot.size());
    }
    for (std::size_t s = 0; s < table.sides.size(); ++s) {
        const auto& side = table.sides[s];
        auto& placed = plan.sides[s];
        std::size_t row = plan.body_first;
        for (const auto& line : side.head) {
            placed.line_rows[line.key] = row++;
        }
        if (side.block) {
            placed.has_block = true;
            placed.block_first = row;
            placed.block_last = row + blocks[s].size() - 1;
            block_plans_[table.id + "/" + side.block->key] = blocks[s];
        }
        row = plan.body_first + top + (foot - side.foot.size());
        for (const auto& line : side.foot) {
            if (!line.blank) {
                placed.line_rows[line.key] = row;
            }
            ++row;
        }
    }
    plan.body_last = plan.body_first + top + foot - 1;
    tables_[table.id] = plan;
}

void Planner::place_text_inputs(const TextSheet& text) {
    for (std::size_t i = 0; i < text.inputs.size(); ++i) {
        input_rows_[text.id + "/" + text.inputs[i].key] = i + 1;
    }
}

Sheet Planner::build_sheet(const std::string& name) {
    if (name == layout_.cover.sheet) {
        return cover_sheet();
    }
    for (const auto& table : layout_.tables) {
        if (table.sheet == name) {
            return table_sheet(table);
        }
    }
    for (const auto& text : layout_.texts) {
        if (text.sheet == name) {
            return text_sheet(text);
        }
    }
    return forms_sheet(*std::ranges::find(layout_.forms, name, &layout::Forms::sheet));
}

}  // namespace planning

Workbook plan_workbook(const layout::Layout& layout, const Fill* fill) {
    return planning::Planner(layout, fill).plan();
}

}  // namespace bd::build
