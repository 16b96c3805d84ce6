// The rule engine: evaluates a rule pack over a workbook's located tables and returns one
// outcome per rule instance — pass, fail, not applicable, or could not evaluate (with the
// reason). Amounts are exact decimals; a difference that the rounding of the shown parts can
// explain ((n+1) × half a unit of the last shown digit) is a warning that says so.
#pragma once

#include "bd/catalog.hpp"
#include "bd/grid.hpp"
#include "bd/locate.hpp"
#include "bd/report.hpp"
#include "bd/rules.hpp"

#include <vector>

namespace bd {

/// Last year's document of the same set, located with the same layout: what this year's tables
/// and narrative say of last year is checked against it.
struct PriorYear {
    const LocatedWorkbook& located;
    const std::vector<Grid>& sheets;
};

struct EngineInput {
    const layout::Layout& layout;
    const LocatedWorkbook& located;
    const std::vector<Grid>& sheets;
    const Edition& edition;            // the classification of the budget year (codes and names)
    const PriorYear* prior = nullptr;  // last year's document, if the user named one
};

std::vector<Outcome> evaluate(const rules::RulePack& pack, const EngineInput& input);

/// The labels of a performance form (项目支出绩效目标申报表), shared by the template builder
/// that writes forms and the engine that reads them.
namespace form_labels {
inline constexpr const char* project = "项目名称";
inline constexpr const char* annual_total = "年度资金总额";
inline constexpr const char* period_total = "实施期资金总额";
inline constexpr const char* indicator_value = "指标值";
inline constexpr const char* output = "产出指标";
inline constexpr const char* benefit = "效益指标";
inline constexpr const char* satisfaction = "满意度指标";
}  // namespace form_labels

}  // namespace bd
