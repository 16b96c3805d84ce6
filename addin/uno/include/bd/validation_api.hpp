// A validation as XValidator carries it (org::budgetdisclosure::Validation) and as the core has it
// (bd::Validation): the component converts its result to the UNO struct, the command-line program
// back to the core's, so that both report it with the same code.
#pragma once

#include "bd/report.hpp"
#include "bd/ustring.hpp"

#include <org/budgetdisclosure/Validation.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace bd {

namespace api_detail {

inline css::uno::Sequence<rtl::OUString> to_api(const std::vector<std::string>& texts) {
    css::uno::Sequence<rtl::OUString> out(static_cast<sal_Int32>(texts.size()));
    auto* items = out.getArray();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        items[i] = to_ou(texts[i]);
    }
    return out;
}

inline std::vector<std::string> from_api(const css::uno::Sequence<rtl::OUString>& texts) {
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(texts.getLength()));
    for (const auto& text : texts) {
        out.push_back(to_utf8(text));
    }
    return out;
}

inline css::uno::Sequence<org::budgetdisclosure::CellRef> to_api(const std::vector<CellRef>& cells) {
    css::uno::Sequence<org::budgetdisclosure::CellRef> out(static_cast<sal_Int32>(cells.size()));
    auto* items = out.getArray();
    for (std::size_t c = 0; c < cells.size(); ++c) {
        items[c] = {to_ou(cells[c].sheet), static_cast<sal_Int32>(cells[c].row), static_cast<sal_Int32>(cells[c].col)};
    }
    return out;
}

inline std::vector<CellRef> from_api(const css::uno::Sequence<org::budgetdisclosure::CellRef>& cells) {
    std::vector<CellRef> out;
    for (const auto& cell : cells) {
        out.push_back({to_utf8(cell.Sheet), static_cast<std::size_t>(cell.Row), static_cast<std::size_t>(cell.Column)});
    }
    return out;
}

inline css::uno::Sequence<sal_Int32> to_api(const std::vector<std::size_t>& indices) {
    css::uno::Sequence<sal_Int32> out(static_cast<sal_Int32>(indices.size()));
    std::ranges::transform(indices, out.getArray(), [](std::size_t i) { return static_cast<sal_Int32>(i); });
    return out;
}

inline std::vector<std::size_t> from_api(const css::uno::Sequence<sal_Int32>& indices) {
    std::vector<std::size_t> out;
    for (const auto i : indices) {
        out.push_back(static_cast<std::size_t>(i));
    }
    return out;
}

}  // namespace api_detail

inline org::budgetdisclosure::Validation to_api(const Validation& validation) {
    namespace api = org::budgetdisclosure;
    using api_detail::to_api;
    const Recognition& r = validation.recognition;
    api::Validation out;
    out.Recognition.SetId = to_ou(r.set_id);
    out.Recognition.SetTitle = to_ou(r.set_title.zh);
    out.Recognition.SetTitleEn = to_ou(r.set_title.en);
    out.Recognition.Recognized = r.recognized;
    out.Recognition.Verdict = to_ou(r.verdict.zh);
    out.Recognition.VerdictEn = to_ou(r.verdict.en);
    out.Recognition.Tables.realloc(static_cast<sal_Int32>(r.tables.size()));
    auto* tables = out.Recognition.Tables.getArray();
    for (std::size_t i = 0; i < r.tables.size(); ++i) {
        const RecognizedTable& t = r.tables[i];
        tables[i] = {to_ou(t.id),       to_ou(t.title), t.found,           to_ou(t.sheet),      to_ou(t.range),
                     to_ou(t.found_as), to_ou(t.unit),  to_api(t.missing), to_api(t.candidates)};
    }
    out.Outcomes.realloc(static_cast<sal_Int32>(validation.outcomes.size()));
    auto* outcomes = out.Outcomes.getArray();
    for (std::size_t i = 0; i < validation.outcomes.size(); ++i) {
        const Outcome& o = validation.outcomes[i];
        api::Outcome& a = outcomes[i];
        a.RuleId = to_ou(o.rule_id);
        a.Severity = to_ou(to_string(o.severity));
        a.Status = to_ou(to_string(o.status));
        a.Table = to_ou(o.table);
        a.Cells = to_api(o.cells);
        a.Expected = to_ou(o.expected);
        a.Actual = to_ou(o.actual);
        a.Difference = to_ou(o.difference);
        a.Message = to_ou(o.message.zh);
        a.MessageEn = to_ou(o.message.en);
        a.Fix = to_ou(o.fix.zh);
        a.FixEn = to_ou(o.fix.en);
        a.Count = static_cast<sal_Int32>(o.count);
    }
    out.Groups.realloc(static_cast<sal_Int32>(validation.groups.size()));
    auto* groups = out.Groups.getArray();
    for (std::size_t i = 0; i < validation.groups.size(); ++i) {
        const FindingGroup& g = validation.groups[i];
        groups[i] = {static_cast<sal_Int32>(g.root), to_api(g.follows), to_api(g.mirrors), to_api(g.cause)};
    }
    return out;
}

inline Validation from_api(const org::budgetdisclosure::Validation& validation) {
    using api_detail::from_api;
    const auto& r = validation.Recognition;
    Validation out;
    out.recognition.set_id = to_utf8(r.SetId);
    out.recognition.set_title = {to_utf8(r.SetTitleEn), to_utf8(r.SetTitle)};
    out.recognition.recognized = r.Recognized;
    out.recognition.verdict = {to_utf8(r.VerdictEn), to_utf8(r.Verdict)};
    for (const auto& t : r.Tables) {
        out.recognition.tables.push_back({to_utf8(t.Id), to_utf8(t.Title), static_cast<bool>(t.Found), to_utf8(t.Sheet),
                                          to_utf8(t.Range), to_utf8(t.FoundAs), to_utf8(t.Unit), from_api(t.Missing),
                                          from_api(t.Candidates)});
    }
    for (const auto& o : validation.Outcomes) {
        Outcome& outcome = out.outcomes.emplace_back();
        outcome.rule_id = to_utf8(o.RuleId);
        outcome.severity = parse_severity(to_utf8(o.Severity)).value_or(Severity::Error);
        outcome.status = parse_status(to_utf8(o.Status)).value_or(Status::NotEvaluated);
        outcome.table = to_utf8(o.Table);
        outcome.cells = from_api(o.Cells);
        outcome.expected = to_utf8(o.Expected);
        outcome.actual = to_utf8(o.Actual);
        outcome.difference = to_utf8(o.Difference);
        outcome.message = {to_utf8(o.MessageEn), to_utf8(o.Message)};
        outcome.fix = {to_utf8(o.FixEn), to_utf8(o.Fix)};
        outcome.count = static_cast<std::size_t>(std::max<sal_Int32>(o.Count, 1));
    }
    for (const auto& g : validation.Groups) {
        out.groups.push_back(
            {static_cast<std::size_t>(g.Root), from_api(g.Follows), from_api(g.Mirrors), from_api(g.Cause)});
    }
    return out;
}

}  // namespace bd
