// Expressions of the layout and rule languages: arithmetic over named places of a disclosure.
//
//   gpb + gfb                 columns of the same row
//   income.amount             a line's column in the same table
//   T2:total.gpb              a line's column in another table
//   T2:codes.total            a block's column (every row of the block)
//   c201..c234.subtotal       the lines c201 to c234 of one column
//   under(T2:codes.total, code), yoy(a, b), share(a, b), count(T12:projects)   functions
//   prior(T7:current.total)   the same place in last year's document
//
// A path is resolved only against a layout (bd/layout.hpp): the parser keeps its parts.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bd::expr {

namespace x3 = boost::spirit::x3;

/// A named place: [table ':'] first ['..' last] ['.' member].
struct Path {
    std::string table;   // empty: the table the expression belongs to
    std::string first;   // a line, block, column, input or field key
    std::string last;    // the end of a line range (first..last), else empty
    std::string member;  // the column after '.', else empty
};

struct Call;
struct Operation;

/// A number literal is kept as written ("0.005", "201"), to be read as an exact decimal or a code.
struct Operand : x3::variant<std::string, Path, x3::forward_ast<Call>, x3::forward_ast<Operation>> {
    using base_type::base_type;
    using base_type::operator=;
};

struct Operation {
    char op = '+';  // + - * /
    Operand lhs;
    Operand rhs;
};

struct Call {
    std::string function;
    std::vector<Operand> arguments;
};

using Expr = Operand;

/// Parses a whole expression; throws SyntaxError on anything else.
Expr parse(std::string_view text);

struct SyntaxError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The expression written back in the language (normalized spacing); for messages and tests.
std::string to_string(const Expr& expression);

/// Every path the expression names, in order of appearance.
std::vector<Path> paths(const Expr& expression);

/// Whether the expression calls the function (anywhere in it).
bool calls(const Expr& expression, std::string_view function);

/// Text with {expression} placeholders, as in the narrative's sentences.
struct Segment {
    std::string text;  // literal text (when is_expression is false)
    Expr expression;   // (when is_expression is true)
    bool is_expression = false;
};
std::vector<Segment> parse_template(std::string_view text);

}  // namespace bd::expr

BOOST_FUSION_ADAPT_STRUCT(bd::expr::Path, table, first, last, member)
BOOST_FUSION_ADAPT_STRUCT(bd::expr::Call, function, arguments)
