// The figures a disclosure narrative quotes: shares (占比), year-on-year changes (增减额, 增减率)
// and 元→万元 conversion, computed as exact decimals and rounded as disclosures show them.
#pragma once

#include "bd/cell.hpp"
#include "bd/decimal.hpp"

#include <cstdint>
#include <variant>
#include <vector>

namespace bd {

/// The error a cell function returns; the UNO shell maps each to Calc's error value.
enum class FunctionError : std::uint8_t {
    DivisionByZero,  // #DIV/0!: a zero or empty total (or prior year)
    Value,           // #VALUE!: an argument that is not a number, or a range where one value belongs
    NotAvailable,    // #N/A: well-formed but not known
};

template <typename T>
using FunctionResult = std::variant<T, FunctionError>;

/// Decimals an amount may be shown with (万元 tables use 2; 元 forms 0).
inline constexpr int max_decimals = 6;
inline bool valid_decimals(int decimals) {
    return decimals >= 0 && decimals <= max_decimals;
}

/// Decimals of a share or rate as a fraction: a percentage with two decimals (6.80 %) is 0.0680.
inline constexpr int fraction_decimals = 4;

/// An argument as an amount: empty → 0, numbers and text numbers as shown; else #VALUE!.
FunctionResult<Decimal> amount_argument(const CellValue& cell);

/// part / total, rounded half away from zero to a percentage with two decimals.
FunctionResult<Decimal> share(const CellValue& part, const CellValue& total);

/// Each part's share of their sum, rounded so that the shares add up to exactly 1 (100.00 %)
/// by the largest-remainder method. A zero sum gives #DIV/0!.
FunctionResult<std::vector<Decimal>> shares(const std::vector<CellValue>& parts);

/// current − prior, exact.
FunctionResult<Decimal> change_amount(const CellValue& current, const CellValue& prior);

/// (current − prior) / |prior|, rounded to a percentage with two decimals; a zero prior gives #DIV/0!.
FunctionResult<Decimal> change_rate(const CellValue& current, const CellValue& prior);

/// 元 → 万元 with `decimals` places, with tail-difference balancing (舍位平衡): the converted
/// parts add up to their converted sum.
FunctionResult<std::vector<Decimal>> yuan_to_wan(const std::vector<CellValue>& yuan, int decimals);

/// Rounds `exact` values to `decimals` places so that they add up to `target` (a multiple of
/// 10^-decimals): each is rounded half away from zero, then the remaining difference is given,
/// one unit of the last place at a time, to the values whose rounding lost (or gained) the most.
/// Ties go to the larger magnitude, then to the earlier value.
std::vector<Decimal> apportion(const std::vector<Decimal>& exact, int decimals, const Decimal& target);

}  // namespace bd
