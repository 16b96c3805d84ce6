// The figure and narrative functions inside Calc: single cells, array results, optional
// arguments, agreement with Calc's own [NatNum5] capitals, and a saved, reopened workbook.
#include "harness.hpp"

#include <cmath>

using namespace css;
using namespace bd::test;

namespace {

constexpr int div0 = 532;
constexpr int value_error = 519;

/// The seed's figures: basic 40.50 and project 554.70 of 595.20; last year 868.86.
void enter_seed_figures(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    set_number(sheet, "A1", 40.50);
    set_number(sheet, "A2", 554.70);
    set_number(sheet, "A3", 595.20);
    set_number(sheet, "A4", 868.86);
    set_number(sheet, "A5", 1.60);
    set_number(sheet, "A6", 593.60);
    set_formula(sheet, "B1", "=BUDGET.CHANGE(A3;A4)");
    set_formula(sheet, "B2", "=BUDGET.CHANGERATE(A3;A4)");
    set_formula(sheet, "B3", "=BUDGET.YOYTEXT(A3;A4)");
    set_formula(sheet, "B4", "=BUDGET.SHARETEXT(A1;A3)");
    set_formula(sheet, "B5", "=BUDGET.CAPITAL(A3*10000)");
    set_formula(sheet, "B6", "=BUDGET.YOYTEXT(A3;A4;\"元\";0)");
    set_array_formula(sheet, "C1:C2", "=BUDGET.SHARES(A1:A2)");
    set_array_formula(sheet, "C5:C6", "=BUDGET.SHARES(A5:A6)");
}

void expect_seed_results(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    EXPECT_DOUBLE_EQ(value_of(sheet, "B1"), -273.66);
    EXPECT_DOUBLE_EQ(value_of(sheet, "B2"), -0.315);
    EXPECT_EQ(text_of(sheet, "B3"), "比上年减少273.66万元，下降31.50%");
    EXPECT_EQ(text_of(sheet, "B4"), "40.50万元，占6.80%");
    EXPECT_EQ(text_of(sheet, "B5"), "伍佰玖拾伍万贰仟元整");
    EXPECT_EQ(text_of(sheet, "B6"), "比上年减少274元，下降31.50%");
    const auto shares = read_range(sheet, "C1:C6");
    EXPECT_DOUBLE_EQ(shares[0][0].number, 0.068);
    EXPECT_DOUBLE_EQ(shares[1][0].number, 0.932);
    EXPECT_DOUBLE_EQ(shares[4][0].number, 0.0027);
    EXPECT_DOUBLE_EQ(shares[5][0].number, 0.9973);
}

}  // namespace

UNO_TEST(Figures, SeedNarrativeFiguresInCells) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    enter_seed_figures(sheet);
    doc.recalculate();
    expect_seed_results(sheet);
}

UNO_TEST(Figures, ArrayResultsAddUpExactly) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    for (int row = 1; row <= 3; ++row) {
        set_number(sheet, "A" + std::to_string(row), 1);
    }
    set_number(sheet, "B1", 4950);
    set_number(sheet, "B2", 4950);
    set_number(sheet, "B3", 4950);
    set_array_formula(sheet, "C1:C3", "=BUDGET.SHARES(A1:A3)");
    set_array_formula(sheet, "D1:D3", "=BUDGET.TOWAN(B1:B3)");
    set_array_formula(sheet, "E1:F1", "=BUDGET.SHARES(A1:B1)");  // a row in, a row out
    set_formula(sheet, "C4", "=SUM(C1:C3)");
    set_formula(sheet, "D4", "=SUM(D1:D3)");
    set_formula(sheet, "D5", "=ROUND(SUM(B1:B3)/10000;2)");
    doc.recalculate();
    const auto values = read_range(sheet, "C1:D5");
    EXPECT_DOUBLE_EQ(values[0][0].number, 0.3334);
    EXPECT_DOUBLE_EQ(values[1][0].number, 0.3333);
    EXPECT_DOUBLE_EQ(values[3][0].number, 1.0);
    EXPECT_DOUBLE_EQ(values[0][1].number, 0.49);  // 0.495 each: the balancing takes one cent off the first
    EXPECT_DOUBLE_EQ(values[1][1].number, 0.50);
    EXPECT_DOUBLE_EQ(values[3][1].number, values[4][1].number);  // converted parts add up to the converted sum
    EXPECT_DOUBLE_EQ(value_of(sheet, "E1"), 0.0002);
    EXPECT_DOUBLE_EQ(value_of(sheet, "F1"), 0.9998);
}

UNO_TEST(Figures, ErrorsAreCalcErrorValues) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_formula(sheet, "A1", "=BUDGET.CHANGERATE(5;0)");
    set_formula(sheet, "A2", "=BUDGET.YOYTEXT(5;1;\"万元\";-1)");
    set_formula(sheet, "A3", "=BUDGET.SHARETEXT(1;0)");
    set_formula(sheet, "A4", "=BUDGET.CAPITAL(\"abc\")");
    set_array_formula(sheet, "B1:B2", "=BUDGET.SHARES(C1:C2)");  // all empty: no sum to share
    set_formula(sheet, "A5", "=IFERROR(BUDGET.CHANGERATE(5;0);\"上年为零\")");
    set_formula(sheet, "A6", "=BUDGET.YOYTEXT(1.6;0)");
    doc.recalculate();
    EXPECT_EQ(error_of(sheet, "A1"), div0);
    EXPECT_EQ(error_of(sheet, "A2"), value_error);
    EXPECT_EQ(error_of(sheet, "A3"), div0);
    EXPECT_EQ(error_of(sheet, "A4"), value_error);
    EXPECT_EQ(error_of(sheet, "B1"), div0);
    EXPECT_EQ(text_of(sheet, "A5"), "上年为零");
    EXPECT_EQ(text_of(sheet, "A6"), "比上年增加1.60万元，上年为零，系本年新增");
}

UNO_TEST(Figures, CapitalsAgreeWithCalcsOwnNatNumFormat) {
    // Calc's [NatNum5][$-0804]0 writes whole yuan in financial capitals; BUDGET.CAPITAL must agree
    // with it and add only what Calc lacks (元, 角, 分, 整).
    const Document doc;
    const auto sheet = doc.sheet(0);
    const std::vector<double> amounts{10, 1005, 16312, 100000, 1260000, 123456789};
    for (std::size_t i = 0; i < amounts.size(); ++i) {
        const std::string row = std::to_string(i + 1);
        set_number(sheet, "A" + row, amounts[i]);
        set_formula(sheet, "B" + row, "=BUDGET.CAPITAL(A" + row + ")");
    }
    set_number_format(doc, sheet, "A1:A6", "[NatNum5][$-0804]0");
    doc.recalculate();
    for (std::size_t i = 0; i < amounts.size(); ++i) {
        const std::string row = std::to_string(i + 1);
        EXPECT_EQ(text_of(sheet, "B" + row), text_of(sheet, "A" + row) + "元整") << amounts[i];
    }
}

UNO_TEST(Figures, SavedWorkbookReopensAndRecomputes) {
    const TempDir dir;
    const auto file = dir.path() / "figures.ods";
    {
        const Document doc;
        enter_seed_figures(doc.sheet(0));
        doc.store_as(file);
    }
    const auto content = run_program({"/usr/bin/unzip", "-p", file.string(), "content.xml"});
    for (const char* stored : {"ORG.BUDGETDISCLOSURE.FUNCTIONS.YOYTEXT", "ORG.BUDGETDISCLOSURE.FUNCTIONS.SHARES",
                               "ORG.BUDGETDISCLOSURE.FUNCTIONS.CHANGERATE", "ORG.BUDGETDISCLOSURE.FUNCTIONS.CAPITAL"}) {
        EXPECT_NE(content.output.find(stored), std::string::npos) << stored;
    }
    const Document reopened(file, false);
    const auto sheet = reopened.sheet(0);
    set_number(sheet, "A3", 0);  // recompute for real first, then restore
    reopened.recalculate();
    EXPECT_EQ(text_of(sheet, "B3"), "比上年减少868.86万元，下降100.00%");
    set_number(sheet, "A3", 595.20);
    reopened.recalculate();
    expect_seed_results(sheet);
}
