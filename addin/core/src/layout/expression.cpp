#include "bd/expression.hpp"

#include <algorithm>

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

namespace bd::expr {

namespace grammar {

using x3::attr;
using x3::char_;
using x3::lexeme;
using x3::lit;

// Only blanks separate tokens; anything else (a stray Chinese character) is a syntax error.
const auto blank = lit(' ') | lit('\t');

const auto identifier_start = x3::char_('a', 'z') | x3::char_('A', 'Z') | char_('_');
const auto identifier_char = identifier_start | x3::char_('0', '9');
const x3::rule<class identifier_tag, std::string> identifier = "identifier";
const auto identifier_def = lexeme[identifier_start >> *identifier_char];

const x3::rule<class number_tag, std::string> number = "number";
const auto digits = +x3::char_('0', '9');
const auto number_def = x3::raw[lexeme[digits >> -('.' >> digits)]];

const x3::rule<class path_tag, Path> path = "path";
const auto path_def = ((&(identifier >> ':') >> identifier >> ':') | attr(std::string())) >> identifier >>
                      (lit("..") >> identifier | attr(std::string())) >>
                      (!lit("..") >> lit('.') >> identifier | attr(std::string()));

const x3::rule<class expression_tag, Operand> expression = "expression";
const x3::rule<class call_tag, Call> call = "call";
const x3::rule<class primary_tag, Operand> primary = "primary";
const x3::rule<class product_tag, Operand> product = "product";

const auto call_def = identifier >> '(' >> (expression % ',') >> ')';
const auto primary_def = number | (&(identifier >> '(') >> call) | path | ('(' >> expression >> ')');

const auto assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
const auto fold = [](auto& ctx) {
    Operation operation;
    operation.op = boost::fusion::at_c<0>(x3::_attr(ctx));
    operation.lhs = std::move(x3::_val(ctx));
    operation.rhs = boost::fusion::at_c<1>(x3::_attr(ctx));
    x3::_val(ctx) = Operand(x3::forward_ast<Operation>(std::move(operation)));
};
const auto product_def = primary[assign] >> *((char_("*/") >> primary)[fold]);
const auto expression_def = product[assign] >> *((char_("+-") >> product)[fold]);

BOOST_SPIRIT_DEFINE(identifier, number, path, call, primary, product, expression)

}  // namespace grammar

Expr parse(std::string_view text) {
    Expr result;
    auto first = text.begin();
    const bool ok = x3::phrase_parse(first, text.end(), grammar::expression, grammar::blank, result);
    if (!ok || first != text.end()) {
        const auto at = static_cast<std::size_t>(first - text.begin());
        throw SyntaxError("cannot read the expression \"" + std::string(text) + "\" at character " +
                          std::to_string(at + 1));
    }
    return result;
}

namespace {

struct Printer {
    std::string& out;
    void operator()(const std::string& number) const { out += number; }
    void operator()(const Path& path) const {
        if (!path.table.empty()) {
            out += path.table + ":";
        }
        out += path.first;
        if (!path.last.empty()) {
            out += ".." + path.last;
        }
        if (!path.member.empty()) {
            out += "." + path.member;
        }
    }
    void operator()(const Call& call) const {
        out += call.function + "(";
        for (std::size_t i = 0; i < call.arguments.size(); ++i) {
            out += i == 0 ? "" : ", ";
            boost::apply_visitor(*this, call.arguments[i]);
        }
        out += ")";
    }
    void operator()(const Operation& operation) const {
        const bool low = operation.op == '+' || operation.op == '-';
        out += low ? "" : "(";
        boost::apply_visitor(*this, operation.lhs);
        out += std::string(" ") + operation.op + " ";
        boost::apply_visitor(*this, operation.rhs);
        out += low ? "" : ")";
    }
};

struct PathCollector {
    std::vector<Path>& out;
    void operator()(const std::string&) const {}
    void operator()(const Path& path) const { out.push_back(path); }
    void operator()(const Call& call) const {
        for (const auto& argument : call.arguments) {
            boost::apply_visitor(*this, argument);
        }
    }
    void operator()(const Operation& operation) const {
        boost::apply_visitor(*this, operation.lhs);
        boost::apply_visitor(*this, operation.rhs);
    }
};

struct CallFinder {
    std::string_view function;
    bool operator()(const std::string&) const { return false; }
    bool operator()(const Path&) const { return false; }
    bool operator()(const Call& call) const {
        return call.function == function || std::ranges::any_of(call.arguments, [this](const Operand& argument) {
                   return boost::apply_visitor(*this, argument);
               });
    }
    bool operator()(const Operation& operation) const {
        return boost::apply_visitor(*this, operation.lhs) || boost::apply_visitor(*this, operation.rhs);
    }
};

}  // namespace

bool calls(const Expr& expression, std::string_view function) {
    return boost::apply_visitor(CallFinder{function}, expression);
}

std::string to_string(const Expr& expression) {
    std::string out;
    boost::apply_visitor(Printer{out}, expression);
    return out;
}

std::vector<Path> paths(const Expr& expression) {
    std::vector<Path> out;
    boost::apply_visitor(PathCollector{out}, expression);
    return out;
}

std::vector<Segment> parse_template(std::string_view text) {
    std::vector<Segment> segments;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find('{', at);
        if (open != at) {
            const auto end = open == std::string_view::npos ? text.size() : open;
            segments.push_back({std::string(text.substr(at, end - at)), {}, false});
            at = end;
            continue;
        }
        const auto close = text.find('}', open);
        if (close == std::string_view::npos) {
            throw SyntaxError("a '{' without its '}' in \"" + std::string(text) + "\"");
        }
        segments.push_back({{}, parse(text.substr(open + 1, close - open - 1)), true});
        at = close + 1;
    }
    return segments;
}

}  // namespace bd::expr
