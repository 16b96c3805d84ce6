#include "bd/validate.hpp"

#include "bd/engine.hpp"
#include "bd/hierarchy_check.hpp"
#include "bd/locate.hpp"

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

std::vector<Outcome> validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog) {
    const layout::Layout* best = nullptr;
    std::size_t matches = 0;
    for (const auto& layout : layout::bundled_layouts()) {
        const auto found = title_matches(layout, sheets);
        if (found > matches && rules::rule_pack_for_layout(layout.id) != nullptr) {
            best = &layout;
            matches = found;
        }
    }
    // A workbook holding at least half of a set's tables is a disclosure of that set (the missing
    // ones are reported by the rules that need them); with fewer, only the generic checks apply.
    if (best == nullptr || matches * 2 < best->tables.size()) {
        return check_hierarchy(sheets);
    }
    const auto located = locate(*best, sheets);
    const EngineInput input{*best, located, sheets, catalog.edition(budget_year(sheets))};
    return evaluate(*rules::rule_pack_for_layout(best->id), input);
}

}  // namespace bd
