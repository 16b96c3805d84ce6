// The cell functions inside Calc: computed in cells, shown in the Function Wizard in both
// languages, stored under the add-in's service name and recomputed after reopening.
#include "harness.hpp"

#include "bd/function_specs.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>

#include <map>

using namespace css;
using namespace bd::test;

namespace {

constexpr int div0 = 532;
constexpr int value_error = 519;

/// The Function Wizard's entry of a function, by its (English) name.
std::map<std::string, uno::Any> function_description(const std::string& name) {
    const uno::Reference<container::XIndexAccess> all(office().create("com.sun.star.sheet.FunctionDescriptions"),
                                                      uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        uno::Sequence<beans::PropertyValue> entry;
        all->getByIndex(i) >>= entry;
        std::map<std::string, uno::Any> fields;
        for (const auto& field : entry) {
            fields[bd::to_utf8(field.Name)] = field.Value;
        }
        rtl::OUString entry_name;
        fields["Name"] >>= entry_name;
        if (bd::to_utf8(entry_name) == name) {
            return fields;
        }
    }
    return {};
}

}  // namespace

UNO_TEST(Share, ComputesInCellsWithDisclosureRounding) {
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_number(sheet, "A1", 40.50);
    set_number(sheet, "B1", 595.20);
    set_number(sheet, "A2", 273.66);
    set_number(sheet, "B2", 868.86);
    set_formula(sheet, "C1", "=BUDGET.SHARE(A1;B1)");
    set_formula(sheet, "C2", "=BUDGET.SHARE(A2;B2)");
    set_formula(sheet, "C3", "=BUDGET.SHARE(A1;0)");
    set_formula(sheet, "C4", "=BUDGET.SHARE(A1;B99)");
    set_formula(sheet, "C5", "=BUDGET.SHARE(A1;\"abc\")");
    set_formula(sheet, "C6", "=BUDGET.SHARE(\"４０．５\";B1)");
    set_formula(sheet, "C7", "=BUDGET.SHARE(A1:A2;B1)");
    doc.recalculate();
    EXPECT_DOUBLE_EQ(value_of(sheet, "C1"), 0.068);  // 6.80 %
    EXPECT_DOUBLE_EQ(value_of(sheet, "C2"), 0.315);  // 31.50 %
    EXPECT_EQ(error_of(sheet, "C1"), 0);
    EXPECT_EQ(error_of(sheet, "C3"), div0);          // zero total
    EXPECT_EQ(error_of(sheet, "C4"), div0);          // empty total
    EXPECT_EQ(error_of(sheet, "C5"), value_error);   // text that is no number
    EXPECT_DOUBLE_EQ(value_of(sheet, "C6"), 0.068);  // full-width text number
    EXPECT_EQ(error_of(sheet, "C7"), value_error);   // a range where one value belongs
    const auto bulk = read_range(sheet, "C1:C3");
    EXPECT_EQ(bulk[2][0].kind, bd::CellValue::Kind::Error);
}

UNO_TEST(FunctionWizard, ListsTheFunctionWithItsHelp) {
    auto entry = function_description("BUDGET.SHARE");
    ASSERT_FALSE(entry.empty()) << "BUDGET.SHARE is not in the Function Wizard";
    sal_Int32 category = 0;
    entry["Category"] >>= category;
    EXPECT_EQ(category, 11);  // ID_FUNCTION_GRP_ADDINS: Calc's categories are fixed; add-ins are listed under Add-in
    rtl::OUString description;
    entry["Description"] >>= description;
    EXPECT_NE(bd::to_utf8(description).find("6.80 %"), std::string::npos);
    uno::Sequence<sheet::FunctionArgument> arguments;
    entry["Arguments"] >>= arguments;
    ASSERT_EQ(arguments.getLength(), 2);
    EXPECT_EQ(arguments[0].Name, "Part");
    EXPECT_EQ(arguments[1].Name, "Total");
    EXPECT_FALSE(arguments[1].Description.isEmpty());
}

UNO_TEST(FunctionWizard, ListsEveryFunctionWithItsArguments) {
    for (const auto& spec : bd::function_specs()) {
        auto entry = function_description(spec.name);
        ASSERT_FALSE(entry.empty()) << spec.name << " is not in the Function Wizard";
        uno::Sequence<sheet::FunctionArgument> arguments;
        entry["Arguments"] >>= arguments;
        ASSERT_EQ(static_cast<std::size_t>(arguments.getLength()), spec.parameters.size()) << spec.name;
        for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
            EXPECT_EQ(bd::to_utf8(arguments[static_cast<sal_Int32>(i)].Name), spec.parameters[i].name.en);
        }
    }
}

UNO_TEST(FunctionWizard, ChineseAndEnglishHelpComeFromTheAddIn) {
    const uno::Reference<sheet::XAddIn> addin(office().create("org.budgetdisclosure.Functions"), uno::UNO_QUERY_THROW);
    addin->setLocale(lang::Locale("zh", "CN", ""));
    EXPECT_EQ(bd::to_utf8(addin->getDisplayFunctionName("share")), "BUDGET.SHARE");  // typed the same in every UI
    EXPECT_EQ(bd::to_utf8(addin->getDisplayArgumentName("share", 0)), "部分");
    EXPECT_EQ(bd::to_utf8(addin->getDisplayArgumentName("share", 1)), "总额");
    EXPECT_TRUE(bd::to_utf8(addin->getFunctionDescription("share")).starts_with("预算占比："));
    EXPECT_NE(bd::to_utf8(addin->getFunctionDescription("share")).find("四舍五入"), std::string::npos);
    EXPECT_EQ(bd::to_utf8(addin->getDisplayCategoryName("share")), "预算公开");
    EXPECT_EQ(bd::to_utf8(addin->getProgrammaticFuntionName("BUDGET.SHARE")), "share");
    for (const auto& spec : bd::function_specs()) {
        EXPECT_TRUE(
            bd::to_utf8(addin->getFunctionDescription(bd::to_ou(spec.programmatic))).starts_with(spec.chinese_name))
            << spec.name;
    }
    addin->setLocale(lang::Locale("en", "US", ""));
    EXPECT_EQ(bd::to_utf8(addin->getDisplayFunctionName("share")), "BUDGET.SHARE");
    EXPECT_EQ(bd::to_utf8(addin->getDisplayArgumentName("share", 0)), "Part");
}

UNO_TEST(SavedWorkbook, StoresTheFormulaUnderTheServiceNameAndRecomputesAfterReopening) {
    const TempDir dir;
    const auto file = dir.path() / "share.ods";
    {
        const Document doc;
        const auto sheet = doc.sheet(0);
        set_number(sheet, "A1", 554.70);
        set_number(sheet, "B1", 595.20);
        set_formula(sheet, "C1", "=BUDGET.SHARE(A1;B1)");
        doc.store_as(file);
    }
    const auto content = run_program({"/usr/bin/unzip", "-p", file.string(), "content.xml"});
    ASSERT_EQ(content.status, 0) << content.errors;
    EXPECT_NE(content.output.find("of:=ORG.BUDGETDISCLOSURE.FUNCTIONS.SHARE([.A1];[.B1])"), std::string::npos)
        << "content.xml does not store the add-in call under its service name";

    const Document reopened(file, false);
    const auto sheet = reopened.sheet(0);
    set_number(sheet, "A1", 40.50);  // the formula must really compute, not show a cached value
    reopened.recalculate();
    EXPECT_EQ(formula_of(sheet, "C1"), "=ORG.BUDGETDISCLOSURE.FUNCTIONS.SHARE(A1;B1)");
    EXPECT_DOUBLE_EQ(value_of(sheet, "C1"), 0.068);
}
