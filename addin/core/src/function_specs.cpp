#include "bd/function_specs.hpp"

#include <algorithm>
#include <cctype>

namespace bd {

Language language_of_locale(std::string_view language_code) {
    return language_code == "zh" ? Language::Chinese : Language::English;
}

const std::vector<FunctionSpec>& function_specs() {
    static const std::vector<FunctionSpec> specs = {
        {"share",
         {"BUDGET.SHARE", "预算占比"},
         {"Share of a part in a total, rounded as disclosures quote it: a percentage with two decimals "
          "(40.50 of 595.20 gives 6.80 %). A zero or empty total gives #DIV/0!.",
          "部分占总额的比例，按预算公开惯例四舍五入为保留两位小数的百分比（595.20 中的 40.50 为 6.80%）。"
          "总额为零或为空时返回 #DIV/0!。"},
         {{{"Part", "部分"}, {"The amount whose share is wanted.", "要计算占比的金额。"}},
          {{"Total", "总额"}, {"The total the part belongs to.", "该部分所属的总额。"}}}},
    };
    return specs;
}

const FunctionSpec* find_function(std::string_view programmatic) {
    const auto& specs = function_specs();
    const auto it = std::ranges::find(specs, programmatic, &FunctionSpec::programmatic);
    return it == specs.end() ? nullptr : &*it;
}

const FunctionSpec* find_function_by_display(std::string_view display) {
    const auto same = [](std::string_view a, std::string_view b) {
        return std::ranges::equal(a, b, [](char x, char y) {
            return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
        });
    };
    for (const auto& spec : function_specs()) {
        if (same(spec.display.en, display) || same(spec.display.zh, display)) {
            return &spec;
        }
    }
    return nullptr;
}

const LocalizedText& function_category() {
    static const LocalizedText category{"Budget Disclosure", "预算公开"};
    return category;
}

}  // namespace bd
