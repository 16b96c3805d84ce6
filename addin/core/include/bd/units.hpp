// Units of amounts (元, 万元 …) as documents state them: each table's unit line (单位：万元) and
// the unit after a figure quoted in a text (15621.11万元). Every amount is compared in 元, exactly;
// the names, their size and the decimals figures usually show are data (data/units.tsv).
#pragma once

#include "bd/decimal.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bd {

struct Unit {
    std::string name;  // 万元
    Decimal yuan;      // 10000: how many 元 one of it is
    int decimals = 2;  // the decimals its figures usually show
};

const std::vector<Unit>& units();
/// The unit of that name (normalized text: "万元"), or nullptr.
const Unit* unit_named(std::string_view name);
/// Whether a text holds the name of a unit anywhere (a text naming none states no amount).
bool names_a_unit(std::string_view text);
/// The unit a unit line states: "单位：万元", "单位:元", "（单位：万元）", "金额单位：元" (normalized
/// text); nullptr when the text states none.
const Unit* stated_unit(std::string_view normalized);
/// The unit written at `pos` of a normalized text, right after a figure ("万元" in "15621.11万元");
/// the longest name that matches, or nullptr.
const Unit* unit_at(std::string_view normalized, std::size_t pos);

}  // namespace bd
