// The validation entry point: the menu command and the CLI both end up here, inside Calc.
#pragma once

#include "bd/catalog.hpp"
#include "bd/grid.hpp"
#include "bd/report.hpp"

#include <optional>
#include <vector>

namespace bd {

/// Every check over the workbook's sheets (the report sheet excluded by the caller): the rule
/// pack of the table set the workbook matches best (by its tables' titles; at least half of the
/// set's tables must be there), with the classification of the budget year; any other workbook
/// gets the generic checks of coded tables (hierarchy sums under a 科目编码 header).
std::vector<Outcome> validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog);

/// The budget year a workbook's titles state ("2023年预算收支总表" → 2023).
std::optional<int> budget_year(const std::vector<Grid>& sheets);

}  // namespace bd
