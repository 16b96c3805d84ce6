#include "plan.hpp"

#include "bd/catalog.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace bd::build {

using layout::Block;
using layout::BlockKind;
using layout::Column;
using layout::ColumnKind;
using layout::Layout;
using layout::Line;
using layout::Side;
using layout::Table;
using layout::TextItem;
using layout::TextSheet;

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

namespace {

// Rows a blank template offers for each kind of open block (users insert more inside).
constexpr std::size_t blank_code_rows = 15;
constexpr std::size_t blank_named_rows = 20;
constexpr std::size_t blank_forms = 10;
constexpr const char* add_in = "ORG.BUDGETDISCLOSURE.FUNCTIONS.";

// Printed widths (A4 less the page margins of odf.cpp) and the width of a CJK character in the
// cells' 10.5 pt font; an ASCII character is half as wide.
constexpr double portrait_width_cm = 18.0;
constexpr double landscape_width_cm = 26.7;
constexpr double cm_per_unit = 0.37;

double text_units(const std::string& text) {
    double units = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            units += 0.5;
        } else if ((byte & 0xC0) != 0x80) {
            units += 1;
        }
    }
    return units;
}

std::string column_letters(std::size_t col) {
    std::string letters;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

std::string quoted_sheet(const std::string& sheet) {
    std::string out = "$'";
    for (const char c : sheet) {
        out += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return out + "'";
}

std::string cell_ref(const std::string& sheet, std::size_t row, std::size_t col) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col) + "$" + std::to_string(row + 1) + "]";
}

// A cell of the same row: the row relative, so that a row copied or filled down refers to itself.
std::string row_ref(const std::string& sheet, std::size_t row, std::size_t col) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col) + std::to_string(row + 1) + "]";
}

std::string range_ref(const std::string& sheet, std::size_t row1, std::size_t col1, std::size_t row2,
                      std::size_t col2) {
    return "[" + quoted_sheet(sheet) + ".$" + column_letters(col1) + "$" + std::to_string(row1 + 1) + ":.$" +
           column_letters(col2) + "$" + std::to_string(row2 + 1) + "]";
}

// The plain range address a chart uses: $'sheet'.$A$1:.$A$9.
std::string chart_range(const std::string& sheet, std::size_t row1, std::size_t col, std::size_t row2) {
    return quoted_sheet(sheet) + ".$" + column_letters(col) + "$" + std::to_string(row1 + 1) + ":.$" +
           column_letters(col) + "$" + std::to_string(row2 + 1);
}

std::string string_literal(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

Cell text_cell(std::string text, Style style) {
    return {Cell::Kind::Text, std::move(text), false, false, style, 1, 1};
}
Cell formula_cell(std::string formula, Style style, bool text_result = false) {
    return {Cell::Kind::Formula, std::move(formula), false, text_result, style, 1, 1};
}
Cell input_cell(const std::string* value, Style style, bool number) {
    if (value == nullptr || value->empty()) {
        return {Cell::Kind::Empty, {}, false, false, style, 1, 1};
    }
    return {number ? Cell::Kind::Number : Cell::Kind::Text, *value, false, false, style, 1, 1};
}

struct SidePlacement {
    std::size_t first_col = 0;
    std::map<std::string, std::size_t> line_rows;
    std::size_t block_first = 0;  // block rows [first, last]
    std::size_t block_last = 0;
    bool has_block = false;
};

struct TablePlan {
    const Table* table = nullptr;
    std::vector<SidePlacement> sides;
    std::size_t header_first = 0;
    std::size_t body_first = 0;
    std::size_t body_last = 0;
    std::size_t width = 0;
};

// One row of an open block as it will be written: a leaf row from the fill, or a 类/款 row the
// builder adds above its leaves (its amounts are SUMUNDER formulas).
struct BlockRow {
    std::string code;
    const FilledRow* filled = nullptr;
    bool subtotal = false;
};

class Planner {
public:
    Planner(const Layout& layout, const Fill* fill) : layout_(layout), fill_(fill) {}

    Workbook plan() {
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

private:
    // ---- placement: where everything lands (before any formula is written) ----

    void place_cover() {
        for (std::size_t i = 0; i < layout_.cover.fields.size(); ++i) {
            cover_rows_[layout_.cover.fields[i].key] = i + 1;
        }
    }

    std::vector<BlockRow> block_rows(const Table& table, const Block& block) const {
        std::vector<BlockRow> rows;
        const auto* filled = fill_ != nullptr ? fill_->block(table.id, block.key) : nullptr;
        if (filled == nullptr || filled->empty()) {
            const auto count =
                fill_ != nullptr ? 1 : (block.kind == BlockKind::Rows ? blank_named_rows : blank_code_rows);
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

    void place_table(const Table& table) {
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

    void place_text_inputs(const TextSheet& text) {
        for (std::size_t i = 0; i < text.inputs.size(); ++i) {
            input_rows_[text.id + "/" + text.inputs[i].key] = i + 1;
        }
    }

    // ---- references ----

    const TablePlan& table_plan(const std::string& id) const { return tables_.at(id); }

    std::size_t column_of(const TablePlan& plan, const Side& side, const std::string& key) const {
        const auto s = static_cast<std::size_t>(&side - plan.table->sides.data());
        const auto it = std::ranges::find(side.columns, key, &Column::key);
        return plan.sides[s].first_col + static_cast<std::size_t>(it - side.columns.begin());
    }
    const SidePlacement& side_placement(const TablePlan& plan, const Side& side) const {
        return plan.sides[static_cast<std::size_t>(&side - plan.table->sides.data())];
    }

    static constexpr std::size_t cover_value_col = 5;
    static constexpr std::size_t text_input_col = 6;

    std::string cover_ref(const std::string& key) const {
        return cell_ref(layout_.cover.sheet, cover_rows_.at(key), cover_value_col);
    }

    // What an expression is written in: its table and row, or a text sheet.
    struct Where {
        const TablePlan* table = nullptr;
        const Side* side = nullptr;
        std::size_t row = 0;
        std::string code;  // the line's or row's code
        const TextSheet* text = nullptr;
    };

    struct Compiled {
        std::string formula;
        bool text = false;   // gives text, not a number
        bool array = false;  // must be entered as an array formula
        bool whole = false;  // a whole number (the year, a count)
    };

    // The cells a path names, as a reference or a range.
    Compiled path_ref(const expr::Path& path, const Where& where) const {
        if (path.table.empty() && path.last.empty() && path.member.empty()) {
            if (path.first == "code") {
                return {string_literal(where.code), true, false, false};
            }
            if (cover_rows_.contains(path.first)) {
                const auto field = std::ranges::find(layout_.cover.fields, path.first, &layout::Field::key);
                return {cover_ref(path.first), !field->is_number, false, field->is_number};
            }
            if (where.side != nullptr && where.side->column(path.first) != nullptr) {
                return {row_ref(where.table->table->sheet, where.row, column_of(*where.table, *where.side, path.first)),
                        false, false, false};
            }
            if (where.text != nullptr) {
                const auto input = std::ranges::find(where.text->inputs, path.first, &layout::Field::key);
                return {cell_ref(where.text->sheet, input_rows_.at(where.text->id + "/" + path.first), text_input_col),
                        !input->is_number, false, false};
            }
        }
        const TablePlan& plan = path.table.empty() ? *where.table : table_plan(path.table);
        const Table& table = *plan.table;
        if (const Side* side = table.block_side(path.first); side != nullptr && path.last.empty()) {
            const auto& placed = side_placement(plan, *side);
            const auto col = path.member.empty() ? column_of(plan, *side, side->columns.front().key)
                                                 : column_of(plan, *side, path.member);
            return {range_ref(table.sheet, placed.block_first, col, placed.block_last, col), false, false, false};
        }
        const auto first = table.line(path.first);
        const auto& placed = side_placement(plan, *first->side);
        const auto col = column_of(plan, *first->side, path.member);
        if (!path.last.empty()) {
            return {range_ref(table.sheet, placed.line_rows.at(path.first), col, placed.line_rows.at(path.last), col),
                    false, false, false};
        }
        return {cell_ref(table.sheet, placed.line_rows.at(path.first), col), false, false, false};
    }

    // The label cells of a line range (for the narrative's lists of classes).
    std::string labels_of(const expr::Path& path, const Where& where) const {
        const TablePlan& plan = path.table.empty() ? *where.table : table_plan(path.table);
        const auto first = plan.table->line(path.first);
        const auto& placed = side_placement(plan, *first->side);
        const auto col = label_column(plan, *first->side, *first->line);
        return range_ref(plan.table->sheet, placed.line_rows.at(path.first), col, placed.line_rows.at(path.last), col);
    }

    std::size_t label_column(const TablePlan& plan, const Side& side, const Line& line) const {
        if (!line.at.empty()) {
            return column_of(plan, side, line.at);
        }
        for (const auto kind : {ColumnKind::Label, ColumnKind::Name, ColumnKind::Code}) {
            if (const auto* column = side.first_column(kind); column != nullptr) {
                return column_of(plan, side, column->key);
            }
        }
        return side_placement(plan, side).first_col;
    }

    Compiled compile(const expr::Expr& expression, const Where& where) const {
        struct Visitor {
            const Planner& planner;
            const Where& where;
            Compiled operator()(const std::string& number) const {
                return {number, false, false, number.find('.') == std::string::npos};
            }
            Compiled operator()(const expr::Path& path) const { return planner.path_ref(path, where); }
            Compiled operator()(const expr::Operation& operation) const {
                const auto lhs = boost::apply_visitor(*this, operation.lhs);
                const auto rhs = boost::apply_visitor(*this, operation.rhs);
                return {"(" + lhs.formula + std::string(1, operation.op) + rhs.formula + ")", false,
                        lhs.array || rhs.array, lhs.whole && rhs.whole};
            }
            Compiled operator()(const expr::Call& call) const { return planner.compile_call(call, where); }
        };
        return boost::apply_visitor(Visitor{*this, where}, expression);
    }

    Compiled compile_call(const expr::Call& call, const Where& where) const {
        const auto argument = [&](std::size_t i) { return compile(call.arguments.at(i), where).formula; };
        const auto& name = call.function;
        if (name == "under") {
            const auto& path = boost::get<expr::Path>(call.arguments.at(0));
            const TablePlan& plan = path.table.empty() ? *where.table : table_plan(path.table);
            const Side* side = plan.table->block_side(path.first);
            const auto& placed = side_placement(plan, *side);
            const auto code_col = column_of(plan, *side, side->first_column(ColumnKind::Code)->key);
            const auto codes = range_ref(plan.table->sheet, placed.block_first, code_col, placed.block_last, code_col);
            return {std::string(add_in) + "SUMUNDER(" + codes + ";" + argument(0) + ";" + argument(1) + ")", false,
                    false, false};
        }
        if (name == "yoy") {
            return {std::string(add_in) + "YOYTEXT(" + argument(0) + ";" + argument(1) + ")", true, false, false};
        }
        if (name == "share") {
            // A share of nothing (a blank template) is written without its percentage.
            return {"IF(" + argument(1) + "=0;TEXT(" + argument(0) + ";\"0.00\")&\"万元\";" + add_in + "SHARETEXT(" +
                        argument(0) + ";" + argument(1) + "))",
                    true, false, false};
        }
        if (name == "change") {
            const auto difference = "(" + argument(0) + "-" + argument(1) + ")";
            return {"IF(ROUND(" + difference + ";2)>0;\"增加\"&TEXT(" + difference + ";\"0.00\")&\"万元\";IF(ROUND(" +
                        difference + ";2)<0;\"减少\"&TEXT(-" + difference + ";\"0.00\")&\"万元\";\"持平\"))",
                    true, false, false};
        }
        if (name == "classes" || name == "classshares") {
            const auto& path = boost::get<expr::Path>(call.arguments.at(0));
            const auto values = argument(0);
            const auto labels = labels_of(path, where);
            const auto names = "MID(" + labels + ";FIND(\"、\";" + labels + ")+1;100)";
            std::string each = names + "&TEXT(" + values + ";\"0.00\")&\"万元\"";
            std::string separator = "、";
            if (name == "classshares") {
                each += "&\"，占\"&TEXT(ROUND(" + values + "/" + argument(1) + "*100;2);\"0.00\")&\"%\"";
                separator = "；";
            }
            return {"COM.MICROSOFT.TEXTJOIN(\"" + separator + "\";1;IF(" + values + "<>0;" + each + ";\"\"))", true,
                    true, false};
        }
        if (name == "count") {
            return {"COUNTA(" + argument(0) + ")", false, false, true};
        }
        return {"#NAME?", false, false, false};
    }

    // ---- sheets ----

    Sheet build_sheet(const std::string& name) {
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

    std::string with_fields(const std::string& text) const {
        // "{year}年预算收支总表" → a formula joining the cover's fields and the literal text.
        std::string formula;
        for (const auto& segment : expr::parse_template(text)) {
            formula += formula.empty() ? "" : "&";
            formula +=
                segment.is_expression ? compile(segment.expression, Where{}).formula : string_literal(segment.text);
        }
        return formula;
    }
    bool has_fields(const std::string& text) const { return text.find('{') != std::string::npos; }
    Cell caption(const std::string& text, Style style) const {
        return has_fields(text) ? formula_cell(with_fields(text), style, true) : text_cell(text, style);
    }

    const std::string* fill_cover(const std::string& key) const {
        if (fill_ == nullptr) {
            return nullptr;
        }
        const auto it = fill_->cover.find(key);
        return it == fill_->cover.end() ? nullptr : &it->second;
    }

    // The inputs fill the cover's first rows, beside the printed area (A:C); the printed cover starts
    // below them, so that their wrapped texts set no printed row's height.
    Sheet cover_sheet() const {
        Sheet sheet;
        sheet.name = layout_.cover.sheet;
        sheet.widths_cm = {4.0, 4.0, 8.0, 0.8, 4.0, 10.0};
        sheet.print_columns = {0, 2};
        sheet.at(0, cover_value_col - 1) =
            text_cell("请在右侧填写，各表标题、单位名称和情况说明随之更新", Style::InputLabel);
        std::size_t row = 1;
        for (const auto& field : layout_.cover.fields) {
            row = std::max(row, cover_rows_.at(field.key) + 1);
            sheet.at(cover_rows_.at(field.key), cover_value_col - 1) = text_cell(field.label, Style::InputLabel);
            sheet.at(cover_rows_.at(field.key), cover_value_col) =
                input_cell(fill_cover(field.key), Style::InputText, field.is_number);
        }
        sheet.print_first_row = row;
        sheet.row_heights_cm[row++] = 7.0;  // the title a third down the page
        auto& unit = sheet.at(row, 0) = formula_cell("T(" + cover_ref("unit") + ")", Style::Title, true);
        unit.colspan = 3;
        sheet.row_heights_cm[row++] = 2.4;
        auto& title = sheet.at(row, 0) = caption(layout_.cover.title, Style::Title);
        title.colspan = 3;
        sheet.row_heights_cm[row++] = 1.6;
        ++row;
        sheet.page_breaks.push_back(row);  // 第一部分 概况 on a page of its own, as published
        sheet.at(row++, 0) = text_cell("第一部分 概况", Style::Heading);
        for (const auto& field : layout_.cover.fields) {
            if (field.key == "duties" || field.key == "organization") {
                sheet.at(row++, 0) = text_cell(field.label, Style::Heading);
                auto& text = sheet.at(row++, 0) =
                    formula_cell("T(" + cover_ref(field.key) + ")", Style::Paragraph, true);
                text.colspan = 3;
            }
        }
        return sheet;
    }

    Sheet table_sheet(const Table& table) const {
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
            auto& note = sheet.at(plan.body_last + 1, 0) =
                formula_cell("IF(" + compile(*table.note_if_empty, where).formula + "=0;\"注：本表无数据\";\"\")",
                             Style::Note, true);
            note.colspan = static_cast<int>(plan.width);
        }
        sheet.repeat_rows = {plan.header_first, plan.body_first - 1};
        column_widths(sheet, table);
        return sheet;
    }

    // Each column as wide as what it holds (a label column as its longest line, a code or amount
    // column as its header on one line or two); the table is then printed across the page:
    // portrait if it fits, else landscape, widened to the page's width.
    static void column_widths(Sheet& sheet, const Table& table) {
        std::vector<double> header_units;  // of a code or amount column's header, else 0
        for (const auto& side : table.sides) {
            for (const auto& column : side.columns) {
                const double header = text_units(with_year_digits(column.header));
                switch (column.kind) {
                    case ColumnKind::Code:
                    case ColumnKind::Amount: {
                        const double line = header <= 6 ? header : std::ceil(header / 2);
                        sheet.widths_cm.push_back(
                            std::max(column.kind == ColumnKind::Code ? 2.4 : 2.0, line * cm_per_unit + 0.4));
                        header_units.push_back(header);
                        break;
                    }
                    case ColumnKind::Label: {
                        double units = 6;
                        for (const auto* lines : {&side.head, &side.foot}) {
                            for (const auto& line : *lines) {
                                units = std::max(units, text_units(line.label));
                            }
                        }
                        sheet.widths_cm.push_back(side.block ? 7.0 : std::min(7.0, units * cm_per_unit + 0.3));
                        header_units.push_back(0);
                        break;
                    }
                    default:
                        sheet.widths_cm.push_back(5.0);
                        header_units.push_back(0);
                        break;
                }
            }
        }
        const auto total = [&] {
            double sum = 0;
            for (const double width : sheet.widths_cm) {
                sum += width;
            }
            return sum;
        };
        sheet.landscape = total() > portrait_width_cm;
        const double page = sheet.landscape ? landscape_width_cm : portrait_width_cm;
        const double scale = std::max(1.0, page / total());
        for (auto& width : sheet.widths_cm) {
            width = std::floor(width * scale * 100) / 100;
        }
        // Widened, a header may now wrap leaving one character alone on its last line: such a
        // column takes the width of balanced lines from the widest column.
        for (std::size_t col = 0; col < sheet.widths_cm.size(); ++col) {
            const double units = header_units[col];
            const double per_line = std::floor((sheet.widths_cm[col] - 0.07) / cm_per_unit);
            const double lines = std::ceil(units / per_line);
            if (units == 0 || lines < 2 || units - (lines - 1) * per_line > 1) {
                continue;
            }
            const double wanted = std::ceil(units / (lines - 1)) * cm_per_unit + 0.4;
            std::size_t widest = col;
            for (std::size_t other = 0; other < sheet.widths_cm.size(); ++other) {
                if (header_units[other] == 0 && (widest == col || sheet.widths_cm[other] > sheet.widths_cm[widest])) {
                    widest = other;
                }
            }
            const double delta = wanted - sheet.widths_cm[col];
            sheet.widths_cm[col] = wanted;
            if (widest != col && sheet.widths_cm[widest] - delta > 4.0) {
                sheet.widths_cm[widest] -= delta;
            }
        }
    }

    static std::string with_year_digits(std::string text) {
        for (auto at = text.find("{year}"); at != std::string::npos; at = text.find("{year}")) {
            text.replace(at, 6, "0000");
        }
        return text;
    }

    void header(Sheet& sheet, const TablePlan& plan) const {
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

    static bool uses_code(const expr::Expr& expression) {
        return std::ranges::any_of(expr::paths(expression), [](const expr::Path& p) {
            return p.table.empty() && p.first == "code" && p.member.empty();
        });
    }

    Cell amount_cell(const TablePlan& plan, const Side& side, const Column& column, const Line& line,
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

    static const std::string& table_sheet_name(const TablePlan& plan) { return plan.table->sheet; }

    void body(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed) const {
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

    void block_row(Sheet& sheet, const TablePlan& plan, const Side& side, const SidePlacement& placed,
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
                        cell = formula_cell("IF(" + code_ref + "=\"\";\"\";IFERROR(" + add_in + "CLASSNAME(" +
                                                code_ref + ";" + cover_ref("year") + ");\"（未载入的科目）\"))",
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
                        cell = formula_cell(
                            std::string(add_in) + "SUMUNDER(" + codes + ";" + amounts + ";" + code_ref + ")",
                            Style::Amount);
                    } else {
                        cell = input_cell(value_of(column.key), Style::InputAmount, true);
                    }
                    break;
            }
        }
    }

    const std::string* fill_input(const TextSheet& text, const std::string& key) const {
        if (fill_ == nullptr) {
            return nullptr;
        }
        const auto it = fill_->inputs.find(text.id + "/" + key);
        return it == fill_->inputs.end() ? nullptr : &it->second;
    }

    // The inputs fill the first rows, beside the printed columns (A:D); the printed text starts
    // below them, so that an input's wrapped text sets no printed row's height: a paragraph row
    // fits its own text (Calc's optimal height of a cell merged over A:D wraps at the merged width).
    // Chart data the charts read (compacted, see chart_data) is further right, not printed either.
    Sheet text_sheet(const TextSheet& text) const {
        Sheet sheet;
        sheet.name = text.sheet;
        sheet.widths_cm = {3.0, 4.0, 4.0, 5.0, 0.8, 5.0, 8.0};
        sheet.print_columns = {0, 3};
        std::size_t row = 0;
        if (!text.inputs.empty()) {
            sheet.at(0, text_input_col - 1) = text_cell("请填写（表中没有的数字和文字）", Style::InputLabel);
            for (const auto& input : text.inputs) {
                const auto input_row = input_rows_.at(text.id + "/" + input.key);
                sheet.at(input_row, text_input_col - 1) = text_cell(input.label, Style::InputLabel);
                sheet.at(input_row, text_input_col) =
                    input_cell(fill_input(text, input.key), input.is_number ? Style::InputAmount : Style::InputText,
                               input.is_number);
                row = std::max(row, input_row + 2);
            }
        }
        sheet.print_first_row = row;
        auto& title = sheet.at(row, 0) = caption(text.title, Style::Title);
        title.colspan = 4;
        row += 2;
        const Where where{nullptr, nullptr, 0, {}, &text};
        std::size_t data_col = text_input_col + 2;
        for (const auto& item : text.items) {
            switch (item.kind) {
                case TextItem::Kind::Heading: {
                    auto& cell = sheet.at(row++, 0) = text_cell(item.text, Style::Heading);
                    cell.colspan = 4;
                    break;
                }
                case TextItem::Kind::Paragraph: {
                    auto& cell = sheet.at(row++, 0) = paragraph(item, where);
                    cell.colspan = 4;
                    break;
                }
                case TextItem::Kind::Chart:
                    sheet.charts.push_back(chart(sheet, item, row + 1, data_col));
                    sheet.row_heights_cm[row + 1] = chart_row_cm;
                    row += 3;
                    break;
                case TextItem::Kind::List: list(sheet, text, item, row); break;
            }
        }
        return sheet;
    }

    Cell paragraph(const TextItem& item, const Where& where) const {
        std::string formula;
        bool array = false;
        bool any_expression = false;
        for (const auto& segment : item.segments) {
            formula += formula.empty() ? "" : "&";
            if (!segment.is_expression) {
                formula += string_literal(segment.text);
                continue;
            }
            any_expression = true;
            const auto compiled = compile(segment.expression, where);
            array = array || compiled.array;
            if (compiled.text) {
                formula += "T(" + compiled.formula + ")";
            } else if (compiled.whole) {
                formula += "TEXT(" + compiled.formula + ";\"0\")";
            } else {
                formula += "TEXT(" + compiled.formula + ";\"0.00\")";
            }
        }
        if (!any_expression) {
            return text_cell(item.text, Style::Paragraph);
        }
        auto cell = formula_cell(formula, Style::Paragraph, true);
        cell.array = array;
        return cell;
    }

    static constexpr double chart_row_cm = 8.6;

    // A chart in its own row, over the printed columns. A chart of one line range (a table's 30
    // classes, most of them zero) reads compacted data instead: see chart_data.
    Chart chart(Sheet& sheet, const TextItem& item, std::size_t row, std::size_t& data_col) const {
        Chart chart;
        chart.title = item.text;
        chart.row = row;
        chart.end_col = 3;
        if (item.series.size() == 1) {
            const auto paths = expr::paths(item.series.front());
            if (paths.size() == 1 && !paths.front().last.empty()) {
                chart_data(sheet, chart, paths.front(), data_col);
                data_col += 3;
                return chart;
            }
        }
        for (const auto& series : item.series) {
            for (const auto& path : expr::paths(series)) {
                const TablePlan& plan = table_plan(path.table);
                const auto first = plan.table->line(path.first);
                const auto& placed = side_placement(plan, *first->side);
                const auto value_col = column_of(plan, *first->side, path.member);
                const auto label_col = label_column(plan, *first->side, *first->line);
                const auto from = placed.line_rows.at(path.first);
                const auto to = path.last.empty() ? from : placed.line_rows.at(path.last);
                chart.labels += (chart.labels.empty() ? "" : " ") + chart_range(plan.table->sheet, from, label_col, to);
                chart.values += (chart.values.empty() ? "" : " ") + chart_range(plan.table->sheet, from, value_col, to);
            }
        }
        return chart;
    }

    // The nonzero lines of a range, compacted into two columns at data_col (beside the inputs, not
    // printed): each line's name without its numbering ("一、") and its amount, in the table's
    // order; the rows beyond stay empty (""). The chart shows only what the unit spends on.
    void chart_data(Sheet& sheet, Chart& chart, const expr::Path& path, std::size_t data_col) const {
        const TablePlan& plan = table_plan(path.table);
        const auto first = plan.table->line(path.first);
        const auto& placed = side_placement(plan, *first->side);
        const auto from = placed.line_rows.at(path.first);
        const auto to = placed.line_rows.at(path.last);
        const auto& table_sheet = plan.table->sheet;
        const auto value_col = column_of(plan, *first->side, path.member);
        const auto values = range_ref(table_sheet, from, value_col, to, value_col);
        const auto label_col = label_column(plan, *first->side, *first->line);
        const auto labels = range_ref(table_sheet, from, label_col, to, label_col);
        auto& caption_cell = sheet.at(0, data_col) = text_cell(chart.title + "（图表数据，不打印）", Style::InputLabel);
        caption_cell.colspan = 2;
        const auto count = to - from + 1;
        for (std::size_t k = 1; k <= count; ++k) {
            // The position of the k-th nonzero line in the range.
            const auto nth = "SMALL(IF(ROUND(" + values + ";2)<>0;ROW(" + values + ")-" + std::to_string(from) +
                             ";\"\");" + std::to_string(k) + ")";
            const auto label = "INDEX(" + labels + ";" + nth + ")";
            auto& name = sheet.at(k, data_col) =
                formula_cell("IFERROR(IF(ISERROR(FIND(\"、\";" + label + "));" + label + ";MID(" + label +
                                 ";FIND(\"、\";" + label + ")+1;100));\"\")",
                             Style::ChartData, true);
            name.array = true;
            auto& amount = sheet.at(k, data_col + 1) =
                formula_cell("IFERROR(INDEX(" + values + ";" + nth + ");\"\")", Style::ChartData);
            amount.array = true;
        }
        chart.labels = chart_range(sheet.name, 1, data_col, count);
        chart.values = chart_range(sheet.name, 1, data_col + 1, count);
        if (sheet.widths_cm.size() < data_col + 2) {
            sheet.widths_cm.resize(data_col, 0.8);
            sheet.widths_cm.push_back(4.6);
            sheet.widths_cm.push_back(2.2);
        }
    }

    void list(Sheet& sheet, const TextSheet& text, const TextItem& item, std::size_t& row) const {
        for (std::size_t c = 0; c < item.headers.size(); ++c) {
            sheet.at(row, c) = text_cell(item.headers[c], Style::Header);
        }
        ++row;
        const std::vector<std::vector<std::string>>* rows = nullptr;
        if (fill_ != nullptr) {
            const auto it = fill_->lists.find(text.id + "/" + item.text);
            rows = it == fill_->lists.end() ? nullptr : &it->second;
        }
        const std::size_t count = rows != nullptr ? rows->size() : 6;
        for (std::size_t r = 0; r < count; ++r, ++row) {
            for (std::size_t c = 0; c < item.headers.size(); ++c) {
                const std::string* value = rows != nullptr && c < (*rows)[r].size() ? &(*rows)[r][c] : nullptr;
                sheet.at(row, c) = input_cell(value, Style::InputText, false);
            }
        }
    }

    // ---- performance forms ----

    Sheet forms_sheet(const layout::Forms& forms) const {
        Sheet sheet;
        sheet.name = forms.sheet;
        sheet.widths_cm = {2.6, 2.4, 3.2, 2.4, 2.4, 3.2, 2.4, 2.4};
        const TablePlan& plan = table_plan(forms.per.table);
        const Side& side = *plan.table->block_side(forms.per.first);
        const auto& placed = side_placement(plan, side);
        const auto name_col = column_of(plan, side, side.first_column(ColumnKind::Label)->key);
        const auto total_col = column_of(plan, side, "total");
        const auto projects = range_ref(plan.table->sheet, placed.block_first, name_col, placed.block_last, total_col);
        std::size_t row = 0;
        if (fill_ != nullptr) {
            for (const auto& form : fill_->forms) {
                sheet.page_breaks.push_back(row);
                row = performance_form(sheet, row, &form, {}, projects, total_col - name_col + 1);
            }
        } else {
            for (std::size_t i = 0; i < std::min(blank_forms, placed.block_last - placed.block_first + 1); ++i) {
                sheet.page_breaks.push_back(row);
                const auto name = cell_ref(plan.table->sheet, placed.block_first + i, name_col);
                row = performance_form(sheet, row, nullptr, "T(" + name + ")", projects, total_col - name_col + 1);
            }
        }
        sheet.page_breaks.erase(sheet.page_breaks.begin());
        return sheet;
    }

    std::size_t performance_form(Sheet& sheet, std::size_t row, const FilledForm* form, const std::string& name_formula,
                                 const std::string& projects, std::size_t total_offset) const {
        const auto field = [&](const std::string& key) -> const std::string* {
            if (form == nullptr) {
                return nullptr;
            }
            const auto it = form->fields.find(key);
            return it == form->fields.end() ? nullptr : &it->second;
        };
        const auto put = [&](std::size_t r, std::size_t c, Cell cell, int colspan = 1, int rowspan = 1) {
            cell.colspan = colspan;
            cell.rowspan = rowspan;
            sheet.at(r, c) = std::move(cell);
        };
        const auto label = [&](std::size_t r, std::size_t c, const std::string& text, int colspan = 1,
                               int rowspan = 1) { put(r, c, text_cell(text, Style::FormLabel), colspan, rowspan); };
        const auto input = [&](std::size_t r, std::size_t c, const std::string& key, int colspan, bool number = false) {
            put(r, c, input_cell(field(key), Style::FormInput, number), colspan);
        };
        put(row, 0, formula_cell("T(" + cover_ref("form_title") + ")", Style::Title, true), 8);
        put(row + 1, 0, formula_cell("\"(\"&" + cover_ref("year") + "&\"年度)\"", Style::Info, true), 8);
        row += 2;
        const auto name_row = row;
        label(row, 0, "项目名称");
        if (form != nullptr) {
            put(row, 1, text_cell(form->project, Style::FormInput), 7);
        } else {
            put(row, 1, formula_cell(name_formula, Style::FormText, true), 7);
        }
        ++row;
        label(row, 0, "主管部门及代码");
        if (form != nullptr) {
            input(row, 1, "department", 3);
        } else {
            put(row, 1, formula_cell("T(" + cover_ref("code") + ")", Style::FormText, true), 3);
        }
        label(row, 4, "实施单位");
        if (form != nullptr) {
            input(row, 5, "implementer", 3);
        } else {
            put(row, 5, formula_cell("T(" + cover_ref("unit") + ")", Style::FormText, true), 3);
        }
        ++row;
        label(row, 0, "项目属性");
        input(row, 1, "attribute", 3);
        label(row, 4, "项目期");
        input(row, 5, "period", 3);
        ++row;
        label(row, 0, "项目资金（元）", 1, 6);
        static const std::pair<const char*, const char*> funds[] = {
            {"实施期资金总额：", "total"}, {"其中：中央财政资金", "central"},
            {"省级财政资金", "province"},  {"市县（区）财政资金", "local"},
            {"单位自筹", "own"},           {"其他资金", "other"},
        };
        for (const auto& [caption_text, key] : funds) {
            const std::string key_text = key;
            label(row, 1, caption_text);
            input(row, 2, key_text + "_period", 2, true);
            label(row, 4, key_text == "total" ? "年度资金总额：" : caption_text);
            if (key_text == "total") {
                // 年度资金总额 (元) = the project's amount in table 12 (万元) × 10,000.
                put(row, 5,
                    formula_cell("IFERROR(VLOOKUP(" + cell_ref(sheet.name, name_row, 1) + ";" + projects + ";" +
                                     std::to_string(total_offset) + ";0)*10000;\"\")",
                                 Style::FormText),
                    3);
            } else {
                input(row, 5, key_text + "_year", 3, true);
            }
            ++row;
        }
        static const std::pair<const char*, const char*> texts[] = {
            {"项目概况", "overview"},        {"立项依据", "basis"},
            {"项目设立必要性", "necessity"}, {"保证项目实施的制度、措施", "measures"},
            {"项目实施计划", "plan"},
        };
        for (const auto& [caption_text, key] : texts) {
            label(row, 0, caption_text);
            input(row, 1, key, 7);
            ++row;
        }
        label(row, 0, "");
        label(row, 1, "实施期目标", 3);
        label(row, 4, "年度目标", 4);
        ++row;
        label(row, 0, "总体目标");
        input(row, 1, "goal_period", 3);
        input(row, 4, "goal_year", 4);
        ++row;
        static const std::vector<std::vector<std::string>> standard_indicators = {
            {"产出指标", "数量指标", "", "", "数量指标", "", ""},
            {"产出指标", "质量指标", "", "", "质量指标", "", ""},
            {"产出指标", "时效指标", "", "", "时效指标", "", ""},
            {"产出指标", "成本指标", "", "", "成本指标", "", ""},
            {"效益指标", "经济效益指标", "", "", "经济效益指标", "", ""},
            {"效益指标", "社会效益指标", "", "", "社会效益指标", "", ""},
            {"效益指标", "生态效益指标", "", "", "生态效益指标", "", ""},
            {"效益指标", "可持续影响指标", "", "", "可持续影响指标", "", ""},
            {"满意度指标", "服务对象满意度指标", "", "", "服务对象满意度指标", "", ""},
        };
        const auto& indicators = form != nullptr && !form->indicators.empty() ? form->indicators : standard_indicators;
        label(row, 0, "绩效指标", 1, static_cast<int>(indicators.size()) + 1);
        static const char* const heads[] = {"一级指标", "二级指标", "三级指标", "指标值",
                                            "二级指标", "三级指标", "指标值"};
        for (std::size_t c = 0; c < 7; ++c) {
            label(row, c + 1, heads[c]);
        }
        ++row;
        for (const auto& indicator : indicators) {
            for (std::size_t c = 0; c < 7; ++c) {
                const bool caption_column = c == 0 || c == 1 || c == 4;
                const std::string* value = c < indicator.size() && !indicator[c].empty() ? &indicator[c] : nullptr;
                put(row, c + 1,
                    input_cell(value, caption_column && form == nullptr ? Style::FormLabel : Style::FormInput, false));
            }
            ++row;
        }
        static const std::pair<const char*, const char*> signature[] = {
            {"负责人：", "responsible"}, {"经办人：", "handler"}, {"联系电话：", "phone"}, {"填报日期：", "date"}};
        std::size_t col = 0;
        for (const auto& [caption_text, key] : signature) {
            label(row, col, caption_text);
            input(row, col + 1, key, 1);
            col += 2;
        }
        return row + 2;
    }

    const Layout& layout_;
    const Fill* fill_;
    std::map<std::string, std::size_t> cover_rows_;
    std::map<std::string, std::size_t> input_rows_;
    std::map<std::string, TablePlan> tables_;
    std::map<std::string, std::vector<BlockRow>> block_plans_;
};

}  // namespace

Workbook plan_workbook(const Layout& layout, const Fill* fill) {
    return Planner(layout, fill).plan();
}

}  // namespace bd::build
