#include "report_writer.hxx"

#include "uno_util.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

#include <algorithm>

using namespace css;

namespace bd::calc {

namespace {

uno::Reference<sheet::XSpreadsheet> fresh_report_sheet(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const uno::Reference<sheet::XSpreadsheets> sheets = document->getSheets();
    const OUString name = to_ou(report_sheet_name());
    if (!sheets->hasByName(name)) {
        const uno::Reference<container::XIndexAccess> index(sheets, uno::UNO_QUERY_THROW);
        sheets->insertNewByName(name, static_cast<sal_Int16>(index->getCount()));
    }
    const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XSheetOperation> all(sheet->getCellRangeByPosition(0, 0, 1023, 1048575),
                                                     uno::UNO_QUERY_THROW);
    all->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::STRING | sheet::CellFlags::FORMULA |
                       sheet::CellFlags::DATETIME | sheet::CellFlags::HARDATTR | sheet::CellFlags::ANNOTATION);
    return sheet;
}

}  // namespace

uno::Reference<sheet::XSpreadsheet> write_report_sheet(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                       const std::vector<Outcome>& outcomes, Language language) {
    const auto rows = report_sheet_rows(outcomes, language);
    std::size_t width = 0;
    for (const auto& row : rows) {
        width = std::max(width, row.size());
    }
    uno::Sequence<uno::Sequence<uno::Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        uno::Sequence<uno::Any> line(static_cast<sal_Int32>(width));
        for (std::size_t c = 0; c < width; ++c) {
            line[static_cast<sal_Int32>(c)] <<= (c < rows[r].size() ? to_ou(rows[r][c]) : OUString());
        }
        data[static_cast<sal_Int32>(r)] = line;
    }
    const auto sheet = fresh_report_sheet(document);
    const auto last_col = static_cast<sal_Int32>(width) - 1;
    const auto last_row = static_cast<sal_Int32>(rows.size()) - 1;
    uno::Reference<sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, last_col, last_row), uno::UNO_QUERY_THROW)
        ->setDataArray(data);

    // Title and column header in bold; columns as wide as their content.
    for (const sal_Int32 row : {sal_Int32{0}, sal_Int32{3}}) {
        uno::Reference<beans::XPropertySet>(sheet->getCellRangeByPosition(0, row, last_col, row), uno::UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
    }
    const uno::Reference<table::XColumnRowRange> columns(sheet->getCellRangeByPosition(0, 3, last_col, last_row),
                                                         uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet>(columns->getColumns(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("OptimalWidth", uno::Any(true));
    return sheet;
}

}  // namespace bd::calc
