#include "bd/function_specs.hpp"

#include <gtest/gtest.h>

#include <set>

TEST(FunctionSpecs, EveryFunctionIsFullyDescribedInBothLanguages) {
    std::set<std::string> names;
    for (const auto& spec : bd::function_specs()) {
        EXPECT_FALSE(spec.programmatic.empty());
        EXPECT_TRUE(spec.name.starts_with("BUDGET.")) << spec.name;
        EXPECT_FALSE(spec.chinese_name.empty()) << spec.programmatic;
        EXPECT_FALSE(spec.description.en.empty()) << spec.programmatic;
        EXPECT_FALSE(spec.description.zh.empty()) << spec.programmatic;
        for (const auto& p : spec.parameters) {
            EXPECT_FALSE(p.name.en.empty() || p.name.zh.empty() || p.description.en.empty() || p.description.zh.empty())
                << spec.programmatic;
        }
        EXPECT_TRUE(names.insert(spec.name).second) << "duplicate " << spec.name;
        EXPECT_TRUE(names.insert(spec.chinese_name).second) << "duplicate " << spec.chinese_name;
    }
}

TEST(FunctionSpecs, LookupByNameAndChineseDescription) {
    EXPECT_EQ(bd::find_function("share")->name, "BUDGET.SHARE");
    EXPECT_EQ(bd::find_function_by_name("budget.share")->programmatic, "share");
    EXPECT_EQ(bd::find_function_by_name("SHARE"), nullptr);
    EXPECT_TRUE(bd::function_description(*bd::find_function("share"), bd::Language::Chinese).starts_with("预算占比："));
    EXPECT_TRUE(bd::function_description(*bd::find_function("share"), bd::Language::English).starts_with("Share of"));
    EXPECT_EQ(bd::language_of_locale("zh"), bd::Language::Chinese);
    EXPECT_EQ(bd::language_of_locale("en"), bd::Language::English);
}
