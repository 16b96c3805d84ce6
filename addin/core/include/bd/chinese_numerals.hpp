// Chinese numerals through ICU's Chinese spell-out rules (RuleBasedNumberFormat, locale zh).
#pragma once

#include <cstdint>
#include <string>

namespace bd {

/// Ordinary numerals, as headings number things: 23 → "二十三", 10 → "十".
std::string chinese_number(std::int64_t n);

/// Financial capitals of a whole number, as Chinese bank documents write them: 1005 → "壹仟零伍".
/// Two conventions ICU does not follow are applied: a leading 拾 is written 壹拾, and 10^12 is
/// 万亿 (not 兆).
std::string financial_capitals(std::int64_t n);

}  // namespace bd
