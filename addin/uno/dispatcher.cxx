#include "dispatcher.hxx"

#include "bd/report.hpp"
#include "uno_util.hxx"
#include "validator.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <iostream>

using namespace css;

namespace bd::calc {

namespace {

constexpr char validate_command[] = "ValidateDisclosure";

}  // namespace

uno::Reference<frame::XDispatch> Dispatcher::queryDispatch(const util::URL& url, const OUString&, sal_Int32) {
    if (url.Protocol == command_protocol && url.Path == validate_command) {
        return this;
    }
    return {};
}

uno::Sequence<uno::Reference<frame::XDispatch>> Dispatcher::queryDispatches(
    const uno::Sequence<frame::DispatchDescriptor>& requests) {
    uno::Sequence<uno::Reference<frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i) {
        result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    }
    return result;
}

void Dispatcher::dispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>&) {
    // Nothing may escape into Calc: every failure becomes a message to the user.
    try {
        if (url.Path == validate_command) {
            validate_disclosure();
        }
    } catch (...) {
        const bool zh = ui_language(context_) == Language::Chinese;
        show_error(to_ou((zh ? "校验未能完成：" : "Validation could not run: ") + describe_current_exception()));
    }
}

void Dispatcher::validate_disclosure() {
    if (!frame_.is()) {
        return;
    }
    const uno::Reference<frame::XController> controller = frame_->getController();
    const uno::Reference<sheet::XSpreadsheetDocument> document(controller.is() ? controller->getModel() : nullptr,
                                                               uno::UNO_QUERY);
    if (!document.is()) {
        return;  // the menu is only offered for spreadsheets
    }
    validate_and_report(context_, document);
    const uno::Reference<sheet::XSpreadsheetView> view(controller, uno::UNO_QUERY);
    if (view.is()) {
        view->setActiveSheet(uno::Reference<sheet::XSpreadsheet>(
            document->getSheets()->getByName(to_ou(report_sheet_name())), uno::UNO_QUERY));
    }
}

void Dispatcher::show_error(const OUString& message) {
    try {
        const uno::Reference<awt::XWindowPeer> parent(frame_.is() ? frame_->getContainerWindow() : nullptr,
                                                      uno::UNO_QUERY_THROW);
        const uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context_), uno::UNO_QUERY_THROW);
        factory
            ->createMessageBox(parent, awt::MessageBoxType_ERRORBOX, awt::MessageBoxButtons::BUTTONS_OK,
                               "预算公开助手 Budget Disclosure", message)
            ->execute();
    } catch (...) {
        std::cerr << "budgetdisclosure: " << to_utf8(message) << std::endl;
    }
}

void Dispatcher::addStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) {}

void Dispatcher::removeStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) {}

void Dispatcher::initialize(const uno::Sequence<uno::Any>& arguments) {
    if (arguments.getLength() > 0) {
        arguments[0] >>= frame_;
    }
}

OUString Dispatcher::getImplementationName() {
    return dispatcher_implementation_name;
}

sal_Bool Dispatcher::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

uno::Sequence<OUString> Dispatcher::getSupportedServiceNames() {
    uno::Sequence<OUString> names(1);
    names[0] = "com.sun.star.frame.ProtocolHandler";
    return names;
}

}  // namespace bd::calc
