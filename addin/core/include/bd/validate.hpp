// The validation entry point: the menu command and the CLI both end up here, inside Calc.
#pragma once

#include "bd/catalog.hpp"
#include "bd/grid.hpp"
#include "bd/recognize.hpp"
#include "bd/report.hpp"

#include <vector>

namespace bd {

/// Recognizes the sheets as one of the sets that have a rule pack (or, failing that, finds their
/// coded tables with the generic layout): the first half of validate_workbook().
Recognized recognize_workbook(const std::vector<Grid>& sheets, const Edition& edition);

/// Recognizes the workbook's sheets (the report sheet excluded by the caller) as a table set and
/// runs every check of that set's rule pack, with the classification of the budget year. With
/// last year's document of the same set (`prior`), what this year's tables and narrative say of
/// last year is checked against it too.
Validation validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog,
                             const std::vector<Grid>* prior = nullptr);

}  // namespace bd
