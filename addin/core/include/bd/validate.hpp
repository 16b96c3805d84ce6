// The validation entry point: the menu command and the CLI both end up here, inside Calc.
#pragma once

#include "bd/grid.hpp"
#include "bd/report.hpp"

#include <vector>

namespace bd {

/// Every check over the workbook's sheets (the report sheet excluded by the caller).
std::vector<Outcome> validate_workbook(const std::vector<Grid>& sheets);

}  // namespace bd
