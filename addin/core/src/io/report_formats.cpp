// The report model written out as plain text, JSON and HTML (the report sheet: report_sheet.cpp).
#include "bd/report.hpp"

#include "report_rows.hpp"
#include "report_wording.hpp"

#include <algorithm>
#include <sstream>

namespace bd {

using namespace report_wording;

std::string format_text(std::string_view title, const Validation& validation, Language language) {
    std::ostringstream out;
    out << "== " << title << " ==\n" << recognition_heading(validation.recognition, language) << '\n';
    for (const auto& table : validation.recognition.tables) {
        out << "  " << recognition_line(table, language) << '\n';
    }
    for (const auto& paragraph : explanation(validation, language)) {
        out << "  " << paragraph << '\n';
    }
    out << summary_line(summarize(validation.outcomes), language) << '\n';
    const bool zh = language == Language::Chinese;
    for (const auto& row : finding_rows(validation)) {
        const Outcome& o = *row.finding;
        out << (row.level > 0 ? "      ↳ " : "  ") << finding_label(o).in(language)
            << (row.count > 1 ? " ×" + std::to_string(row.count) : "") << "  " << o.rule_id << "  "
            << shown_cells(row, language) << "  " << row.message.in(language) << '\n';
        if (row.level == 0 && !o.fix.in(language).empty()) {
            out << "      " << (zh ? "修改：" : "Fix: ") << o.fix.in(language) << '\n';
        }
    }
    return out.str();
}

namespace {

void write_recognition_json(JsonWriter& json, const Validation& validation) {
    const Recognition& r = validation.recognition;
    json.key("recognition").begin_object();
    json.field("set", r.set_id).field("set_title_zh", r.set_title.zh).field("set_title_en", r.set_title.en);
    json.field("recognized", r.recognized).field("understood", validation.understood());
    json.field("verdict_zh", r.verdict.zh).field("verdict_en", r.verdict.en);
    const auto strings = [&](std::string_view name, const std::vector<std::string>& items) {
        json.key(name).begin_array();
        for (const auto& item : items) {
            json.value(item);
        }
        json.end_array();
    };
    json.key("tables").begin_array();
    for (const auto& t : r.tables) {
        json.begin_object().field("id", t.id).field("title", t.title).field("found", t.found);
        json.field("sheet", t.sheet).field("range", t.range).field("found_as", t.found_as).field("unit", t.unit);
        strings("missing", t.missing);
        strings("candidates", t.candidates);
        json.end_object();
    }
    json.end_array().end_object();
}

void write_cells_json(JsonWriter& json, const std::vector<CellRef>& cells) {
    json.begin_array();
    for (const auto& cell : cells) {
        json.begin_object().field("sheet", cell.sheet).field("cell", cell.address()).end_object();
    }
    json.end_array();
}

void write_outcome_json(JsonWriter& json, const Outcome& o) {
    json.begin_object();
    json.field("rule", o.rule_id).field("severity", to_string(o.severity)).field("status", to_string(o.status));
    json.field("table", o.table).key("cells");
    write_cells_json(json, o.cells);
    json.field("expected", o.expected).field("actual", o.actual).field("difference", o.difference);
    json.field("message_zh", o.message.zh).field("message_en", o.message.en);
    json.field("fix_zh", o.fix.zh).field("fix_en", o.fix.en);
    if (o.count > 1) {
        json.field("count", static_cast<long long>(o.count));
    }
    json.end_object();
}

}  // namespace

void write_json(JsonWriter& json, const Validation& validation) {
    write_recognition_json(json, validation);
    const Summary s = summarize(validation.outcomes);
    json.key("summary").begin_object();
    json.field("checks", s.checks).field("passed", s.passed).field("errors", s.errors).field("warnings", s.warnings);
    json.field("infos", s.infos).field("not_applicable", s.not_applicable).field("not_evaluated", s.not_evaluated);
    json.end_object();
    json.key("outcomes").begin_array();
    for (const auto& o : validation.outcomes) {
        write_outcome_json(json, o);
    }
    json.end_array();
    // The groups name their findings by their place in "outcomes" (counted from 0).
    json.key("groups").begin_array();
    for (const auto& group : groups_of(validation)) {
        json.begin_object().field("root", static_cast<long long>(group.root));
        for (const auto& [name, part] : {std::pair{"follows", &group.follows}, std::pair{"mirrors", &group.mirrors}}) {
            json.key(name).begin_array();
            for (const auto i : *part) {
                json.value(static_cast<long long>(i));
            }
            json.end_array();
        }
        json.key("cause");
        write_cells_json(json, group.cause.empty() ? validation.outcomes.at(group.root).cells : group.cause);
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
    "p.failure,p.explanation{color:#842029;font-weight:bold}"
    "p.recognition{font-weight:bold}"
    "table.recognition{margin-bottom:1em}"
    "tr.not-found td{color:#842029}"
    "tr.follows td{color:#555;font-size:90%}"
    "tr.follows td:first-child{padding-left:1.5em}"
    "tr.follows td:first-child::before{content:\"↳ \"}";

/// The class of a finding's row: its severity if it failed, else its status.
std::string_view row_class(const Outcome& outcome) {
    return outcome.status == Status::Fail ? to_string(outcome.severity) : to_string(outcome.status);
}

/// A table's column header and the start of its body.
void html_header(std::ostringstream& out, const std::vector<std::string>& headers) {
    out << "<thead><tr>";
    for (const auto& header : headers) {
        out << "<th>" << html_escape(header) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
}

void html_section(std::ostringstream& out, const WorkbookReport& workbook, Language language) {
    const bool zh = language == Language::Chinese;
    out << "<section>\n<h2>" << html_escape(workbook.title) << "</h2>\n";
    if (workbook.failure) {
        out << "<p class=\"failure\">" << (zh ? "无法校验：" : "Could not be validated: ")
            << html_escape(*workbook.failure) << "</p>\n</section>\n";
        return;
    }
    const Validation& validation = workbook.validation;
    out << "<p class=\"recognition\">" << html_escape(recognition_heading(validation.recognition, language))
        << "</p>\n";
    if (!validation.recognition.tables.empty()) {
        out << "<table class=\"recognition\">\n";
        html_header(out, recognition_headers(language));
        for (const auto& table : validation.recognition.tables) {
            out << "<tr class=\"" << (table.found ? "found" : "not-found") << "\">";
            for (const auto& column : recognition_columns(table, language)) {
                out << "<td>" << html_escape(column) << "</td>";
            }
            out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    for (const auto& paragraph : explanation(validation, language)) {
        out << "<p class=\"explanation\">" << html_escape(paragraph) << "</p>\n";
    }
    out << "<p class=\"summary\">" << html_escape(summary_line(summarize(validation.outcomes), language)) << "</p>\n";
    const auto findings = finding_rows(validation);
    if (findings.empty()) {
        out << "<p>" << html_escape(no_findings(validation, language)) << "</p>\n</section>\n";
        return;
    }
    out << "<table>\n";
    html_header(out, column_headers(language));
    for (const auto& row : findings) {
        const Outcome& o = *row.finding;
        const bool single = row.count == 1;
        const auto label = finding_label(o).in(language) + (single ? "" : " ×" + std::to_string(row.count));
        out << "<tr class=\"" << row_class(o) << (row.level > 0 ? " follows" : "") << "\"><td>"
            << html_escape(o.rule_id) << "</td><td class=\"kind\">" << html_escape(label) << "</td><td>"
            << html_escape(shown_tables(row, language)) << "</td><td class=\"cells\">"
            << html_escape(shown_cells(row, language)) << "</td><td class=\"number\">"
            << html_escape(single ? o.expected : "") << "</td><td class=\"number\">"
            << html_escape(single ? o.actual : "") << "</td><td class=\"number\">"
            << html_escape(single ? o.difference : "") << "</td><td>" << html_escape(row.message.in(language))
            << "</td><td>" << html_escape(o.fix.in(language)) << "</td></tr>\n";
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

}  // namespace bd
