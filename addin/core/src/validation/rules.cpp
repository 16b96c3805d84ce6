#include "bd/rules.hpp"

#include "narrative_text.hpp"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <regex>

namespace bd::rules::statement {

struct Head {
    std::string id;
    std::string severity;
};
struct Texts {
    std::string zh;
    std::string en;
};
struct PackHead {
    std::string id;
    int version = 0;
};
struct EachDecl {
    std::string table;
    std::string side;
    std::string rows;
    std::string coded;
};
struct FormsDecl {
    std::string aspect;
    expr::Path projects;
};

}  // namespace bd::rules::statement

namespace rst = bd::rules::statement;
BOOST_FUSION_ADAPT_STRUCT(rst::Head, id, severity)
BOOST_FUSION_ADAPT_STRUCT(rst::Texts, zh, en)
BOOST_FUSION_ADAPT_STRUCT(rst::PackHead, id, version)
BOOST_FUSION_ADAPT_STRUCT(rst::EachDecl, table, side, rows, coded)
BOOST_FUSION_ADAPT_STRUCT(rst::FormsDecl, aspect, projects)

namespace bd::data {
struct TextSource {
    const char* name;
    const char* text;
};
extern const TextSource rule_sources[];
extern const unsigned long rule_source_count;
}  // namespace bd::data

namespace bd::rules {

namespace {

namespace x3 = boost::spirit::x3;

namespace grammar {

using x3::attr;
using x3::char_;
using x3::lexeme;
using x3::lit;

const auto blank = lit(' ') | lit('\t');
const auto word_char = char_('a', 'z') | char_('A', 'Z') | char_('0', '9') | char_('_') | char_('-') | char_('.');
const x3::rule<class word_tag, std::string> word = "word";
const auto word_def = lexeme[+word_char];
const x3::rule<class quoted_tag, std::string> quoted = "quoted text";
const auto quoted_def = lexeme['"' >> *(char_ - '"') >> '"'];
BOOST_SPIRIT_DEFINE(word, quoted)

auto keyword(const char* text) {
    return lexeme[lit(text) >> !word_char];
}

const auto head = x3::rule<class head_tag, rst::Head>{} =
    word >> lexeme[(x3::string("error") | x3::string("warning") | x3::string("info")) >> !word_char];
const auto texts = x3::rule<class texts_tag, rst::Texts>{} = quoted >> quoted;
const auto pack_head = x3::rule<class pack_tag, rst::PackHead>{} = word >> keyword("version") >> x3::int_;
const auto each = x3::rule<class each_tag, rst::EachDecl>{} =
    word >> word >> lexeme[(x3::string("all") | x3::string("lines") | x3::string("rows")) >> !word_char] >>
    (lexeme[x3::string("coded") >> !word_char] | attr(std::string()));
const auto table_path = x3::rule<class table_path_tag, expr::Path>{} = lexeme[+(char_ - ':' - ' ')] >> ':' >>
                                                                       lexeme[+word_char] >> attr(std::string()) >>
                                                                       attr(std::string());
const auto forms = x3::rule<class forms_tag, rst::FormsDecl>{} =
    lexeme[(x3::string("exists") | x3::string("annual-total") | x3::string("sources") | x3::string("indicators") |
            x3::string("plausible") | x3::string("text")) >>
           !word_char] >>
    table_path;
const auto tables = x3::rule<class tables_tag, std::vector<std::string>>{} = +word;

}  // namespace grammar

class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    RulePack read() {
        std::size_t start = 0;
        while (start <= text_.size()) {
            const auto end = std::min(text_.find('\n', start), text_.size());
            ++line_;
            statement(text_.substr(start, end - start));
            start = end + 1;
        }
        if (pack_.id.empty() || pack_.layout.empty()) {
            throw RuleError("a rule pack starts with \"pack <id> version <n>\" and names its \"layout\"");
        }
        for (const auto& rule : pack_.rules) {
            check(rule);
        }
        return std::move(pack_);
    }

private:
    [[noreturn]] void fail(const std::string& message) const {
        throw RuleError("line " + std::to_string(line_) + ": " + message);
    }

    template <typename T, typename Parser>
    T parse(std::string_view rest, const Parser& parser, const char* what) const {
        T value{};
        auto first = rest.begin();
        if (!x3::phrase_parse(first, rest.end(), parser >> x3::eoi, grammar::blank, value)) {
            fail(std::string("cannot read this ") + what + ": \"" + std::string(rest) + "\"");
        }
        return value;
    }

    Comparison comparison(std::string_view rest) const {
        // lhs (= | <= | >=) rhs: both sides are expressions of bd::expr.
        for (const auto& [text, op] :
             {std::pair{"<=", Op::LessEqual}, std::pair{">=", Op::GreaterEqual}, std::pair{"=", Op::Equal}}) {
            const auto at = rest.find(text);
            if (at == std::string_view::npos) {
                continue;
            }
            try {
                return {expr::parse(trimmed(rest.substr(0, at))), op,
                        expr::parse(trimmed(rest.substr(at + std::string_view(text).size())))};
            } catch (const expr::SyntaxError& error) {
                fail(error.what());
            }
        }
        fail("a comparison needs =, <= or >=: \"" + std::string(rest) + "\"");
    }

    static std::string_view trimmed(std::string_view text) {
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
            text.remove_suffix(1);
        }
        return text;
    }

    Rule& rule() {
        if (pack_.rules.empty()) {
            fail("this statement belongs to a rule");
        }
        return pack_.rules.back();
    }

    void set_kind(Kind kind) {
        if (kind_set_) {
            fail(
                "a rule has one kind (check, hierarchy, arranged, codes, names, lines, empty-note, forms, fact, "
                "year-on-year, "
                "items, "
                "shares, parts, unresolved)");
        }
        rule().kind = kind;
        kind_set_ = true;
    }

    void statement(std::string_view raw) {
        const auto line = trimmed(raw);
        if (line.empty() || line.front() == '#') {
            return;
        }
        const auto space = line.find_first_of(" \t");
        const std::string keyword(line.substr(0, space));
        const auto rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
        if (keyword == "pack") {
            const auto head = parse<rst::PackHead>(rest, grammar::pack_head, "pack head");
            pack_.id = head.id;
            pack_.version = head.version;
        } else if (keyword == "layout") {
            pack_.layout = parse<std::string>(rest, grammar::word, "layout");
        } else if (keyword == "rule") {
            const auto head = parse<rst::Head>(rest, grammar::head, "rule head");
            if (std::ranges::find(pack_.rules, head.id, &Rule::id) != pack_.rules.end()) {
                fail("the rule id " + head.id + " is used twice");
            }
            Rule rule;
            rule.id = head.id;
            rule.severity = *parse_severity(head.severity);
            pack_.rules.push_back(std::move(rule));
            kind_set_ = false;
        } else if (keyword == "message" || keyword == "fix") {
            const auto texts = parse<rst::Texts>(rest, grammar::texts, keyword.c_str());
            (keyword == "message" ? rule().message : rule().fix) = LocalizedText{texts.en, texts.zh};
        } else if (keyword == "when") {
            rule().when = comparison(rest);
        } else if (keyword == "each") {
            const auto each = parse<rst::EachDecl>(rest, grammar::each, "each");
            rule().each = Each{each.table, each.side,
                               each.rows == "all"     ? Each::Rows::All
                               : each.rows == "lines" ? Each::Rows::Lines
                                                      : Each::Rows::Block,
                               !each.coded.empty()};
        } else if (keyword == "check") {
            if (!kind_set_) {
                set_kind(Kind::Check);
            } else if (rule().kind != Kind::Check && rule().kind != Kind::Fact) {
                fail("\"check\" belongs to a check or fact rule");
            }
            rule().checks.push_back(comparison(rest));
        } else if (keyword == "hierarchy" || keyword == "arranged" || keyword == "codes" || keyword == "names" ||
                   keyword == "lines" || keyword == "empty-note") {
            set_kind(keyword == "hierarchy"  ? Kind::Hierarchy
                     : keyword == "arranged" ? Kind::Arranged
                     : keyword == "codes"    ? Kind::Codes
                     : keyword == "names"    ? Kind::Names
                     : keyword == "lines"    ? Kind::Lines
                                             : Kind::EmptyNote);
            rule().tables = parse<std::vector<std::string>>(rest, grammar::tables, keyword.c_str());
        } else if (keyword == "forms") {
            set_kind(Kind::Forms);
            const auto forms = parse<rst::FormsDecl>(rest, grammar::forms, "forms");
            static const std::pair<std::string_view, FormAspect> aspects[] = {
                {"exists", FormAspect::Exists},       {"annual-total", FormAspect::AnnualTotal},
                {"sources", FormAspect::Sources},     {"indicators", FormAspect::Indicators},
                {"plausible", FormAspect::Plausible}, {"text", FormAspect::Text},
            };
            rule().form_aspect = std::ranges::find(aspects, std::string_view(forms.aspect),
                                                   &std::pair<std::string_view, FormAspect>::first)
                                     ->second;
            rule().block = forms.projects;
        } else if (keyword == "fact") {
            set_kind(Kind::Fact);
            rule().pattern = parse<std::string>(rest, grammar::quoted, "fact pattern");
            try {
                engine::Pattern{rule().pattern};
            } catch (const std::regex_error& error) {
                fail("the fact's pattern is no regular expression: " + std::string(error.what()));
            }
        } else if (keyword == "items") {
            set_kind(Kind::Items);
            // items T5:codes.total [in "一般公共预算支出情况说明"]
            auto path_text = std::string(rest);
            if (const auto in = path_text.find(" in "); in != std::string::npos) {
                rule().section = parse<std::string>(path_text.substr(in + 4), grammar::quoted, "section");
                path_text.resize(in);
            }
            try {
                const auto parsed = expr::parse(path_text);
                const auto* path = boost::get<expr::Path>(&parsed);
                if (path == nullptr || path->table.empty() || path->member.empty()) {
                    fail("\"items\" names a block's column: items T5:codes.total");
                }
                rule().block = *path;
            } catch (const expr::SyntaxError& error) {
                fail(error.what());
            }
        } else if (keyword == "year-on-year" || keyword == "shares" || keyword == "parts" || keyword == "unresolved" ||
                   keyword == "prior-year") {
            parse<std::string>(rest, x3::attr(std::string()), keyword.c_str());
            set_kind(keyword == "year-on-year" ? Kind::YearOnYear
                     : keyword == "shares"     ? Kind::Shares
                     : keyword == "parts"      ? Kind::Parts
                     : keyword == "prior-year" ? Kind::PriorYear
                                               : Kind::Unresolved);
        } else {
            fail("unknown statement \"" + keyword + "\"");
        }
    }

    void check(const Rule& rule) const {
        if (rule.message.zh.empty()) {
            throw RuleError("rule " + rule.id + " has no message");
        }
        if (rule.kind == Kind::Check && rule.checks.empty()) {
            throw RuleError("rule " + rule.id + " checks nothing");
        }
    }

    std::string_view text_;
    std::size_t line_ = 0;
    bool kind_set_ = false;
    RulePack pack_;
};

}  // namespace

RulePack parse_rule_pack(std::string_view text) {
    return Reader(text).read();
}

std::vector<std::string> problems_against(const RulePack& pack, const layout::Layout& layout) {
    std::vector<std::string> problems;
    const auto note = [&](const Rule& rule, const std::string& problem) {
        if (!problem.empty()) {
            problems.push_back(rule.id + ": " + problem);
        }
    };
    const auto table_of = [&](const Rule& rule, const std::string& id) {
        const auto* table = layout.table(id);
        if (table == nullptr) {
            note(rule, "unknown table \"" + id + "\"");
        }
        return table;
    };
    for (const auto& rule : pack.rules) {
        const layout::Table* table = nullptr;
        const layout::Side* side = nullptr;
        if (rule.each) {
            table = table_of(rule, rule.each->table);
            side = table != nullptr ? table->side(rule.each->side) : nullptr;
            if (table != nullptr && side == nullptr) {
                note(rule, "no side \"" + rule.each->side + "\" in " + table->id);
            }
        }
        const bool captures = rule.kind == Kind::Fact;
        for (const auto* comparison : {rule.when ? &*rule.when : nullptr}) {
            if (comparison != nullptr) {
                note(rule,
                     layout::unknown_names(layout, comparison->lhs) + layout::unknown_names(layout, comparison->rhs));
            }
        }
        for (const auto& comparison : rule.checks) {
            note(rule, layout::unknown_names(layout, comparison.lhs, table, side, captures));
            note(rule, layout::unknown_names(layout, comparison.rhs, table, side, captures));
        }
        for (const auto& id : rule.tables) {
            table_of(rule, id);
        }
        if (rule.kind == Kind::Items) {
            const auto* table = table_of(rule, rule.block.table);
            const auto* side = table != nullptr ? table->block_side(rule.block.first) : nullptr;
            side = side != nullptr || table == nullptr ? side : table->side(rule.block.first);
            if (table != nullptr && (side == nullptr || side->column(rule.block.member) == nullptr)) {
                note(rule, "no block column \"" + rule.block.first + "." + rule.block.member + "\" in " + table->id);
            }
        }
        if (rule.kind == Kind::Forms) {
            const auto* projects = table_of(rule, rule.block.table);
            if (projects != nullptr && projects->block_side(rule.block.first) == nullptr) {
                note(rule, "no block \"" + rule.block.first + "\" in " + projects->id);
            }
        }
    }
    return problems;
}

const std::vector<RulePack>& bundled_rule_packs() {
    static const std::vector<RulePack> packs = [] {
        std::vector<RulePack> all;
        for (unsigned long i = 0; i < data::rule_source_count; ++i) {
            all.push_back(parse_rule_pack(data::rule_sources[i].text));
        }
        return all;
    }();
    return packs;
}

const RulePack* rule_pack_for_layout(std::string_view layout_id) {
    const auto& packs = bundled_rule_packs();
    const auto it = std::ranges::find(packs, layout_id, &RulePack::layout);
    return it == packs.end() ? nullptr : &*it;
}

}  // namespace bd::rules
