// `forms` rules: one 项目支出绩效目标申报表 per project, its 年度资金总额 (元) equal to the project's
// amount, its funding sources adding up, its three kinds of indicators, plausible percentages.
#include "context.hpp"
#include "narrative_text.hpp"

#include "bd/titles.hpp"
#include "bd/units.hpp"

#include <regex>
#include <unordered_map>

namespace bd::engine {

namespace {

// A text cell of a form, and its text as compared when it may be a label: a text of more than 20
// Chinese characters (60 bytes) is a sentence and labels nothing.
struct Caption {
    std::size_t row = 0;
    std::size_t col = 0;
    const std::string* comparable = nullptr;
};
constexpr std::size_t label_bytes = 60;

// The column of the value a caption labels: the next cell to the right that is filled, unless that
// is already the next caption (the caption's own column then: an empty value).
std::size_t value_col(const Grid& grid, std::size_t row, std::size_t col) {
    for (std::size_t n = col + 1; n < grid.cols; ++n) {
        const auto& next = grid.at(row, n);
        if (next.is_empty()) {
            continue;
        }
        return next.kind == CellValue::Kind::Text && !parse_number_text(next.text) ? col : n;
    }
    return col;
}

struct Form {
    std::string project;  // comparable
    std::size_t sheet = 0;
    std::size_t first_row = 0;
    std::size_t last_row = 0;
    std::size_t name_row = 0;
    std::size_t name_col = 0;
    std::vector<Caption> texts;  // row by row
};

// Forms are kept in 元 (the amounts of a 申报表 are in 元, with cents).
const Unit& form_unit() {
    static const Unit* unit = unit_named("元");
    return *unit;
}

// The forms of the workbook, and the first form of each project name (as compared).
struct Forms {
    std::vector<Form> all;
    std::unordered_map<std::string, std::size_t> by_project;

    [[nodiscard]] const Form* of(const std::string& project) const {
        const auto it = by_project.find(project);
        return it == by_project.end() ? nullptr : &all[it->second];
    }
};

Forms find_forms(const Context& context) {
    Forms found;
    auto& forms = found.all;
    const auto& sheets = context.input().sheets;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const Grid& grid = sheets[s];
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c + 1 < grid.cols; ++c) {
                // 项目名称 (however spaced or numbered) is short and holds 称: other texts need no
                // comparing.
                const auto& cell = grid.at(r, c);
                if (cell.kind != CellValue::Kind::Text || cell.text.size() > label_bytes ||
                    cell.text.find("称") == std::string::npos ||
                    context.comparable_at(s, r, c) != form_labels::project) {
                    continue;
                }
                for (std::size_t n = c + 1; n < grid.cols; ++n) {
                    if (!grid.at(r, n).is_empty()) {
                        if (!forms.empty() && forms.back().sheet == s) {
                            forms.back().last_row = r - 1;
                        }
                        forms.push_back({context.comparable_at(s, r, n), s, r, grid.rows - 1, r, n, {}});
                        break;
                    }
                }
                break;
            }
        }
    }
    for (std::size_t i = 0; i < forms.size(); ++i) {
        auto& form = forms[i];
        const Grid& grid = sheets[form.sheet];
        for (std::size_t r = form.first_row; r <= form.last_row; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                static const std::string sentence;
                const auto& cell = grid.at(r, c);
                if (cell.kind == CellValue::Kind::Text) {
                    form.texts.push_back(
                        {r, c, cell.text.size() <= label_bytes ? &context.comparable_at(form.sheet, r, c) : &sentence});
                }
            }
        }
        found.by_project.try_emplace(form.project, i);
    }
    return found;
}

/// The funding lines of a form (form-source in the narrative vocabulary), as compared.
const std::vector<std::string>& source_labels() {
    static const std::vector<std::string> labels = [] {
        std::vector<std::string> out;
        for (const auto& [source, seen_in] : vocabulary().keyed("form-source")) {
            out.push_back(comparable_label(source));
        }
        return out;
    }();
    return labels;
}

class FormReader {
public:
    FormReader(Context& context, const rules::Rule& rule) : context_(context), rule_(rule) {}

    // The number right of a label that starts with `label` inside the form, and the label's cell.
    std::optional<std::pair<CellRef, CellRef>> labelled(const Form& form, std::string_view label,
                                                        std::optional<std::size_t> in_col = std::nullopt,
                                                        std::size_t from_row = 0, bool exact = false) const {
        const Grid& grid = context_.input().sheets[form.sheet];
        for (const auto& caption : form.texts) {
            const std::size_t r = caption.row;
            const std::size_t c = caption.col;
            if (r < from_row || (in_col && c != *in_col)) {
                continue;
            }
            const auto& text = *caption.comparable;
            if (exact ? text != label : text.find(label) == std::string::npos) {
                continue;
            }
            return std::pair{CellRef{grid.name, r, c}, CellRef{grid.name, r, value_col(grid, r, c)}};
        }
        return std::nullopt;
    }

    // The amount of a cell of the form.
    Value value_at(const Form& form, const CellRef& at) const {
        const Grid& grid = context_.input().sheets[form.sheet];
        Value value;
        value.cells.push_back(at);
        value.unit = &form_unit();
        const auto amount = to_amount(grid.at(at.row, at.col));
        if (std::holds_alternative<AmountError>(amount)) {
            value.problem = {"text in the number cell " + at.display(), "数字单元格中是文字 " + at.display()};
        } else {
            value.figure = Figure::shown(std::get<Decimal>(amount), form_unit().yuan, form_unit().decimals);
        }
        return value;
    }

    void not_evaluated(const std::string& where, std::vector<CellRef> cells, const std::string& why_zh,
                       const std::string& why_en) {
        auto out = context_.outcome(rule_, Status::NotEvaluated, where, std::move(cells));
        Context::add_context(out, why_zh, why_en);
        context_.add(std::move(out));
    }

    void annual_total(const Form& form, const std::string& name, const std::string& where, const CellRef& name_cell,
                      const std::optional<Value>& project_total) {
        const auto annual = labelled(form, form_labels::annual_total);
        if (!annual || !project_total) {
            not_evaluated(where, {name_cell}, "申报表中未找到年度资金总额", "no 年度资金总额 on the form");
            return;
        }
        auto yuan = value_at(form, annual->second);
        // The project's amount (万元 in table 12) and the form's (元) are both compared in 元.
        yuan.unit = &form_unit();
        context_.compare(rule_, yuan, rules::Op::Equal, *project_total, where, name);
    }

    void sources(const Form& form, const std::string& name, const std::string& where) {
        for (const char* total_label : {form_labels::annual_total, form_labels::period_total}) {
            const auto total = labelled(form, total_label);
            if (!total || total->second == total->first) {
                continue;  // no total stated
            }
            // The source lines sit under the total's label, in its column.
            Value sum;
            sum.unit = &form_unit();
            for (const auto& source : source_labels()) {
                const auto line = labelled(form, source, total->first.col, total->first.row + 1);
                if (line && line->second.col != line->first.col) {
                    const auto value = value_at(form, line->second);
                    sum.absorb(value);
                    sum.figure = sum.figure + value.figure;
                }
            }
            context_.compare(rule_, value_at(form, total->second), rules::Op::Equal, sum, where,
                             name + " " + total_label);
        }
    }

    void indicators(const Form& form, const std::string& name, const std::string& where, const CellRef& name_cell) {
        std::string missing;
        for (const char* level : {form_labels::output, form_labels::benefit, form_labels::satisfaction}) {
            if (!labelled(form, level, std::nullopt, 0, true)) {
                missing += missing.empty() ? level : std::string("、") + level;
            }
        }
        auto out = context_.outcome(rule_, missing.empty() ? Status::Pass : Status::Fail, where, {name_cell});
        Context::add_context(out, missing.empty() ? name : name + " 缺少" + missing,
                             missing.empty() ? name : name + " lacks " + missing);
        context_.add(std::move(out));
    }

    // The money a form's text states ("…发放生活补助共16312元") is its 年度资金总额 or its 实施期资金总额.
    void text(const Form& form, const std::string& name, const std::string& where) {
        std::vector<Value> totals;
        for (const char* label : {form_labels::annual_total, form_labels::period_total}) {
            if (const auto total = labelled(form, label); total && total->second != total->first) {
                totals.push_back(value_at(form, total->second));
            }
        }
        if (totals.empty()) {
            return;
        }
        const Grid& grid = context_.input().sheets[form.sheet];
        const auto& patterns = patterns_of("form-money");
        for (const auto& caption : form.texts) {
            const auto& cell = grid.at(caption.row, caption.col);
            // Money is stated in one of the units (units.tsv): a text naming none states none.
            if (!names_a_unit(cell.text)) {
                continue;
            }
            const auto text = to_code_points(normalize_text(cell.text));
            for (const auto& pattern : patterns) {
                if (!pattern.may_match(text)) {
                    continue;
                }
                const auto group = static_cast<int>(pattern.slot("amount")->group);
                for (auto it = std::wsregex_iterator(text.begin(), text.end(), pattern.regex());
                     it != std::wsregex_iterator(); ++it) {
                    const auto begin = static_cast<std::size_t>(it->position(group));
                    const auto stated = stated_figure(text, begin, begin + static_cast<std::size_t>(it->length(group)),
                                                      CellRef{grid.name, caption.row, caption.col});
                    // Either total it equals; the annual one when it equals neither.
                    const auto agreeing = std::ranges::find_if(totals, [&](const Value& total) {
                        return compare(stated.figure, Relation::Equal, total.figure, stated.stated).agreement !=
                               Agreement::Fails;
                    });
                    context_.compare(rule_, stated, rules::Op::Equal,
                                     agreeing != totals.end() ? *agreeing : totals.front(), where,
                                     name + " " + to_utf8(it->str()));
                }
            }
        }
    }

    void plausible(const Form& form, const std::string& name, const std::string& where, const CellRef& name_cell) {
        const Grid& grid = context_.input().sheets[form.sheet];
        bool any = false;
        for (const auto& caption : form.texts) {
            const auto& cell = grid.at(caption.row, caption.col);
            if (!above_hundred_percent(cell.text)) {
                continue;
            }
            any = true;
            auto out = context_.outcome(rule_, Status::Fail, where, {CellRef{grid.name, caption.row, caption.col}});
            out.actual = cell.text;
            Context::add_context(out, name + " " + cell.text, name + " " + cell.text);
            context_.add(std::move(out));
        }
        if (!any) {
            context_.add(context_.outcome(rule_, Status::Pass, where, {name_cell}));
        }
    }

private:
    // Whether a short text states a percentage above 100 (forms repeat their indicator values:
    // each text is read once).
    bool above_hundred_percent(const std::string& text) {
        // A percentage: "%", or "％" before it is normalized.
        if (text.size() > 40 || (text.find('%') == std::string::npos && text.find("％") == std::string::npos)) {
            return false;
        }
        const auto [known, added] = above_hundred_.try_emplace(text, false);
        if (added) {
            static const std::regex percent(R"(([0-9]+(\.[0-9]+)?)%)");
            const auto normalized = normalize_text(text);
            std::smatch match;
            if (std::regex_search(normalized, match, percent)) {
                const auto value = Decimal::parse(match[1].str());
                known->second = value && *value > Decimal(100);
            }
        }
        return known->second;
    }

    Context& context_;
    const rules::Rule& rule_;
    std::unordered_map<std::string, bool> above_hundred_;
};

}  // namespace

void run_forms(Context& context, const rules::Rule& rule) {
    const auto* projects_table = context.table(rule.block.table);
    if (projects_table == nullptr) {
        context.not_evaluated(rule, Context::missing_table(rule.block.table));
        return;
    }
    const auto* side = projects_table->table->block_side(rule.block.first);
    const auto label_col = projects_table->column(side->key, side->first_column(layout::ColumnKind::Label)->key);
    const auto rows = projects_table->blocks.find(rule.block.first);
    if (!label_col || rows == projects_table->blocks.end()) {
        context.not_evaluated(rule, {"no project name column in the project table", "项目表中未找到项目名称列"});
        return;
    }
    const auto& forms = context.once<Forms>([&] { return find_forms(context); });
    const auto total_col = projects_table->column(side->key, "total");
    const auto title = context.title(*projects_table);
    FormReader reader(context, rule);
    for (const auto& project : rows->second) {
        const CellRef project_cell = context.ref(*projects_table, project.row, *label_col);
        const Form* form = forms.of(project.label);
        const std::string name = context.sheet_of(*projects_table).at(project.row, *label_col).text;
        if (rule.form_aspect == rules::FormAspect::Exists) {
            auto out = context.outcome(rule, form != nullptr ? Status::Pass : Status::Fail, title, {project_cell});
            Context::add_context(out, name, name);
            context.add(std::move(out));
            continue;
        }
        if (form == nullptr) {
            continue;  // F.EXISTS reports it
        }
        const Grid& grid = context.input().sheets[form->sheet];
        const CellRef name_cell{grid.name, form->name_row, form->name_col};
        const std::string where = "绩效目标申报表“" + name + "”";
        switch (rule.form_aspect) {
            case rules::FormAspect::AnnualTotal:
                reader.annual_total(
                    *form, name, where, name_cell,
                    total_col ? std::optional(context.cell(*projects_table, project.row, *total_col)) : std::nullopt);
                break;
            case rules::FormAspect::Sources: reader.sources(*form, name, where); break;
            case rules::FormAspect::Indicators: reader.indicators(*form, name, where, name_cell); break;
            case rules::FormAspect::Plausible: reader.plausible(*form, name, where, name_cell); break;
            case rules::FormAspect::Text: reader.text(*form, name, where); break;
            case rules::FormAspect::Exists: break;
        }
    }
}

}  // namespace bd::engine
