#include "bd/engine.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace bd {

namespace {

using rules::Comparison;
using rules::Kind;
using rules::Op;
using rules::Rule;

// An evaluated expression: its amount, how many shown (rounded) figures it adds up, the cells it
// read, or why it could not be evaluated.
struct Value {
    Decimal amount;
    std::size_t parts = 0;  // rounded figures in the sum (0: exact, as a count)
    std::vector<CellRef> cells;
    std::string problem;                 // not empty: could not evaluate
    bool whole = false;                  // a count: shown without decimals
    std::optional<int> stated_decimals;  // a figure quoted in the narrative, with its decimals
};

Value problem(std::string why) {
    Value value;
    value.problem = std::move(why);
    return value;
}

void absorb(Value& into, const Value& other) {
    into.parts += other.parts;
    into.cells.insert(into.cells.end(), other.cells.begin(), other.cells.end());
    if (into.problem.empty()) {
        into.problem = other.problem;
    }
}

// Where a rule instance evaluates: the row of an `each`, the figures a fact captured.
struct Scope {
    const LocatedTable* table = nullptr;
    const layout::Side* side = nullptr;
    std::optional<std::size_t> row;
    std::string code;
    std::string row_label;
    const std::vector<std::string>* captures = nullptr;  // the figures a fact's pattern read, as written
    std::optional<CellRef> fact_cell;
};

std::string shown(const Decimal& amount, bool whole, int decimals) {
    return amount.to_string(whole ? 0 : decimals);
}

class Engine {
public:
    Engine(const rules::RulePack& pack, const EngineInput& input) : pack_(pack), in_(input) {
        half_unit_ = Decimal::unit(in_.layout.decimals) / Decimal(2);
    }

    std::vector<Outcome> run() {
        for (const auto& rule : pack_.rules) {
            run(rule);
        }
        return std::move(outcomes_);
    }

private:
    // ---- reading cells and tables ----

    const Grid& sheet_of(const LocatedTable& table) const { return in_.sheets[table.sheet]; }

    CellRef ref(const LocatedTable& table, std::size_t row, std::size_t col) const {
        return {sheet_of(table).name, row, col};
    }

    Value cell(const LocatedTable& table, std::size_t row, std::size_t col) const {
        const Grid& grid = sheet_of(table);
        Value value;
        value.parts = 1;
        value.cells.push_back(ref(table, row, col));
        if (row >= grid.rows || col >= grid.cols) {
            return value;  // beyond the used area: empty
        }
        const auto amount = to_amount(grid.at(row, col));
        if (const auto* error = std::get_if<AmountError>(&amount)) {
            value.problem = (*error == AmountError::ErrorCell ? "错误值单元格 " : "数字单元格中是文字 ") +
                            value.cells.front().display();
            return value;
        }
        value.amount = std::get<Decimal>(amount);
        return value;
    }

    const LocatedTable* table(const std::string& id) const { return in_.located.table(id); }

    std::string table_title(const LocatedTable& table) const {
        const Grid& grid = sheet_of(table);
        for (std::size_t c = 0; c < grid.cols; ++c) {
            const auto& cell = grid.at(table.title_row, c);
            if (cell.kind == CellValue::Kind::Text && !cell.is_empty()) {
                return cell.text;
            }
        }
        return table.table->id;
    }

    static std::string missing_table(const std::string& id) { return "未找到表 " + id; }

    // The codes of a block in sorted order: a code's descendants follow it (O(log n) lookups).
    struct CodeIndex {
        using Entry = std::pair<std::string, const LocatedRow*>;
        std::vector<Entry> sorted;

        explicit CodeIndex(const std::vector<LocatedRow>& rows) {
            for (const auto& row : rows) {
                sorted.emplace_back(row.code, &row);
            }
            std::ranges::sort(sorted, {}, &Entry::first);
        }
        // The rows whose code extends `code`.
        [[nodiscard]] std::vector<const LocatedRow*> descendants(const std::string& code) const {
            std::vector<const LocatedRow*> out;
            for (auto it = std::ranges::upper_bound(sorted, code, {}, &Entry::first);
                 it != sorted.end() && it->first.starts_with(code); ++it) {
                if (it->first.size() > code.size()) {
                    out.push_back(it->second);
                }
            }
            return out;
        }
        [[nodiscard]] bool is_subtotal(const std::string& code) const {
            const auto it = std::ranges::upper_bound(sorted, code, {}, &Entry::first);
            return it != sorted.end() && it->first.starts_with(code) && it->first.size() > code.size();
        }
    };

    const CodeIndex& code_index(const std::vector<LocatedRow>& rows) const {
        auto it = code_indexes_.find(&rows);
        if (it == code_indexes_.end()) {
            it = code_indexes_.emplace(&rows, CodeIndex(rows)).first;
        }
        return it->second;
    }

    // The rows of a block that count in a sum: all rows of a named block; the deepest rows of a
    // coded one (under a prefix).
    std::vector<const LocatedRow*> summed_rows(const LocatedTable& table, const layout::Side& side,
                                               const std::string& prefix) const {
        std::vector<const LocatedRow*> rows;
        const auto it = table.blocks.find(side.block->key);
        if (it == table.blocks.end()) {
            return rows;
        }
        if (side.block->kind == layout::BlockKind::Rows) {
            for (const auto& row : it->second) {
                rows.push_back(&row);
            }
            return rows;
        }
        const auto& index = code_index(it->second);
        for (const auto& row : it->second) {
            if (row.code.starts_with(prefix) && !index.is_subtotal(row.code)) {
                rows.push_back(&row);
            }
        }
        return rows;
    }

    Value block_sum(const LocatedTable& table, const layout::Side& side, const std::string& column,
                    const std::string& prefix) const {
        const auto col = table.column(side.key, column);
        if (!col) {
            return problem(table.table->id + " 中未找到列 " + side.column(column)->header);
        }
        Value sum;
        for (const auto* row : summed_rows(table, side, prefix)) {
            absorb(sum, cell(table, row->row, *col));
            sum.amount += cell(table, row->row, *col).amount;
        }
        return sum;
    }

    // ---- expressions ----

    Value path(const expr::Path& path, const Scope& scope) const {
        if (path.table.empty() && path.last.empty() && path.member.empty()) {
            if (scope.captures != nullptr && path.first.size() >= 2 && path.first[0] == 'n') {
                const auto index = static_cast<std::size_t>(std::stoul(path.first.substr(1)));
                if (index == 0 || index > scope.captures->size()) {
                    return problem("没有第 " + path.first.substr(1) + " 个数字");
                }
                const auto& text = (*scope.captures)[index - 1];
                Value value;
                value.amount = Decimal::parse(text).value_or(Decimal(0));
                const auto point = text.find('.');
                value.stated_decimals = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
                value.whole = point == std::string::npos;
                value.cells.push_back(*scope.fact_cell);
                return value;
            }
            if (scope.table != nullptr && scope.side != nullptr && scope.row &&
                scope.side->column(path.first) != nullptr) {
                const auto col = scope.table->column(scope.side->key, path.first);
                if (!col) {
                    return problem(scope.table->table->id + " 中未找到列 " + scope.side->column(path.first)->header);
                }
                return cell(*scope.table, *scope.row, *col);
            }
        }
        const std::string id = path.table.empty() && scope.table != nullptr ? scope.table->table->id : path.table;
        const auto* located = table(id);
        if (located == nullptr) {
            return problem(missing_table(id));
        }
        const auto& layout_table = *located->table;
        if (const auto* side = layout_table.block_side(path.first); side != nullptr && path.last.empty()) {
            return block_sum(*located, *side, path.member, code_prefix(side->block->kind));
        }
        const auto first = layout_table.line(path.first);
        if (!first) {
            return problem(id + " 中没有 " + path.first);
        }
        const auto col = located->column(first->side->key, path.member);
        if (!col) {
            return problem(id + " 中未找到列 " + path.member);
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
                    if (line.key == path.last) {
                        inside = false;
                    }
                }
            }
        }
        Value sum;
        for (const auto* line : lines) {
            const auto row = located->lines.find(line->key);
            if (row == located->lines.end()) {
                return problem(id + " 中未找到行“" + line->label + "”");
            }
            const auto value = cell(*located, row->second, *col);
            absorb(sum, value);
            sum.amount += value.amount;
        }
        return sum;
    }

    static std::string code_prefix(layout::BlockKind kind) {
        switch (kind) {
            case layout::BlockKind::Economic: return "3";
            case layout::BlockKind::Revenue: return "1";
            case layout::BlockKind::Functional: return "2";
            default: return "";
        }
    }

    std::string code_argument(const expr::Expr& argument, const Scope& scope) const {
        if (const auto* number = boost::get<std::string>(&argument)) {
            return *number;
        }
        if (const auto* p = boost::get<expr::Path>(&argument); p != nullptr && p->first == "code") {
            return scope.code;
        }
        return {};
    }

    Value call(const expr::Call& call, const Scope& scope) const {
        const auto block_of = [&](const expr::Expr& argument) -> std::pair<const LocatedTable*, const layout::Side*> {
            const auto* p = boost::get<expr::Path>(&argument);
            if (p == nullptr) {
                return {nullptr, nullptr};
            }
            const std::string id = p->table.empty() && scope.table != nullptr ? scope.table->table->id : p->table;
            const auto* located = table(id);
            return {located, located != nullptr ? located->table->block_side(p->first) : nullptr};
        };
        if (call.function == "under" || call.function == "lookup") {
            const auto [located, side] = block_of(call.arguments.at(0));
            if (located == nullptr || side == nullptr) {
                return problem(missing_table(boost::get<expr::Path>(call.arguments.at(0)).table));
            }
            const auto code = code_argument(call.arguments.at(1), scope);
            const auto& member = boost::get<expr::Path>(call.arguments.at(0)).member;
            if (call.function == "under") {
                return block_sum(*located, *side, member, code);
            }
            const auto col = located->column(side->key, member);
            const auto rows = located->blocks.find(side->block->key);
            if (!col || rows == located->blocks.end()) {
                return problem(located->table->id + " 中未找到列 " + member);
            }
            if (rows->second.empty() && block_has_amounts(*located, *side)) {
                return problem(located->table->id + " 中没有带科目编码的行");
            }
            const auto row = std::ranges::find(rows->second, code, &LocatedRow::code);
            if (row == rows->second.end()) {
                Value none;  // a code the other table lacks counts as zero there
                return none;
            }
            return cell(*located, row->row, *col);
        }
        if (call.function == "count") {
            const auto [located, side] = block_of(call.arguments.at(0));
            if (located == nullptr || side == nullptr) {
                return problem("未找到项目表");
            }
            Value count;
            count.amount = Decimal(static_cast<int>(summed_rows(*located, *side, "").size()));
            count.whole = true;
            return count;
        }
        if (call.function == "share") {
            auto part = evaluate(call.arguments.at(0), scope);
            const auto total = evaluate(call.arguments.at(1), scope);
            absorb(part, total);
            if (part.problem.empty() && total.amount == Decimal(0)) {
                part.problem = "合计为零，无法计算占比";
            }
            if (part.problem.empty()) {
                part.amount = part.amount / total.amount * Decimal(100);
            }
            part.parts = 1;  // a percentage shown with two decimals
            return part;
        }
        return problem("unknown function " + call.function);
    }

    Value evaluate(const expr::Expr& expression, const Scope& scope) const {
        struct Visitor {
            const Engine& engine;
            const Scope& scope;
            Value operator()(const std::string& number) const {
                Value value;
                value.amount = Decimal::parse(number).value_or(Decimal(0));
                value.whole = number.find('.') == std::string::npos;
                return value;
            }
            Value operator()(const expr::Path& path) const { return engine.path(path, scope); }
            Value operator()(const expr::Call& call) const { return engine.call(call, scope); }
            Value operator()(const expr::Operation& operation) const {
                auto lhs = boost::apply_visitor(*this, operation.lhs);
                const auto rhs = boost::apply_visitor(*this, operation.rhs);
                const auto amount = lhs.amount;
                const bool whole = lhs.whole && rhs.whole;
                absorb(lhs, rhs);
                lhs.whole = whole;
                switch (operation.op) {
                    case '+': lhs.amount = amount + rhs.amount; break;
                    case '-': lhs.amount = amount - rhs.amount; break;
                    case '*': lhs.amount = amount * rhs.amount; break;
                    default:
                        if (rhs.amount == Decimal(0)) {
                            lhs.problem = "除数为零";
                        } else {
                            lhs.amount = amount / rhs.amount;
                        }
                }
                return lhs;
            }
        };
        return boost::apply_visitor(Visitor{*this, scope}, expression);
    }

    // ---- outcomes ----

    Outcome outcome(const Rule& rule, Status status, std::string table_name, std::vector<CellRef> cells) const {
        Outcome out;
        out.rule_id = rule.id;
        out.severity = rule.severity;
        out.status = status;
        out.table = std::move(table_name);
        out.cells = std::move(cells);
        out.message = rule.message;
        if (status == Status::Fail || status == Status::NotEvaluated) {
            out.fix = rule.fix;
        }
        return out;
    }

    static void add_context(Outcome& out, const std::string& zh, const std::string& en) {
        if (!zh.empty()) {
            out.message.zh += "（" + zh + "）";
            out.message.en += " (" + en + ")";
        }
    }

    bool holds(const Comparison& comparison, const Scope& scope, bool& evaluable) const {
        const auto lhs = evaluate(comparison.lhs, scope);
        const auto rhs = evaluate(comparison.rhs, scope);
        evaluable = lhs.problem.empty() && rhs.problem.empty();
        if (!evaluable) {
            return false;
        }
        switch (comparison.op) {
            case Op::Equal: return lhs.amount == rhs.amount;
            case Op::LessEqual: return lhs.amount <= rhs.amount;
            default: return lhs.amount >= rhs.amount;
        }
    }

    void compare(const Rule& rule, const Comparison& comparison, const Scope& scope, const std::string& table_name,
                 const std::string& context_zh, const std::string& context_en) {
        const auto lhs = evaluate(comparison.lhs, scope);
        const auto rhs = evaluate(comparison.rhs, scope);
        std::vector<CellRef> cells = lhs.cells;
        cells.insert(cells.end(), rhs.cells.begin(), rhs.cells.end());
        if (!lhs.problem.empty() || !rhs.problem.empty()) {
            auto out = outcome(rule, Status::NotEvaluated, table_name, cells);
            const auto& why = lhs.problem.empty() ? rhs.problem : lhs.problem;
            add_context(out, context_zh, context_en);
            out.message.zh += "：无法检查，" + why;
            out.message.en += ": could not be checked: " + why;
            outcomes_.push_back(std::move(out));
            return;
        }
        const bool whole = lhs.whole && rhs.whole;
        // A figure quoted in the narrative is right when it is the table's figure rounded as shown
        // (93.20 for 554.70 / 595.20 = 93.1956…%).
        const Decimal target = lhs.stated_decimals ? rhs.amount.rounded(*lhs.stated_decimals) : rhs.amount;
        const Decimal difference = lhs.amount - target;
        const Decimal tolerance = Decimal(static_cast<int>(lhs.parts + rhs.parts)) * half_unit_;
        const Decimal magnitude = difference < Decimal(0) ? -difference : difference;
        bool pass = false;
        switch (comparison.op) {
            case Op::Equal: pass = difference == Decimal(0); break;
            case Op::LessEqual: pass = difference <= Decimal(0); break;
            case Op::GreaterEqual: pass = difference >= Decimal(0); break;
        }
        const bool rounding = !pass && (comparison.op == Op::Equal       ? magnitude <= tolerance
                                        : comparison.op == Op::LessEqual ? difference <= tolerance
                                                                         : -difference <= tolerance);
        auto out = outcome(rule, pass ? Status::Pass : Status::Fail, table_name, cells);
        out.actual = shown(lhs.amount, whole, in_.layout.decimals);
        out.expected = shown(target, whole, lhs.stated_decimals.value_or(in_.layout.decimals));
        out.difference = shown(difference, whole, in_.layout.decimals);
        add_context(out, context_zh, context_en);
        if (rounding) {
            out.severity = Severity::Warning;
            const auto limit = tolerance.to_string(in_.layout.decimals + 1);
            out.message.zh += "；差额 " + out.difference + " 不超过 " + std::to_string(lhs.parts + rhs.parts) +
                              " 个四舍五入数的误差上限 " + limit + "，可能是舍入差异";
            out.message.en += "; the difference " + out.difference + " is within the rounding of " +
                              std::to_string(lhs.parts + rhs.parts) + " shown figures (" + limit +
                              "): probably a rounding difference";
        }
        outcomes_.push_back(std::move(out));
    }

    void run(const Rule& rule) {
        if (rule.when) {
            bool evaluable = true;
            if (!holds(*rule.when, Scope{}, evaluable)) {
                auto out = outcome(rule, evaluable ? Status::NotApplicable : Status::NotEvaluated, {}, {});
                if (!evaluable) {
                    out.message.zh += "：无法判断是否适用";
                    out.message.en += ": could not tell whether it applies";
                }
                outcomes_.push_back(std::move(out));
                return;
            }
        }
        const auto before = outcomes_.size();
        switch (rule.kind) {
            case Kind::Check: check(rule); break;
            case Kind::Hierarchy: hierarchy(rule); break;
            case Kind::Codes: codes(rule); break;
            case Kind::Names: names(rule); break;
            case Kind::EmptyNote: empty_note(rule); break;
            case Kind::Forms: forms(rule); break;
            case Kind::Fact: fact(rule); break;
            case Kind::YearOnYear: year_on_year(rule); break;
        }
        if (outcomes_.size() == before) {  // nothing to check (an empty block): said, not skipped
            auto out = outcome(rule, Status::NotApplicable, {}, {});
            out.message.zh += "：没有可检查的行";
            out.message.en += ": nothing to check";
            outcomes_.push_back(std::move(out));
        }
    }

    void not_evaluated(const Rule& rule, const std::string& why_zh, const std::string& why_en) {
        auto out = outcome(rule, Status::NotEvaluated, {}, {});
        out.message.zh += "：无法检查，" + why_zh;
        out.message.en += ": could not be checked: " + why_en;
        outcomes_.push_back(std::move(out));
    }

    void check(const Rule& rule) {
        if (!rule.each) {
            std::string table_name;
            if (const auto paths = expr::paths(rule.checks.front().lhs);
                !paths.empty() && !paths.front().table.empty()) {
                if (const auto* located = table(paths.front().table)) {
                    table_name = table_title(*located);
                }
            }
            for (const auto& comparison : rule.checks) {
                compare(rule, comparison, Scope{}, table_name, {}, {});
            }
            return;
        }
        const auto& each = *rule.each;
        const auto* located = table(each.table);
        if (located == nullptr) {
            not_evaluated(rule, missing_table(each.table), "table " + each.table + " not found");
            return;
        }
        const auto* side = located->table->side(each.side);
        if (side == nullptr) {
            not_evaluated(rule, "表中没有 " + each.side, "no side " + each.side);
            return;
        }
        const auto title = table_title(*located);
        if (each.rows != rules::Each::Rows::Block) {
            for (const auto* part : {&side->head, &side->foot}) {
                for (const auto& line : *part) {
                    if (line.blank || (each.coded_only && line.code.empty())) {
                        continue;
                    }
                    const auto row = located->lines.find(line.key);
                    if (row == located->lines.end()) {
                        continue;  // a line the sheet lacks: its own rules report it
                    }
                    const Scope scope{located, side, row->second, line.code, line.label, nullptr, std::nullopt};
                    for (const auto& comparison : rule.checks) {
                        compare(rule, comparison, scope, title, line.label, line.label);
                    }
                }
            }
        }
        if (each.rows != rules::Each::Rows::Lines && side->block) {
            const auto rows = located->blocks.find(side->block->key);
            if (rows == located->blocks.end()) {
                return;
            }
            for (const auto& row : rows->second) {
                const Scope scope{located, side, row.row, row.code, row.label, nullptr, std::nullopt};
                const auto context = row.code.empty() ? row.label : row.code + " " + row.label;
                for (const auto& comparison : rule.checks) {
                    compare(rule, comparison, scope, title, context, context);
                }
            }
        }
    }

    // Whether a side's sum line (合计) shows any amount.
    bool block_has_amounts(const LocatedTable& located, const layout::Side& side) const {
        for (const auto* part : {&side.head, &side.foot}) {
            for (const auto& line : *part) {
                if (!line.is_sum() || !located.lines.contains(line.key)) {
                    continue;
                }
                for (const auto& column : side.columns) {
                    const auto col = located.column(side.key, column.key);
                    if (column.kind == layout::ColumnKind::Amount && col &&
                        cell(located, located.lines.at(line.key), *col).amount != Decimal(0)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void hierarchy(const Rule& rule) {
        for (const auto& id : rule.tables) {
            const auto* located = table(id);
            if (located == nullptr) {
                not_evaluated(rule, missing_table(id), "table " + id + " not found");
                continue;
            }
            const auto title = table_title(*located);
            for (const auto& side : located->table->sides) {
                if (!side.block || side.block->kind == layout::BlockKind::Rows) {
                    continue;
                }
                const auto rows = located->blocks.find(side.block->key);
                if (rows == located->blocks.end() || rows->second.empty()) {
                    // No row carries a code (a table typed without its 科目编码 column): with
                    // amounts in it, its sums cannot be checked; without, there is nothing to check.
                    if (block_has_amounts(*located, side)) {
                        auto out = outcome(rule, Status::NotEvaluated, title, {ref(*located, located->title_row, 0)});
                        out.message.zh += "：无法检查，表中没有带科目编码的行";
                        out.message.en += ": could not be checked: no row of the table carries a code";
                        outcomes_.push_back(std::move(out));
                    }
                    continue;
                }
                for (const auto& column : side.columns) {
                    const auto col = located->column(side.key, column.key);
                    if (column.kind != layout::ColumnKind::Amount || !col) {
                        continue;
                    }
                    hierarchy_column(rule, *located, side, rows->second, *col, column.header, title);
                }
            }
        }
    }

    void hierarchy_column(const Rule& rule, const LocatedTable& located, const layout::Side& side,
                          const std::vector<LocatedRow>& rows, std::size_t col, const std::string& header,
                          const std::string& title) {
        const auto compare_sum = [&](const Value& total, const std::vector<const LocatedRow*>& parts,
                                     const std::string& context) {
            Value sum;
            for (const auto* part : parts) {
                const auto value = cell(located, part->row, col);
                absorb(sum, value);
                sum.amount += value.amount;
            }
            Outcome out;
            std::vector<CellRef> cells = total.cells;
            cells.insert(cells.end(), sum.cells.begin(), sum.cells.end());
            const auto problem_text = total.problem.empty() ? sum.problem : total.problem;
            if (!problem_text.empty()) {
                out = outcome(rule, Status::NotEvaluated, title, cells);
                add_context(out, context + " " + header, context + " " + header);
                out.message.zh += "：无法检查，" + problem_text;
                out.message.en += ": could not be checked: " + problem_text;
                outcomes_.push_back(std::move(out));
                return;
            }
            const Decimal difference = total.amount - sum.amount;
            const Decimal magnitude = difference < Decimal(0) ? -difference : difference;
            const Decimal tolerance = Decimal(static_cast<int>(total.parts + sum.parts)) * half_unit_;
            out = outcome(rule, difference == Decimal(0) ? Status::Pass : Status::Fail, title, cells);
            out.actual = total.amount.to_string(in_.layout.decimals);
            out.expected = sum.amount.to_string(in_.layout.decimals);
            out.difference = difference.to_string(in_.layout.decimals);
            add_context(out, context + " " + header, context + " " + header);
            if (out.status == Status::Fail && magnitude <= tolerance) {
                out.severity = Severity::Warning;
                out.message.zh += "；差额可由 " + std::to_string(total.parts + sum.parts) + " 个数的四舍五入解释";
                out.message.en += "; the rounding of " + std::to_string(total.parts + sum.parts) +
                                  " shown figures can explain the difference";
            }
            outcomes_.push_back(std::move(out));
        };
        const auto& index = code_index(rows);
        std::set<const LocatedRow*> below_another;
        for (const auto& row : rows) {
            const auto descendants = index.descendants(row.code);
            if (descendants.empty()) {
                continue;
            }
            // The children are the descendants of the next level present (款 under 类, 项 under 款).
            std::size_t child_length = descendants.front()->code.size();
            for (const auto* d : descendants) {
                child_length = std::min(child_length, d->code.size());
                below_another.insert(d);
            }
            std::vector<const LocatedRow*> children;
            for (const auto* d : descendants) {
                if (d->code.size() == child_length) {
                    children.push_back(d);
                }
            }
            std::ranges::sort(children, {}, &LocatedRow::row);  // in the sheet's order
            compare_sum(cell(located, row.row, col), children, row.code + " " + row.label);
        }
        std::vector<const LocatedRow*> top;
        for (const auto& row : rows) {
            if (!below_another.contains(&row)) {
                top.push_back(&row);
            }
        }
        for (const auto* part : {&side.head, &side.foot}) {
            for (const auto& line : *part) {
                if (line.is_sum() && line.sum_last.empty() && line.sum_first == side.block->key &&
                    located.lines.contains(line.key)) {
                    compare_sum(cell(located, located.lines.at(line.key), col), top, line.label);
                }
            }
        }
    }

    void codes(const Rule& rule) {
        for (const auto& id : rule.tables) {
            const auto* located = table(id);
            if (located == nullptr) {
                continue;  // a missing table is reported by its own rules
            }
            const auto title = table_title(*located);
            for (const auto& side : located->table->sides) {
                if (!side.block || side.block->kind == layout::BlockKind::Rows) {
                    continue;
                }
                const auto rows = located->blocks.find(side.block->key);
                if (rows == located->blocks.end()) {
                    continue;
                }
                const auto* code_column = side.first_column(layout::ColumnKind::Code);
                const auto code_col = located->column(side.key, code_column->key);
                const auto* name_column = side.first_column(layout::ColumnKind::Name);
                const auto name_col =
                    name_column != nullptr ? located->column(side.key, name_column->key) : std::nullopt;
                for (const auto& row : rows->second) {
                    std::vector<CellRef> cells{ref(*located, row.row, *code_col)};
                    if (name_col) {
                        cells.push_back(ref(*located, row.row, *name_col));
                    }
                    const auto* entry = in_.edition.find(row.code);
                    const auto prefix = code_prefix(side.block->kind);
                    if (!row.code.starts_with(prefix)) {
                        auto out = outcome(rule, Status::Fail, title, cells);
                        add_context(out, row.code + " 不是本表应有的科目类别",
                                    row.code + " is not of this table's scheme");
                        outcomes_.push_back(std::move(out));
                    } else if (entry == nullptr) {
                        auto out = outcome(rule, Status::NotEvaluated, title, cells);
                        out.severity = Severity::Info;
                        add_context(
                            out, row.code + " 不在已载入的分类科目中，无法判断（请导入当年官方分类科目）",
                            row.code + " is not in the loaded classification; import the year's official table");
                        outcomes_.push_back(std::move(out));
                    } else if (name_col && !row.label.empty() && comparable_label(entry->name) != row.label) {
                        auto out = outcome(rule, Status::Fail, title, cells);
                        out.expected = entry->name;
                        out.actual = row.label;
                        add_context(out, row.code + " 的名称应为“" + entry->name + "”",
                                    row.code + " is named " + entry->name);
                        outcomes_.push_back(std::move(out));
                    } else {
                        outcomes_.push_back(outcome(rule, Status::Pass, title, cells));
                    }
                }
            }
        }
    }

    void names(const Rule& rule) {
        struct Seen {
            std::string label;
            std::string table;
            CellRef cell;
        };
        std::map<std::string, Seen> first;
        for (const auto& id : rule.tables) {
            const auto* located = table(id);
            if (located == nullptr) {
                continue;
            }
            for (const auto& side : located->table->sides) {
                const auto* name_column = side.first_column(layout::ColumnKind::Name);
                if (!side.block || side.block->kind == layout::BlockKind::Rows || name_column == nullptr) {
                    continue;
                }
                const auto name_col = located->column(side.key, name_column->key);
                const auto rows = located->blocks.find(side.block->key);
                if (!name_col || rows == located->blocks.end()) {
                    continue;
                }
                for (const auto& row : rows->second) {
                    if (row.label.empty()) {
                        continue;
                    }
                    const auto here = ref(*located, row.row, *name_col);
                    const auto [seen, inserted] = first.try_emplace(row.code, Seen{row.label, id, here});
                    if (inserted) {
                        continue;
                    }
                    auto out = outcome(rule, seen->second.label == row.label ? Status::Pass : Status::Fail,
                                       table_title(*located), {here, seen->second.cell});
                    if (out.status == Status::Fail) {
                        out.expected = seen->second.label;
                        out.actual = row.label;
                        add_context(out, row.code + " 在" + seen->second.table + "中名为“" + seen->second.label + "”",
                                    row.code + " is named " + seen->second.label + " in " + seen->second.table);
                    }
                    outcomes_.push_back(std::move(out));
                }
            }
        }
    }

    void empty_note(const Rule& rule) {
        for (const auto& id : rule.tables) {
            const auto* located = table(id);
            if (located == nullptr) {
                not_evaluated(rule, missing_table(id), "table " + id + " not found");
                continue;
            }
            outcomes_.push_back(outcome(rule, located->has_note_empty ? Status::Pass : Status::Fail,
                                        table_title(*located), {ref(*located, located->title_row, 0)}));
        }
    }

    // ---- performance forms ----

    struct Form {
        std::string project;  // comparable
        std::size_t sheet = 0;
        std::size_t first_row = 0;
        std::size_t last_row = 0;
        std::size_t name_row = 0;
        std::size_t name_col = 0;
    };

    // A cell's text as compared (NFKC, no numbering), computed once per cell.
    const std::string& comparable_at(std::size_t sheet, std::size_t row, std::size_t col) const {
        const Grid& grid = in_.sheets[sheet];
        auto& cache = comparable_cache_[sheet];
        if (cache.empty()) {
            cache.resize(grid.cells.size());
        }
        auto& slot = cache[row * grid.cols + col];
        if (!slot) {
            const auto& cell = grid.at(row, col);
            slot = cell.kind == CellValue::Kind::Text ? comparable_label(cell.text) : std::string();
        }
        return *slot;
    }

    std::vector<Form> find_forms() const {
        std::vector<Form> forms;
        for (std::size_t s = 0; s < in_.sheets.size(); ++s) {
            const Grid& grid = in_.sheets[s];
            for (std::size_t r = 0; r < grid.rows; ++r) {
                for (std::size_t c = 0; c + 1 < grid.cols; ++c) {
                    if (grid.at(r, c).kind != CellValue::Kind::Text || comparable_at(s, r, c) != form_labels::project) {
                        continue;
                    }
                    for (std::size_t n = c + 1; n < grid.cols; ++n) {
                        if (!grid.at(r, n).is_empty()) {
                            if (!forms.empty() && forms.back().sheet == s) {
                                forms.back().last_row = r - 1;
                            }
                            forms.push_back({comparable_at(s, r, n), s, r, grid.rows - 1, r, n});
                            break;
                        }
                    }
                    break;
                }
            }
        }
        return forms;
    }

    // The number right of a label that starts with `label` inside the form, and the label's cell.
    std::optional<std::pair<CellRef, CellRef>> labelled(const Form& form, std::string_view label,
                                                        std::optional<std::size_t> in_col = std::nullopt,
                                                        std::size_t from_row = 0, bool exact = false) const {
        const Grid& grid = in_.sheets[form.sheet];
        for (std::size_t r = std::max(form.first_row, from_row); r <= form.last_row; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                if (in_col && c != *in_col) {
                    continue;
                }
                const auto& text = comparable_at(form.sheet, r, c);
                if (exact ? text != label : text.find(label) == std::string::npos) {
                    continue;
                }
                // Its value is the next cell to the right that is filled, unless that is already
                // the next caption (an empty value).
                for (std::size_t n = c + 1; n < grid.cols; ++n) {
                    const auto& next = grid.at(r, n);
                    if (next.is_empty()) {
                        continue;
                    }
                    if (next.kind == CellValue::Kind::Text && !parse_number_text(next.text)) {
                        break;
                    }
                    return std::pair{CellRef{grid.name, r, c}, CellRef{grid.name, r, n}};
                }
                return std::pair{CellRef{grid.name, r, c}, CellRef{grid.name, r, c}};
            }
        }
        return std::nullopt;
    }

    Value value_at(const CellRef& at) const {
        const Grid& grid = *std::ranges::find(in_.sheets, at.sheet, &Grid::name);
        Value value;
        value.cells.push_back(at);
        const auto amount = to_amount(grid.at(at.row, at.col));
        if (std::holds_alternative<AmountError>(amount)) {
            value.problem = "数字单元格中是文字 " + at.display();
        } else {
            value.amount = std::get<Decimal>(amount);
        }
        return value;
    }

    void forms(const Rule& rule) {
        const auto* projects_table = table(rule.projects.table);
        if (projects_table == nullptr) {
            not_evaluated(rule, missing_table(rule.projects.table), "table " + rule.projects.table + " not found");
            return;
        }
        const auto* side = projects_table->table->block_side(rule.projects.first);
        const auto forms = find_forms();
        const auto rows = projects_table->blocks.find(rule.projects.first);
        const std::vector<LocatedRow> none;
        const auto& projects = rows == projects_table->blocks.end() ? none : rows->second;
        const auto label_col = *projects_table->column(side->key, side->first_column(layout::ColumnKind::Label)->key);
        const auto total_col = projects_table->column(side->key, "total");
        const auto title = table_title(*projects_table);
        for (const auto& project : projects) {
            const CellRef project_cell = ref(*projects_table, project.row, label_col);
            const auto form = std::ranges::find(forms, project.label, &Form::project);
            const std::string name = in_.sheets[projects_table->sheet].at(project.row, label_col).text;
            if (rule.form_aspect == rules::FormAspect::Exists) {
                auto out = outcome(rule, form != forms.end() ? Status::Pass : Status::Fail, title, {project_cell});
                add_context(out, name, name);
                outcomes_.push_back(std::move(out));
                continue;
            }
            if (form == forms.end()) {
                continue;  // F.EXISTS reports it
            }
            form_aspect(rule, *form, name, project,
                        total_col ? std::optional(cell(*projects_table, project.row, *total_col)) : std::nullopt);
        }
    }

    void form_aspect(const Rule& rule, const Form& form, const std::string& name, const LocatedRow&,
                     const std::optional<Value>& project_total) {
        const Grid& grid = in_.sheets[form.sheet];
        const CellRef name_cell{grid.name, form.name_row, form.name_col};
        const std::string where = "绩效目标申报表“" + name + "”";
        switch (rule.form_aspect) {
            case rules::FormAspect::AnnualTotal: {
                const auto annual = labelled(form, form_labels::annual_total);
                if (!annual || !project_total) {
                    auto out = outcome(rule, Status::NotEvaluated, where, {name_cell});
                    add_context(out, "申报表中未找到年度资金总额", "no 年度资金总额 on the form");
                    outcomes_.push_back(std::move(out));
                    return;
                }
                const auto yuan = value_at(annual->second);
                auto expected = *project_total;
                expected.amount = expected.amount * Decimal(10000);
                std::vector<CellRef> cells{annual->second};
                cells.insert(cells.end(), expected.cells.begin(), expected.cells.end());
                if (!yuan.problem.empty() || !expected.problem.empty()) {
                    auto out = outcome(rule, Status::NotEvaluated, where, cells);
                    add_context(out, yuan.problem + expected.problem, yuan.problem + expected.problem);
                    outcomes_.push_back(std::move(out));
                    return;
                }
                const Decimal difference = yuan.amount - expected.amount;
                const Decimal magnitude = difference < Decimal(0) ? -difference : difference;
                auto out = outcome(rule, difference == Decimal(0) ? Status::Pass : Status::Fail, where, cells);
                out.actual = yuan.amount.to_string(0);
                out.expected = expected.amount.to_string(0);
                out.difference = difference.to_string(0);
                add_context(out, name, name);
                if (out.status == Status::Fail && magnitude <= half_unit_ * Decimal(10000)) {
                    out.severity = Severity::Warning;
                    out.message.zh += "；差额在表12金额（万元两位小数）的舍入误差之内";
                    out.message.en += "; within the rounding of table 12's amount";
                }
                outcomes_.push_back(std::move(out));
                return;
            }
            case rules::FormAspect::Sources: {
                for (const char* total_label : {form_labels::annual_total, form_labels::period_total}) {
                    const auto total = labelled(form, total_label);
                    if (!total) {
                        continue;
                    }
                    // The source lines sit under the total's label, in its column.
                    Value sum;
                    for (const char* source :
                         {"中央财政资金", "省级财政资金", "市县(区)财政资金", "单位自筹", "其他资金"}) {
                        const auto line = labelled(form, source, total->first.col, total->first.row + 1);
                        if (line && line->second.col != line->first.col) {
                            const auto value = value_at(line->second);
                            absorb(sum, value);
                            sum.amount += value.amount;
                        }
                    }
                    if (total->second == total->first) {
                        continue;  // no total stated
                    }
                    const auto stated = value_at(total->second);
                    std::vector<CellRef> cells{total->second};
                    cells.insert(cells.end(), sum.cells.begin(), sum.cells.end());
                    if (!stated.problem.empty() || !sum.problem.empty()) {
                        auto out = outcome(rule, Status::NotEvaluated, where, cells);
                        add_context(out, stated.problem + sum.problem, stated.problem + sum.problem);
                        outcomes_.push_back(std::move(out));
                        continue;
                    }
                    auto out = outcome(rule, stated.amount == sum.amount ? Status::Pass : Status::Fail, where, cells);
                    out.actual = stated.amount.to_string(0);
                    out.expected = sum.amount.to_string(0);
                    out.difference = (stated.amount - sum.amount).to_string(0);
                    add_context(out, name + " " + total_label, name + " " + total_label);
                    outcomes_.push_back(std::move(out));
                }
                return;
            }
            case rules::FormAspect::Indicators: {
                std::string missing;
                for (const char* level : {form_labels::output, form_labels::benefit, form_labels::satisfaction}) {
                    if (!labelled(form, level, std::nullopt, 0, true)) {
                        missing += missing.empty() ? level : std::string("、") + level;
                    }
                }
                auto out = outcome(rule, missing.empty() ? Status::Pass : Status::Fail, where, {name_cell});
                add_context(out, missing.empty() ? name : name + " 缺少" + missing,
                            missing.empty() ? name : name + " lacks " + missing);
                outcomes_.push_back(std::move(out));
                return;
            }
            case rules::FormAspect::Plausible: {
                static const std::regex percent(R"(([0-9]+(\.[0-9]+)?)%)");
                bool any = false;
                for (std::size_t r = form.first_row; r <= form.last_row; ++r) {
                    for (std::size_t c = 0; c < grid.cols; ++c) {
                        const auto& cell = grid.at(r, c);
                        if (cell.kind != CellValue::Kind::Text || cell.text.size() > 40) {
                            continue;
                        }
                        const auto text = normalize_text(cell.text);
                        std::smatch match;
                        if (!std::regex_search(text, match, percent)) {
                            continue;
                        }
                        const auto value = Decimal::parse(match[1].str());
                        if (value && *value > Decimal(100)) {
                            any = true;
                            auto out = outcome(rule, Status::Fail, where, {CellRef{grid.name, r, c}});
                            out.actual = cell.text;
                            add_context(out, name + " " + cell.text, name + " " + cell.text);
                            outcomes_.push_back(std::move(out));
                        }
                    }
                }
                if (!any) {
                    auto out = outcome(rule, Status::Pass, where, {name_cell});
                    outcomes_.push_back(std::move(out));
                }
                return;
            }
            case rules::FormAspect::Exists: return;
        }
    }

    // ---- the narrative ----

    struct TextCell {
        std::string text;  // normalized
        CellRef cell;
    };

    const std::vector<TextCell>& texts() {
        if (!texts_) {
            texts_.emplace();
            for (const auto& grid : in_.sheets) {
                for (std::size_t r = 0; r < grid.rows; ++r) {
                    for (std::size_t c = 0; c < grid.cols; ++c) {
                        const auto& cell = grid.at(r, c);
                        // Facts quote amounts, shares or counts: other text is not searched.
                        if (cell.kind == CellValue::Kind::Text && cell.text.size() > 12 &&
                            (cell.text.find("万元") != std::string::npos || cell.text.find('%') != std::string::npos ||
                             cell.text.find("％") != std::string::npos || cell.text.find("个") != std::string::npos)) {
                            texts_->push_back({normalize_text(cell.text), {grid.name, r, c}});
                        }
                    }
                }
            }
        }
        return *texts_;
    }

    void fact(const Rule& rule) {
        const std::regex pattern(rule.pattern);
        bool found = false;
        for (const auto& text : texts()) {
            for (auto it = std::sregex_iterator(text.text.begin(), text.text.end(), pattern);
                 it != std::sregex_iterator(); ++it) {
                found = true;
                std::vector<std::string> captures;
                for (std::size_t i = 1; i < it->size(); ++i) {
                    captures.push_back((*it)[static_cast<int>(i)].str());
                }
                const Scope scope{nullptr, nullptr, std::nullopt, {}, {}, &captures, text.cell};
                for (const auto& comparison : rule.checks) {
                    const auto quoted = it->str().substr(0, 90);
                    compare(rule, comparison, scope, "情况说明", quoted, quoted);
                }
            }
        }
        if (!found) {
            auto out = outcome(rule, Status::NotApplicable, "情况说明", {});
            out.message.zh += "：情况说明中没有此项表述";
            out.message.en += ": the narrative does not state it";
            outcomes_.push_back(std::move(out));
        }
    }

    void year_on_year(const Rule& rule) {
        static const std::regex change(
            R"(([0-9]+(?:\.[0-9]+)?)万元[^;。]*?比上年(增加|减少)([0-9]+(?:\.[0-9]+)?)万元,(增长|下降)([0-9]+(?:\.[0-9]+)?)%)");
        bool found = false;
        for (const auto& text : texts()) {
            for (auto it = std::sregex_iterator(text.text.begin(), text.text.end(), change);
                 it != std::sregex_iterator(); ++it) {
                found = true;
                const auto& m = *it;
                const auto current = *Decimal::parse(m[1].str());
                const auto amount = *Decimal::parse(m[3].str());
                const auto rate = *Decimal::parse(m[5].str());
                const bool increase = m[2].str() == "增加";
                const Decimal prior = increase ? current - amount : current + amount;
                auto out = outcome(rule, Status::Pass, "情况说明", {text.cell});
                const auto quoted = m.str().substr(0, 120);
                add_context(out, quoted, quoted);
                if (prior <= Decimal(0)) {
                    out.status = Status::NotApplicable;
                    outcomes_.push_back(std::move(out));
                    continue;
                }
                const Decimal computed = amount / prior * Decimal(100);
                const Decimal difference = rate - computed;
                const Decimal magnitude = difference < Decimal(0) ? -difference : difference;
                out.actual = rate.to_string(2);
                out.expected = computed.to_string(2);
                out.difference = difference.to_string(2);
                // The stated rate is rounded to two decimals; the change and the current figure too.
                const Decimal tolerance = half_unit_ + half_unit_ * Decimal(2) * Decimal(100) / prior;
                if (magnitude > tolerance || (increase != (m[4].str() == "增长"))) {
                    out.status = Status::Fail;
                    out.fix = rule.fix;
                    out.message.zh +=
                        "；按上年数 " + prior.to_string(2) + " 万元计算，变动率应为 " + out.expected + "%";
                    out.message.en +=
                        "; from last year's " + prior.to_string(2) + ", the rate is " + out.expected + "%";
                }
                outcomes_.push_back(std::move(out));
            }
        }
        if (!found) {
            auto out = outcome(rule, Status::NotApplicable, "情况说明", {});
            outcomes_.push_back(std::move(out));
        }
    }

    const rules::RulePack& pack_;
    const EngineInput& in_;
    Decimal half_unit_;
    std::vector<Outcome> outcomes_;
    std::optional<std::vector<TextCell>> texts_;
    mutable std::map<const std::vector<LocatedRow>*, CodeIndex> code_indexes_;
    mutable std::map<std::size_t, std::vector<std::optional<std::string>>> comparable_cache_;
};

}  // namespace

std::vector<Outcome> evaluate(const rules::RulePack& pack, const EngineInput& input) {
    return Engine(pack, input).run();
}

}  // namespace bd
