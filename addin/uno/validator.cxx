#include "validator.hxx"

#include "bd/validate.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "report_writer.hxx"
#include "uno_util.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>

using namespace css;
namespace api = org::budgetdisclosure;

namespace bd::calc {

namespace {

std::vector<Outcome> validate_document(const uno::Reference<uno::XComponentContext>& context,
                                       const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    if (!document.is()) {
        throw lang::IllegalArgumentException("No spreadsheet document to validate", {}, 0);
    }
    return validate_workbook(read_workbook(document), *CatalogStore::instance().catalog(context)).outcomes;
}

uno::Sequence<api::Outcome> to_api(const std::vector<Outcome>& outcomes) {
    uno::Sequence<api::Outcome> result(static_cast<sal_Int32>(outcomes.size()));
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const Outcome& o = outcomes[i];
        api::Outcome& out = result[static_cast<sal_Int32>(i)];
        out.RuleId = to_ou(o.rule_id);
        out.Severity = to_ou(to_string(o.severity));
        out.Status = to_ou(to_string(o.status));
        out.Table = to_ou(o.table);
        out.Cells.realloc(static_cast<sal_Int32>(o.cells.size()));
        for (std::size_t c = 0; c < o.cells.size(); ++c) {
            const CellRef& cell = o.cells[c];
            out.Cells[static_cast<sal_Int32>(c)] = {to_ou(cell.sheet), static_cast<sal_Int32>(cell.row),
                                                    static_cast<sal_Int32>(cell.col)};
        }
        out.Expected = to_ou(o.expected);
        out.Actual = to_ou(o.actual);
        out.Difference = to_ou(o.difference);
        out.Message = to_ou(o.message.zh);
        out.MessageEn = to_ou(o.message.en);
        out.Fix = to_ou(o.fix.zh);
        out.FixEn = to_ou(o.fix.en);
    }
    return result;
}

}  // namespace

std::vector<Outcome> validate_and_report(const uno::Reference<uno::XComponentContext>& context,
                                         const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    auto outcomes = validate_document(context, document);
    write_report(document, outcomes, ui_language(context));
    return outcomes;
}

uno::Sequence<api::Outcome> Validator::validate(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] { return to_api(validate_document(context_, document)); });
}

uno::Sequence<api::Outcome> Validator::validateAndReport(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    return at_uno_boundary([&] { return to_api(validate_and_report(context_, document)); });
}

}  // namespace bd::calc
