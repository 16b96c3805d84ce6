// `hierarchy` rules: in every coded block, each 类 equals the sum of its 款, each 款 the sum of its
// 项, and the block's 合计 line the sum of its 类 — in every amount column, over the rows the table
// has (a row placed by its name counts under the row above it).
#include "context.hpp"

#include <set>

namespace bd::engine {

namespace {

// A code's depth as its length; a row placed by position ("302~12") is one level below its parent.
std::size_t depth(const std::string& code) {
    const auto mark = code.find('~');
    return mark == std::string::npos ? code.size() : mark + 2;
}

struct Column {
    std::size_t col;
    std::string header;
};

void hierarchy_column(Context& context, const rules::Rule& rule, const LocatedTable& located, const layout::Side& side,
                      const std::vector<LocatedRow>& rows, const Column& column, const std::string& title) {
    const auto compare_sum = [&](const Value& total, const std::vector<const LocatedRow*>& parts,
                                 const std::string& label) {
        Value sum;
        sum.unit = located.unit;
        for (const auto* part : parts) {
            const auto value = context.cell(located, part->row, column.col);
            sum.absorb(value);
            sum.figure = sum.figure + value.figure;
        }
        context.compare(rule, total, rules::Op::Equal, sum, title, label + " " + column.header);
    };
    const auto& index = context.code_index(rows);
    std::set<const LocatedRow*> below_another;
    for (const auto& row : rows) {
        const auto descendants = index.descendants(row.code);
        if (descendants.empty()) {
            continue;
        }
        // The children are the descendants of the next level present (款 under 类, 项 under 款).
        std::size_t child_depth = depth(descendants.front()->code);
        for (const auto* d : descendants) {
            child_depth = std::min(child_depth, depth(d->code));
            below_another.insert(d);
        }
        std::vector<const LocatedRow*> children;
        for (const auto* d : descendants) {
            if (depth(d->code) == child_depth) {
                children.push_back(d);
            }
        }
        std::ranges::sort(children, {}, &LocatedRow::row);  // in the sheet's order
        compare_sum(context.cell(located, row.row, column.col), children, row.code + " " + row.label);
    }
    std::vector<const LocatedRow*> top;
    for (const auto& row : rows) {
        if (!below_another.contains(&row)) {
            top.push_back(&row);
        }
    }
    for (const auto* part : {&side.head, &side.foot}) {
        for (const auto& line : *part) {
            const auto row = located.line_row(line.key);
            if (line.is_sum() && line.sum_last.empty() && line.sum_first == side.block->key && row) {
                compare_sum(context.cell(located, *row, column.col), top, context.line_label(located, line));
            }
        }
    }
}

}  // namespace

void run_hierarchy(Context& context, const rules::Rule& rule) {
    for (const auto& id : rule.tables) {
        const auto instances = context.input().located.instances(id);
        if (instances.empty()) {
            context.not_evaluated(rule, Context::missing_table(id));
        }
        for (const auto* located : instances) {
            const auto title = context.title(*located);
            for (const auto& side : located->table->sides) {
                if (!side.block || side.block->kind == layout::BlockKind::Rows) {
                    continue;
                }
                const auto rows = located->blocks.find(side.block->key);
                if (rows == located->blocks.end() || rows->second.empty()) {
                    // No row carries a code: with amounts in the table, its sums cannot be checked;
                    // without, there is nothing to check.
                    if (context.block_has_amounts(*located, side)) {
                        auto out = context.outcome(rule, Status::NotEvaluated, title,
                                                   {context.ref(*located, located->top_row(), 0)});
                        out.message.zh += "：无法检查，表中没有带科目编码的行";
                        out.message.en += ": could not be checked: no row of the table carries a code";
                        context.add(std::move(out));
                    }
                    continue;
                }
                std::vector<Column> columns;
                for (const auto& column : side.columns) {
                    const auto col = located->column(side.key, column.key);
                    if (column.kind == layout::ColumnKind::Amount && col) {
                        columns.push_back({*col, column.header});
                    }
                }
                if (const auto more = located->more_columns.find(side.key); more != located->more_columns.end()) {
                    for (const auto& [header, col] : more->second) {
                        columns.push_back({col, header});
                    }
                }
                for (const auto& column : columns) {
                    hierarchy_column(context, rule, *located, side, rows->second, column, title);
                }
            }
        }
    }
}

}  // namespace bd::engine
