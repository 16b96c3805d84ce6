// One cell as the core sees it, independent of Calc: empty, a number, text or an error.
#pragma once

#include "bd/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace bd {

struct CellValue {
    enum class Kind : std::uint8_t { Empty, Number, Text, Error };

    Kind kind = Kind::Empty;
    double number = 0.0;  // Kind::Number
    std::string text;     // Kind::Text (UTF-8), or the error's name for Kind::Error

    static CellValue empty() { return {}; }
    static CellValue of_number(double v) { return {Kind::Number, v, {}}; }
    static CellValue of_text(std::string t) { return {Kind::Text, 0.0, std::move(t)}; }
    static CellValue of_error(std::string name) { return {Kind::Error, 0.0, std::move(name)}; }

    [[nodiscard]] bool is_empty() const { return kind == Kind::Empty || (kind == Kind::Text && is_blank(text)); }
    static bool is_blank(std::string_view utf8);
};

/// Why a cell could not be read as an amount.
enum class AmountError : std::uint8_t {
    NotANumber,  // text that is no number
    ErrorCell,   // the cell holds an error value
};

/// A cell as an amount: empty → 0 (a blank in a budget table means none); numbers as shown;
/// text numbers too, after Unicode normalization (full-width digits, "1,234.50", spaces).
std::variant<Decimal, AmountError> to_amount(const CellValue& cell);

/// Text normalized for comparison: NFKC (full-width forms → ASCII, （）→ ()), white space removed.
std::string normalize_text(std::string_view utf8);

/// UTF-8 as code points (one wchar_t each, as std::wregex matches them), and back.
std::wstring to_code_points(std::string_view utf8);
std::string to_utf8(std::wstring_view code_points);

/// A text number such as "１，２３４．５" or " 595.20 " as a decimal; nullopt if it is none.
std::optional<Decimal> parse_number_text(std::string_view utf8);

}  // namespace bd
