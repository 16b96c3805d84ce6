// Export for Publication of the example (the seed entered into the Shanxi template), headless:
// the PDF holds every table title in the document's order, and the values-only copy reads the
// same in an office without the extension — no #NAME?, no error cell.
#include "bd/recognize.hpp"
#include "harness.hpp"

#include <algorithm>

namespace {

namespace fs = std::filesystem;
namespace uno = css::uno;
namespace sheet = css::sheet;
using bd::CellValue;
using bd::test::read_file;
using bd::test::run_program;
using bd::test::TempDir;

std::string without_white_space(const std::string& text) {
    std::string out;
    std::ranges::copy_if(text, std::back_inserter(out),
                         [](char c) { return c != ' ' && c != '\n' && c != '\t' && c != '\f'; });
    return out;
}

// The printed titles, in the document's order: every table of the layout, then the narrative's.
std::vector<std::string> printed_titles(const bd::layout::Layout& layout, const std::string& year) {
    const auto with_year = [&](std::string text) {
        for (auto at = text.find("{year}"); at != std::string::npos; at = text.find("{year}")) {
            text.replace(at, 6, year);
        }
        return text;
    };
    std::vector<std::string> titles;
    for (const auto& table : layout.tables) {
        titles.push_back(with_year(table.title));
    }
    for (const auto& text : layout.texts) {
        titles.push_back(with_year(text.title));
    }
    return titles;
}

TEST(PublishExample, PdfHasEveryTitleInOrderAndTheCopyNeedsNoExtension) {
    bd::test::with_uno_messages([] {
        const TempDir dir;
        const fs::path example = BD_EXAMPLE_WORKBOOK;
        const auto before = read_file(example);
        const auto result = run_program({BD_CLI, "publish", "--out", dir.path().string(), example.string()});
        ASSERT_EQ(result.status, 0) << result.output << result.errors;
        EXPECT_EQ(read_file(example), before) << "publishing changed the workbook";

        const auto pdf = dir.path() / "jinzhong-2023-公开.pdf";
        const auto text = run_program({"/usr/bin/pdftotext", pdf.string(), "-"});
        ASSERT_EQ(text.status, 0) << text.errors;
        const auto printed = without_white_space(text.output);
        const auto& layout = *bd::layout::find_layout("shanxi-unit");
        std::size_t at = 0;
        for (const auto& title : printed_titles(layout, "2023")) {
            const auto found = printed.find(without_white_space(title), at);
            EXPECT_NE(found, std::string::npos) << "not printed after the previous title: " << title;
            if (found != std::string::npos) {
                at = found + title.size();
            }
        }
        EXPECT_NE(printed.find("项目支出绩效目标申报表"), std::string::npos);
        EXPECT_EQ(printed.find("#NAME?"), std::string::npos);

        const bd::office::Office without({});  // no extension
        const uno::Reference<sheet::XSpreadsheetDocument> copy(
            without.load(dir.path() / "jinzhong-2023-公开.ods", true), uno::UNO_QUERY_THROW);
        const auto sheets = bd::test::read_sheets(copy);
        bd::office::close_document(copy);
        std::vector<std::string> errors;
        for (const auto& grid : sheets) {
            for (std::size_t i = 0; i < grid.cells.size(); ++i) {
                const auto& cell = grid.cells[i];
                if (cell.kind == CellValue::Kind::Error || cell.text.find("#NAME?") != std::string::npos) {
                    errors.push_back(grid.name + "!" + bd::cell_address(i / grid.cols, i % grid.cols));
                }
            }
        }
        EXPECT_EQ(errors, std::vector<std::string>{});
        // The copy is read as the original: the validator's locating finds every table and total.
        const auto located = bd::locate_as(sheets, layout);
        EXPECT_EQ(located.missing_tables, std::vector<std::string>{});
        const auto* t1 = located.table("T1");
        ASSERT_NE(t1, nullptr);
        const auto& cell = sheets[t1->sheet].at(t1->lines.at("income_total").row, *t1->column("in", "amount"));
        EXPECT_EQ(std::get<bd::Decimal>(bd::to_amount(cell)), bd::Decimal::parse("595.20"));
    });
}

}  // namespace
