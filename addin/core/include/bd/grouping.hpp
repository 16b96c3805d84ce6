// Findings that point at the cause. One typed difference shows up in many checks: a 项 amount of
// table 3 that differs is also its 款's, its 类's and the 合计's difference, and every other table
// compared with them by code or by total reports it again. The findings that follow from one
// difference form one group, headed by the finding nearest the input cell that explains them.
//
// Which input cells a finding depends on: its cells (the rule engine names the cells each
// comparison read), each followed down through the formulas the layout declares for it when Calc
// says it holds one (a 类 row sums its 项 rows, 合计 = 基本支出 + 项目支出, table 1's class lines sum
// table 2 by code); a cell holding no formula is an input. In a comparison of sums a cell counted on
// both sides cancels out, so a comparison is moved by the cells counted an odd number of times.
// The cause of a group is the input cell that moves the most failed comparisons and no comparison
// that holds (a passing equality moved by a cell says that cell is right); among equals, a cell
// holding an amount before an empty one, the deeper row (项 before 款) first. Several cells that
// explain exactly the same findings are named together (table 6 is compared by its total only:
// any of its amounts could be the one); more than a screenful is no cause, and the root's own
// cells are marked instead.
#pragma once

#include "bd/engine.hpp"

#include <vector>

namespace bd {

/// The findings of `outcomes` (`pack` evaluated over `input`) grouped by cause, in reading order:
/// every finding (anything but a pass) in exactly one group; findings that are not failures, and
/// failures no input cell explains, each in a group of their own.
std::vector<FindingGroup> group_findings(const std::vector<Outcome>& outcomes, const rules::RulePack& pack,
                                         const EngineInput& input);

}  // namespace bd
