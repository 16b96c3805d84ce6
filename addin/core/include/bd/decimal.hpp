// Exact decimal amounts. Budget tables are compared as decimals, never as binary doubles:
// 0.285 rounds to 0.29 and 0.1 + 0.2 equals 0.3.
#pragma once

#include <boost/multiprecision/cpp_dec_float.hpp>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace bd {

class Decimal {
public:
    Decimal() = default;
    Decimal(int value) : value_(value) {}  // NOLINT(google-explicit-constructor): literals read naturally

    /// Parses an ASCII decimal such as "-1234.50" or "1e3"; nullopt if it is not one.
    static std::optional<Decimal> parse(std::string_view text);

    /// The number a cell shows: a double taken at 15 significant digits, as Calc displays it,
    /// so 0.1+0.2 computed in a cell is 0.3 here. Requires a finite value.
    static Decimal from_double(double value);

    /// Rounded half away from zero (四舍五入) to `decimals` places after the point.
    [[nodiscard]] Decimal rounded(int decimals) const;
    [[nodiscard]] Decimal abs() const;
    [[nodiscard]] bool is_zero() const;
    [[nodiscard]] int sign() const;

    /// The nearest double (correctly rounded).
    [[nodiscard]] double to_double() const;
    /// Fixed notation with exactly `decimals` places, rounded half away from zero: "593.60".
    [[nodiscard]] std::string to_string(int decimals) const;
    /// Shortest exact fixed notation without trailing zeros: "593.6", "-0.005".
    [[nodiscard]] std::string to_string() const;

    /// 10^-decimals, e.g. unit(2) = 0.01.
    static Decimal unit(int decimals);

    friend Decimal operator+(const Decimal& a, const Decimal& b) { return Decimal(a.value_ + b.value_); }
    friend Decimal operator-(const Decimal& a, const Decimal& b) { return Decimal(a.value_ - b.value_); }
    friend Decimal operator*(const Decimal& a, const Decimal& b) { return Decimal(a.value_ * b.value_); }
    /// Division to 50 significant digits; the divisor must not be zero.
    friend Decimal operator/(const Decimal& a, const Decimal& b) { return Decimal(a.value_ / b.value_); }
    Decimal& operator+=(const Decimal& other) {
        value_ += other.value_;
        return *this;
    }
    Decimal operator-() const { return Decimal(-value_); }
    friend bool operator==(const Decimal& a, const Decimal& b) { return a.value_ == b.value_; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    using Number = boost::multiprecision::cpp_dec_float_50;
    explicit Decimal(Number value) : value_(std::move(value)) {}
    Number value_{0};
};

}  // namespace bd
