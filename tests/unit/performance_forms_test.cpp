// 生成绩效目标申报表's decisions: forms found on their sheet, and which project each form serves.
#include "bd/performance_forms.hpp"
#include "grid_file.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using namespace bd::test;
using bd::forms::FormOnSheet;
using bd::forms::FormsPlan;
using bd::forms::plan_forms;

// A form of the blank template: its name linked to a row of table 12, showing `shown`.
FormOnSheet linked(const std::string& shown, bool typed = false) {
    return {0, 0, 0, 1, shown, true, typed};
}
// A form named as text (by the command, or typed).
FormOnSheet named(const std::string& name, bool typed = false) {
    return {0, 0, 0, 1, name, false, typed};
}

std::vector<std::pair<std::size_t, std::string>> names(const FormsPlan& plan) {
    std::vector<std::pair<std::size_t, std::string>> out;
    for (const auto& name : plan.names) {
        out.emplace_back(name.form, name.project);
    }
    return out;
}

using Names = std::vector<std::pair<std::size_t, std::string>>;
using Texts = std::vector<std::string>;

TEST(PerformanceForms, TheTemplatesFormsAreNamedAfterTheirProjectsAndTheRestUnlinked) {
    const auto plan = plan_forms({"甲项目", "乙项目"}, {linked("甲项目"), linked("乙项目"), linked(""), linked("")});
    EXPECT_EQ(names(plan), (Names{{0, "甲项目"}, {1, "乙项目"}, {2, ""}, {3, ""}}));
    EXPECT_EQ(plan.created, (Texts{"甲项目", "乙项目"}));
    EXPECT_TRUE(plan.appended.empty());
    EXPECT_TRUE(plan.orphaned.empty());
}

TEST(PerformanceForms, ARerunAfterReSortingChangesNothing) {
    const auto plan = plan_forms({"乙项目", "甲项目"}, {named("甲项目", true), named("乙项目"), named("")});
    EXPECT_TRUE(plan.names.empty());
    EXPECT_TRUE(plan.created.empty());
    EXPECT_TRUE(plan.appended.empty());
    EXPECT_TRUE(plan.orphaned.empty());
}

TEST(PerformanceForms, AFormWhoseProjectIsGoneIsKeptAndListed) {
    const auto plan = plan_forms({"乙项目", "丙项目"}, {named("甲项目", true), named("乙项目"), named(""), named("")});
    EXPECT_EQ(plan.orphaned, (Texts{"甲项目"}));
    EXPECT_EQ(names(plan), (Names{{2, "丙项目"}}));
    EXPECT_EQ(plan.created, (Texts{"丙项目"}));
}

TEST(PerformanceForms, ALinkedFormTheUserTypedIntoKeepsTheProjectItShows) {
    // Typed into while it showed 乙项目: it is 乙项目's, though it stands first.
    const auto plan = plan_forms({"甲项目", "乙项目"}, {linked("乙项目", true), linked("")});
    EXPECT_EQ(names(plan), (Names{{0, "乙项目"}, {1, "甲项目"}}));
    EXPECT_EQ(plan.created, (Texts{"甲项目"}));
}

TEST(PerformanceForms, ABlankFormServesTheProjectItShowsBeforeOthers) {
    const auto plan = plan_forms({"甲项目", "乙项目"}, {linked(""), linked("乙项目")});
    EXPECT_EQ(names(plan), (Names{{0, "甲项目"}, {1, "乙项目"}}));
}

TEST(PerformanceForms, ABlankFormShowingAProjectWithAFormIsUnlinked) {
    const auto plan = plan_forms({"甲项目", "乙项目"}, {named("甲项目"), named("乙项目"), linked("甲项目")});
    EXPECT_EQ(names(plan), (Names{{2, ""}}));
    EXPECT_TRUE(plan.created.empty());
}

TEST(PerformanceForms, ProjectsBeyondTheBlankFormsGetNewForms) {
    const auto plan = plan_forms({"甲项目", "乙项目", "丙项目"}, {named("乙项目", true), named("")});
    EXPECT_EQ(names(plan), (Names{{1, "甲项目"}}));
    EXPECT_EQ(plan.appended, (Texts{"丙项目"}));
    EXPECT_EQ(plan.created, (Texts{"甲项目", "丙项目"}));
}

TEST(PerformanceForms, NamesAreComparedWithoutSpacesAndFullWidthForms) {
    const auto plan = plan_forms({"党建经费（2023）"}, {named("党建 经费(2023)")});
    EXPECT_TRUE(plan.created.empty());
    EXPECT_TRUE(plan.orphaned.empty());
}

TEST(PerformanceForms, ATypedFormWithoutAProjectIsListed) {
    const auto plan = plan_forms({"甲项目"}, {linked("", true), linked("")});
    EXPECT_EQ(plan.orphaned, (Texts{""}));
    EXPECT_EQ(names(plan), (Names{{1, "甲项目"}}));
    EXPECT_NE(bd::forms::describe(plan, true).find("（未填项目名称）"), std::string::npos);
}

TEST(PerformanceForms, TheMessageSaysWhatWasCreatedAndWhatIsOrphaned) {
    FormsPlan plan;
    plan.created = {"甲项目", "乙项目"};
    plan.orphaned = {"丙项目"};
    EXPECT_EQ(bd::forms::describe(plan, true),
              "已为2个项目生成绩效目标申报表：甲项目、乙项目。\n"
              "1张申报表的项目已不在表12中（已保留，请核对或删除）：丙项目。");
    EXPECT_EQ(bd::forms::describe(plan, false),
              "Created 2 performance form(s) for 甲项目, 乙项目.\n"
              "1 form(s) whose project is no longer in table 12 (kept: check or delete them): 丙项目.");
    EXPECT_EQ(bd::forms::describe({}, false), "Every project of table 12 already has its performance form.");
}

TEST(PerformanceForms, FormsAreFoundByTheirProjectNameLabel) {
    auto sheet = sheet_of("绩效目标", {
                                          {T("申报表")},
                                          {T("(2023年度)")},
                                          {T("项目名称"), T("甲项目")},
                                          {T("项目属性"), E()},
                                          {},
                                          {T("申报表")},
                                          {T("(2023年度)")},
                                          {T("项目 名称"), E()},
                                          {T("项目属性"), T("新增")},
                                      });
    bd::mark_formulas(sheet, {{2, 1, 2, 1}});
    const std::vector<bd::CellBlock> inputs = {{3, 1, 3, 1}, {8, 1, 8, 1}};
    const auto forms = bd::forms::find_forms(sheet, inputs);
    ASSERT_EQ(forms.size(), 2U);
    EXPECT_EQ(forms[0].first_row, 0U);
    EXPECT_EQ(forms[0].last_row, 4U);
    EXPECT_EQ(forms[0].name_row, 2U);
    EXPECT_EQ(forms[0].name_col, 1U);
    EXPECT_EQ(forms[0].project, "甲项目");
    EXPECT_TRUE(forms[0].linked);
    EXPECT_FALSE(forms[0].typed);
    EXPECT_EQ(forms[1].first_row, 5U);
    EXPECT_EQ(forms[1].last_row, 8U);
    EXPECT_EQ(forms[1].project, "");
    EXPECT_FALSE(forms[1].linked);
    EXPECT_TRUE(forms[1].typed);
}

TEST(PerformanceForms, TheExampleLacksOneForm) {
    // The seed: 8 projects in table 12, 7 forms published (党建工作及机关文化建设经费 has none).
    const auto sheets = read_grid_file(std::filesystem::path(BD_TEST_DATA_DIR) / "jinzhong-2023.grid");
    const auto found = bd::forms::find_forms_workbook(sheets);
    ASSERT_TRUE(std::holds_alternative<bd::forms::FormsWorkbook>(found));
    const auto& workbook = std::get<bd::forms::FormsWorkbook>(found);
    EXPECT_EQ(workbook.projects.size(), 8U);
    EXPECT_EQ(sheets[workbook.forms_sheet].name, "绩效目标");
    const auto forms = bd::forms::find_forms(sheets[workbook.forms_sheet], {});
    ASSERT_EQ(forms.size(), 7U);
    const auto plan = plan_forms(workbook.projects, forms);
    EXPECT_EQ(plan.appended, (Texts{"党建工作及机关文化建设经费"}));
    EXPECT_TRUE(plan.names.empty());
    EXPECT_TRUE(plan.orphaned.empty());
    auto without_forms = sheets;
    without_forms.erase(without_forms.begin() + static_cast<std::ptrdiff_t>(workbook.forms_sheet));
    EXPECT_EQ(std::get<bd::forms::Missing>(bd::forms::find_forms_workbook(without_forms)),
              bd::forms::Missing::FormsSheet);
}

TEST(PerformanceForms, AWorkbookWithoutTable12SaysSo) {
    const auto found = bd::forms::find_forms_workbook({sheet_of("Sheet1", {{T("甲")}})});
    ASSERT_TRUE(std::holds_alternative<bd::forms::Missing>(found));
    EXPECT_EQ(std::get<bd::forms::Missing>(found), bd::forms::Missing::ProjectTable);
}

}  // namespace
