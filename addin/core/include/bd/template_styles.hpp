// The named cell styles of our templates that mark input cells: the template builder tints them,
// Export for Publication clears the tint so that the published PDF looks like the tables.
#pragma once

#include <array>
#include <string_view>

namespace bd::styles {

inline constexpr std::string_view input_amount = "预算公开-填写金额";
inline constexpr std::string_view input_text = "预算公开-填写文字";
inline constexpr std::string_view form_input = "预算公开-申报表填写";
inline constexpr std::string_view form_input_amount = "预算公开-申报表填写金额";
inline constexpr std::array<std::string_view, 4> input_styles = {input_amount, input_text, form_input,
                                                                 form_input_amount};
/// The computed amounts (sums, formulas): arranging coded rows gives a 类/款 row's sums this style.
inline constexpr std::string_view amount = "预算公开-金额";

}  // namespace bd::styles
