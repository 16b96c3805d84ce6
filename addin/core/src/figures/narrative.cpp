#include "bd/narrative.hpp"

#include "bd/chinese_numerals.hpp"

#include <array>

namespace bd {

namespace {

constexpr std::array capital_digits{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

}  // namespace

std::string percent_text(const Decimal& fraction) {
    return (fraction * Decimal(100)).to_string(2) + "%";
}

FunctionResult<std::string> year_on_year_sentence(const CellValue& current, const CellValue& prior,
                                                  const SentenceFormat& format) {
    if (!valid_decimals(format.decimals)) {
        return FunctionError::Value;
    }
    auto change = change_amount(current, prior);
    if (const auto* error = std::get_if<FunctionError>(&change)) {
        return *error;
    }
    const Decimal difference = std::get<Decimal>(change).rounded(format.decimals);
    if (difference.is_zero()) {
        return std::string("与上年持平");
    }
    const std::string verb = difference.sign() > 0 ? "增加" : "减少";
    std::string text = "比上年" + verb + difference.abs().to_string(format.decimals) + format.unit;
    auto rate = change_rate(current, prior);
    if (std::holds_alternative<FunctionError>(rate)) {  // the prior year is zero
        return text + (difference.sign() > 0 ? "，上年为零，系本年新增" : "，上年为零");
    }
    const Decimal& fraction = std::get<Decimal>(rate);
    return text + "，" + (fraction.sign() >= 0 ? "增长" : "下降") + percent_text(fraction.abs());
}

FunctionResult<std::string> share_sentence(const CellValue& part, const CellValue& total,
                                           const SentenceFormat& format) {
    if (!valid_decimals(format.decimals)) {
        return FunctionError::Value;
    }
    auto fraction = share(part, total);
    if (const auto* error = std::get_if<FunctionError>(&fraction)) {
        return *error;
    }
    const Decimal amount = std::get<Decimal>(amount_argument(part));
    return amount.to_string(format.decimals) + format.unit + "，占" + percent_text(std::get<Decimal>(fraction));
}

FunctionResult<std::string> capital_amount(const CellValue& yuan) {
    auto amount = amount_argument(yuan);
    if (const auto* error = std::get_if<FunctionError>(&amount)) {
        return *error;
    }
    const Decimal cents = std::get<Decimal>(amount).rounded(2);
    if (cents.abs() >= Decimal(10000) * Decimal(10000) * Decimal(10000) * Decimal(10000)) {
        return FunctionError::Value;  // beyond 万亿 the written forms are not standard
    }
    const std::string digits = cents.abs().to_string(2);  // "1005.30"
    const Decimal whole = *Decimal::parse(digits.substr(0, digits.size() - 3));
    const int jiao = digits[digits.size() - 2] - '0';
    const int fen = digits[digits.size() - 1] - '0';

    std::string text = cents.sign() < 0 ? "负" : "";
    if (!whole.is_zero()) {
        text += financial_capitals(std::stoll(whole.to_string(0))) + "元";
    }
    if (jiao == 0 && fen == 0) {
        return text + (whole.is_zero() ? "零元整" : "整");
    }
    if (jiao > 0) {
        text += std::string(capital_digits[jiao]) + "角";
    } else if (!whole.is_zero()) {
        text += "零";  // 角 is zero but 分 is not: 壹仟元零伍分
    }
    if (fen > 0) {
        text += std::string(capital_digits[fen]) + "分";
    }
    return text;
}

}  // namespace bd
