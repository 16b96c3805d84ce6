#include "bd/rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using bd::rules::Kind;
using bd::rules::parse_rule_pack;
using bd::rules::RuleError;

TEST(Rules, ShanxiPackCoversEveryRuleKind) {
    const auto* pack = bd::rules::rule_pack_for_layout("shanxi-unit");
    ASSERT_NE(pack, nullptr);
    EXPECT_GE(pack->rules.size(), 50U);
    std::set<Kind> kinds;
    std::set<std::string> ids;
    for (const auto& rule : pack->rules) {
        kinds.insert(rule.kind);
        EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
        EXPECT_FALSE(rule.message.zh.empty()) << rule.id;
        EXPECT_FALSE(rule.message.en.empty()) << rule.id;
        EXPECT_FALSE(rule.fix.zh.empty()) << rule.id;
    }
    EXPECT_EQ(kinds.size(), static_cast<std::size_t>(Kind::PriorYear) + 1);  // every kind, the last included
    const auto lines = std::ranges::find(pack->rules, "X.T1-CLASS-LINES", &bd::rules::Rule::id);
    ASSERT_NE(lines, pack->rules.end());
    ASSERT_TRUE(lines->each);
    EXPECT_TRUE(lines->each->coded_only);
    EXPECT_EQ(bd::expr::to_string(lines->checks.at(0).rhs), "under(T3:codes.total, code)");
}

TEST(Rules, ReadsAWholeRule) {
    const auto pack = parse_rule_pack(
        "pack p version 2\n  layout shanxi-unit\n\n# a comment\nrule T.ONE warning\n"
        "  message \"中\" \"en\"\n  fix \"改\" \"fix\"\n  when T7:total.amount = 0\n  check T1:a.b <= T2:c.d + 1\n");
    EXPECT_EQ(pack.version, 2);
    ASSERT_EQ(pack.rules.size(), 1U);
    const auto& rule = pack.rules[0];
    EXPECT_EQ(rule.severity, bd::Severity::Warning);
    EXPECT_EQ(rule.message.zh, "中");
    EXPECT_EQ(rule.fix.en, "fix");
    ASSERT_TRUE(rule.when);
    EXPECT_EQ(rule.checks.at(0).op, bd::rules::Op::LessEqual);
    EXPECT_EQ(bd::expr::to_string(rule.checks.at(0).rhs), "T2:c.d + 1");
}

TEST(Rules, ErrorsNameTheLine) {
    const auto message = [](const char* text) {
        try {
            parse_rule_pack(text);
        } catch (const RuleError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message("pack p version 1\nlayout x\nrule A fatal\n").find("line 3"), std::string::npos);
    EXPECT_NE(message("pack p version 1\nlayout x\nrule A error\n  message \"a\" \"b\"\n  check a + \n").find("line 5"),
              std::string::npos);
    EXPECT_NE(message("pack p version 1\nlayout x\nrule A error\n  message \"a\" \"b\"\n  fact \"(\"\n").find("line 5"),
              std::string::npos);
    EXPECT_NE(message("pack p version 1\nlayout x\nrule A error\nrule A error\n").find("twice"), std::string::npos);
    EXPECT_NE(message("pack p version 1\nlayout x\nrule A error\n  check a = b\n  hierarchy T2\n").find("one kind"),
              std::string::npos);
}

TEST(Rules, EveryBundledPackNamesOnlyWhatItsLayoutDeclares) {
    std::set<std::string> layouts;
    for (const auto& pack : bd::rules::bundled_rule_packs()) {
        const auto* layout = bd::layout::find_layout(pack.layout);
        ASSERT_NE(layout, nullptr) << pack.id;
        EXPECT_EQ(bd::rules::problems_against(pack, *layout), std::vector<std::string>{}) << pack.id;
        layouts.insert(pack.layout);
    }
    EXPECT_EQ(layouts, (std::set<std::string>{"central-department", "generic", "shanghai", "shanxi-unit"}));
}

TEST(Rules, AnUnknownKeyIsNamedWithItsRule) {
    const auto pack = parse_rule_pack(
        "pack p version 1\n  layout shanxi-unit\n"
        "rule A error\n  message \"a\" \"b\"\n  each T3 main all\n  check total = basik + project\n"
        "rule B error\n  message \"a\" \"b\"\n  check T1:income.amount = T9:nothing.total\n"
        "rule C error\n  message \"a\" \"b\"\n  hierarchy T99\n"
        "rule D error\n  message \"a\" \"b\"\n  fact \"([0-9]+)个\"\n  check n1 = count(T12:projects)\n");
    const auto problems = bd::rules::problems_against(pack, *bd::layout::find_layout("shanxi-unit"));
    ASSERT_EQ(problems.size(), 3U) << (problems.empty() ? "" : problems.front());
    EXPECT_TRUE(problems[0].starts_with("A: unknown name \"basik\"")) << problems[0];
    EXPECT_TRUE(problems[1].starts_with("B: unknown name \"nothing\" in T9")) << problems[1];
    EXPECT_EQ(problems[2], "C: unknown table \"T99\"");
}

}  // namespace
