// Hierarchy sums over classification codes: every 类 row (3 digits) equals the sum of its 款
// rows (5 digits), every 款 row the sum of its 项 rows (7 digits), and the 合计 row the sum of
// the 类 rows, in every amount column of a table headed by 科目编码.
#pragma once

#include "bd/grid.hpp"
#include "bd/report.hpp"

#include <vector>

namespace bd {

/// Decimals the tables show (万元 with two decimals); fixes the rounding tolerance.
inline constexpr int displayed_decimals = 2;

std::vector<Outcome> check_hierarchy(const Grid& sheet);
std::vector<Outcome> check_hierarchy(const std::vector<Grid>& sheets);

}  // namespace bd
