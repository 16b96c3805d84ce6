#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace bd::calc {

using rtl::OUString;

/// A spreadsheet file opened in no window for the duration of a command, and closed again however
/// the command ends. Read-only unless it is our own copy to change.
class HiddenDocument {
public:
    enum class Access { ReadOnly, Writable };

    /// Throws IllegalArgumentException saying why when the file cannot be opened or is not a
    /// spreadsheet. `arguments` are added to the load arguments (a filter and its options).
    HiddenDocument(const css::uno::Reference<css::uno::XComponentContext>& context, const OUString& url,
                   Access access = Access::ReadOnly,
                   const css::uno::Sequence<css::beans::PropertyValue>& arguments = {});
    ~HiddenDocument();
    HiddenDocument(const HiddenDocument&) = delete;
    HiddenDocument& operator=(const HiddenDocument&) = delete;

    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& spreadsheet() const { return spreadsheet_; }

private:
    css::uno::Reference<css::lang::XComponent> component_;
    css::uno::Reference<css::sheet::XSpreadsheetDocument> spreadsheet_;
};

}  // namespace bd::calc
