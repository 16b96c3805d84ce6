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

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : std::string(separator)) + item;
    }
    return out;
}

/// The first line of the recognition block: "识别为：山西省单位预算公开（13张表），找到 13/13 张表", or
/// "未识别为预算公开文件" with the closest set when there is one.
std::string recognition_heading(const Recognition& recognition, Language language) {
    const bool zh = language == Language::Chinese;
    const std::string found = std::to_string(recognition.found_count());
    const std::string all = std::to_string(recognition.tables.size());
    const std::string count = zh ? "找到 " + found + "/" + all + " 张表" : found + " of " + all + " tables found";
    const std::string& set = recognition.set_title.in(language);
    if (recognition.recognized) {
        return zh ? "识别为：" + set + "，" + count : "Recognized as " + set + ": " + count;
    }
    std::string heading = zh ? "未识别为预算公开文件" : "Not recognized as a budget disclosure";
    if (set.empty()) {
        return heading;
    }
    return heading + (zh ? "；最接近：" + set + "，" + count : "; closest: " + set + ": " + count);
}

/// The columns of the recognition's table in the report sheet and the HTML page.
std::vector<std::string> recognition_headers(Language language) {
    if (language == Language::Chinese) {
        return {"表", "表名", "位置", "单位", "缺少或最接近"};
    }
    return {"Table", "Title", "Where", "Unit", "Missing or closest"};
}

/// A table of the set as the recognition block shows it: id, title, where it was found (or that it
/// was not), the unit it states, and the columns and lines it lacks or the closest titles.
std::vector<std::string> recognition_columns(const RecognizedTable& table, Language language) {
    const bool zh = language == Language::Chinese;
    const std::string_view separator = zh ? "、" : "; ";
    if (!table.found) {
        return {table.id, table.title, zh ? "未找到" : "not found", "",
                table.candidates.empty() ? "" : (zh ? "最接近：" : "closest: ") + joined(table.candidates, separator)};
    }
    return {table.id, table.title, table.range.empty() ? table.sheet : table.sheet + "!" + table.range,
            table.unit.empty() ? "" : (zh ? "单位：" : "unit: ") + table.unit,
            table.missing.empty() ? "" : (zh ? "缺少：" : "missing: ") + joined(table.missing, separator)};
}

/// A table of the set on one line: "T3  预算支出总表  表3!A3:G40  单位：万元  缺少：项目支出".
std::string recognition_line(const RecognizedTable& table, Language language) {
    std::string line;
    for (const auto& column : recognition_columns(table, language)) {
        if (!column.empty()) {
            line += (line.empty() ? "" : "  ") + column;
        }
    }
    return line;
}

/// Why the outcomes say nothing about the workbook, when they do not: the recognition's verdict
/// and, for a recognized set in which no check could run, that. Empty for an understood workbook.
std::vector<std::string> explanation(const Validation& validation, Language language) {
    if (validation.understood()) {
        return {};
    }
    std::vector<std::string> paragraphs;
    if (const auto& verdict = validation.recognition.verdict.in(language); !verdict.empty()) {
        paragraphs.push_back(verdict);
    }
    if (validation.recognition.recognized) {
        paragraphs.emplace_back(language == Language::Chinese
                                    ? "没有一项检查能得出结果（都不适用或无法检查），不能据此说明文件没有问题。"
                                    : "No check could reach a result (each was not applicable or could not be "
                                      "evaluated): this says nothing about whether the figures are right.");
    }
    return paragraphs;
}

/// What the report says when there is no finding: that nothing is wrong only if the workbook was
/// understood.
std::string no_findings(const Validation& validation, Language language) {
    const bool zh = language == Language::Chinese;
    if (validation.understood()) {
        return zh ? "未发现问题" : "No problems found";
    }
    return zh ? "没有发现问题，但这不说明文件无误：未能按预算公开表套检查（见上）"
              : "No findings, which does not mean the workbook is right: it could not be checked as a budget "
                "disclosure (see above)";
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

ReportSheet report_sheet(const Validation& validation, Language language) {
    const bool zh = language == Language::Chinese;
    ReportSheet sheet;
    auto& rows = sheet.rows;
    const auto findings = findings_in_order(validation.outcomes);
    const auto bold = [&](std::vector<std::string> row) {
        sheet.bold_rows.push_back(rows.size());
        rows.push_back(std::move(row));
    };
    bold({zh ? "预算公开校验报告" : "Budget disclosure validation report"});
    bold({recognition_heading(validation.recognition, language)});
    for (const auto& table : validation.recognition.tables) {
        rows.push_back({recognition_line(table, language)});
    }
    for (auto& paragraph : explanation(validation, language)) {
        rows.push_back({std::move(paragraph)});
    }
    rows.emplace_back();
    rows.push_back({summary_line(summarize(validation.outcomes), language)});
    rows.emplace_back();
    if (!findings.empty()) {
        rows.back().push_back(zh ? "按住 Ctrl 单击“单元格”列中的链接，可跳到并选中相关单元格。相关单元格已加批注"
                                   "（以“【预算公开校验】”开头），可用菜单 预算公开 › 清除校验标记 删除。"
                                 : "Ctrl+click a link in the Cells column to go to the cells and select them. The "
                                   "cells carry a comment starting with 【预算公开校验】; Budget Disclosure › Clear "
                                   "Validation Marks removes them.");
    }
    sheet.header_row = rows.size();
    bold(column_headers(language));
    for (const Outcome* o : findings) {
        const std::string cells = display_cells(o->cells);
        if (!o->cells.empty()) {
            sheet.links.push_back({rows.size(), 3, cells, hyperlink_target(o->cells)});
        }
        rows.push_back({o->rule_id, finding_label(*o).in(language), o->table, cells, o->expected, o->actual,
                        o->difference, o->message.in(language), o->fix.in(language)});
    }
    sheet.table_end = rows.size();
    if (findings.empty()) {
        rows.push_back({no_findings(validation, language)});
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
    for (const Outcome* o : findings_in_order(validation.outcomes)) {
        out << "  " << finding_label(*o).in(language) << "  " << o->rule_id << "  " << display_cells(o->cells) << "  "
            << o->message.in(language) << '\n';
        if (!o->fix.in(language).empty()) {
            out << "      " << (language == Language::Chinese ? "修改：" : "Fix: ") << o->fix.in(language) << '\n';
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
    "p.failure,p.explanation{color:#842029;font-weight:bold}"
    "p.recognition{font-weight:bold}"
    "table.recognition{margin-bottom:1em}"
    "tr.not-found td{color:#842029}";

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
    const auto findings = findings_in_order(validation.outcomes);
    if (findings.empty()) {
        out << "<p>" << html_escape(no_findings(validation, language)) << "</p>\n</section>\n";
        return;
    }
    out << "<table>\n";
    html_header(out, column_headers(language));
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

}  // namespace bd
