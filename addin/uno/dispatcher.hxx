// The menu commands (org.budgetdisclosure.command:…), registered as a protocol handler.
#pragma once

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase4.hxx>

namespace bd::calc {

using rtl::OUString;

inline constexpr char dispatcher_implementation_name[] = "org.budgetdisclosure.comp.Dispatcher";
inline constexpr char command_protocol[] = "org.budgetdisclosure.command:";

inline constexpr char protocol_handler_service_name[] = "com.sun.star.frame.ProtocolHandler";

class Dispatcher final
    : public Service<cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                           css::lang::XInitialization, css::lang::XServiceInfo>,
                     dispatcher_implementation_name, protocol_handler_service_name> {
public:
    using Service::Service;

    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                                      const OUString& targetFrameName,
                                                                      sal_Int32 searchFlags) override;
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override;

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                       const css::util::URL& url) override;

    // XNotifyingDispatch: the command's result is the message it showed ("" for none).
    void SAL_CALL
    dispatchWithNotification(const css::util::URL& url, const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                             const css::uno::Reference<css::frame::XDispatchResultListener>& listener) override;

    // XInitialization
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override;

private:
    void validate_disclosure(const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                             const css::uno::Reference<css::sheet::XSpreadsheetDocument>& prior = {});
    void validate_against_last_year(const css::uno::Sequence<css::beans::PropertyValue>& arguments);
    OUString chosen_file(const css::uno::Sequence<css::beans::PropertyValue>& arguments, const OUString& filter_title,
                         const OUString& patterns) const;
    void clear_marks();
    void import_classification(const css::uno::Sequence<css::beans::PropertyValue>& arguments);
    void export_for_publication(const css::uno::Sequence<css::beans::PropertyValue>& arguments);
    void create_performance_forms();
    css::uno::Reference<css::sheet::XSpreadsheetDocument> spreadsheet() const;
    void show_message(css::awt::MessageBoxType type, const OUString& message);

    css::uno::Reference<css::frame::XFrame> frame_;
    OUString last_message_;
};

}  // namespace bd::calc
