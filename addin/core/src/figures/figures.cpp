#include "bd/figures.hpp"

#include <algorithm>
#include <numeric>

namespace bd {

namespace {

FunctionResult<std::vector<Decimal>> amounts_of(const std::vector<CellValue>& cells) {
    std::vector<Decimal> amounts;
    amounts.reserve(cells.size());
    for (const auto& cell : cells) {
        auto amount = amount_argument(cell);
        if (const auto* error = std::get_if<FunctionError>(&amount)) {
            return *error;
        }
        amounts.push_back(std::get<Decimal>(amount));
    }
    return amounts;
}

Decimal sum(const std::vector<Decimal>& values) {
    return std::accumulate(values.begin(), values.end(), Decimal());
}

}  // namespace

FunctionResult<Decimal> amount_argument(const CellValue& cell) {
    auto amount = to_amount(cell);
    if (const auto* value = std::get_if<Decimal>(&amount)) {
        return *value;
    }
    return FunctionError::Value;
}

FunctionResult<Decimal> share(const CellValue& part, const CellValue& total) {
    auto amounts = amounts_of({part, total});
    if (const auto* error = std::get_if<FunctionError>(&amounts)) {
        return *error;
    }
    const auto& values = std::get<std::vector<Decimal>>(amounts);
    if (values[1].is_zero()) {
        return FunctionError::DivisionByZero;
    }
    return (values[0] / values[1]).rounded(fraction_decimals);
}

FunctionResult<std::vector<Decimal>> shares(const std::vector<CellValue>& parts) {
    auto amounts = amounts_of(parts);
    if (std::holds_alternative<FunctionError>(amounts)) {
        return amounts;
    }
    const auto& values = std::get<std::vector<Decimal>>(amounts);
    const Decimal total = sum(values);
    if (total.is_zero()) {
        return FunctionError::DivisionByZero;
    }
    std::vector<Decimal> fractions;
    fractions.reserve(values.size());
    for (const auto& value : values) {
        fractions.push_back(value / total);
    }
    return apportion(fractions, fraction_decimals, Decimal(1));
}

FunctionResult<Decimal> change_amount(const CellValue& current, const CellValue& prior) {
    auto amounts = amounts_of({current, prior});
    if (const auto* error = std::get_if<FunctionError>(&amounts)) {
        return *error;
    }
    const auto& values = std::get<std::vector<Decimal>>(amounts);
    return values[0] - values[1];
}

FunctionResult<Decimal> change_rate(const CellValue& current, const CellValue& prior) {
    auto change = change_amount(current, prior);
    if (std::holds_alternative<FunctionError>(change)) {
        return change;
    }
    const Decimal before = std::get<Decimal>(amount_argument(prior));
    if (before.is_zero()) {
        return FunctionError::DivisionByZero;
    }
    return (std::get<Decimal>(change) / before.abs()).rounded(fraction_decimals);
}

FunctionResult<std::vector<Decimal>> yuan_to_wan(const std::vector<CellValue>& yuan, int decimals) {
    if (!valid_decimals(decimals)) {
        return FunctionError::Value;
    }
    auto amounts = amounts_of(yuan);
    if (std::holds_alternative<FunctionError>(amounts)) {
        return amounts;
    }
    const Decimal ten_thousand(10000);
    std::vector<Decimal> wan;
    for (const auto& value : std::get<std::vector<Decimal>>(amounts)) {
        wan.push_back(value / ten_thousand);
    }
    return apportion(wan, decimals, sum(wan).rounded(decimals));
}

std::vector<Decimal> apportion(const std::vector<Decimal>& exact, int decimals, const Decimal& target) {
    std::vector<Decimal> rounded;
    rounded.reserve(exact.size());
    for (const auto& value : exact) {
        rounded.push_back(value.rounded(decimals));
    }
    if (exact.empty()) {
        return rounded;
    }
    const Decimal unit = Decimal::unit(decimals);
    const Decimal missing = target - sum(rounded);  // a whole number of units
    const int direction = missing.sign();
    // Order: the value that rounding moved furthest away from the direction of the correction first.
    std::vector<std::size_t> order(exact.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        const Decimal lost_a = (exact[a] - rounded[a]) * Decimal(direction);
        const Decimal lost_b = (exact[b] - rounded[b]) * Decimal(direction);
        if (lost_a != lost_b) {
            return lost_a > lost_b;
        }
        return exact[a].abs() > exact[b].abs();
    });
    const Decimal step = unit * Decimal(direction);
    Decimal remaining = missing.abs();
    for (std::size_t i = 0; remaining > Decimal() && direction != 0; i = (i + 1) % order.size()) {
        rounded[order[i]] += step;
        remaining = remaining - unit;
    }
    return rounded;
}

}  // namespace bd
