#include "validator.hxx"

#include "bd/validate.hpp"
#include "bd/validation_api.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "report_writer.hxx"
#include "uno_util.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>

using namespace css;
namespace api = org::budgetdisclosure;

namespace bd::calc {

namespace {

Validation validate_document(const uno::Reference<uno::XComponentContext>& context,
                             const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    if (!document.is()) {
        throw lang::IllegalArgumentException("No spreadsheet document to validate", {}, 0);
    }
    return validate_workbook(read_workbook(document), *CatalogStore::instance().catalog(context));
}

}  // namespace

Validation validate_and_report(const uno::Reference<uno::XComponentContext>& context,
                               const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    auto validation = validate_document(context, document);
    write_report(document, validation, ui_language(context));
    return validation;
}

api::Validation Validator::validate(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] { return to_api(validate_document(context_, document)); });
}

api::Validation Validator::validateAndReport(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] { return to_api(validate_and_report(context_, document)); });
}

}  // namespace bd::calc
