// `fact`, `parts` and `unresolved` rules over the narrative's text: a figure a sentence states, in
// the unit written with it, against the tables (right when it is the table's figure rounded as
// written); a total and the parts its sentence lists; and every figure no rule could resolve,
// listed so that a reviewer sees what was not checked.
#include "context.hpp"
#include "narrative_text.hpp"

#include <algorithm>

namespace bd::engine {

namespace {

// The capture the comparison's left side quotes first (n1 in "n1 = T1:…"): the figure to mark.
std::size_t quoted_capture(const rules::Comparison& comparison) {
    for (const auto& path : expr::paths(comparison.lhs)) {
        if (path.table.empty() && path.first.size() > 1 && path.first[0] == 'n') {
            return static_cast<std::size_t>(std::stoul(path.first.substr(1)));
        }
    }
    return 1;
}

// Whether an expression is just a captured figure (n1).
bool is_capture(const expr::Expr& expression) {
    const auto* path = boost::get<expr::Path>(&expression);
    return path != nullptr && path->table.empty() && path->member.empty() && path->first.size() > 1 &&
           path->first[0] == 'n' && path->first.find_first_not_of("0123456789", 1) == std::string::npos;
}

}  // namespace

void run_fact(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    const Pattern pattern(rule.pattern);
    bool found = false;
    narrative.each_match(pattern, [&](std::size_t cell, const std::wsmatch& match) {
        found = true;
        std::vector<Value> captures;
        for (const auto& slot : pattern.slots()) {
            captures.push_back(narrative.figure(cell, match, slot.group));
            narrative.resolve(cell, match, slot.group);
        }
        const Scope scope{nullptr, nullptr, std::nullopt, {}, &captures};
        for (const auto& comparison : rule.checks) {
            const auto n = std::min(quoted_capture(comparison), pattern.slots().size());
            const auto group = static_cast<int>(pattern.slots().at(n - 1).group);
            const auto begin = static_cast<std::size_t>(match.position(group));
            if (is_capture(comparison.lhs) && expr::paths(comparison.rhs).size() == 1 && !is_capture(comparison.rhs)) {
                context.remember(cell, begin, comparison.rhs);  // the figure is that place's
            }
            context.compare(rule, comparison, scope, "情况说明",
                            narrative.quote(cell, begin, begin + static_cast<std::size_t>(match.length(group))));
        }
    });
    if (!found) {
        auto out = context.outcome(rule, Status::NotApplicable, "情况说明", {});
        out.message.zh += "：情况说明中没有此项表述";
        out.message.en += ": the narrative does not state it";
        context.add(std::move(out));
    }
}

// A total and its parts in one sentence ("共有车辆7辆，其中：…0辆、…7辆"): the parts are the figures
// of the total's kind after it, to the end of the sentence or of the parentheses. A list of parts
// that need not be all of the total (vocabulary: subset) adds up to at most the total.
void run_parts(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    auto lists = vocabulary().keyed("parts");
    const auto all = lists.size();
    for (auto& subset : vocabulary().keyed("subset")) {
        lists.push_back(std::move(subset));
    }
    for (std::size_t list = 0; list < lists.size(); ++list) {
        const Pattern pattern(lists[list].second);
        const auto* total_slot = pattern.slot("total");
        narrative.each_match(pattern, [&](std::size_t cell, const std::wsmatch& match) {
            const auto& text = narrative.cells()[cell].text;
            const auto total = narrative.figure(cell, match, total_slot->group);
            const auto after = static_cast<std::size_t>(match.position(0) + match.length(0));
            const auto end = std::min(text.find_first_of(L"。;)", after), text.size());
            Value sum;
            sum.unit = total.unit;
            sum.whole = total.whole;
            for (const auto& figure : narrative.figures()) {
                if (figure.cell == cell && figure.begin >= after && figure.end <= end) {
                    const auto part = narrative.figure_at(figure);
                    if (part.unit == total.unit && part.whole == total.whole) {
                        sum.absorb(part);
                        sum.figure = sum.figure + part.figure;
                    }
                }
            }
            const auto begin = static_cast<std::size_t>(match.position(static_cast<int>(total_slot->group)));
            const auto total_end = begin + static_cast<std::size_t>(match.length(static_cast<int>(total_slot->group)));
            narrative.resolve(cell, begin, total_end);
            narrative.resolve(cell, after, end);
            const auto quoted = narrative.quote(cell, begin, total_end);
            if (list < all) {
                context.compare(rule, total, rules::Op::Equal, sum, "情况说明", quoted);
            } else {
                context.compare(rule, sum, rules::Op::LessEqual, total, "情况说明", quoted);
            }
        });
    }
}

void run_unresolved(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    for (const auto& figure : narrative.figures()) {
        if (figure.resolved) {
            continue;
        }
        auto out = context.outcome(rule, Status::NotEvaluated, "情况说明", {narrative.cells()[figure.cell].ref});
        out.severity = Severity::Info;
        Context::add_context(out, narrative.quote(figure.cell, figure.begin, figure.end),
                             narrative.quote(figure.cell, figure.begin, figure.end));
        context.add(std::move(out));
    }
}

}  // namespace bd::engine
