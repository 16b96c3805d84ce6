// The template builder's print layout: what the planned workbook and its ODF parts promise to
// Calc (the PDF itself is looked at by the integration tests and by eye).
#include "bd/layout.hpp"
#include "odf.hpp"
#include "plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using bd::build::Cell;
using bd::build::Sheet;
using bd::build::Workbook;

Workbook shanxi_template() {
    const auto* layout = bd::layout::find_layout("shanxi-unit");
    EXPECT_NE(layout, nullptr);
    return bd::build::plan_workbook(*layout, nullptr);
}

const Sheet& sheet_named(const Workbook& workbook, const std::string& name) {
    const auto it = std::ranges::find(workbook.sheets, name, &Sheet::name);
    if (it == workbook.sheets.end()) {
        throw std::runtime_error("no sheet " + name);
    }
    return *it;
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
        ++n;
    }
    return n;
}

// A printed row takes its height from its own text: no input shares it (an input's wrapped text
// made paragraph rows too tall), only chart data, one unwrapped line a cell.
TEST(BuilderPrint, InputsShareNoPrintedRow) {
    const auto workbook = shanxi_template();
    for (const auto* name : {"封面", "情况说明"}) {
        const auto& sheet = sheet_named(workbook, name);
        ASSERT_TRUE(sheet.print_columns);
        EXPECT_GT(sheet.print_first_row, 5U) << name;
        std::size_t printed_cells = 0;
        for (std::size_t r = sheet.print_first_row; r < sheet.rows.size(); ++r) {
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                const auto& cell = sheet.rows[r][c];
                if (cell.kind == Cell::Kind::Empty) {
                    continue;
                }
                if (c <= sheet.print_columns->second) {
                    ++printed_cells;
                } else {
                    EXPECT_EQ(cell.style, bd::build::Style::ChartData) << name << " row " << r << " col " << c;
                }
            }
        }
        EXPECT_GT(printed_cells, 5U) << name;
    }
}

// The pie of 30 class lines reads compacted data on its own sheet, outside the printed columns;
// it is anchored to a row of its own, of a fixed height.
TEST(BuilderPrint, AChartOfALineRangeReadsCompactedDataBesideTheText) {
    const auto workbook = shanxi_template();
    const auto& sheet = sheet_named(workbook, "情况说明");
    ASSERT_EQ(sheet.charts.size(), 2U);
    const auto& pie = sheet.charts[0];
    EXPECT_EQ(pie.title, "一般公共预算当年拨款结构图");
    EXPECT_EQ(pie.labels, "$'情况说明'.$I$2:.$I$31");
    EXPECT_EQ(pie.values, "$'情况说明'.$J$2:.$J$31");
    for (std::size_t r = 1; r <= 30; ++r) {
        const auto& name = sheet.rows.at(r).at(8);
        const auto& amount = sheet.rows.at(r).at(9);
        EXPECT_TRUE(name.array && amount.array) << r;
        EXPECT_NE(name.value.find("SMALL(IF(ROUND("), std::string::npos);
        EXPECT_NE(amount.value.find(";" + std::to_string(r) + ")"), std::string::npos) << amount.value;
    }
    // The 三公 pie of four separate lines reads them where they are.
    EXPECT_NE(sheet.charts[1].values.find("表10三公经费表"), std::string::npos);
    for (const auto& chart : sheet.charts) {
        EXPECT_GE(chart.row, sheet.print_first_row);
        EXPECT_EQ(chart.end_col, sheet.print_columns->second);
        EXPECT_TRUE(sheet.row_heights_cm.contains(chart.row));
    }
}

// Tables are printed across the page: portrait when they fit it, else landscape, and no table
// is narrower than its page (Calc's scale-to-width shrinks the few a little wider).
TEST(BuilderPrint, TablesAreAsWideAsTheirPage) {
    for (const auto* id : {"shanxi-unit", "central-department"}) {
        const auto workbook = bd::build::plan_workbook(*bd::layout::find_layout(id), nullptr);
        for (const auto& sheet : workbook.sheets) {
            if (!sheet.repeat_rows) {
                continue;  // not a table
            }
            const double total = std::accumulate(sheet.widths_cm.begin(), sheet.widths_cm.end(), 0.0);
            const double page = sheet.landscape ? 26.7 : 18.0;
            EXPECT_GE(total, page - 0.2) << id << " " << sheet.name;
            EXPECT_LE(total, page * 1.1) << id << " " << sheet.name;  // Calc shrinks it a little
        }
    }
    const auto workbook = shanxi_template();
    EXPECT_TRUE(sheet_named(workbook, "表1收支总表").landscape);  // 6 columns, long labels
    EXPECT_FALSE(sheet_named(workbook, "表7政府性基金收入表").landscape);
}

TEST(BuilderPrint, PartsContinuePageNumbersAndAnchorChartsToTheirCells) {
    const auto workbook = shanxi_template();
    const auto directory = fs::temp_directory_path() / ("bd-builder-test-" + std::to_string(::getpid()));
    bd::build::write_odf_parts(workbook, bd::build::DocumentKind::Template, directory);
    const auto styles = read(directory / "styles.xml");
    EXPECT_EQ(count(styles, "<style:page-layout "), 2U);
    EXPECT_EQ(count(styles, R"(style:first-page-number="continue")"), 2U);
    const auto content = read(directory / "content.xml");
    EXPECT_EQ(count(content, "<draw:frame "), 2U);
    EXPECT_EQ(count(content, R"(table:end-cell-address="'情况说明'.D)"), 2U);
    EXPECT_NE(content.find(R"(table:print-ranges="$'情况说明'.$A$17:.$D$)"), std::string::npos);
    const auto chart = read(directory / "Object 1" / "content.xml");
    EXPECT_EQ(chart.find("<chart:legend"), std::string::npos);
    EXPECT_NE(chart.find(R"(chart:data-label-number="percentage")"), std::string::npos);
    EXPECT_NE(chart.find(R"(table:cell-range-address="$'情况说明'.$J$2:.$J$31")"), std::string::npos);
    fs::remove_all(directory);
}

}  // namespace
