// Constructors of the component's implementations (passive registration: see
// registry/budgetdisclosure.components).
#include "classification_import.hxx"
#include "dispatcher.hxx"
#include "functions.hxx"
#include "publication.hxx"
#include "save_warning.hxx"
#include "validator.hxx"

#include <sal/types.h>

using namespace css;

namespace {

template <typename Implementation>
uno::XInterface* acquired(Implementation* object) {
    object->acquire();
    return static_cast<cppu::OWeakObject*>(object);
}

}  // namespace

extern "C" {

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_Functions_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::Functions(context));
}

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_Validator_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::Validator(context));
}

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_ClassificationImport_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::ClassificationImport(context));
}

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_Publisher_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::Publisher(context));
}

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_Dispatcher_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::Dispatcher(context));
}

SAL_DLLPUBLIC_EXPORT uno::XInterface* org_budgetdisclosure_comp_SaveWarning_get_implementation(
    uno::XComponentContext* context, const uno::Sequence<uno::Any>&) {
    return acquired(new bd::calc::SaveWarning(context));
}
}
