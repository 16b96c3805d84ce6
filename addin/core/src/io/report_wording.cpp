#include "report_wording.hpp"

#include <algorithm>
#include <sstream>

namespace bd::report_wording {

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

}  // namespace bd::report_wording
