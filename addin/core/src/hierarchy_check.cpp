#include "bd/hierarchy_check.hpp"

#include <cmath>
#include <optional>
#include <string>

namespace bd {

namespace {

struct CodedTable {
    std::size_t header_row = 0;
    std::size_t code_col = 0;
    std::vector<std::size_t> amount_cols;
    struct Row {
        std::size_t row;
        std::string code;  // "" for the 合计 row
    };
    std::vector<Row> rows;
};

/// The classification code a cell holds (3, 5 or 7 digits), or "".
std::string code_of(const CellValue& cell) {
    std::string code;
    if (cell.kind == CellValue::Kind::Number && cell.number > 0 && cell.number < 1e8 &&
        cell.number == std::floor(cell.number)) {
        code = std::to_string(static_cast<long long>(cell.number));
    } else if (cell.kind == CellValue::Kind::Text) {
        code = normalize_text(cell.text);
    }
    const bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
    return digits && (code.size() == 3 || code.size() == 5 || code.size() == 7) ? code : std::string();
}

std::string text_of(const CellValue& cell) {
    return cell.kind == CellValue::Kind::Text ? normalize_text(cell.text) : std::string();
}

std::optional<CodedTable> find_coded_table(const Grid& grid) {
    for (std::size_t r = 0; r < grid.rows; ++r) {
        for (std::size_t c = 0; c < grid.cols; ++c) {
            if (!text_of(grid.at(r, c)).ends_with("科目编码")) {
                continue;
            }
            CodedTable table{r, c, {}, {}};
            for (std::size_t row = r + 1; row < grid.rows; ++row) {
                const std::string code = code_of(grid.at(row, c));
                const bool total =
                    text_of(grid.at(row, c)) == "合计" ||
                    (c + 1 < grid.cols && grid.at(row, c).is_empty() && text_of(grid.at(row, c + 1)) == "合计");
                if (!code.empty() || total) {
                    table.rows.push_back({row, code});
                }
            }
            for (std::size_t col = c + 2; col < grid.cols; ++col) {
                for (const auto& row : table.rows) {
                    if (grid.at(row.row, col).kind == CellValue::Kind::Number) {
                        table.amount_cols.push_back(col);
                        break;
                    }
                }
            }
            return table;
        }
    }
    return std::nullopt;
}

/// The table's title: the first text above its header (2023年预算支出总表), else the sheet's name.
std::string table_title(const Grid& grid, const CodedTable& table) {
    for (std::size_t r = 0; r < table.header_row; ++r) {
        for (std::size_t c = 0; c < grid.cols; ++c) {
            if (std::string text = text_of(grid.at(r, c)); !text.empty()) {
                return text;
            }
        }
    }
    return grid.name;
}

struct Comparison {
    const Grid& grid;
    const CodedTable& table;
    std::size_t col;
};

std::string row_label(const Grid& grid, const CodedTable& table, const CodedTable::Row& row) {
    if (row.code.empty()) {
        return "合计";
    }
    const std::size_t name_col = table.code_col + 1;
    const std::string name = name_col < grid.cols ? text_of(grid.at(row.row, name_col)) : std::string();
    return name.empty() ? row.code : row.code + " " + name;
}

std::string column_label(const Grid& grid, const CodedTable& table, std::size_t col) {
    const std::string header = text_of(grid.at(table.header_row, col));
    return header.empty() ? cell_address(table.header_row, col) : header;
}

Outcome compare(const Comparison& cmp, const CodedTable::Row& parent,
                const std::vector<const CodedTable::Row*>& children) {
    const Grid& grid = cmp.grid;
    Outcome outcome;
    outcome.rule_id = parent.code.empty() ? "GEN.TOTAL" : "GEN.HIERARCHY";
    outcome.table = table_title(grid, cmp.table);
    std::vector<std::size_t> rows{parent.row};
    for (const auto* child : children) {
        rows.push_back(child->row);
    }
    for (const std::size_t row : rows) {
        outcome.cells.push_back({grid.name, row, cmp.col});
    }
    const std::string label = row_label(grid, cmp.table, parent);
    const std::string column = column_label(grid, cmp.table, cmp.col);

    Decimal expected;
    std::optional<Decimal> actual;
    for (const std::size_t row : rows) {
        const auto amount = to_amount(grid.at(row, cmp.col));
        if (const auto* error = std::get_if<AmountError>(&amount)) {
            outcome.status = Status::NotEvaluated;
            const bool is_error = *error == AmountError::ErrorCell;
            const std::string address = cell_address(row, cmp.col);
            outcome.message = {
                label + ", " + column + ": cell " + address +
                    (is_error ? " holds an error value" : " holds text that is not a number"),
                label + "，" + column + "：单元格 " + address + (is_error ? " 是错误值" : " 的文字不是数字")};
            outcome.fix = {"Enter a number in cell " + address + " (or correct its formula), then validate again",
                           "在单元格 " + address + " 填入数字（或改正其公式），再重新校验"};
            return outcome;
        }
        const Decimal& value = std::get<Decimal>(amount);
        if (!actual) {
            actual = value;
        } else {
            expected += value;
        }
    }
    const Decimal difference = *actual - expected;
    const Decimal tolerance =
        Decimal(static_cast<int>(children.size()) + 1) * Decimal::unit(displayed_decimals) / Decimal(2);
    outcome.expected = expected.to_string(displayed_decimals);
    outcome.actual = actual->to_string(displayed_decimals);
    outcome.difference = difference.to_string(displayed_decimals);
    if (difference.is_zero()) {
        outcome.status = Status::Pass;
        outcome.message = {label + ", " + column + " equals the sum of its children",
                           label + "，" + column + "等于下级科目之和"};
        return outcome;
    }
    outcome.status = Status::Fail;
    outcome.severity = difference.abs() <= tolerance ? Severity::Warning : Severity::Error;
    outcome.message = {label + ", " + column + ": " + outcome.actual + ", but its children add up to " +
                           outcome.expected + " (difference " + outcome.difference + ")",
                       label + "，" + column + "为 " + outcome.actual + "，下级科目之和为 " + outcome.expected +
                           "，相差 " + outcome.difference};
    const std::string children_en = parent.code.empty() ? "the 类 rows" : "its sub-items";
    const std::string children_zh = parent.code.empty() ? "各类科目" : "下级科目";
    outcome.fix = {"Correct the wrong figure in column " + column + " (" + label + " or " + children_en +
                       "), or add a missing row, so that " + label + " equals " + outcome.expected,
                   "改正“" + column + "”列中有误的数（" + label + "或" + children_zh + "），或补上遗漏的科目行，使" +
                       label + "等于 " + outcome.expected};
    if (outcome.severity == Severity::Warning) {
        outcome.fix = {"Balance the rounding (舍位平衡): adjust the last digit of one figure so that " + label +
                           " equals " + outcome.expected,
                       "按舍位平衡调整其中一个数的尾数，使" + label + "等于 " + outcome.expected};
        const std::string n = std::to_string(children.size() + 1);
        const std::string tol = tolerance.to_string();
        outcome.message.en += "; within ±" + tol + ", what rounding " + n + " figures to " +
                              std::to_string(displayed_decimals) + " decimals can explain";
        outcome.message.zh += "；在 " + n + " 个数各保留 " + std::to_string(displayed_decimals) +
                              " 位小数的舍入误差 ±" + tol + " 之内，可能是四舍五入造成";
    }
    return outcome;
}

}  // namespace

std::vector<Outcome> check_hierarchy(const Grid& grid) {
    std::vector<Outcome> outcomes;
    const auto table = find_coded_table(grid);
    if (!table) {
        return outcomes;
    }
    for (const auto& parent : table->rows) {
        if (parent.code.size() == 7) {
            continue;
        }
        const std::size_t child_length = parent.code.empty() ? 3 : parent.code.size() + 2;
        std::vector<const CodedTable::Row*> children;
        for (const auto& row : table->rows) {
            if (row.code.size() == child_length && row.code.starts_with(parent.code)) {
                children.push_back(&row);
            }
        }
        if (children.empty()) {
            continue;
        }
        for (const std::size_t col : table->amount_cols) {
            outcomes.push_back(compare({grid, *table, col}, parent, children));
        }
    }
    return outcomes;
}

std::vector<Outcome> check_hierarchy(const std::vector<Grid>& sheets) {
    std::vector<Outcome> outcomes;
    for (const auto& sheet : sheets) {
        auto more = check_hierarchy(sheet);
        outcomes.insert(outcomes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return outcomes;
}

}  // namespace bd
