#include "report_writer.hxx"

#include "uno_util.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSheetOutline.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/TableOrientation.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>
#include <map>

using namespace css;

namespace bd::calc {

namespace {

constexpr sal_Int32 header_shade = 0xD9D9D9;
constexpr sal_Int32 folded_colour = 0x595959;

/// The report sheet, empty: no content, layout, outline or merged cells of an earlier run are left.
/// It is emptied where it is rather than replaced: removing a sheet makes Calc update every formula's
/// references, and the next reading of the workbook recalculates them (a second on the large
/// benchmark workbook).
uno::Reference<sheet::XSpreadsheet> fresh_report_sheet(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const uno::Reference<sheet::XSpreadsheets> sheets = document->getSheets();
    const OUString name = to_ou(report_sheet_name());
    if (!sheets->hasByName(name)) {
        const uno::Reference<container::XIndexAccess> index(sheets, uno::UNO_QUERY_THROW);
        sheets->insertNewByName(name, static_cast<sal_Int16>(index->getCount()));
    }
    const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY_THROW);
    uno::Reference<sheet::XSheetOutline>(sheet, uno::UNO_QUERY_THROW)->clearOutline();
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto used = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    const auto area = sheet->getCellRangeByPosition(0, 0, used.EndColumn, used.EndRow);
    uno::Reference<util::XMergeable>(area, uno::UNO_QUERY_THROW)->merge(false);
    uno::Reference<sheet::XSheetOperation>(area, uno::UNO_QUERY_THROW)
        ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::STRING | sheet::CellFlags::FORMULA |
                        sheet::CellFlags::DATETIME | sheet::CellFlags::HARDATTR | sheet::CellFlags::EDITATTR |
                        sheet::CellFlags::ANNOTATION);
    const uno::Reference<beans::XPropertySet> rows(
        uno::Reference<table::XColumnRowRange>(area, uno::UNO_QUERY_THROW)->getRows(), uno::UNO_QUERY_THROW);
    rows->setPropertyValue("IsVisible", uno::Any(true));
    rows->setPropertyValue("OptimalHeight", uno::Any(true));
    return sheet;
}

uno::Reference<beans::XPropertySet> range_of(const uno::Reference<sheet::XSpreadsheet>& sheet, std::size_t first_col,
                                             std::size_t first_row, std::size_t last_col, std::size_t last_row) {
    return {sheet->getCellRangeByPosition(static_cast<sal_Int32>(first_col), static_cast<sal_Int32>(first_row),
                                          static_cast<sal_Int32>(last_col), static_cast<sal_Int32>(last_row)),
            uno::UNO_QUERY_THROW};
}

/// Writes every row of the report in one call, `width` columns each: texts, and numbers as numbers.
void write_rows(const uno::Reference<sheet::XSpreadsheet>& sheet, const ReportSheet& report, std::size_t width) {
    std::map<std::pair<std::size_t, std::size_t>, double> numbers;
    for (const auto& number : report.numbers) {
        numbers.emplace(std::make_pair(number.row, number.col), number.value);
    }
    uno::Sequence<uno::Sequence<uno::Any>> data(static_cast<sal_Int32>(report.rows.size()));
    auto* lines = data.getArray();
    for (std::size_t r = 0; r < report.rows.size(); ++r) {
        uno::Sequence<uno::Any> line(static_cast<sal_Int32>(width));
        auto* cells = line.getArray();
        for (std::size_t c = 0; c < width; ++c) {
            const auto number = numbers.find({r, c});
            if (number != numbers.end()) {
                cells[c] <<= number->second;
            } else {
                cells[c] <<= (c < report.rows[r].size() ? to_ou(report.rows[r][c]) : OUString());
            }
        }
        lines[r] = line;
    }
    uno::Reference<sheet::XCellRangeData>(range_of(sheet, 0, 0, width - 1, report.rows.size() - 1),
                                          uno::UNO_QUERY_THROW)
        ->setDataArray(data);
}

/// The cells as one range list, to style them in one call.
uno::Reference<beans::XPropertySet> cells_of(const uno::Reference<lang::XMultiServiceFactory>& factory,
                                             const uno::Reference<sheet::XSpreadsheet>& sheet,
                                             const std::vector<std::pair<std::size_t, std::size_t>>& cells,
                                             std::size_t width = 1) {
    const uno::Reference<sheet::XSheetCellRangeContainer> ranges(
        factory->createInstance("com.sun.star.sheet.SheetCellRanges"), uno::UNO_QUERY_THROW);
    for (const auto& [row, col] : cells) {
        ranges->addRangeAddress(uno::Reference<sheet::XCellRangeAddressable>(
                                    range_of(sheet, col, row, col + width - 1, row), uno::UNO_QUERY_THROW)
                                    ->getRangeAddress(),
                                false);
    }
    return {ranges, uno::UNO_QUERY_THROW};
}

/// The number formats of the report's numbers (0.00" 万元" …), each applied in one call.
void format_numbers(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                    const uno::Reference<sheet::XSpreadsheet>& sheet, const ReportSheet& report) {
    std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> by_format;
    for (const auto& number : report.numbers) {
        by_format[number.format].emplace_back(number.row, number.col);
    }
    const uno::Reference<util::XNumberFormats> formats =
        uno::Reference<util::XNumberFormatsSupplier>(document, uno::UNO_QUERY_THROW)->getNumberFormats();
    const lang::Locale locale("en", "US", "");  // the format codes' decimal point
    const uno::Reference<lang::XMultiServiceFactory> factory(document, uno::UNO_QUERY_THROW);
    for (const auto& [code, cells] : by_format) {
        sal_Int32 key = formats->queryKey(to_ou(code), locale, false);
        if (key < 0) {
            key = formats->addNew(to_ou(code), locale);
        }
        cells_of(factory, sheet, cells)->setPropertyValue("NumberFormat", uno::Any(key));
    }
}

/// Fixed column widths, the findings wrapped and aligned at the top, the instruction and
/// explanations across the table's width, bold headers (Western, Asian and complex fonts alike)
/// on a shade, figures shrunk to fit, the folded rows (follow-on findings under their root, the
/// tables' lines) greyed and grouped one outline level down, collapsed, their notes greyed.
void lay_out(const uno::Reference<sheet::XSpreadsheetDocument>& document,
             const uno::Reference<sheet::XSpreadsheet>& sheet, const ReportSheet& report, std::size_t width) {
    const uno::Reference<container::XIndexAccess> columns(
        uno::Reference<table::XColumnRowRange>(sheet, uno::UNO_QUERY_THROW)->getColumns(), uno::UNO_QUERY_THROW);
    for (std::size_t c = 0; c < report.column_widths.size(); ++c) {
        uno::Reference<beans::XPropertySet>(columns->getByIndex(static_cast<sal_Int32>(c)), uno::UNO_QUERY_THROW)
            ->setPropertyValue("Width", uno::Any(static_cast<sal_Int32>(report.column_widths[c])));
    }
    const auto last_col = width - 1;
    for (const auto row : report.merged_rows) {
        uno::Reference<util::XMergeable>(range_of(sheet, 0, row, last_col, row), uno::UNO_QUERY_THROW)->merge(true);
    }
    const uno::Reference<lang::XMultiServiceFactory> factory(document, uno::UNO_QUERY_THROW);
    std::vector<std::pair<std::size_t, std::size_t>> wrapped;
    for (auto row = report.header_row; row < report.table_end; ++row) {
        wrapped.emplace_back(row, 0);
    }
    for (const auto row : report.merged_rows) {
        wrapped.emplace_back(row, 0);
    }
    const auto wrap = cells_of(factory, sheet, wrapped, width);
    wrap->setPropertyValue("VertJustify", uno::Any(table::CellVertJustify2::TOP));
    wrap->setPropertyValue("IsTextWrapped", uno::Any(true));  // last: Calc fits the rows' heights to it
    if (!report.numbers.empty()) {  // a long figure (in 元) is shown smaller rather than as ###
        std::vector<std::pair<std::size_t, std::size_t>> numbers;
        for (const auto& number : report.numbers) {
            numbers.emplace_back(number.row, number.col);
        }
        cells_of(factory, sheet, numbers)->setPropertyValue("ShrinkToFit", uno::Any(true));
    }

    std::vector<std::pair<std::size_t, std::size_t>> bold;
    for (const auto row : report.bold_rows) {
        bold.emplace_back(row, 0);
    }
    const auto bold_cells = cells_of(factory, sheet, bold, width);
    for (const char* weight : {"CharWeight", "CharWeightAsian", "CharWeightComplex"}) {
        bold_cells->setPropertyValue(OUString::createFromAscii(weight), uno::Any(awt::FontWeight::BOLD));
    }
    for (const auto row : report.header_rows) {
        const auto used = std::max<std::size_t>(report.rows[row].size(), 1);
        range_of(sheet, 0, row, used - 1, row)->setPropertyValue("CellBackColor", uno::Any(header_shade));
    }
    if (report.outlined_rows.empty()) {
        return;
    }
    std::vector<std::pair<std::size_t, std::size_t>> folded;
    for (const auto* rows : {&report.outlined_rows, &report.note_rows}) {
        for (const auto row : *rows) {
            folded.emplace_back(row, 0);
        }
    }
    cells_of(factory, sheet, folded, width)->setPropertyValue("CharColor", uno::Any(folded_colour));
    const uno::Reference<sheet::XSheetOutline> outline(sheet, uno::UNO_QUERY_THROW);
    const auto sheet_index =
        uno::Reference<sheet::XCellRangeAddressable>(sheet, uno::UNO_QUERY_THROW)->getRangeAddress().Sheet;
    for (std::size_t i = 0; i < report.outlined_rows.size();) {
        auto end = i;  // the run of rows under one root
        while (end + 1 < report.outlined_rows.size() &&
               report.outlined_rows[end + 1] == report.outlined_rows[end] + 1) {
            ++end;
        }
        const table::CellRangeAddress rows{sheet_index, 0, static_cast<sal_Int32>(report.outlined_rows[i]), 0,
                                           static_cast<sal_Int32>(report.outlined_rows[end])};
        outline->group(rows, table::TableOrientation_ROWS);
        outline->hideDetail(rows);
        i = end + 1;
    }
}

/// Turns a cell of the report into a hyperlink to a finding's cells: a URL field whose target is
/// "#" and a range in the document. Following it (Ctrl+click) runs Calc's jump to a mark, which
/// reads one range or cell (not a range list) and selects it: hence the covering range of the
/// cells on the first sheet (bd::hyperlink_target).
void set_hyperlink(const uno::Reference<lang::XMultiServiceFactory>& factory,
                   const uno::Reference<sheet::XSpreadsheet>& sheet, const ReportSheet::Link& link) {
    const uno::Reference<text::XText> text(
        sheet->getCellByPosition(static_cast<sal_Int32>(link.col), static_cast<sal_Int32>(link.row)),
        uno::UNO_QUERY_THROW);
    const uno::Reference<text::XTextContent> field(factory->createInstance("com.sun.star.text.TextField.URL"),
                                                   uno::UNO_QUERY_THROW);
    const uno::Reference<beans::XPropertySet> properties(field, uno::UNO_QUERY_THROW);
    properties->setPropertyValue("URL", uno::Any(to_ou(link.target)));
    properties->setPropertyValue("Representation", uno::Any(to_ou(link.text)));
    text->setString(OUString());
    // Calc inserts a field only at a cursor of the cell's own text.
    text->insertTextContent(uno::Reference<text::XTextRange>(text->createTextCursor(), uno::UNO_QUERY_THROW), field,
                            false);
}

}  // namespace

uno::Reference<sheet::XSpreadsheet> write_report(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                 const Validation& validation, Language language, Progress& progress) {
    clear_validation_marks(document);
    auto sheet = write_report_sheet(document, validation, language, progress);
    write_validation_marks(document, validation, language, progress);
    return sheet;
}

uno::Reference<sheet::XSpreadsheet> write_report_sheet(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                       const Validation& validation, Language language,
                                                       Progress& progress) {
    progress.stage({"Writing the report…", "正在写校验报告…"}, 45, 70);
    const ReportSheet report = report_sheet(validation, language);
    std::size_t width = report.column_widths.size();
    for (const auto& row : report.rows) {
        width = std::max(width, row.size());
    }
    const auto sheet = fresh_report_sheet(document);
    write_rows(sheet, report, width);
    format_numbers(document, sheet, report);
    lay_out(document, sheet, report, width);
    // Then the cells of each finding become a link to them (the only cell-by-cell writes).
    const uno::Reference<lang::XMultiServiceFactory> factory(document, uno::UNO_QUERY_THROW);
    for (std::size_t i = 0; i < report.links.size(); ++i) {
        set_hyperlink(factory, sheet, report.links[i]);
        progress.advance(i + 1, report.links.size());
    }
    return sheet;
}

}  // namespace bd::calc
