// Recognizing a workbook: which table set it is (by its tables' titles, compared by meaning —
// bd/titles.hpp — with each table's alternative titles from its layout), where each table is, and
// what could not be found. Titles are looked for in every cell and in the sheets' names; a title
// with nothing under it that looks like the table (a table of contents' entry) loses to one that
// has the table's headers below it.
#pragma once

#include "bd/catalog.hpp"
#include "bd/locate.hpp"
#include "bd/recognition.hpp"

#include <optional>
#include <vector>

namespace bd {

struct Recognized {
    LocatedWorkbook workbook;  // the recognized set's tables (layout nullptr when no set matched)
    Recognition summary;       // for people: every report starts with it
};

/// Recognizes the sheets as one of the table sets (`sets`: their layouts). With no table of any
/// set found, the coded tables of the workbook are located with the `generic` layout (tables
/// found anywhere by their columns), and the summary says the workbook is not recognized.
Recognized recognize(const std::vector<Grid>& sheets, const Edition& edition,
                     const std::vector<const layout::Layout*>& sets, const layout::Layout* generic);

/// The budget year a workbook's titles state ("2023年预算收支总表" → 2023).
std::optional<int> budget_year(const std::vector<Grid>& sheets);

/// The sheets located as a disclosure of one given set (by its layout), with the bundled
/// classification of the year their titles state.
LocatedWorkbook locate_as(const std::vector<Grid>& sheets, const layout::Layout& layout);

}  // namespace bd
