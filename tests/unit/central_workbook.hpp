// A small but complete central workbook typed by hand, for the central department rule pack
// (templates/rules/central-department.rules): the 9 tables with the layout's titles, headers and
// line labels, two functional 项 (2060702 科普活动, 2080501 行政单位离退休) with their 类 and 款
// rows, amounts that agree across the tables, and the 情况说明 quoting them.
#pragma once

#include "bd/grid.hpp"

#include <vector>

namespace bd::test::central {

using Rows = std::vector<std::vector<CellValue>>;

/// The consistent workbook: no rule fails on it.
std::vector<Grid> workbook();

/// 表7“三公”经费支出表 alone: last year's and this year's budget as rows.
Grid table7();

/// The head that tables 5, 8 and 9 share (the table's number, its title, 部门/单位, two header
/// rows: 科目编码, 科目名称, last year's 执行数, this year's 预算数 as 小计, 基本支出, 项目支出).
Rows appropriation_head(const char* number, const char* title);

}  // namespace bd::test::central
