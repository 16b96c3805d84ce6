#include "bd/catalog.hpp"
#include "bd/chinese_numerals.hpp"
#include "bd/classification_import.hpp"
#include "bd/csv.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

using bd::CellValue;
using bd::FunctionError;
using bd::test::E;
using bd::test::N;
using bd::test::T;

namespace {

const bd::Catalog& bundled() {
    static const bd::Catalog catalog = bd::Catalog::with_bundled_entries();
    return catalog;
}

const bd::Edition& edition() {
    return bundled().edition(std::nullopt);
}

template <typename Value>
std::string shown(const bd::FunctionResult<Value>& result) {
    return bd::test::shown(result, [](const Value& value) {
        if constexpr (std::is_same_v<Value, bd::Decimal>) {
            return value.to_string();
        } else {
            return value;
        }
    });
}

bd::Grid grid(const std::vector<std::vector<CellValue>>& rows) {
    bd::Grid g{"科目", rows.size(), rows.front().size(), {}};
    for (const auto& row : rows) {
        g.cells.insert(g.cells.end(), row.begin(), row.end());
    }
    return g;
}

}  // namespace

TEST(Catalog, BundledEntriesCoverTheSeedDocument) {
    for (const char* code : {"208", "20808", "2080801", "224", "22401", "2240106", "22402", "2240299"}) {
        EXPECT_TRUE(bd::class_valid(edition(), T(code))) << code;
    }
    EXPECT_EQ(shown(bd::class_name(edition(), T("2240106"))), "安全监管");
    EXPECT_EQ(shown(bd::class_name(edition(), N(2240106))), "安全监管");
    EXPECT_EQ(shown(bd::class_name(edition(), T(" ２２４０１０６ "))), "安全监管");
    EXPECT_EQ(shown(bd::class_name(edition(), T("30213"))), "维修(护)费");
    EXPECT_EQ(shown(bd::class_name(edition(), T("50101"))), "工资奖金津补贴");
}

// While a document's year is not entered, a name says which edition it is taken from: an imported
// edition's year, else the year the bundled entry was seen in.
TEST(Catalog, ProvisionalNameSaysItsEdition) {
    EXPECT_EQ(shown(bd::provisional_class_name(edition(), T("2240106"))), "安全监管（暂按2023年科目）");
    bd::Edition imported(2031);
    imported.add({bd::Scheme::Function, "22401", "应急管理事务", 2031, "test"});
    EXPECT_EQ(shown(bd::provisional_class_name(imported, N(22401))), "应急管理事务（暂按2031年科目）");
    bd::Edition undated;
    undated.add({bd::Scheme::Function, "224", "灾害防治及应急管理支出", 0, "test"});
    EXPECT_EQ(shown(bd::provisional_class_name(undated, T("224"))), "灾害防治及应急管理支出（暂按内置科目）");
    EXPECT_EQ(shown(bd::provisional_class_name(imported, T("22402"))), "#N/A");
    EXPECT_EQ(shown(bd::provisional_class_name(imported, T("22x"))), "#VALUE!");
}

TEST(Catalog, MalformedIsAnErrorUnknownIsNotAvailable) {
    EXPECT_EQ(shown(bd::class_name(edition(), T("22401x"))), "#VALUE!");
    EXPECT_EQ(shown(bd::class_name(edition(), T("2240"))), "#VALUE!");
    EXPECT_EQ(shown(bd::class_name(edition(), N(22401.5))), "#VALUE!");
    EXPECT_EQ(shown(bd::class_name(edition(), E())), "#VALUE!");
    EXPECT_EQ(shown(bd::class_name(edition(), T("2249999"))), "#N/A");
    EXPECT_FALSE(bd::class_valid(edition(), T("2249999")));
    EXPECT_FALSE(bd::class_valid(edition(), T("abc")));
}

TEST(Catalog, CodeOfANameAfterNormalization) {
    EXPECT_EQ(shown(bd::class_code(edition(), T("灾害防治及应急管理支出"), E())), "224");
    EXPECT_EQ(shown(bd::class_code(edition(), T("维修（护）费"), T("部门经济"))), "30213");
    EXPECT_EQ(shown(bd::class_code(edition(), T("维修 (护) 费"), N(302))), "30213");
    EXPECT_EQ(shown(bd::class_code(edition(), T("不存在的科目"), E())), "#N/A");
    EXPECT_EQ(shown(bd::class_code(edition(), T("办公费"), T("nonsense"))), "#VALUE!");
}

TEST(Catalog, AmbiguousNamesNeedAPrefix) {
    // 一般行政管理事务 is a 项 under 20129 and under 21201.
    EXPECT_EQ(shown(bd::class_code(edition(), T("一般行政管理事务"), E())), "#VALUE!");
    EXPECT_EQ(shown(bd::class_code(edition(), T("一般行政管理事务"), T("212"))), "2120102");
}

TEST(Catalog, LevelsAndParents) {
    EXPECT_EQ(shown(bd::class_level(edition(), T("224"))), "类");
    EXPECT_EQ(shown(bd::class_level(edition(), T("22401"))), "款");
    EXPECT_EQ(shown(bd::class_level(edition(), T("2240106"))), "项");
    EXPECT_EQ(shown(bd::class_parent(edition(), T("2240106"))), "22401");
    EXPECT_EQ(shown(bd::class_parent(edition(), T("22401"))), "224");
    EXPECT_EQ(shown(bd::class_parent(edition(), T("224"))), "#N/A");
    EXPECT_EQ(shown(bd::class_level(edition(), T("2249999"))), "#N/A");
}

TEST(Catalog, DepartmentToGovernmentEconomicDependsOnTheUnit) {
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30101"), T("机关"))), "50101");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30101"), T("事业单位"))), "50501");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30228"), T("行政单位"))), "50201");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30228"), T("事业"))), "50502");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30101"), T("企业"))), "#VALUE!");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("2240106"), T("机关"))), "#VALUE!");
    EXPECT_EQ(shown(bd::government_economic_code(edition(), T("30999"), T("机关"))), "#N/A");
}

TEST(Catalog, TableOneLinesWithChineseOrdinals) {
    EXPECT_EQ(shown(bd::table1_line_label(bundled(), edition(), T("224"))), "二十三、灾害防治及应急管理支出");
    EXPECT_EQ(shown(bd::table1_line_label(bundled(), edition(), T("201"))), "一、一般公共服务支出");
    EXPECT_EQ(shown(bd::table1_line_label(bundled(), edition(), T("210"))), "十、卫生健康支出");
    EXPECT_EQ(shown(bd::table1_line_label(bundled(), edition(), T("234"))), "三十、抗疫特别国债安排的支出");
    EXPECT_EQ(shown(bd::table1_line_label(bundled(), edition(), T("22401"))), "#N/A");
    EXPECT_EQ(bd::chinese_number(11), "十一");
}

TEST(Catalog, SumUnderCountsOnlyTheDeepestRows) {
    // Table 3 of the seed with its subtotal rows: 合计, 类, 款 and 项 all present.
    const std::vector<CellValue> codes{T("合计"),  T("208"),     T("20808"), T("2080801"), T("224"),
                                       T("22401"), T("2240106"), T("22402"), T("2240299")};
    const std::vector<CellValue> amounts{N(595.2), N(1.6),   N(1.6), N(1.6), N(593.6),
                                         N(467.6), N(467.6), N(126), N(126)};
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("224"))), "593.6");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("22401"))), "467.6");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, N(208))), "1.6");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("201"))), "0");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("2x"))), "#VALUE!");
    // Leading digits: "2" sums every functional code (a 合计 row), "22" the classes 22x.
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("2"))), "595.2");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, N(22))), "593.6");
    EXPECT_EQ(shown(bd::sum_under({E()}, {E()}, T("1"))), "0");
    EXPECT_EQ(shown(bd::sum_under(codes, amounts, T("22401060"))), "#VALUE!");
    EXPECT_EQ(shown(bd::sum_under({T("224")}, {}, T("224"))), "#VALUE!");
    // A 款 without 项 rows is itself a leaf.
    EXPECT_EQ(shown(bd::sum_under({T("224"), T("22401"), T("22402")}, {N(9), N(4), N(5)}, T("224"))), "9");
}

TEST(Import, AcceptsCodeAndNameColumns) {
    const auto result = bd::parse_classification_table(grid({{T("2024年政府收支分类科目"), E()},
                                                             {T("科目编码"), T("科目名称")},
                                                             {T("224"), T("灾害防治及应急管理支出")},
                                                             {N(22401), T("应急管理事务")},
                                                             {T("２２４０１０６"), T("安全监管")},
                                                             {E(), E()}}),
                                                       2024, "test");
    ASSERT_TRUE(result.edition) << (result.problems.empty() ? "" : result.problems.front().en);
    EXPECT_EQ(result.edition->size(), 3U);
    EXPECT_EQ(result.edition->year(), 2024);
    EXPECT_EQ(result.edition->find("2240106")->name, "安全监管");
}

TEST(Import, AcceptsSplitClassColumns) {
    const auto result = bd::parse_classification_table(grid({{T("类"), T("款"), T("项"), T("科目名称")},
                                                             {N(201), E(), E(), T("一般公共服务支出")},
                                                             {E(), T("01"), E(), T("人大事务")},
                                                             {E(), E(), T("01"), T("行政运行")},
                                                             {E(), T("02"), E(), T("政协事务")},
                                                             {E(), E(), N(1), T("行政运行")}}),
                                                       2024, "test");
    ASSERT_TRUE(result.edition);
    EXPECT_EQ(result.edition->find("2010101")->name, "行政运行");
    EXPECT_EQ(result.edition->find("2010201")->name, "行政运行");
    EXPECT_EQ(result.edition->find("20102")->name, "政协事务");
}

TEST(Import, RefusesABadTableListingTheProblems) {
    const auto result = bd::parse_classification_table(grid({{T("科目编码"), T("科目名称")},
                                                             {T("224"), T("灾害防治及应急管理支出")},
                                                             {T("22401"), T("应急管理事务")},
                                                             {T("22401"), T("应急管理")},
                                                             {T("22x01"), T("坏编码")},
                                                             {T("2250101"), T("孤儿科目")}}),
                                                       2024, "test");
    EXPECT_FALSE(result.edition);
    ASSERT_EQ(result.problems.size(), 3U);
    EXPECT_NE(result.problems[0].zh.find("有两个名称"), std::string::npos) << result.problems[0].zh;
    EXPECT_NE(result.problems[1].en.find("malformed code 22x01"), std::string::npos) << result.problems[1].en;
    EXPECT_NE(result.problems[2].zh.find("上级科目 22501 不在表中"), std::string::npos) << result.problems[2].zh;
}

TEST(Import, ACodeTypedAsALongNumberIsAMalformedCodeNotAMissingOne) {
    const auto result = bd::parse_classification_table(grid({{T("科目编码"), T("科目名称")},
                                                             {T("224"), T("灾害防治及应急管理支出")},
                                                             {N(2240106000001), T("十三位")},
                                                             {N(224.5), T("小数")}}),
                                                       2024, "test");
    EXPECT_FALSE(result.edition);
    ASSERT_EQ(result.problems.size(), 2U);
    EXPECT_NE(result.problems[0].en.find("malformed code 2240106000001"), std::string::npos) << result.problems[0].en;
    EXPECT_NE(result.problems[1].en.find("malformed code 224.5"), std::string::npos) << result.problems[1].en;
}

TEST(Import, CsvIsReadWholeWithQuotesAndLineEnds) {
    const auto grid = bd::grid_of_csv(
        "\xEF\xBB\xBF科目编码,科目名称\r\n"
        "224,灾害防治及应急管理支出\r\n"
        "\"22401\",\"应急管理事务, 其他\"\n"
        "2240106,\"安全\"\"监管\"\"\n事务\"\n"
        "\n"
        ",孤名,多一列\n"
        "2240199",
        "t");
    ASSERT_EQ(grid.rows, 6U);
    ASSERT_EQ(grid.cols, 3U);
    EXPECT_EQ(grid.at(0, 0).text, "科目编码") << "the byte-order mark is not part of the header";
    EXPECT_EQ(grid.at(2, 0).text, "22401");
    EXPECT_EQ(grid.at(2, 1).text, "应急管理事务, 其他");
    EXPECT_EQ(grid.at(3, 1).text, "安全\"监管\"\n事务");
    EXPECT_TRUE(grid.at(4, 0).is_empty());
    EXPECT_EQ(grid.at(4, 2).text, "多一列");
    EXPECT_EQ(grid.at(5, 0).text, "2240199") << "the last line needs no line end";
    EXPECT_TRUE(grid.at(5, 1).is_empty());
    const auto imported = bd::parse_classification_table(
        bd::grid_of_csv("科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务\n", "t"), 2024, "t");
    ASSERT_TRUE(imported.edition);
    EXPECT_EQ(imported.edition->find("22401")->name, "应急管理事务");
}

TEST(Import, RefusesATableWithoutCodeColumn) {
    const auto result = bd::parse_classification_table(grid({{T("项目"), T("金额")}, {T("a"), N(1)}}), 2024, "test");
    EXPECT_FALSE(result.edition);
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_NE(result.problems[0].en.find("no code column"), std::string::npos);
}

TEST(Import, ImportedEditionTakesPrecedenceForItsYear) {
    bd::Catalog catalog = bd::Catalog::with_bundled_entries();
    auto imported = bd::parse_classification_table(grid({{T("科目编码"), T("科目名称")},
                                                         {T("224"), T("灾害防治及应急管理支出")},
                                                         {T("22401"), T("应急管理事务（新）")}}),
                                                   2025, "test");
    catalog.set_edition(std::move(*imported.edition));
    EXPECT_EQ(shown(bd::class_name(catalog.edition(2025), T("22401"))), "应急管理事务（新）");
    EXPECT_EQ(shown(bd::class_name(catalog.edition(2025), T("2240106"))), "#N/A");      // not in that edition
    EXPECT_EQ(shown(bd::class_name(catalog.edition(2023), T("2240106"))), "安全监管");  // bundled
    EXPECT_EQ(catalog.imported_years(), std::vector<int>{2025});
    // The stored form reads back the same.
    const std::string tsv = bd::edition_to_tsv(catalog.edition(2025));
    EXPECT_EQ(tsv, "科目编码\t科目名称\n224\t灾害防治及应急管理支出\n22401\t应急管理事务（新）\n");
}
