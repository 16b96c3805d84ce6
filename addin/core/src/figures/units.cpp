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

bool names_a_unit(std::string_view text) {
    // The names that hold no other unit's name (元 of 元, 千元, 万元, 亿元) are enough to look for.
    static const std::vector<std::string> cores = [] {
        std::vector<std::string> out;
        for (const auto& unit : units()) {
            if (std::ranges::none_of(units(), [&](const Unit& other) {
                    return other.name != unit.name && unit.name.find(other.name) != std::string::npos;
                })) {
                out.push_back(unit.name);
            }
        }
        return out;
    }();
    return std::ranges::any_of(cores,
                               [&](const std::string& core) { return text.find(core) != std::string_view::npos; });
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
