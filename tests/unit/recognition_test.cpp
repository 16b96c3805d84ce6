// Real documents, not our own fixtures: the two published Shanghai budgets (tests/data/shanghai-*.grid,
// as Calc reads ../shared/reference/shanghai/*.xlsx and .ods) and the seed typed plainly from its
// published text (jinzhong-2023-typed.grid), then variants of them as other workbooks have them.
#include "bd/titles.hpp"
#include "grid_file.hpp"
#include "test_cells.hpp"
#include "validation_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace {

using namespace bd::test;
using bd::CellValue;
using bd::Grid;
using bd::Outcome;
using bd::Status;

std::vector<Grid> data(const char* name) {
    return read_grid_file(std::filesystem::path(BD_TEST_DATA_DIR) / name);
}

// Findings that are not "not applicable", as "RULE severity".
std::multiset<std::string> findings(const std::vector<Outcome>& outcomes) {
    std::multiset<std::string> out;
    for (const auto& o : outcomes) {
        if (o.is_finding() && o.status != Status::NotApplicable) {
            out.insert(o.rule_id + " " +
                       std::string(o.status == Status::Fail ? to_string(o.severity) : "not-evaluated"));
        }
    }
    return out;
}

// n copies of a finding.
std::multiset<std::string> times(int n, const std::string& finding) {
    std::multiset<std::string> out;
    for (int i = 0; i < n; ++i) {
        out.insert(finding);
    }
    return out;
}

std::multiset<std::string> operator+(std::multiset<std::string> a, const std::multiset<std::string>& b) {
    a.insert(b.begin(), b.end());
    return a;
}

// What the 2024 Shanghai budget yields as published (see PublishedBudgets below), with more.
std::multiset<std::string> shanghai_2024(const std::multiset<std::string>& more = {}) {
    return std::multiset<std::string>{"E.T9 warning", "N.ITEMS error", "N.YEAR-ON-YEAR error", "N.YEAR-ON-YEAR info"} +
           times(8, "N.UNRESOLVED not-evaluated") + more;
}

Grid& sheet_starting(std::vector<Grid>& sheets, const std::string& prefix) {
    const auto it = std::ranges::find_if(sheets, [&](const Grid& g) { return g.name.starts_with(prefix); });
    if (it == sheets.end()) {
        throw std::runtime_error("no sheet " + prefix);
    }
    return *it;
}

// The first cell of a sheet whose text is `text`: (row, col).
std::pair<std::size_t, std::size_t> find_text(const Grid& grid, const std::string& text) {
    for (std::size_t r = 0; r < grid.rows; ++r) {
        for (std::size_t c = 0; c < grid.cols; ++c) {
            if (grid.at(r, c).kind == CellValue::Kind::Text && grid.at(r, c).text == text) {
                return {r, c};
            }
        }
    }
    throw std::runtime_error("no cell " + text + " on " + grid.name);
}

CellValue& cell(Grid& grid, std::size_t row, std::size_t col) {
    return grid.cells.at(row * grid.cols + col);
}

// A sheet with a column inserted before `col` (filled by `fill(row)`).
Grid with_column(const Grid& grid, std::size_t col, const std::function<CellValue(std::size_t)>& fill) {
    std::vector<std::vector<CellValue>> rows;
    for (std::size_t r = 0; r < grid.rows; ++r) {
        std::vector<CellValue> row(grid.cells.begin() + static_cast<long>(r * grid.cols),
                                   grid.cells.begin() + static_cast<long>((r + 1) * grid.cols));
        row.insert(row.begin() + static_cast<long>(col), fill(r));
        rows.push_back(std::move(row));
    }
    return sheet_of(grid.name, rows);
}

// ---- the published Shanghai budgets ----

struct Expected {
    const char* file;
    int checks;
    int passed;
    std::multiset<std::string> findings;
    int errors;  // the narrative's genuine errors
};

class Shanghai : public ::testing::TestWithParam<Expected> {};

TEST_P(Shanghai, EveryTableIsFoundAndEveryIdentityEvaluatedWithoutAFalseError) {
    const auto& expected = GetParam();
    const auto sheets = data(expected.file);
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    const auto& recognition = validation.recognition;
    EXPECT_EQ(recognition.set_id, "shanghai");
    EXPECT_TRUE(recognition.recognized);
    ASSERT_EQ(recognition.tables.size(), 9U);
    for (std::size_t t = 0; t < 9; ++t) {
        const auto& table = recognition.tables[t];
        EXPECT_TRUE(table.found) << table.id;
        EXPECT_TRUE(table.sheet.starts_with(std::to_string(t + 1) + " ")) << table.id << " on " << table.sheet;
        EXPECT_EQ(table.unit, t < 8 ? "元" : "万元") << table.id;  // the tables' own unit lines
        EXPECT_EQ(table.missing, std::vector<std::string>{}) << table.id;
    }
    const auto summary = bd::summarize(validation.outcomes);
    EXPECT_EQ(summary.checks, expected.checks);
    EXPECT_EQ(summary.passed, expected.passed);
    // Every identity of the set could be evaluated; what is not evaluated is the narrative's figures
    // no table holds, listed.
    for (const auto& o : validation.outcomes) {
        if (o.status == Status::NotEvaluated) {
            EXPECT_EQ(o.rule_id, "N.UNRESOLVED") << o.message.zh;
        }
    }
    EXPECT_EQ(summary.errors, expected.errors);  // the narrative's, none in the tables: no false error
    EXPECT_EQ(findings(validation.outcomes), expected.findings);
    // Not applicable: only the empty fund tables' sums, the unit edition's columns this department
    // edition does not have, the narrative's phrasings this year's text does not use, and the
    // comparison with last year's document (none given).
    for (const auto& o : validation.outcomes) {
        if (o.status == Status::NotApplicable) {
            const bool expected_na = o.rule_id == "T6.HIERARCHY" || o.rule_id == "T7.HIERARCHY" ||
                                     o.message.zh.find("该版本的表不列") != std::string::npos ||
                                     o.message.zh.find("没有此项表述") != std::string::npos ||
                                     o.message.zh.find("未提供上年的预算文件") != std::string::npos;
            EXPECT_TRUE(expected_na) << o.rule_id << " " << o.message.zh;
        }
    }
    EXPECT_EQ(bd::verdict_of(validation), bd::Verdict::Errors);
}

INSTANTIATE_TEST_SUITE_P(
    PublishedBudgets, Shanghai,
    ::testing::Values(
        // 2023: the PDF cut two names — a 项 name in table 2, a class line wrapped onto two rows in
        // table 4 (read as one); the tables' figures agree. The narrative, typed by hand, has these
        // errors: item 16 says 预算安排441.25万元 where its heading and table 5 say 220.63万元,
        // and its 60.54% follows from neither; 11.67 → 45.41万元 is +289.12%, not +314.82%; and
        // 政府性基金 of 0万元 "比2022年预算增加1421.25万元". Two items grow from 0 "by 100%" (info).
        Expected{"shanghai-putuo-2023.grid", 1580, 1527,
                 std::multiset<std::string>{"C.CODES warning", "C.SAME-NAME warning", "C.SAME-NAME warning",
                                            "N.ITEMS error", "N.YEAR-ON-YEAR info", "N.YEAR-ON-YEAR info"} +
                     times(3, "N.YEAR-ON-YEAR error") + times(18, "N.UNRESOLVED not-evaluated"),
                 4},
        // 2024: the “三公” table says it is empty (故本表为空表) above its figures. The narrative's
        // 住房公积金 item says 预算安排352.67万元 where table 5 says 350.35万元 (its 0.53% follows
        // from 350.35); an item grows from 0 "by 100%" (info).
        Expected{"shanghai-putuo-2024.grid", 1588, 1548, shanghai_2024(), 2}));

TEST(Shanghai, AFigureChangedInATableIsAnError) {
    auto sheets = data("shanghai-putuo-2024.grid");
    auto& t3 = sheet_starting(sheets, "3 ");
    const auto [row, col] = find_text(t3, "城管执法");
    cell(t3, row, col + 1) = N(6043490);  // 合计 of 2120104, 100 元 more
    cell(t3, row, col + 2) = N(6043490);  // and its 基本支出: the row still adds up
    const auto found = findings(validate(sheets));
    EXPECT_EQ(found.count("T3.HIERARCHY error"), 2U);  // 21201 = Σ项, in 合计 and 基本支出
    EXPECT_EQ(found.count("X.T3-T2-BY-CODE error"), 1U);
    EXPECT_EQ(found.count("X.T2-T3-BY-CODE error"), 1U);
    EXPECT_EQ(found.count("X.T1-CLASS-LINES error"), 1U);  // table 1's 城乡社区支出 against table 3's 项
    EXPECT_EQ(found.count("X.T5-T3-BY-CODE error"), 0U);   // table 5 may spend less than table 3
}

TEST(Shanghai, TheNarrativeInWanYuanIsComparedWithTablesInYuan) {
    auto sheets = data("shanghai-putuo-2024.grid");
    auto& narrative = sheet_starting(sheets, "情况说明");
    const auto [row, col] = find_text(narrative, "事业收入0.00万元；");
    cell(narrative, row, col) = T("事业收入0.01万元；");
    EXPECT_EQ(findings(validate(sheets)), shanghai_2024({"N.BUSINESS-INCOME error"}));
    // 15621.11万元 is 156,211,123 元 rounded as written: right; 15621.12 is not.
    auto text = narrative.at(0, 0).text;
    text.replace(text.find("15621.11"), 8, "15621.12");
    cell(narrative, 0, 0) = CellValue::of_text(text);
    EXPECT_EQ(findings(validate(sheets)).count("N.INCOME error"), 1U);
}

// The unit edition's 财务收支预算总表: 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出 under a header of
// three rows (TEMPLATES.md), filled consistently from the 2024 department's tables 3 and 8.
Grid unit_edition_table1(const std::vector<Grid>& sheets) {
    const Grid& t3 = *std::ranges::find_if(sheets, [](const Grid& g) { return g.name.starts_with("3 "); });
    std::map<std::string, std::pair<double, double>> classes;  // class name → (basic, project)
    for (std::size_t r = 0; r < t3.rows; ++r) {
        if (t3.at(r, 0).kind == CellValue::Kind::Text && t3.at(r, 1).is_empty() &&
            t3.at(r, 4).kind == CellValue::Kind::Number) {
            classes[t3.at(r, 3).text] = {t3.at(r, 5).number, t3.at(r, 6).number};
        }
    }
    const double public_total = 11168569;  // table 8's 公用经费: all of it under 城乡社区支出 here
    std::vector<std::vector<CellValue>> rows{
        {T("2024年预算单位财务收支预算总表")},
        {T("编制单位：某单位"), E(), E(), E(), E(), E(), T("单位：元")},
        {T("本年收入"), E(), T("本年支出")},
        {T("项目"), T("预算数"), T("项目"), T("预算数")},
        {E(), E(), E(), T("合计"), T("基本支出"), E(), T("项目支出")},
        {E(), E(), E(), E(), T("人员经费"), T("公用经费")},
    };
    const char* income[] = {"一、财政拨款收入", "1、一般公共预算",      "2、政府性基金预算", "3、国有资本经营预算",
                            "二、事业收入",     "三、事业单位经营收入", "四、其他收入"};
    const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::size_t i = 0;
    double basic_sum = 0;
    double project_sum = 0;
    for (const auto& [name, amounts] : classes) {
        const auto [basic, project] = amounts;
        const double public_part = name == "城乡社区支出" ? public_total : 0;
        rows.push_back({i < 7 ? T(income[i]) : E(), i < 2 ? N(156211123) : E(),
                        CellValue::of_text(std::string(numerals[i]) + "、" + name), N(basic + project),
                        N(basic - public_part), public_part != 0 ? N(public_part) : E(), N(project)});
        basic_sum += basic;
        project_sum += project;
        ++i;
    }
    rows.push_back({T("收入总计"), N(156211123), T("支出总计"), N(basic_sum + project_sum), N(basic_sum - public_total),
                    N(public_total), N(project_sum)});
    return sheet_of("1 单位收支总表", rows);
}

TEST(Shanghai, TheUnitEditionsSplitOfTableOneIsCheckedToo) {
    auto sheets = data("shanghai-putuo-2024.grid");
    sheet_starting(sheets, "1 ") = unit_edition_table1(sheets);
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    EXPECT_EQ(validation.recognition.set_id, "shanghai");
    const auto located = locate(sheets, "shanghai");
    const auto* t1 = located.table("T1");
    ASSERT_NE(t1, nullptr);
    EXPECT_EQ(t1->column("out", "total"), 3U);
    EXPECT_EQ(t1->column("out", "personnel"), 4U);
    EXPECT_EQ(t1->column("out", "public"), 5U);
    EXPECT_EQ(t1->column("out", "project"), 6U);
    EXPECT_TRUE(t1->absent_optional.empty());
    EXPECT_EQ(findings(validation.outcomes), shanghai_2024());
    const auto ran = [&](const char* rule) {
        return std::ranges::count_if(validation.outcomes,
                                     [&](const Outcome& o) { return o.rule_id == rule && o.status == Status::Pass; });
    };
    EXPECT_EQ(ran("T1.ROW-SPLIT"), 10);  // nine class lines and 支出总计
    EXPECT_EQ(ran("X.T1-T8-SPLIT"), 2);  // 人员经费 and 公用经费 against table 8
    auto& t1_sheet = sheet_starting(sheets, "1 ");
    const auto total_row = find_text(t1_sheet, "支出总计").first;
    cell(t1_sheet, total_row, 4) = N(t1_sheet.at(total_row, 4).number + 100);  // 人员经费 100 元 off in 支出总计
    const auto broken = findings(validate(sheets));
    EXPECT_EQ(broken.count("T1.ROW-SPLIT error"), 1U);
    EXPECT_EQ(broken.count("T1.EXPENSE-TOTAL error"), 1U);
    EXPECT_EQ(broken.count("X.T1-T8-SPLIT warning"), 1U);  // the definitions may differ: a warning
}

TEST(Shanghai, AClassLineUnderItsFormerNameIsReadAndReported) {
    auto sheets = data("shanghai-putuo-2024.grid");
    auto& t1 = sheet_starting(sheets, "1 ");
    const auto [row, col] = find_text(t1, "七、卫生健康支出");
    cell(t1, row, col) = T("七、医疗卫生与计划生育支出");
    const auto outcomes = validate(sheets);
    // The line is still class 210 for every sum; its name is reported, with the current one.
    EXPECT_EQ(findings(outcomes), shanghai_2024({"L.LINES warning", "C.SAME-NAME error"}));
    const auto lines = std::ranges::find_if(
        outcomes, [](const Outcome& o) { return o.rule_id == "L.LINES" && o.status == Status::Fail; });
    EXPECT_NE(lines->message.zh.find("210类在2018年及以前的名称，当年名称为“卫生健康支出”"), std::string::npos)
        << lines->message.zh;
}

TEST(Shanghai, AClassLineNoEditionNamesIsNeverSkipped) {
    auto sheets = data("shanghai-putuo-2024.grid");
    auto& t1 = sheet_starting(sheets, "1 ");
    const auto [row, col] = find_text(t1, "七、卫生健康支出");
    cell(t1, row, col) = T("七、卫生保健支出");
    const auto found = findings(validate(sheets));
    EXPECT_EQ(found.count("L.LINES warning"), 1U);         // the row is named
    EXPECT_EQ(found.count("T1.EXPENSE-TOTAL error"), 1U);  // and its amount is missing from the sums
}

TEST(Shanghai, AmountsTypedAsTextWithSeparatorsReadTheSame) {
    auto sheets = data("shanghai-putuo-2024.grid");
    for (auto& grid : sheets) {
        for (auto& value : grid.cells) {
            if (value.kind == CellValue::Kind::Number && value.number >= 1000 &&
                value.number == std::floor(value.number)) {
                std::string digits = std::to_string(static_cast<long long>(value.number));
                for (auto at = static_cast<long>(digits.size()) - 3; at > 0; at -= 3) {
                    digits.insert(static_cast<std::size_t>(at), ",");
                }
                value = CellValue::of_text(digits);  // "156,211,123"
            }
        }
    }
    EXPECT_EQ(findings(validate(sheets)), shanghai_2024());
}

// ---- a workbook of no known set ----

TEST(NoKnownSet, ItsCodedTablesAreCheckedButItIsNotRecognized) {
    const auto coded = sheet_of("Sheet1", {
                                              {T("某单位支出明细")},
                                              {T("科目编码"), T("科目名称"), T("本年"), T("上年")},
                                              {T("合计"), E(), N(12), N(10)},
                                              {N(224), T("灾害防治及应急管理支出"), N(12), N(10)},
                                              {N(22401), T("应急管理事务"), N(12), N(10)},
                                              {N(2240106), T("安全监管"), N(7), N(6)},
                                              {N(2240199), T("其他应急管理支出"), N(5), N(4)},
                                          });
    auto validation = bd::validate_workbook({coded}, bundled_catalog());
    EXPECT_EQ(validation.recognition.set_id, "");
    EXPECT_FALSE(validation.recognition.recognized);
    ASSERT_EQ(validation.recognition.tables.size(), 1U);  // the coded table found, by its columns
    EXPECT_EQ(validation.recognition.tables.front().sheet, "Sheet1");
    EXPECT_NE(validation.recognition.verdict.zh.find("找到 1 张按科目编码排列的表"), std::string::npos);
    // 224, 22401 and 合计, in both amount columns (every column of amounts, whatever its header).
    EXPECT_EQ(std::ranges::count(validation.outcomes, std::string("GEN.HIERARCHY"), &Outcome::rule_id), 6);
    EXPECT_EQ(bd::summarize(validation.outcomes).passed, 6);
    EXPECT_EQ(bd::verdict_of(validation), bd::Verdict::NotRecognized);  // checked, but no disclosure
    auto broken = coded;
    cell(broken, 5, 3) = N(7);  // 2240106 上年 6 → 7: 22401 no longer adds up in that column
    validation = bd::validate_workbook({broken}, bundled_catalog());
    EXPECT_EQ(findings(validation.outcomes), (std::multiset<std::string>{"GEN.HIERARCHY error"}));
}

// ---- the seed typed plainly, and variants of it ----

std::vector<Grid> typed() {
    return data("jinzhong-2023-typed.grid");
}

// The seed's own findings, as published: a project without its form (F.EXISTS), 遗属补助's form
// text saying 16312元 of a 1.6万元 total (4 texts), and 7 figures of the narrative no table holds.
std::multiset<std::string> seed_findings() {
    return std::multiset<std::string>{"F.EXISTS error"} + times(4, "F.TEXT warning") +
           times(7, "N.UNRESOLVED not-evaluated");
}

TEST(TypedSeed, IsRecognizedAsTheShanxiSetAndFullyChecked) {
    const auto validation = bd::validate_workbook(typed(), bundled_catalog());
    EXPECT_EQ(validation.recognition.set_id, "shanxi-unit");
    EXPECT_EQ(validation.recognition.found_count(), 13U);
    for (const auto& table : validation.recognition.tables) {
        EXPECT_EQ(table.missing, std::vector<std::string>{}) << table.id;
    }
    // The same checks as the example built from the template, with the same genuine problems, but
    // one: table 6 typed without codes has no code order to check (C.ARRANGED).
    const auto example = bd::validate_workbook(data("jinzhong-2023.grid"), bundled_catalog());
    EXPECT_EQ(bd::summarize(validation.outcomes).checks + 1, bd::summarize(example.outcomes).checks);
    EXPECT_EQ(bd::summarize(validation.outcomes).passed + 1, bd::summarize(example.outcomes).passed);
    EXPECT_EQ(findings(validation.outcomes), seed_findings());
}

TEST(TypedSeed, SheetsRenamedAndReordered) {
    auto sheets = typed();
    std::ranges::reverse(sheets);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        sheets[i].name = "Sheet" + std::to_string(i + 1);
    }
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    EXPECT_EQ(validation.recognition.found_count(), 13U);
    EXPECT_EQ(findings(validation.outcomes), seed_findings());
}

TEST(TypedSeed, TitlesOnlyInTheSheetsNames) {
    auto sheets = typed();
    for (auto& grid : sheets) {
        for (auto& value : grid.cells) {
            if (value.kind == CellValue::Kind::Text && value.text.starts_with("2023年") &&
                bd::title_key(value.text).ends_with("表")) {
                value = CellValue::empty();  // "2023年预算收支总表" … gone from the cells
            }
        }
    }
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    EXPECT_EQ(validation.recognition.found_count(), 13U);
    const auto t2 = std::ranges::find(validation.recognition.tables, std::string("T2"), &bd::RecognizedTable::id);
    EXPECT_EQ(t2->found_as, "预算收入总表");  // the sheet's name
    EXPECT_EQ(findings(validation.outcomes), seed_findings());
}

TEST(TypedSeed, ATitleWithATypoIsNotFoundButOfferedAsTheClosestCandidate) {
    auto sheets = typed();
    auto& t3 = sheet_starting(sheets, "预算支出总表");
    t3.name = "Sheet3";
    const auto [row, col] = find_text(t3, "2023年预算支出总表");
    cell(t3, row, col) = T("2023年预算支出总衣");
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    EXPECT_TRUE(validation.recognition.recognized);  // 12 of 13 tables
    const auto t3_entry = std::ranges::find(validation.recognition.tables, std::string("T3"), &bd::RecognizedTable::id);
    EXPECT_FALSE(t3_entry->found);
    ASSERT_FALSE(t3_entry->candidates.empty());
    EXPECT_EQ(t3_entry->candidates.front(), "“2023年预算支出总衣”（Sheet3!A1）");
    EXPECT_NE(validation.recognition.verdict.zh.find("未找到：预算支出总表"), std::string::npos)
        << validation.recognition.verdict.zh;
    // The rules that need table 3 say so instead of passing.
    EXPECT_EQ(findings(validation.outcomes).count("X.T3-T1-EXPENSE not-evaluated"), 1U);
}

TEST(TypedSeed, CodesSplitIntoClassItemAndSubItemColumns) {
    auto sheets = typed();
    auto& t3 = sheet_starting(sheets, "预算支出总表");
    const auto [header_row, code_col] = find_text(t3, "科目编码");
    // 类 | 款 | 项 in place of 科目编码: 2080801 → 208 | 08 | 01, under the group header.
    auto split = with_column(with_column(t3, code_col + 1, [](std::size_t) { return E(); }), code_col + 2,
                             [](std::size_t) { return E(); });
    for (std::size_t r = header_row + 1; r < split.rows; ++r) {
        const auto code = bd::normalize_code(split.at(r, code_col));
        if (!code) {
            continue;
        }
        cell(split, r, code_col) = CellValue::of_text(code->substr(0, 3));
        if (code->size() >= 5) {
            cell(split, r, code_col + 1) = CellValue::of_number(std::stod(code->substr(3, 2)));  // 08 typed as 8
        }
        if (code->size() == 7) {
            cell(split, r, code_col + 2) = CellValue::of_text(code->substr(5, 2));
        }
    }
    cell(split, header_row, code_col) = T("类");
    cell(split, header_row, code_col + 1) = T("款");
    cell(split, header_row, code_col + 2) = T("项");
    cell(split, header_row - 1, code_col) = T("科目编码");
    t3 = split;
    const auto located = locate(sheets, "shanxi-unit");
    const auto& rows = located.table("T3")->blocks.at("codes");
    EXPECT_EQ(rows.size(), 8U);
    EXPECT_TRUE(std::ranges::any_of(rows, [](const bd::LocatedRow& r) { return r.code == "2080801"; }));
    EXPECT_EQ(findings(validate(sheets)), seed_findings());
}

TEST(TypedSeed, CodeAndNameInOneCell) {
    auto sheets = typed();
    auto& t2 = sheet_starting(sheets, "预算收入总表");
    const auto [header_row, code_col] = find_text(t2, "科目编码");
    for (std::size_t r = header_row + 1; r < t2.rows; ++r) {
        if (const auto code = bd::normalize_code(t2.at(r, code_col))) {
            cell(t2, r, code_col) =
                CellValue::of_text(*code + " " + t2.at(r, code_col + 1).text);  // "2080801 死亡抚恤"
            cell(t2, r, code_col + 1) = E();
        }
    }
    cell(t2, header_row, code_col + 1) = E();  // 科目编码 merged over both columns
    const auto located = locate(sheets, "shanxi-unit");
    EXPECT_EQ(located.table("T2")->missing, std::vector<std::string>{});  // the names are there, with the codes
    const auto& rows = located.table("T2")->blocks.at("codes");
    EXPECT_EQ(rows.size(), 8U);
    EXPECT_EQ(rows.back().label, "其他消防救援事务支出");
    EXPECT_EQ(findings(validate(sheets)), seed_findings());
}

TEST(TypedSeed, TheTotalLineInAnyColumnAndCalled总计) {
    auto sheets = typed();
    auto& t3 = sheet_starting(sheets, "预算支出总表");
    const auto [header_row, code_col] = find_text(t3, "科目编码");
    std::size_t row = header_row + 1;
    while (t3.at(row, code_col).text != "合计") {  // the line, below the header's 合计
        ++row;
    }
    cell(t3, row, code_col) = E();
    cell(t3, row, code_col + 1) = T("总计");  // in the name column
    const auto located = locate(sheets, "shanxi-unit");
    EXPECT_EQ(located.table("T3")->lines.at("total").row, row);
    EXPECT_EQ(findings(validate(sheets)), seed_findings());
}

TEST(TypedSeed, ATableInYuanIsComparedExactlyWithTablesInWanYuan) {
    auto sheets = typed();
    auto& t3 = sheet_starting(sheets, "预算支出总表");
    for (std::size_t i = 0; i < t3.cells.size(); ++i) {
        auto& value = t3.cells[i];
        if (value.kind == CellValue::Kind::Number && i % t3.cols >= 2) {  // the amounts, not the codes
            value = CellValue::of_number(std::round(value.number * 10000));
        } else if (value.kind == CellValue::Kind::Text && value.text == "单位：万元") {
            value = T("单位：元");
        }
    }
    const auto validation = bd::validate_workbook(sheets, bundled_catalog());
    const auto t3_entry = std::ranges::find(validation.recognition.tables, std::string("T3"), &bd::RecognizedTable::id);
    EXPECT_EQ(t3_entry->unit, "元");
    EXPECT_EQ(findings(validation.outcomes), seed_findings());
    // Two 元 more in a 项 of table 3: an error within table 3 (in 元), within the rounding of the
    // other tables' 万元 with two decimals (50 元 each).
    const auto [row, col] = find_text(t3, "安全监管");
    cell(t3, row, col + 1) = N(t3.at(row, col + 1).number + 2);
    cell(t3, row, col + 2) = N(t3.at(row, col + 2).number + 2);
    const auto off = findings(validate(sheets));
    EXPECT_EQ(off.count("T3.HIERARCHY error"), 2U);  // 22401 = Σ项, in 合计 and 基本支出
    EXPECT_EQ(off.count("X.T3-T2-BY-CODE warning"), 1U);
    EXPECT_EQ(std::ranges::count_if(off, [](const std::string& f) { return f.ends_with(" error"); }), 3);  // + F.EXISTS
}

TEST(TypedSeed, EmptyTablesAcceptTheNotesPeopleWrite) {
    for (const char* note : {"注：本表无数据", "注:本表为空表。", "注：本单位2023年无政府性基金预算，故本表为空表。"}) {
        auto sheets = typed();
        auto& t8 = sheet_starting(sheets, "政府性基金预算支出表");
        const auto [row, col] = find_text(t8, "注：本表无数据");
        cell(t8, row, col) = CellValue::of_text(note);
        EXPECT_EQ(findings(validate(sheets)), seed_findings()) << note;
    }
}

}  // namespace
