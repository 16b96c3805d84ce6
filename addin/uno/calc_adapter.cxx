#include "calc_adapter.hxx"

#include "bd/report.hpp"
#include "uno_util.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCellRange.hpp>

using namespace css;

namespace bd::calc {

std::vector<CellBlock> blocks_of(const uno::Sequence<table::CellRangeAddress>& ranges) {
    std::vector<CellBlock> blocks;
    for (const auto& found : ranges) {
        blocks.push_back({static_cast<std::size_t>(found.StartRow), static_cast<std::size_t>(found.StartColumn),
                          static_cast<std::size_t>(found.EndRow), static_cast<std::size_t>(found.EndColumn)});
    }
    return blocks;
}

std::vector<CellBlock> formula_blocks(const uno::Reference<table::XCellRange>& range) {
    return blocks_of(uno::Reference<sheet::XCellRangesQuery>(range, uno::UNO_QUERY_THROW)
                         ->queryContentCells(sheet::CellFlags::FORMULA)
                         ->getRangeAddresses());
}

Grid read_sheet(const uno::Reference<sheet::XSpreadsheet>& sheet, const OUString& name) {
    Grid grid;
    grid.name = to_utf8(name);
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoEndOfUsedArea(false);
    const auto end = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    const uno::Reference<table::XCellRange> area = sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    const uno::Sequence<uno::Sequence<uno::Any>> rows =
        uno::Reference<sheet::XCellRangeData>(area, uno::UNO_QUERY_THROW)->getDataArray();
    grid.rows = static_cast<std::size_t>(rows.getLength());
    grid.cols = static_cast<std::size_t>(end.EndColumn) + 1;
    grid.cells.reserve(grid.rows * grid.cols);
    for (const auto& row : rows) {
        for (const auto& value : row) {
            // getDataArray gives "" for an empty cell and nothing (void) for an error cell.
            grid.cells.push_back(cell_from_any(value, CellValue::Kind::Error));
        }
    }
    mark_formulas(grid, formula_blocks(area));
    return grid;
}

std::vector<Grid> read_workbook(const uno::Reference<sheet::XSpreadsheetDocument>& document, Progress& progress) {
    std::vector<Grid> grids;
    const uno::Reference<container::XIndexAccess> sheets(document->getSheets(), uno::UNO_QUERY_THROW);
    const OUString report_name = to_ou(report_sheet_name());
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        progress.advance(static_cast<std::size_t>(i), static_cast<std::size_t>(sheets->getCount()));
        const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), uno::UNO_QUERY_THROW);
        const OUString name = uno::Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->getName();
        if (name != report_name) {
            grids.push_back(read_sheet(sheet, name));
        }
    }
    return grids;
}

}  // namespace bd::calc
