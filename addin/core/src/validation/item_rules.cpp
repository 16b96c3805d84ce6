// `items` and `shares` rules over the narrative. An item paragraph names a 类/款/项 and its amount
// ("“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元") and then its year's budget
// ("2024年预算安排25.77万元"): the heading agrees with the table's row for that item (found by its
// names under their parents), and the budget sentence with the heading. Shares (…万元，占…%) agree
// with the whole they are shares of, and the shares of one whole add up to 100 %. The phrasings
// are data (data/narrative.tsv).
#include "context.hpp"
#include "narrative_text.hpp"

#include "bd/titles.hpp"

#include <map>

namespace bd::engine {

namespace {

std::size_t begin_of(const std::wsmatch& match, std::size_t group) {
    return static_cast<std::size_t>(match.position(static_cast<int>(group)));
}
std::size_t end_of(const std::wsmatch& match, std::size_t group) {
    return static_cast<std::size_t>(match.position(static_cast<int>(group)) + match.length(static_cast<int>(group)));
}

// The code an item's names give in the year's classification: the 类 of the first name, the 款 of
// the second under it, the 项 of the third under that.
std::optional<std::string> classified_code(const Edition& edition, const std::vector<std::string>& names) {
    std::string code;
    for (const auto& name : names) {
        std::vector<const CatalogEntry*> level;
        std::ranges::copy_if(edition.find_by_name(name, code), std::back_inserter(level), [&](const CatalogEntry* e) {
            return e->code.size() == (code.empty() ? 3 : code.size() + 2);
        });
        if (level.size() != 1) {
            return std::nullopt;
        }
        code = level.front()->code;
    }
    return code;
}

// The row of a block named by an item's names, each under the one before it (类, 款, 项); or, when
// the table names it otherwise, the row of the code the names have in the year's classification.
const LocatedRow* item_row(const std::vector<LocatedRow>& rows, const std::vector<std::string>& names,
                           const Edition& edition) {
    std::map<std::string, const LocatedRow*> by_code;
    for (const auto& row : rows) {
        by_code[row.code] = &row;
    }
    const LocatedRow* found = nullptr;
    for (const auto& row : rows) {
        if (row.label != names.back() || row.code.size() != 1 + 2 * names.size()) {
            continue;  // a 项 (7 digits) for three names, a 款 (5) for two
        }
        bool parents = true;
        for (std::size_t level = 0; level + 1 < names.size() && parents; ++level) {
            const auto parent = by_code.find(row.code.substr(0, 3 + 2 * level));
            parents = parent != by_code.end() && parent->second->label == names[level];
        }
        if (parents) {
            if (found != nullptr) {
                return nullptr;  // two rows of those names: not one item
            }
            found = &row;
        }
    }
    if (found == nullptr) {
        if (const auto code = classified_code(edition, names); code && by_code.contains(*code)) {
            return by_code.at(*code);
        }
    }
    return found;
}

// The cells of the narrative a rule reads: all, or those of the section whose heading holds the
// text, to the next top-level heading.
std::vector<bool> section_cells(const Narrative& narrative, const std::string& section) {
    std::vector<bool> in(narrative.cells().size(), section.empty());
    if (section.empty()) {
        return in;
    }
    const auto wanted = to_code_points(normalize_text(section));
    std::vector<std::wregex> headings;
    for (const auto& [key, pattern] : vocabulary().keyed("section-heading")) {
        headings.emplace_back(to_code_points(pattern));
    }
    bool inside = false;
    for (std::size_t cell = 0; cell < narrative.cells().size(); ++cell) {
        const auto& text = narrative.cells()[cell].text;
        const bool heading =
            std::ranges::any_of(headings, [&](const std::wregex& h) { return std::regex_search(text, h); });
        if (heading) {
            inside = text.find(wanted) != std::wstring::npos;
        }
        in[cell] = inside;
    }
    return in;
}

// A row of the block named with its amount ("灾害防治及应急管理支出593.60万元"): the one row of that name.
const LocatedRow* named_row(const std::vector<LocatedRow>& rows, const std::string& name) {
    const LocatedRow* found = nullptr;
    for (const auto& row : rows) {
        if (row.label == name) {
            if (found != nullptr) {
                return nullptr;
            }
            found = &row;
        }
    }
    return found;
}

// The rows an items rule reads: a coded block's, or a side's class lines (表4's 一、一般公共服务支出 …).
std::optional<std::vector<LocatedRow>> item_rows(const LocatedTable& located, const std::string& key) {
    if (const auto rows = located.blocks.find(key); rows != located.blocks.end()) {
        return rows->second;
    }
    const auto* side = located.table->side(key);
    if (side == nullptr) {
        return std::nullopt;
    }
    std::vector<LocatedRow> rows;
    for (const auto* part : {&side->head, &side->foot}) {
        for (const auto& line : *part) {
            const auto found = line.code.empty() ? located.lines.end() : located.lines.find(line.key);
            if (found != located.lines.end()) {
                rows.push_back({found->second.row, line.code, comparable_label(found->second.written), false});
            }
        }
    }
    return rows;
}

}  // namespace

void run_items(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    const auto* located = context.table(rule.block.table);
    if (located == nullptr) {
        context.not_evaluated(rule, Context::missing_table(rule.block.table));
        return;
    }
    const auto* side = located->table->block_side(rule.block.first);
    side = side != nullptr ? side : located->table->side(rule.block.first);
    const auto found_col = side != nullptr ? located->column(side->key, rule.block.member) : std::nullopt;
    const auto found_rows = item_rows(*located, rule.block.first);
    const auto* rows = found_rows ? &*found_rows : nullptr;
    if (!found_col || rows == nullptr) {
        context.not_evaluated(rule, {"no column " + rule.block.member + " in " + located->table->id,
                                     located->table->id + " 中未找到列 " + rule.block.member});
        return;
    }
    const std::size_t col = *found_col;
    const auto& headings = patterns_of("item-heading");
    const auto& budgets = patterns_of("item-budget");
    const auto title = context.title(*located);
    const auto in_section = section_cells(narrative, rule.section);
    const auto heading_in = [&](std::size_t cell) {
        const auto& text = narrative.cells()[cell].text;
        return std::ranges::any_of(
            headings, [&](const Pattern& p) { return p.may_match(text) && std::regex_search(text, p.regex()); });
    };
    for (const auto& heading : headings) {
        const auto* amount_slot = heading.slot("amount");
        narrative.each_match(heading, [&](std::size_t cell, const std::wsmatch& match) {
            if (!in_section[cell]) {
                return;
            }
            std::vector<std::string> names;
            std::string shown;
            for (const auto& slot : heading.slots()) {
                if (slot.name == "name") {
                    names.push_back(comparable_label(to_utf8(match[static_cast<int>(slot.group)].str())));
                    shown += (shown.empty() ? "" : "/") + names.back();
                }
            }
            const auto amount = narrative.figure(cell, match, amount_slot->group);
            const auto quoted =
                narrative.quote(cell, begin_of(match, amount_slot->group), end_of(match, amount_slot->group));
            narrative.resolve(cell, begin_of(match, amount_slot->group), end_of(match, amount_slot->group));
            const auto* row = item_row(*rows, names, context.input().edition);
            if (row == nullptr) {
                auto out = context.outcome(rule, Status::NotEvaluated, "情况说明", amount.cells);
                out.severity = Severity::Info;
                Context::add_context(out, quoted + "；" + title + "中没有“" + shown + "”这一行",
                                     quoted + "; " + title + " has no row " + shown);
                context.add(std::move(out));
            } else {
                context.compare(rule, amount, rules::Op::Equal, context.cell(*located, row->row, col), "情况说明",
                                quoted);
                if (located->blocks.contains(rule.block.first)) {  // the row's figure, by its code
                    context.remember(
                        cell, begin_of(match, amount_slot->group),
                        expr::parse("under(" + expr::to_string(expr::Expr(rule.block)) + ", " + row->code + ")"));
                }
            }
            // The paragraph's budget sentence: in this cell after the heading, or in the cells
            // that follow, up to the next item's heading.
            for (std::size_t next = cell; next < narrative.cells().size(); ++next) {
                if (next != cell && heading_in(next)) {
                    break;
                }
                const auto& sentence = narrative.cells()[next].text;
                const auto from =
                    next == cell ? sentence.begin() + static_cast<long>(end_of(match, 0)) : sentence.begin();
                std::wsmatch budget;
                const auto found = std::ranges::find_if(budgets, [&](const Pattern& p) {
                    return std::regex_search(from, sentence.end(), budget, p.regex());
                });
                if (found == budgets.end()) {
                    continue;
                }
                const auto* budget_slot = found->slot("amount");
                // Positions of a search from `from` count from there.
                const auto offset = static_cast<std::size_t>(from - sentence.begin());
                const auto begin = offset + begin_of(budget, budget_slot->group);
                const auto end = offset + end_of(budget, budget_slot->group);
                narrative.resolve(next, begin, end);
                const auto stated = narrative.figure_at({next, begin, end, true});
                context.compare(rule, stated, rules::Op::Equal, amount, "情况说明", narrative.quote(next, begin, end));
                break;
            }
        });
    }
    for (const auto& named : patterns_of("item-named")) {
        const auto* name_slot = named.slot("name");
        const auto* amount_slot = named.slot("amount");
        narrative.each_match(named, [&](std::size_t cell, const std::wsmatch& match) {
            const auto* row =
                named_row(*rows, comparable_label(to_utf8(match[static_cast<int>(name_slot->group)].str())));
            if (!in_section[cell] || row == nullptr) {
                return;  // not a row's name: another rule's statement, or none
            }
            const auto begin = begin_of(match, amount_slot->group);
            const auto end = end_of(match, amount_slot->group);
            narrative.resolve(cell, begin, end);
            context.compare(rule, narrative.figure(cell, match, amount_slot->group), rules::Op::Equal,
                            context.cell(*located, row->row, col), "情况说明", narrative.quote(cell, begin, end));
        });
    }
}

void run_shares(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    for (const auto& share : patterns_of("share")) {
        const auto* amount_slot = share.slot("amount");
        const auto* rate_slot = share.slot("rate");
        for (std::size_t cell = 0; cell < narrative.cells().size(); ++cell) {
            const auto& text = narrative.cells()[cell].text;
            std::vector<std::pair<Value, Value>> parts;  // (amount, share)
            std::size_t first = text.size();
            std::vector<std::pair<std::size_t, std::size_t>> marks;  // the shares as written
            if (!share.may_match(text)) {
                continue;
            }
            for (auto it = std::wsregex_iterator(text.begin(), text.end(), share.regex());
                 it != std::wsregex_iterator(); ++it) {
                first = std::min(first, begin_of(*it, amount_slot->group));
                parts.emplace_back(narrative.figure(cell, *it, amount_slot->group),
                                   narrative.figure(cell, *it, rate_slot->group));
                marks.emplace_back(begin_of(*it, rate_slot->group), end_of(*it, rate_slot->group));
                narrative.resolve(cell, begin_of(*it, amount_slot->group), end_of(*it, rate_slot->group));
            }
            if (parts.empty()) {
                continue;
            }
            // The whole: the amount the sentence states before its first share.
            std::optional<Value> whole;
            const TextFigure* whole_at = nullptr;
            for (const auto& figure : narrative.figures()) {
                if (figure.cell == cell && figure.end <= first) {
                    if (auto value = narrative.figure_at(figure); value.unit != nullptr) {
                        whole = value;
                        whole_at = &figure;
                    }
                }
            }
            if (whole_at != nullptr) {
                narrative.resolve(cell, whole_at->begin, whole_at->end);
            }
            Value sum;
            Value rates;
            for (const auto& [amount, rate] : parts) {
                sum.absorb(amount);
                sum.figure = sum.figure + amount.figure;
                rates.absorb(rate);
                rates.figure = rates.figure + rate.figure;
            }
            const bool of_one_whole = whole && !whole->figure.amount.is_zero() && parts.size() > 1 &&
                                      compare(sum.figure, Relation::Equal, whole->figure).agreement != Agreement::Fails;
            const auto exact_share = [&](const Value& amount) {
                return amount.figure / whole->figure * Figure::exact(Decimal(100));
            };
            // Shares of one whole written so that they add up to exactly 100 %, each less than a unit
            // of its last place from its exact value (as BUDGET.SHARES's largest remainder gives
            // them), are right as written, though one may differ from its own rounding.
            std::vector<Decimal> balanced;
            if (of_one_whole && rates.figure.amount == Decimal(100)) {
                for (const auto& [amount, rate] : parts) {
                    const auto unit = rate.figure.rounding + rate.figure.rounding;  // 0.01 for 17.22
                    if ((rate.figure.amount - exact_share(amount).amount).abs() >= unit) {
                        balanced.clear();
                        break;
                    }
                    balanced.push_back(rate.figure.amount);
                }
            }
            for (std::size_t i = 0; i < parts.size() && whole && !whole->figure.amount.is_zero(); ++i) {
                Value computed = parts[i].first;
                computed.figure = balanced.empty() ? exact_share(parts[i].first) : Figure::exact(balanced[i]);
                computed.unit = nullptr;
                computed.cells = whole->cells;
                context.compare(rule, parts[i].second, rules::Op::Equal, computed, "情况说明",
                                narrative.quote(cell, marks[i].first, marks[i].second));
            }
            // Shares of one whole (the parts add up to it) add up to 100 %.
            if (of_one_whole) {
                rates.stated.reset();
                Value hundred;
                hundred.figure = Figure::exact(Decimal(100));
                context.compare(rule, rates, rules::Op::Equal, hundred, "情况说明",
                                narrative.quote(cell, marks.front().first, marks.back().second));
            }
        }
    }
}

}  // namespace bd::engine
