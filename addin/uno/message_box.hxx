// A message box over a document's window, for the menu commands and the save warning.
#pragma once

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace bd::calc {

/// Shows the message with the buttons (awt::MessageBoxButtons) and returns the one chosen
/// (awt::MessageBoxResults). Where no box can be shown, the message goes to standard error and
/// the answer is 0 (CANCEL); a headless office shows none and answers 0 as well.
sal_Int16 show_message_box(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const css::uno::Reference<css::frame::XFrame>& frame, css::awt::MessageBoxType type,
                           sal_Int32 buttons, const rtl::OUString& message);

}  // namespace bd::calc
