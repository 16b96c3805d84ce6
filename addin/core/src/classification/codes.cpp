#include "bd/codes.hpp"

#include <cmath>

namespace bd {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<CodeCell> read_code(const CellValue& cell) {
    if (cell.kind == CellValue::Kind::Number) {
        if (cell.number <= 0 || cell.number >= 1e9 || cell.number != std::floor(cell.number)) {
            return std::nullopt;
        }
        return CodeCell{std::to_string(static_cast<long long>(cell.number)), {}};
    }
    if (cell.kind != CellValue::Kind::Text) {
        return std::nullopt;
    }
    // ICU only for what needs it: most code cells are plain ASCII digits.
    std::string text = all_digits(cell.text) ? cell.text : normalize_text(cell.text);
    const auto end = text.find_first_not_of("0123456789");
    if (end == 0) {
        return std::nullopt;
    }
    if (end == std::string::npos) {
        return CodeCell{std::move(text), {}};
    }
    return CodeCell{text.substr(0, end), text.substr(end)};
}

std::optional<std::string> normalize_code(const CellValue& cell) {
    auto code = read_code(cell);
    if (!code || !code->rest.empty() || !is_code_length(code->digits)) {
        return std::nullopt;
    }
    return std::move(code->digits);
}

bool is_code_length(std::string_view digits) {
    return digits.size() == 3 || digits.size() == 5 || digits.size() == 7;
}

std::optional<std::string> join_code_parts(std::string_view class_part, std::string_view item_part,
                                           std::string_view sub_item_part) {
    if (class_part.size() != 3 || !all_digits(class_part)) {
        return std::nullopt;
    }
    std::string code(class_part);
    for (const auto part : {item_part, sub_item_part}) {
        if (part.empty()) {
            break;
        }
        if (part.size() > 2 || !all_digits(part)) {
            return std::nullopt;
        }
        code += part.size() == 1 ? "0" + std::string(part) : std::string(part);
    }
    if (item_part.empty() && !sub_item_part.empty()) {
        return std::nullopt;
    }
    return code;
}

std::vector<std::string> parent_codes(std::string_view code) {
    std::vector<std::string> parents;
    for (std::size_t length = 3; length < code.size(); length += 2) {
        parents.emplace_back(code.substr(0, length));
    }
    return parents;
}

std::string_view level_name(std::string_view code) {
    switch (code.size()) {
        case 3: return "类";
        case 5: return "款";
        default: return "项";
    }
}

}  // namespace bd
