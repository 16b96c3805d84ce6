// The command 预算公开 › 整理科目行 (org.budgetdisclosure.command:ArrangeCodedRows): every coded
// table of the document arranged as bd/arrange.hpp plans it, in one undo step.
#pragma once

#include "bd/ustring.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace bd::calc {

/// Arranges the coded rows of every table the document is recognized to hold; returns what was
/// done, for the user (in the interface's language).
rtl::OUString arrange_coded_rows(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace bd::calc
