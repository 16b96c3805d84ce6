// What the validator recognized in a workbook, before any check: the table set, and for each of
// its tables where it was found (or the closest titles when it was not). Every report starts with
// it, so a workbook the validator does not understand is never passed in silence.
#pragma once

#include "bd/function_specs.hpp"

#include <string>
#include <vector>

namespace bd {

struct RecognizedTable {
    std::string id;     // the layout's key: "T3"
    std::string title;  // the table's title as the set names it, without the year: "预算支出总表"
    bool found = false;
    std::string sheet;                    // found: the sheet
    std::string range;                    // found: the cells it spans, "A3:G40"
    std::string found_as;                 // found: the title as written (the sheet's name when the title is only there)
    std::string unit;                     // found: the unit the table states (单位：元); empty when it states none
    std::vector<std::string> missing;     // found: the columns and lines the set declares but the table lacks
    std::vector<std::string> candidates;  // not found: the closest titles in the workbook, "“…”（Sheet3!A1）"
};

struct Recognition {
    std::string set_id;                   // the layout's id ("shanxi-unit"); empty when no set matched at all
    LocalizedText set_title;              // "山西省单位预算公开（13张表）"
    bool recognized = false;              // enough of the set's tables were found to call it a disclosure of the set
    std::vector<RecognizedTable> tables;  // every table of the set, in the set's order
    /// One paragraph for people: what was recognized, what is missing and, when the workbook is not
    /// recognized, what to do.
    LocalizedText verdict;

    [[nodiscard]] std::size_t found_count() const;
};

}  // namespace bd
