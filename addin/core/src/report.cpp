#include "bd/report.hpp"

#include "bd/grid.hpp"

#include <algorithm>
#include <array>
#include <sstream>

namespace bd {

namespace {

constexpr std::array severity_names{"error", "warning", "info"};
constexpr std::array status_names{"pass", "fail", "not-applicable", "not-evaluated"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<const char*, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i]) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

/// Findings in reading order of importance: errors, warnings, infos, could-not-evaluate, not applicable.
int rank(const Outcome& outcome) {
    switch (outcome.status) {
        case Status::Fail: return static_cast<int>(outcome.severity);
        case Status::NotEvaluated: return 3;
        case Status::NotApplicable: return 4;
        case Status::Pass: return 5;
    }
    return 5;
}

std::vector<const Outcome*> findings_in_order(const std::vector<Outcome>& outcomes) {
    std::vector<const Outcome*> findings;
    for (const auto& outcome : outcomes) {
        if (outcome.is_finding()) {
            findings.push_back(&outcome);
        }
    }
    std::ranges::stable_sort(findings, {}, [](const Outcome* o) { return rank(*o); });
    return findings;
}

/// "error", "warning", … as the report shows a finding's kind.
const LocalizedText& finding_label(const Outcome& outcome) {
    static const LocalizedText error{"error", "错误"}, warning{"warning", "警告"}, info{"info", "提示"},
        not_evaluated{"not evaluated", "无法检查"}, not_applicable{"not applicable", "不适用"}, pass{"pass", "通过"};
    switch (outcome.status) {
        case Status::Fail:
            return outcome.severity == Severity::Error ? error
                                                       : (outcome.severity == Severity::Warning ? warning : info);
        case Status::NotEvaluated: return not_evaluated;
        case Status::NotApplicable: return not_applicable;
        case Status::Pass: return pass;
    }
    return pass;
}

/// The columns of a finding in the report sheet and the HTML page.
std::vector<std::string> column_headers(Language language) {
    if (language == Language::Chinese) {
        return {"规则", "级别", "表", "单元格", "应为", "实为", "差额", "说明", "修改方法"};
    }
    return {"Rule", "Severity", "Table", "Cells", "Expected", "Actual", "Difference", "Message", "How to fix"};
}

std::string summary_line(const Summary& s, Language language) {
    std::ostringstream out;
    if (language == Language::Chinese) {
        out << "共检查 " << s.checks << " 项：通过 " << s.passed << "，错误 " << s.errors << "，警告 " << s.warnings
            << "，提示 " << s.infos << "，不适用 " << s.not_applicable << "，无法检查 " << s.not_evaluated;
    } else {
        out << s.checks << " checks: " << s.passed << " passed, " << s.errors << " errors, " << s.warnings
            << " warnings, " << s.infos << " infos, " << s.not_applicable << " not applicable, " << s.not_evaluated
            << " not evaluated";
    }
    return out.str();
}

}  // namespace

std::string CellRef::address() const {
    return cell_address(row, col);
}

std::string CellRef::display() const {
    return sheet + "!" + address();
}

std::string CellRef::a1() const {
    const std::string address = cell_address(row, col);
    const auto digits = address.find_first_of("0123456789");
    return "$" + quoted_sheet_name(sheet) + ".$" + address.substr(0, digits) + "$" + address.substr(digits);
}

std::string quoted_sheet_name(std::string_view name) {
    const auto word_char = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (!name.empty() && !(name[0] >= '0' && name[0] <= '9') && std::ranges::all_of(name, word_char)) {
        return std::string(name);
    }
    std::string quoted = "'";
    for (const char c : name) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

std::string display_cells(const std::vector<CellRef>& cells) {
    std::vector<std::string> sheets;  // in order of first appearance
    for (const auto& cell : cells) {
        if (std::ranges::find(sheets, cell.sheet) == sheets.end()) {
            sheets.push_back(cell.sheet);
        }
    }
    std::string out;
    for (const auto& sheet : sheets) {
        out += (out.empty() ? "" : "; ") + sheet + "!";
        bool first = true;
        for (const auto& cell : cells) {
            if (cell.sheet == sheet) {
                out += (first ? "" : ",") + cell.address();
                first = false;
            }
        }
    }
    return out;
}

std::string covering_range_a1(const std::vector<CellRef>& cells) {
    if (cells.empty()) {
        return {};
    }
    CellRef first = cells.front();
    CellRef last = first;
    for (const auto& cell : cells) {
        if (cell.sheet == first.sheet) {
            first.row = std::min(first.row, cell.row);
            first.col = std::min(first.col, cell.col);
            last.row = std::max(last.row, cell.row);
            last.col = std::max(last.col, cell.col);
        }
    }
    if (first == last) {
        return first.a1();
    }
    const std::string end = last.a1();
    return first.a1() + ":" + end.substr(end.rfind(".$") + 1);
}

std::string_view to_string(Severity severity) {
    return severity_names.at(static_cast<std::size_t>(severity));
}
std::string_view to_string(Status status) {
    return status_names.at(static_cast<std::size_t>(status));
}
std::optional<Severity> parse_severity(std::string_view text) {
    return parse_enum<Severity>(severity_names, text);
}
std::optional<Status> parse_status(std::string_view text) {
    return parse_enum<Status>(status_names, text);
}

Summary summarize(const std::vector<Outcome>& outcomes) {
    Summary s;
    for (const auto& outcome : outcomes) {
        ++s.checks;
        switch (outcome.status) {
            case Status::Pass: ++s.passed; break;
            case Status::NotApplicable: ++s.not_applicable; break;
            case Status::NotEvaluated: ++s.not_evaluated; break;
            case Status::Fail:
                ++(outcome.severity == Severity::Error
                       ? s.errors
                       : (outcome.severity == Severity::Warning ? s.warnings : s.infos));
                break;
        }
    }
    return s;
}

std::size_t Recognition::found_count() const {
    return static_cast<std::size_t>(std::ranges::count(tables, true, &RecognizedTable::found));
}

bool Validation::understood() const {
    const Summary s = summarize(outcomes);
    return recognition.recognized && s.passed + s.errors + s.warnings + s.infos > 0;
}

Verdict verdict_of(const Validation& validation) {
    if (!validation.understood()) {
        return Verdict::NotRecognized;
    }
    return summarize(validation.outcomes).errors > 0 ? Verdict::Errors : Verdict::Clean;
}

Verdict worst(Verdict a, Verdict b) {
    // Severity order, worst last: clean, errors, not recognized, could not run.
    const auto order = [](Verdict v) {
        switch (v) {
            case Verdict::Clean: return 0;
            case Verdict::Errors: return 1;
            case Verdict::NotRecognized: return 2;
            case Verdict::CouldNotRun: return 3;
        }
        return 3;
    };
    return order(a) >= order(b) ? a : b;
}

std::string_view report_sheet_name() {
    return "校验报告";
}

ReportSheet report_sheet(const std::vector<Outcome>& outcomes, Language language) {
    const bool zh = language == Language::Chinese;
    ReportSheet sheet;
    auto& rows = sheet.rows;
    const auto findings = findings_in_order(outcomes);
    rows.push_back({zh ? "预算公开校验报告" : "Budget disclosure validation report"});
    rows.push_back({summary_line(summarize(outcomes), language)});
    rows.emplace_back();
    if (!findings.empty()) {
        rows.back().push_back(zh ? "按住 Ctrl 单击“单元格”列中的链接，可跳到并选中相关单元格。相关单元格已加批注"
                                   "（以“【预算公开校验】”开头），可用菜单 预算公开 › 清除校验标记 删除。"
                                 : "Ctrl+click a link in the Cells column to go to the cells and select them. The "
                                   "cells carry a comment starting with 【预算公开校验】; Budget Disclosure › Clear "
                                   "Validation Marks removes them.");
    }
    rows.push_back(column_headers(language));
    for (const Outcome* o : findings) {
        const std::string cells = display_cells(o->cells);
        if (!o->cells.empty()) {
            sheet.links.push_back({rows.size(), 3, cells, hyperlink_target(o->cells)});
        }
        rows.push_back({o->rule_id, finding_label(*o).in(language), o->table, cells, o->expected, o->actual,
                        o->difference, o->message.in(language), o->fix.in(language)});
    }
    if (findings.empty()) {
        rows.push_back({zh ? "未发现问题" : "No problems found"});
    }
    return sheet;
}

std::string hyperlink_target(const std::vector<CellRef>& cells) {
    if (cells.empty()) {
        return {};
    }
    std::string target = "#";
    for (const char c : covering_range_a1(cells)) {
        target += c == '%' ? std::string("%25") : std::string(1, c);
    }
    return target;
}

std::string_view mark_prefix() {
    return "【预算公开校验】";
}

std::vector<CellMark> cell_marks(const std::vector<Outcome>& outcomes, Language language) {
    const bool zh = language == Language::Chinese;
    std::vector<CellMark> marks;
    for (const Outcome* o : findings_in_order(outcomes)) {
        std::string entry =
            "\n" + finding_label(*o).in(language) + " " + o->rule_id + (zh ? "：" : ": ") + o->message.in(language);
        if (!o->fix.in(language).empty()) {
            entry += (zh ? "\n修改：" : "\nFix: ") + o->fix.in(language);
        }
        for (const auto& cell : o->cells) {
            auto mark = std::ranges::find(marks, cell, &CellMark::cell);
            if (mark == marks.end()) {
                mark = marks.insert(marks.end(), {cell, std::string(mark_prefix())});
            }
            if (!mark->text.ends_with(entry)) {  // a cell named twice by one finding gets its entry once
                mark->text += entry;
            }
        }
    }
    return marks;
}

std::string format_text(std::string_view title, const std::vector<Outcome>& outcomes, Language language) {
    std::ostringstream out;
    out << "== " << title << " ==\n" << summary_line(summarize(outcomes), language) << '\n';
    for (const Outcome* o : findings_in_order(outcomes)) {
        out << "  " << finding_label(*o).in(language) << "  " << o->rule_id << "  " << display_cells(o->cells) << "  "
            << o->message.in(language) << '\n';
        if (!o->fix.in(language).empty()) {
            out << "      " << (language == Language::Chinese ? "修改：" : "Fix: ") << o->fix.in(language) << '\n';
        }
    }
    return out.str();
}

void write_json(JsonWriter& json, const std::vector<Outcome>& outcomes) {
    const Summary s = summarize(outcomes);
    json.key("summary").begin_object();
    json.field("checks", s.checks).field("passed", s.passed).field("errors", s.errors).field("warnings", s.warnings);
    json.field("infos", s.infos).field("not_applicable", s.not_applicable).field("not_evaluated", s.not_evaluated);
    json.end_object();
    json.key("outcomes").begin_array();
    for (const auto& o : outcomes) {
        json.begin_object();
        json.field("rule", o.rule_id).field("severity", to_string(o.severity)).field("status", to_string(o.status));
        json.field("table", o.table);
        json.key("cells").begin_array();
        for (const auto& cell : o.cells) {
            json.begin_object().field("sheet", cell.sheet).field("cell", cell.address()).end_object();
        }
        json.end_array();
        json.field("expected", o.expected).field("actual", o.actual).field("difference", o.difference);
        json.field("message_zh", o.message.zh).field("message_en", o.message.en);
        json.field("fix_zh", o.fix.zh).field("fix_en", o.fix.en);
        json.end_object();
    }
    json.end_array();
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

constexpr std::string_view html_style =
    "body{font-family:sans-serif;margin:2em;color:#222}"
    "h2{margin-top:2em;word-break:break-all}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}"
    "td.number{text-align:right;white-space:nowrap}"
    "td.cells{white-space:nowrap}"
    "tr.error td.kind{background:#f8d7da;color:#842029;font-weight:bold}"
    "tr.warning td.kind{background:#fff3cd;color:#664d03;font-weight:bold}"
    "tr.info td.kind{background:#cff4fc;color:#055160}"
    "tr.not-evaluated td.kind{background:#e2e3e5;color:#41464b}"
    "tr.not-applicable td.kind{background:#f8f9fa;color:#6c757d}"
    "p.failure{color:#842029;font-weight:bold}";

/// The class of a finding's row: its severity if it failed, else its status.
std::string_view row_class(const Outcome& outcome) {
    return outcome.status == Status::Fail ? to_string(outcome.severity) : to_string(outcome.status);
}

void html_section(std::ostringstream& out, const WorkbookReport& workbook, Language language) {
    const bool zh = language == Language::Chinese;
    out << "<section>\n<h2>" << html_escape(workbook.title) << "</h2>\n";
    if (workbook.failure) {
        out << "<p class=\"failure\">" << (zh ? "无法校验：" : "Could not be validated: ")
            << html_escape(*workbook.failure) << "</p>\n</section>\n";
        return;
    }
    out << "<p class=\"summary\">" << html_escape(summary_line(summarize(workbook.outcomes), language)) << "</p>\n";
    const auto findings = findings_in_order(workbook.outcomes);
    if (findings.empty()) {
        out << "<p>" << (zh ? "未发现问题" : "No problems found") << "</p>\n</section>\n";
        return;
    }
    out << "<table>\n<thead><tr>";
    for (const auto& header : column_headers(language)) {
        out << "<th>" << header << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const Outcome* o : findings) {
        out << "<tr class=\"" << row_class(*o) << "\"><td>" << html_escape(o->rule_id) << "</td><td class=\"kind\">"
            << html_escape(finding_label(*o).in(language)) << "</td><td>" << html_escape(o->table)
            << "</td><td class=\"cells\">" << html_escape(display_cells(o->cells)) << "</td><td class=\"number\">"
            << html_escape(o->expected) << "</td><td class=\"number\">" << html_escape(o->actual)
            << "</td><td class=\"number\">" << html_escape(o->difference) << "</td><td>"
            << html_escape(o->message.in(language)) << "</td><td>" << html_escape(o->fix.in(language))
            << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string format_html(const std::vector<WorkbookReport>& workbooks, Language language) {
    const bool zh = language == Language::Chinese;
    const std::string heading = zh ? "预算公开校验报告" : "Budget disclosure validation report";
    const std::string title = workbooks.size() == 1 ? heading + " — " + workbooks.front().title : heading;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << (zh ? "zh-CN" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>" << html_style << "</style>\n</head>\n<body>\n<h1>"
        << html_escape(heading) << "</h1>\n";
    for (const auto& workbook : workbooks) {
        html_section(out, workbook, language);
    }
    out << "</body>\n</html>\n";
    return out.str();
}

std::string format_html(std::string_view title, const std::vector<Outcome>& outcomes, Language language) {
    return format_html({WorkbookReport{std::string(title), outcomes, std::nullopt}}, language);
}

}  // namespace bd
