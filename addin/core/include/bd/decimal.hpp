// Exact decimal amounts. Budget tables are compared as decimals, never as binary doubles:
// 0.285 rounds to 0.29 and 0.1 + 0.2 equals 0.3. A value is an integer coefficient times a power
// of ten (the integer of Boost.Multiprecision's cpp_int backend): sums, differences and
// products are exact, a quotient has 50 significant digits.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace bd {

namespace detail {
/// A decimal's coefficient: an integer of any size, without expression templates (a value is a
/// value: `auto` never holds a reference to a temporary).
using DecimalCoefficient =
    boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>, boost::multiprecision::et_off>;
}  // namespace detail

class Decimal {
public:
    Decimal() = default;
    Decimal(int value) : coefficient_(value) {}  // NOLINT(google-explicit-constructor): literals read naturally

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

    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b);
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
        return {a.coefficient_ * b.coefficient_, a.exponent_ + b.exponent_};
    }
    /// Division to 50 significant digits (exact when the quotient has no more; else its 50th digit
    /// rounded half away from zero); the divisor must not be zero.
    friend Decimal operator/(const Decimal& a, const Decimal& b);
    Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
    Decimal operator-() const { return {-coefficient_, exponent_}; }
    friend bool operator==(const Decimal& a, const Decimal& b) { return std::is_eq(a <=> b); }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    using Coefficient = detail::DecimalCoefficient;
    Decimal(Coefficient coefficient, int exponent) : coefficient_(std::move(coefficient)), exponent_(exponent) {}
    /// The same value with the trailing zeros of its coefficient moved into its exponent.
    Decimal& trimmed();
    Coefficient coefficient_{0};
    int exponent_ = 0;  // the value is coefficient_ × 10^exponent_
};

}  // namespace bd
