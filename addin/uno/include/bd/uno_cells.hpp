// A cell value as UNO carries it, for the core: getDataArray and add-in arguments give a
// double, a string ("" = empty) or nothing (void: an error cell in getDataArray, an omitted
// argument of an add-in).
#pragma once

#include "bd/cell.hpp"
#include "bd/ustring.hpp"

#include <com/sun/star/uno/Any.hxx>

namespace bd {

inline CellValue cell_from_any(const css::uno::Any& value, CellValue::Kind void_kind) {
    double number = 0.0;
    rtl::OUString text;
    if (value >>= number) {
        return CellValue::of_number(number);
    }
    if (value >>= text) {
        return text.isEmpty() ? CellValue::empty() : CellValue::of_text(to_utf8(text));
    }
    if (!value.hasValue()) {
        return void_kind == CellValue::Kind::Error ? CellValue::of_error("error") : CellValue::empty();
    }
    return CellValue::of_text(to_utf8(value.getValueTypeName()));
}

}  // namespace bd
