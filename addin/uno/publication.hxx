// Export for publication: a values-only copy (readable without the extension, also as .xlsx) and its PDF.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase2.hxx>
#include <org/budgetdisclosure/XPublisher.hpp>

namespace bd::calc {

using rtl::OUString;

inline constexpr char publisher_service_name[] = "org.budgetdisclosure.Publisher";
inline constexpr char publisher_implementation_name[] = "org.budgetdisclosure.comp.Publisher";

/// Writes DIRECTORY/STEM-公开.ods (values only, without the report sheet), DIRECTORY/STEM-公开.pdf and
/// DIRECTORY/STEM-公开.xlsx (the same values); returns their URLs. The document is not changed.
css::uno::Sequence<OUString> export_for_publication(
    const css::uno::Reference<css::uno::XComponentContext>& context,
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& directory_url,
    const OUString& stem);

class Publisher final
    : public Service<cppu::WeakImplHelper2<org::budgetdisclosure::XPublisher, css::lang::XServiceInfo>,
                     publisher_implementation_name, publisher_service_name> {
public:
    using Service::Service;

    css::uno::Sequence<OUString> SAL_CALL
    exportForPublication(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                         const OUString& directoryUrl, const OUString& stem) override;
};

}  // namespace bd::calc
