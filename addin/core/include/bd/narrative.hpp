// The sentences of the narrative (情况说明) that quote the tables, and Chinese capital amounts.
#pragma once

#include "bd/figures.hpp"

#include <string>
#include <string_view>

namespace bd {

struct SentenceFormat {
    std::string unit = "万元";
    int decimals = 2;  // of the amounts; percentages always show two
};

/// "比上年增加X万元，增长Y%", "比上年减少X万元，下降Y%" or "与上年持平" (the change rounds to zero);
/// a prior year of zero gives no percentage: "比上年增加X万元，上年为零，系本年新增".
FunctionResult<std::string> year_on_year_sentence(const CellValue& current, const CellValue& prior,
                                                  const SentenceFormat& format);

/// "X万元，占Y%".
FunctionResult<std::string> share_sentence(const CellValue& part, const CellValue& total, const SentenceFormat& format);

/// A fraction as a percentage with two decimals: 0.068 → "6.80%".
std::string percent_text(const Decimal& fraction);

/// An amount in 元 written in Chinese capitals for financial documents (大写金额), rounded to 分:
/// 1005.30 → "壹仟零伍元叁角", 1000.05 → "壹仟元零伍分", 100 → "壹佰元整", −7.1 → "负柒元壹角".
/// Calc's own [NatNum5][$-0804]0 format writes whole yuan the same way but has no 角 and 分.
FunctionResult<std::string> capital_amount(const CellValue& yuan);

}  // namespace bd
