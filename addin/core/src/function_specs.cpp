#include "bd/function_specs.hpp"

#include <algorithm>
#include <cctype>

namespace bd {

namespace {

const ParameterSpec unit_parameter{{"Unit", "单位"}, {"Unit written after amounts (default 万元).", "金额后的单位（默认“万元”）。"}};
const ParameterSpec decimals_parameter{{"Decimals", "小数位数"},
                                       {"Decimals of the amounts (default 2).", "金额保留的小数位数（默认 2）。"}};
const ParameterSpec current_parameter{{"Current", "本年数"}, {"This year's amount.", "本年金额。"}};
const ParameterSpec prior_parameter{{"Prior", "上年数"}, {"Last year's amount.", "上年金额。"}};

}  // namespace

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
        {"shares",
         {"BUDGET.SHARES", "预算占比分配"},
         {"Shares of each amount in their sum, as percentages with two decimals that add up to exactly "
          "100.00 % (largest-remainder rounding). An array: enter it over as many cells as the amounts.",
          "各金额占其合计的比例，保留两位小数的百分比，按最大余数法调整使其合计恰为 100.00%。"
          "数组函数：选中与金额同样多的单元格输入。"},
         {{{"Amounts", "金额"}, {"The parts (a range).", "各组成部分（单元格区域）。"}}}},
        {"change",
         {"BUDGET.CHANGE", "预算增减额"},
         {"This year's amount minus last year's, exact (no binary rounding artefacts).",
          "本年数减上年数（精确计算，无二进制舍入误差）。"},
         {current_parameter, prior_parameter}},
        {"changeRate",
         {"BUDGET.CHANGERATE", "预算增减率"},
         {"Year-on-year change as a fraction of last year's amount, rounded to a percentage with two "
          "decimals (a decrease of 273.66 from 868.86 gives −31.50 %). A zero prior year gives #DIV/0!.",
          "比上年增减的比例（以上年数为基数），四舍五入为保留两位小数的百分比（由 868.86 减少 273.66 为 −31.50%）。"
          "上年数为零时返回 #DIV/0!。"},
         {current_parameter, prior_parameter}},
        {"yoyText",
         {"BUDGET.YOYTEXT", "预算同比说明"},
         {"The narrative's year-on-year sentence: 比上年增加X万元，增长Y% / 比上年减少X万元，下降Y% / "
          "与上年持平; a prior year of zero gives no percentage and says the item is new.",
          "情况说明中的同比表述：“比上年增加X万元，增长Y%”“比上年减少X万元，下降Y%”或“与上年持平”；"
          "上年为零时不计算百分比，并说明系本年新增。"},
         {current_parameter, prior_parameter, unit_parameter, decimals_parameter}},
        {"shareText",
         {"BUDGET.SHARETEXT", "预算占比说明"},
         {"The narrative's share sentence: X万元，占Y%.", "情况说明中的占比表述：“X万元，占Y%”。"},
         {{{"Part", "部分"}, {"The amount whose share is quoted.", "要表述占比的金额。"}},
          {{"Total", "总额"}, {"The total the part belongs to.", "该部分所属的总额。"}},
          unit_parameter,
          decimals_parameter}},
        {"toWan",
         {"BUDGET.TOWAN", "预算元转万元"},
         {"Converts amounts in 元 to 万元 with tail-difference balancing (舍位平衡): the converted amounts add "
          "up to their converted sum. An array: enter it over as many cells as the amounts.",
          "把以元为单位的金额换算为万元，并做舍位平衡，使换算后的各数之和等于合计换算后的数。"
          "数组函数：选中与金额同样多的单元格输入。"},
         {{{"Amounts", "金额"}, {"Amounts in 元 (a range).", "以元为单位的金额（单元格区域）。"}},
          {{"Decimals", "小数位数"}, {"Decimals of the 万元 amounts (default 2).", "万元数保留的小数位数（默认 2）。"}}}},
        {"capital",
         {"BUDGET.CAPITAL", "预算大写金额"},
         {"An amount in 元 in Chinese capitals as financial documents write it (壹仟零伍元叁角, 壹佰元整). "
          "For whole yuan, Calc's number format [NatNum5][$-0804]0\"元整\" does the same without a formula.",
          "以元为单位的金额的中文大写（如“壹仟零伍元叁角”“壹佰元整”）。"
          "仅有整元时，也可直接使用 Calc 的数字格式 [NatNum5][$-0804]0\"元整\"。"},
         {{{"Amount", "金额"}, {"Amount in 元.", "以元为单位的金额。"}}}},
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
