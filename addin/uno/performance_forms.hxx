// 生成绩效目标申报表 (Create Performance Forms) in Calc: reads the workbook, lets the core decide
// (bd/performance_forms.hpp) and carries the plan out as one undo step: names fixed as text, new
// forms copied from the first one with their inputs cleared, each on a page of its own.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace bd::calc {

using rtl::OUString;

/// Gives every project of table 12 its performance form; returns what it did, for the user.
/// Throws IllegalArgumentException saying why when the workbook has no table 12 or no forms.
OUString create_performance_forms(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace bd::calc
