#include "bd/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <stdexcept>

namespace bd {

std::optional<Decimal> Decimal::parse(std::string_view text) {
    static const std::regex grammar(R"([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?)");
    if (!std::regex_match(text.begin(), text.end(), grammar)) {
        return std::nullopt;
    }
    return Decimal(Number(std::string(text)));
}

Decimal Decimal::from_double(double value) {
    if (!std::isfinite(value)) {
        throw std::invalid_argument("Decimal::from_double: not a finite number");
    }
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    if (ec != std::errc()) {
        throw std::logic_error("Decimal::from_double: to_chars failed");
    }
    return Decimal(Number(std::string(buffer, end)));
}

Decimal Decimal::unit(int decimals) {
    return Decimal(pow(Number(10), -decimals));
}

Decimal Decimal::rounded(int decimals) const {
    const Number scale = pow(Number(10), decimals);
    const Number scaled = value_ * scale;
    const Number whole = value_ < 0 ? ceil(scaled - Number(0.5)) : floor(scaled + Number(0.5));
    return Decimal(whole / scale);
}

Decimal Decimal::abs() const {
    return Decimal(boost::multiprecision::abs(value_));
}

bool Decimal::is_zero() const {
    return value_.is_zero();
}

int Decimal::sign() const {
    return value_.is_zero() ? 0 : (value_ < 0 ? -1 : 1);
}

double Decimal::to_double() const {
    return std::strtod(value_.str(25, std::ios_base::scientific).c_str(), nullptr);
}

std::string Decimal::to_string(int decimals) const {
    if (decimals <= 0) {
        return rounded(0).to_string();  // (Boost reads a precision of 0 as "all digits")
    }
    std::string text = rounded(decimals).value_.str(decimals, std::ios_base::fixed);
    if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) {
        text.erase(0, 1);  // no "-0.00"
    }
    return text;
}

std::string Decimal::to_string() const {
    // cpp_dec_float_50 carries at most 50 significant digits; print them all, then trim.
    std::string text = value_.str(60, std::ios_base::fixed);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.ends_with('.')) {
            text.pop_back();
        }
    }
    if (text == "-0") {
        text = "0";
    }
    return text;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.value_ < b.value_) {
        return std::strong_ordering::less;
    }
    return a.value_ == b.value_ ? std::strong_ordering::equal : std::strong_ordering::greater;
}

}  // namespace bd
