#include "functions.hxx"

#include "bd/function_specs.hpp"
#include "bd/figures.hpp"
#include "uno_util.hxx"

#include <cppuhelper/supportsservice.hxx>

#include <bit>
#include <cstdint>

using namespace css;

namespace bd::calc {

namespace {

/// Calc carries an error in a double as a quiet NaN whose low 32 bits hold its error code
/// (formula::CreateDoubleError); an add-in that returns one shows that error in its cell.
double calc_error(FunctionError error) {
    std::uint64_t code = 0;
    switch (error) {
        case FunctionError::DivisionByZero:
            code = 532;
            break;  // #DIV/0!
        case FunctionError::Value:
            code = 519;
            break;  // #VALUE!
        case FunctionError::NotAvailable:
            code = 0x7fff;
            break;  // #N/A
    }
    return std::bit_cast<double>(0x7ff8000000000000ULL | code);
}

double to_calc(const FunctionResult<Decimal>& result) {
    if (const auto* error = std::get_if<FunctionError>(&result)) {
        return calc_error(*error);
    }
    return std::get<Decimal>(result).to_double();
}

/// An argument that must be one value: a range of more than one cell is a #VALUE!.
CellValue single_value(const uno::Any& argument) {
    if (argument.getValueTypeClass() == uno::TypeClass_SEQUENCE) {
        uno::Sequence<uno::Sequence<uno::Any>> rows;
        if ((argument >>= rows) && rows.getLength() == 1 && rows[0].getLength() == 1) {
            return cell_from_any(rows[0][0], CellValue::Kind::Empty);
        }
        return CellValue::of_error("range");
    }
    return cell_from_any(argument, CellValue::Kind::Empty);
}

const FunctionSpec& spec_of(const OUString& programmatic) {
    if (const FunctionSpec* spec = find_function(to_utf8(programmatic))) {
        return *spec;
    }
    throw uno::RuntimeException("Unknown function " + programmatic);
}

}  // namespace

double Functions::share(const uno::Any& part, const uno::Any& total) {
    return to_calc(bd::share(single_value(part), single_value(total)));
}

OUString Functions::getProgrammaticFuntionName(const OUString& displayName) {
    const FunctionSpec* spec = find_function_by_display(to_utf8(displayName));
    return spec ? to_ou(spec->programmatic) : OUString();
}

OUString Functions::getDisplayFunctionName(const OUString& programmaticName) {
    return to_ou(spec_of(programmaticName).display.in(language_of_locale(to_utf8(locale_.Language))));
}

OUString Functions::getFunctionDescription(const OUString& programmaticName) {
    return to_ou(spec_of(programmaticName).description.in(language_of_locale(to_utf8(locale_.Language))));
}

OUString Functions::getDisplayArgumentName(const OUString& programmaticName, sal_Int32 argument) {
    const auto& parameters = spec_of(programmaticName).parameters;
    if (argument < 0 || static_cast<std::size_t>(argument) >= parameters.size()) {
        return OUString();
    }
    return to_ou(parameters[argument].name.in(language_of_locale(to_utf8(locale_.Language))));
}

OUString Functions::getArgumentDescription(const OUString& programmaticName, sal_Int32 argument) {
    const auto& parameters = spec_of(programmaticName).parameters;
    if (argument < 0 || static_cast<std::size_t>(argument) >= parameters.size()) {
        return OUString();
    }
    return to_ou(parameters[argument].description.in(language_of_locale(to_utf8(locale_.Language))));
}

OUString Functions::getProgrammaticCategoryName(const OUString&) {
    return "Add-In";
}

OUString Functions::getDisplayCategoryName(const OUString&) {
    return to_ou(function_category().in(language_of_locale(to_utf8(locale_.Language))));
}

void Functions::setLocale(const lang::Locale& locale) {
    locale_ = locale;
}

lang::Locale Functions::getLocale() {
    return locale_;
}

OUString Functions::getServiceName() {
    return functions_service_name;
}

OUString Functions::getImplementationName() {
    return functions_implementation_name;
}

sal_Bool Functions::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

uno::Sequence<OUString> Functions::getSupportedServiceNames() {
    uno::Sequence<OUString> names(2);
    names[0] = "com.sun.star.sheet.AddIn";
    names[1] = functions_service_name;
    return names;
}

}  // namespace bd::calc
