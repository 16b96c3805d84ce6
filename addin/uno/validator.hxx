// The validation service: reads the workbook, runs the core's checks, returns the outcomes
// and (for the menu command) writes the report sheet.
#pragma once

#include "bd/report.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase2.hxx>
#include <org/budgetdisclosure/XValidator.hpp>

#include <vector>

namespace bd::calc {

using rtl::OUString;

inline constexpr char validator_service_name[] = "org.budgetdisclosure.Validator";
inline constexpr char validator_implementation_name[] = "org.budgetdisclosure.comp.Validator";

/// Validates, writes the report sheet and marks the cells of findings: what the menu command does.
std::vector<Outcome> validate_and_report(const css::uno::Reference<css::uno::XComponentContext>& context,
                                         const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

class Validator final
    : public Service<cppu::WeakImplHelper2<org::budgetdisclosure::XValidator, css::lang::XServiceInfo>,
                     validator_implementation_name, validator_service_name> {
public:
    using Service::Service;

    css::uno::Sequence<org::budgetdisclosure::Outcome> SAL_CALL
    validate(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document) override;
    css::uno::Sequence<org::budgetdisclosure::Outcome> SAL_CALL
    validateAndReport(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document) override;
};

}  // namespace bd::calc
