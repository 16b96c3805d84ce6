// The report sheet (校验报告) as rows, numbers, links and layout for the UNO shell to write.
#include "bd/report.hpp"

#include "report_rows.hpp"
#include "report_wording.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace bd {

using namespace report_wording;

namespace {

/// The findings' columns in 1/100 mm: 30 cm, which Calc shows whole at 100 % zoom in a window 1366
/// pixels wide (about 31 cm beside the row headers, the outline's margin and the sidebar's tab bar).
constexpr std::array column_widths{3000, 1400, 3000, 3800, 2200, 2200, 2000, 7800, 4600};
constexpr std::size_t expected_column = 4;  // expected, actual, difference

/// A figure as the engine writes it ("-593.60", "8"): its value and decimals.
std::optional<std::pair<double, std::size_t>> figure(const std::string& text) {
    const auto digits = text.find_first_not_of('-');
    const auto point = text.find('.');
    const bool plain = !text.empty() && digits <= 1 && digits < text.size() &&
                       text.find_first_not_of("0123456789.", digits) == std::string::npos &&
                       std::ranges::count(text, '.') <= 1 && point != digits && point != text.size() - 1;
    if (!plain) {
        return std::nullopt;
    }
    return std::make_pair(std::stod(text), point == std::string::npos ? 0 : text.size() - point - 1);
}

/// Calc's number format code for a figure: its decimals and, for an amount, its table's unit.
std::string format_code(std::size_t decimals, const std::string& unit) {
    std::string code = decimals == 0 ? "0" : "0." + std::string(decimals, '0');
    return unit.empty() ? code : code + "\" " + unit + "\"";
}

/// The unit a table's figures are shown in, as the recognition read it ("" for a text or a form).
std::string unit_of(const Recognition& recognition, const std::string& table) {
    const auto found = std::ranges::find_if(
        recognition.tables, [&](const RecognizedTable& t) { return t.found && !table.empty() && t.found_as == table; });
    return found == recognition.tables.end() ? std::string() : found->unit;
}

/// The count by kind: label, findings (or passes) of the kind, and the report rows (causes) they
/// come to.
void add_counts(ReportSheet& sheet, const Validation& validation, const std::vector<FindingRow>& rows,
                Language language) {
    const bool zh = language == Language::Chinese;
    const Summary s = summarize(validation.outcomes);
    sheet.bold_rows.push_back(sheet.rows.size());
    sheet.header_rows.push_back(sheet.rows.size());
    sheet.rows.push_back(zh ? std::vector<std::string>{"结果", "项数", "原因"}
                            : std::vector<std::string>{"Result", "Checks", "Causes"});
    const std::array<std::pair<LocalizedText, int>, 6> kinds{{{{"errors", "错误"}, s.errors},
                                                              {{"warnings", "警告"}, s.warnings},
                                                              {{"infos", "提示"}, s.infos},
                                                              {{"not evaluated", "无法检查"}, s.not_evaluated},
                                                              {{"not applicable", "不适用"}, s.not_applicable},
                                                              {{"passed", "通过"}, s.passed}}};
    static const std::array<LocalizedText, 5> labels{LocalizedText{"error", "错误"},
                                                     {"warning", "警告"},
                                                     {"info", "提示"},
                                                     {"not evaluated", "无法检查"},
                                                     {"not applicable", "不适用"}};
    for (std::size_t kind = 0; kind < kinds.size(); ++kind) {
        const auto row = sheet.rows.size();
        std::vector<std::string> line{kinds[kind].first.in(language), std::to_string(kinds[kind].second)};
        sheet.numbers.push_back({row, 1, static_cast<double>(kinds[kind].second), "0"});
        if (kind < labels.size()) {
            const auto causes = std::ranges::count_if(rows, [&](const FindingRow& r) {
                return r.level == 0 && finding_label(*r.finding).en == labels[kind].en;
            });
            line.push_back(std::to_string(causes));
            sheet.numbers.push_back({row, 2, static_cast<double>(causes), "0"});
        }
        sheet.rows.push_back(std::move(line));
    }
}

}  // namespace

ReportSheet report_sheet(const Validation& validation, Language language) {
    const bool zh = language == Language::Chinese;
    ReportSheet sheet;
    sheet.column_widths.assign(column_widths.begin(), column_widths.end());
    auto& rows = sheet.rows;
    const auto findings = finding_rows(validation);
    const auto bold = [&](std::vector<std::string> row) {
        sheet.bold_rows.push_back(rows.size());
        rows.push_back(std::move(row));
    };
    const auto merged = [&](std::string text) {
        sheet.merged_rows.push_back(rows.size());
        rows.push_back({std::move(text)});
    };
    bold({zh ? "预算公开校验报告" : "Budget disclosure validation report"});
    bold({recognition_heading(validation.recognition, language)});
    // A line per table of the set; when every table was found, folded under the heading that says
    // so, and the findings come up on the first screen.
    const bool complete =
        validation.understood() && validation.recognition.found_count() == validation.recognition.tables.size();
    for (const auto& table : validation.recognition.tables) {
        if (complete) {
            sheet.outlined_rows.push_back(rows.size());
        }
        rows.push_back({recognition_line(table, language)});
    }
    for (auto& paragraph : explanation(validation, language)) {
        merged(std::move(paragraph));
    }
    if (complete) {  // beside the outline's button that unfolds them
        const auto n = std::to_string(validation.recognition.tables.size());
        sheet.note_rows.push_back(rows.size());
        rows.push_back(
            {zh ? n + " 张表的位置：点左侧 + 展开" : "Where the " + n + " tables are: + on the left opens them"});
    } else {
        rows.emplace_back();
    }
    rows.push_back({summary_line(summarize(validation.outcomes), language)});
    add_counts(sheet, validation, findings, language);
    rows.emplace_back();
    if (!findings.empty()) {
        merged(
            zh ? "每行是一个原因：单元格列指向引起它的输入单元格，按住 Ctrl 单击即跳到并选中；由它引起的其他检查"
                 "折叠在其下。这些单元格已加批注（以“【预算公开校验】”开头），可用菜单 预算公开 › 清除校验标记 删除。"
               : "Each row is one cause: the Cells column points at the input cells behind it (Ctrl+click to go "
                 "to them and select them); the checks it causes elsewhere are folded under it. Those cells carry "
                 "a comment starting with 【预算公开校验】; Budget Disclosure › Clear Validation Marks removes "
                 "them.");
    } else {
        rows.emplace_back();
    }
    sheet.header_row = rows.size();
    sheet.header_rows.push_back(rows.size());
    bold(column_headers(language));
    const FindingRow* root = nullptr;
    std::size_t follows = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& finding = findings[i];
        const auto row = rows.size();
        root = finding.level == 0 ? &finding : root;
        follows = finding.level == 0 ? 0 : follows + 1;
        const Outcome& o = *finding.finding;
        const std::string cells = shown_cells(finding, language);
        if (!finding.cells.empty()) {
            sheet.links.push_back({row, 3, cells, hyperlink_target(finding.cells)});
        }
        const std::string label =
            finding_label(o).in(language) + (finding.count > 1 ? " ×" + std::to_string(finding.count) : "");
        const bool single = finding.count == 1;
        rows.push_back({o.rule_id, label, shown_tables(finding, language), cells, single ? o.expected : "",
                        single ? o.actual : "", single ? o.difference : "", finding.message.in(language),
                        o.fix.in(language)});
        const auto unit = unit_of(validation.recognition, o.table);
        for (std::size_t col = expected_column; col < expected_column + 3; ++col) {
            if (const auto value = figure(rows[row][col])) {
                sheet.numbers.push_back({row, col, value->first, format_code(value->second, unit)});
            }
        }
        if (finding.level > 0) {
            sheet.outlined_rows.push_back(row);
        }
        if (follows > 0 && (i + 1 == findings.size() || findings[i + 1].level == 0)) {
            // Below the findings that follow from a root, beside the outline's button that folds them.
            const auto n = std::to_string(follows);
            const auto named =
                root->finding->rule_id + (zh ? "（" : " (") + shown_cells(*root, language) + (zh ? "）" : ")");
            sheet.note_rows.push_back(rows.size());
            merged(zh ? "由 " + named + " 引起的 " + n + " 项检查：点左侧 + 展开，- 收起"
                      : n + " findings caused by " + named + ": + on the left opens them, - closes them");
        }
    }
    sheet.table_end = rows.size();
    if (findings.empty()) {
        rows.push_back({no_findings(validation, language)});
    }
    return sheet;
}

}  // namespace bd
