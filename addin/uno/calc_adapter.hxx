// Reads a workbook into the core's model: each sheet's used area in one bulk call, and which of its
// cells hold formulas in another.
#pragma once

#include "bd/grid.hpp"
#include "progress.hxx"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include <vector>

namespace bd::calc {

using rtl::OUString;

/// Every sheet but the report sheet, each read with read_sheet.
std::vector<Grid> read_workbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                                Progress& progress);

/// Calc's range addresses (of one sheet) as the core's blocks.
std::vector<CellBlock> blocks_of(const css::uno::Sequence<css::table::CellRangeAddress>& ranges);
/// The cells of a range that hold formulas, found in one call (queryContentCells(FORMULA), as Calc's
/// Select › Formula Cells): a few blocks for a whole table's computed columns.
std::vector<CellBlock> formula_blocks(const css::uno::Reference<css::table::XCellRange>& range);

/// The used area of one sheet (from A1): its values with one getDataArray, its formula cells with
/// formula_blocks.
Grid read_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const OUString& name);

}  // namespace bd::calc
