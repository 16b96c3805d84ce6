// The validation service: reads the workbook, runs the core's checks, returns what was recognized
// and the outcomes, and (for the menu command) writes the report sheet.
#pragma once

#include "bd/report.hpp"
#include "progress.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include "service.hxx"

#include <cppuhelper/implbase2.hxx>
#include <org/budgetdisclosure/XValidator.hpp>

namespace bd::calc {

using rtl::OUString;

inline constexpr char validator_service_name[] = "org.budgetdisclosure.Validator";
inline constexpr char validator_implementation_name[] = "org.budgetdisclosure.comp.Validator";

/// Validates, writes the report sheet and marks the cells of findings: what the menu command does,
/// showing how far it has come. With last year's document, what this year's quotes of last year
/// say is checked against it too.
Validation validate_and_report(const css::uno::Reference<css::uno::XComponentContext>& context,
                               const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                               Progress& progress,
                               const css::uno::Reference<css::sheet::XSpreadsheetDocument>& prior = {});

class Validator final
    : public Service<cppu::WeakImplHelper2<org::budgetdisclosure::XValidator, css::lang::XServiceInfo>,
                     validator_implementation_name, validator_service_name> {
public:
    using Service::Service;

    org::budgetdisclosure::Validation SAL_CALL
    validate(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document) override;
    org::budgetdisclosure::Validation SAL_CALL
    validateAndReport(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document) override;
    org::budgetdisclosure::Validation SAL_CALL
    validateWithPrior(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                      const css::uno::Reference<css::sheet::XSpreadsheetDocument>& prior) override;
};

}  // namespace bd::calc
