// What 生成绩效目标申报表 (Create Performance Forms) does to a workbook, decided without Calc: which
// projects of table 12 lack a 项目支出绩效目标申报表, which forms belong to a project no longer in
// table 12, and which blank forms of the template can serve a project. A form belongs to its
// project by name: the template links its blank forms to table 12 by position, which the command
// turns into the project's name as text, so that re-sorting table 12 moves no typed form to
// another project. What the user typed is never changed.
#pragma once

#include "bd/grid.hpp"
#include "bd/layout.hpp"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace bd::forms {

/// One form as the sheet shows it.
struct FormOnSheet {
    std::size_t first_row = 0;  // its title's row
    std::size_t last_row = 0;   // its last row (up to the next form)
    std::size_t name_row = 0;   // the row of 项目名称
    std::size_t name_col = 0;   // the cell that holds the project's name
    std::string project;        // the name it shows, as written
    bool linked = false;        // the name is a formula (the template's link to a row of table 12)
    bool typed = false;         // one of its input cells holds something
};

/// The forms of a sheet, top to bottom: each found by its 项目名称 label, starting at the title two
/// rows above it. `inputs` are the sheet's input cells (those of the form_input style).
std::vector<FormOnSheet> find_forms(const Grid& sheet, const std::vector<CellBlock>& inputs);

/// Where the projects and their forms are.
struct FormsWorkbook {
    const layout::Forms* forms = nullptr;  // the layout's forms section
    std::vector<std::string> projects;     // table 12's project names as written, in order, each once
    std::size_t forms_sheet = 0;           // index into the sheets
};
enum class Missing { ProjectTable, FormsSheet };

/// Finds, in the sheets read from a workbook, the table the forms follow (table 12) as a bundled
/// layout with forms locates it, and the sheet of forms that layout names.
std::variant<FormsWorkbook, Missing> find_forms_workbook(const std::vector<Grid>& sheets);

/// What the command does.
struct FormsPlan {
    struct Name {
        std::size_t form = 0;  // index into the forms
        std::string project;   // the name it gets as text ("" for a blank form no project needs)
    };
    std::vector<Name> names;
    std::vector<std::string> appended;  // projects that get a new form after the last one
    std::vector<std::string> created;   // every project that gets a form (reused or appended), in table order
    std::vector<std::string> orphaned;  // the names of forms whose project is not in table 12 (kept)
};

/// The plan for `projects` (table 12's, as written) and the forms on the sheet. A form the user
/// typed into, or whose name is text, belongs to the project it names; a form with neither is
/// blank and serves a project that lacks one (first the project it shows, then in table order);
/// projects left over get new forms. Blank forms left over lose their link by position.
FormsPlan plan_forms(const std::vector<std::string>& projects, const std::vector<FormOnSheet>& forms);

/// What the command did, for the user (Chinese or English).
std::string describe(const FormsPlan& plan, bool chinese);

}  // namespace bd::forms
