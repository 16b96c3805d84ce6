// The marks at the cells that cause findings (report_writer.hxx): comments starting with
// bd::mark_prefix(), added after a user's own comment and removed from it again.
#include "report_writer.hxx"

#include "uno_util.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>

#include <algorithm>

using namespace css;

namespace bd::calc {

namespace {

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

void write_validation_marks(const uno::Reference<sheet::XSpreadsheetDocument>& document, const Validation& validation,
                            Language language, Progress& progress) {
    progress.stage({"Marking the cells…", "正在标记单元格…"}, 70, 100);
    const uno::Reference<sheet::XSpreadsheets> sheets = document->getSheets();
    const auto marks = cell_marks(validation, language);
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const CellMark& mark = marks[i];
        progress.advance(i, marks.size());
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
    progress.advance(1, 1);
}

}  // namespace bd::calc
