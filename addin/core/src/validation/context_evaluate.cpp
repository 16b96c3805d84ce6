// The rule language's expressions evaluated against the located workbook: a path names a cell, a
// line or a column's sum; a call sums the rows under a code (under), finds a code's row (lookup),
// counts rows (count), takes last year's figure at the same place (prior) or a share (share).
#include "context.hpp"

namespace bd::engine {

Value Context::column_absent(const LocatedTable& table, const std::string& side, const std::string& column) const {
    if (table.is_absent_optional(side, column)) {
        Value value;
        value.absent = true;
        return value;
    }
    const auto* declared = table.table->side(side) != nullptr ? table.table->side(side)->column(column) : nullptr;
    const auto header = declared != nullptr ? declared->header : column;
    return problem(table.table->id + " 中未找到列 " + header, "no column " + header + " in " + table.table->id);
}

Value Context::block_sum(const LocatedTable& table, const layout::Side& side, const std::string& column,
                         const std::string& prefix) const {
    const auto col = table.column(side.key, column);
    if (!col) {
        return column_absent(table, side.key, column);
    }
    Value sum;
    sum.unit = table.unit;
    for (const auto* row : summed_rows(table, side, prefix)) {
        const auto value = cell(table, row->row, *col);
        sum.absorb(value);
        sum.figure = sum.figure + value.figure;
    }
    return sum;
}

Value Context::line_sum(const LocatedTable& table, const expr::Path& path) const {
    const auto& layout_table = *table.table;
    const auto first = layout_table.line(path.first);
    if (!first) {
        return problem(layout_table.id + " 中没有 " + path.first, "no " + path.first + " in " + layout_table.id);
    }
    const auto col = table.column(first->side->key, path.member);
    if (!col) {
        return column_absent(table, first->side->key, path.member);
    }
    std::vector<const layout::Line*> lines;
    if (path.last.empty()) {
        lines.push_back(first->line);
    } else {
        bool inside = false;
        for (const auto* part : {&first->side->head, &first->side->foot}) {
            for (const auto& line : *part) {
                inside = inside || line.key == path.first;
                if (inside && !line.blank) {
                    lines.push_back(&line);
                }
                inside = inside && line.key != path.last;
            }
        }
    }
    Value sum;
    sum.unit = table.unit;
    for (const auto* line : lines) {
        const auto row = table.line_row(line->key);
        if (!row) {
            if (!line->code.empty()) {
                continue;  // documents list only the classes they have: one not listed is none
            }
            const auto& label = line->label.find('{') == std::string::npos ? line->label : line->key;
            return problem(layout_table.id + " 中未找到行“" + label + "”",
                           "no line " + label + " in " + layout_table.id);
        }
        const auto value = cell(table, *row, *col);
        sum.absorb(value);
        sum.figure = sum.figure + value.figure;
    }
    return sum;
}

Value Context::path(const expr::Path& path, const Scope& scope) const {
    if (path.table.empty() && path.last.empty() && path.member.empty()) {
        if (scope.captures != nullptr && path.first.size() >= 2 && path.first[0] == 'n') {
            const auto index = static_cast<std::size_t>(std::stoul(path.first.substr(1)));
            if (index == 0 || index > scope.captures->size()) {
                return problem("没有第 " + path.first.substr(1) + " 个数字", "no figure " + path.first);
            }
            return (*scope.captures)[index - 1];
        }
        if (scope.table != nullptr && scope.side != nullptr && scope.row && scope.side->column(path.first) != nullptr) {
            const auto col = scope.table->column(scope.side->key, path.first);
            if (!col) {
                return column_absent(*scope.table, scope.side->key, path.first);
            }
            return cell(*scope.table, *scope.row, *col);
        }
    }
    const std::string id = path.table.empty() && scope.table != nullptr ? scope.table->table->id : path.table;
    const auto* located = table(id);
    if (located == nullptr) {
        Value missing;
        missing.problem = missing_table(id);
        return missing;
    }
    if (const auto* side = located->table->block_side(path.first); side != nullptr && path.last.empty()) {
        return block_sum(*located, *side, path.member, std::string(layout::code_prefix(side->block->kind)));
    }
    return line_sum(*located, path);
}

Value Context::call(const expr::Call& call, const Scope& scope) const {
    const auto* target = call.arguments.empty() ? nullptr : boost::get<expr::Path>(&call.arguments.front());
    const LocatedTable* located = nullptr;
    if (target != nullptr) {
        located = table(target->table.empty() && scope.table != nullptr ? scope.table->table->id : target->table);
    }
    if (call.function == "under" || call.function == "lookup" || call.function == "count") {
        if (located == nullptr) {
            Value missing;
            missing.problem = missing_table(target != nullptr ? target->table : call.function);
            return missing;
        }
        const auto* side = located->table->block_side(target->first);
        if (side == nullptr) {
            return problem(located->table->id + " 中没有 " + target->first,
                           "no " + target->first + " in " + located->table->id);
        }
        if (call.function == "count") {
            Value count;
            count.figure = Figure::exact(Decimal(static_cast<int>(summed_rows(*located, *side, "").size())));
            count.whole = true;
            return count;
        }
        std::string code = scope.code;
        if (const auto* number = boost::get<std::string>(&call.arguments.at(1))) {
            code = *number;
        }
        if (call.function == "under") {
            return block_sum(*located, *side, target->member, code);
        }
        const auto col = located->column(side->key, target->member);
        const auto rows = located->blocks.find(side->block->key);
        if (!col || rows == located->blocks.end()) {
            return column_absent(*located, side->key, target->member);
        }
        if (rows->second.empty() && block_has_amounts(*located, *side)) {
            return problem(located->table->id + " 中没有带科目编码的行",
                           "no row of " + located->table->id + " carries a code");
        }
        const auto* row = code_index(rows->second).row(code);
        if (row == nullptr) {
            Value none;  // a code the other table lacks counts as zero there
            none.unit = located->unit;
            return none;
        }
        return cell(*located, row->row, *col);
    }
    if (call.function == "prior") {  // the same place in last year's document
        const auto* last = prior();
        if (last == nullptr) {
            const auto why = prior_problem();
            return why.en.empty() ? problem("没有上年的预算文件", "no document of last year") : problem(why.zh, why.en);
        }
        auto value = last->evaluate(call.arguments.at(0), {});
        value.cells.clear();  // cells of another document: its figure is quoted instead
        return value;
    }
    if (call.function == "share") {
        auto part = evaluate(call.arguments.at(0), scope);
        const auto total = evaluate(call.arguments.at(1), scope);
        part.absorb(total);
        if (!part.has_problem() && total.figure.amount.is_zero()) {
            part.problem = {"the total is zero: no share", "合计为零，无法计算占比"};
        }
        if (!part.has_problem()) {
            part.figure = part.figure / total.figure * Figure::exact(Decimal(100));
        }
        part.unit = nullptr;  // a percentage
        return part;
    }
    return problem("未知函数 " + call.function, "unknown function " + call.function);
}

Value Context::evaluate(const expr::Expr& expression, const Scope& scope) const {
    struct Visitor {
        const Context& context;
        const Scope& scope;
        Value operator()(const std::string& number) const {
            Value value;
            value.figure = Figure::exact(Decimal::parse(number).value_or(Decimal(0)));
            value.whole = number.find('.') == std::string::npos;
            return value;
        }
        Value operator()(const expr::Path& path) const { return context.path(path, scope); }
        Value operator()(const expr::Call& call) const { return context.call(call, scope); }
        Value operator()(const expr::Operation& operation) const {
            auto lhs = boost::apply_visitor(*this, operation.lhs);
            const auto rhs = boost::apply_visitor(*this, operation.rhs);
            const bool whole = lhs.whole && rhs.whole;
            const Figure a = lhs.figure;
            lhs.absorb(rhs);
            lhs.whole = whole;
            switch (operation.op) {
                case '+': lhs.figure = a + rhs.figure; break;
                case '-': lhs.figure = a - rhs.figure; break;
                case '*': lhs.figure = a * rhs.figure; break;
                default:
                    if (rhs.figure.amount.is_zero()) {
                        lhs.problem = {"division by zero", "除数为零"};
                    } else {
                        lhs.figure = a / rhs.figure;
                    }
            }
            return lhs;
        }
    };
    return boost::apply_visitor(Visitor{*this, scope}, expression);
}

}  // namespace bd::engine
