#include "bd/share.hpp"

namespace bd {

namespace {

FunctionResult<Decimal> amount_argument(const CellValue& cell) {
    auto amount = to_amount(cell);
    if (const auto* value = std::get_if<Decimal>(&amount)) {
        return *value;
    }
    return FunctionError::Value;
}

}  // namespace

FunctionResult<Decimal> share(const CellValue& part, const CellValue& total) {
    auto part_amount = amount_argument(part);
    auto total_amount = amount_argument(total);
    if (std::holds_alternative<FunctionError>(part_amount)) {
        return part_amount;
    }
    if (std::holds_alternative<FunctionError>(total_amount)) {
        return total_amount;
    }
    const Decimal& whole = std::get<Decimal>(total_amount);
    if (whole.is_zero()) {
        return FunctionError::DivisionByZero;
    }
    return (std::get<Decimal>(part_amount) / whole).rounded(share_fraction_decimals);
}

}  // namespace bd
