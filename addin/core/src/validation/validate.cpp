#include "bd/validate.hpp"

#include "bd/engine.hpp"
#include "bd/recognize.hpp"

#include <algorithm>

#include <regex>

namespace bd {

std::optional<int> budget_year(const std::vector<Grid>& sheets) {
    static const std::regex year(R"((20[0-9]{2})年)");
    for (const auto& grid : sheets) {
        for (const auto& cell : grid.cells) {
            std::smatch match;
            if (cell.kind == CellValue::Kind::Text && cell.text.size() < 200 &&
                std::regex_search(cell.text, match, year)) {
                return std::stoi(match[1].str());
            }
        }
    }
    return std::nullopt;
}

Validation validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog) {
    const auto& edition = catalog.edition(budget_year(sheets));
    // The sets a workbook can be recognized as: every layout with a rule pack; the generic one
    // (tables found anywhere by their columns) for a workbook of none of them.
    std::vector<const layout::Layout*> sets;
    const layout::Layout* generic = nullptr;
    for (const auto& layout : layout::bundled_layouts()) {
        if (rules::rule_pack_for_layout(layout.id) == nullptr) {
            continue;
        }
        if (std::ranges::all_of(layout.tables, &layout::Table::anywhere)) {
            generic = &layout;
        } else {
            sets.push_back(&layout);
        }
    }
    auto recognized = recognize(sheets, edition, sets, generic);
    Validation validation;
    validation.recognition = std::move(recognized.summary);
    if (const auto* layout = recognized.workbook.layout; layout != nullptr && !recognized.workbook.tables.empty()) {
        const EngineInput input{*layout, recognized.workbook, sheets, edition};
        validation.outcomes = evaluate(*rules::rule_pack_for_layout(layout->id), input);
    }
    return validation;
}

}  // namespace bd
