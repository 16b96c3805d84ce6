// The order of the 预算公开 menu's entries: 校验公开报表 first, 清除校验标记 last. Framework's
// AddonsOptions lists a submenu's entries in the order the configuration gives their node names.
#include "harness.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>

using namespace css;
using bd::test::office;
using rtl::OUString;

UNO_TEST(Menu, ValidateComesFirstAndClearMarksLast) {
    uno::Sequence<uno::Any> arguments(1);
    arguments[0] <<= beans::NamedValue(
        "nodepath",
        uno::Any(OUString("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.budgetdisclosure.menu/Submenu")));
    const uno::Reference<container::XNameAccess> submenu(
        configuration::theDefaultProvider::get(office().context())
            ->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", arguments),
        uno::UNO_QUERY_THROW);
    std::vector<std::string> commands;
    for (const auto& name : submenu->getElementNames()) {
        OUString url;
        uno::Reference<container::XNameAccess>(submenu->getByName(name), uno::UNO_QUERY_THROW)->getByName("URL") >>=
            url;
        commands.push_back(bd::to_utf8(url.copy(url.indexOf(':') + 1)));
    }
    EXPECT_EQ(commands, (std::vector<std::string>{"ValidateDisclosure", "ValidateAgainstLastYear", "ArrangeCodedRows",
                                                  "CreatePerformanceForms", "ExportForPublication",
                                                  "ImportClassification", "ClearValidationMarks"}));
}
