#include "validator.hxx"

#include "bd/validate.hpp"
#include "bd/validation_api.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "report_writer.hxx"
#include "uno_util.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <optional>

using namespace css;
namespace api = org::budgetdisclosure;

namespace bd::calc {

namespace {

Validation validate_document(const uno::Reference<uno::XComponentContext>& context,
                             const uno::Reference<sheet::XSpreadsheetDocument>& document, Progress& progress,
                             const uno::Reference<sheet::XSpreadsheetDocument>& prior = {}) {
    if (!document.is()) {
        throw lang::IllegalArgumentException("No spreadsheet document to validate", {}, 0);
    }
    progress.stage({"Reading the sheets…", "正在读取表格…"}, 0, 30);
    const auto sheets = read_workbook(document, progress);
    std::optional<std::vector<Grid>> last_year;
    if (prior.is()) {
        Progress silent({}, Language::English);
        last_year = read_workbook(prior, silent);
    }
    progress.stage({"Checking…", "正在检查…"}, 30, 45);
    return validate_workbook(sheets, *CatalogStore::instance().catalog(context), last_year ? &*last_year : nullptr);
}

}  // namespace

Validation validate_and_report(const uno::Reference<uno::XComponentContext>& context,
                               const uno::Reference<sheet::XSpreadsheetDocument>& document, Progress& progress,
                               const uno::Reference<sheet::XSpreadsheetDocument>& prior) {
    auto validation = validate_document(context, document, progress, prior);
    write_report(document, validation, ui_language(context), progress);
    return validation;
}

api::Validation Validator::validate(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] {
        Progress silent({}, Language::English);
        return to_api(with_passes_folded(validate_document(context_, document, silent)));
    });
}

api::Validation Validator::validateAndReport(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] {
        Progress silent({}, Language::English);
        return to_api(with_passes_folded(validate_and_report(context_, document, silent)));
    });
}

api::Validation Validator::validateWithPrior(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                             const uno::Reference<sheet::XSpreadsheetDocument>& prior) {
    return at_uno_boundary([&] {
        if (!prior.is()) {
            throw lang::IllegalArgumentException("No spreadsheet document of last year", {}, 1);
        }
        Progress silent({}, Language::English);
        return to_api(with_passes_folded(validate_document(context_, document, silent, prior)));
    });
}

}  // namespace bd::calc
