// The templates inside Calc: listed under File › New › Templates in their own category, every
// formula computes; the example (the seed document entered into the Shanxi template) reproduces
// every published figure.
#include "bd/recognize.hpp"
#include "bd/report.hpp"
#include "grid_file_check.hpp"
#include "harness.hpp"

#include <com/sun/star/frame/DocumentTemplates.hpp>
#include <com/sun/star/frame/XDocumentTemplates.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ucb/XContent.hpp>
#include <com/sun/star/ucb/XContentIdentifier.hpp>
#include <rtl/uri.hxx>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
namespace uno = css::uno;
using bd::CellValue;
using bd::Decimal;
using bd::Grid;
using bd::test::Document;

std::vector<fs::path> built_templates() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(BD_TEMPLATE_DIR)) {
        if (entry.path().extension() == ".ots") {
            files.push_back(entry.path());
        }
    }
    std::ranges::sort(files);
    return files;
}

std::string decoded(const rtl::OUString& url) {
    return bd::to_utf8(rtl::Uri::decode(url, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
}

UNO_TEST(Templates, AreListedInACategoryOfTheirOwn) {
    const auto context = bd::test::office().context();
    const auto templates = css::frame::DocumentTemplates::create(context);
    templates->update();
    const auto files = css::ucb::SimpleFileAccess::create(context);
    std::map<std::string, std::set<std::string>> categories;  // as File › New › Templates shows them
    for (const auto& group :
         files->getFolderContents(templates->getContent()->getIdentifier()->getContentIdentifier(), true)) {
        const auto name = decoded(group.copy(group.lastIndexOf('/') + 1));
        for (const auto& entry : files->getFolderContents(group, true)) {
            categories[name].insert(decoded(entry.copy(entry.lastIndexOf('/') + 1)));
        }
    }
    ASSERT_TRUE(categories.contains("预算公开")) << "no 预算公开 category among " << categories.size();
    const auto& ours = categories.at("预算公开");
    const auto built = built_templates();
    ASSERT_FALSE(built.empty());
    for (const auto& file : built) {
        EXPECT_TRUE(ours.contains(file.stem().string())) << file.stem();
    }
    EXPECT_EQ(ours.size(), built.size());
}

// Cells Calc shows as an error (Err:…, #NAME?, #REF!, #VALUE!, #DIV/0! …), as "sheet!A1 text".
std::vector<std::string> error_cells(const std::vector<Grid>& sheets) {
    std::vector<std::string> errors;
    for (const auto& grid : sheets) {
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto& cell = grid.at(r, c);
                if (cell.kind == CellValue::Kind::Error) {
                    errors.push_back(grid.name + "!" + bd::cell_address(r, c) + " " + cell.text);
                }
            }
        }
    }
    return errors;
}

UNO_TEST(Templates, EveryTemplateRecalculatesWithoutAnErrorCell) {
    for (const auto& file : built_templates()) {
        const Document doc(file, true);
        doc.recalculate();
        const auto sheets = bd::test::read_sheets(doc.get());
        EXPECT_GE(sheets.size(), 9U) << file;
        EXPECT_EQ(error_cells(sheets), std::vector<std::string>{}) << file;
    }
}

// ---- the example against the published figures ----

std::vector<std::vector<std::string>> expected_records() {
    std::ifstream in(fs::path(BD_EXAMPLES_DIR) / "jinzhong-2023.expected.tsv");
    std::vector<std::vector<std::string>> records;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::vector<std::string> fields;
        std::stringstream stream(line);
        std::string field;
        while (std::getline(stream, field, '\t')) {
            fields.push_back(field);
        }
        records.push_back(std::move(fields));
    }
    return records;
}

Decimal amount(const CellValue& cell) {
    const auto value = bd::to_amount(cell);
    return std::holds_alternative<Decimal>(value) ? std::get<Decimal>(value) : Decimal(-999999);
}

Decimal decimal(const std::string& text) {
    return Decimal::parse(text).value_or(Decimal(-888888));
}

std::vector<Decimal> numbers_in(const std::string& text) {
    static const std::regex number(R"([0-9]+(\.[0-9]+)?)");
    std::vector<Decimal> numbers;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
        numbers.push_back(decimal(it->str()));
    }
    return numbers;
}

// Whether `wanted` appears in `numbers` in order (other numbers, such as years, may come between).
bool in_order(const std::vector<Decimal>& wanted, const std::vector<Decimal>& numbers) {
    std::size_t at = 0;
    for (const auto& number : numbers) {
        if (at < wanted.size() && number == wanted[at]) {
            ++at;
        }
    }
    return at == wanted.size();
}

const Grid& sheet_named(const std::vector<Grid>& sheets, const std::string& name) {
    const auto it = std::ranges::find(sheets, name, &Grid::name);
    if (it == sheets.end()) {
        throw std::runtime_error("no sheet " + name);
    }
    return *it;
}

// The paragraphs under a heading of the narrative, joined.
std::string section_text(const Grid& narrative, const std::string& heading) {
    std::string text;
    bool inside = false;
    for (std::size_t r = 0; r < narrative.rows; ++r) {
        const auto& cell = narrative.at(r, 0);
        if (cell.kind != CellValue::Kind::Text) {
            continue;
        }
        const bool is_heading = cell.text.find("、") != std::string::npos && cell.text.size() < 80 &&
                                (cell.text.starts_with("（") || cell.text.find("情况") != std::string::npos ||
                                 cell.text.find("说明") != std::string::npos);
        if (cell.text == heading) {
            inside = true;
            continue;
        }
        if (inside && is_heading) {
            break;
        }
        if (inside) {
            text += cell.text;
        }
    }
    return text;
}

// The 年度资金总额 of a project's performance form.
std::optional<Decimal> form_annual_total(const Grid& forms, const std::string& project) {
    for (std::size_t r = 0; r < forms.rows; ++r) {
        if (forms.at(r, 0).text != "项目名称" || forms.at(r, 1).text != project) {
            continue;
        }
        for (std::size_t below = r; below < std::min(forms.rows, r + 10); ++below) {
            if (forms.at(below, 4).text == "年度资金总额：") {
                return amount(forms.at(below, 5));
            }
        }
    }
    return std::nullopt;
}

UNO_TEST(Example, ReproducesEveryPublishedFigure) {
    const Document doc(fs::path(BD_EXAMPLE_WORKBOOK), true);
    doc.recalculate();
    const auto sheets = bd::test::read_sheets(doc.get());
    ASSERT_EQ(error_cells(sheets), std::vector<std::string>{});

    const auto& layout = *bd::layout::find_layout("shanxi-unit");
    const auto located = bd::locate_as(sheets, layout);
    EXPECT_EQ(located.missing_tables, std::vector<std::string>{});
    const auto value = [&](const bd::LocatedTable& table, const std::string& side, std::size_t row,
                           const std::string& column) -> Decimal {
        const auto col = table.column(side, column);
        return col ? amount(sheets[table.sheet].at(row, *col)) : Decimal(-777777);
    };

    const auto records = expected_records();
    ASSERT_GT(records.size(), 100U);
    std::size_t checked = 0;
    for (const auto& record : records) {
        const std::string& kind = record.at(0);
        SCOPED_TRACE(record.at(1) + " " + record.at(2) + " " + record.at(3));
        if (kind == "cell") {
            const auto* table = located.table(record[1]);
            ASSERT_NE(table, nullptr);
            ASSERT_TRUE(table->lines.contains(record[2]));
            const auto& side = table->table->line(record[2])->side->key;
            EXPECT_EQ(value(*table, side, table->lines.at(record[2]).row, record[3]), decimal(record[4]));
        } else if (kind == "code") {
            const auto* table = located.table(record[1]);
            ASSERT_NE(table, nullptr);
            const auto& block = table->table->sides.front().block;
            ASSERT_TRUE(block);
            const auto& rows = table->blocks.at(block->key);
            const auto row = std::ranges::find(rows, record[2], &bd::LocatedRow::code);
            ASSERT_NE(row, rows.end());
            EXPECT_EQ(value(*table, table->table->sides.front().key, row->row, record[3]), decimal(record[4]));
        } else if (kind == "para") {
            const auto text = section_text(sheet_named(sheets, "情况说明"), record[2]);
            EXPECT_TRUE(in_order(numbers_in(record[3]), numbers_in(text))) << text << "\nwanted: " << record[3];
        } else if (kind == "form") {
            EXPECT_EQ(form_annual_total(sheet_named(sheets, "绩效目标"), record[1]), decimal(record[3]));
        } else {
            ADD_FAILURE() << "unknown record " << kind;
        }
        ++checked;
    }
    EXPECT_EQ(checked, records.size());
}

// The unit tests of the rule engine run on tests/data/jinzhong-2023.grid: it must be what Calc
// computes for the example today.
UNO_TEST(Example, GridFileIsWhatCalcComputes) {
    bd::test::expect_grid_file_is_what_calc_reads(fs::path(BD_EXAMPLE_WORKBOOK),
                                                  fs::path(BD_TEST_DATA_DIR) / "jinzhong-2023.grid");
}

// Validate Disclosure from the menu on the example: the report lists the document's genuine
// problem (a project without its performance form) at its cell, and a broken total as well.
UNO_TEST(Example, ValidateDisclosureReportsItsGenuineProblemAndABrokenTotal) {
    const Document doc(fs::path(BD_EXAMPLE_WORKBOOK), false);
    doc.recalculate();
    const auto before = bd::test::read_sheets(doc.get());
    // 安全生产专项经费 in table 12: its input 一般公共预算 400.00 → 401.00.
    const auto located = bd::locate_as(before, *bd::layout::find_layout("shanxi-unit"));
    const auto* t12 = located.table("T12");
    ASSERT_NE(t12, nullptr);
    const auto& projects = t12->blocks.at("projects");
    const auto special = std::ranges::find(projects, std::string("安全生产专项经费"), &bd::LocatedRow::label);
    ASSERT_NE(special, projects.end());
    const auto sheet = doc.sheet(before[t12->sheet].name);
    bd::test::set_number(sheet, bd::cell_address(special->row, *t12->column("main", "gpb")), 401.0);

    doc.dispatch("org.budgetdisclosure.command:ValidateDisclosure");
    const auto report = doc.sheet(std::string(bd::report_sheet_name()));
    const auto rows = bd::test::read_range(report, "A1:I200");
    const auto has = [&](const std::string& rule, const std::string& text) {
        return std::ranges::any_of(rows, [&](const auto& row) {
            return row[0].text == rule &&
                   std::ranges::any_of(row, [&](const CellValue& c) { return c.text.find(text) != std::string::npos; });
        });
    };
    EXPECT_TRUE(has("F.EXISTS", "党建工作及机关文化建设经费"));
    // The template recomputes the unit's total (555.70), table 3 still says 554.70 …
    EXPECT_TRUE(has("X.T12-T3-PROJECT", "表12项目支出表!"));
    // … and the form's 年度资金总额 follows table 12, but its typed funding lines do not.
    EXPECT_TRUE(has("F.SOURCES", "安全生产专项经费"));
    EXPECT_FALSE(has("T3.HIERARCHY", ""));
}

// Our files store no formula results; the extension's setting makes Calc compute them on load
// (registry/Recalculation.xcu), so the titles read right without any recalculation asked for.
UNO_TEST(Example, OpensComputed) {
    const Document doc(fs::path(BD_EXAMPLE_WORKBOOK), true);
    const auto sheets = bd::test::read_sheets(doc.get());
    const auto& title = sheet_named(sheets, "表1收支总表").at(1, 0);
    EXPECT_EQ(title.text, "2023年预算收支总表");
    EXPECT_EQ(bd::locate_as(sheets, *bd::layout::find_layout("shanxi-unit")).missing_tables,
              std::vector<std::string>{});
}

// Inserting a coded row inside a table, as users do (insert a row between two 项 rows, copy a
// 项 row into it, change code and amounts), keeps every formula right: the new row computes its
// own name and 合计, and counts in its 款, its 类 and the 合计; a project inserted in table 12
// counts in the unit's total. Table 1 follows table 2 (income), which lacks the new code: the
// validator says so.
UNO_TEST(Example, RowsInsertedInsideABlockCountEverywhere) {
    const Document doc(fs::path(BD_EXAMPLE_WORKBOOK), false);
    const auto copy_row_below = [](const uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 row,
                                   sal_Int32 last_col) {
        uno::Reference<css::table::XColumnRowRange>(sheet, uno::UNO_QUERY_THROW)->getRows()->insertByIndex(row + 1, 1);
        const auto source = uno::Reference<css::sheet::XCellRangeAddressable>(
                                sheet->getCellRangeByPosition(0, row, last_col, row), uno::UNO_QUERY_THROW)
                                ->getRangeAddress();
        const auto target =
            uno::Reference<css::sheet::XCellAddressable>(sheet->getCellByPosition(0, row + 1), uno::UNO_QUERY_THROW)
                ->getCellAddress();
        uno::Reference<css::sheet::XCellRangeMovement>(sheet, uno::UNO_QUERY_THROW)->copyRange(target, source);
    };
    const auto t3 = doc.sheet("表3支出总表");
    copy_row_below(t3, 11, 4);  // row 12 (2240106) copied into a new row 13
    bd::test::set_formula(t3, "A13", "2240199");
    bd::test::set_number(t3, "D13", 0.0);
    bd::test::set_number(t3, "E13", 10.0);
    const auto t12 = doc.sheet("表12项目支出表");
    copy_row_below(t12, 8, 6);  // after 党建工作及机关文化建设经费
    bd::test::set_formula(t12, "A10", "应急演练费");
    bd::test::set_number(t12, "C10", 10.0);
    doc.recalculate();
    EXPECT_NE(bd::test::formula_of(t3, "B13").find("A13"), std::string::npos) << bd::test::formula_of(t3, "B13");
    EXPECT_EQ(bd::test::value_of(t3, "C13"), 10.0);            // 合计 = 基本 + 项目, of its own row
    EXPECT_NEAR(bd::test::value_of(t3, "C11"), 477.60, 1e-9);  // 22401
    EXPECT_NEAR(bd::test::value_of(t3, "C10"), 603.60, 1e-9);  // 224
    EXPECT_NEAR(bd::test::value_of(t3, "C6"), 605.20, 1e-9);   // 合计
    EXPECT_NEAR(bd::test::value_of(t12, "B10"), 10.0, 1e-9);
    EXPECT_NEAR(bd::test::value_of(t12, "B7"), 564.70, 1e-9);                        // the unit's project total
    EXPECT_NEAR(bd::test::value_of(doc.sheet("表1收支总表"), "D28"), 593.60, 1e-9);  // from table 2

    doc.dispatch("org.budgetdisclosure.command:ValidateDisclosure");
    const auto rows = bd::test::read_range(doc.sheet(std::string(bd::report_sheet_name())), "A1:A300");
    const auto reported = [&](const std::string& rule) {
        return std::ranges::any_of(rows, [&](const auto& row) { return row[0].text == rule; });
    };
    EXPECT_FALSE(reported("T3.HIERARCHY"));
    EXPECT_FALSE(reported("T3.ROW-TOTAL"));
    EXPECT_FALSE(reported("X.T12-T3-PROJECT"));
    EXPECT_TRUE(reported("X.T1-CLASS-LINES"));  // table 2 lacks 2240199
    EXPECT_TRUE(reported("X.T3-T2-BY-CODE"));
}

}  // namespace
