// The extension is installed in the office and its services answer.
#include "harness.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

using namespace css;
using bd::test::office;

UNO_TEST(Extension, ValidatorServiceIsInstalled) {
    const uno::Reference<org::budgetdisclosure::XValidator> validator(office().create("org.budgetdisclosure.Validator"),
                                                                      uno::UNO_QUERY);
    ASSERT_TRUE(validator.is()) << "the extension's validator service is not available: is the .oxt installed?";
}

UNO_TEST(Extension, MenuIsInCalcMenuBar) {
    uno::Sequence<uno::Any> args(1);
    args[0] <<= beans::NamedValue(
        "nodepath",
        uno::Any(rtl::OUString("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.budgetdisclosure.menu")));
    const uno::Reference<container::XNameAccess> menu(
        configuration::theDefaultProvider::get(office().context())
            ->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
        uno::UNO_QUERY_THROW);
    rtl::OUString context;
    menu->getByName("Context") >>= context;
    EXPECT_EQ(context, "com.sun.star.sheet.SpreadsheetDocument");
    const uno::Reference<container::XNameAccess> submenu(menu->getByName("Submenu"), uno::UNO_QUERY_THROW);
    const uno::Reference<container::XNameAccess> validate(submenu->getByName("m01"), uno::UNO_QUERY_THROW);
    rtl::OUString url;
    validate->getByName("URL") >>= url;
    EXPECT_EQ(url, "org.budgetdisclosure.command:ValidateDisclosure");
    const uno::Reference<container::XNameAccess> clear(submenu->getByName("m07"), uno::UNO_QUERY_THROW);
    clear->getByName("URL") >>= url;
    EXPECT_EQ(url, "org.budgetdisclosure.command:ClearValidationMarks");
}
