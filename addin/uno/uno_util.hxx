// Small conversions between the core's types and UNO's.
#pragma once

#include "bd/cell.hpp"
#include "bd/function_specs.hpp"
#include "bd/uno_cells.hpp"
#include "bd/ustring.hpp"

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace bd::calc {

using rtl::OUString;

/// The office's user-interface language (Tools > Options > Language Settings).
Language ui_language(const css::uno::Reference<css::uno::XComponentContext>& context);

/// The system path of a file URL, for messages and for reading the file ourselves; the URL
/// itself when it names no local file.
OUString system_path(const OUString& url);

/// The file name of a URL, decoded: 2024年政府收支分类科目.xlsx.
OUString file_name(const OUString& url);

/// Text of the exception being handled, for messages ("Unknown exception" if none fits).
std::string describe_current_exception();

/// Runs the body of a UNO method: a C++ exception becomes a css::uno::RuntimeException with its
/// message, so that nothing but UNO exceptions ever reaches Calc (which shows them as errors).
template <typename Body>
auto at_uno_boundary(Body body) -> decltype(body()) {
    try {
        return body();
    } catch (const css::uno::Exception&) {
        throw;
    } catch (...) {
        throw css::uno::RuntimeException(to_ou("Budget Disclosure: " + describe_current_exception()));
    }
}

}  // namespace bd::calc
