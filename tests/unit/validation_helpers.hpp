// Shared by the rule-pack tests: validate sheets with the bundled catalog, list the findings,
// change a cell of a sheet by its A1 address or a text in it.
#pragma once

#include "bd/recognize.hpp"
#include "bd/validate.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace bd::test {

inline const Catalog& bundled_catalog() {
    static const auto catalog = Catalog::with_bundled_entries();
    return catalog;
}

inline std::vector<Outcome> validate(const std::vector<Grid>& sheets) {
    return validate_workbook(sheets, bundled_catalog()).outcomes;
}

/// What validation recognizes in the sheets.
inline Recognition recognition(const std::vector<Grid>& sheets) {
    return validate_workbook(sheets, bundled_catalog()).recognition;
}

/// The sheets located as a disclosure of one set (by its layout's id).
inline LocatedWorkbook locate(const std::vector<Grid>& sheets, const std::string& layout_id) {
    return locate_as(sheets, *layout::find_layout(layout_id));
}

/// Findings other than "not applicable", as rule ids.
inline std::set<std::string> finding_rules(const std::vector<Outcome>& outcomes) {
    std::set<std::string> out;
    for (const auto& o : outcomes) {
        if (o.is_finding() && o.status != Status::NotApplicable) {
            out.insert(o.rule_id);
        }
    }
    return out;
}

inline Grid& sheet(std::vector<Grid>& sheets, const std::string& name) {
    const auto it = std::ranges::find(sheets, name, &Grid::name);
    if (it == sheets.end()) {
        throw std::runtime_error("no sheet " + name);
    }
    return *it;
}

/// Sets a cell by its A1 address ("C10": row 9, column 2).
inline void set(std::vector<Grid>& sheets, const std::string& name, const std::string& address, CellValue value) {
    auto& grid = sheet(sheets, name);
    std::size_t col = 0;
    std::size_t i = 0;
    for (; i < address.size() && std::isalpha(static_cast<unsigned char>(address[i])); ++i) {
        col = col * 26 + static_cast<std::size_t>(address[i] - 'A' + 1);
    }
    const auto row = std::stoul(address.substr(i)) - 1;
    grid.cells.at(row * grid.cols + col - 1) = std::move(value);
}

/// Replaces text inside the first text cell that contains `from`.
inline void replace_text(std::vector<Grid>& sheets, const std::string& from, const std::string& to) {
    for (auto& grid : sheets) {
        for (auto& cell : grid.cells) {
            if (cell.kind == CellValue::Kind::Text) {
                if (const auto at = cell.text.find(from); at != std::string::npos) {
                    cell.text.replace(at, from.size(), to);
                    return;
                }
            }
        }
    }
    throw std::runtime_error("no text " + from);
}

/// How many of the rule's outcomes failed.
inline std::size_t failures(const std::vector<Outcome>& outcomes, const std::string& rule) {
    return static_cast<std::size_t>(std::ranges::count_if(
        outcomes, [&](const Outcome& o) { return o.rule_id == rule && o.status == Status::Fail; }));
}

/// The status of the rule's first outcome (the rule must have run).
inline Status status_of(const std::vector<Outcome>& outcomes, const std::string& rule) {
    const auto it = std::ranges::find(outcomes, rule, &Outcome::rule_id);
    if (it == outcomes.end()) {
        throw std::runtime_error("rule " + rule + " did not run");
    }
    return it->status;
}

}  // namespace bd::test
