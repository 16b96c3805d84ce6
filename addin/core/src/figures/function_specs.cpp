#include "bd/function_specs.hpp"

#include <algorithm>
#include <cctype>

namespace bd {

namespace {

const ParameterSpec unit_parameter{{"Unit", "单位"},
                                   {"Unit written after amounts (default 万元).", "金额后的单位（默认“万元”）。"}};
const ParameterSpec decimals_parameter{{"Decimals", "小数位数"},
                                       {"Decimals of the amounts (default 2).", "金额保留的小数位数（默认 2）。"}};
const ParameterSpec year_parameter{
    {"Year", "年度"},
    {"Edition of the classification (default: the latest imported, else the bundled entries).",
     "分类科目的年度版本（默认：最新导入的版本，未导入时用内置科目）。"}};
const ParameterSpec code_parameter{{"Code", "科目编码"},
                                   {"A classification code (text or number; a range gives an array).",
                                    "分类科目编码（文本或数字均可；选区域则返回数组）。"}};
const ParameterSpec current_parameter{{"Current", "本年数"}, {"This year's amount.", "本年金额。"}};
const ParameterSpec prior_parameter{{"Prior", "上年数"}, {"Last year's amount.", "上年金额。"}};

}  // namespace

Language language_of_locale(std::string_view language_code) {
    return language_code == "zh" ? Language::Chinese : Language::English;
}

const std::vector<FunctionSpec>& function_specs() {
    static const std::vector<FunctionSpec> specs = {
        {"share",
         "BUDGET.SHARE",
         "预算占比",
         {"Share of a part in a total, rounded as disclosures quote it: a percentage with two decimals "
          "(40.50 of 595.20 gives 6.80 %). A zero or empty total gives #DIV/0!.",
          "部分占总额的比例，按预算公开惯例四舍五入为保留两位小数的百分比（595.20 中的 40.50 为 6.80%）。"
          "总额为零或为空时返回 #DIV/0!。"},
         {{{"Part", "部分"}, {"The amount whose share is wanted.", "要计算占比的金额。"}},
          {{"Total", "总额"}, {"The total the part belongs to.", "该部分所属的总额。"}}}},
        {"shares",
         "BUDGET.SHARES",
         "预算占比分配",
         {"Shares of each amount in their sum, as percentages with two decimals that add up to exactly "
          "100.00 % (largest-remainder rounding). An array: enter it over as many cells as the amounts.",
          "各金额占其合计的比例，保留两位小数的百分比，按最大余数法调整使其合计恰为 100.00%。"
          "数组函数：选中与金额同样多的单元格输入。"},
         {{{"Amounts", "金额"}, {"The parts (a range).", "各组成部分（单元格区域）。"}}}},
        {"change",
         "BUDGET.CHANGE",
         "预算增减额",
         {"This year's amount minus last year's, exact (no binary rounding artefacts).",
          "本年数减上年数（精确计算，无二进制舍入误差）。"},
         {current_parameter, prior_parameter}},
        {"changeRate",
         "BUDGET.CHANGERATE",
         "预算增减率",
         {"Year-on-year change as a fraction of last year's amount, rounded to a percentage with two "
          "decimals (a decrease of 273.66 from 868.86 gives −31.50 %). A zero prior year gives #DIV/0!.",
          "比上年增减的比例（以上年数为基数），四舍五入为保留两位小数的百分比（由 868.86 减少 273.66 为 −31.50%）。"
          "上年数为零时返回 #DIV/0!。"},
         {current_parameter, prior_parameter}},
        {"yoyText",
         "BUDGET.YOYTEXT",
         "预算同比说明",
         {"The narrative's year-on-year sentence: 比上年增加X万元，增长Y% / 比上年减少X万元，下降Y% / "
          "与上年持平; a prior year of zero gives no percentage and says the item is new.",
          "情况说明中的同比表述：“比上年增加X万元，增长Y%”“比上年减少X万元，下降Y%”或“与上年持平”；"
          "上年为零时不计算百分比，并说明系本年新增。"},
         {current_parameter, prior_parameter, unit_parameter, decimals_parameter}},
        {"shareText",
         "BUDGET.SHARETEXT",
         "预算占比说明",
         {"The narrative's share sentence: X万元，占Y%.", "情况说明中的占比表述：“X万元，占Y%”。"},
         {{{"Part", "部分"}, {"The amount whose share is quoted.", "要表述占比的金额。"}},
          {{"Total", "总额"}, {"The total the part belongs to.", "该部分所属的总额。"}},
          unit_parameter,
          decimals_parameter}},
        {"toWan",
         "BUDGET.TOWAN",
         "预算元转万元",
         {"Converts amounts in 元 to 万元 with tail-difference balancing (舍位平衡): the converted amounts add "
          "up to their converted sum. An array: enter it over as many cells as the amounts.",
          "把以元为单位的金额换算为万元，并做舍位平衡，使换算后的各数之和等于合计换算后的数。"
          "数组函数：选中与金额同样多的单元格输入。"},
         {{{"Amounts", "金额"}, {"Amounts in 元 (a range).", "以元为单位的金额（单元格区域）。"}},
          {{"Decimals", "小数位数"},
           {"Decimals of the 万元 amounts (default 2).", "万元数保留的小数位数（默认 2）。"}}}},
        {"capital",
         "BUDGET.CAPITAL",
         "预算大写金额",
         {"An amount in 元 in Chinese capitals as financial documents write it (壹仟零伍元叁角, 壹佰元整). "
          "For whole yuan, Calc's number format [NatNum5][$-0804]0\"元整\" does the same without a formula.",
          "以元为单位的金额的中文大写（如“壹仟零伍元叁角”“壹佰元整”）。"
          "仅有整元时，也可直接使用 Calc 的数字格式 [NatNum5][$-0804]0\"元整\"。"},
         {{{"Amount", "金额"}, {"Amount in 元.", "以元为单位的金额。"}}}},
        {"className",
         "BUDGET.CLASSNAME",
         "科目名称",
         {"The name of a classification code (functional, revenue or economic) in the loaded catalog; "
          "#N/A if the code is not in it, #VALUE! if it is no code. With the year an empty cell (not entered "
          "yet), the latest edition's name followed by that edition: 安全监管（暂按2024年科目）.",
          "分类科目编码（功能、收入或经济分类）对应的科目名称；编码不在已载入的科目表中返回 #N/A，不是编码返回 "
          "#VALUE!。年度引用的单元格为空（尚未填写）时，返回最新版本的科目名称并注明版本，如"
          "“安全监管（暂按2024年科目）”。"},
         {code_parameter, year_parameter}},
        {"classCode",
         "BUDGET.CLASSCODE",
         "科目编码",
         {"The code of a classification name, compared after Unicode normalization; a name that occurs "
          "more than once gives #VALUE! unless narrowed by a code prefix.",
          "科目名称对应的编码（按 Unicode 规范化后比较）；名称重复时返回 #VALUE!，可用编码前缀限定范围。"},
         {{{"Name", "科目名称"}, {"A classification name.", "分类科目名称。"}},
          {{"Within", "范围"},
           {"A code prefix (e.g. 212) or 功能 / 收入 / 部门经济 / 政府经济 (default: functional).",
            "编码前缀（如 212）或“功能”“收入”“部门经济”“政府经济”（默认：功能分类）。"}},
          year_parameter}},
        {"classLevel",
         "BUDGET.CLASSLEVEL",
         "科目级次",
         {"The level of a code: 类, 款 or 项.", "科目编码的级次：类、款或项。"},
         {code_parameter, year_parameter}},
        {"classParent",
         "BUDGET.CLASSPARENT",
         "上级科目",
         {"The parent code (2240106 → 22401); #N/A for a 类.", "上级科目编码（2240106 → 22401）；类级科目返回 #N/A。"},
         {code_parameter, year_parameter}},
        {"classValid",
         "BUDGET.CLASSVALID",
         "科目有效",
         {"1 (TRUE) if the code is in the catalog of the year, else 0 (FALSE).",
          "编码在该年度科目表中时为 1（TRUE），否则为 0（FALSE）。"},
         {code_parameter, year_parameter}},
        {"economicMap",
         "BUDGET.ECONMAP",
         "经济科目对照",
         {"The government economic code (政府预算支出经济分类) of a department economic code (部门预算支出经济分类), "
          "which depends on the kind of unit.",
          "部门预算支出经济分类科目对应的政府预算支出经济分类科目，随单位性质（机关或事业单位）而不同。"},
         {{{"DepartmentCode", "部门经济科目"},
           {"A department economic code (3 or 5 digits).", "部门预算支出经济分类编码（3 或 5 位）。"}},
          {{"UnitType", "单位性质"}, {"机关 or 事业单位.", "“机关”或“事业单位”。"}},
          year_parameter}},
        {"classLine",
         "BUDGET.CLASSLINE",
         "总表科目行",
         {"The line label of a functional class in table 1, numbered in Chinese: 二十三、灾害防治及应急管理支出.",
          "功能分类类级科目在收支总表中的行名，带中文序号，如“二十三、灾害防治及应急管理支出”。"},
         {code_parameter, year_parameter}},
        {"sumUnder",
         "BUDGET.SUMUNDER",
         "科目汇总",
         {"The sum of the amounts of the rows whose code starts with a prefix, counting only the deepest rows, "
          "so that 类 and 款 subtotal rows are never counted twice.",
          "编码以指定前缀开头的各行金额之和，只计最末级行，类、款小计行不会重复计算。"},
         {{{"Codes", "编码区域"}, {"The code column of the table.", "表中的科目编码列。"}},
          {{"Amounts", "金额区域"}, {"The amount column, as long as the codes.", "与编码列等长的金额列。"}},
          {{"Prefix", "编码前缀"},
           {"The code whose rows are summed, or leading digits such as 2 for every functional code (a range gives "
            "an array).",
            "要汇总的科目编码，或编码前几位（如 2 表示全部支出功能分类科目；选区域则返回数组）。"}}}},
    };
    return specs;
}

const FunctionSpec* find_function(std::string_view programmatic) {
    const auto& specs = function_specs();
    const auto it = std::ranges::find(specs, programmatic, &FunctionSpec::programmatic);
    return it == specs.end() ? nullptr : &*it;
}

const FunctionSpec* find_function_by_name(std::string_view name) {
    const auto same = [](std::string_view a, std::string_view b) {
        return std::ranges::equal(a, b, [](char x, char y) {
            return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
        });
    };
    for (const auto& spec : function_specs()) {
        if (same(spec.name, name)) {
            return &spec;
        }
    }
    return nullptr;
}

std::string function_description(const FunctionSpec& spec, Language language) {
    return language == Language::Chinese ? spec.chinese_name + "：" + spec.description.zh : spec.description.en;
}

const LocalizedText& function_category() {
    static const LocalizedText category{"Budget Disclosure", "预算公开"};
    return category;
}

}  // namespace bd
