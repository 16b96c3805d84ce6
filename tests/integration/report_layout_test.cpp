// The report sheet as Calc shows it (fixed column widths that fit a 1366-pixel-wide window, wrapped
// text, figures as numbers with their unit, bold headers in CJK fonts, the instruction across the
// table, what follows from a cause folded under it), a rerun that leaves nothing of the earlier
// layout, and the progress the menu command reports while it runs.
#include "bd/report.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetOutline.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <mutex>

using namespace css;
using namespace bd::test;
using rtl::OUString;

namespace {

const std::string table3 = "表3支出总表";

uno::Reference<beans::XPropertySet> properties(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row) {
    return {sheet->getCellByPosition(col, row), uno::UNO_QUERY_THROW};
}

template <typename T>
T property(const uno::Reference<beans::XPropertySet>& object, const char* name) {
    T value{};
    object->getPropertyValue(OUString::createFromAscii(name)) >>= value;
    return value;
}

/// A status indicator that records what it is told, as the frame's progress bar would show it.
class RecordingIndicator : public cppu::WeakImplHelper1<task::XStatusIndicator> {
public:
    void SAL_CALL start(const OUString& text, sal_Int32 range) override { add("start " + bd::to_utf8(text), range); }
    void SAL_CALL end() override { add("end", 0); }
    void SAL_CALL setText(const OUString& text) override { add("text " + bd::to_utf8(text), 0); }
    void SAL_CALL setValue(sal_Int32 value) override { add("value", value); }
    void SAL_CALL reset() override { add("reset", 0); }

    std::vector<std::pair<std::string, sal_Int32>> calls() {
        const std::scoped_lock lock(mutex_);
        return calls_;
    }

private:
    void add(std::string call, sal_Int32 value) {
        const std::scoped_lock lock(mutex_);
        calls_.emplace_back(std::move(call), value);
    }
    std::mutex mutex_;
    std::vector<std::pair<std::string, sal_Int32>> calls_;
};

}  // namespace

UNO_TEST(ReportLayout, FixedWidthsWrappedTextNumbersWithTheirUnitAndBoldHeaders) {
    const Document doc(example_workbook(), false);
    set_number(doc.sheet(table3), "D12", 41.5);
    doc.dispatch(validate_url);
    const auto report = doc.sheet(report_sheet);
    const auto rows = report_rows(doc);
    const auto header = static_cast<int>(header_row_of(rows));

    // The columns as the report model sets them (Calc keeps widths in twips: within 0.2 mm).
    const auto model = bd::report_sheet(bd::Validation{}, bd::Language::English);
    const uno::Reference<container::XIndexAccess> columns(
        uno::Reference<table::XColumnRowRange>(report, uno::UNO_QUERY_THROW)->getColumns(), uno::UNO_QUERY_THROW);
    int total = 0;
    for (std::size_t c = 0; c < model.column_widths.size(); ++c) {
        const auto width = property<sal_Int32>(
            uno::Reference<beans::XPropertySet>(columns->getByIndex(static_cast<sal_Int32>(c)), uno::UNO_QUERY_THROW),
            "Width");
        EXPECT_NEAR(width, model.column_widths[c], 20) << "column " << c;
        total += width;
    }
    EXPECT_LE(total, 30000) << "wider than a 1366-pixel window shows at 100 %";

    // The root's row: its message wraps at the top of a row high enough for it; its figures are
    // numbers shown in 万元.
    const int root = report_row_of(doc, "X.T3-T2-BY-CODE", table3 + "!D12");
    ASSERT_GT(root, header);
    const auto message = properties(report, 7, root);
    EXPECT_TRUE(property<bool>(message, "IsTextWrapped"));
    EXPECT_EQ(property<sal_Int32>(message, "VertJustify"), table::CellVertJustify2::TOP);
    const uno::Reference<container::XIndexAccess> sheet_rows(
        uno::Reference<table::XColumnRowRange>(report, uno::UNO_QUERY_THROW)->getRows(), uno::UNO_QUERY_THROW);
    const auto height = [&](int row) {
        return property<sal_Int32>(
            uno::Reference<beans::XPropertySet>(sheet_rows->getByIndex(row), uno::UNO_QUERY_THROW), "Height");
    };
    EXPECT_GT(height(root), 2 * height(0)) << "the wrapped message does not show whole (row 1 holds one line)";
    const std::vector<std::pair<int, std::string>> figures{{4, "467.60 万元"}, {5, "468.60 万元"}, {6, "1.00 万元"}};
    for (const auto& [col, shown] : figures) {
        EXPECT_EQ(report->getCellByPosition(col, root)->getType(), table::CellContentType_VALUE) << col;
        EXPECT_EQ(text_of(report, bd::cell_address(static_cast<std::size_t>(root), static_cast<std::size_t>(col))),
                  shown);
    }

    // The instruction spans the table, wrapped; headers are bold in Western and CJK fonts alike.
    const uno::Reference<util::XMergeable> instruction(report->getCellRangeByPosition(0, header - 1, 8, header - 1),
                                                       uno::UNO_QUERY_THROW);
    EXPECT_TRUE(instruction->getIsMerged());
    EXPECT_TRUE(property<bool>(properties(report, 0, header - 1), "IsTextWrapped"));
    for (const char* weight : {"CharWeight", "CharWeightAsian"}) {
        EXPECT_EQ(property<float>(properties(report, 7, header), weight), awt::FontWeight::BOLD) << weight;
    }
    EXPECT_NE(property<sal_Int32>(properties(report, 7, header), "CellBackColor"), -1) << "the header is shaded";

    // The findings that follow are one outline level below their root: collapsed, and opened again.
    const auto visible = [&](int row) {
        return property<bool>(uno::Reference<beans::XPropertySet>(sheet_rows->getByIndex(row), uno::UNO_QUERY_THROW),
                              "IsVisible");
    };
    EXPECT_FALSE(visible(root + 1));
    uno::Reference<sheet::XSheetOutline>(report, uno::UNO_QUERY_THROW)
        ->showDetail(
            {uno::Reference<sheet::XCellRangeAddressable>(report, uno::UNO_QUERY_THROW)->getRangeAddress().Sheet, 0,
             root + 1, 0, root + 4});  // the group: the four findings that follow
    EXPECT_TRUE(visible(root + 1));
}

namespace {

/// Each row of the report sheet, with every outline group folded: whether it shows, and whether its
/// first cell is merged.
std::vector<std::pair<bool, bool>> layout_of(const Document& doc) {
    const auto report = doc.sheet(report_sheet);
    uno::Reference<sheet::XSheetOutline>(report, uno::UNO_QUERY_THROW)->showLevel(0, table::TableOrientation_ROWS);
    const uno::Reference<container::XIndexAccess> rows(
        uno::Reference<table::XColumnRowRange>(report, uno::UNO_QUERY_THROW)->getRows(), uno::UNO_QUERY_THROW);
    std::vector<std::pair<bool, bool>> out;
    for (int row = 0; row < 80; ++row) {
        out.emplace_back(
            property<bool>(uno::Reference<beans::XPropertySet>(rows->getByIndex(row), uno::UNO_QUERY_THROW),
                           "IsVisible"),
            uno::Reference<util::XMergeable>(report->getCellRangeByPosition(0, row, 8, row), uno::UNO_QUERY_THROW)
                ->getIsMerged());
    }
    return out;
}

}  // namespace

UNO_TEST(ReportLayout, ARerunLeavesNothingOfTheEarlierLayout) {
    // A report with a group folded under its root, then the change undone: the sheet is laid out as
    // a first run on the unchanged workbook lays it out (no row left hidden, no cells left merged).
    const Document changed(example_workbook(), false);
    set_number(changed.sheet(table3), "D12", 41.5);
    changed.dispatch(validate_url);
    set_number(changed.sheet(table3), "D12", 40.5);
    changed.dispatch(validate_url);
    const Document unchanged(example_workbook(), false);
    unchanged.dispatch(validate_url);
    EXPECT_EQ(layout_of(changed), layout_of(unchanged));
    EXPECT_EQ(report_rows(changed), report_rows(unchanged));
}

UNO_TEST(ReportLayout, TheCommandShowsItsProgress) {
    const Document doc(example_workbook(), false);
    const rtl::Reference<RecordingIndicator> indicator(new RecordingIndicator);
    uno::Sequence<beans::PropertyValue> arguments(1);
    arguments[0].Name = "StatusIndicator";
    arguments[0].Value <<= uno::Reference<task::XStatusIndicator>(indicator.get());
    doc.dispatch(validate_url, arguments);

    const auto calls = indicator->calls();
    ASSERT_GE(calls.size(), 6U);
    EXPECT_TRUE(calls.front().first.starts_with("start ")) << calls.front().first;
    EXPECT_EQ(calls.front().second, 100);
    EXPECT_EQ(calls.back().first, "end");
    std::vector<std::string> texts;
    sal_Int32 last = 0;
    for (const auto& [call, value] : calls) {
        if (call.starts_with("text ")) {
            texts.push_back(call.substr(5));
        } else if (call == "value") {
            EXPECT_GE(value, last) << "the bar never goes back";
            EXPECT_LE(value, 100);
            last = value;
        }
    }
    EXPECT_EQ(last, 100) << "the bar reaches its end";
    EXPECT_EQ(texts.size(), 4U) << "reading, checking, writing the report, marking the cells";
}
