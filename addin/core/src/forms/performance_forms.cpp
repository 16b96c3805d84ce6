// 生成绩效目标申报表 decided without Calc: the forms on their sheet, table 12's projects, and the
// plan that gives every project exactly one form by name.
#include "bd/performance_forms.hpp"

#include "bd/engine.hpp"
#include "bd/locate.hpp"
#include "bd/recognize.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bd::forms {

namespace {

// How many rows a form's title and year line take above its 项目名称.
constexpr std::size_t rows_above_name = 2;

// Whether an input cell of the rows holds anything (input cells hold no formula of the template).
bool typed_into(const Grid& sheet, const std::vector<CellBlock>& inputs, std::size_t first_row, std::size_t last_row) {
    for (const auto& block : inputs) {
        const auto rows_end = std::min({block.last_row, last_row, sheet.rows - 1});
        for (std::size_t r = std::max(block.first_row, first_row); r <= rows_end; ++r) {
            for (std::size_t c = block.first_col; c <= std::min(block.last_col, sheet.cols - 1); ++c) {
                if (!sheet.at(r, c).is_empty()) {
                    return true;
                }
            }
        }
    }
    return false;
}

std::string written(const CellValue& cell) {
    return cell.kind == CellValue::Kind::Text ? cell.text : std::string();
}

}  // namespace

std::vector<FormOnSheet> find_forms(const Grid& sheet, const std::vector<CellBlock>& inputs) {
    const std::string label = normalize_text(form_labels::project);
    std::vector<FormOnSheet> forms;
    for (std::size_t r = 0; r < sheet.rows; ++r) {
        for (std::size_t c = 0; c + 1 < sheet.cols; ++c) {
            const auto& cell = sheet.at(r, c);
            if (cell.kind != CellValue::Kind::Text || normalize_text(cell.text) != label) {
                continue;
            }
            const std::size_t earliest = forms.empty() ? 0 : forms.back().name_row + 1;
            const std::size_t first = r >= earliest + rows_above_name ? r - rows_above_name : earliest;
            if (!forms.empty()) {
                forms.back().last_row = first - 1;
            }
            forms.push_back(
                {first, sheet.rows - 1, r, c + 1, written(sheet.at(r, c + 1)), sheet.is_formula(r, c + 1), false});
            break;
        }
    }
    for (auto& form : forms) {
        form.typed = typed_into(sheet, inputs, form.first_row, form.last_row);
    }
    return forms;
}

std::variant<FormsWorkbook, Missing> find_forms_workbook(const std::vector<Grid>& sheets) {
    bool found_projects = false;
    for (const auto& layout : layout::bundled_layouts()) {
        for (const auto& forms : layout.forms) {
            const auto* table = layout.table(forms.per.table);
            const auto* side = table == nullptr ? nullptr : table->block_side(forms.per.first);
            const auto* name_column = side == nullptr ? nullptr : side->first_column(layout::ColumnKind::Label);
            if (name_column == nullptr) {
                continue;
            }
            const auto located_workbook = locate_as(sheets, layout);
            const auto* located = located_workbook.table(forms.per.table);
            const auto name_col = located == nullptr ? std::nullopt : located->column(side->key, name_column->key);
            if (!name_col) {
                continue;
            }
            found_projects = true;
            const auto sheet = std::ranges::find(sheets, forms.sheet, &Grid::name);
            if (sheet == sheets.end()) {
                continue;
            }
            FormsWorkbook found{&forms, {}, static_cast<std::size_t>(sheet - sheets.begin())};
            std::set<std::string> seen;
            if (const auto rows = located->blocks.find(forms.per.first); rows != located->blocks.end()) {
                for (const auto& row : rows->second) {
                    const auto name = written(sheets[located->sheet].at(row.row, *name_col));
                    if (!normalize_text(name).empty() && seen.insert(normalize_text(name)).second) {
                        found.projects.push_back(name);
                    }
                }
            }
            return found;
        }
    }
    return found_projects ? Missing::FormsSheet : Missing::ProjectTable;
}

FormsPlan plan_forms(const std::vector<std::string>& projects, const std::vector<FormOnSheet>& forms) {
    FormsPlan plan;
    std::set<std::string> in_table;
    for (const auto& project : projects) {
        in_table.insert(normalize_text(project));
    }
    // Forms that belong to a project: typed into, or named as text.
    std::set<std::string> served;
    std::vector<std::size_t> blank;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto& form = forms[i];
        const auto name = normalize_text(form.project);
        if (!form.typed && (form.linked || name.empty())) {
            blank.push_back(i);
            continue;
        }
        if (!in_table.contains(name)) {
            plan.orphaned.push_back(form.project);
            continue;
        }
        served.insert(name);
        if (form.linked) {
            plan.names.push_back({i, form.project});  // typed: it keeps the project it shows
        }
    }
    // Blank forms serve first the project they show, then the others in table order.
    std::set<std::string> lacking;
    for (const auto& project : projects) {
        if (!served.contains(normalize_text(project))) {
            lacking.insert(normalize_text(project));
        }
    }
    std::map<std::string, std::size_t> reused;
    std::erase_if(blank, [&](std::size_t i) {
        const auto name = normalize_text(forms[i].project);
        if (!lacking.contains(name) || reused.contains(name)) {
            return false;
        }
        reused[name] = i;
        return true;
    });
    auto next_blank = blank.begin();
    for (const auto& project : projects) {
        const auto name = normalize_text(project);
        if (!lacking.contains(name)) {
            continue;
        }
        plan.created.push_back(project);
        if (const auto it = reused.find(name); it != reused.end()) {
            plan.names.push_back({it->second, project});
        } else if (next_blank != blank.end()) {
            plan.names.push_back({*next_blank++, project});
        } else {
            plan.appended.push_back(project);
        }
    }
    for (; next_blank != blank.end(); ++next_blank) {
        if (forms[*next_blank].linked) {
            plan.names.push_back({*next_blank, ""});
        }
    }
    std::ranges::sort(plan.names, {}, &FormsPlan::Name::form);
    return plan;
}

std::string describe(const FormsPlan& plan, bool chinese) {
    const auto listed = [&](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& name : names) {
            out += (out.empty() ? ""
                    : chinese   ? "、"
                                : ", ") +
                   (name.empty() ? std::string(chinese ? "（未填项目名称）" : "(no project name)") : name);
        }
        return out;
    };
    std::string text;
    if (plan.created.empty()) {
        text = chinese ? "表12的每个项目都已有绩效目标申报表。"
                       : "Every project of table 12 already has its performance form.";
    } else if (chinese) {
        text =
            "已为" + std::to_string(plan.created.size()) + "个项目生成绩效目标申报表：" + listed(plan.created) + "。";
    } else {
        text =
            "Created " + std::to_string(plan.created.size()) + " performance form(s) for " + listed(plan.created) + ".";
    }
    if (!plan.orphaned.empty()) {
        text += chinese ? "\n" + std::to_string(plan.orphaned.size()) +
                              "张申报表的项目已不在表12中（已保留，请核对或删除）：" + listed(plan.orphaned) + "。"
                        : "\n" + std::to_string(plan.orphaned.size()) +
                              " form(s) whose project is no longer in table 12 (kept: check or delete them): " +
                              listed(plan.orphaned) + ".";
    }
    return text;
}

}  // namespace bd::forms
