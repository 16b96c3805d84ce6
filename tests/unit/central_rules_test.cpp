// The central department rule pack (templates/rules/central-department.rules) over a small but
// complete central workbook typed by hand: the 9 tables with the layout's titles, headers and line
// labels, two functional 项 (2060702 科普活动, 2080501 行政单位离退休) with their 类 and 款 rows,
// amounts that agree across the tables. The consistent workbook has no failure; each mutation
// yields exactly the findings of the rules it breaks.
#include "bd/locate.hpp"
#include "bd/rules.hpp"
#include "bd/validate.hpp"
#include "test_cells.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using bd::CellValue;
using bd::Grid;
using bd::Outcome;
using bd::Severity;
using bd::Status;
using namespace bd::test;
using Rows = std::vector<std::vector<CellValue>>;

// The 30 functional classes in table-1 order, and the numbering the tables print before them.
constexpr std::array<const char*, 30> class_names = {
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "社会保险基金支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "预备费",
    "其他支出",
    "转移性支出",
    "债务还本支出",
    "债务付息支出",
    "债务发行费用支出",
    "抗疫特别国债安排的支出",
};

std::string numeral(std::size_t n) {  // 1 → 一, 12 → 十二, 30 → 三十
    static constexpr std::array<const char*, 10> digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) {
        return digits.at(n);
    }
    return std::string(n >= 20 ? digits.at(n / 10) : "") + "十" + digits.at(n % 10);
}

CellValue text(const std::string& s) {
    return CellValue::of_text(s);
}

// Index of a class in table-1 order: 206 科学技术支出 is the 6th, 208 the 8th.
constexpr std::size_t science = 5;
constexpr std::size_t social = 7;

// 表1收支总表: income lines beside the first class lines, the foot lines aligned at the bottom.
Grid table1() {
    Rows rows = {
        {T("部门预算公开表1")},
        {T("2023年收支总表")},
        {T("部门：某部"), E(), E(), T("单位：万元")},
        {T("收入"), E(), T("支出")},
        {T("项目"), T("预算数"), T("项目"), T("预算数")},
    };
    const std::vector<std::pair<const char*, double>> income = {
        {"一、一般公共预算财政拨款收入", 300},
        {"二、政府性基金预算财政拨款收入", 0},
        {"三、国有资本经营预算财政拨款收入", 0},
        {"四、财政专户管理资金收入", 0},
        {"五、事业收入", 30},
        {"六、事业单位经营收入", 0},
        {"七、其他收入", 0},
    };
    for (std::size_t i = 0; i < class_names.size(); ++i) {
        std::vector<CellValue> row = {E(), E()};
        if (i < income.size()) {
            row = {T(income[i].first), N(income[i].second)};
        }
        row.push_back(text(numeral(i + 1) + "、" + class_names.at(i)));
        row.push_back(i == science ? N(300) : i == social ? N(50) : E());
        rows.push_back(row);
    }
    rows.push_back({T("本年收入合计"), N(330), T("本年支出合计"), N(350)});
    rows.push_back({T("使用非财政拨款结余"), N(0), T("结转下年"), N(0)});
    rows.push_back({T("上年结转"), N(20)});
    rows.push_back({T("收入总计"), N(350), T("支出总计"), N(350)});
    return sheet_of("表1收支总表", rows);
}

// 表2收入总表: 2060702 is funded by last year's carry-over, the appropriation and 事业收入.
Grid table2() {
    const auto science_row = [](const char* code, const char* name) {
        return std::vector<CellValue>{T(code), T(name), N(300), N(20), N(250), E(), E(), E(), N(30), E(), E()};
    };
    const auto social_row = [](const char* code, const char* name) {
        return std::vector<CellValue>{T(code), T(name), N(50), E(), N(50), E(), E(), E(), E(), E(), E()};
    };
    return sheet_of("表2收入总表",
                    {
                        {T("部门预算公开表2")},
                        {T("2023年收入总表")},
                        {T("部门：某部"), E(), E(), E(), E(), E(), E(), E(), E(), E(), T("单位：万元")},
                        {T("科目编码"), T("科目名称"), T("合计"), T("上年结转"), T("一般公共预算财政拨款收入"),
                         T("政府性基金预算财政拨款收入"), T("国有资本经营预算财政拨款收入"), T("财政专户管理资金收入"),
                         T("事业收入"), T("事业单位经营收入"), T("其他收入")},
                        {T("合计"), E(), N(350), N(20), N(300), E(), E(), E(), N(30), E(), E()},
                        science_row("206", "科学技术支出"),
                        science_row("20607", "科学技术普及"),
                        science_row("2060702", "科普活动"),
                        social_row("208", "社会保障和就业支出"),
                        social_row("20805", "行政事业单位养老支出"),
                        social_row("2080501", "行政单位离退休"),
                    });
}

// 表3支出总表: all the department's expenditure.
Grid table3() {
    const auto row = [](const char* code, const char* name, double total, double basic, double project) {
        return std::vector<CellValue>{T(code), T(name), N(total), N(basic), N(project), E(), E(), E()};
    };
    return sheet_of("表3支出总表", {
                                       {T("部门预算公开表3")},
                                       {T("2023年支出总表")},
                                       {T("部门：某部"), E(), E(), E(), E(), E(), E(), T("单位：万元")},
                                       {T("科目编码"), T("科目名称"), T("合计"), T("基本支出"), T("项目支出"),
                                        T("上缴上级支出"), T("事业单位经营支出"), T("对附属单位补助支出")},
                                       {T("合计"), E(), N(350), N(150), N(200), E(), E(), E()},
                                       row("206", "科学技术支出", 300, 100, 200),
                                       row("20607", "科学技术普及", 300, 100, 200),
                                       row("2060702", "科普活动", 300, 100, 200),
                                       row("208", "社会保障和就业支出", 50, 50, 0),
                                       row("20805", "行政事业单位养老支出", 50, 50, 0),
                                       row("2080501", "行政单位离退休", 50, 50, 0),
                                   });
}

// 表4财政拨款收支总表: the appropriation only; no fiscal carry-over either way.
Grid table4() {
    Rows rows = {
        {T("部门预算公开表4")},
        {T("2023年财政拨款收支总表")},
        {T("部门：某部"), E(), E(), E(), E(), E(), T("单位：万元")},
        {T("收入"), E(), T("支出")},
        {T("项目"), T("预算数"), T("项目"), T("合计"), T("一般公共预算"), T("政府性基金预算"), T("国有资本经营预算")},
    };
    const std::vector<std::pair<const char*, double>> income = {
        {"一、本年收入", 300},
        {"（一）一般公共预算资金", 300},
        {"（二）政府性基金预算资金", 0},
        {"（三）国有资本经营预算资金", 0},
        {"二、上年结转", 0},
        {"（一）一般公共预算资金", 0},
        {"（二）政府性基金预算资金", 0},
        {"（三）国有资本经营预算资金", 0},
    };
    rows.push_back({T(income[0].first), N(income[0].second), T("一、本年支出"), N(300), N(300), E(), E()});
    for (std::size_t i = 0; i < class_names.size(); ++i) {
        std::vector<CellValue> row = {E(), E()};
        if (i + 1 < income.size()) {
            row = {T(income[i + 1].first), N(income[i + 1].second)};
        }
        row.push_back(text("（" + numeral(i + 1) + "）" + class_names.at(i)));
        const double amount = i == science ? 250 : i == social ? 50 : 0;
        row.push_back(N(amount));
        row.push_back(N(amount));
        rows.push_back(row);
    }
    rows.push_back({E(), E(), T("二、结转下年"), N(0), N(0), N(0), N(0)});
    rows.push_back({T("收入总计"), N(300), T("支出总计"), N(300), N(300), N(0), N(0)});
    return sheet_of("表4财政拨款收支总表", rows);
}

// Tables 5, 8 and 9 share their header: 科目编码, 科目名称, last year's 执行数, this year's 预算数
// (小计, 基本支出, 项目支出).
Rows appropriation_head(const char* number, const char* title) {
    return {
        {T(number)},
        {T(title)},
        {T("部门：某部"), E(), E(), E(), E(), T("单位：万元")},
        {T("科目编码"), T("科目名称"), T("2022年执行数"), T("2023年预算数")},
        {E(), E(), E(), T("小计"), T("基本支出"), T("项目支出")},
    };
}

// 表5一般公共预算支出表: this year's general public budget appropriation.
Grid table5() {
    auto rows = appropriation_head("部门预算公开表5", "2023年一般公共预算支出表");
    const auto row = [](const char* code, const char* name, double prior, double total, double basic, double project) {
        return std::vector<CellValue>{T(code), T(name), N(prior), N(total), N(basic), N(project)};
    };
    rows.push_back({T("合计"), E(), N(285), N(300), N(100), N(200)});
    rows.push_back(row("206", "科学技术支出", 240, 250, 50, 200));
    rows.push_back(row("20607", "科学技术普及", 240, 250, 50, 200));
    rows.push_back(row("2060702", "科普活动", 240, 250, 50, 200));
    rows.push_back(row("208", "社会保障和就业支出", 45, 50, 50, 0));
    rows.push_back(row("20805", "行政事业单位养老支出", 45, 50, 50, 0));
    rows.push_back(row("2080501", "行政单位离退休", 45, 50, 50, 0));
    return sheet_of("表5一般公共预算支出表", rows);
}

// 表6一般公共预算基本支出表: table 5's 基本支出 by economic class.
Grid table6() {
    const auto row = [](const char* code, const char* name, double total, double personnel, double pub) {
        return std::vector<CellValue>{T(code), T(name), N(total), N(personnel), N(pub)};
    };
    return sheet_of("表6一般公共预算基本支出表",
                    {
                        {T("部门预算公开表6")},
                        {T("2023年一般公共预算基本支出表")},
                        {T("部门：某部"), E(), E(), E(), T("单位：万元")},
                        {T("部门预算支出经济分类科目"), E(), T("2023年基本支出")},
                        {T("科目编码"), T("科目名称"), T("合计"), T("人员经费"), T("公用经费")},
                        {E(), T("合计"), N(100), N(80), N(20)},
                        row("301", "工资福利支出", 80, 80, 0),
                        row("30101", "基本工资", 50, 50, 0),
                        row("30102", "津贴补贴", 30, 30, 0),
                        row("302", "商品和服务支出", 20, 0, 20),
                        row("30201", "办公费", 12, 0, 12),
                        row("30231", "公务用车运行维护费", 8, 0, 8),
                    });
}

// 表7“三公”经费支出表: last year's and this year's budget as rows.
Grid table7() {
    return sheet_of("表7三公经费支出表", {
                                             {T("部门预算公开表7")},
                                             {T("2023年一般公共预算“三公”经费支出表")},
                                             {T("部门：某部"), E(), E(), E(), E(), E(), T("单位：万元")},
                                             {T("项目"), T("合计"), T("因公出国（境）费"), T("公务用车购置及运行费"),
                                              E(), E(), T("公务接待费")},
                                             {E(), E(), E(), T("小计"), T("公务用车购置费"), T("公务用车运行费")},
                                             {T("2022年预算数"), N(15), N(5), N(8), N(0), N(8), N(2)},
                                             {T("2023年预算数"), N(12), N(3), N(8), N(0), N(8), N(1)},
                                         });
}

// Tables 8 and 9: no money of these budgets, said under the table.
Grid empty_table(const char* sheet, const char* number, const char* title) {
    auto rows = appropriation_head(number, title);
    rows.push_back({T("合计"), E(), E(), E(), E(), E()});
    rows.push_back({T("注：本表无数据")});
    return sheet_of(sheet, rows);
}

// The department's 情况说明, typed as central departments write it, its figures those of the tables.
Grid narrative() {
    Rows rows;
    for (const char* paragraph : {
             "第二部分 某部2023年部门预算情况说明",
             "一、收支预算总体情况说明",
             "某部2023年收支总预算350.00万元。收入包括：本年收入合计330.00万元，上年结转20.00万元。",
             "二、收入预算情况说明",
             "本年收入合计330.00万元，其中：一般公共预算拨款收入300.00万元，占90.91%；事业收入30.00万元，占9.09%。",
             "三、支出预算情况说明",
             "本年支出合计350.00万元，其中：基本支出150.00万元，占42.86%；项目支出200.00万元，占57.14%。",
             "四、一般公共预算支出预算情况说明",
             "2023年一般公共预算当年拨款300.00万元，比2022年执行数增加15.00万元，增长5.26%。",
             "1.科学技术支出（类）科学技术普及（款）科普活动（项）2023年预算数为250.00万元，"
             "比2022年执行数增加10.00万元，增长4.17%。主要原因是科普活动增加。",
             "2.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）2023年预算数为50.00万元，"
             "比2022年执行数增加5.00万元，增长11.11%。",
             "五、“三公”经费支出预算情况说明",
             "2023年“三公”经费财政拨款预算数12.00万元，比2022年预算减少3.00万元，下降20.00%。",
         }) {
        rows.push_back({T(paragraph)});
    }
    return sheet_of("情况说明", rows);
}

std::vector<Grid> workbook() {
    return {table1(),
            table2(),
            table3(),
            table4(),
            table5(),
            table6(),
            table7(),
            empty_table("表8政府性基金预算支出表", "部门预算公开表8", "2023年政府性基金预算支出表"),
            empty_table("表9国有资本经营预算支出表", "部门预算公开表9", "2023年国有资本经营预算支出表"),
            narrative()};
}

std::size_t failures(const std::vector<Outcome>& outcomes, const std::string& rule) {
    return static_cast<std::size_t>(std::ranges::count_if(
        outcomes, [&](const Outcome& o) { return o.rule_id == rule && o.status == Status::Fail; }));
}

Status status_of(const std::vector<Outcome>& outcomes, const std::string& rule) {
    const auto it = std::ranges::find(outcomes, rule, &Outcome::rule_id);
    if (it == outcomes.end()) {
        throw std::runtime_error("rule " + rule + " did not run");
    }
    return it->status;
}

const bd::rules::RulePack& central_pack() {
    const auto* pack = bd::rules::rule_pack_for_layout("central-department");
    if (pack == nullptr) {
        throw std::runtime_error("no central-department rule pack");
    }
    return *pack;
}

TEST(CentralRules, ThePackIsBundledForTheCentralLayout) {
    const auto& pack = central_pack();
    EXPECT_EQ(pack.id, "central-department");
    EXPECT_EQ(pack.version, 1);
    EXPECT_GE(pack.rules.size(), 50U);
    for (const auto& rule : pack.rules) {
        EXPECT_FALSE(rule.message.en.empty()) << rule.id;
        EXPECT_FALSE(rule.fix.zh.empty()) << rule.id;
        EXPECT_FALSE(rule.fix.en.empty()) << rule.id;
    }
}

TEST(CentralRules, TheWorkbookIsReadAsACentralSet) {
    const auto sheets = workbook();
    const auto recognized = recognition(sheets);
    EXPECT_EQ(recognized.set_id, "central-department");
    EXPECT_EQ(recognized.found_count(), 9U);
    EXPECT_TRUE(recognized.recognized);
    const auto located = locate(sheets, "central-department");
    EXPECT_TRUE(located.missing_tables.empty());
    for (const auto& table : located.tables) {
        EXPECT_TRUE(table.missing.empty())
            << table.table->id << ": " << (table.missing.empty() ? "" : table.missing.front());
    }
}

TEST(CentralRules, TheConsistentWorkbookPassesEveryRuleThatCanRun) {
    const auto outcomes = validate(workbook());
    // Every rule of the central pack ran, and nothing else did.
    std::set<std::string> ran;
    for (const auto& o : outcomes) {
        ran.insert(o.rule_id);
    }
    std::set<std::string> declared;
    for (const auto& rule : central_pack().rules) {
        declared.insert(rule.id);
    }
    EXPECT_EQ(ran, declared);
    // Tables 8 and 9 have no rows: their by-code rules say they had nothing to check (see
    // StateCapitalMoneyIsFollowedAcrossTheTables).
    for (const auto& o : outcomes) {
        if (o.rule_id == "X.T8-T3-BY-CODE" || o.rule_id == "X.T9-T3-BY-CODE") {
            EXPECT_EQ(o.status, Status::NotApplicable) << o.rule_id;
        }
    }
    EXPECT_GT(bd::summarize(outcomes).checks, 200);
    for (const auto& o : outcomes) {
        EXPECT_NE(o.status, Status::Fail) << o.rule_id << " " << o.message.zh;
        EXPECT_NE(o.status, Status::NotEvaluated) << o.rule_id << " " << o.message.zh;
    }
    EXPECT_TRUE(finding_rules(outcomes).empty());
    // The preconditions hold in this workbook: the rules that need them ran.
    for (const char* rule : {"X.T2-T3-BY-CODE", "X.T3-T2-BY-CODE", "X.T4-T5-CLASS-LINES", "X.T5-T4-GPB",
                             "X.T4-T8-CLASS-LINES", "E.T8", "E.T9", "X.T1-CLASS-LINES", "T7.ROW-TOTAL"}) {
        EXPECT_EQ(status_of(outcomes, rule), Status::Pass) << rule;
    }
    // One outcome per class line of table 1 (30) and per row of tables 2 and 3.
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T1-CLASS-LINES"), &Outcome::rule_id), 30);
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T2-T3-BY-CODE"), &Outcome::rule_id), 6);
}

TEST(CentralRules, AClassRowOffByOneBreaksOnlyTheHierarchy) {
    auto sheets = workbook();
    set(sheets, "表5一般公共预算支出表", "D7", N(249));  // 206 小计
    set(sheets, "表5一般公共预算支出表", "E7", N(49));   // and its 基本支出, so that the row adds up
    const auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"T5.HIERARCHY"}));
    // 206 against 20607 and 合计 against the 类 rows, in both columns.
    EXPECT_EQ(failures(outcomes, "T5.HIERARCHY"), 4U);
    const auto first = std::ranges::find_if(outcomes, [](const Outcome& o) { return o.status == Status::Fail; });
    EXPECT_EQ(first->difference, "-1.00");
    EXPECT_EQ(first->severity, Severity::Error);
    EXPECT_NE(first->message.zh.find("206"), std::string::npos);
}

TEST(CentralRules, ATableOneClassLineThatDiffersFromTableThree) {
    auto sheets = workbook();
    set(sheets, "表1收支总表", "D11", N(301));  // 六、科学技术支出
    set(sheets, "表1收支总表", "D13", N(49));   // 八、社会保障和就业支出: the lines still add up
    auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T1-CLASS-LINES"}));
    EXPECT_EQ(failures(outcomes, "X.T1-CLASS-LINES"), 2U);
    // One line alone also breaks 本年支出合计.
    sheets = workbook();
    set(sheets, "表1收支总表", "D11", N(301));
    outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T1-CLASS-LINES", "T1.EXPENSE-SUM"}));
}

TEST(CentralRules, AnEmptyGovernmentFundTableWithoutItsNote) {
    auto sheets = workbook();
    set(sheets, "表8政府性基金预算支出表", "A7", E());  // 注：本表无数据
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"E.T8"}));
    // A table with data must not say it has none.
    sheets = workbook();
    set(sheets, "表9国有资本经营预算支出表", "D6", N(10));
    EXPECT_EQ(status_of(validate(sheets), "E.T9"), Status::Fail);
}

TEST(CentralRules, TableFourAgainstTableFiveByClass) {
    auto sheets = workbook();
    // （六）科学技术支出 260 and （八）社会保障和就业支出 40: table 4 still adds up, table 5 disagrees.
    for (const char* cell : {"D12", "E12"}) {
        set(sheets, "表4财政拨款收支总表", cell, N(260));
    }
    for (const char* cell : {"D14", "E14"}) {
        set(sheets, "表4财政拨款收支总表", cell, N(40));
    }
    auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T4-T5-CLASS-LINES"}));
    EXPECT_EQ(failures(outcomes, "X.T4-T5-CLASS-LINES"), 2U);
    // With general-budget money carried over, table 4 may spend more than table 5 by class.
    set(sheets, "表4财政拨款收支总表", "B10", N(10));  // 二、上年结转
    set(sheets, "表4财政拨款收支总表", "B11", N(10));  // （一）一般公共预算资金
    outcomes = validate(sheets);
    EXPECT_EQ(status_of(outcomes, "X.T4-T5-CLASS-LINES"), Status::NotApplicable);
    EXPECT_NE(failures(outcomes, "T4.INCOME-TOTAL"), 0U);  // the totals no longer agree
}

TEST(CentralRules, StateCapitalMoneyIsFollowedAcrossTheTables) {
    auto sheets = workbook();
    // Table 9 gets 10.00 of 2080501 that neither table 4 nor table 1 knows of.
    auto& t9 = *std::ranges::find(sheets, std::string("表9国有资本经营预算支出表"), &Grid::name);
    auto rows = appropriation_head("部门预算公开表9", "2023年国有资本经营预算支出表");
    rows.push_back({T("合计"), E(), E(), N(10), N(10), E()});
    rows.push_back({T("2080501"), T("行政单位离退休"), E(), N(10), N(10), E()});
    t9 = sheet_of(t9.name, rows);
    const auto outcomes = validate(sheets);
    // Within table 3's amounts for the code: the by-code rule passes, once per column.
    EXPECT_EQ(std::ranges::count(outcomes, std::string("X.T9-T3-BY-CODE"), &Outcome::rule_id), 3);
    EXPECT_EQ(failures(outcomes, "X.T9-T3-BY-CODE"), 0U);
    EXPECT_EQ(status_of(outcomes, "E.T9"), Status::Pass);  // figures, and no note saying there are none
    // (and the 项 alone, without its 类 and 款 rows, is a table to arrange)
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"X.T9-T4-SCB", "X.T4-T9-CLASS-LINES", "C.ARRANGED"}));
    // More than table 3 spends on the code.
    set(sheets, "表9国有资本经营预算支出表", "D6", N(60));
    set(sheets, "表9国有资本经营预算支出表", "E6", N(60));
    set(sheets, "表9国有资本经营预算支出表", "D7", N(60));
    set(sheets, "表9国有资本经营预算支出表", "E7", N(60));
    EXPECT_EQ(failures(validate(sheets), "X.T9-T3-BY-CODE"), 2U);  // 小计 and 基本支出
}

TEST(CentralRules, ThreeCostsIdentities) {
    auto sheets = workbook();
    set(sheets, "表7三公经费支出表", "F6", N(7));  // 2022年 公务用车运行费: 小计 8 ≠ 0 + 7
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"T7.VEHICLES"}));
    set(sheets, "表7三公经费支出表", "D6", N(7));  // 小计 7: now 合计 15 ≠ 5 + 7 + 2
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"T7.ROW-TOTAL"}));
}

TEST(CentralRules, ANameThatDoesNotMatchItsCode) {
    auto sheets = workbook();
    set(sheets, "表5一般公共预算支出表", "B9", T("科普活动经费"));  // 2060702 is 科普活动
    const auto outcomes = validate(sheets);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"C.CODES", "C.SAME-NAME"}));
    EXPECT_EQ(failures(outcomes, "C.SAME-NAME"), 1U);
}

// Table 7's two year lines, "{year - 1}年预算数" and "{year}年预算数", are told apart by their year:
// the current year's 三公 figures are checked too.
TEST(CentralRules, TheThreeCostsTableFindsBothYearLines) {
    const auto sheets = workbook();
    const auto located = locate(sheets, "central-department");
    const auto* t7 = located.table("T7");
    ASSERT_NE(t7, nullptr);
    EXPECT_EQ(t7->lines.at("prior").row, 5U);  // "2022年预算数" for {year - 1}年预算数
    EXPECT_EQ(t7->lines.at("current").row, 6U);
    auto changed = sheets;
    set(changed, "表7三公经费支出表", "B7", N(13));  // 2023年 合计 off by one, and no longer the narrative's 12
    EXPECT_EQ(finding_rules(validate(changed)), (std::set<std::string>{"T7.ROW-TOTAL", "N.THREE-COSTS"}));
}

}  // namespace

namespace {

// ---- the narrative ----

TEST(CentralRules, EveryFigureOfTheNarrativeIsChecked) {
    const auto outcomes = validate(workbook());
    for (const char* rule : {"N.TOTAL", "N.INCOME", "N.CARRY", "N.EXPENSE", "N.BASIC-SHARE", "N.PROJECT-SHARE", "N.GPB",
                             "N.THREE-COSTS", "N.ITEMS", "N.SHARES", "N.YEAR-ON-YEAR"}) {
        EXPECT_EQ(status_of(outcomes, rule), Status::Pass) << rule;
    }
    EXPECT_EQ(std::ranges::count(outcomes, std::string("N.ITEMS"), &Outcome::rule_id), 2);  // the two 项
    EXPECT_EQ(std::ranges::count(outcomes, std::string("N.YEAR-ON-YEAR"), &Outcome::rule_id), 4);
    EXPECT_EQ(status_of(outcomes, "N.UNRESOLVED"), Status::NotApplicable);  // every figure resolved
}

TEST(CentralRules, ANarrativeThatDisagreesWithItsTablesOrItself) {
    auto sheets = workbook();
    replace_text(sheets, "科普活动（项）2023年预算数为250.00万元", "科普活动（项）2023年预算数为260.00万元");
    auto outcomes = validate(sheets);
    EXPECT_EQ(failures(outcomes, "N.ITEMS"), 1U);
    EXPECT_EQ(failures(outcomes, "N.YEAR-ON-YEAR"), 1U);  // 10 on 250 is no longer 4.17 % of 2022
    sheets = workbook();
    replace_text(sheets, "增长11.11%", "下降11.11%");
    outcomes = validate(sheets);
    EXPECT_EQ(failures(outcomes, "N.YEAR-ON-YEAR"), 1U);
    EXPECT_EQ(finding_rules(outcomes), (std::set<std::string>{"N.YEAR-ON-YEAR"}));
    sheets = workbook();
    replace_text(sheets, "比2022年执行数增加15.00万元", "比2021年执行数增加15.00万元");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.YEAR-ON-YEAR"}));
    sheets = workbook();
    replace_text(sheets, "事业收入30.00万元，占9.09%", "事业收入30.00万元，占9.90%");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.SHARES"}));
    sheets = workbook();
    replace_text(sheets, "预算数12.00万元", "预算数13.00万元");
    EXPECT_EQ(finding_rules(validate(sheets)), (std::set<std::string>{"N.THREE-COSTS", "N.YEAR-ON-YEAR"}));
}

// ---- last year's document ----

// The department's document of 2022: every year in its texts one earlier, and its 三公 table's
// current line what this year's table says of 2022.
std::vector<Grid> last_years_workbook() {
    auto sheets = workbook();
    for (auto& grid : sheets) {
        for (auto& cell : grid.cells) {
            for (const auto& [from, to] : {std::pair{"2022年", "2021年"}, std::pair{"2023年", "2022年"}}) {
                if (const auto at = cell.text.find(from);
                    cell.kind == CellValue::Kind::Text && at != std::string::npos) {
                    cell.text.replace(at, std::string(from).size(), to);
                    break;
                }
            }
        }
    }
    set(sheets, "表7三公经费支出表", "A6", T("2021年预算数"));
    set(sheets, "表7三公经费支出表", "A7", T("2022年预算数"));
    const auto this_year = table7();
    for (const auto* column : {"B", "C", "D", "E", "F", "G"}) {
        set(sheets, "表7三公经费支出表", std::string(column) + "7",
            this_year.at(5, static_cast<std::size_t>(*column - 'A')));
    }
    return sheets;
}

TEST(CentralRules, LastYearsFiguresAreCheckedAgainstLastYearsDocument) {
    const auto last_year = last_years_workbook();
    auto outcomes = bd::validate_workbook(workbook(), bundled_catalog(), &last_year).outcomes;
    EXPECT_EQ(std::ranges::count_if(
                  outcomes, [](const Outcome& o) { return o.rule_id == "Y.T7-PRIOR" && o.status == Status::Pass; }),
              4);
    EXPECT_EQ(status_of(outcomes, "N.PRIOR-YEAR"), Status::Pass);  // 12 + 3 = 2022's 15
    EXPECT_TRUE(finding_rules(outcomes).empty());
    // Last year's document budgeted 6 for travel abroad, not the 5 this year's table says.
    auto changed = last_year;
    set(changed, "表7三公经费支出表", "C7", N(6));
    set(changed, "表7三公经费支出表", "B7", N(16));
    outcomes = bd::validate_workbook(workbook(), bundled_catalog(), &changed).outcomes;
    EXPECT_EQ(failures(outcomes, "Y.T7-PRIOR"), 2U);  // 合计 and 因公出国（境）费
    EXPECT_EQ(failures(outcomes, "N.PRIOR-YEAR"), 1U);
    // Without last year's document the rules say they need it.
    outcomes = validate(workbook());
    EXPECT_EQ(status_of(outcomes, "Y.T7-PRIOR"), Status::NotApplicable);
}

}  // namespace
