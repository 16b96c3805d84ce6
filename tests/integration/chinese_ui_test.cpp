// The extension in an office whose user interface is Chinese (zh-CN), as most of its users run it:
// the Function Wizard's help in Chinese, the functions typed by the same names as in any other
// Calc (as SUM is), and the report sheet in Chinese.
#include "harness.hpp"

#include "bd/function_specs.hpp"
#include "bd/report.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>

#include <algorithm>
#include <map>

using namespace css;
using namespace bd::test;

namespace {

const auto* const registered = ::testing::AddGlobalTestEnvironment(make_office_environment("zh-CN"));

struct WizardEntry {
    std::string description;
    std::vector<std::string> arguments;
};

std::map<std::string, WizardEntry> wizard_entries() {
    const uno::Reference<container::XIndexAccess> all(office().create("com.sun.star.sheet.FunctionDescriptions"),
                                                      uno::UNO_QUERY_THROW);
    std::map<std::string, WizardEntry> entries;  // by function name
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        uno::Sequence<beans::PropertyValue> entry;
        all->getByIndex(i) >>= entry;
        rtl::OUString name;
        rtl::OUString description;
        uno::Sequence<sheet::FunctionArgument> arguments;
        for (const auto& field : entry) {
            if (field.Name == "Name") {
                field.Value >>= name;
            } else if (field.Name == "Description") {
                field.Value >>= description;
            } else if (field.Name == "Arguments") {
                field.Value >>= arguments;
            }
        }
        auto& wizard_entry = entries[bd::to_utf8(name)];
        wizard_entry.description = bd::to_utf8(description);
        for (const auto& argument : arguments) {
            wizard_entry.arguments.push_back(bd::to_utf8(argument.Name));
        }
    }
    return entries;
}

void set_local_formula(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell,
                       const std::string& formula) {
    uno::Reference<beans::XPropertySet>(sheet->getCellRangeByName(bd::to_ou(cell)), uno::UNO_QUERY_THROW)
        ->setPropertyValue("FormulaLocal", uno::Any(bd::to_ou(formula)));
}

}  // namespace

UNO_TEST(ChineseUi, FunctionWizardHelpIsInChinese) {
    const auto entries = wizard_entries();
    for (const auto& spec : bd::function_specs()) {
        const auto entry = entries.find(spec.name);
        ASSERT_NE(entry, entries.end()) << spec.name << " is not in the Chinese Function Wizard";
        EXPECT_TRUE(entry->second.description.starts_with(spec.chinese_name + "：")) << entry->second.description;
        ASSERT_EQ(entry->second.arguments.size(), spec.parameters.size());
        for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
            EXPECT_EQ(entry->second.arguments[i], spec.parameters[i].name.zh);
        }
    }
}

UNO_TEST(ChineseUi, FunctionsAreTypedByTheSameNamesAsInAnyCalc) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_number(sheet, "A1", 40.50);
    set_number(sheet, "B1", 595.20);
    set_local_formula(sheet, "C1", "=BUDGET.SHARE(A1;B1)");  // as typed into a cell of a Chinese Calc
    set_local_formula(sheet, "C2", "=budget.classname(\"2240106\")");
    set_formula(sheet, "C3", "=BUDGET.SHARE(A1;B1)");  // API formulas use the English names
    set_formula(sheet, "C4", "=BUDGET.YOYTEXT(595.2;868.86)");
    doc.recalculate();
    EXPECT_DOUBLE_EQ(value_of(sheet, "C1"), 0.068);
    EXPECT_EQ(text_of(sheet, "C2"), "安全监管");
    EXPECT_DOUBLE_EQ(value_of(sheet, "C3"), 0.068);
    EXPECT_EQ(text_of(sheet, "C4"), "比上年减少273.66万元，下降31.50%");
    EXPECT_EQ(formula_of(sheet, "C1"), "=ORG.BUDGETDISCLOSURE.FUNCTIONS.SHARE(A1;B1)");
}

UNO_TEST(ChineseUi, ReportSheetIsInChinese) {
    const Document doc(example_workbook(), false);
    doc.dispatch("org.budgetdisclosure.command:ValidateDisclosure");
    const auto rows = read_range(doc.sheet(std::string(bd::report_sheet_name())), "A1:B30");
    EXPECT_EQ(rows[0][0].text, "预算公开校验报告");
    EXPECT_EQ(rows[1][0].text, "识别为：山西省单位预算公开（13张表），找到 13/13 张表");
    EXPECT_TRUE(rows[2][0].text.starts_with("T1  ")) << "a line per table: " << rows[2][0].text;
    EXPECT_TRUE(std::ranges::any_of(rows, [](const auto& row) { return row[0].text.starts_with("共检查 "); }));
    EXPECT_TRUE(std::ranges::any_of(rows, [](const auto& row) { return row[1].text == "错误"; }))
        << "the example's own finding, its severity in Chinese";
}
