// The Shanxi rule pack over the example (the seed document entered into the template, as Calc
// computed it: tests/data/jinzhong-2023.grid): the unmodified example yields only the document's
// genuine problem; each mutation yields exactly the findings of the rules it breaks.
#include "bd/engine.hpp"
#include "bd/validate.hpp"
#include "grid_file.hpp"
#include "test_cells.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using bd::CellValue;
using bd::Grid;
using bd::Outcome;
using bd::Severity;
using bd::Status;
using namespace bd::test;

std::vector<Grid> example() {
    static const auto sheets = read_grid_file(std::filesystem::path(BD_TEST_DATA_DIR) / "jinzhong-2023.grid");
    return sheets;
}

// Findings as "RULE status severity".
std::multiset<std::string> findings(const std::vector<Outcome>& outcomes) {
    std::multiset<std::string> out;
    for (const auto& o : outcomes) {
        if (o.is_finding() && o.status != Status::NotApplicable) {
            out.insert(o.rule_id + " " + std::string(to_string(o.status)) + " " + std::string(to_string(o.severity)));
        }
    }
    return out;
}

// The example's own findings: the seed's genuine problems, and what its narrative states that no
// table holds (listed, not checked).
std::multiset<std::string> own_findings(const std::initializer_list<std::string>& more = {}) {
    std::multiset<std::string> out(more);
    out.insert("F.EXISTS fail error");
    for (int i = 0; i < 4; ++i) {  // 遗属补助: 4 texts of its form say 16312元; its total is 1.6万元
        out.insert("F.TEXT fail warning");
    }
    // 126万元 and 90万元 (of the income and of the expense), 5辆, 2.1万元 and 9.3万元 of 政府购买服务.
    for (int i = 0; i < 7; ++i) {
        out.insert("N.UNRESOLVED not-evaluated info");
    }
    return out;
}

TEST(Engine, TheExampleHasOnlyItsGenuineProblem) {
    const auto outcomes = validate(example());
    const auto summary = bd::summarize(outcomes);
    EXPECT_GT(summary.checks, 300);
    // 8 projects in table 12, 7 forms published: 党建工作及机关文化建设经费 has none.
    EXPECT_EQ(findings(outcomes), own_findings());
    const auto text = std::ranges::find(outcomes, std::string("F.TEXT"), &Outcome::rule_id);
    ASSERT_NE(text, outcomes.end());
    EXPECT_NE(text->message.zh.find("遗属补助"), std::string::npos) << text->message.zh;
    EXPECT_EQ(text->expected, "16000");
    EXPECT_EQ(text->actual, "16312");
    const auto missing = std::ranges::find_if(
        outcomes, [](const Outcome& o) { return o.rule_id == "F.EXISTS" && o.status == Status::Fail; });
    ASSERT_NE(missing, outcomes.end());
    EXPECT_NE(missing->message.zh.find("党建工作及机关文化建设经费"), std::string::npos);
    EXPECT_EQ(display_cells(missing->cells), "表12项目支出表!A8");
    // Every rule of the pack ran at least once.
    std::set<std::string> ran;
    for (const auto& o : outcomes) {
        ran.insert(o.rule_id);
    }
    EXPECT_EQ(ran.size(), bd::rules::rule_pack_for_layout("shanxi-unit")->rules.size());
}

std::set<std::string> with(const std::initializer_list<std::string>& rules) {
    std::set<std::string> all(rules);
    all.insert({"F.EXISTS", "F.TEXT", "N.UNRESOLVED"});  // the example's own findings stay
    return all;
}

TEST(Engine, HierarchySum) {
    auto sheets = example();
    set(sheets, "表5一般公共预算支出表", "D11", N(41.5));   // 22401 基本支出
    set(sheets, "表5一般公共预算支出表", "C11", N(468.6));  // and its 合计, so that the row adds up
    EXPECT_EQ(finding_rules(validate(sheets)), with({"T5.HIERARCHY"}));
}

TEST(Engine, ALineLabelledByAFieldIsNamedAsTheTableWritesIt) {
    // Table 12's unit line is "{unit}" in the layout; its finding names the unit.
    auto sheets = example();
    set(sheets, "表12项目支出表", "C7", N(554.8));  // the unit line's 一般公共预算
    std::vector<Outcome> found;
    std::ranges::copy_if(validate(sheets), std::back_inserter(found),
                         [](const Outcome& o) { return o.rule_id == "T12.ROW-TOTAL" && o.status == Status::Fail; });
    ASSERT_EQ(found.size(), 1U);
    EXPECT_NE(found[0].message.zh.find("（山西转型综合改革示范区晋中开发区安全生产监督管理局）"), std::string::npos)
        << found[0].message.zh;
    EXPECT_EQ(found[0].message.en.find("{unit}"), std::string::npos) << found[0].message.en;
}

TEST(Engine, ColumnIdentity) {
    auto sheets = example();
    set(sheets, "表10三公经费表", "C10", N(7.2));  // ②公务用车运行维护费, 一般公共预算
    EXPECT_EQ(finding_rules(validate(sheets)), with({"T10.ROW-TOTAL"}));
}

TEST(Engine, TableOneClassLineAgainstTableThree) {
    auto sheets = example();
    set(sheets, "表1收支总表", "D28", N(593.7));  // 二十三、灾害防治及应急管理支出 合计
    set(sheets, "表1收支总表", "E28", N(593.7));  // 当年预算安排, so that the row adds up
    EXPECT_EQ(finding_rules(validate(sheets)), with({"X.T1-CLASS-LINES", "T1.EXPENSE-SUM"}));
}

TEST(Engine, CrossTableLine) {
    auto sheets = example();
    set(sheets, "表6基本支出经济科目表", "D16", N(7.2));  // 30231 公务用车运行维护费
    set(sheets, "表6基本支出经济科目表", "F16", N(7.2));
    EXPECT_EQ(finding_rules(validate(sheets)), with({"T6.HIERARCHY", "X.T10-T6-VEHICLES"}));
}

TEST(Engine, CodeNameAndSameNameInEveryTable) {
    auto sheets = example();
    set(sheets, "表3支出总表", "B9", T("死亡补助"));  // 2080801 is 死亡抚恤
    EXPECT_EQ(finding_rules(validate(sheets)), with({"C.CODES", "C.SAME-NAME"}));
}

TEST(Engine, EmptyTableWithoutItsNote) {
    auto sheets = example();
    set(sheets, "表7政府性基金收入表", "A8", E());
    EXPECT_EQ(finding_rules(validate(sheets)), with({"E.T7"}));
}

TEST(Engine, FormAnnualTotalAndSources) {
    auto sheets = example();
    auto& forms = sheet(sheets, "绩效目标");
    // The 年度资金总额 of the second form (安全生产培训费): 60,000 → 61,000.
    std::size_t changed = 0;
    for (std::size_t r = 0; r < forms.rows && changed == 0; ++r) {
        if (forms.at(r, 4).text == "年度资金总额：" && forms.at(r, 5).number == 60000) {
            forms.cells[r * forms.cols + 5] = N(61000);
            ++changed;
        }
    }
    ASSERT_EQ(changed, 1U);
    EXPECT_EQ(finding_rules(validate(sheets)), with({"F.ANNUAL-TOTAL", "F.SOURCES"}));
}

TEST(Engine, FormIndicatorsAndPlausibleValues) {
    auto sheets = example();
    // The first form loses its satisfaction indicators (the 一级 caption 满意度指标).
    auto& forms = sheet(sheets, "绩效目标");
    const auto caption = std::ranges::find(forms.cells, T("满意度指标").text, &CellValue::text);
    ASSERT_NE(caption, forms.cells.end());
    *caption = E();
    EXPECT_EQ(finding_rules(validate(sheets)), with({"F.INDICATORS"}));
    sheets = example();
    set(sheets, "绩效目标", "E28", T("120%"));
    const auto text = sheet(sheets, "绩效目标").at(27, 4).text;
    EXPECT_EQ(finding_rules(validate(sheets)), with({"F.PLAUSIBLE"})) << text;
}

TEST(Engine, NarrativeFacts) {
    auto sheets = example();
    replace_text(sheets, "实行绩效目标管理的项目8个", "实行绩效目标管理的项目9个");
    EXPECT_EQ(finding_rules(validate(sheets)), with({"N.PROJECT-COUNT"}));
    sheets = example();
    replace_text(sheets, "政府采购预算总额19.88万元", "政府采购预算总额19.98万元");
    EXPECT_EQ(finding_rules(validate(sheets)), with({"N.PROCUREMENT"}));
    sheets = example();
    replace_text(sheets, "基本支出40.50万元，占6.80%", "基本支出40.50万元，占6.90%");
    EXPECT_EQ(finding_rules(validate(sheets)), with({"N.BASIC-SHARE", "N.SHARES"}));  // and the shares add up to 100.1%
    sheets = example();
    replace_text(sheets, "下降31.50%", "下降30.50%");
    EXPECT_EQ(finding_rules(validate(sheets)), with({"N.YEAR-ON-YEAR"}));
}

TEST(Engine, RoundingDifferencesAreWarningsThatSaySo) {
    auto sheets = example();
    set(sheets, "表3支出总表", "C6", N(595.21));  // 合计
    const auto outcomes = validate(sheets);
    // The narrative's 93.20% no longer matches 554.70 / 595.21 = 93.19%, nor its 595.20万元 the
    // table: real inconsistencies.
    EXPECT_EQ(finding_rules(outcomes),
              with({"T3.HIERARCHY", "T3.ROW-TOTAL", "X.T3-T1-EXPENSE", "N.PROJECT-SHARE", "N.EXPENSE"}));
    for (const auto& o : outcomes) {
        if (o.is_finding() && (o.rule_id.starts_with("T3") || o.rule_id.starts_with("X.T3"))) {
            EXPECT_EQ(o.severity, Severity::Warning) << o.rule_id;
            EXPECT_NE(o.message.zh.find("四舍五入"), std::string::npos) << o.message.zh;
            EXPECT_EQ(o.difference, "0.01");
        }
    }
    set(sheets, "表3支出总表", "C6", N(595.3));  // beyond the rounding of the parts: errors
    for (const auto& o : validate(sheets)) {
        if (o.is_finding() && o.status != Status::NotApplicable && !with({}).contains(o.rule_id)) {
            EXPECT_EQ(o.severity, Severity::Error) << o.rule_id;
        }
    }
}

TEST(Engine, TextInANumberCellCannotBeEvaluatedAndSaysWhere) {
    auto sheets = example();
    set(sheets, "表10三公经费表", "C10", T("七点一"));
    const auto outcomes = validate(sheets);
    EXPECT_EQ(findings(outcomes), own_findings({"T10.ROW-TOTAL not-evaluated error"}));
    const auto it = std::ranges::find(outcomes, std::string("T10.ROW-TOTAL"), &Outcome::rule_id);
    const auto bad = std::ranges::find_if(outcomes, [](const Outcome& o) { return o.status == Status::NotEvaluated; });
    ASSERT_NE(it, outcomes.end());
    EXPECT_NE(bad->message.zh.find("无法检查，数字单元格中是文字 表10三公经费表!C10"), std::string::npos)
        << bad->message.zh;
    EXPECT_NE(bad->message.en.find("could not be checked: text in the number cell 表10三公经费表!C10"),
              std::string::npos)
        << bad->message.en;  // the reason in English too
    // Full-width digits are a number as written: no finding.
    set(sheets, "表10三公经费表", "C10", T("７．１"));
    EXPECT_EQ(finding_rules(validate(sheets)), with({}));
}

TEST(Engine, SheetsRenamedOrMissing) {
    auto sheets = example();
    for (auto& grid : sheets) {
        grid.name = "Sheet" + grid.name.substr(0, 4);  // names mean nothing: titles find the tables
    }
    EXPECT_EQ(finding_rules(validate(sheets)), with({}));
    sheets = example();
    std::erase_if(sheets, [](const Grid& g) { return g.name == "表3支出总表"; });
    const auto outcomes = validate(sheets);
    const auto rules = finding_rules(outcomes);
    EXPECT_TRUE(rules.contains("T3.HIERARCHY"));
    for (const auto& o : outcomes) {
        if (o.rule_id == "T3.HIERARCHY") {
            EXPECT_EQ(o.status, Status::NotEvaluated);
            EXPECT_NE(o.message.zh.find("未找到表 T3"), std::string::npos);
        }
    }
}

TEST(Engine, ATableTypedWithoutCodesIsCheckedThroughItsNames) {
    auto sheets = example();
    auto& t6 = sheet(sheets, "表6基本支出经济科目表");
    for (std::size_t r = 6; r < t6.rows; ++r) {
        t6.cells[r * t6.cols] = E();  // as the seed prints table 6: names, no codes
    }
    EXPECT_EQ(findings(validate(sheets)), own_findings());
    // The rows are placed by their names (302 商品和服务支出, then its 款): the sums are checked.
    const auto located = locate(sheets, "shanxi-unit");
    const auto& rows = located.table("T6")->blocks.at("codes");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().code, "302");
    EXPECT_TRUE(rows.front().by_name);
    EXPECT_TRUE(std::ranges::any_of(rows, [](const bd::LocatedRow& row) { return row.code == "30231"; }));
    set(sheets, "表6基本支出经济科目表", "D8", N(5.2));  // 办公费 5.10 → 5.20: 302 no longer adds up
    EXPECT_EQ(findings(validate(sheets)), own_findings({"T6.HIERARCHY fail error", "T6.ROW-TOTAL fail error"}));
}

TEST(Engine, WhatIsNoDisclosure) {
    const auto nothing = validate_workbook({}, bundled_catalog());
    EXPECT_TRUE(nothing.outcomes.empty());
    EXPECT_EQ(verdict_of(nothing), bd::Verdict::NotRecognized);
    // Three of the thirteen tables: not recognized as the Shanxi set, though what is there is checked.
    auto three = example();
    std::erase_if(three, [](const Grid& g) {
        return !g.name.starts_with("表2") && !g.name.starts_with("表3") && !g.name.starts_with("表5");
    });
    const auto partial = validate_workbook(three, bundled_catalog());
    EXPECT_EQ(partial.recognition.set_id, "shanxi-unit");
    EXPECT_EQ(partial.recognition.found_count(), 3U);
    EXPECT_FALSE(partial.recognition.recognized);
    EXPECT_EQ(verdict_of(partial), bd::Verdict::NotRecognized);
    EXPECT_TRUE(std::ranges::any_of(
        partial.outcomes, [](const Outcome& o) { return o.rule_id == "T3.HIERARCHY" && o.status == Status::Pass; }));
    const auto other =
        validate_workbook({sheet_of("账目", {{T("日期"), T("金额")}, {T("1月"), N(3)}})}, bundled_catalog());
    EXPECT_TRUE(other.outcomes.empty());
    EXPECT_EQ(verdict_of(other), bd::Verdict::NotRecognized);
    // An error cell in a total: could not evaluate, never a crash.
    auto sheets = example();
    set(sheets, "表3支出总表", "C6", ERR());
    const auto outcomes = validate(sheets);
    EXPECT_TRUE(std::ranges::any_of(outcomes, [](const Outcome& o) { return o.status == Status::NotEvaluated; }));
}

}  // namespace

// A table of 12,000 rows more: every sum still counts each of them, and no outcome carries them
// all as cells (a sum lists its first 10,000, so that 300,000 rows do not hold gigabytes).
TEST(Engine, ASumOfManyRowsCountsThemAllAndListsABoundedNumberOfCells) {
    auto sheets = read_grid_file(std::filesystem::path(BD_TEST_DATA_DIR) / "jinzhong-2023-typed.grid");
    auto& t3 = *std::ranges::find(sheets, std::string("预算支出总表"), &Grid::name);
    constexpr std::size_t more = 12'000;
    const std::size_t after = 11;  // 2240106 安全监管 under 22401 应急管理事务
    std::vector<CellValue> cells(t3.cells.begin(), t3.cells.begin() + static_cast<long>((after + 1) * t3.cols));
    for (std::size_t i = 0; i < more; ++i) {
        cells.push_back(CellValue::of_number(2240106));
        cells.push_back(CellValue::of_text("安全监管"));
        for (std::size_t c = 2; c < t3.cols; ++c) {
            cells.push_back(CellValue::of_number(c == 3 ? 0.01 : 0));
        }
    }
    cells.insert(cells.end(), t3.cells.begin() + static_cast<long>((after + 1) * t3.cols), t3.cells.end());
    t3.cells = std::move(cells);
    t3.rows += more;
    const auto outcomes = validate(sheets);
    std::size_t most = 0;
    for (const auto& o : outcomes) {
        most = std::max(most, o.cells.size());
    }
    // 22401's 基本支出 against the sum of its 12,001 项 rows: its own cell and the first 10,000.
    EXPECT_EQ(most, 10'001U);
    // 12,000 × 0.01 more 基本支出 in the 项 rows: 22401's typed 40.50 now differs by 120.00.
    const auto hierarchy = std::ranges::find_if(
        outcomes, [](const Outcome& o) { return o.rule_id == "T3.HIERARCHY" && o.status == Status::Fail; });
    ASSERT_NE(hierarchy, outcomes.end());
    EXPECT_EQ(hierarchy->actual, "40.50");
    EXPECT_EQ(hierarchy->expected, "160.50");
}
