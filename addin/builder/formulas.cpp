// The formula compiler: a layout expression (bd/expression.hpp) becomes an OpenFormula over the
// cells the placement gave its paths — a column of the same row, a line, a line range or a block of
// any table, a cover field, a narrative input — and its functions become the add-in's (SUMUNDER,
// YOYTEXT, SHARETEXT) or Calc's own; a title or caption with fields ({year}) becomes a formula
// joining them. Each compiled formula says whether it gives text, a whole number or needs to be
// entered as an array.
#include "planner.hpp"

#include <algorithm>

namespace bd::build::planning {

const TablePlan& Planner::table_plan(const std::string& id) const {
    return tables_.at(id);
}

// The table a path is in: the one it names, else the one the expression is written in (a title or
// a narrative's sentence is in none: its paths name a table, a cover field or an input).
const TablePlan& Planner::table_of(const expr::Path& path, const Where& where) const {
    if (!path.table.empty()) {
        return table_plan(path.table);
    }
    if (where.table == nullptr) {
        throw layout::LayoutError("'" + path.first + "' names no cover field, input or table here");
    }
    return *where.table;
}

std::size_t Planner::column_of(const TablePlan& plan, const Side& side, const std::string& key) const {
    const auto s = static_cast<std::size_t>(&side - plan.table->sides.data());
    const auto it = std::ranges::find(side.columns, key, &Column::key);
    return plan.sides[s].first_col + static_cast<std::size_t>(it - side.columns.begin());
}

const SidePlacement& Planner::side_placement(const TablePlan& plan, const Side& side) const {
    return plan.sides[static_cast<std::size_t>(&side - plan.table->sides.data())];
}

std::string Planner::cover_ref(const std::string& key) const {
    return cell_ref(layout_.cover.sheet, cover_rows_.at(key), cover_value_col);
}

// The cells a path names, as a reference or a range.
Planner::Compiled Planner::path_ref(const expr::Path& path, const Where& where) const {
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
    const TablePlan& plan = table_of(path, where);
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
std::string Planner::labels_of(const expr::Path& path, const Where& where) const {
    const TablePlan& plan = table_of(path, where);
    const auto first = plan.table->line(path.first);
    const auto& placed = side_placement(plan, *first->side);
    const auto col = label_column(plan, *first->side, *first->line);
    return range_ref(plan.table->sheet, placed.line_rows.at(path.first), col, placed.line_rows.at(path.last), col);
}

std::size_t Planner::label_column(const TablePlan& plan, const Side& side, const Line& line) const {
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

Planner::Compiled Planner::compile(const expr::Expr& expression, const Where& where) const {
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
            return {"(" + lhs.formula + std::string(1, operation.op) + rhs.formula + ")", false, lhs.array || rhs.array,
                    lhs.whole && rhs.whole};
        }
        Compiled operator()(const expr::Call& call) const { return planner.compile_call(call, where); }
    };
    return boost::apply_visitor(Visitor{*this, where}, expression);
}

Planner::Compiled Planner::compile_call(const expr::Call& call, const Where& where) const {
    const auto argument = [&](std::size_t i) { return compile(call.arguments.at(i), where).formula; };
    const auto& name = call.function;
    if (name == "under") {
        const auto& path = boost::get<expr::Path>(call.arguments.at(0));
        const TablePlan& plan = table_of(path, where);
        const Side* side = plan.table->block_side(path.first);
        const auto& placed = side_placement(plan, *side);
        const auto code_col = column_of(plan, *side, side->first_column(ColumnKind::Code)->key);
        const auto codes = range_ref(plan.table->sheet, placed.block_first, code_col, placed.block_last, code_col);
        return {std::string(add_in) + "SUMUNDER(" + codes + ";" + argument(0) + ";" + argument(1) + ")", false, false,
                false};
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
            // The shares of one whole add up to 100.00 % (largest remainder), as BUDGET.SHARES gives them.
            each += "&\"，占\"&TEXT(" + std::string(add_in) + "SHARES(" + values + ")*100;\"0.00\")&\"%\"";
            separator = "；";
        }
        return {"COM.MICROSOFT.TEXTJOIN(\"" + separator + "\";1;IF(" + values + "<>0;" + each + ";\"\"))", true, true,
                false};
    }
    if (name == "count") {
        return {"COUNTA(" + argument(0) + ")", false, false, true};
    }
    return {"#NAME?", false, false, false};
}

std::string Planner::with_fields(const std::string& text) const {
    // "{year}年预算收支总表" → a formula joining the cover's fields and the literal text.
    std::string formula;
    for (const auto& segment : expr::parse_template(text)) {
        formula += formula.empty() ? "" : "&";
        formula += segment.is_expression ? compile(segment.expression, Where{}).formula : string_literal(segment.text);
    }
    return formula;
}

bool Planner::has_fields(const std::string& text) const {
    return text.find('{') != std::string::npos;
}

Cell Planner::caption(const std::string& text, Style style) const {
    return has_fields(text) ? formula_cell(with_fields(text), style, true) : text_cell(text, style);
}

}  // namespace bd::build::planning
