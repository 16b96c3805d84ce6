#include "bd/validate.hpp"

#include "bd/engine.hpp"
#include "bd/grouping.hpp"
#include "bd/recognize.hpp"

#include <algorithm>
#include <optional>

namespace bd {

Recognized recognize_workbook(const std::vector<Grid>& sheets, const Edition& edition) {
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
    return recognize(sheets, edition, sets, generic);
}

Validation validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog, const std::vector<Grid>* prior) {
    const auto& edition = catalog.edition(budget_year(sheets));
    auto recognized = recognize_workbook(sheets, edition);
    Validation validation;
    validation.recognition = std::move(recognized.summary);
    if (const auto* layout = recognized.workbook.layout; layout != nullptr && !recognized.workbook.tables.empty()) {
        // Last year's document is read as the same set (the rules tell one that is not).
        const auto last_year = prior != nullptr ? std::optional(locate_as(*prior, *layout)) : std::nullopt;
        const PriorYear prior_year{last_year ? *last_year : recognized.workbook, prior != nullptr ? *prior : sheets};
        const EngineInput input{*layout, recognized.workbook, sheets, edition, last_year ? &prior_year : nullptr};
        const auto& pack = *rules::rule_pack_for_layout(layout->id);
        validation.outcomes = evaluate(pack, input);
        validation.groups = group_findings(validation.outcomes, pack, input);
    }
    return validation;
}

}  // namespace bd
