// The two sheets of fields: the cover, whose fields (unit, year …) are entered once beside the
// printed cover and feed every title, form and the narrative, and which prints the unit, the title
// and 第一部分 概况; and the performance forms, one 项目支出绩效目标申报表 per project of the table
// they follow, each on a page of its own, its 年度资金总额 (元) looked up in that table — in a
// blank template one per project row, up to ten, named from the table.
#include "planner.hpp"

#include <algorithm>

namespace bd::build::planning {

namespace {

// Performance forms a blank template offers (one per project row, up to this many).
constexpr std::size_t blank_forms = 10;

}  // namespace

const std::string* Planner::fill_cover(const std::string& key) const {
    if (fill_ == nullptr) {
        return nullptr;
    }
    const auto it = fill_->cover.find(key);
    return it == fill_->cover.end() ? nullptr : &it->second;
}

// The inputs fill the cover's first rows, beside the printed area (A:C); the printed cover starts
// below them, so that their wrapped texts set no printed row's height. The input column has a
// caption: Calc (7.4) drops the style of the empty cells of a column that holds nothing, and a
// new document's inputs would not be tinted.
Sheet Planner::cover_sheet() const {
    Sheet sheet;
    sheet.name = layout_.cover.sheet;
    sheet.widths_cm = {4.0, 4.0, 8.0, 0.8, 4.0, 10.0};
    sheet.print_columns = {0, 2};
    sheet.at(0, cover_value_col - 1) = text_cell("请在右侧填写", Style::InputLabel);
    sheet.at(0, cover_value_col) = text_cell("各表标题、单位名称和情况说明随之更新", Style::InputLabel);
    std::size_t row = 1;
    for (const auto& field : layout_.cover.fields) {
        row = std::max(row, cover_rows_.at(field.key) + 1);
        sheet.at(cover_rows_.at(field.key), cover_value_col - 1) = text_cell(field.label, Style::InputLabel);
        sheet.at(cover_rows_.at(field.key), cover_value_col) =
            input_cell(fill_cover(field.key), Style::InputText, field.is_number);
    }
    sheet.print_first_row = row;
    sheet.row_heights_cm[row++] = 7.0;  // the title a third down the page
    auto& unit = sheet.at(row, 0) = formula_cell("T(" + cover_ref("unit") + ")", Style::Title, true);
    unit.colspan = 3;
    sheet.row_heights_cm[row++] = 2.4;
    auto& title = sheet.at(row, 0) = caption(layout_.cover.title, Style::Title);
    title.colspan = 3;
    sheet.row_heights_cm[row++] = 1.6;
    ++row;
    sheet.page_breaks.push_back(row);  // 第一部分 概况 on a page of its own, as published
    sheet.at(row++, 0) = text_cell("第一部分 概况", Style::Heading);
    for (const auto& field : layout_.cover.fields) {
        if (field.key == "duties" || field.key == "organization") {
            sheet.at(row++, 0) = text_cell(field.label, Style::Heading);
            auto& text = sheet.at(row++, 0) = formula_cell("T(" + cover_ref(field.key) + ")", Style::Paragraph, true);
            text.colspan = 3;
        }
    }
    return sheet;
}

Sheet Planner::forms_sheet(const layout::Forms& forms) const {
    Sheet sheet;
    sheet.name = forms.sheet;
    const TablePlan& plan = table_plan(forms.per.table);
    const Side& side = *plan.table->block_side(forms.per.first);
    const auto& placed = side_placement(plan, side);
    const auto name_col = column_of(plan, side, side.first_column(ColumnKind::Label)->key);
    const auto total_col = column_of(plan, side, "total");
    const auto projects = range_ref(plan.table->sheet, placed.block_first, name_col, placed.block_last, total_col);
    std::size_t row = 0;
    if (fill_ != nullptr) {
        for (const auto& form : fill_->forms) {
            sheet.page_breaks.push_back(row);
            row = performance_form(sheet, row, &form, {}, projects, total_col - name_col + 1);
        }
    } else {
        for (std::size_t i = 0; i < std::min(blank_forms, placed.block_last - placed.block_first + 1); ++i) {
            sheet.page_breaks.push_back(row);
            const auto name = cell_ref(plan.table->sheet, placed.block_first + i, name_col);
            row = performance_form(sheet, row, nullptr, "T(" + name + ")", projects, total_col - name_col + 1);
        }
    }
    sheet.page_breaks.erase(sheet.page_breaks.begin());
    form_widths(sheet);
    return sheet;
}

std::size_t Planner::performance_form(Sheet& sheet, std::size_t row, const FilledForm* form,
                                      const std::string& name_formula, const std::string& projects,
                                      std::size_t total_offset) const {
    const auto field = [&](const std::string& key) -> const std::string* {
        if (form == nullptr) {
            return nullptr;
        }
        const auto it = form->fields.find(key);
        return it == form->fields.end() ? nullptr : &it->second;
    };
    const auto put = [&](std::size_t r, std::size_t c, Cell cell, int colspan = 1, int rowspan = 1) {
        cell.colspan = colspan;
        cell.rowspan = rowspan;
        sheet.at(r, c) = std::move(cell);
    };
    const auto label = [&](std::size_t r, std::size_t c, const std::string& text, int colspan = 1, int rowspan = 1) {
        put(r, c, text_cell(text, Style::FormLabel), colspan, rowspan);
    };
    const auto input = [&](std::size_t r, std::size_t c, const std::string& key, int colspan, bool number = false) {
        put(r, c, input_cell(field(key), number ? Style::FormInputAmount : Style::FormInput, number), colspan);
    };
    put(row, 0, formula_cell("T(" + cover_ref("form_title") + ")", Style::Title, true), 8);
    put(row + 1, 0, formula_cell("\"(\"&" + cover_ref("year") + "&\"年度)\"", Style::Info, true), 8);
    row += 2;
    const auto name_row = row;
    label(row, 0, "项目名称");
    if (form != nullptr) {
        put(row, 1, text_cell(form->project, Style::FormInput), 7);
    } else {
        put(row, 1, formula_cell(name_formula, Style::FormText, true), 7);
    }
    ++row;
    label(row, 0, "主管部门及代码");
    if (form != nullptr) {
        input(row, 1, "department", 3);
    } else {
        put(row, 1, formula_cell("T(" + cover_ref("code") + ")", Style::FormText, true), 3);
    }
    label(row, 4, "实施单位");
    if (form != nullptr) {
        input(row, 5, "implementer", 3);
    } else {
        put(row, 5, formula_cell("T(" + cover_ref("unit") + ")", Style::FormText, true), 3);
    }
    ++row;
    label(row, 0, "项目属性");
    input(row, 1, "attribute", 3);
    label(row, 4, "项目期");
    input(row, 5, "period", 3);
    ++row;
    label(row, 0, "项目资金（元）", 1, 6);
    static const std::pair<const char*, const char*> funds[] = {
        {"实施期资金总额：", "total"}, {"其中：中央财政资金", "central"},
        {"省级财政资金", "province"},  {"市县（区）财政资金", "local"},
        {"单位自筹", "own"},           {"其他资金", "other"},
    };
    for (const auto& [caption_text, key] : funds) {
        const std::string key_text = key;
        label(row, 1, caption_text);
        input(row, 2, key_text + "_period", 2, true);
        label(row, 4, key_text == "total" ? "年度资金总额：" : caption_text);
        if (key_text == "total") {
            // 年度资金总额 (元) = the project's amount in table 12 (万元) × 10,000. The name's row is
            // relative: a copy of the form (as 生成绩效目标申报表 appends) looks up its own project.
            put(row, 5,
                formula_cell("IFERROR(VLOOKUP(" + row_ref(sheet.name, name_row, 1) + ";" + projects + ";" +
                                 std::to_string(total_offset) + ";0)*10000;\"\")",
                             Style::FormAmount),
                3);
        } else {
            input(row, 5, key_text + "_year", 3, true);
        }
        ++row;
    }
    static const std::pair<const char*, const char*> texts[] = {
        {"项目概况", "overview"},        {"立项依据", "basis"},
        {"项目设立必要性", "necessity"}, {"保证项目实施的\n制度、措施", "measures"},
        {"项目实施计划", "plan"},
    };
    for (const auto& [caption_text, key] : texts) {
        label(row, 0, caption_text);
        input(row, 1, key, 7);
        ++row;
    }
    label(row, 0, "");
    label(row, 1, "实施期目标", 3);
    label(row, 4, "年度目标", 4);
    ++row;
    label(row, 0, "总体目标");
    input(row, 1, "goal_period", 3);
    input(row, 4, "goal_year", 4);
    ++row;
    static const std::vector<std::vector<std::string>> standard_indicators = {
        {"产出指标", "数量指标", "", "", "数量指标", "", ""},
        {"产出指标", "质量指标", "", "", "质量指标", "", ""},
        {"产出指标", "时效指标", "", "", "时效指标", "", ""},
        {"产出指标", "成本指标", "", "", "成本指标", "", ""},
        {"效益指标", "经济效益指标", "", "", "经济效益指标", "", ""},
        {"效益指标", "社会效益指标", "", "", "社会效益指标", "", ""},
        {"效益指标", "生态效益指标", "", "", "生态效益指标", "", ""},
        {"效益指标", "可持续影响指标", "", "", "可持续影响指标", "", ""},
        {"满意度指标", "服务对象满意度指标", "", "", "服务对象满意度指标", "", ""},
    };
    const auto& indicators = form != nullptr && !form->indicators.empty() ? form->indicators : standard_indicators;
    label(row, 0, "绩效指标", 1, static_cast<int>(indicators.size()) + 1);
    static const char* const heads[] = {"一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"};
    for (std::size_t c = 0; c < 7; ++c) {
        label(row, c + 1, heads[c]);
    }
    ++row;
    for (const auto& indicator : indicators) {
        for (std::size_t c = 0; c < 7; ++c) {
            const bool caption_column = c == 0 || c == 1 || c == 4;
            const std::string* value = c < indicator.size() && !indicator[c].empty() ? &indicator[c] : nullptr;
            put(row, c + 1,
                input_cell(value, caption_column && form == nullptr ? Style::FormLabel : Style::FormInput, false));
        }
        ++row;
    }
    static const std::pair<const char*, const char*> signature[] = {
        {"负责人：", "responsible"}, {"经办人：", "handler"}, {"联系电话：", "phone"}, {"填报日期：", "date"}};
    std::size_t col = 0;
    for (const auto& [caption_text, key] : signature) {
        label(row, col, caption_text);
        input(row, col + 1, key, 1);
        col += 2;
    }
    return row + 2;
}

}  // namespace bd::build::planning
