// Export for Publication of the example (the seed entered into the Shanxi template), headless:
// the PDF holds every table title in the document's order, and the values-only copies (.ods, and
// .xlsx for Excel and WPS users) read the same in an office without the extension — no #NAME?, no
// error cell, every cell of every sheet as the original shows it where the extension is installed.
#include "bd/recognize.hpp"
#include "harness.hpp"

#include <algorithm>
#include <array>
#include <charconv>

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

/// The cells of a file's sheets that hold an error or show #NAME?, as SHEET!A1.
std::vector<std::string> error_cells(const std::vector<bd::Grid>& sheets) {
    std::vector<std::string> errors;
    for (const auto& grid : sheets) {
        for (std::size_t i = 0; i < grid.cells.size(); ++i) {
            const auto& cell = grid.cells[i];
            if (cell.kind == CellValue::Kind::Error || cell.text.find("#NAME?") != std::string::npos) {
                errors.push_back(grid.name + "!" + bd::cell_address(i / grid.cols, i % grid.cols));
            }
        }
    }
    return errors;
}

/// Every sheet's used area, as an office reads the file.
std::vector<bd::Grid> sheets_of(const bd::office::Office& office, const fs::path& file) {
    const uno::Reference<sheet::XSpreadsheetDocument> document(office.load(file, true), uno::UNO_QUERY_THROW);
    auto sheets = bd::test::read_sheets(document);
    bd::office::close_document(document);
    return sheets;
}

/// The cells where a copy differs from the original (a cell beyond a used area is empty), as
/// SHEET!A1: ORIGINAL ≠ COPY; a missing sheet as its name.
std::vector<std::string> differences(const std::vector<bd::Grid>& original, const std::vector<bd::Grid>& copy) {
    const auto shown = [](const bd::Grid& grid, std::size_t row, std::size_t col) -> std::string {
        if (row >= grid.rows || col >= grid.cols || grid.at(row, col).is_empty()) {
            return "";
        }
        const auto& cell = grid.at(row, col);
        if (cell.kind != CellValue::Kind::Number) {
            return cell.text;
        }
        std::array<char, 32> digits{};  // the shortest text that reads back as the same number
        return {digits.data(), std::to_chars(digits.data(), digits.data() + digits.size(), cell.number).ptr};
    };
    std::vector<std::string> found;
    for (const auto& sheet : original) {
        const auto same = std::ranges::find(copy, sheet.name, &bd::Grid::name);
        if (same == copy.end()) {
            found.push_back(sheet.name);
            continue;
        }
        for (std::size_t row = 0; row < std::max(sheet.rows, same->rows); ++row) {
            for (std::size_t col = 0; col < std::max(sheet.cols, same->cols); ++col) {
                if (shown(sheet, row, col) != shown(*same, row, col)) {
                    found.push_back(sheet.name + "!" + bd::cell_address(row, col) + ": " + shown(sheet, row, col) +
                                    " ≠ " + shown(*same, row, col));
                }
            }
        }
    }
    return found;
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

        const auto original = sheets_of(bd::office::Office({BD_TEST_OXT, {}, std::chrono::seconds(90), {}}), example);
        const bd::office::Office without({});  // no extension
        const auto sheets = sheets_of(without, dir.path() / "jinzhong-2023-公开.ods");
        EXPECT_EQ(error_cells(sheets), std::vector<std::string>{});
        EXPECT_EQ(differences(original, sheets), std::vector<std::string>{});
        const auto excel = sheets_of(without, dir.path() / "jinzhong-2023-公开.xlsx");
        EXPECT_EQ(error_cells(excel), std::vector<std::string>{});
        EXPECT_EQ(differences(original, excel), std::vector<std::string>{}) << "the .xlsx reads as the original";
        // Spot checks of the comparison itself: amounts and texts of the table sheets are there.
        std::size_t amounts = 0;
        std::size_t texts = 0;
        for (const auto& grid : excel) {
            amounts += std::ranges::count(grid.cells, CellValue::Kind::Number, &CellValue::kind);
            texts += std::ranges::count(grid.cells, CellValue::Kind::Text, &CellValue::kind);
        }
        EXPECT_GT(amounts, 100U);
        EXPECT_GT(texts, 100U);
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
