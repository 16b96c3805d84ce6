#include "report_checks.hpp"

#include "bd/report.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

using namespace css;

namespace bd::test {

std::map<std::string, std::string> snapshots_of_user_sheets(const Document& doc) {
    std::map<std::string, std::string> snapshots;
    for (const auto& name : doc.sheet_names()) {
        if (name != report_sheet) {
            snapshots[name] = snapshot(doc.sheet(name));
        }
    }
    return snapshots;
}

/// The report's rows as texts; its numbers (expected, actual, difference, counts) with two decimals,
/// as the engine writes figures in 万元.
std::vector<std::vector<std::string>> report_rows(const Document& doc) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : read_range(doc.sheet(report_sheet), "A1:I80")) {
        auto& out = rows.emplace_back();
        for (const auto& cell : row) {
            std::array<char, 32> number{};
            std::snprintf(number.data(), number.size(), "%.2f", cell.number);
            out.emplace_back(cell.kind == CellValue::Kind::Number ? std::string(number.data()) : cell.text);
        }
    }
    return rows;
}

/// The row (zero-based) of the findings' column header.
std::size_t header_row_of(const std::vector<std::vector<std::string>>& rows) {
    const auto header =
        std::ranges::find_if(rows, [](const auto& row) { return row[0] == "Rule" || row[0] == "规则"; });
    EXPECT_NE(header, rows.end()) << "no column header in the report";
    return static_cast<std::size_t>(header - rows.begin());
}

/// The row of the report (zero-based) whose rule and cells columns are these; -1 if none.
int report_row_of(const Document& doc, const std::string& rule, const std::string& cells) {
    const auto rows = report_rows(doc);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r][0] == rule && rows[r][3] == cells) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

/// The URLs of the hyperlinks (URL fields) in a cell.
std::vector<std::string> hyperlinks_in(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row) {
    std::vector<std::string> urls;
    const uno::Reference<text::XTextFieldsSupplier> cell(sheet->getCellByPosition(col, row), uno::UNO_QUERY_THROW);
    const auto fields = cell->getTextFields()->createEnumeration();
    while (fields->hasMoreElements()) {
        rtl::OUString url;
        uno::Reference<beans::XPropertySet>(fields->nextElement(), uno::UNO_QUERY_THROW)->getPropertyValue("URL") >>=
            url;
        urls.push_back(to_utf8(url));
    }
    return urls;
}

/// The comments of a sheet by cell address ("C10" → text).
std::map<std::string, std::string> comments_of(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    std::map<std::string, std::string> comments;
    const uno::Reference<container::XIndexAccess> all(
        uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)->getAnnotations(),
        uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        const uno::Reference<sheet::XSheetAnnotation> comment(all->getByIndex(i), uno::UNO_QUERY_THROW);
        const auto at = comment->getPosition();
        comments[cell_address(static_cast<std::size_t>(at.Row), static_cast<std::size_t>(at.Column))] =
            to_utf8(uno::Reference<text::XTextRange>(comment, uno::UNO_QUERY_THROW)->getString());
    }
    return comments;
}

bool is_mark(const std::string& comment) {
    return comment.starts_with(mark_prefix());
}

}  // namespace bd::test
