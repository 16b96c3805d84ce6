// The add-in: Calc's entry to the cell functions. Each method converts its arguments,
// calls the core and maps the core's errors to Calc error values.
#pragma once

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase4.hxx>
#include <org/budgetdisclosure/XFunctions.hpp>

namespace bd::calc {

using rtl::OUString;

/// The service name Calc writes into every saved formula (ORG.BUDGETDISCLOSURE.FUNCTIONS.SHARE).
inline constexpr char functions_service_name[] = "org.budgetdisclosure.Functions";
inline constexpr char functions_implementation_name[] = "org.budgetdisclosure.comp.Functions";

inline constexpr char addin_service_name[] = "com.sun.star.sheet.AddIn";

class Functions final : public Service<cppu::WeakImplHelper4<org::budgetdisclosure::XFunctions, css::sheet::XAddIn,
                                                             css::lang::XServiceName, css::lang::XServiceInfo>,
                                       functions_implementation_name, addin_service_name, functions_service_name> {
public:
    using Service::Service;

    // XFunctions
    double SAL_CALL share(const css::uno::Any& part, const css::uno::Any& total) override;
    css::uno::Any SAL_CALL shares(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& amounts) override;
    double SAL_CALL change(const css::uno::Any& current, const css::uno::Any& prior) override;
    double SAL_CALL changeRate(const css::uno::Any& current, const css::uno::Any& prior) override;
    css::uno::Any SAL_CALL yoyText(const css::uno::Any& current, const css::uno::Any& prior, const css::uno::Any& unit,
                                   const css::uno::Any& decimals) override;
    css::uno::Any SAL_CALL shareText(const css::uno::Any& part, const css::uno::Any& total, const css::uno::Any& unit,
                                     const css::uno::Any& decimals) override;
    css::uno::Any SAL_CALL toWan(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& amounts,
                                 const css::uno::Any& decimals) override;
    css::uno::Any SAL_CALL capital(const css::uno::Any& amount) override;
    css::uno::Any SAL_CALL className(const css::uno::Any& code, const css::uno::Any& year) override;
    css::uno::Any SAL_CALL classCode(const css::uno::Any& name, const css::uno::Any& within,
                                     const css::uno::Any& year) override;
    css::uno::Any SAL_CALL classLevel(const css::uno::Any& code, const css::uno::Any& year) override;
    css::uno::Any SAL_CALL classParent(const css::uno::Any& code, const css::uno::Any& year) override;
    css::uno::Any SAL_CALL classValid(const css::uno::Any& code, const css::uno::Any& year) override;
    css::uno::Any SAL_CALL economicMap(const css::uno::Any& departmentCode, const css::uno::Any& unitType,
                                       const css::uno::Any& year) override;
    css::uno::Any SAL_CALL classLine(const css::uno::Any& code, const css::uno::Any& year) override;
    css::uno::Any SAL_CALL sumUnder(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& codes,
                                    const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& amounts,
                                    const css::uno::Any& prefix) override;

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override;
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmaticName) override;
    OUString SAL_CALL getFunctionDescription(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmaticName, sal_Int32 argument) override;
    OUString SAL_CALL getArgumentDescription(const OUString& programmaticName, sal_Int32 argument) override;
    OUString SAL_CALL getProgrammaticCategoryName(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayCategoryName(const OUString& programmaticName) override;

    // XLocalizable (through XAddIn)
    void SAL_CALL setLocale(const css::lang::Locale& locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    // XServiceName
    OUString SAL_CALL getServiceName() override;

private:
    /// Calls `lookup(catalog, edition)` with the edition of the optional year argument.
    template <typename Lookup>
    css::uno::Any with_edition(const css::uno::Any& year, Lookup lookup);

    css::lang::Locale locale_;
};

}  // namespace bd::calc
