#include "arrangement.hxx"

#include "bd/arrange.hpp"
#include "bd/template_styles.hpp"
#include "bd/validate.hpp"
#include "calc_adapter.hxx"
#include "catalog_store.hxx"
#include "undo_step.hxx"
#include "uno_util.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/CellInsertMode.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XText.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace css;

namespace bd::calc {

namespace {

using arrange::Note;
using arrange::Plan;
using arrange::Region;

/// Everything a cell holds but its formats (a row given cells of its own keeps the row's look).
constexpr sal_Int32 contents = sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME | sheet::CellFlags::STRING |
                               sheet::CellFlags::ANNOTATION | sheet::CellFlags::FORMULA;
constexpr sal_Int32 everything = contents | sheet::CellFlags::HARDATTR | sheet::CellFlags::STYLES |
                                 sheet::CellFlags::OBJECTS | sheet::CellFlags::EDITATTR;

/// The document's cell styles of computed and typed amounts, where it has them (our templates).
struct AmountStyles {
    OUString computed;
    OUString typed;
};

AmountStyles amount_styles(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const uno::Reference<container::XNameAccess> families =
        uno::Reference<style::XStyleFamiliesSupplier>(document, uno::UNO_QUERY_THROW)->getStyleFamilies();
    const uno::Reference<container::XNameAccess> cell_styles(families->getByName("CellStyles"), uno::UNO_QUERY_THROW);
    const auto present = [&](std::string_view name) {
        return cell_styles->hasByName(to_ou(name)) ? to_ou(name) : OUString();
    };
    return {present(styles::amount), present(styles::input_amount)};
}

class RegionWriter {
public:
    RegionWriter(const uno::Reference<sheet::XSpreadsheet>& sheet, const AmountStyles& styles)
        : sheet_(sheet), styles_(styles) {
        index_ = uno::Reference<sheet::XCellRangeAddressable>(sheet_, uno::UNO_QUERY_THROW)->getRangeAddress().Sheet;
    }

    arrange::Formulas formulas(const Region& region) const {
        arrange::Formulas out;
        const uno::Reference<sheet::XCellRangeFormula> range(rows(region, region.first_row, region.last_row),
                                                             uno::UNO_QUERY_THROW);
        for (const auto& row : range->getFormulaArray()) {
            for (const auto& cell : row) {
                out.push_back(to_utf8(cell));
            }
        }
        return out;
    }

    /// Carries out the plan: rows inserted where the block lacks them (inside it, so that the
    /// ranges over the block grow), every row's cells copied from a copy of the block kept below
    /// the used area while the rows are placed, then the codes, names and sums written.
    void apply(const Plan& plan) {
        auto region = plan.region;
        const auto original_rows = region.rows();
        const auto inserted = plan.inserted();
        // Before the last row, so that the block's ranges grow (after it for a block of one row).
        const auto insert_at = original_rows >= 2 ? region.last_row : region.last_row + 1;
        if (inserted > 0) {
            movement()->insertCells(address(region, insert_at, insert_at + inserted - 1), sheet::CellInsertMode_DOWN);
            region.last_row += inserted;
        }
        const auto now_at = [&](std::size_t original) {
            return original >= insert_at ? original + inserted : original;
        };
        const auto scratch = used_end() + 2;
        for (std::size_t i = 0; i < original_rows; ++i) {  // the block as it was, row by row
            copy(now_at(plan.region.first_row + i), scratch + i, region);
        }
        for (std::size_t i = 0; i < plan.rows.size(); ++i) {
            const auto& target = plan.rows[i];
            const auto row = region.first_row + i;
            if (!target.source) {
                operation(rows(region, row, row))->clearContents(contents);
            } else if (now_at(*target.source) != row) {
                copy(scratch + (*target.source - plan.region.first_row), row, region);
            }
            if (!target.code.empty()) {
                text(row, region.code_col, target.code);
            }
            if (!target.name.empty() && region.name_col) {
                text(row, *region.name_col, target.name);
            }
            for (const auto col : target.sum_cols) {
                cell(row, col)->setFormula(to_ou(arrange::subtotal_formula(region, row, col)));
                restyle(row, col, styles_.computed);
            }
            for (const auto col : target.plain_cols) {
                operation(sheet_->getCellRangeByPosition(col_of(col), row_of(row), col_of(col), row_of(row)))
                    ->clearContents(contents);
                restyle(row, col, styles_.typed);
            }
        }
        operation(rows(region, scratch, scratch + original_rows - 1))->clearContents(everything);
    }

private:
    static sal_Int32 row_of(std::size_t row) { return static_cast<sal_Int32>(row); }
    static sal_Int32 col_of(std::size_t col) { return static_cast<sal_Int32>(col); }

    uno::Reference<table::XCellRange> rows(const Region& region, std::size_t first, std::size_t last) const {
        return sheet_->getCellRangeByPosition(col_of(region.first_col), row_of(first), col_of(region.last_col),
                                              row_of(last));
    }
    table::CellRangeAddress address(const Region& region, std::size_t first, std::size_t last) const {
        return {index_, col_of(region.first_col), row_of(first), col_of(region.last_col), row_of(last)};
    }
    uno::Reference<sheet::XCellRangeMovement> movement() const { return {sheet_, uno::UNO_QUERY_THROW}; }
    static uno::Reference<sheet::XSheetOperation> operation(const uno::Reference<table::XCellRange>& range) {
        return {range, uno::UNO_QUERY_THROW};
    }
    uno::Reference<table::XCell> cell(std::size_t row, std::size_t col) const {
        return sheet_->getCellByPosition(col_of(col), row_of(row));
    }
    void text(std::size_t row, std::size_t col, const std::string& value) const {
        uno::Reference<text::XText>(cell(row, col), uno::UNO_QUERY_THROW)->setString(to_ou(value));
    }
    void restyle(std::size_t row, std::size_t col, const OUString& style) const {
        if (!style.isEmpty()) {
            uno::Reference<beans::XPropertySet>(cell(row, col), uno::UNO_QUERY_THROW)
                ->setPropertyValue("CellStyle", uno::Any(style));
        }
    }
    void copy(std::size_t from, std::size_t to, const Region& region) const {
        table::CellAddress destination{index_, col_of(region.first_col), row_of(to)};
        movement()->copyRange(destination, address(region, from, from));
    }
    std::size_t used_end() const {
        const uno::Reference<sheet::XSheetCellCursor> cursor = sheet_->createCursor();
        uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        return static_cast<std::size_t>(
            uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress().EndRow);
    }

    uno::Reference<sheet::XSpreadsheet> sheet_;
    AmountStyles styles_;
    sal_Int16 index_ = 0;
};

std::string note_text(const Note& note, const std::string& sheet, std::size_t code_col, bool zh) {
    std::string where = sheet + "!" + cell_address(note.row, code_col) + " ";
    switch (note.kind) {
        case Note::Kind::TypedSubtotal:
            return where + (zh ? note.text + " 行下有明细行，其手工填写的金额已保留，未改为求和公式"
                               : note.text + " has rows under it: its typed amounts are kept, not replaced by sums");
        case Note::Kind::AmbiguousName:
            return where + (zh ? "“" + note.text + "”对应多个科目，请填写科目编码"
                               : "\"" + note.text + "\" is the name of several codes: type the code");
        case Note::Kind::UnknownName:
            return where + (zh ? "“" + note.text + "”不在已载入的政府收支分类科目中，请填写科目编码"
                               : "\"" + note.text + "\" is not in the loaded classification: type the code");
        case Note::Kind::Malformed:
            return where + (zh ? "“" + note.text + "”不是类、款、项编码（3、5 或 7 位），已放在最后"
                               : "\"" + note.text + "\" is no 类/款/项 code (3, 5 or 7 digits): left at the end");
        case Note::Kind::UnknownCode:
            return where + (zh ? note.text + " 不在已载入的政府收支分类科目中"
                               : note.text + " is not in the loaded classification");
    }
    return where;
}

/// Calc does not repaint or recalculate for every row moved while the command runs.
class ControllersLocked {
public:
    explicit ControllersLocked(const uno::Reference<sheet::XSpreadsheetDocument>& document)
        : model_(document, uno::UNO_QUERY_THROW) {
        model_->lockControllers();
    }
    ~ControllersLocked() {
        try {
            model_->unlockControllers();
        } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }
    ControllersLocked(const ControllersLocked&) = delete;
    ControllersLocked& operator=(const ControllersLocked&) = delete;

private:
    uno::Reference<frame::XModel> model_;
};

}  // namespace

OUString arrange_coded_rows(const uno::Reference<uno::XComponentContext>& context,
                            const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const bool zh = ui_language(context) == Language::Chinese;
    Progress silent({}, Language::English);
    const auto sheets = read_workbook(document, silent);
    const auto& edition = CatalogStore::instance().catalog(context)->edition(budget_year(sheets));
    const auto recognized = recognize_workbook(sheets, edition);
    const auto regions = arrange::coded_regions(recognized.workbook, sheets);
    if (regions.empty()) {
        return to_ou(zh ? "没有找到需要整理的科目行：本文档中没有填写了科目编码的预算公开表。"
                        : "No coded rows to arrange: no table of this document holds classification codes.");
    }
    const auto styles = amount_styles(document);
    // Every plan first (read as the document stands), then the changes, in one undo step.
    std::vector<std::pair<arrange::Plan, RegionWriter>> plans;
    std::string done;
    std::string notes;
    for (const auto& region : regions) {
        const auto& grid = sheets.at(region.sheet);
        RegionWriter writer(uno::Reference<sheet::XSpreadsheet>(document->getSheets()->getByName(to_ou(grid.name)),
                                                                uno::UNO_QUERY_THROW),
                            styles);
        auto plan = arrange::plan_region(region, grid, writer.formulas(region), edition);
        for (const auto& note : plan.notes) {
            notes += "\n" + note_text(note, grid.name, region.code_col, zh);
        }
        if (!plan.unchanged) {
            done += "\n" + grid.name +
                    (zh ? "：新增类/款行 " + std::to_string(plan.added) + " 行，插入 " +
                              std::to_string(plan.inserted()) + " 行"
                        : ": " + std::to_string(plan.added) + " 类/款 rows added, " + std::to_string(plan.inserted()) +
                              " rows inserted");
            plans.emplace_back(std::move(plan), std::move(writer));
        }
    }
    if (!plans.empty()) {
        const UndoStep undo(document, to_ou(zh ? "整理科目行" : "Arrange Coded Rows"));
        const ControllersLocked locked(document);
        for (auto& [plan, writer] : plans) {
            writer.apply(plan);
        }
    }
    std::string message = plans.empty() ? (zh ? "科目行已是整理好的，未作改动。"
                                              : "The coded rows are arranged already: nothing changed.")
                                        : (zh ? "已整理科目行（可用“编辑 › 撤销”一步恢复）："
                                              : "Coded rows arranged (Edit › Undo reverses it in one step):") +
                                              done;
    if (!notes.empty()) {
        message += zh ? "\n\n请注意：" + notes : "\n\nPlease note:" + notes;
    }
    return to_ou(message);
}

}  // namespace bd::calc
