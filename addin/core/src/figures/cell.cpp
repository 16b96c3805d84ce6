#include "bd/cell.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <regex>
#include <stdexcept>

namespace bd {

namespace {

const icu::Normalizer2& nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) {
        throw std::runtime_error(std::string("ICU NFKC normalizer unavailable: ") + u_errorName(status));
    }
    return *normalizer;
}

}  // namespace

bool CellValue::is_blank(std::string_view utf8) {
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(utf8.data(), i, length, c);
        if (c < 0 || !u_isUWhiteSpace(c)) {
            return false;
        }
    }
    return true;
}

std::string normalize_text(std::string_view utf8) {
    // In UTF-8 throughout: most texts are normalized already, and ICU copies them as they are.
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(utf8.size()));
    UErrorCode status = U_ZERO_ERROR;
    nfkc().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    }
    std::string compact;
    compact.reserve(normalized.size());
    const auto length = static_cast<int32_t>(normalized.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(normalized.data(), i, length, c);
        if (c < 0) {
            compact += "\uFFFD";  // a malformed byte, as ICU reads it elsewhere
        } else if (!u_isUWhiteSpace(c)) {
            compact.append(normalized, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        }
    }
    return compact;
}

std::wstring to_code_points(std::string_view utf8) {
    static_assert(sizeof(wchar_t) == sizeof(UChar32), "wchar_t holds a code point");
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::wstring out;
    out.reserve(static_cast<std::size_t>(text.length()));
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        out.push_back(static_cast<wchar_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string to_utf8(std::wstring_view code_points) {
    icu::UnicodeString text;
    for (const wchar_t c : code_points) {
        text.append(static_cast<UChar32>(c));
    }
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::optional<Decimal> parse_number_text(std::string_view utf8) {
    std::string text = normalize_text(utf8);
    // Thousands separators only between groups of three digits: "1,234,567.8".
    static const std::regex grouped(R"([+-]?\d{1,3}(,\d{3})+(\.\d*)?)");
    if (text.find(',') != std::string::npos) {
        if (!std::regex_match(text, grouped)) {
            return std::nullopt;
        }
        std::erase(text, ',');
    }
    return Decimal::parse(text);
}

std::variant<Decimal, AmountError> to_amount(const CellValue& cell) {
    switch (cell.kind) {
        case CellValue::Kind::Empty: return Decimal();
        case CellValue::Kind::Number: return Decimal::from_double(cell.number);
        case CellValue::Kind::Error: return AmountError::ErrorCell;
        case CellValue::Kind::Text:
            if (CellValue::is_blank(cell.text)) {
                return Decimal();
            }
            if (auto value = parse_number_text(cell.text)) {
                return *value;
            }
            return AmountError::NotANumber;
    }
    return AmountError::NotANumber;
}

}  // namespace bd
