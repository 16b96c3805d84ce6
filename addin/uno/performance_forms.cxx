#include "performance_forms.hxx"

#include "bd/performance_forms.hpp"
#include "bd/template_styles.hpp"
#include "calc_adapter.hxx"
#include "undo_step.hxx"
#include "uno_util.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/XText.hpp>

using namespace css;

namespace bd::calc {

namespace {

/// The cells of the forms' input styles (texts and amounts), from Calc's ranges of one format each
/// (one call).
std::vector<CellBlock> input_blocks(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    const auto ranges = uno::Reference<sheet::XUniqueCellFormatRangesSupplier>(sheet, uno::UNO_QUERY_THROW)
                            ->getUniqueCellFormatRanges();
    std::vector<CellBlock> blocks;
    for (sal_Int32 i = 0; i < ranges->getCount(); ++i) {
        const uno::Reference<beans::XPropertySet> properties(ranges->getByIndex(i), uno::UNO_QUERY_THROW);
        OUString style;
        properties->getPropertyValue("CellStyle") >>= style;
        if (const auto name = to_utf8(style); name == styles::form_input || name == styles::form_input_amount) {
            const auto found = blocks_of(
                uno::Reference<sheet::XSheetCellRanges>(properties, uno::UNO_QUERY_THROW)->getRangeAddresses());
            blocks.insert(blocks.end(), found.begin(), found.end());
        }
    }
    return blocks;
}

void clear_contents(const uno::Reference<sheet::XSpreadsheet>& sheet, std::size_t first_row, std::size_t first_col,
                    std::size_t last_row, std::size_t last_col) {
    using namespace sheet::CellFlags;
    uno::Reference<sheet::XSheetOperation>(
        sheet->getCellRangeByPosition(static_cast<sal_Int32>(first_col), static_cast<sal_Int32>(first_row),
                                      static_cast<sal_Int32>(last_col), static_cast<sal_Int32>(last_row)),
        uno::UNO_QUERY_THROW)
        ->clearContents(VALUE | DATETIME | STRING | ANNOTATION | FORMULA);
}

/// The project's name as text, or no name.
void set_name(const uno::Reference<sheet::XSpreadsheet>& sheet, std::size_t row, std::size_t col,
              const std::string& name) {
    if (name.empty()) {
        clear_contents(sheet, row, col, row, col);
    } else {
        uno::Reference<text::XText>(sheet->getCellByPosition(static_cast<sal_Int32>(col), static_cast<sal_Int32>(row)),
                                    uno::UNO_QUERY_THROW)
            ->setString(to_ou(name));
    }
}

/// A copy of `source` (its rows, columns up to `last_col`) at row `at`, on a page of its own, with
/// its inputs cleared and the project's name. Its formulas' same-form references are
/// row-relative (the template writes them so): its 年度资金总额 looks up its own name.
void append_form(const uno::Reference<sheet::XSpreadsheet>& sheet, const forms::FormOnSheet& source,
                 const std::vector<CellBlock>& inputs, std::size_t last_col, std::size_t at,
                 const std::string& project) {
    const auto index =
        uno::Reference<sheet::XCellRangeAddressable>(sheet, uno::UNO_QUERY_THROW)->getRangeAddress().Sheet;
    uno::Reference<sheet::XCellRangeMovement>(sheet, uno::UNO_QUERY_THROW)
        ->copyRange({index, 0, static_cast<sal_Int32>(at)},
                    {index, 0, static_cast<sal_Int32>(source.first_row), static_cast<sal_Int32>(last_col),
                     static_cast<sal_Int32>(source.last_row)});
    for (const auto& block : inputs) {
        const auto first = std::max(block.first_row, source.first_row);
        const auto last = std::min(block.last_row, source.last_row);
        if (first <= last && block.first_col <= last_col) {
            clear_contents(sheet, first - source.first_row + at, block.first_col, last - source.first_row + at,
                           std::min(block.last_col, last_col));
        }
    }
    set_name(sheet, source.name_row - source.first_row + at, source.name_col, project);
    uno::Reference<beans::XPropertySet>(uno::Reference<table::XColumnRowRange>(sheet, uno::UNO_QUERY_THROW)
                                            ->getRows()
                                            ->getByIndex(static_cast<sal_Int32>(at)),
                                        uno::UNO_QUERY_THROW)
        ->setPropertyValue("IsStartOfNewPage", uno::Any(true));
}

}  // namespace

OUString create_performance_forms(const uno::Reference<uno::XComponentContext>& context,
                                  const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const Language language = ui_language(context);
    const bool zh = language == Language::Chinese;
    Progress progress({}, language);
    const auto sheets = read_workbook(document, progress);
    const auto found = forms::find_forms_workbook(sheets);
    if (const auto* missing = std::get_if<forms::Missing>(&found)) {
        throw lang::IllegalArgumentException(
            to_ou(*missing == forms::Missing::ProjectTable
                      ? (zh ? "本文档中未找到表12（项目支出预算表），没有可生成绩效目标申报表的项目。"
                            : "This document has no table 12 (项目支出预算表): there are no projects to make "
                              "performance forms for.")
                      : (zh ? "本文档中没有绩效目标申报表所在的工作表“绩效目标”。请使用预算公开模板新建的文档。"
                            : "This document has no sheet of performance forms (绩效目标): use a document made "
                              "from the budget disclosure template.")),
            {}, 0);
    }
    const auto& workbook = std::get<forms::FormsWorkbook>(found);
    const Grid& grid = sheets[workbook.forms_sheet];
    const uno::Reference<sheet::XSpreadsheet> sheet(document->getSheets()->getByName(to_ou(grid.name)),
                                                    uno::UNO_QUERY_THROW);
    const auto inputs = input_blocks(sheet);
    const auto forms = forms::find_forms(grid, inputs);
    if (forms.empty()) {
        throw lang::IllegalArgumentException(
            to_ou(zh ? "工作表“" + grid.name + "”中没有可复制的绩效目标申报表（找不到“项目名称”）。"
                     : "The sheet " + grid.name + " holds no performance form to copy (no 项目名称 found)."),
            {}, 0);
    }
    const auto plan = forms::plan_forms(workbook.projects, forms);
    {
        const UndoStep undo(document, to_ou(zh ? "生成绩效目标申报表" : "Create Performance Forms"));
        for (const auto& name : plan.names) {
            set_name(sheet, forms[name.form].name_row, forms[name.form].name_col, name.project);
        }
        const auto& source = forms.front();
        const auto height = source.last_row - source.first_row + 1;
        auto at = std::max(grid.rows, forms.back().first_row + height);
        for (const auto& project : plan.appended) {
            append_form(sheet, source, inputs, grid.cols - 1, at, project);
            at += height;
        }
    }
    return to_ou(forms::describe(plan, zh));
}

}  // namespace bd::calc
