// A new document from the Shanxi template (File › New › Templates) is ready to fill: its cover's
// inputs tinted.
#include "bd/template_styles.hpp"
#include "harness.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <filesystem>

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

}  // namespace
