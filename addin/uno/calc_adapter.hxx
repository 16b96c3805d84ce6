// Reads a workbook into the core's model: each sheet's used area in one bulk call.
#pragma once

#include "bd/grid.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <vector>

namespace bd::calc {

using rtl::OUString;

/// Every sheet but the report sheet, each read with one getDataArray.
std::vector<Grid> read_workbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// The used area of one sheet (from A1), read with one getDataArray.
Grid read_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const OUString& name);

}  // namespace bd::calc
