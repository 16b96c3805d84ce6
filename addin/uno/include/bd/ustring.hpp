// UTF-8 std::string <-> rtl::OUString, for every piece of code on the UNO side.
#pragma once

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace bd {

inline rtl::OUString to_ou(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

inline std::string to_utf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

}  // namespace bd
