#include "bd/units.hpp"

#include "bd/cell.hpp"
#include "bd/data_table.hpp"

#include <algorithm>

namespace bd {

namespace data {
extern const char* const units_tsv;
}  // namespace data

const std::vector<Unit>& units() {
    static const std::vector<Unit> all = [] {
        std::vector<Unit> read;
        for (const auto& row : tsv_rows(data::units_tsv)) {
            read.push_back({normalize_text(row.at(0)), *Decimal::parse(row.at(1)), std::stoi(row.at(2))});
        }
        // Longest names first, so that 万元 is read before 元.
        std::ranges::stable_sort(read, [](const Unit& a, const Unit& b) { return a.name.size() > b.name.size(); });
        return read;
    }();
    return all;
}

const Unit* unit_named(std::string_view name) {
    const auto& all = units();
    const auto it = std::ranges::find(all, name, &Unit::name);
    return it == all.end() ? nullptr : &*it;
}

const Unit* unit_at(std::string_view normalized, std::size_t pos) {
    if (pos > normalized.size()) {
        return nullptr;
    }
    const auto rest = normalized.substr(pos);
    for (const auto& unit : units()) {
        if (rest.starts_with(unit.name)) {
            return &unit;
        }
    }
    return nullptr;
}

const Unit* stated_unit(std::string_view normalized) {
    // "单位" then a colon (NFKC has made "：" a ":"), then the unit's name.
    for (auto at = normalized.find("单位"); at != std::string_view::npos; at = normalized.find("单位", at + 1)) {
        const auto after = at + std::string_view("单位").size();
        if (after < normalized.size() && normalized[after] == ':') {
            if (const auto* unit = unit_at(normalized, after + 1)) {
                return unit;
            }
        }
    }
    return nullptr;
}

}  // namespace bd
