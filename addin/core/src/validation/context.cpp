#include "context.hpp"

#include "narrative_text.hpp"

#include "bd/recognize.hpp"

#include "bd/titles.hpp"

#include <algorithm>

namespace bd::engine {

void Value::absorb(const Value& other) {
    const auto room = most_cells - std::min(most_cells, cells.size());
    cells.insert(cells.end(), other.cells.begin(),
                 other.cells.begin() + static_cast<std::ptrdiff_t>(std::min(room, other.cells.size())));
    if (!has_problem()) {
        problem = other.problem;
    }
    absent = absent || other.absent;
    if (unit == nullptr) {
        unit = other.unit;
    }
}

Value problem(std::string why_zh, std::string why_en) {
    Value value;
    value.problem = {std::move(why_en), std::move(why_zh)};
    return value;
}

CodeIndex::CodeIndex(const std::vector<LocatedRow>& rows) {
    for (const auto& row : rows) {
        sorted_.emplace_back(row.code, &row);
    }
    std::ranges::stable_sort(sorted_, {}, &Entry::first);  // equal codes in the table's order
}

const LocatedRow* CodeIndex::row(const std::string& code) const {
    const auto it = std::ranges::lower_bound(sorted_, code, {}, &Entry::first);
    return it != sorted_.end() && it->first == code ? it->second : nullptr;
}

std::vector<const LocatedRow*> CodeIndex::descendants(const std::string& code) const {
    std::vector<const LocatedRow*> out;
    for (auto it = std::ranges::upper_bound(sorted_, code, {}, &Entry::first);
         it != sorted_.end() && it->first.starts_with(code); ++it) {
        if (it->first.size() > code.size()) {
            out.push_back(it->second);
        }
    }
    return out;
}

bool CodeIndex::is_subtotal(const std::string& code) const {
    const auto it = std::ranges::upper_bound(sorted_, code, {}, &Entry::first);
    return it != sorted_.end() && it->first.starts_with(code) && it->first.size() > code.size();
}

Context::Context(const EngineInput& input) : in_(input), budget_year_(bd::budget_year(input.sheets)) {}

Context::~Context() = default;

Narrative& Context::narrative() {
    if (!narrative_) {
        narrative_ = std::make_unique<Narrative>(in_);
    }
    return *narrative_;
}

const Context* Context::prior() const {
    if (!prior_ && in_.prior != nullptr && prior_problem().en.empty()) {
        prior_input_ = std::make_unique<EngineInput>(
            EngineInput{in_.layout, in_.prior->located, in_.prior->sheets, in_.edition, nullptr});
        prior_ = std::make_unique<Context>(*prior_input_);
    }
    return prior_.get();
}

LocalizedText Context::prior_problem() const {
    if (in_.prior == nullptr) {
        return {};
    }
    if (in_.prior->located.layout != &in_.layout || in_.prior->located.tables.empty()) {
        return {"last year's document is not a disclosure of the same set of tables",
                "上年的文件不是同一套表的预算公开"};
    }
    const auto year = bd::budget_year(in_.prior->sheets);
    if (budget_year_ && year && *year != *budget_year_ - 1) {
        return {"last year's document is the budget of " + std::to_string(*year) + ", not of " +
                    std::to_string(*budget_year_ - 1),
                "上年的文件是" + std::to_string(*year) + "年的预算，不是" + std::to_string(*budget_year_ - 1) + "年的"};
    }
    return {};
}

void Context::remember(std::size_t cell, std::size_t begin, expr::Expr what) {
    referents_.insert_or_assign({cell, begin}, std::move(what));
}

const expr::Expr* Context::referent(std::size_t cell, std::size_t begin) const {
    const auto it = referents_.find({cell, begin});
    return it == referents_.end() ? nullptr : &it->second;
}

CellRef Context::ref(const LocatedTable& table, std::size_t row, std::size_t col) const {
    return {sheet_of(table).name, row, col};
}

std::string Context::line_label(const LocatedTable& table, const layout::Line& line) const {
    const auto found = table.lines.find(line.key);
    if (found != table.lines.end() && !found->second.written.empty()) {
        return found->second.written;
    }
    if (line.label.find('{') == std::string::npos) {
        return line.label;
    }
    if (found != table.lines.end()) {
        const auto& cell = sheet_of(table).at(found->second.label_row, found->second.label_col);
        if (cell.kind == CellValue::Kind::Text && !cell.text.empty()) {
            return cell.text;
        }
    }
    return line.key;
}

std::string Context::title(const LocatedTable& table) const {
    return table.found_as.empty() ? table.table->id : table.found_as;
}

Value Context::cell(const LocatedTable& table, std::size_t row, std::size_t col) const {
    const Grid& grid = sheet_of(table);
    Value value;
    value.cells.push_back(ref(table, row, col));
    value.unit = table.unit;
    if (row >= grid.rows || col >= grid.cols || grid.at(row, col).is_empty()) {
        return value;  // nothing written: none, exactly
    }
    const auto amount = to_amount(grid.at(row, col));
    if (const auto* error = std::get_if<AmountError>(&amount)) {
        const auto where = value.cells.front().display();
        value.problem = *error == AmountError::ErrorCell
                            ? LocalizedText{"an error value in " + where, "错误值单元格 " + where}
                            : LocalizedText{"text in the number cell " + where, "数字单元格中是文字 " + where};
        return value;
    }
    value.figure = Figure::shown(std::get<Decimal>(amount) * table.unit->yuan, table.unit->yuan, table.unit->decimals);
    return value;
}

const CodeIndex& Context::code_index(const std::vector<LocatedRow>& rows) const {
    auto it = code_indexes_.find(&rows);
    if (it == code_indexes_.end()) {
        it = code_indexes_.emplace(&rows, CodeIndex(rows)).first;
    }
    return it->second;
}

std::vector<const LocatedRow*> Context::summed_rows(const LocatedTable& table, const layout::Side& side,
                                                    const std::string& prefix) const {
    std::vector<const LocatedRow*> rows;
    const auto it = table.blocks.find(side.block->key);
    if (it == table.blocks.end()) {
        return rows;
    }
    const bool named = side.block->kind == layout::BlockKind::Rows;
    const auto& index = code_index(it->second);
    for (const auto& row : it->second) {
        if (named || (row.code.starts_with(prefix) && !index.is_subtotal(row.code))) {
            rows.push_back(&row);
        }
    }
    return rows;
}

bool Context::block_has_amounts(const LocatedTable& located, const layout::Side& side) const {
    for (const auto* part : {&side.head, &side.foot}) {
        for (const auto& line : *part) {
            const auto row = line.is_sum() ? located.line_row(line.key) : std::nullopt;
            if (!row) {
                continue;
            }
            for (const auto& column : side.columns) {
                const auto col = located.column(side.key, column.key);
                if (column.kind == layout::ColumnKind::Amount && col &&
                    !cell(located, *row, *col).figure.amount.is_zero()) {
                    return true;
                }
            }
        }
    }
    return false;
}

const std::string& Context::comparable_at(std::size_t sheet, std::size_t row, std::size_t col) const {
    static const std::string none;
    const Grid& grid = in_.sheets[sheet];
    auto& cache = comparable_cache_[sheet];
    if (cache.empty()) {
        cache.resize(grid.cells.size());
    }
    auto& slot = cache[row * grid.cols + col];
    if (slot == nullptr) {
        const auto& cell = grid.at(row, col);
        if (cell.kind != CellValue::Kind::Text) {
            slot = &none;
        } else {
            auto [it, added] = comparable_texts_.try_emplace(cell.text);
            if (added) {
                it->second = comparable_label(cell.text);
            }
            slot = &it->second;
        }
    }
    return *slot;
}

Outcome Context::outcome(const rules::Rule& rule, Status status, std::string table_name,
                         std::vector<CellRef> cells) const {
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

void Context::add_context(Outcome& out, const std::string& zh, const std::string& en) {
    if (!zh.empty()) {
        out.message.zh += "（" + zh + "）";
        out.message.en += " (" + en + ")";
    }
}

void Context::not_evaluated(const rules::Rule& rule, const LocalizedText& why) {
    auto out = outcome(rule, Status::NotEvaluated, {}, {});
    out.message.zh += "：无法检查，" + why.zh;
    out.message.en += ": could not be checked: " + why.en;
    add(std::move(out));
}

std::string Context::shown(const Decimal& amount, const Value& as) {
    if (as.whole) {
        return amount.to_string(0);
    }
    if (as.stated) {
        return (amount / as.stated->unit_size).to_string(as.stated->decimals);
    }
    if (as.unit != nullptr) {
        return (amount / as.unit->yuan).to_string(as.unit->decimals);
    }
    return amount.to_string(2);  // a percentage
}

void Context::compare(const rules::Rule& rule, const Value& lhs, rules::Op op, const Value& rhs,
                      const std::string& table_name, const std::string& context) {
    std::vector<CellRef> cells = lhs.cells;
    cells.insert(cells.end(), rhs.cells.begin(), rhs.cells.end());
    if (lhs.absent || rhs.absent) {
        auto out = outcome(rule, Status::NotApplicable, table_name, cells);
        add_context(out, context, context);
        out.message.zh += "：本表没有此列（该版本的表不列）";
        out.message.en += ": the table has no such column (its edition leaves it out)";
        add(std::move(out));
        return;
    }
    if (lhs.has_problem() || rhs.has_problem()) {
        auto out = outcome(rule, Status::NotEvaluated, table_name, cells);
        const auto& why = lhs.has_problem() ? lhs.problem : rhs.problem;
        add_context(out, context, context);
        out.message.zh += "：无法检查，" + why.zh;
        out.message.en += ": could not be checked: " + why.en;
        add(std::move(out));
        return;
    }
    // Shown in the checked figure's unit; a figure quoted in a text as it is written there.
    Value as = lhs;
    as.whole = lhs.whole && rhs.whole;
    if (as.unit == nullptr && !as.stated && !as.whole) {
        as.unit = rhs.unit;
    }
    const auto compared = bd::compare(lhs.figure, op, rhs.figure, lhs.stated);
    auto out = outcome(rule, compared.agreement == Agreement::Holds ? Status::Pass : Status::Fail, table_name, cells);
    out.actual = shown(lhs.figure.amount, as);
    out.expected = shown(lhs.stated ? rounded_as(rhs.figure.amount, *lhs.stated) : rhs.figure.amount, as);
    out.difference = shown(compared.difference, as);
    add_context(out, context, context);
    if (compared.agreement == Agreement::WithinRounding) {
        out.severity = Severity::Warning;
        Value finer = as;
        if (finer.unit != nullptr) {
            finer.stated = Stated{finer.unit->yuan, finer.unit->decimals + 1};
        }
        const auto limit = shown(compared.tolerance, finer);
        out.message.zh +=
            "；差额 " + out.difference + " 在所列数字四舍五入的误差范围（±" + limit + "）之内，可能是舍入差异";
        out.message.en += "; the difference " + out.difference +
                          " is within what the rounding of the shown figures "
                          "can explain (±" +
                          limit + "): probably a rounding difference";
    }
    add(std::move(out));
}

void Context::compare(const rules::Rule& rule, const rules::Comparison& comparison, const Scope& scope,
                      const std::string& table_name, const std::string& context) {
    compare(rule, evaluate(comparison.lhs, scope), comparison.op, evaluate(comparison.rhs, scope), table_name, context);
}

}  // namespace bd::engine
