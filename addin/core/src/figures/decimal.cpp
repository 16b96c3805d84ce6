#include "bd/decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace bd {

namespace {

using Coefficient = detail::DecimalCoefficient;

// 10^n; the powers rounding and aligning amounts need are kept.
Coefficient ten_to(unsigned n) {
    static const auto powers = [] {
        std::array<Coefficient, 64> out;
        out[0] = 1;
        for (std::size_t i = 1; i < out.size(); ++i) {
            out[i] = out[i - 1] * 10;
        }
        return out;
    }();
    return n < powers.size() ? powers[n] : boost::multiprecision::pow(Coefficient(10), n);
}

// The number of decimal digits of a non-zero value, or one less (from its highest bit).
int digits_lower_bound(const Coefficient& value) {
    return static_cast<int>(static_cast<double>(boost::multiprecision::msb(boost::multiprecision::abs(value))) *
                            0.30103) +
           1;
}

// The decimal digits of a non-negative value.
std::string digits_of(const Coefficient& value) {
    if (value <= std::numeric_limits<std::uint64_t>::max()) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value.convert_to<std::uint64_t>()).ptr;
        return {buffer, end};
    }
    return value.str();
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The digits of a numeral as a value (with the point left out).
Coefficient from_digits(std::string_view whole, std::string_view fraction) {
    if (whole.size() + fraction.size() <= 19) {
        std::uint64_t value = 0;
        for (const auto part : {whole, fraction}) {
            for (const char c : part) {
                value = value * 10 + static_cast<std::uint64_t>(c - '0');
            }
        }
        return value;
    }
    return Coefficient(std::string(whole) + std::string(fraction));
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    // [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?
    std::size_t i = 0;
    const bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        ++i;
    }
    const std::size_t whole_start = i;
    while (i < text.size() && is_digit(text[i])) {
        ++i;
    }
    const auto whole = text.substr(whole_start, i - whole_start);
    std::string_view fraction;
    if (i < text.size() && text[i] == '.') {
        const std::size_t start = ++i;
        while (i < text.size() && is_digit(text[i])) {
            ++i;
        }
        fraction = text.substr(start, i - start);
    }
    if (whole.empty() && fraction.empty()) {
        return std::nullopt;
    }
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        const bool negative_exponent = i + 1 < text.size() && text[i + 1] == '-';
        i += i + 1 < text.size() && (text[i + 1] == '+' || text[i + 1] == '-') ? 2 : 1;
        const std::size_t first = i;
        for (; i < text.size() && is_digit(text[i]) && i - first < 5; ++i) {
            exponent = exponent * 10 + (text[i] - '0');
        }
        if (i == first || i - first > 4) {
            return std::nullopt;
        }
        exponent = negative_exponent ? -exponent : exponent;
    }
    if (i != text.size()) {
        return std::nullopt;
    }
    Decimal value(from_digits(whole, fraction), exponent - static_cast<int>(fraction.size()));
    if (negative) {
        value.coefficient_ = -value.coefficient_;
    }
    return value.trimmed();
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
    return *parse(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

Decimal Decimal::unit(int decimals) {
    return {1, -decimals};
}

Decimal& Decimal::trimmed() {
    if (coefficient_.is_zero()) {
        exponent_ = 0;
        return *this;
    }
    const auto strip = [this](const Coefficient& divisor, int zeros) {
        Coefficient quotient;
        Coefficient remainder;
        for (;;) {
            divide_qr(coefficient_, divisor, quotient, remainder);
            if (!remainder.is_zero()) {
                return;
            }
            coefficient_.swap(quotient);
            exponent_ += zeros;
        }
    };
    // An odd coefficient has no trailing zero (most amounts); a long quotient may have dozens.
    if (!bit_test(coefficient_, 0)) {
        strip(ten_to(16), 16);
        strip(ten_to(4), 4);
        strip(ten_to(1), 1);
    }
    return *this;
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    if (a.exponent_ == b.exponent_) {
        return {a.coefficient_ + b.coefficient_, a.exponent_};
    }
    const auto& [high, low] = a.exponent_ > b.exponent_ ? std::tie(a, b) : std::tie(b, a);
    return {high.coefficient_ * ten_to(static_cast<unsigned>(high.exponent_ - low.exponent_)) + low.coefficient_,
            low.exponent_};
}

Decimal operator-(const Decimal& a, const Decimal& b) {
    return a + -b;
}

Decimal operator/(const Decimal& a, const Decimal& b) {
    if (b.coefficient_.is_zero()) {
        throw std::domain_error("Decimal: division by zero");
    }
    Coefficient quotient;
    Coefficient remainder;
    divide_qr(a.coefficient_, b.coefficient_, quotient, remainder);
    if (remainder.is_zero()) {  // exact in the digits it has (an amount in a unit, 10,000 元)
        return Decimal(std::move(quotient), a.exponent_ - b.exponent_).trimmed();
    }
    // Enough digits in the dividend for a quotient of more than 50 significant digits, then
    // rounded to 50.
    const int shift = std::max(0, 52 + digits_lower_bound(b.coefficient_) - digits_lower_bound(a.coefficient_));
    const Decimal long_quotient(a.coefficient_ * ten_to(static_cast<unsigned>(shift)) / b.coefficient_,
                                a.exponent_ - b.exponent_ - shift);
    const auto magnitude = boost::multiprecision::abs(long_quotient.coefficient_);
    int beyond = 0;  // its digits beyond the 50th
    while (magnitude >= ten_to(static_cast<unsigned>(50 + beyond))) {
        ++beyond;
    }
    return long_quotient.rounded(-(long_quotient.exponent_ + beyond));
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    const int sa = a.coefficient_.sign();
    const int sb = b.coefficient_.sign();
    if (sa != sb || sa == 0) {
        return sa <=> sb;
    }
    int order = 0;
    if (a.exponent_ == b.exponent_) {
        order = a.coefficient_.compare(b.coefficient_);
    } else if (a.exponent_ > b.exponent_) {
        order = (a.coefficient_ * ten_to(static_cast<unsigned>(a.exponent_ - b.exponent_))).compare(b.coefficient_);
    } else {
        order = a.coefficient_.compare(b.coefficient_ * ten_to(static_cast<unsigned>(b.exponent_ - a.exponent_)));
    }
    return order <=> 0;
}

Decimal Decimal::rounded(int decimals) const {
    if (exponent_ >= -decimals) {
        return *this;
    }
    const Coefficient scale = ten_to(static_cast<unsigned>(-decimals - exponent_));
    Coefficient whole;
    Coefficient rest;
    divide_qr(boost::multiprecision::abs(coefficient_), scale, whole, rest);
    if (rest * 2 >= scale) {
        ++whole;  // half away from zero
    }
    Decimal out(coefficient_.sign() < 0 ? Coefficient(-whole) : whole, -decimals);
    return out.trimmed();
}

Decimal Decimal::abs() const {
    return {boost::multiprecision::abs(coefficient_), exponent_};
}

bool Decimal::is_zero() const {
    return coefficient_.is_zero();
}

int Decimal::sign() const {
    return coefficient_.sign();
}

double Decimal::to_double() const {
    // strtod rounds a decimal numeral correctly.
    const std::string numeral = (coefficient_.sign() < 0 ? "-" : "") +
                                digits_of(boost::multiprecision::abs(coefficient_)) + "e" + std::to_string(exponent_);
    return std::strtod(numeral.c_str(), nullptr);
}

std::string Decimal::to_string(int decimals) const {
    if (decimals <= 0) {
        return rounded(0).to_string();
    }
    const Decimal shown = rounded(decimals);  // its exponent is now at least -decimals
    std::string digits = digits_of(boost::multiprecision::abs(shown.coefficient_) *
                                   ten_to(static_cast<unsigned>(shown.exponent_ + decimals)));
    const auto width = static_cast<std::size_t>(decimals) + 1;
    if (digits.size() < width) {
        digits.insert(0, width - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, '.');
    return shown.coefficient_.sign() < 0 ? "-" + digits : digits;  // (a zero has no sign: no "-0.00")
}

std::string Decimal::to_string() const {
    if (coefficient_.is_zero()) {
        return "0";
    }
    std::string digits = digits_of(boost::multiprecision::abs(coefficient_));
    if (exponent_ >= 0) {
        digits.append(static_cast<std::size_t>(exponent_), '0');
    } else {
        const auto decimals = static_cast<std::size_t>(-exponent_);
        if (digits.size() <= decimals) {
            digits.insert(0, decimals - digits.size() + 1, '0');
        }
        digits.insert(digits.size() - decimals, 1, '.');
        digits.erase(digits.find_last_not_of('0') + 1);
        if (digits.ends_with('.')) {
            digits.pop_back();
        }
    }
    return coefficient_.sign() < 0 ? "-" + digits : digits;
}

}  // namespace bd
