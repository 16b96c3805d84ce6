// The input cells of one filled disclosure (examples/*.fill): what an accountant types into the
// template, keyed by the layout's names. The template builder writes them into a copy of the
// template to make the example workbook. Tab-separated records, one per line:
//   cover   KEY VALUE                          a cover field
//   line    TABLE LINE COLUMN VALUE            an input amount of a fixed line
//   row     TABLE BLOCK COL=VALUE …            one leaf row of an open block
//   input   TEXT KEY VALUE                     a narrative input ("\n" is a line break)
//   listrow TEXT LIST V1 V2 …                  a row of a narrative list
//   form    PROJECT field KEY VALUE            a field of a project's performance form
//   form    PROJECT indicator L1 L2 L3 V L2 L3 V   an indicator row (实施期 | 年度)
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bd::build {

struct FilledRow {
    std::map<std::string, std::string> values;  // column key → value as written
};

struct FilledForm {
    std::string project;
    std::map<std::string, std::string> fields;
    std::vector<std::vector<std::string>> indicators;  // 7 values each
};

struct Fill {
    std::map<std::string, std::string> cover;
    std::map<std::string, std::string> lines;                            // "T10/operation/gpb" → "7.10"
    std::map<std::string, std::vector<FilledRow>> rows;                  // "T2/codes" → rows in order
    std::map<std::string, std::string> inputs;                           // "N/prior_total" → "868.86"
    std::map<std::string, std::vector<std::vector<std::string>>> lists;  // "N/services" → rows
    std::vector<FilledForm> forms;                                       // in order

    [[nodiscard]] const std::string* line(std::string_view table, std::string_view line, std::string_view column) const;
    [[nodiscard]] const std::vector<FilledRow>* block(std::string_view table, std::string_view block) const;
    [[nodiscard]] const FilledForm* form(std::string_view project) const;
};

struct FillError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads a .fill file; the error names the line.
Fill parse_fill(std::string_view text);

}  // namespace bd::build
