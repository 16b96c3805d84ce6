// `year-on-year` rules: every change the narrative states ("比上年减少273.66万元，下降31.50%",
// "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%") agrees
// with itself: the percentage follows from the amounts it quotes, the direction word matches the
// sign, the base is the year before the budget year, and a percentage on a base of zero is flagged
// as meaningless. Its phrasings are data (data/narrative.tsv, year-on-year). And `prior-year`
// rules: what such a change says last year's budget was, against last year's document.
#include "context.hpp"
#include "narrative_text.hpp"

#include <set>

namespace bd::engine {

namespace {

struct Problems {
    std::string zh;
    std::string en;
    void add(const std::string& z, const std::string& e) {
        zh += (zh.empty() ? "" : "；") + z;
        en += (en.empty() ? "" : "; ") + e;
    }
    [[nodiscard]] bool any() const { return !zh.empty(); }
};

class Change {
public:
    Change(Context& context, const rules::Rule& rule, std::size_t cell, const std::wsmatch& match,
           const Pattern& pattern)
        : context_(context),
          narrative_(context.narrative()),
          rule_(rule),
          cell_(cell),
          match_(match),
          pattern_(pattern) {}

    void check() {
        const auto direction = word("direction", 0);
        const auto rate_direction = word("direction", 1);
        const auto budget_year = context_.budget_year();
        Problems problems;
        const auto* base_slot = pattern_.slot("base");
        const auto base = base_slot != nullptr
                              ? read_base(match_[static_cast<int>(base_slot->group)].str(), budget_year)
                              : std::nullopt;
        if (base && base->year && budget_year && *base->year != *budget_year - 1) {
            const auto year = std::to_string(*base->year);
            const auto last = std::to_string(*budget_year - 1);
            problems.add("比较的是" + year + "年，而不是预算年度的上一年（" + last + "年）",
                         "it compares with " + year + ", not with the year before the budget year (" + last + ")");
        }
        if (direction && rate_direction && *direction != *rate_direction) {
            problems.add("两个方向词相反", "its two direction words disagree");
        }
        const auto current = figure("current");
        const auto change = figure("change");
        const auto prior_stated = figure("prior");
        const auto rate = figure("rate");
        std::optional<Figure> prior;
        std::optional<Figure> difference;  // current − prior
        if (prior_stated && current) {
            prior = prior_stated->figure;
            difference = current->figure - prior_stated->figure;
        } else if (change && current && direction) {
            const Figure signed_change{Decimal(*direction) * change->figure.amount, change->figure.rounding};
            prior = current->figure - signed_change;
            difference = signed_change;
        } else if (current && direction && *direction == 0) {  // 持平: last year's is this year's
            prior = current->figure;
            difference = Figure::exact(Decimal(0));
        }
        if (current && prior && base && base->kind == "budget" && base->year && budget_year &&
            *base->year == *budget_year - 1) {  // what last year's budget was, to ask its document
            Value implied = *current;
            implied.figure = *prior;
            const auto* current_slot = pattern_.slot("current");
            context_.state_prior({cell_,
                                  static_cast<std::size_t>(match_.position(static_cast<int>(current_slot->group))),
                                  implied, mark("current")});
        }
        if (prior_stated && difference && direction) {  // both amounts written: the word must match them
            const auto sign = compare(*difference, Relation::Equal, Figure::exact(Decimal(0)));
            const int actual = sign.agreement == Agreement::Fails ? difference->amount.sign() : 0;
            if (*direction != actual) {
                problems.add(std::string("写的是“") + word_text("direction", 0) + "”，数字实为" +
                                 (actual > 0   ? "增加"
                                  : actual < 0 ? "减少"
                                               : "持平"),
                             "it says " + word_text("direction", 0) + " but the figures " +
                                 (actual > 0   ? "increase"
                                  : actual < 0 ? "decrease"
                                               : "stay the same"));
            }
        }
        if (change && prior && prior->amount.sign() < 0) {
            problems.add("按所写的增减额，上年数应为负数（" + Context::shown(prior->amount, *current) + "）",
                         "by the change it states, last year's figure would be negative (" +
                             Context::shown(prior->amount, *current) + ")");
        }
        if (direction && *direction == 0 && change && !change->figure.amount.is_zero()) {
            problems.add("写的是持平，却有变动额", "it says unchanged but states a change");
        }
        const auto marked = mark(rate ? "rate" : change ? "change" : "current");
        if (rate && prior && difference) {
            if (prior->amount.sign() <= 0) {
                auto out = context_.outcome(rule_, Status::Fail, "情况说明", cells());
                out.severity = Severity::Info;
                Context::add_context(out, marked + "；基数为零，百分比没有意义",
                                     marked + "; a percentage of a base of zero means nothing");
                context_.add(std::move(out));
                return;
            }
            Value computed;
            computed.figure =
                Figure{difference->amount.abs(), difference->rounding} / *prior * Figure::exact(Decimal(100));
            context_.compare(rule_, *rate, rules::Op::Equal, computed, "情况说明", marked);
            auto& out = context_.last_outcome();
            if (problems.any() && out.status != Status::NotEvaluated) {
                out.status = Status::Fail;
                out.severity = rule_.severity;
                out.fix = rule_.fix;
                Context::add_context(out, problems.zh, problems.en);
            }
            return;
        }
        auto out = context_.outcome(rule_, problems.any() ? Status::Fail : Status::Pass, "情况说明", cells());
        Context::add_context(out, problems.any() ? marked + "；" + problems.zh : marked,
                             problems.any() ? marked + "; " + problems.en : marked);
        context_.add(std::move(out));
    }

private:
    [[nodiscard]] std::optional<Value> figure(const std::string& slot) const {
        const auto* s = pattern_.slot(slot);
        if (s == nullptr || !match_[static_cast<int>(s->group)].matched) {
            return std::nullopt;
        }
        return narrative_.figure(cell_, match_, s->group);
    }
    [[nodiscard]] std::string word_text(const std::string& slot, std::size_t nth) const {
        const auto* s = pattern_.slot(slot, nth);
        return s == nullptr || !match_[static_cast<int>(s->group)].matched
                   ? std::string()
                   : to_utf8(match_[static_cast<int>(s->group)].str());
    }
    // The sign a direction word states: +1, -1 or 0.
    [[nodiscard]] std::optional<int> word(const std::string& slot, std::size_t nth) const {
        const auto text = word_text(slot, nth);
        const auto& directions = vocabulary().directions;
        const auto it = directions.find(text);
        return it == directions.end() ? std::nullopt : std::optional(it->second);
    }
    // The sentence with the figure of that slot marked.
    [[nodiscard]] std::string mark(const std::string& slot) const {
        const auto* s = pattern_.slot(slot);
        const auto group = static_cast<int>(s != nullptr ? s->group : 0);
        const auto begin = static_cast<std::size_t>(match_.position(group));
        return narrative_.quote(cell_, begin, begin + static_cast<std::size_t>(match_.length(group)));
    }
    [[nodiscard]] std::vector<CellRef> cells() const { return {narrative_.cells()[cell_].ref}; }

    Context& context_;
    Narrative& narrative_;
    const rules::Rule& rule_;
    std::size_t cell_;
    const std::wsmatch& match_;
    const Pattern& pattern_;
};

}  // namespace

void run_year_on_year(Context& context, const rules::Rule& rule) {
    auto& narrative = context.narrative();
    std::set<std::pair<std::size_t, std::size_t>> stated;  // (cell, where its direction is): one check each
    for (const auto& [key, text] : vocabulary().keyed("year-on-year")) {
        const Pattern pattern(text);
        const auto* direction = pattern.slot("direction");
        narrative.each_match(pattern, [&](std::size_t cell, const std::wsmatch& match) {
            const auto where = static_cast<std::size_t>(match.position(static_cast<int>(direction->group)));
            if (!stated.insert({cell, where}).second) {
                return;  // a more specific phrasing has read it
            }
            for (const auto& slot : pattern.slots()) {
                narrative.resolve(cell, match, slot.group);
            }
            Change(context, rule, cell, match, pattern).check();
        });
    }
    if (stated.empty()) {
        context.add(context.outcome(rule, Status::NotApplicable, "情况说明", {}));
    }
}

// What the narrative says last year's budget was (this year's figure less the change it states)
// against last year's document: the same place (the table figure this year's figure was found to
// be) read there.
void run_prior_year(Context& context, const rules::Rule& rule) {
    const auto* last = context.prior();  // the engine runs this rule only with last year's document
    for (const auto& stated : context.stated_priors()) {
        const auto* what = context.referent(stated.cell, stated.current_begin);
        if (what == nullptr) {
            continue;  // this year's figure is no table's: nothing to look up
        }
        auto value = last->evaluate(*what, {});
        std::string where;  // cells of last year's document, named in the message (not marked here)
        for (const auto& cell : value.cells) {
            where += (where.empty() ? "" : ", ") + cell.sheet + "!" + cell.address();
        }
        value.cells.clear();
        context.compare(rule, stated.prior, rules::Op::Equal, value, "情况说明",
                        stated.quote + "；上年的文件：" + (where.empty() ? "无此数" : where));
    }
}

}  // namespace bd::engine
