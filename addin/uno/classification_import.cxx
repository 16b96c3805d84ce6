#include "classification_import.hxx"

#include "bd/ustring.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "hidden_document.hxx"
#include "uno_util.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

using namespace css;

namespace bd::calc {

namespace {

/// The first sheet of a file, read by Calc and closed again.
Grid read_first_sheet(const uno::Reference<uno::XComponentContext>& context, const OUString& file_url) {
    uno::Sequence<beans::PropertyValue> csv;  // comma separated, double quotes, UTF-8
    if (file_url.endsWithIgnoreAsciiCase(".csv")) {
        csv.realloc(2);
        csv[0].Name = "FilterName";
        csv[0].Value <<= OUString("Text - txt - csv (StarCalc)");
        csv[1].Name = "FilterOptions";
        csv[1].Value <<= OUString("44,34,76,1");
    }
    const HiddenDocument document(context, file_url, HiddenDocument::Access::ReadOnly, csv);
    const uno::Reference<container::XIndexAccess> sheets(document.spreadsheet()->getSheets(), uno::UNO_QUERY_THROW);
    return read_sheet(uno::Reference<sheet::XSpreadsheet>(sheets->getByIndex(0), uno::UNO_QUERY_THROW), "");
}

}  // namespace

OUString import_classification(const uno::Reference<uno::XComponentContext>& context, const OUString& file_url,
                               sal_Int32 year) {
    if (year < 1990 || year > 2100) {
        throw lang::IllegalArgumentException(
            "The year of the classification is missing or wrong: " + OUString::number(year), {}, 1);
    }
    const Grid sheet = read_first_sheet(context, file_url);
    const ImportResult result = CatalogStore::instance().import(context, sheet, year, to_utf8(file_url));
    const bool zh = ui_language(context) == Language::Chinese;
    if (!result.edition) {
        std::string message =
            zh ? "未导入 " + std::to_string(year) + " 年分类科目（原有科目不变）：\n"
               : "The " + std::to_string(year) + " classification was not imported (nothing changed):\n";
        for (const auto& problem : result.problems) {
            message += "- " + problem.in(zh ? Language::Chinese : Language::English) + "\n";
        }
        throw lang::IllegalArgumentException(to_ou(message), {}, 0);
    }
    const std::string count = std::to_string(result.edition->size());
    return to_ou(zh ? "已导入 " + std::to_string(year) + " 年分类科目 " + count + " 条"
                    : "Imported " + count + " entries of the " + std::to_string(year) + " classification");
}

OUString ClassificationImport::importEdition(const OUString& fileUrl, sal_Int32 year) {
    return at_uno_boundary([&] { return import_classification(context_, fileUrl, year); });
}

uno::Sequence<sal_Int32> ClassificationImport::importedYears() {
    return at_uno_boundary([&] {
        const auto years = CatalogStore::instance().catalog(context_)->imported_years();
        uno::Sequence<sal_Int32> result(static_cast<sal_Int32>(years.size()));
        for (std::size_t i = 0; i < years.size(); ++i) {
            result[static_cast<sal_Int32>(i)] = years[i];
        }
        return result;
    });
}

}  // namespace bd::calc
