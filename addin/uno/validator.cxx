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
                             const uno::Reference<sheet::XSpreadsheetDocument>& document, Progress& progress) {
    if (!document.is()) {
        throw lang::IllegalArgumentException("No spreadsheet document to validate", {}, 0);
    }
    progress.stage({"Reading the sheets…", "正在读取表格…"}, 0, 30);
    const auto sheets = read_workbook(document, progress);
    progress.stage({"Checking…", "正在检查…"}, 30, 45);
    return validate_workbook(sheets, *CatalogStore::instance().catalog(context));
}

}  // namespace

Validation validate_and_report(const uno::Reference<uno::XComponentContext>& context,
                               const uno::Reference<sheet::XSpreadsheetDocument>& document, Progress& progress) {
    auto validation = validate_document(context, document, progress);
    write_report(document, validation, ui_language(context), progress);
    return validation;
}

api::Validation Validator::validate(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] {
        Progress silent({}, Language::English);
        return to_api(validate_document(context_, document, silent));
    });
}

api::Validation Validator::validateAndReport(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] {
        Progress silent({}, Language::English);
        return to_api(validate_and_report(context_, document, silent));
    });
}

}  // namespace bd::calc
