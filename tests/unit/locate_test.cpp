#include "bd/recognize.hpp"
#include "bd/titles.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

namespace {

using namespace bd::test;

const bd::layout::Layout& shanxi() {
    return *bd::layout::find_layout("shanxi-unit");
}

bd::LocatedWorkbook locate(const std::vector<bd::Grid>& sheets) {
    static const auto catalog = bd::Catalog::with_bundled_entries();
    return bd::recognize(sheets, catalog.edition(2023), {&shanxi()}, nullptr).workbook;
}

// Table 3 of the seed as a user might have typed it: title in another cell, a row inserted
// between 类 and its 款, full-width digits in a code, the numbering written differently.
bd::Grid typed_table3() {
    return sheet_of("支出", {
                                {T("预算公开表3")},
                                {E(), T("2023年 预算支出总表")},
                                {T("单位名称：某局"), E(), E(), E(), T("单位：万元")},
                                {T("项目"), E(), T("2023年预算数")},
                                {T("科目编码"), T("科目名称"), T("合计"), T("基本支出"), T("项目支出")},
                                {T("合计"), E(), N(595.2), N(40.5), N(554.7)},
                                {N(208), T("社会保障和就业支出"), N(1.6), E(), N(1.6)},
                                {E(), E(), E(), E(), E()},
                                {T("２０８０８"), T("抚恤"), N(1.6), E(), N(1.6)},
                                {T("2080801"), T("死亡抚恤"), N(1.6), E(), N(1.6)},
                            });
}

TEST(Locate, ComparableLabelsDropNumberingSpacesAndQuotes) {
    EXPECT_EQ(bd::comparable_label("二十三、灾害防治及应急管理支出"), "灾害防治及应急管理支出");
    EXPECT_EQ(bd::comparable_label("（一）一般公共预算 当年拨款"), "一般公共预算当年拨款");
    EXPECT_EQ(bd::comparable_label("①公务用车购置费"), "公务用车购置费");
    EXPECT_EQ(bd::comparable_label("2023年一般公共预算“三公”经费支出预算表"), "年一般公共预算三公经费支出预算表");
    EXPECT_EQ(bd::comparable_label("合计"), "合计");
}

TEST(Locate, FindsATableByTitleHeadersAndCodes) {
    const auto located = locate({typed_table3()});
    const auto* t3 = located.table("T3");
    ASSERT_NE(t3, nullptr);
    EXPECT_EQ(t3->title_row, 1U);
    EXPECT_EQ(t3->first_body_row, 5U);
    EXPECT_EQ(t3->column("main", "code"), 0U);
    EXPECT_EQ(t3->column("main", "project"), 4U);
    EXPECT_EQ(t3->lines.at("total").row, 5U);
    const auto& rows = t3->blocks.at("codes");
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].code, "208");
    EXPECT_EQ(rows[1].code, "20808");  // full-width digits
    EXPECT_EQ(rows[1].row, 8U);
    EXPECT_EQ(rows[2].label, "死亡抚恤");
    EXPECT_TRUE(t3->missing.empty());
    EXPECT_NE(std::ranges::find(located.missing_tables, "T1"), located.missing_tables.end());
    EXPECT_EQ(located.table("T2"), nullptr);  // "预算支出总表" is not "预算收入总表"
}

TEST(Locate, TwoTablesOnOneSheetAndTwoSidedLines) {
    auto rows = std::vector<std::vector<bd::CellValue>>{
        {T("2023年预算收支总表")},
        {T("收入"), E(), T("支出")},
        {T("项目"), T("2023年"), T("项目"), T("2023年合计"), T("当年预算安排"), T("上年结转安排")},
        {T("一、一般公共预算"), N(595.2), T("一、一般公共服务支出")},
        {T("本年收入合计"), N(595.2), T("本年支出合计"), N(595.2), N(595.2)},
        {T("上年结转"), E(), T("年终结转")},
        {T("收入总计"), N(595.2), T("支出总计"), N(595.2), N(595.2)},
        {E()},
    };
    const auto sheet = typed_table3();
    for (std::size_t r = 0; r < sheet.rows; ++r) {
        rows.emplace_back(sheet.cells.begin() + static_cast<long>(r * sheet.cols),
                          sheet.cells.begin() + static_cast<long>((r + 1) * sheet.cols));
    }
    const auto located = locate({sheet_of("全部", rows)});
    const auto* t1 = located.table("T1");
    ASSERT_NE(t1, nullptr);
    EXPECT_EQ(t1->column("out", "carry"), 5U);
    EXPECT_EQ(t1->lines.at("gpb").row, 3U);
    EXPECT_EQ(t1->lines.at("c201").row, 3U);
    EXPECT_EQ(t1->lines.at("income_total").row, 6U);
    EXPECT_EQ(t1->lines.at("expense_total").row, 6U);
    EXPECT_EQ(t1->last_row, 8U);        // its last row with content before the next table's title (预算公开表3)
    EXPECT_FALSE(t1->missing.empty());  // the lines the sheet leaves out are named
    const auto* t3 = located.table("T3");
    ASSERT_NE(t3, nullptr);
    EXPECT_EQ(t3->blocks.at("codes").size(), 3U);
}

}  // namespace
