#include "classification_import.hxx"

#include "bd/csv.hpp"
#include "bd/ustring.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "hidden_document.hxx"
#include "uno_util.hxx"

#include <osl/thread.h>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>

#include <fstream>
#include <iterator>

using namespace css;

namespace bd::calc {

namespace {

/// A CSV file read here (Calc would stop at its last row); the first sheet of any other table,
/// read by Calc and closed again. A sheet that reaches Calc's last row may go on beyond it: refused.
Grid read_table(const uno::Reference<uno::XComponentContext>& context, const OUString& file_url) {
    if (file_url.endsWithIgnoreAsciiCase(".csv")) {
        const OUString path = system_path(file_url);
        std::ifstream in(rtl::OUStringToOString(path, osl_getThreadTextEncoding()).getStr(), std::ios::binary);
        if (!in) {
            throw lang::IllegalArgumentException("Cannot open " + path, {}, 0);
        }
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return grid_of_csv(text, "");
    }
    const HiddenDocument document(context, file_url);
    const uno::Reference<container::XIndexAccess> sheets(document.spreadsheet()->getSheets(), uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XSpreadsheet> first(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
    Grid grid = read_sheet(first, "");
    const sal_Int32 last_row =
        uno::Reference<table::XColumnRowRange>(first, uno::UNO_QUERY_THROW)->getRows()->getCount();
    if (grid.rows >= static_cast<std::size_t>(last_row)) {
        const auto rows = std::to_string(last_row);
        throw lang::IllegalArgumentException(
            to_ou(ui_language(context) == Language::Chinese
                      ? "表格占满了 Calc 能容纳的全部 " + rows +
                            " 行，后面可能还有内容未能读入：请另存为 CSV（.csv，"
                            "可完整读入）再导入。原有科目不变。"
                      : "The table fills every row Calc can hold (" + rows +
                            "), so it may go on beyond them: save it as CSV (.csv), which is read whole, and import "
                            "that. Nothing changed."),
            {}, 0);
    }
    return grid;
}

}  // namespace

OUString import_classification(const uno::Reference<uno::XComponentContext>& context, const OUString& file_url,
                               sal_Int32 year) {
    if (year < 1990 || year > 2100) {
        throw lang::IllegalArgumentException(
            "The year of the classification is missing or wrong: " + OUString::number(year), {}, 1);
    }
    const Grid sheet = read_table(context, file_url);
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
