// What the menu command leaves in a document, read back for the tests: the report sheet's rows
// and links, the marks (comments) on a sheet, the user's sheets before and after.
#pragma once

#include "bd/report.hpp"
#include "harness.hpp"

#include <map>
#include <string>
#include <vector>

namespace bd::test {

inline constexpr char validate_url[] = "org.budgetdisclosure.command:ValidateDisclosure";
inline const std::string report_sheet(report_sheet_name());

/// Every sheet but the report sheet, as snapshot() gives it, by name.
std::map<std::string, std::string> snapshots_of_user_sheets(const Document& doc);

/// The report's rows A1:I80 as texts; its numbers (expected, actual, difference, counts) with two
/// decimals, as the engine writes figures in 万元.
std::vector<std::vector<std::string>> report_rows(const Document& doc);

/// The row (zero-based) of the findings' column header.
std::size_t header_row_of(const std::vector<std::vector<std::string>>& rows);

/// The row of the report (zero-based) whose rule and cells columns are these; -1 if none.
int report_row_of(const Document& doc, const std::string& rule, const std::string& cells);

/// The URLs of the hyperlinks (URL fields) in a cell.
std::vector<std::string> hyperlinks_in(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, int col, int row);

/// The comments of a sheet by cell address ("C10" → text).
std::map<std::string, std::string> comments_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

/// Whether a comment is one of our marks.
bool is_mark(const std::string& comment);

}  // namespace bd::test
