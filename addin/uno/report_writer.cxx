#include "report_writer.hxx"

#include "uno_util.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>

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

/// Writes rows [first, last) of the report in one call, `width` columns each.
void write_rows(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::vector<std::vector<std::string>>& rows,
                std::size_t first, std::size_t last, std::size_t width) {
    if (first >= last) {
        return;
    }
    uno::Sequence<uno::Sequence<uno::Any>> data(static_cast<sal_Int32>(last - first));
    auto* lines = data.getArray();
    for (std::size_t r = first; r < last; ++r) {
        uno::Sequence<uno::Any> line(static_cast<sal_Int32>(width));
        auto* cells = line.getArray();
        for (std::size_t c = 0; c < width; ++c) {
            cells[c] <<= (c < rows[r].size() ? to_ou(rows[r][c]) : OUString());
        }
        lines[r - first] = line;
    }
    uno::Reference<sheet::XCellRangeData>(
        sheet->getCellRangeByPosition(0, static_cast<sal_Int32>(first), static_cast<sal_Int32>(width) - 1,
                                      static_cast<sal_Int32>(last) - 1),
        uno::UNO_QUERY_THROW)
        ->setDataArray(data);
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

/// Where our text starts in a comment: 0 for a comment of ours, the position of the paragraph
/// break before our paragraphs in a user's comment we appended to; -1 for no mark.
sal_Int32 mark_start(const OUString& comment) {
    const OUString prefix = to_ou(mark_prefix());
    if (comment.startsWith(prefix)) {
        return 0;
    }
    return comment.indexOf("\n" + prefix);
}

/// Removes our text from a user's comment: from `start` (a paragraph break) to the end.
void cut_mark(const uno::Reference<text::XSimpleText>& text, sal_Int32 start) {
    const uno::Reference<text::XTextCursor> cursor = text->createTextCursor();
    cursor->gotoStart(false);
    for (sal_Int32 left = start; left > 0;) {  // goRight moves at most 32767 characters
        const auto step = static_cast<sal_Int16>(std::min<sal_Int32>(left, SAL_MAX_INT16));
        cursor->goRight(step, false);
        left -= step;
    }
    cursor->gotoEnd(true);
    cursor->setString(OUString());
}

}  // namespace

int clear_validation_marks(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    int cleared = 0;
    const uno::Reference<container::XIndexAccess> sheets(document->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        const uno::Reference<sheet::XSheetAnnotations> annotations =
            uno::Reference<sheet::XSheetAnnotationsSupplier>(sheets->getByIndex(s), uno::UNO_QUERY_THROW)
                ->getAnnotations();
        const uno::Reference<container::XIndexAccess> all(annotations, uno::UNO_QUERY_THROW);
        for (sal_Int32 i = all->getCount() - 1; i >= 0; --i) {
            const uno::Reference<text::XSimpleText> text(all->getByIndex(i), uno::UNO_QUERY_THROW);
            const sal_Int32 start = mark_start(text->getString());
            if (start == 0) {
                annotations->removeByIndex(i);
            } else if (start > 0) {
                cut_mark(text, start);
            }
            cleared += start >= 0 ? 1 : 0;
        }
    }
    return cleared;
}

void write_validation_marks(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                            const std::vector<Outcome>& outcomes, Language language) {
    const uno::Reference<sheet::XSpreadsheets> sheets = document->getSheets();
    for (const CellMark& mark : cell_marks(outcomes, language)) {
        const OUString name = to_ou(mark.cell.sheet);
        if (!sheets->hasByName(name)) {
            continue;  // renamed or removed since it was read
        }
        const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY_THROW);
        const uno::Reference<table::XCell> cell =
            sheet->getCellByPosition(static_cast<sal_Int32>(mark.cell.col), static_cast<sal_Int32>(mark.cell.row));
        const uno::Reference<text::XSimpleText> comment(
            uno::Reference<sheet::XSheetAnnotationAnchor>(cell, uno::UNO_QUERY_THROW)->getAnnotation(),
            uno::UNO_QUERY_THROW);
        if (comment->getString().isEmpty()) {  // no comment yet: one of ours
            uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)
                ->getAnnotations()
                ->insertNew(uno::Reference<sheet::XCellAddressable>(cell, uno::UNO_QUERY_THROW)->getCellAddress(),
                            to_ou(mark.text));
        } else {  // a user's comment: ours after it, in paragraphs of their own
            const uno::Reference<text::XTextCursor> cursor = comment->createTextCursor();
            cursor->gotoEnd(false);
            const uno::Reference<text::XTextRange> end(cursor, uno::UNO_QUERY_THROW);
            comment->insertControlCharacter(end, text::ControlCharacter::PARAGRAPH_BREAK, false);
            comment->insertString(end, to_ou(mark.text), false);
        }
    }
}

uno::Reference<sheet::XSpreadsheet> write_report(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                 const Validation& validation, Language language) {
    clear_validation_marks(document);
    auto sheet = write_report_sheet(document, validation, language);
    write_validation_marks(document, validation.outcomes, language);
    return sheet;
}

uno::Reference<sheet::XSpreadsheet> write_report_sheet(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                       const Validation& validation, Language language) {
    const ReportSheet report = report_sheet(validation, language);
    const auto& rows = report.rows;
    std::size_t width = 0;
    for (const auto& row : rows) {
        width = std::max(width, row.size());
    }
    const auto sheet = fresh_report_sheet(document);
    const auto last_col = static_cast<sal_Int32>(width) - 1;
    // The findings' table first, its columns as wide as it needs. Calc's optimal width looks at the
    // whole column, so the lines above and below the table (a text in the first column each, which
    // runs on over the empty cells to its right) are written after.
    write_rows(sheet, rows, report.header_row, report.table_end, width);
    const uno::Reference<table::XColumnRowRange> columns(
        sheet->getCellRangeByPosition(0, static_cast<sal_Int32>(report.header_row), last_col,
                                      static_cast<sal_Int32>(report.table_end) - 1),
        uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet>(columns->getColumns(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("OptimalWidth", uno::Any(true));
    write_rows(sheet, rows, 0, report.header_row, width);
    write_rows(sheet, rows, report.table_end, rows.size(), width);

    // Then the cells of each finding become a link to them (the only cell-by-cell writes).
    const uno::Reference<lang::XMultiServiceFactory> factory(document, uno::UNO_QUERY_THROW);
    for (const auto& link : report.links) {
        set_hyperlink(factory, sheet, link);
    }
    // The title, the recognition's heading and the column header in bold.
    for (const std::size_t bold : report.bold_rows) {
        const auto row = static_cast<sal_Int32>(bold);
        uno::Reference<beans::XPropertySet>(sheet->getCellRangeByPosition(0, row, last_col, row), uno::UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
    }
    return sheet;
}

}  // namespace bd::calc
