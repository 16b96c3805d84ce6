// `arranged` rules: the coded rows of a table are in code order and every 款 and 项 has its 类
// and 款 above it — as 预算公开 › 整理科目行 (bd/arrange.hpp) leaves them. A table filled by typing
// 项 codes in any row fails it, and the rule's fix names the command.
#include "bd/codes.hpp"
#include "context.hpp"

#include <set>

namespace bd::engine {

namespace {

/// The first rows of a block that are out of order or lack a parent, with why.
struct Unarranged {
    std::vector<const LocatedRow*> rows;
    std::string zh;
    std::string en;
};

constexpr std::size_t listed = 5;  // rows named in one outcome

Unarranged unarranged(const std::vector<LocatedRow>& rows) {
    Unarranged out;
    std::set<std::string> codes;
    for (const auto& row : rows) {
        codes.insert(row.code);
    }
    const LocatedRow* previous = nullptr;
    for (const auto& row : rows) {
        if (out.rows.size() == listed) {
            break;
        }
        if (previous != nullptr && row.code < previous->code) {
            out.rows.push_back(&row);
            out.zh += "；" + row.code + " 排在 " + previous->code + " 之后";
            out.en += "; " + row.code + " comes after " + previous->code;
        } else {
            for (const auto& parent : parent_codes(row.code)) {
                if (!codes.contains(parent)) {
                    out.rows.push_back(&row);
                    out.zh += "；" + row.code + " 缺少上级 " + parent;
                    out.en += "; " + row.code + " lacks its parent " + parent;
                    break;
                }
            }
        }
        previous = &row;
    }
    return out;
}

}  // namespace

void run_arranged(Context& context, const rules::Rule& rule) {
    for (const auto& id : rule.tables) {
        for (const auto* located : context.input().located.instances(id)) {
            const auto title = context.title(*located);
            for (const auto& side : located->table->sides) {
                const auto* code_column = side.first_column(layout::ColumnKind::Code);
                const auto rows = side.block ? located->blocks.find(side.block->key) : located->blocks.end();
                const auto code_col =
                    code_column != nullptr ? located->column(side.key, code_column->key).value_or(0) : 0;
                // Rows placed by their names (a table printed without codes) are in the document's order.
                if (rows == located->blocks.end() || rows->second.empty() || code_column == nullptr ||
                    rows->second.front().by_name) {
                    continue;
                }
                const auto found = unarranged(rows->second);
                if (found.rows.empty()) {
                    context.add(context.outcome(rule, Status::Pass, title,
                                                {context.ref(*located, rows->second.front().row, code_col)}));
                    continue;
                }
                std::vector<CellRef> cells;
                for (const auto* row : found.rows) {
                    cells.push_back(context.ref(*located, row->row, code_col));
                }
                auto out = context.outcome(rule, Status::Fail, title, std::move(cells));
                Context::add_context(out, found.zh.substr(std::string("；").size()), found.en.substr(2));
                context.add(std::move(out));
            }
        }
    }
}

}  // namespace bd::engine
