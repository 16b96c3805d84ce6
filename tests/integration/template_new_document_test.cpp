// A new document from the Shanxi template (File › New › Templates) is ready to fill: its cover's
// inputs tinted, names of codes shown before the year is entered; and it prints as the seed does:
// amounts with thousands separators, titles and captions never broken inside a word.
#include "bd/template_styles.hpp"
#include "harness.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <org/budgetdisclosure/XClassificationImport.hpp>

#include <filesystem>
#include <functional>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
namespace uno = css::uno;
using bd::test::Document;

fs::path shanxi_template() {
    for (const auto& entry : fs::directory_iterator(BD_TEMPLATE_DIR)) {
        if (entry.path().extension() == ".ots" && entry.path().stem().string().starts_with("山西")) {
            return entry.path();
        }
    }
    throw std::runtime_error("no Shanxi template built");
}

template <typename T>
T property(const uno::Reference<css::table::XCell>& cell, const char* name) {
    T value{};
    uno::Reference<css::beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)
        ->getPropertyValue(rtl::OUString::createFromAscii(name)) >>= value;
    return value;
}

// The format code of a cell's number format (#,##0.00 …).
std::string format_of(const Document& doc, const uno::Reference<css::sheet::XSpreadsheet>& sheet,
                      const std::string& cell) {
    const auto key =
        property<sal_Int32>(sheet->getCellRangeByName(bd::to_ou(cell))->getCellByPosition(0, 0), "NumberFormat");
    const auto formats =
        uno::Reference<css::util::XNumberFormatsSupplier>(doc.get(), uno::UNO_QUERY_THROW)->getNumberFormats();
    rtl::OUString code;
    formats->getByKey(key)->getPropertyValue("FormatString") >>= code;
    return bd::to_utf8(code);
}

// The first row (1-based) whose cell in column `col` satisfies `wanted`.
int row_where(const std::string& col, const std::function<bool(const std::string& address)>& wanted) {
    for (int row = 1; row <= 200; ++row) {
        if (wanted(col + std::to_string(row))) {
            return row;
        }
    }
    throw std::runtime_error("no such row in column " + col);
}

// The first coded row of table 3 (its name is a BUDGET.CLASSNAME formula).
int first_coded_row(const uno::Reference<css::sheet::XSpreadsheet>& t3) {
    return row_where("B", [&](const std::string& cell) {
        return bd::test::formula_of(t3, cell).find("CLASSNAME") != std::string::npos;
    });
}

// Made from the template (not the .ots opened for editing), the cover's input cells F2:F7, beside
// 请在右侧填写, have the input style and its tint.
UNO_TEST(TemplateNewDocument, HasItsCoverInputsTinted) {
    const auto doc = Document::from_template(shanxi_template());
    EXPECT_TRUE(uno::Reference<css::frame::XModel>(doc.get(), uno::UNO_QUERY_THROW)->getURL().isEmpty());
    const auto cover = doc.sheet("封面");
    ASSERT_EQ(bd::test::text_of(cover, "E1"), "请在右侧填写");
    for (int row = 2; row <= 7; ++row) {
        const auto cell = cover->getCellByPosition(5, row - 1);
        SCOPED_TRACE("F" + std::to_string(row) + " " + bd::test::text_of(cover, "E" + std::to_string(row)));
        EXPECT_EQ(bd::to_utf8(property<rtl::OUString>(cell, "CellStyle")), bd::styles::input_text);
        EXPECT_FALSE(property<bool>(cell, "IsCellBackgroundTransparent"));
        EXPECT_EQ(property<sal_Int32>(cell, "CellBackColor"), 0xfff4c2);
    }
}

// Until 预算年度 is entered, a code's name is the latest loaded edition's and says which edition;
// with the year, the plain name of that year's classification.
UNO_TEST(TemplateNewDocument, NamesSayTheirEditionUntilTheYearIsEntered) {
    const bd::test::TempDir dir;
    const auto csv = dir.path() / "2090.csv";
    bd::test::write_file(csv,
                         "科目编码,科目名称\n224,灾害防治及应急管理支出\n22401,应急管理事务\n2240106,安全生产监管\n");
    uno::Reference<org::budgetdisclosure::XClassificationImport>(
        bd::test::office().create("org.budgetdisclosure.ClassificationImport"), uno::UNO_QUERY_THROW)
        ->importEdition(bd::office::file_url(csv), 2090);
    const auto doc = Document::from_template(shanxi_template());
    const auto t3 = doc.sheet("表3支出总表");
    const int row = first_coded_row(t3);
    const auto name = "B" + std::to_string(row);
    bd::test::set_formula(t3, "A" + std::to_string(row), "2240106");
    doc.recalculate();
    EXPECT_EQ(bd::test::text_of(t3, name), "安全生产监管（暂按2090年科目）");
    bd::test::set_number(doc.sheet("封面"), "F3", 2023);
    doc.recalculate();
    EXPECT_EQ(bd::test::text_of(t3, name), "安全监管");  // the 2023 classification (bundled entries)
    bd::test::set_number(doc.sheet("封面"), "F3", 2090);
    doc.recalculate();
    EXPECT_EQ(bd::test::text_of(t3, name), "安全生产监管");
}

// Amounts print with thousands separators: a table's (万元, two decimals) and a form's (元, whole,
// as the seed prints 40,000).
UNO_TEST(TemplateNewDocument, AmountsHaveThousandsSeparators) {
    const auto doc = Document::from_template(shanxi_template());
    const auto t3 = doc.sheet("表3支出总表");
    const int row = first_coded_row(t3);
    const auto at = [&](const char* col) { return col + std::to_string(row); };
    bd::test::set_formula(t3, at("A"), "2240106");
    bd::test::set_number(t3, at("D"), 1234.5);
    const auto t12 = doc.sheet("表12项目支出表");
    const int project = row_where("A", [&](const std::string& cell) {
        return property<rtl::OUString>(t12->getCellRangeByName(bd::to_ou(cell))->getCellByPosition(0, 0),
                                       "CellStyle") == bd::to_ou(bd::styles::input_text);
    });
    bd::test::set_formula(t12, "A" + std::to_string(project), "执法装备购置");
    bd::test::set_number(t12, "C" + std::to_string(project), 4);  // 万元
    doc.recalculate();
    for (const auto* col : {"C", "D"}) {
        EXPECT_NE(format_of(doc, t3, at(col)).find("#,##0.00"), std::string::npos) << col;
    }
    EXPECT_EQ(bd::test::text_of(t3, at("C")), "1,234.50");
    const auto forms = doc.sheet("绩效目标");
    const int annual =
        row_where("E", [&](const std::string& cell) { return bd::test::text_of(forms, cell) == "年度资金总额："; });
    for (const auto* col : {"C", "F"}) {
        EXPECT_EQ(format_of(doc, forms, col + std::to_string(annual)), "#,##0") << col;
    }
    EXPECT_EQ(bd::test::text_of(forms, "F" + std::to_string(annual)), "40,000");
}

// Printed, titles and captions are whole: the example exported to PDF holds each on one line
// (a title or caption broken inside a word, 申报 / 表 or 主管部门及代 / 码, fails).
UNO_TEST(TemplatePrint, TitlesAndCaptionsAreNotBrokenInsideAWord) {
    const bd::test::TempDir dir;
    {
        const Document doc(fs::path(BD_EXAMPLE_WORKBOOK), true);
        doc.recalculate();
        doc.store_as(dir.path() / "example.pdf");
    }
    const auto text = bd::test::run_program({"/usr/bin/pdftotext", (dir.path() / "example.pdf").string(), "-"});
    ASSERT_EQ(text.status, 0) << text.errors;
    std::set<std::string> lines;
    std::istringstream in(text.output);
    for (std::string line; std::getline(in, line);) {
        std::erase(line, ' ');
        lines.insert(line);
    }
    const auto on_a_line = [&](const std::string& wanted) {
        return std::ranges::any_of(lines,
                                   [&](const std::string& line) { return line.find(wanted) != std::string::npos; });
    };
    for (const char* whole : {"山西转型综改示范区晋中开发区县（区）级预算部门（单位）项目支出绩效目标申报表",
                              "2023年一般公共预算安排基本支出分经济科目表（不含上年结转）", "主管部门及代码",
                              "项目资金（元）", "实施期资金总额：", "年度资金总额：", "其中：中央财政资金",
                              "市县（区）财政资金", "项目设立必要性", "保证项目实施的", "制度、措施"}) {
        EXPECT_TRUE(on_a_line(whole)) << whole;
    }
}

}  // namespace
