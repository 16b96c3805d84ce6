#include "bd/comparison.hpp"

namespace bd {

Figure Figure::shown(const Decimal& amount, const Decimal& unit_size, int decimals) {
    return {amount, Decimal::unit(decimals + 1) * Decimal(5) * unit_size};  // half the last digit
}

Figure operator*(const Figure& a, const Figure& b) {
    return {a.amount * b.amount, a.amount.abs() * b.rounding + b.amount.abs() * a.rounding};
}

Figure operator/(const Figure& a, const Figure& b) {
    const Decimal quotient = a.amount / b.amount;
    return {quotient, (a.rounding + quotient.abs() * b.rounding) / b.amount.abs()};
}

Decimal rounded_as(const Decimal& value, const Stated& stated) {
    return (value / stated.unit_size).rounded(stated.decimals) * stated.unit_size;
}

Compared compare(const Figure& lhs, Relation relation, const Figure& rhs, const std::optional<Stated>& stated) {
    Compared result;
    const Decimal target = stated ? rounded_as(rhs.amount, *stated) : rhs.amount;
    result.difference = lhs.amount - target;
    result.tolerance = lhs.rounding + rhs.rounding;
    // How far the relation misses: 0 when it holds.
    Decimal miss;
    switch (relation) {
        case Relation::Equal: miss = result.difference.abs(); break;
        case Relation::LessEqual: miss = result.difference.sign() > 0 ? result.difference : Decimal(0); break;
        case Relation::GreaterEqual: miss = result.difference.sign() < 0 ? -result.difference : Decimal(0); break;
    }
    result.agreement = miss.is_zero()             ? Agreement::Holds
                       : miss <= result.tolerance ? Agreement::WithinRounding
                                                  : Agreement::Fails;
    return result;
}

}  // namespace bd
