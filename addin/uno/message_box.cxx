#include "message_box.hxx"

#include "bd/ustring.hpp"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>

#include <iostream>

using namespace css;

namespace bd::calc {

sal_Int16 show_message_box(const uno::Reference<uno::XComponentContext>& context,
                           const uno::Reference<frame::XFrame>& frame, awt::MessageBoxType type, sal_Int32 buttons,
                           const rtl::OUString& message) {
    try {
        const uno::Reference<awt::XWindowPeer> parent(frame.is() ? frame->getContainerWindow() : nullptr,
                                                      uno::UNO_QUERY_THROW);
        const uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context), uno::UNO_QUERY_THROW);
        return factory->createMessageBox(parent, type, buttons, to_ou("预算公开助手 Budget Disclosure"), message)
            ->execute();
    } catch (...) {
        std::cerr << "budgetdisclosure: " << to_utf8(message) << std::endl;
        return 0;
    }
}

}  // namespace bd::calc
