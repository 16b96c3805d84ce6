// The extension in an office whose user interface is Chinese (zh-CN), as most of its users run it:
// the Function Wizard in Chinese, formulas typed with Chinese names, English names from macros,
// and the report sheet in Chinese.
#include "harness.hpp"

#include "bd/function_specs.hpp"
#include "bd/report.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>

#include <map>

using namespace css;
using namespace bd::test;

namespace {

const auto* const registered = ::testing::AddGlobalTestEnvironment(make_office_environment("zh-CN"));

std::map<std::string, std::vector<std::string>> wizard_entries() {
    const uno::Reference<container::XIndexAccess> all(office().create("com.sun.star.sheet.FunctionDescriptions"),
                                                      uno::UNO_QUERY_THROW);
    std::map<std::string, std::vector<std::string>> entries;  // name → argument names
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        uno::Sequence<beans::PropertyValue> entry;
        all->getByIndex(i) >>= entry;
        rtl::OUString name;
        uno::Sequence<sheet::FunctionArgument> arguments;
        for (const auto& field : entry) {
            if (field.Name == "Name")
                field.Value >>= name;
            if (field.Name == "Arguments")
                field.Value >>= arguments;
        }
        auto& names = entries[bd::to_utf8(name)];
        for (const auto& argument : arguments) {
            names.push_back(bd::to_utf8(argument.Name));
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

UNO_TEST(ChineseUi, FunctionWizardShowsChineseNamesAndArguments) {
    const auto entries = wizard_entries();
    for (const auto& spec : bd::function_specs()) {
        const auto entry = entries.find(spec.display.zh);
        ASSERT_NE(entry, entries.end()) << spec.display.zh << " is not in the Chinese Function Wizard";
        ASSERT_EQ(entry->second.size(), spec.parameters.size());
        for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
            EXPECT_EQ(entry->second[i], spec.parameters[i].name.zh);
        }
    }
}

UNO_TEST(ChineseUi, ChineseNamesTypedInCellsAndEnglishNamesFromMacrosBothWork) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_number(sheet, "A1", 40.50);
    set_number(sheet, "B1", 595.20);
    set_local_formula(sheet, "C1", "=预算占比(A1;B1)");
    set_local_formula(sheet, "C2", "=科目名称(\"2240106\")");
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
    const auto rows = read_range(doc.sheet(std::string(bd::report_sheet_name())), "A1:A5");
    EXPECT_EQ(rows[0][0].text, "预算公开校验报告");
    EXPECT_EQ(rows[1][0].text.rfind("共检查 48 项：通过 48", 0), 0U) << rows[1][0].text;
    EXPECT_EQ(rows[4][0].text, "未发现问题");
}
