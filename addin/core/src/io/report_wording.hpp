// The wording the report's forms share (private to the report model): the findings' labels and
// columns, the summary line, and how the recognition reads.
#pragma once

#include "bd/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bd::report_wording {

/// "error", "warning", … as the report shows a finding's kind.
const LocalizedText& finding_label(const Outcome& outcome);

/// The columns of a finding in the report sheet and the HTML page.
std::vector<std::string> column_headers(Language language);

/// "462 checks: 458 passed, 1 errors, …" / "共检查 462 项：…".
std::string summary_line(const Summary& s, Language language);

/// The items with the separator between them.
std::string joined(const std::vector<std::string>& items, std::string_view separator);

/// The first line of the recognition block: "识别为：山西省单位预算公开（13张表），找到 13/13 张表", or
/// "未识别为预算公开文件" with the closest set when there is one.
std::string recognition_heading(const Recognition& recognition, Language language);

/// The columns of the recognition's table in the report sheet and the HTML page.
std::vector<std::string> recognition_headers(Language language);

/// A table of the set as the recognition block shows it: id, title, where it was found (or that it
/// was not), the unit it states, and the columns and lines it lacks or the closest titles.
std::vector<std::string> recognition_columns(const RecognizedTable& table, Language language);

/// A table of the set on one line: "T3  预算支出总表  表3!A3:G40  单位：万元  缺少：项目支出".
std::string recognition_line(const RecognizedTable& table, Language language);

/// Why the outcomes say nothing about the workbook, when they do not: the recognition's verdict
/// and, for a recognized set in which no check could run, that. Empty for an understood workbook.
std::vector<std::string> explanation(const Validation& validation, Language language);

/// What the report says when there is no finding: that nothing is wrong only if the workbook was
/// understood.
std::string no_findings(const Validation& validation, Language language);

}  // namespace bd::report_wording
