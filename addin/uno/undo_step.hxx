// A command that changes a document as one step of Edit › Undo: every change made while an
// UndoStep lives is undone at once (XUndoManager's undo context).
#pragma once

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <rtl/ustring.hxx>

namespace bd::calc {

class UndoStep {
public:
    UndoStep(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const rtl::OUString& title)
        : manager_(css::uno::Reference<css::document::XUndoManagerSupplier>(document, css::uno::UNO_QUERY_THROW)
                       ->getUndoManager()) {
        manager_->enterUndoContext(title);
    }
    ~UndoStep() {
        try {
            manager_->leaveUndoContext();
        } catch (...) {  // NOLINT(bugprone-empty-catch): the document went away; a destructor must not throw
        }
    }
    UndoStep(const UndoStep&) = delete;
    UndoStep& operator=(const UndoStep&) = delete;

private:
    css::uno::Reference<css::document::XUndoManager> manager_;
};

}  // namespace bd::calc
