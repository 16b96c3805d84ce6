#include "bd/hierarchy_check.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using bd::CellValue;
using bd::Grid;
using bd::Outcome;
using bd::Severity;
using bd::Status;
using namespace bd::test;

namespace {

using Row = std::vector<CellValue>;
Grid grid(const std::vector<Row>& rows) {
    Grid g{"支出总表", rows.size(), rows.front().size(), {}};
    for (const auto& row : rows) {
        g.cells.insert(g.cells.end(), row.begin(), row.end());
    }
    return g;
}

// Table 3 of the seed document (预算支出总表), as published.
std::vector<Row> seed_table3() {
    return {
        {T("项目"), E(), T("2023年预算数"), E(), E()},
        {T("科目编码"), T("科目名称"), T("合计"), T("基本支出"), T("项目支出")},
        {T("合计"), E(), N(595.20), N(40.50), N(554.70)},
        {T("208"), T("社会保障和就业支出"), N(1.60), E(), N(1.60)},
        {T("20808"), T("抚恤"), N(1.60), E(), N(1.60)},
        {T("2080801"), T("死亡抚恤"), N(1.60), E(), N(1.60)},
        {N(224), T("灾害防治及应急管理支出"), N(593.60), N(40.50), N(553.10)},
        {T("22401"), T("应急管理事务"), N(467.60), N(40.50), N(427.10)},
        {T("２２４０１０６"), T("安全监管"), N(467.60), N(40.50), N(427.10)},
        {T("22402"), T("消防救援事务"), N(126.00), E(), N(126.00)},
        {T("2240299"), T("其他消防救援事务支出"), N(126.00), E(), N(126.00)},
    };
}

std::vector<const Outcome*> findings(const std::vector<Outcome>& outcomes) {
    std::vector<const Outcome*> out;
    for (const auto& o : outcomes) {
        if (o.is_finding()) {
            out.push_back(&o);
        }
    }
    return out;
}

}  // namespace

TEST(HierarchyCheck, SeedTableThreePasses) {
    const auto outcomes = bd::check_hierarchy(grid(seed_table3()));
    // 合计 + 208 + 20808 + 224 + 22401 + 22402, in 3 columns each.
    ASSERT_EQ(outcomes.size(), 18U);
    EXPECT_TRUE(findings(outcomes).empty());
    EXPECT_TRUE(std::ranges::all_of(outcomes, [](const Outcome& o) { return o.status == Status::Pass; }));
    EXPECT_EQ(outcomes.front().rule_id, "GEN.TOTAL");
    EXPECT_EQ(outcomes.front().cells,
              (std::vector<bd::CellRef>{{"支出总表", 2, 2}, {"支出总表", 3, 2}, {"支出总表", 6, 2}}));
    EXPECT_EQ(outcomes.front().table, "项目") << "the first text above the header";
}

TEST(HierarchyCheck, ClassNotEqualToItsItemsIsAnError) {
    auto rows = seed_table3();
    rows[6][2] = N(593.70);  // 224 合计: 0.10 too much
    const auto all = bd::check_hierarchy(grid(rows));
    const auto found = findings(all);
    // 224 ≠ 22401 + 22402, and 合计 ≠ 208 + 224 now.
    ASSERT_EQ(found.size(), 2U);
    const Outcome& klass = **std::ranges::find(found, "GEN.HIERARCHY", [](const Outcome* o) { return o->rule_id; });
    EXPECT_EQ(klass.severity, Severity::Error);
    EXPECT_EQ(bd::display_cells(klass.cells), "支出总表!C7,C8,C10");
    EXPECT_EQ(klass.expected, "593.60");
    EXPECT_EQ(klass.actual, "593.70");
    EXPECT_EQ(klass.difference, "0.10");
    EXPECT_NE(klass.message.zh.find("224 灾害防治及应急管理支出"), std::string::npos);
    EXPECT_NE(klass.fix.zh.find("使224 灾害防治及应急管理支出等于 593.60"), std::string::npos) << klass.fix.zh;
    EXPECT_NE(klass.fix.en.find("equals 593.60"), std::string::npos) << klass.fix.en;
}

TEST(HierarchyCheck, TheTableIsNamedByItsTitle) {
    auto rows = seed_table3();
    rows.insert(rows.begin(), {E(), T("2023年预算支出总表"), E(), E(), E()});
    const auto outcomes = bd::check_hierarchy(grid(rows));
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes.front().table, "2023年预算支出总表");
    auto untitled = seed_table3();
    untitled.erase(untitled.begin());  // the header is the first row
    EXPECT_EQ(bd::check_hierarchy(grid(untitled)).front().table, "支出总表") << "without a title: the sheet's name";
}

TEST(HierarchyCheck, OneCentOffIsARoundingWarning) {
    auto rows = seed_table3();
    rows[7][3] = N(40.51);  // 22401 基本支出 one cent more than its 项
    rows[8][3] = N(40.50);
    rows[6][3] = N(40.50);
    const auto all = bd::check_hierarchy(grid(rows));  // outlives the pointers into it
    const auto found = findings(all);
    ASSERT_EQ(found.size(), 2U);  // 22401 vs 2240106, and 224 vs 22401
    for (const Outcome* o : found) {
        EXPECT_EQ(o->status, Status::Fail);
        EXPECT_EQ(o->severity, Severity::Warning) << o->message.en;
        EXPECT_NE(o->message.en.find("rounding"), std::string::npos);
        EXPECT_NE(o->fix.zh.find("舍位平衡"), std::string::npos) << o->fix.zh;
    }
}

TEST(HierarchyCheck, TextInANumberCellCannotBeEvaluated) {
    auto rows = seed_table3();
    rows[5][2] = T("一点六");
    const auto all = bd::check_hierarchy(grid(rows));  // outlives the pointers into it
    const auto found = findings(all);
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]->status, Status::NotEvaluated);
    EXPECT_NE(found[0]->message.en.find("C6"), std::string::npos);
    EXPECT_NE(found[0]->fix.zh.find("在单元格 C6 填入数字"), std::string::npos) << found[0]->fix.zh;
}

TEST(HierarchyCheck, SheetWithoutCodedTableYieldsNothing) {
    EXPECT_TRUE(bd::check_hierarchy(grid({{T("说明"), N(1)}})).empty());
}

TEST(Grid, CellAddresses) {
    EXPECT_EQ(bd::cell_address(0, 0), "A1");
    EXPECT_EQ(bd::cell_address(9, 25), "Z10");
    EXPECT_EQ(bd::cell_address(0, 26), "AA1");
    EXPECT_EQ(bd::cell_address(1, 701), "ZZ2");
    EXPECT_EQ(bd::cell_address(1, 702), "AAA2");
}
