// `check` rules: comparisons of the rule language, once or for every row of a side (`each`).
#include "context.hpp"

namespace bd::engine {

void run_check(Context& context, const rules::Rule& rule) {
    if (!rule.each) {
        std::string table_name;
        if (const auto paths = expr::paths(rule.checks.front().lhs); !paths.empty() && !paths.front().table.empty()) {
            if (const auto* located = context.table(paths.front().table)) {
                table_name = context.title(*located);
            }
        }
        for (const auto& comparison : rule.checks) {
            context.compare(rule, comparison, Scope{}, table_name, {});
        }
        return;
    }
    const auto& each = *rule.each;
    const auto* located = context.table(each.table);
    if (located == nullptr) {
        context.not_evaluated(rule, Context::missing_table(each.table));
        return;
    }
    const auto* side = located->table->side(each.side);
    if (side == nullptr) {
        context.not_evaluated(rule, {"no side " + each.side, "表中没有 " + each.side});
        return;
    }
    const auto title = context.title(*located);
    if (each.rows != rules::Each::Rows::Block) {
        for (const auto* part : {&side->head, &side->foot}) {
            for (const auto& line : *part) {
                if (line.blank || (each.coded_only && line.code.empty())) {
                    continue;
                }
                const auto found = located->lines.find(line.key);
                if (found == located->lines.end()) {
                    continue;  // a line the table lacks: its own rules report it
                }
                const Scope scope{located, side, found->second.row, line.code, nullptr};
                const auto label = context.line_label(*located, line);
                for (const auto& comparison : rule.checks) {
                    context.compare(rule, comparison, scope, title, label);
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
            const Scope scope{located, side, row.row, row.code, nullptr};
            const auto label = row.placed_by_position() || row.code.empty() ? row.label : row.code + " " + row.label;
            for (const auto& comparison : rule.checks) {
                context.compare(rule, comparison, scope, title, label);
            }
        }
    }
}

}  // namespace bd::engine
