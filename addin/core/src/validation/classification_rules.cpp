// `codes`, `names` and `lines` rules: codes of the year's classification with the names it gives
// them, one name per code across tables, and every row with amounts a row the layout knows (a
// class line named as the year names the class).
#include "context.hpp"

#include "bd/titles.hpp"

#include <map>

namespace bd::engine {

namespace {

// The scheme's code lengths: 类, 款, 项 (economic and revenue codes of tables stop where they do).
bool well_formed(const std::string& code, layout::BlockKind kind) {
    return is_code_length(code) && (kind != layout::BlockKind::Economic || code.size() <= 5);
}

template <typename Visit>
void for_each_coded_block(const Context& context, const rules::Rule& rule, const Visit& visit) {
    for (const auto& id : rule.tables) {
        for (const auto* located : context.input().located.instances(id)) {
            for (const auto& side : located->table->sides) {
                if (!side.block || side.block->kind == layout::BlockKind::Rows) {
                    continue;
                }
                const auto rows = located->blocks.find(side.block->key);
                if (rows != located->blocks.end()) {
                    visit(*located, side, rows->second);
                }
            }
        }
    }
}

// Where a row's code and name are: the code's cell (its 类 part when split), then the name's.
std::vector<CellRef> row_cells(const Context& context, const LocatedTable& located, const layout::Side& side,
                               const LocatedRow& row) {
    std::vector<CellRef> cells;
    for (const auto kind : {layout::ColumnKind::Code, layout::ColumnKind::Name}) {
        const auto* column = side.first_column(kind);
        if (const auto col = column != nullptr ? located.column(side.key, column->key) : std::nullopt) {
            cells.push_back(context.ref(located, row.row, *col));
        }
    }
    return cells;
}

}  // namespace

void run_codes(Context& context, const rules::Rule& rule) {
    const auto& edition = context.input().edition;
    for_each_coded_block(
        context, rule, [&](const LocatedTable& located, const layout::Side& side, const std::vector<LocatedRow>& rows) {
            const auto title = context.title(located);
            const auto prefix = layout::code_prefix(side.block->kind);
            for (const auto& row : rows) {
                const auto cells = row_cells(context, located, side, row);
                const auto* entry = edition.find(row.code);
                Outcome out;
                if (row.placed_by_position()) {
                    out = context.outcome(rule, Status::NotEvaluated, title, cells);
                    out.severity = Severity::Info;
                    Context::add_context(
                        out, "“" + row.label + "”不在已载入的分类科目中，无法确定其编码（请导入当年官方分类科目）",
                        row.label +
                            " is not in the loaded classification: its code is unknown "
                            "(import the year's official table)");
                } else if (!row.code.starts_with(prefix)) {
                    out = context.outcome(rule, Status::Fail, title, cells);
                    Context::add_context(out, row.code + " 不是本表应有的科目类别",
                                         row.code + " is not of this table's scheme");
                } else if (!well_formed(row.code, side.block->kind)) {
                    out = context.outcome(rule, Status::Fail, title, cells);
                    Context::add_context(out, row.code + " 不是有效的类、款、项编码（位数不对）",
                                         row.code + " is not a valid class, item or sub-item code (wrong length)");
                } else if (entry == nullptr) {
                    out = context.outcome(rule, Status::NotEvaluated, title, cells);
                    out.severity = Severity::Info;
                    Context::add_context(
                        out, row.code + " 不在已载入的分类科目中，无法判断（请导入当年官方分类科目）",
                        row.code + " is not in the loaded classification; import the year's official table");
                } else if (!row.label.empty() && comparable_label(entry->name) != row.label) {
                    out = context.outcome(rule, Status::Fail, title, cells);
                    out.expected = entry->name;
                    out.actual = row.label;
                    Context::add_context(out, row.code + " 的名称应为“" + entry->name + "”",
                                         row.code + " is named " + entry->name);
                } else {
                    out = context.outcome(rule, Status::Pass, title, cells);
                }
                context.add(std::move(out));
            }
        });
}

void run_names(Context& context, const rules::Rule& rule) {
    // Every name each code carries, in the order the tables give them.
    struct Seen {
        std::string label;
        std::string table;
        std::string title;
        CellRef cell;
    };
    std::map<std::string, std::vector<Seen>> seen;
    std::vector<std::string> order;
    const auto see = [&](const std::string& code, const std::string& label, const std::string& table,
                         const std::string& title, const CellRef& here) {
        if (label.empty() || code.find('~') != std::string::npos) {
            return;
        }
        auto& names = seen[code];
        if (names.empty()) {
            order.push_back(code);
        }
        names.push_back({label, table, title, here});
    };
    for (const auto& id : rule.tables) {
        for (const auto* located : context.input().located.instances(id)) {
            const auto title = context.title(*located);
            for (const auto& side : located->table->sides) {
                // Class lines (table 1's 一、一般公共服务支出 …) by the name the table gives them.
                for (const auto* part : {&side.head, &side.foot}) {
                    for (const auto& line : *part) {
                        const auto found = line.code.empty() ? located->lines.end() : located->lines.find(line.key);
                        if (found != located->lines.end()) {
                            see(line.code, comparable_label(found->second.written), id, title,
                                context.ref(*located, found->second.label_row, found->second.label_col));
                        }
                    }
                }
                const auto* name_column = side.first_column(layout::ColumnKind::Name);
                const auto name_col =
                    name_column != nullptr ? located->column(side.key, name_column->key) : std::nullopt;
                const auto rows = side.block ? located->blocks.find(side.block->key) : located->blocks.end();
                if (!name_col || rows == located->blocks.end() || side.block->kind == layout::BlockKind::Rows) {
                    continue;
                }
                for (const auto& row : rows->second) {
                    see(row.code, row.label, id, title, context.ref(*located, row.row, *name_col));
                }
            }
        }
    }
    const auto& edition = context.input().edition;
    for (const auto& code : order) {
        const auto& names = seen.at(code);
        if (names.size() < 2) {
            continue;
        }
        // The name most tables give the code (the classification's, when one of them does): a name
        // that differs from it is the finding, at its own cell.
        // (Counted once per name: a code repeated on thousands of rows stays linear.)
        std::map<std::string, std::size_t> counts;
        for (const auto& name : names) {
            ++counts[name.label];
        }
        const auto* entry = edition.find(code);
        const std::string official = entry != nullptr ? comparable_label(entry->name) : std::string();
        std::string usual = names.front().label;
        std::size_t most = 0;
        for (const auto& name : names) {
            const bool is_official = entry != nullptr && name.label == official;
            const auto count = counts[name.label];
            if (count > most || is_official) {
                most = is_official ? names.size() : count;
                usual = name.label;
            }
        }
        const auto reference = std::ranges::find(names, usual, &Seen::label);
        for (const auto& name : names) {
            if (&name == &*reference) {
                continue;
            }
            auto out = context.outcome(rule, name.label == usual ? Status::Pass : Status::Fail, name.title,
                                       {name.cell, reference->cell});
            if (out.status == Status::Fail) {
                out.expected = usual;
                out.actual = name.label;
                const bool cut = usual.starts_with(name.label);
                if (cut) {  // 机关事业单位基本养老保险缴费支 for …缴费支出: a name cut off, not another name
                    out.severity = Severity::Warning;
                }
                Context::add_context(
                    out, code + " 在" + reference->title + "中名为“" + usual + "”" + (cut ? "，此处的名称不完整" : ""),
                    code + " is named " + usual + " in " + reference->title + (cut ? "; this name is cut off" : ""));
            }
            context.add(std::move(out));
        }
    }
}

void run_lines(Context& context, const rules::Rule& rule) {
    const auto& edition = context.input().edition;
    for (const auto& id : rule.tables) {
        for (const auto* located : context.input().located.instances(id)) {
            const auto title = context.title(*located);
            bool any = false;
            for (const auto& row : located->unclaimed) {
                any = true;
                auto out = context.outcome(rule, Status::Fail, title, {context.ref(*located, row.row, row.col)});
                out.actual = row.label;
                if (row.label.empty()) {
                    Context::add_context(out, "该行有金额，但没有名称或编码，其金额未参与检查",
                                         "the row holds amounts but no name or code; they were not checked");
                } else {
                    Context::add_context(out, "“" + row.label + "”不是本表应有的行，其金额未参与检查",
                                         row.label + " is no line this table has; its amounts were not checked");
                }
                context.add(std::move(out));
            }
            for (const auto& [key, line] : located->lines) {
                if (line.former_name.empty()) {
                    continue;
                }
                any = true;
                const auto code = located->table->line(key)->line->code;
                const auto* entry = edition.find(code);
                const auto* former = former_class_name(line.former_name);
                const auto until = former != nullptr ? std::to_string(former->last_edition) : std::string("?");
                const auto current =
                    entry != nullptr ? entry->name : comparable_label(located->table->line(key)->line->label);
                auto out =
                    context.outcome(rule, Status::Fail, title, {context.ref(*located, line.label_row, line.label_col)});
                out.expected = current;
                out.actual = line.former_name;
                Context::add_context(
                    out,
                    "“" + line.former_name + "”是" + code + "类在" + until + "年及以前的名称，当年名称为“" + current +
                        "”",
                    line.former_name + " is the name class " + code + " had until " + until + "; it is now " + current);
                context.add(std::move(out));
            }
            if (!any) {
                context.add(context.outcome(rule, Status::Pass, title, {context.ref(*located, located->top_row(), 0)}));
            }
        }
    }
}

void run_empty_note(Context& context, const rules::Rule& rule) {
    for (const auto& id : rule.tables) {
        const auto* located = context.table(id);
        if (located == nullptr) {
            context.not_evaluated(rule, Context::missing_table(id));
            continue;
        }
        const auto title = context.title(*located);
        // Whether the table holds data: the layout says which figure tells (note-if-empty).
        bool has_data = false;
        if (located->table->note_if_empty) {
            const auto amount =
                context.evaluate(*located->table->note_if_empty, Scope{located, nullptr, {}, {}, nullptr});
            if (amount.has_problem() && !amount.absent) {
                context.not_evaluated(rule, amount.problem);
                continue;
            }
            has_data = !amount.figure.amount.is_zero();
        }
        const bool says_empty = located->empty_note.has_value();
        std::vector<CellRef> cells{context.ref(*located, located->top_row(), 0)};
        if (says_empty) {
            cells.insert(cells.begin(), context.ref(*located, located->empty_note->first, located->empty_note->second));
        }
        auto out = context.outcome(rule, has_data == says_empty ? Status::Fail : Status::Pass, title, cells);
        if (has_data && says_empty) {
            Context::add_context(out, "表中有数据，却注明为空表",
                                 "the table holds figures but its note says it is empty");
        }
        context.add(std::move(out));
    }
}

}  // namespace bd::engine
