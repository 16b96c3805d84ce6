#include "functions.hxx"

#include "bd/figures.hpp"
#include "bd/function_specs.hpp"
#include "bd/narrative.hpp"
#include "catalog_store.hxx"
#include "uno_util.hxx"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>

using namespace css;

namespace bd::calc {

namespace {

/// Calc carries an error in a double as a quiet NaN whose low 32 bits hold its error code
/// (formula::CreateDoubleError); an add-in that returns one shows that error in its cell.
double calc_error(FunctionError error) {
    std::uint64_t code = 0;
    switch (error) {
        case FunctionError::DivisionByZero: code = 532; break;   // #DIV/0!
        case FunctionError::Value: code = 519; break;            // #VALUE!
        case FunctionError::NotAvailable: code = 0x7fff; break;  // #N/A
    }
    return std::bit_cast<double>(0x7ff8000000000000ULL | code);
}

double to_calc(const FunctionResult<Decimal>& result) {
    if (const auto* error = std::get_if<FunctionError>(&result)) {
        return calc_error(*error);
    }
    return std::get<Decimal>(result).to_double();
}

uno::Any to_calc(const FunctionResult<std::string>& result) {
    if (const auto* error = std::get_if<FunctionError>(&result)) {
        return uno::Any(calc_error(*error));
    }
    return uno::Any(to_ou(std::get<std::string>(result)));
}

/// A range argument: its cells row by row, and its shape for the array result.
struct Range {
    std::vector<CellValue> cells;
    sal_Int32 rows = 0;
    sal_Int32 cols = 0;
};

Range range_of(const uno::Sequence<uno::Sequence<uno::Any>>& rows) {
    Range range;
    range.rows = rows.getLength();
    for (const auto& row : rows) {
        range.cols = std::max(range.cols, row.getLength());
    }
    for (const auto& row : rows) {
        for (sal_Int32 c = 0; c < range.cols; ++c) {
            range.cells.push_back(c < row.getLength() ? cell_from_any(row[c], CellValue::Kind::Empty)
                                                      : CellValue::empty());
        }
    }
    return range;
}

/// An array result in the shape of its range argument.
uno::Any to_calc(const FunctionResult<std::vector<Decimal>>& result, const Range& shape) {
    if (const auto* error = std::get_if<FunctionError>(&result)) {
        return uno::Any(calc_error(*error));
    }
    const auto& values = std::get<std::vector<Decimal>>(result);
    uno::Sequence<uno::Sequence<uno::Any>> rows(shape.rows);
    for (sal_Int32 r = 0; r < shape.rows; ++r) {
        rows[r].realloc(shape.cols);
        for (sal_Int32 c = 0; c < shape.cols; ++c) {
            rows[r][c] <<=
                values[static_cast<std::size_t>(r) * static_cast<std::size_t>(shape.cols) + static_cast<std::size_t>(c)]
                    .to_double();
        }
    }
    return uno::Any(rows);
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

/// An optional argument (omitted: the default); nullopt if it is of the wrong kind.
std::optional<std::string> optional_text(const uno::Any& argument, const std::string& fallback) {
    const CellValue value = single_value(argument);
    if (value.kind == CellValue::Kind::Empty) {
        return fallback;
    }
    return value.kind == CellValue::Kind::Text ? std::optional(value.text) : std::nullopt;
}

/// An optional whole number (the core checks its range, e.g. valid_decimals).
std::optional<int> optional_count(const uno::Any& argument, int fallback) {
    const CellValue value = single_value(argument);
    if (value.kind == CellValue::Kind::Empty) {
        return fallback;
    }
    if (value.kind != CellValue::Kind::Number || value.number != std::floor(value.number) ||
        std::abs(value.number) > 1000) {
        return std::nullopt;
    }
    return static_cast<int>(value.number);
}

std::optional<SentenceFormat> sentence_format(const uno::Any& unit, const uno::Any& decimals) {
    const SentenceFormat defaults;
    const auto unit_text = optional_text(unit, defaults.unit);
    const auto places = optional_count(decimals, defaults.decimals);
    if (!unit_text || !places) {
        return std::nullopt;
    }
    return SentenceFormat{*unit_text, *places};
}

/// Applies a scalar function to one value, or to each cell of a range (an array of its shape).
template <typename Scalar>
uno::Any elementwise(const uno::Any& argument, Scalar scalar) {
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    if (argument.getValueTypeClass() != uno::TypeClass_SEQUENCE || !(argument >>= rows)) {
        return scalar(single_value(argument));
    }
    const Range range = range_of(rows);
    uno::Sequence<uno::Sequence<uno::Any>> result(range.rows);
    for (sal_Int32 r = 0; r < range.rows; ++r) {
        result[r].realloc(range.cols);
        for (sal_Int32 c = 0; c < range.cols; ++c) {
            result[r][c] = scalar(range.cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(range.cols) +
                                              static_cast<std::size_t>(c)]);
        }
    }
    return uno::Any(result);
}

/// The optional year of a classification edition; `valid` is false for anything but a year. A
/// reference to an empty cell, which Calc passes as 0, is a year not entered yet: `provisional`.
struct YearArgument {
    bool valid = true;
    std::optional<int> year;
    bool provisional = false;
};

YearArgument year_argument(const uno::Any& year) {
    const CellValue value = single_value(year);
    if (value.kind == CellValue::Kind::Empty) {
        return {};
    }
    if (value.kind == CellValue::Kind::Number && value.number == 0) {
        return {true, std::nullopt, true};
    }
    double number = value.number;
    if (value.kind != CellValue::Kind::Number) {
        const auto amount = amount_argument(value);
        number = std::holds_alternative<Decimal>(amount) ? std::get<Decimal>(amount).to_double() : 0.0;
    }
    if (number < 1990 || number > 2100 || number != std::floor(number)) {
        return {false, std::nullopt};
    }
    return {true, static_cast<int>(number)};
}

const FunctionSpec& spec_of(const OUString& programmatic) {
    if (const FunctionSpec* spec = find_function(to_utf8(programmatic))) {
        return *spec;
    }
    throw uno::RuntimeException("Unknown function " + programmatic);
}

}  // namespace

double Functions::share(const uno::Any& part, const uno::Any& total) {
    return at_uno_boundary([&] { return to_calc(bd::share(single_value(part), single_value(total))); });
}

uno::Any Functions::shares(const uno::Sequence<uno::Sequence<uno::Any>>& amounts) {
    return at_uno_boundary([&] {
        const Range range = range_of(amounts);
        return to_calc(bd::shares(range.cells), range);
    });
}

double Functions::change(const uno::Any& current, const uno::Any& prior) {
    return at_uno_boundary([&] { return to_calc(change_amount(single_value(current), single_value(prior))); });
}

double Functions::changeRate(const uno::Any& current, const uno::Any& prior) {
    return at_uno_boundary([&] { return to_calc(change_rate(single_value(current), single_value(prior))); });
}

uno::Any Functions::yoyText(const uno::Any& current, const uno::Any& prior, const uno::Any& unit,
                            const uno::Any& decimals) {
    return at_uno_boundary([&] {
        const auto format = sentence_format(unit, decimals);
        if (!format) {
            return uno::Any(calc_error(FunctionError::Value));
        }
        return to_calc(year_on_year_sentence(single_value(current), single_value(prior), *format));
    });
}

uno::Any Functions::shareText(const uno::Any& part, const uno::Any& total, const uno::Any& unit,
                              const uno::Any& decimals) {
    return at_uno_boundary([&] {
        const auto format = sentence_format(unit, decimals);
        if (!format) {
            return uno::Any(calc_error(FunctionError::Value));
        }
        return to_calc(share_sentence(single_value(part), single_value(total), *format));
    });
}

uno::Any Functions::toWan(const uno::Sequence<uno::Sequence<uno::Any>>& amounts, const uno::Any& decimals) {
    return at_uno_boundary([&] {
        const auto places = optional_count(decimals, 2);
        if (!places) {
            return uno::Any(calc_error(FunctionError::Value));
        }
        const Range range = range_of(amounts);
        return to_calc(yuan_to_wan(range.cells, *places), range);
    });
}

uno::Any Functions::capital(const uno::Any& amount) {
    return at_uno_boundary([&] { return to_calc(capital_amount(single_value(amount))); });
}

template <typename Lookup>
uno::Any Functions::with_edition(const uno::Any& year, Lookup lookup) {
    const YearArgument edition_year = year_argument(year);
    if (!edition_year.valid) {
        return uno::Any(calc_error(FunctionError::Value));
    }
    const auto catalog = CatalogStore::instance().catalog(context_);
    return lookup(*catalog, catalog->edition(edition_year.year));
}

uno::Any Functions::className(const uno::Any& code, const uno::Any& year) {
    return at_uno_boundary([&] {
        const bool provisional = year_argument(year).provisional;
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(code, [&](const CellValue& cell) {
                return to_calc(provisional ? provisional_class_name(edition, cell) : class_name(edition, cell));
            });
        });
    });
}

uno::Any Functions::classCode(const uno::Any& name, const uno::Any& within, const uno::Any& year) {
    return at_uno_boundary([&] {
        const CellValue scope = single_value(within);
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(name, [&](const CellValue& cell) { return to_calc(class_code(edition, cell, scope)); });
        });
    });
}

uno::Any Functions::classLevel(const uno::Any& code, const uno::Any& year) {
    return at_uno_boundary([&] {
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(code, [&](const CellValue& cell) { return to_calc(class_level(edition, cell)); });
        });
    });
}

uno::Any Functions::classParent(const uno::Any& code, const uno::Any& year) {
    return at_uno_boundary([&] {
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(code, [&](const CellValue& cell) { return to_calc(class_parent(edition, cell)); });
        });
    });
}

// 1 or 0, not a boolean Any: Calc reads a boolean result of an add-in as 0.
uno::Any Functions::classValid(const uno::Any& code, const uno::Any& year) {
    return at_uno_boundary([&] {
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(code,
                               [&](const CellValue& cell) { return uno::Any(class_valid(edition, cell) ? 1.0 : 0.0); });
        });
    });
}

uno::Any Functions::economicMap(const uno::Any& departmentCode, const uno::Any& unitType, const uno::Any& year) {
    return at_uno_boundary([&] {
        const CellValue unit = single_value(unitType);
        return with_edition(year, [&](const Catalog&, const Edition& edition) {
            return elementwise(departmentCode, [&](const CellValue& cell) {
                return to_calc(government_economic_code(edition, cell, unit));
            });
        });
    });
}

uno::Any Functions::classLine(const uno::Any& code, const uno::Any& year) {
    return at_uno_boundary([&] {
        return with_edition(year, [&](const Catalog& catalog, const Edition& edition) {
            return elementwise(
                code, [&](const CellValue& cell) { return to_calc(table1_line_label(catalog, edition, cell)); });
        });
    });
}

uno::Any Functions::sumUnder(const uno::Sequence<uno::Sequence<uno::Any>>& codes,
                             const uno::Sequence<uno::Sequence<uno::Any>>& amounts, const uno::Any& prefix) {
    return at_uno_boundary([&] {
        const Range code_cells = range_of(codes);
        const Range amount_cells = range_of(amounts);
        return elementwise(prefix, [&](const CellValue& cell) {
            return uno::Any(to_calc(sum_under(code_cells.cells, amount_cells.cells, cell)));
        });
    });
}

OUString Functions::getProgrammaticFuntionName(const OUString& displayName) {
    const FunctionSpec* spec = find_function_by_name(to_utf8(displayName));
    return spec ? to_ou(spec->programmatic) : OUString();
}

OUString Functions::getDisplayFunctionName(const OUString& programmaticName) {
    return to_ou(spec_of(programmaticName).name);
}

OUString Functions::getFunctionDescription(const OUString& programmaticName) {
    return to_ou(function_description(spec_of(programmaticName), language_of_locale(to_utf8(locale_.Language))));
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

}  // namespace bd::calc
