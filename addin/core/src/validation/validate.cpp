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

// Interim: the recognition summary from the existing title search (replaced by bd/recognize).
Validation validate_workbook(const std::vector<Grid>& sheets, const Catalog& catalog) {
    Validation validation;
    const layout::Layout* best = nullptr;
    std::size_t matches = 0;
    for (const auto& layout : layout::bundled_layouts()) {
        const auto found = title_matches(layout, sheets);
        if (found > matches && rules::rule_pack_for_layout(layout.id) != nullptr) {
            best = &layout;
            matches = found;
        }
    }
    if (best == nullptr || matches * 2 < best->tables.size()) {
        validation.outcomes = check_hierarchy(sheets);
        validation.recognition.verdict = {"Not recognized as a budget disclosure", "未识别为预算公开文件"};
        return validation;
    }
    const auto located = locate(*best, sheets);
    auto& recognition = validation.recognition;
    recognition.set_id = best->id;
    recognition.set_title = {best->title_en, best->title_zh};
    recognition.recognized = true;
    for (const auto& table : best->tables) {
        RecognizedTable entry;
        entry.id = table.id;
        entry.title = table.title;
        if (const auto* found = located.table(table.id)) {
            entry.found = true;
            entry.sheet = sheets[found->sheet].name;
            entry.range = cell_address(found->title_row, 0) + ":" + cell_address(found->last_row, 0);
            entry.missing = found->missing;
        }
        recognition.tables.push_back(std::move(entry));
    }
    recognition.verdict = {"Recognized as " + best->title_en, "识别为" + best->title_zh};
    const EngineInput input{*best, located, sheets, catalog.edition(budget_year(sheets))};
    validation.outcomes = evaluate(*rules::rule_pack_for_layout(best->id), input);
    return validation;
}

}  // namespace bd
