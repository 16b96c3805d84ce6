// The report in the document: the report sheet (校验报告; values and numbers in one call, then its
// layout, a hyperlink to the cause of each group of findings, the follow-on findings as collapsed
// outline groups) and marks at the cells that cause findings. A rerun replaces both.
//
// A mark is a comment (annotation) whose text starts with bd::mark_prefix(), so it changes no
// cell's value, formula or style and is found again by its prefix. A cell that already holds a
// user's comment keeps it: our text is appended as paragraphs that begin with the prefix, and
// clearing removes exactly those paragraphs (from the prefix to the comment's end).
#pragma once

#include "bd/function_specs.hpp"
#include "bd/report.hpp"
#include "progress.hxx"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace bd::calc {

using rtl::OUString;

/// Replaces the report sheet's content with the report (what was recognized, the counts, then the
/// findings by cause); returns the sheet.
css::uno::Reference<css::sheet::XSpreadsheet> write_report_sheet(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const Validation& validation,
    Language language, Progress& progress);

/// Removes our marks from every sheet; users' own comments stay as they were. Returns the number
/// of cells that had a mark.
int clear_validation_marks(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// Marks the cells that cause the findings (after clear_validation_marks: marks are not merged).
void write_validation_marks(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                            const Validation& validation, Language language, Progress& progress);

/// What Validate Disclosure writes: the old marks removed, the report sheet, the new marks.
css::uno::Reference<css::sheet::XSpreadsheet> write_report(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const Validation& validation,
    Language language, Progress& progress);

}  // namespace bd::calc
