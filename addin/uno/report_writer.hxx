// Writes the report sheet (校验报告): values in one call, then a hyperlink to the cells of each
// finding; a rerun replaces it.
#pragma once

#include "bd/function_specs.hpp"
#include "bd/report.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <vector>

namespace bd::calc {

using rtl::OUString;

/// Replaces the report sheet's content with the report; returns the sheet.
css::uno::Reference<css::sheet::XSpreadsheet> write_report_sheet(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const std::vector<Outcome>& outcomes,
    Language language);

}  // namespace bd::calc
