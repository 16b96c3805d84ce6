// Import of an official classification table through Calc's own file filters (.ods, .xlsx, .csv).
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase2.hxx>
#include <org/budgetdisclosure/XClassificationImport.hpp>

#include <string>

namespace bd::calc {

using rtl::OUString;

inline constexpr char import_service_name[] = "org.budgetdisclosure.ClassificationImport";
inline constexpr char import_implementation_name[] = "org.budgetdisclosure.comp.ClassificationImport";

/// Imports the table in `file_url` as the edition of `year`: a summary, or an
/// IllegalArgumentException listing the first problems (nothing changed then).
OUString import_classification(const css::uno::Reference<css::uno::XComponentContext>& context,
                               const OUString& file_url, sal_Int32 year);

class ClassificationImport final
    : public Service<cppu::WeakImplHelper2<org::budgetdisclosure::XClassificationImport, css::lang::XServiceInfo>,
                     import_implementation_name, import_service_name> {
public:
    using Service::Service;

    OUString SAL_CALL importEdition(const OUString& fileUrl, sal_Int32 year) override;
    css::uno::Sequence<sal_Int32> SAL_CALL importedYears() override;
};

}  // namespace bd::calc
