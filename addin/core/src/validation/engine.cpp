#include "bd/engine.hpp"

#include "context.hpp"

#include <algorithm>

namespace bd {

namespace {

using engine::Context;
using rules::Kind;

// Whether the rule reads last year's document.
bool reads_prior(const rules::Rule& rule) {
    return rule.kind == Kind::PriorYear || std::ranges::any_of(rule.checks, [](const rules::Comparison& check) {
               return expr::calls(check.lhs, "prior") || expr::calls(check.rhs, "prior");
           });
}

void run(Context& context, const rules::Rule& rule) {
    if (reads_prior(rule) && context.prior() == nullptr) {
        // Not applicable without last year's document; not evaluated with one that cannot serve.
        const auto why = context.prior_problem();
        auto out = context.outcome(rule, why.en.empty() ? Status::NotApplicable : Status::NotEvaluated, {}, {});
        out.message.zh += why.en.empty() ? "：未提供上年的预算文件" : "：" + why.zh;
        out.message.en += why.en.empty() ? ": no document of last year was given" : ": " + why.en;
        context.add(std::move(out));
        return;
    }
    if (rule.when) {
        const auto lhs = context.evaluate(rule.when->lhs, {});
        const auto rhs = context.evaluate(rule.when->rhs, {});
        const bool evaluable = !lhs.has_problem() && !rhs.has_problem() && !lhs.absent && !rhs.absent;
        if (!evaluable || compare(lhs.figure, rule.when->op, rhs.figure).agreement != Agreement::Holds) {
            auto out = context.outcome(rule, evaluable ? Status::NotApplicable : Status::NotEvaluated, {}, {});
            if (!evaluable) {
                out.message.zh += "：无法判断是否适用";
                out.message.en += ": could not tell whether it applies";
            }
            context.add(std::move(out));
            return;
        }
    }
    const auto before = context.outcome_count();
    switch (rule.kind) {
        case Kind::Check: engine::run_check(context, rule); break;
        case Kind::Hierarchy: engine::run_hierarchy(context, rule); break;
        case Kind::Arranged: engine::run_arranged(context, rule); break;
        case Kind::Codes: engine::run_codes(context, rule); break;
        case Kind::Names: engine::run_names(context, rule); break;
        case Kind::Lines: engine::run_lines(context, rule); break;
        case Kind::EmptyNote: engine::run_empty_note(context, rule); break;
        case Kind::Forms: engine::run_forms(context, rule); break;
        case Kind::Fact: engine::run_fact(context, rule); break;
        case Kind::YearOnYear: engine::run_year_on_year(context, rule); break;
        case Kind::Items: engine::run_items(context, rule); break;
        case Kind::Shares: engine::run_shares(context, rule); break;
        case Kind::Parts: engine::run_parts(context, rule); break;
        case Kind::Unresolved: engine::run_unresolved(context, rule); break;
        case Kind::PriorYear: engine::run_prior_year(context, rule); break;
    }
    if (context.outcome_count() == before) {  // nothing to check (an empty block): said, not skipped
        auto out = context.outcome(rule, Status::NotApplicable, {}, {});
        out.message.zh += "：没有可检查的行";
        out.message.en += ": nothing to check";
        context.add(std::move(out));
    }
}

}  // namespace

std::vector<Outcome> evaluate(const rules::RulePack& pack, const EngineInput& input) {
    Context context(input);
    for (const auto& rule : pack.rules) {
        run(context, rule);
    }
    return context.take_outcomes();
}

}  // namespace bd
