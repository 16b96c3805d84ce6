// Comparing figures: the one place that decides whether two amounts agree, differ by what the
// rounding of the shown figures can explain, or differ. A figure carries the most its rounding
// can be off by (half a unit of the last digit shown, in its unit); sums and differences add
// these up, ratios carry them through, and a comparison allows for both sides' rounding — a
// difference within it is explained as rounding, never hidden, and never called an error.
#pragma once

#include "bd/decimal.hpp"

#include <cstdint>
#include <optional>

namespace bd {

struct Figure {
    Decimal amount;
    Decimal rounding;  // ≥ 0: how far the shown figure may be from the true one

    /// A figure shown with `decimals` decimals in a unit of `unit_size` (万元: 10000), in 元.
    static Figure shown(const Decimal& amount, const Decimal& unit_size, int decimals);
    /// An exact figure (a count, a constant).
    static Figure exact(const Decimal& amount) { return {amount, Decimal(0)}; }

    friend Figure operator+(const Figure& a, const Figure& b) { return {a.amount + b.amount, a.rounding + b.rounding}; }
    friend Figure operator-(const Figure& a, const Figure& b) { return {a.amount - b.amount, a.rounding + b.rounding}; }
    /// Products and quotients with their rounding carried through (to first order); the divisor
    /// must not be zero.
    friend Figure operator*(const Figure& a, const Figure& b);
    friend Figure operator/(const Figure& a, const Figure& b);
};

/// How a figure was written in a text: "25.77万元" is stated with 2 decimals in 万元; the figure
/// it quotes is right when it equals that figure rounded the same way.
struct Stated {
    Decimal unit_size = Decimal(1);  // in 元 for an amount; 1 for a percentage or a count
    int decimals = 0;
};

enum class Relation : std::uint8_t { Equal, LessEqual, GreaterEqual };
enum class Agreement : std::uint8_t { Holds, WithinRounding, Fails };

struct Compared {
    Agreement agreement = Agreement::Holds;
    Decimal difference;  // lhs − rhs (rhs rounded as lhs is stated, when it is)
    Decimal tolerance;   // what rounding can explain
};

/// lhs relation rhs. When lhs is a figure stated in a text, rhs is first rounded as lhs is stated.
Compared compare(const Figure& lhs, Relation relation, const Figure& rhs, const std::optional<Stated>& stated = {});

/// The value rounded as a text states it: 156211123 元 stated in 万元 with 2 decimals → 156211100.
Decimal rounded_as(const Decimal& value, const Stated& stated);

}  // namespace bd
