// The warning before a workbook with our formulas goes out in an Excel format: a job that
// registry/Jobs.xcu binds to the document events OnSave, OnSaveDone and OnSaveAsDone.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase2.hxx>

namespace bd::calc {

inline constexpr char save_warning_service_name[] = "org.budgetdisclosure.SaveWarning";
inline constexpr char save_warning_implementation_name[] = "org.budgetdisclosure.comp.SaveWarning";

/// Once per document and session, when a workbook that calls our functions is saved in place in an
/// Excel format (OnSave: the filter is known before the save) or has just been saved as one
/// (OnSaveAsDone: during OnSaveAs the office still reports the old file and filter), says what
/// recipients without the extension will see and offers the values-only copy; Yes runs Export for
/// Publication once the save is over (during it the document cannot be stored elsewhere). Each
/// decision is written to standard error as a line "budgetdisclosure: save warning at EVENT: FILE: yes|no".
/// A failure never reaches the save: it is written to standard error too.
class SaveWarning final : public Service<cppu::WeakImplHelper2<css::task::XJob, css::lang::XServiceInfo>,
                                         save_warning_implementation_name, save_warning_service_name> {
public:
    using Service::Service;

    css::uno::Any SAL_CALL execute(const css::uno::Sequence<css::beans::NamedValue>& arguments) override;

private:
    void on_event(const rtl::OUString& event, const css::uno::Reference<css::frame::XModel>& model);
};

}  // namespace bd::calc
