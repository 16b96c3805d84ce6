#include "bd/layout.hpp"
#include "layout_names.hpp"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <variant>

namespace bd::layout::statement {

// The statements with several parts, as the grammar reads them.
struct KeyText {
    std::string key;
    std::string text;
};
struct KeyNumber {
    std::string key;
    int number = 0;
};
struct TwoTexts {
    std::string first;
    std::string second;
};
struct FieldDecl {
    std::string key;
    std::string label;
    std::string kind;  // text | number | amount
};
struct ColumnDecl {
    std::string key;
    std::string header;
    std::string kind;
    std::string group;
    bool optional = false;
    std::optional<expr::Expr> formula;
};
struct Sum {
    std::string first;
    std::string last;
};
struct LineDecl {
    std::string key;
    std::string label;
    std::string code;
    std::string at;
    std::optional<Sum> sum;
    std::vector<Assignment> values;
};
struct ChartDecl {
    std::string title;
    std::vector<expr::Expr> series;
};
struct ListDecl {
    std::string key;
    std::vector<std::string> headers;
};

}  // namespace bd::layout::statement

namespace st = bd::layout::statement;
BOOST_FUSION_ADAPT_STRUCT(st::KeyText, key, text)
BOOST_FUSION_ADAPT_STRUCT(st::KeyNumber, key, number)
BOOST_FUSION_ADAPT_STRUCT(st::TwoTexts, first, second)
BOOST_FUSION_ADAPT_STRUCT(st::FieldDecl, key, label, kind)
BOOST_FUSION_ADAPT_STRUCT(st::ColumnDecl, key, header, kind, group, optional, formula)
BOOST_FUSION_ADAPT_STRUCT(st::Sum, first, last)
BOOST_FUSION_ADAPT_STRUCT(bd::layout::Assignment, column, value)
BOOST_FUSION_ADAPT_STRUCT(st::LineDecl, key, label, code, at, sum, values)
BOOST_FUSION_ADAPT_STRUCT(st::ChartDecl, title, series)
BOOST_FUSION_ADAPT_STRUCT(st::ListDecl, key, headers)

namespace bd::layout {

namespace x3 = boost::spirit::x3;

namespace grammar {

using x3::attr;
using x3::char_;
using x3::lexeme;
using x3::lit;

const auto blank = lit(' ') | lit('\t');
const auto word_char = x3::char_('a', 'z') | x3::char_('A', 'Z') | x3::char_('0', '9') | char_('_') | char_('-');

// A keyword is a whole word: "number" does not match the start of "numbered".
auto keyword(const char* word) {
    return lexeme[lit(word) >> !word_char];
}

const x3::rule<class key_tag, std::string> key = "key";
const auto key_def = lexeme[+word_char];
const x3::rule<class quoted_tag, std::string> quoted = "quoted text";
const auto quoted_def = lexeme['"' >> *(char_ - '"') >> '"'];
const x3::rule<class code_tag, std::string> code = "code";
const auto code_def = lexeme[+x3::char_('0', '9')];
const x3::rule<class expression_tag, expr::Expr> expression = "expression";

// Expressions are read by bd::expr's own grammar: take the text up to the next "<key> =" or
// the end of the line, then parse it there.
struct ExpressionParser : x3::parser<ExpressionParser> {
    using attribute_type = expr::Expr;
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context&, RContext&, Attribute& attribute) const {
        // The expression ends where an assignment "<key> =" starts or at the end.
        Iterator end = last;
        for (Iterator at = first; at != last; ++at) {
            Iterator probe = at;
            if (at != first && (*(at - 1) == ' ' || *(at - 1) == '\t') &&
                x3::parse(probe, last, +word_char >> *blank >> '=' >> !lit('='))) {
                end = at;
                break;
            }
        }
        while (end != first && (*(end - 1) == ' ' || *(end - 1) == '\t')) {
            --end;
        }
        try {
            attribute = expr::parse(std::string_view(&*first, static_cast<std::size_t>(end - first)));
        } catch (const expr::SyntaxError&) {
            return false;
        }
        first = end;
        return true;
    }
};
const auto expression_def = ExpressionParser{};

const x3::rule<class assignment_tag, Assignment> assignment = "assignment";
const auto assignment_def = key >> '=' >> expression;
const x3::rule<class series_tag, expr::Expr> series_item = "series";
const auto series_item_def = x3::raw[lexeme[+(char_ - ',')]][([](auto& ctx) {
    const auto& range = x3::_attr(ctx);
    try {
        x3::_val(ctx) = expr::parse(std::string(range.begin(), range.end()));
    } catch (const expr::SyntaxError&) {
        x3::_pass(ctx) = false;
    }
})];
const x3::rule<class path_tag, expr::Path> table_path = "path";
const auto table_path_def = (key >> ':' | attr(std::string())) >> key >> attr(std::string()) >> attr(std::string());
BOOST_SPIRIT_DEFINE(key, quoted, code, expression, assignment, series_item, table_path)

// The parts after each statement's keyword.
const auto layout_head = x3::rule<class layout_head_tag, st::KeyNumber>{} = key >> keyword("version") >> x3::int_;
const auto two_texts = x3::rule<class two_texts_tag, st::TwoTexts>{} = quoted >> quoted;
const auto unit = x3::rule<class unit_tag, st::KeyNumber>{} = quoted >> keyword("decimals") >> x3::int_;
const auto key_text = x3::rule<class key_text_tag, st::KeyText>{} = key >> quoted;
const auto key_optional_text = x3::rule<class key_opt_text_tag, st::KeyText>{} = key >> (quoted | attr(std::string()));
const auto field = x3::rule<class field_tag, st::FieldDecl>{} =
    key >> quoted >> lexeme[(x3::string("text") | x3::string("number") | x3::string("amount")) >> !word_char];
const auto column = x3::rule<class column_tag, st::ColumnDecl>{} =
    key >> quoted >> lexeme[(x3::string("code") | x3::string("name") | x3::string("label") | x3::string("text") |
                             x3::string("amount")) >>
                            !word_char] >>
    (keyword("under") >> quoted | attr(std::string())) >> x3::matches[keyword("optional")] >> -('=' >> expression);
const auto sum = x3::rule<class sum_tag, st::Sum>{} = keyword("sum") >> key >> (lit("..") >> key | attr(std::string()));
const auto line = x3::rule<class line_tag, st::LineDecl>{} = key >> quoted >>
                                                             (keyword("code") >> code | attr(std::string())) >>
                                                             (keyword("at") >> key | attr(std::string())) >> -sum >>
                                                             *assignment;
const auto block = x3::rule<class block_tag, st::KeyText>{} =
    key >> lexeme[(x3::string("functional") | x3::string("economic") | x3::string("revenue") | x3::string("any") |
                   x3::string("rows")) >>
                  !word_char];
const auto chart = x3::rule<class chart_tag, st::ChartDecl>{} = keyword("pie") >> quoted >> (series_item % ',');
const auto list = x3::rule<class list_statement_tag, st::ListDecl>{} = key >> +quoted;
const auto texts = x3::rule<class texts_tag, std::vector<std::string>>{} = +quoted;
const auto nothing = x3::eps;

}  // namespace grammar

namespace {

using Text = std::string_view;

class Reader {
public:
    explicit Reader(Text text) : text_(text) {}

    Layout read() {
        std::size_t start = 0;
        while (start <= text_.size()) {
            const auto end = std::min(text_.find('\n', start), text_.size());
            ++line_number_;
            statement(text_.substr(start, end - start));
            start = end + 1;
        }
        if (layout_.id.empty()) {
            throw LayoutError("the definition does not start with \"layout <id> version <n>\"");
        }
        check_names(layout_);
        return std::move(layout_);
    }

private:
    [[noreturn]] void fail(const std::string& message) const {
        throw LayoutError("line " + std::to_string(line_number_) + ": " + message);
    }

    // Reads the rest of a line (after its keyword) with `parser` into a value of type T.
    template <typename T, typename Parser>
    T parse(Text rest, const Parser& parser, const char* what) const {
        T value{};
        auto first = rest.begin();
        if (!x3::phrase_parse(first, rest.end(), parser >> x3::eoi, grammar::blank, value)) {
            fail(std::string("cannot read this ") + what + ": \"" + std::string(rest) + "\"");
        }
        return value;
    }
    void parse_nothing(Text rest, const char* what) const {
        auto first = rest.begin();
        if (!x3::phrase_parse(first, rest.end(), grammar::nothing >> x3::eoi, grammar::blank)) {
            fail(std::string(what) + " takes nothing after it");
        }
    }

    void statement(Text raw) {
        auto first = raw.begin();
        std::string keyword;
        x3::phrase_parse(first, raw.end(), -grammar::key, grammar::blank, keyword);
        const Text rest = raw.substr(static_cast<std::size_t>(first - raw.begin()));
        if (keyword.empty()) {
            auto probe = raw.begin();
            if (!x3::phrase_parse(probe, raw.end(), -(x3::lit('#') >> *x3::char_) >> x3::eoi, grammar::blank)) {
                fail("a statement starts with a keyword: \"" + std::string(raw) + "\"");
            }
            return;
        }
        if (keyword == "layout") {
            const auto head = parse<st::KeyNumber>(rest, grammar::layout_head, "layout head");
            layout_.id = head.key;
            layout_.version = head.number;
        } else if (keyword == "title") {
            const auto titles = parse<st::TwoTexts>(rest, grammar::two_texts, "title");
            layout_.title_zh = titles.first;
            layout_.title_en = titles.second;
        } else if (keyword == "unit" && place_ == Place::Table) {
            current_table().unit = parse<std::string>(rest, grammar::quoted, "unit");
        } else if (keyword == "unit") {
            const auto unit = parse<st::KeyNumber>(rest, grammar::unit, "unit");
            layout_.unit = unit.key;
            layout_.decimals = unit.number;
        } else if (keyword == "also") {
            auto texts = parse<std::vector<std::string>>(rest, grammar::texts, "list of alternatives");
            if (also_ == nullptr) {
                fail("\"also\" follows a table, text, column or line");
            }
            also_->insert(also_->end(), texts.begin(), texts.end());
        } else if (keyword == "anywhere") {
            parse_nothing(rest, "anywhere");
            current_table().anywhere = true;
        } else if (keyword == "cover") {
            layout_.cover.title = parse<std::string>(rest, grammar::quoted, "cover");
            place_ = Place::Cover;
            also_ = nullptr;
        } else if (keyword == "sheet") {
            sheet(parse<std::string>(rest, grammar::quoted, "sheet name"));
        } else if (keyword == "field" || keyword == "input") {
            field(keyword, parse<st::FieldDecl>(rest, grammar::field, keyword.c_str()));
        } else if (keyword == "table") {
            const auto head = parse<st::KeyText>(rest, grammar::key_text, "table head");
            layout_.tables.push_back({});
            layout_.tables.back().id = head.key;
            layout_.tables.back().title = head.text;
            place_ = Place::Table;
            also_ = &layout_.tables.back().also;
        } else if (keyword == "number") {
            current_table().number = parse<std::string>(rest, grammar::quoted, "number");
        } else if (keyword == "numbered") {
            parse_nothing(rest, "numbered");
            current_table().numbered = true;
        } else if (keyword == "note-if-empty") {
            current_table().note_if_empty = parse<expr::Expr>(rest, grammar::expression, "condition");
        } else if (keyword == "side") {
            const auto head = parse<st::KeyText>(rest, grammar::key_optional_text, "side");
            current_table().sides.push_back({});
            current_table().sides.back().key = head.key;
            current_table().sides.back().header = head.text;
            in_foot_ = false;
            also_ = nullptr;
        } else if (keyword == "column") {
            column(parse<st::ColumnDecl>(rest, grammar::column, "column"));
        } else if (keyword == "line") {
            line(parse<st::LineDecl>(rest, grammar::line, "line"));
        } else if (keyword == "blank") {
            parse_nothing(rest, "blank");
            Line blank;
            blank.blank = true;
            add_line(std::move(blank));
        } else if (keyword == "foot") {
            parse_nothing(rest, "foot");
            current_side();
            in_foot_ = true;
        } else if (keyword == "block") {
            block(parse<st::KeyText>(rest, grammar::block, "block"));
        } else if (keyword == "text") {
            const auto head = parse<st::KeyText>(rest, grammar::key_text, "text head");
            layout_.texts.push_back({head.key, head.text, {}, {}, {}, {}});
            place_ = Place::Text;
            also_ = &layout_.texts.back().also;
        } else if (keyword == "heading" || keyword == "para") {
            TextItem item;
            item.kind = keyword == "heading" ? TextItem::Kind::Heading : TextItem::Kind::Paragraph;
            item.text = parse<std::string>(rest, grammar::quoted, keyword.c_str());
            try {
                item.segments = expr::parse_template(item.text);
            } catch (const expr::SyntaxError& error) {
                fail(error.what());
            }
            current_text().items.push_back(std::move(item));
        } else if (keyword == "chart") {
            auto chart = parse<st::ChartDecl>(rest, grammar::chart, "chart");
            TextItem item;
            item.kind = TextItem::Kind::Chart;
            item.text = chart.title;
            item.series = std::move(chart.series);
            current_text().items.push_back(std::move(item));
        } else if (keyword == "list") {
            auto list = parse<st::ListDecl>(rest, grammar::list, "list");
            TextItem item;
            item.kind = TextItem::Kind::List;
            item.text = list.key;
            item.headers = std::move(list.headers);
            current_text().items.push_back(std::move(item));
        } else if (keyword == "forms") {
            const auto head = parse<st::KeyText>(rest, grammar::key_text, "forms head");
            layout_.forms.push_back({head.key, head.text, {}, {}});
            place_ = Place::Forms;
            also_ = nullptr;
        } else if (keyword == "per") {
            if (place_ != Place::Forms) {
                fail("\"per\" belongs to a forms section");
            }
            layout_.forms.back().per = parse<expr::Path>(rest, grammar::table_path, "per");
        } else {
            fail("unknown statement \"" + keyword + "\"");
        }
    }

    Table& current_table() {
        if (place_ != Place::Table) {
            fail("this statement belongs to a table");
        }
        return layout_.tables.back();
    }
    Side& current_side() {
        auto& table = current_table();
        if (table.sides.empty()) {
            fail("columns, lines and blocks belong to a side (\"side main\")");
        }
        return table.sides.back();
    }
    TextSheet& current_text() {
        if (place_ != Place::Text) {
            fail("this statement belongs to a text section");
        }
        return layout_.texts.back();
    }

    void sheet(std::string name) {
        if (std::ranges::find(layout_.sheet_order, name) != layout_.sheet_order.end()) {
            fail("the sheet \"" + name + "\" is declared twice");
        }
        switch (place_) {
            case Place::Cover: layout_.cover.sheet = name; break;
            case Place::Table: current_table().sheet = name; break;
            case Place::Text: current_text().sheet = name; break;
            case Place::Forms: layout_.forms.back().sheet = name; break;
            case Place::None: fail("\"sheet\" belongs to a cover, table, text or forms section");
        }
        layout_.sheet_order.push_back(std::move(name));
    }

    void field(const std::string& keyword, const st::FieldDecl& declared) {
        Field field{declared.key, declared.label, declared.kind != "text"};
        if (keyword == "field" && place_ == Place::Cover) {
            layout_.cover.fields.push_back(std::move(field));
        } else if (keyword == "input" && place_ == Place::Text) {
            current_text().inputs.push_back(std::move(field));
        } else {
            fail("\"field\" belongs to the cover, \"input\" to a text section");
        }
    }

    void column(const st::ColumnDecl& declared) {
        auto& side = current_side();
        if (side.column(declared.key) != nullptr) {
            fail("the column \"" + declared.key + "\" is declared twice");
        }
        static constexpr std::pair<std::string_view, ColumnKind> kinds[] = {
            {"code", ColumnKind::Code}, {"name", ColumnKind::Name},     {"label", ColumnKind::Label},
            {"text", ColumnKind::Text}, {"amount", ColumnKind::Amount},
        };
        const auto kind =
            std::ranges::find(kinds, std::string_view(declared.kind), &std::pair<std::string_view, ColumnKind>::first);
        side.columns.push_back(
            {declared.key, declared.header, {}, declared.group, kind->second, declared.optional, declared.formula});
        also_ = &side.columns.back().also;
    }

    void add_line(Line line) {
        auto& side = current_side();
        if (!line.blank && current_table().line(line.key)) {
            fail("the line \"" + line.key + "\" is declared twice in " + current_table().id);
        }
        auto& lines = in_foot_ || side.block ? side.foot : side.head;
        lines.push_back(std::move(line));
        also_ = lines.back().blank ? nullptr : &lines.back().also;
    }

    void line(st::LineDecl declared) {
        Line line;
        line.key = std::move(declared.key);
        line.label = std::move(declared.label);
        line.code = std::move(declared.code);
        line.at = std::move(declared.at);
        if (declared.sum) {
            line.sum_first = declared.sum->first;
            line.sum_last = declared.sum->last;
        }
        line.values = std::move(declared.values);
        add_line(std::move(line));
    }

    void block(const st::KeyText& declared) {
        auto& side = current_side();
        if (side.block) {
            fail("a side has at most one block");
        }
        static constexpr std::pair<std::string_view, BlockKind> kinds[] = {
            {"functional", BlockKind::Functional},
            {"economic", BlockKind::Economic},
            {"revenue", BlockKind::Revenue},
            {"any", BlockKind::Any},
            {"rows", BlockKind::Rows},
        };
        const auto kind =
            std::ranges::find(kinds, std::string_view(declared.text), &std::pair<std::string_view, BlockKind>::first);
        side.block = Block{declared.key, kind->second};
    }

    Text text_;
    std::size_t line_number_ = 0;
    enum class Place : std::uint8_t { None, Cover, Table, Text, Forms } place_ = Place::None;
    bool in_foot_ = false;
    std::vector<std::string>* also_ = nullptr;  // where an "also" statement adds its alternatives
    Layout layout_;
};

}  // namespace

Layout parse_layout(std::string_view text) {
    return Reader(text).read();
}

}  // namespace bd::layout
