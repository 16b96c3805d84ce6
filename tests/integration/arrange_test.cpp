// 预算公开 › 整理科目行 in Calc, from the Shanxi template as an accountant fills it: 项 codes typed
// out of order in any empty row of tables 3 and 6 (economic codes) give hierarchy errors; arranging
// sorts them, adds the 类/款 rows with their names and sums, the totals compute, validation finds no
// hierarchy error, and one undo restores what was typed.
#include "bd/validation_api.hpp"
#include "harness.hpp"

#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <algorithm>
#include <set>

using namespace css;
using namespace bd::test;

namespace {

const std::string arrange_url = "org.budgetdisclosure.command:ArrangeCodedRows";
const std::string table3 = "表3支出总表";
const std::string table6 = "表6基本支出经济科目表";

std::filesystem::path shanxi_template() {
    return std::filesystem::path(BD_TEMPLATE_DIR) / "山西省单位预算公开（13张表）.ots";
}

/// The A1 address of the cell `offset` rows below and `col` columns right of the first cell of a
/// sheet's column `search_col` that shows `text`.
std::string below(const Document& doc, const std::string& sheet, std::size_t search_col, const std::string& text,
                  std::size_t offset, std::size_t col) {
    const auto grids = read_sheets(doc.get());
    const auto grid = std::ranges::find(grids, sheet, &bd::Grid::name);
    for (std::size_t r = 0; r < grid->rows; ++r) {
        if (grid->at(r, search_col).text == text) {
            return bd::cell_address(r + offset, col);
        }
    }
    throw std::runtime_error("no " + text + " in " + sheet);
}

/// The failing hierarchy rules, and C.ARRANGED (whose fix names the command) if it fails.
std::set<std::string> hierarchy_failures(const Document& doc) {
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY_THROW);
    std::set<std::string> failures;
    for (const auto& outcome : bd::from_api(validator->validate(doc.get())).outcomes) {
        if (outcome.status == bd::Status::Fail &&
            (outcome.rule_id.ends_with(".HIERARCHY") || outcome.rule_id == "C.ARRANGED")) {
            failures.insert(outcome.rule_id);
        }
    }
    return failures;
}

/// Codes, names and two amounts of a table's rows below 合计 (columns A, B and the amounts), as
/// shown.
std::vector<std::string> shown_rows(const Document& doc, const std::string& sheet, std::size_t total_col,
                                    std::size_t rows, const std::string& amounts = "DE") {
    std::vector<std::string> shown;
    const auto first = below(doc, sheet, total_col, "合计", 1, 0);
    const auto row = std::stoul(first.substr(1));
    for (std::size_t i = 0; i < rows; ++i) {
        const auto r = std::to_string(row + i);
        shown.push_back(text_of(doc.sheet(sheet), "A" + r) + " " + text_of(doc.sheet(sheet), "B" + r) + " " +
                        text_of(doc.sheet(sheet), amounts.substr(0, 1) + r) + " " +
                        text_of(doc.sheet(sheet), amounts.substr(1, 1) + r));
    }
    return shown;
}

// What both templates' tables show after arranging the codes the tests type: code, name and two
// amounts (基本支出 and 项目支出; 人员经费 and 公用经费).
const std::vector<std::string> arranged_items = {
    "208 社会保障和就业支出  2.00",     "20808 抚恤  2.00",         "2080801 死亡抚恤  2.00",
    "224 灾害防治及应急管理支出 1.50 ", "22401 应急管理事务 1.50 ", "2240106 安全监管 1.50 ",
};
const std::vector<std::string> arranged_economic = {
    "301 工资福利支出 10.00 ",
    "30101 基本工资 10.00 ",
    "302 商品和服务支出  2.00",
    "30201 办公费  2.00",
};

UNO_TEST(Arrange, TypedItemsGetTheirClassesSumsAndNamesInOneUndoStep) {
    Document doc(shanxi_template(), false);
    set_number(doc.sheet("封面"), below(doc, "封面", 4, "预算年度", 0, 5), 2023);
    // Table 3: codes typed out of order, with blank rows between them, amounts on the 项 rows.
    const auto t3 = doc.sheet(table3);
    const auto t3_row = [&](std::size_t offset, std::size_t col) { return below(doc, table3, 0, "合计", offset, col); };
    set_formula(t3, t3_row(1, 0), "22401");
    set_formula(t3, t3_row(2, 0), "2240106");
    set_number(t3, t3_row(2, 3), 1.5);
    set_formula(t3, t3_row(4, 0), "2080801");
    set_number(t3, t3_row(4, 4), 2);
    set_formula(t3, t3_row(6, 0), "224");
    // Table 6 (economic codes, 合计 in the name column): names left empty.
    const auto t6 = doc.sheet(table6);
    const auto t6_row = [&](std::size_t offset, std::size_t col) { return below(doc, table6, 1, "合计", offset, col); };
    set_formula(t6, t6_row(1, 0), "30201");
    set_number(t6, t6_row(1, 5), 2);
    set_formula(t6, t6_row(2, 0), "302");
    set_formula(t6, t6_row(3, 0), "30101");
    set_number(t6, t6_row(3, 4), 10);
    doc.recalculate();
    EXPECT_EQ(hierarchy_failures(doc), (std::set<std::string>{"T3.HIERARCHY", "T6.HIERARCHY", "C.ARRANGED"}));
    const auto typed3 = snapshot(t3);
    const auto typed6 = snapshot(t6);

    const auto undo = uno::Reference<document::XUndoManagerSupplier>(doc.get(), uno::UNO_QUERY_THROW)->getUndoManager();
    doc.dispatch(arrange_url);
    EXPECT_EQ(bd::to_utf8(undo->getCurrentUndoActionTitle()), "Arrange Coded Rows");
    doc.recalculate();
    auto then_blank = arranged_items;
    then_blank.emplace_back("   ");
    EXPECT_EQ(shown_rows(doc, table3, 0, 7), then_blank);
    EXPECT_EQ(value_of(t3, t3_row(0, 2)), 3.5);  // 合计
    EXPECT_EQ(shown_rows(doc, table6, 1, 4, "EF"), arranged_economic);
    EXPECT_EQ(value_of(t6, t6_row(0, 3)), 12);
    EXPECT_TRUE(hierarchy_failures(doc).empty());

    // Arranged already: a second run changes nothing.
    const auto arranged3 = snapshot(t3);
    const auto steps = undo->getAllUndoActionTitles().getLength();
    doc.dispatch(arrange_url);
    EXPECT_EQ(snapshot(t3), arranged3);
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), steps);

    // One undo step restores what was typed, in both tables.
    EXPECT_EQ(bd::to_utf8(undo->getCurrentUndoActionTitle()), "Arrange Coded Rows");
    undo->undo();
    EXPECT_EQ(snapshot(t3), typed3);
    EXPECT_EQ(snapshot(t6), typed6);
}

// The central template's tables arrange alike: table 5 (functional codes, last year's column
// first) and table 6 (economic codes under a group header, 合计 in the name column).
UNO_TEST(Arrange, TheCentralTemplatesTablesArrangeAlike) {
    Document doc(std::filesystem::path(BD_TEMPLATE_DIR) / "中央部门预算公开（9张表）.ots", false);
    set_number(doc.sheet("封面"), below(doc, "封面", 4, "预算年度", 0, 5), 2023);
    const std::string table5 = "表5一般公共预算支出表";
    const std::string table6c = "表6一般公共预算基本支出表";
    const auto t5 = doc.sheet(table5);
    const auto t5_row = [&](std::size_t offset, std::size_t col) { return below(doc, table5, 0, "合计", offset, col); };
    set_formula(t5, t5_row(3, 0), "2240106");  // columns: code, name, 上年执行数, 小计, 基本支出, 项目支出
    set_number(t5, t5_row(3, 4), 1.5);
    set_formula(t5, t5_row(1, 0), "2080801");
    set_number(t5, t5_row(1, 5), 2);
    const auto t6 = doc.sheet(table6c);
    const auto t6_row = [&](std::size_t offset, std::size_t col) {
        return below(doc, table6c, 1, "合计", offset, col);
    };
    set_formula(t6, t6_row(2, 0), "30201");
    set_number(t6, t6_row(2, 4), 2);
    set_formula(t6, t6_row(4, 0), "30101");
    set_number(t6, t6_row(4, 3), 10);
    doc.recalculate();
    EXPECT_EQ(hierarchy_failures(doc), (std::set<std::string>{"C.ARRANGED"}));

    doc.dispatch(arrange_url);
    doc.recalculate();
    EXPECT_EQ(shown_rows(doc, table5, 0, 6, "EF"), arranged_items);
    EXPECT_EQ(value_of(t5, t5_row(0, 3)), 3.5);
    EXPECT_EQ(shown_rows(doc, table6c, 1, 4), arranged_economic);
    EXPECT_EQ(value_of(t6, t6_row(0, 2)), 12);
    EXPECT_TRUE(hierarchy_failures(doc).empty());
}

}  // namespace
