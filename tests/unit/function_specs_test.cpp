#include "bd/function_specs.hpp"

#include <gtest/gtest.h>

#include <set>

TEST(FunctionSpecs, EveryFunctionIsFullyDescribedInBothLanguages) {
    std::set<std::string> names;
    for (const auto& spec : bd::function_specs()) {
        EXPECT_FALSE(spec.programmatic.empty());
        for (const auto* text : {&spec.display, &spec.description}) {
            EXPECT_FALSE(text->en.empty()) << spec.programmatic;
            EXPECT_FALSE(text->zh.empty()) << spec.programmatic;
        }
        for (const auto& p : spec.parameters) {
            EXPECT_FALSE(p.name.en.empty() || p.name.zh.empty() || p.description.en.empty() || p.description.zh.empty())
                << spec.programmatic;
        }
        EXPECT_TRUE(names.insert(spec.display.en).second) << "duplicate " << spec.display.en;
        EXPECT_TRUE(names.insert(spec.display.zh).second) << "duplicate " << spec.display.zh;
    }
}

TEST(FunctionSpecs, LookupByEitherName) {
    EXPECT_EQ(bd::find_function("share")->display.en, "BUDGET.SHARE");
    EXPECT_EQ(bd::find_function_by_display("budget.share")->programmatic, "share");
    EXPECT_EQ(bd::find_function_by_display("预算占比")->programmatic, "share");
    EXPECT_EQ(bd::find_function_by_display("SHARE"), nullptr);
    EXPECT_EQ(bd::language_of_locale("zh"), bd::Language::Chinese);
    EXPECT_EQ(bd::language_of_locale("en"), bd::Language::English);
}
