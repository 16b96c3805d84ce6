// 生成绩效目标申报表 in Calc, on documents made from the Shanxi template: one form per project of
// table 12, each belonging to its project by name, so that what the user types into a form stays
// with its project when table 12 is re-sorted, a form whose project is gone is kept and reported,
// and projects beyond the template's ten forms get copies that look up their own amounts.
#include "harness.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/TableSortField.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/util/XSortable.hpp>

#include <map>
#include <regex>

using namespace css;
using namespace bd::test;
namespace fs = std::filesystem;

namespace {

const fs::path shanxi_template = fs::path(BD_TEMPLATE_DIR) / "山西省单位预算公开（13张表）.ots";
const std::string table12 = "表12项目支出表";
const std::string forms_sheet = "绩效目标";

/// Runs the command as the menu does; returns the message it showed.
std::string create_forms(const Document& doc) {
    const uno::Reference<frame::XModel> model(doc.get(), uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(),
                                                         uno::UNO_QUERY_THROW);
    const auto result = frame::DispatchHelper::create(office().context())
                            ->executeDispatch(frame, "org.budgetdisclosure.command:CreatePerformanceForms", "", 0, {});
    frame::DispatchResultEvent event;
    rtl::OUString message;
    EXPECT_TRUE(result >>= event) << "the command reports what it did";
    event.Result >>= message;
    return bd::to_utf8(message);
}

/// Table 12's first project row (1-based), as the blank template's first form names it.
int first_project_row(const Document& doc) {
    static const std::regex row(R"(\$A\$(\d+))");
    std::smatch match;
    const auto formula = formula_of(doc.sheet(forms_sheet), "B3");
    EXPECT_TRUE(std::regex_search(formula, match, row)) << formula;
    return std::stoi(match[1]);
}

/// Types a project into a row of table 12: its name and 一般公共预算 (万元).
void type_project(const Document& doc, int row_number, const std::string& name, double amount) {
    const auto row = std::to_string(row_number);
    set_formula(doc.sheet(table12), "A" + row, name);
    set_number(doc.sheet(table12), "C" + row, amount);
}

/// Sorts `count` rows of table 12 from `first` by their 一般公共预算, smallest first (Data › Sort).
void sort_projects_by_amount(const Document& doc, int first, int count) {
    const uno::Reference<util::XSortable> rows(
        doc.sheet(table12)->getCellRangeByName(
            bd::to_ou("A" + std::to_string(first) + ":G" + std::to_string(first + count - 1))),
        uno::UNO_QUERY_THROW);
    uno::Sequence<table::TableSortField> fields(1);
    fields[0].Field = 2;  // C
    fields[0].IsAscending = true;
    uno::Sequence<beans::PropertyValue> descriptor(1);
    descriptor[0].Name = "SortFields";
    descriptor[0].Value <<= fields;
    rows->sort(descriptor);
}

struct Form {
    std::size_t name_row = 0;  // 0-based
    std::string overview;      // 项目概况, an input
    bd::CellValue annual;      // 年度资金总额 (元)
};

/// The forms that carry a project's name, by name (a name twice fails the test).
std::map<std::string, Form> named_forms(const Document& doc) {
    doc.recalculate();
    const auto sheets = read_sheets(doc.get());
    const auto& grid = *std::ranges::find(sheets, forms_sheet, &bd::Grid::name);
    std::map<std::string, Form> forms;
    for (std::size_t r = 0; r < grid.rows; ++r) {
        if (grid.at(r, 0).text != "项目名称" || grid.at(r, 1).is_empty()) {
            continue;
        }
        Form form{r, {}, {}};
        for (std::size_t below = r; below < std::min(grid.rows, r + 16); ++below) {
            if (grid.at(below, 4).text == "年度资金总额：") {
                form.annual = grid.at(below, 5);
            }
            if (grid.at(below, 0).text == "项目概况") {
                form.overview = grid.at(below, 1).text;
            }
        }
        EXPECT_TRUE(forms.emplace(grid.at(r, 1).text, form).second) << "two forms of " << grid.at(r, 1).text;
    }
    return forms;
}

std::string overview_cell(const Form& form) {
    return "B" + std::to_string(form.name_row + 1 + 9);  // 项目概况: below the name, 3 lines and 6 of funds
}

std::vector<std::string> names(const std::map<std::string, Form>& forms) {
    std::vector<std::string> out;
    for (const auto& [name, form] : forms) {
        out.push_back(name);
    }
    return out;
}

}  // namespace

UNO_TEST(PerformanceForms, EachProjectKeepsItsFormByName) {
    const Document doc(shanxi_template, false);
    const int first = first_project_row(doc);
    type_project(doc, first, "甲项目", 12.5);
    type_project(doc, first + 1, "乙项目", 3);
    const auto created = create_forms(doc);
    EXPECT_NE(created.find("甲项目"), std::string::npos) << created;
    auto forms = named_forms(doc);
    ASSERT_EQ(names(forms), (std::vector<std::string>{"乙项目", "甲项目"}));
    EXPECT_EQ(forms["甲项目"].annual.number, 125000);

    // 年度资金总额 follows table 12.
    type_project(doc, first, "甲项目", 20);
    EXPECT_EQ(named_forms(doc)["甲项目"].annual.number, 200000);

    // Typed into a form: it stays with its project when table 12 is re-sorted and the command runs again.
    set_formula(doc.sheet(forms_sheet), overview_cell(forms["甲项目"]), "甲的概况");
    sort_projects_by_amount(doc, first, 2);
    ASSERT_EQ(text_of(doc.sheet(table12), "A" + std::to_string(first)), "乙项目");
    forms = named_forms(doc);
    EXPECT_EQ(forms["甲项目"].overview, "甲的概况");
    EXPECT_EQ(forms["甲项目"].annual.number, 200000);
    EXPECT_EQ(forms["乙项目"].annual.number, 30000);
    const auto again = create_forms(doc);
    EXPECT_EQ(again.find("甲项目"), std::string::npos) << again;
    EXPECT_EQ(names(named_forms(doc)), (std::vector<std::string>{"乙项目", "甲项目"}));
    EXPECT_EQ(named_forms(doc)["甲项目"].overview, "甲的概况");

    // A project removed from table 12: its form is kept and reported.
    const auto row = std::to_string(first + 1);
    set_formula(doc.sheet(table12), "A" + row, "");
    set_formula(doc.sheet(table12), "C" + row, "");
    const auto orphaned = create_forms(doc);
    EXPECT_NE(orphaned.find("甲项目"), std::string::npos) << orphaned;
    EXPECT_TRUE(orphaned.find("no longer in table 12") != std::string::npos ||
                orphaned.find("已不在表12中") != std::string::npos)
        << orphaned;
    EXPECT_EQ(named_forms(doc)["甲项目"].overview, "甲的概况");

    // A third project: a form of its own.
    type_project(doc, first + 2, "丙项目", 7.25);
    const auto third = create_forms(doc);
    EXPECT_NE(third.find("丙项目"), std::string::npos) << third;
    forms = named_forms(doc);
    EXPECT_EQ(names(forms), (std::vector<std::string>{"丙项目", "乙项目", "甲项目"}));
    EXPECT_EQ(forms["丙项目"].annual.number, 72500);
    EXPECT_EQ(forms["甲项目"].overview, "甲的概况");
}

UNO_TEST(PerformanceForms, ProjectsBeyondTheTemplatesFormsGetCopiesOnPagesOfTheirOwn) {
    const Document doc(shanxi_template, false);
    const int first = first_project_row(doc);
    const std::vector<std::string> projects = {"项目01", "项目02", "项目03", "项目04", "项目05", "项目06",
                                               "项目07", "项目08", "项目09", "项目10", "项目11", "项目12"};
    for (std::size_t i = 0; i < projects.size(); ++i) {
        type_project(doc, first + static_cast<int>(i), projects[i], static_cast<double>(i) + 1.5);
    }
    set_formula(doc.sheet(forms_sheet), "B12", "项目01的概况");  // typed into the first form, the one copied
    create_forms(doc);
    const auto forms = named_forms(doc);
    ASSERT_EQ(names(forms), projects);
    const uno::Reference<table::XColumnRowRange> rows(doc.sheet(forms_sheet), uno::UNO_QUERY_THROW);
    for (std::size_t i = 0; i < projects.size(); ++i) {
        const auto& form = forms.at(projects[i]);
        EXPECT_EQ(form.annual.number, (static_cast<double>(i) + 1.5) * 10000) << projects[i];
        EXPECT_EQ(form.overview, i == 0 ? "项目01的概况" : "") << projects[i];
        if (i > 0) {
            const uno::Reference<beans::XPropertySet> title_row(
                rows->getRows()->getByIndex(static_cast<sal_Int32>(form.name_row - 2)), uno::UNO_QUERY_THROW);
            EXPECT_TRUE(title_row->getPropertyValue("IsStartOfNewPage").get<bool>()) << projects[i];
        }
    }

    // One step of Edit › Undo takes it all back.
    uno::Reference<document::XUndoManagerSupplier>(doc.get(), uno::UNO_QUERY_THROW)->getUndoManager()->undo();
    EXPECT_EQ(formula_of(doc.sheet(forms_sheet), "B3").find("=T("), 0U);
    EXPECT_EQ(names(named_forms(doc)), std::vector<std::string>(projects.begin(), projects.begin() + 10));
}

UNO_TEST(PerformanceForms, AWorkbookWithoutTable12GetsAMessage) {
    const Document doc;
    const auto before = snapshot(doc.sheet(0));
    const auto message = create_forms(doc);
    EXPECT_TRUE(message.find("table 12") != std::string::npos || message.find("表12") != std::string::npos) << message;
    EXPECT_EQ(snapshot(doc.sheet(0)), before);
}
