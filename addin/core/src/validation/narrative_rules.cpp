// `fact` and `year-on-year` rules over the narrative's text: a figure a sentence states, in the
// unit written after it, against the tables (right when it is the table's figure rounded as
// written); a year-on-year change against the two amounts it follows from.
#include "context.hpp"

#include <regex>

namespace bd::engine {

namespace {

struct TextCell {
    std::string text;  // normalized
    CellRef cell;
};

// The text cells that quote figures: an amount with its unit, a percentage or a count.
std::vector<TextCell> quoting_texts(const Context& context) {
    std::vector<TextCell> texts;
    for (const auto& grid : context.input().sheets) {
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto& cell = grid.at(r, c);
                if (cell.kind != CellValue::Kind::Text || cell.text.size() <= 12) {
                    continue;
                }
                const bool quotes =
                    std::ranges::any_of(units(),
                                        [&](const Unit& u) { return cell.text.find(u.name) != std::string::npos; }) ||
                    cell.text.find('%') != std::string::npos || cell.text.find("％") != std::string::npos ||
                    cell.text.find("个") != std::string::npos;
                if (quotes) {
                    texts.push_back({normalize_text(cell.text), {grid.name, r, c}});
                }
            }
        }
    }
    return texts;
}

// A figure as a text writes it: "25.77" followed by 万元 (an amount), % (a percentage) or
// nothing of these (a count).
Value stated_figure(const std::string& number, const std::string& text, std::size_t end, const CellRef& cell) {
    Value value;
    const auto point = number.find('.');
    const int decimals = point == std::string::npos ? 0 : static_cast<int>(number.size() - point - 1);
    const Decimal amount = Decimal::parse(number).value_or(Decimal(0));
    value.cells.push_back(cell);
    if (const auto* unit = unit_at(text, end)) {
        value.unit = unit;
        value.stated = Stated{unit->yuan, decimals};
    } else {
        value.stated = Stated{Decimal(1), decimals};
        value.whole = decimals == 0 && text.compare(end, 1, "%") != 0;
    }
    value.figure = Figure::shown(amount * value.stated->unit_size, value.stated->unit_size, decimals);
    return value;
}

}  // namespace

void run_fact(Context& context, const rules::Rule& rule) {
    const std::regex pattern(rule.pattern);
    bool found = false;
    for (const auto& text : quoting_texts(context)) {
        for (auto it = std::sregex_iterator(text.text.begin(), text.text.end(), pattern); it != std::sregex_iterator();
             ++it) {
            found = true;
            std::vector<Value> captures;
            for (std::size_t i = 1; i < it->size(); ++i) {
                const auto index = static_cast<int>(i);
                captures.push_back(stated_figure((*it)[index].str(), text.text,
                                                 static_cast<std::size_t>(it->position(index) + it->length(index)),
                                                 text.cell));
            }
            const Scope scope{nullptr, nullptr, std::nullopt, {}, &captures};
            const auto quoted = it->str().substr(0, 90);
            for (const auto& comparison : rule.checks) {
                context.compare(rule, comparison, scope, "情况说明", quoted);
            }
        }
    }
    if (!found) {
        auto out = context.outcome(rule, Status::NotApplicable, "情况说明", {});
        out.message.zh += "：情况说明中没有此项表述";
        out.message.en += ": the narrative does not state it";
        context.add(std::move(out));
    }
}

void run_year_on_year(Context& context, const rules::Rule& rule) {
    static const std::regex change(
        R"(([0-9]+(?:\.[0-9]+)?)万元[^;。]*?比上年(增加|减少)([0-9]+(?:\.[0-9]+)?)万元,(增长|下降)([0-9]+(?:\.[0-9]+)?)%)");
    bool found = false;
    for (const auto& text : quoting_texts(context)) {
        for (auto it = std::sregex_iterator(text.text.begin(), text.text.end(), change); it != std::sregex_iterator();
             ++it) {
            found = true;
            const auto& m = *it;
            const auto figure = [&](int group) {
                return stated_figure(m[group].str(), text.text,
                                     static_cast<std::size_t>(m.position(group) + m.length(group)), text.cell);
            };
            const auto current = figure(1);
            const auto amount = figure(3);
            const auto rate = figure(5);
            const bool increase = m[2].str() == "增加";
            const Figure prior = increase ? current.figure - amount.figure : current.figure + amount.figure;
            const auto quoted = m.str().substr(0, 120);
            if (prior.amount.sign() <= 0) {
                auto out = context.outcome(rule, Status::NotApplicable, "情况说明", {text.cell});
                Context::add_context(out, quoted, quoted);
                context.add(std::move(out));
                continue;
            }
            Value computed;
            computed.figure = amount.figure / prior * Figure::exact(Decimal(100));
            context.compare(rule, rate, rules::Op::Equal, computed, "情况说明", quoted);
            auto& out = context.last_outcome();
            if (out.status != Status::NotEvaluated && increase != (m[4].str() == "增长")) {
                out.status = Status::Fail;  // 增加 with 下降, or 减少 with 增长
                out.severity = rule.severity;
                out.fix = rule.fix;
            }
            if (out.status == Status::Fail) {
                const auto shown_prior = Context::shown(prior.amount, current);
                out.message.zh += "；按上年数 " + shown_prior + " 万元计算，变动率应为" +
                                  (increase ? "增长 " : "下降 ") + out.expected + "%";
                out.message.en += "; from last year's " + shown_prior + ", the rate is " +
                                  (increase ? "an increase of " : "a decrease of ") + out.expected + "%";
            }
        }
    }
    if (!found) {
        context.add(context.outcome(rule, Status::NotApplicable, "情况说明", {}));
    }
}

}  // namespace bd::engine
