// A narrative text sheet: its inputs (figures and words no table holds) beside the printed
// columns, then the title, headings, paragraphs whose figures are formulas over the tables, lists
// to fill, and pie charts, each in a row of its own; a chart of a line range reads the range's
// nonzero lines, compacted beside the text (not printed).
#include "planner.hpp"

#include <algorithm>

namespace bd::build::planning {

namespace {

constexpr double chart_row_cm = 8.6;

}  // namespace

const std::string* Planner::fill_input(const TextSheet& text, const std::string& key) const {
    if (fill_ == nullptr) {
        return nullptr;
    }
    const auto it = fill_->inputs.find(text.id + "/" + key);
    return it == fill_->inputs.end() ? nullptr : &it->second;
}

// The inputs fill the first rows, beside the printed columns (A:D); the printed text starts
// below them, so that an input's wrapped text sets no printed row's height: a paragraph row
// fits its own text (Calc's optimal height of a cell merged over A:D wraps at the merged width).
// Chart data the charts read (compacted, see chart_data) is further right, not printed either.
Sheet Planner::text_sheet(const TextSheet& text) const {
    Sheet sheet;
    sheet.name = text.sheet;
    sheet.widths_cm = {3.0, 4.0, 4.0, 5.0, 0.8, 5.0, 8.0};
    sheet.print_columns = {0, 3};
    std::size_t row = 0;
    if (!text.inputs.empty()) {
        sheet.at(0, text_input_col - 1) = text_cell("请填写（表中没有的数字和文字）", Style::InputLabel);
        for (const auto& input : text.inputs) {
            const auto input_row = input_rows_.at(text.id + "/" + input.key);
            sheet.at(input_row, text_input_col - 1) = text_cell(input.label, Style::InputLabel);
            sheet.at(input_row, text_input_col) = input_cell(
                fill_input(text, input.key), input.is_number ? Style::InputAmount : Style::InputText, input.is_number);
            row = std::max(row, input_row + 2);
        }
    }
    sheet.print_first_row = row;
    auto& title = sheet.at(row, 0) = caption(text.title, Style::Title);
    title.colspan = 4;
    row += 2;
    const Where where{nullptr, nullptr, 0, {}, &text};
    std::size_t data_col = text_input_col + 2;
    for (const auto& item : text.items) {
        switch (item.kind) {
            case TextItem::Kind::Heading: {
                auto& cell = sheet.at(row++, 0) = text_cell(item.text, Style::Heading);
                cell.colspan = 4;
                break;
            }
            case TextItem::Kind::Paragraph: {
                auto& cell = sheet.at(row++, 0) = paragraph(item, where);
                cell.colspan = 4;
                break;
            }
            case TextItem::Kind::Chart:
                sheet.charts.push_back(chart(sheet, item, row + 1, data_col));
                sheet.row_heights_cm[row + 1] = chart_row_cm;
                row += 3;
                break;
            case TextItem::Kind::List: list(sheet, text, item, row); break;
        }
    }
    return sheet;
}

Cell Planner::paragraph(const TextItem& item, const Where& where) const {
    std::string formula;
    bool array = false;
    bool any_expression = false;
    for (const auto& segment : item.segments) {
        formula += formula.empty() ? "" : "&";
        if (!segment.is_expression) {
            formula += string_literal(segment.text);
            continue;
        }
        any_expression = true;
        const auto compiled = compile(segment.expression, where);
        array = array || compiled.array;
        if (compiled.text) {
            formula += "T(" + compiled.formula + ")";
        } else if (compiled.whole) {
            formula += "TEXT(" + compiled.formula + ";\"0\")";
        } else {
            formula += "TEXT(" + compiled.formula + ";\"0.00\")";
        }
    }
    if (!any_expression) {
        return text_cell(item.text, Style::Paragraph);
    }
    auto cell = formula_cell(formula, Style::Paragraph, true);
    cell.array = array;
    return cell;
}

// A chart in its own row, over the printed columns. A chart of one line range (a table's 30
// classes, most of them zero) reads compacted data instead: see chart_data.
Chart Planner::chart(Sheet& sheet, const TextItem& item, std::size_t row, std::size_t& data_col) const {
    Chart chart;
    chart.title = item.text;
    chart.row = row;
    chart.end_col = 3;
    if (item.series.size() == 1) {
        const auto paths = expr::paths(item.series.front());
        if (paths.size() == 1 && !paths.front().last.empty()) {
            chart_data(sheet, chart, paths.front(), data_col);
            data_col += 3;
            return chart;
        }
    }
    for (const auto& series : item.series) {
        for (const auto& path : expr::paths(series)) {
            const TablePlan& plan = table_plan(path.table);
            const auto first = plan.table->line(path.first);
            const auto& placed = side_placement(plan, *first->side);
            const auto value_col = column_of(plan, *first->side, path.member);
            const auto label_col = label_column(plan, *first->side, *first->line);
            const auto from = placed.line_rows.at(path.first);
            const auto to = path.last.empty() ? from : placed.line_rows.at(path.last);
            chart.labels += (chart.labels.empty() ? "" : " ") + chart_range(plan.table->sheet, from, label_col, to);
            chart.values += (chart.values.empty() ? "" : " ") + chart_range(plan.table->sheet, from, value_col, to);
        }
    }
    return chart;
}

// The nonzero lines of a range, compacted into two columns at data_col (beside the inputs, not
// printed): each line's name without its numbering ("一、") and its amount, in the table's
// order; the rows beyond stay empty (""). The chart shows only what the unit spends on.
void Planner::chart_data(Sheet& sheet, Chart& chart, const expr::Path& path, std::size_t data_col) const {
    const TablePlan& plan = table_plan(path.table);
    const auto first = plan.table->line(path.first);
    const auto& placed = side_placement(plan, *first->side);
    const auto from = placed.line_rows.at(path.first);
    const auto to = placed.line_rows.at(path.last);
    const auto& table_sheet = plan.table->sheet;
    const auto value_col = column_of(plan, *first->side, path.member);
    const auto values = range_ref(table_sheet, from, value_col, to, value_col);
    const auto label_col = label_column(plan, *first->side, *first->line);
    const auto labels = range_ref(table_sheet, from, label_col, to, label_col);
    auto& caption_cell = sheet.at(0, data_col) = text_cell(chart.title + "（图表数据，不打印）", Style::InputLabel);
    caption_cell.colspan = 2;
    const auto count = to - from + 1;
    for (std::size_t k = 1; k <= count; ++k) {
        // The position of the k-th nonzero line in the range.
        const auto nth = "SMALL(IF(ROUND(" + values + ";2)<>0;ROW(" + values + ")-" + std::to_string(from) + ";\"\");" +
                         std::to_string(k) + ")";
        const auto label = "INDEX(" + labels + ";" + nth + ")";
        auto& name = sheet.at(k, data_col) =
            formula_cell("IFERROR(IF(ISERROR(FIND(\"、\";" + label + "));" + label + ";MID(" + label + ";FIND(\"、\";" +
                             label + ")+1;100));\"\")",
                         Style::ChartData, true);
        name.array = true;
        auto& amount = sheet.at(k, data_col + 1) =
            formula_cell("IFERROR(INDEX(" + values + ";" + nth + ");\"\")", Style::ChartData);
        amount.array = true;
    }
    chart.labels = chart_range(sheet.name, 1, data_col, count);
    chart.values = chart_range(sheet.name, 1, data_col + 1, count);
    if (sheet.widths_cm.size() < data_col + 2) {
        sheet.widths_cm.resize(data_col, 0.8);
        sheet.widths_cm.push_back(4.6);
        sheet.widths_cm.push_back(2.2);
    }
}

void Planner::list(Sheet& sheet, const TextSheet& text, const TextItem& item, std::size_t& row) const {
    for (std::size_t c = 0; c < item.headers.size(); ++c) {
        sheet.at(row, c) = text_cell(item.headers[c], Style::Header);
    }
    ++row;
    const std::vector<std::vector<std::string>>* rows = nullptr;
    if (fill_ != nullptr) {
        const auto it = fill_->lists.find(text.id + "/" + item.text);
        rows = it == fill_->lists.end() ? nullptr : &it->second;
    }
    const std::size_t count = rows != nullptr ? rows->size() : 6;
    for (std::size_t r = 0; r < count; ++r, ++row) {
        for (std::size_t c = 0; c < item.headers.size(); ++c) {
            const std::string* value = rows != nullptr && c < (*rows)[r].size() ? &(*rows)[r][c] : nullptr;
            sheet.at(row, c) = input_cell(value, Style::InputText, false);
        }
    }
}

}  // namespace bd::build::planning
