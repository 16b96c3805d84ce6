// The findings' table as every form of the report shows it (private to the report model): a row
// per group of findings that follow from one cause, headed by its root and pointing at the cause's
// cells, the findings it explains listed under it; findings of one rule with the same cause (a
// code after code "not in the loaded classification") made one row with their count and what
// differs between them.
#pragma once

#include "bd/report.hpp"

#include <string>
#include <vector>

namespace bd::report_wording {

struct FindingRow {
    const Outcome* finding = nullptr;  // the finding shown; for several made one, the first
    int level = 0;                     // 0: a group's root or a finding on its own; 1: follows from the root above
    std::vector<CellRef> cells;        // shown and linked: a root's cause, else the finding's own cells
    std::size_t count = 1;             // how many findings the row stands for
    std::vector<std::string> tables;   // their tables, each once
    LocalizedText message;             // as shown: with what follows from it, or the count and what differs
};

/// The rows of the findings' table, groups in reading order (errors first).
std::vector<FindingRow> finding_rows(const Validation& validation);

/// A row's cells as the report shows them: display_cells(), or, for many, the first and how many
/// more.
std::string shown_cells(const FindingRow& row, Language language);

/// A row's tables, joined.
std::string shown_tables(const FindingRow& row, Language language);

}  // namespace bd::report_wording
