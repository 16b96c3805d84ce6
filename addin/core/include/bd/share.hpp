// Shares (占比) as the disclosure narrative quotes them.
#pragma once

#include "bd/cell.hpp"
#include "bd/decimal.hpp"

#include <cstdint>
#include <variant>

namespace bd {

/// The error a cell function returns; the UNO shell maps each to Calc's error value.
enum class FunctionError : std::uint8_t {
    DivisionByZero,  // #DIV/0!: a zero or empty total
    Value,           // #VALUE!: an argument that is not a number
    NotAvailable,    // #N/A: well-formed but not known
};

template <typename T>
using FunctionResult = std::variant<T, FunctionError>;

/// Decimals of a share as a fraction: a percentage with two decimals (6.80 %) is 0.0680.
inline constexpr int share_fraction_decimals = 4;

/// part / total as a fraction, rounded half away from zero to a percentage with two decimals.
FunctionResult<Decimal> share(const CellValue& part, const CellValue& total);

}  // namespace bd
