// Rule packs: the checks of a table set as data (templates/rules/*.rules), each with a stable
// id, a severity, a bilingual message and fix, an optional precondition, and one kind of check
// over the names of the set's layout — never over cell addresses. templates/README.md
// describes the language; bd/engine.hpp evaluates a pack.
#pragma once

#include "bd/comparison.hpp"
#include "bd/expression.hpp"
#include "bd/function_specs.hpp"
#include "bd/layout.hpp"
#include "bd/report.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bd::rules {

using Op = Relation;  // = <= >=

struct Comparison {
    expr::Expr lhs;
    Op op = Op::Equal;
    expr::Expr rhs;
};

/// "each T3 main all": the rule's checks run once per row of a side.
struct Each {
    enum class Rows : std::uint8_t { All, Lines, Block };
    std::string table;
    std::string side;
    Rows rows = Rows::All;
    bool coded_only = false;  // only lines that stand for a code (table 1's class lines)
};

enum class Kind : std::uint8_t {
    Check,       // comparisons (with `each`: per row)
    Hierarchy,   // 类 = Σ款 = Σ项, 合计 = Σ类 in every coded block of the tables
    Arranged,    // coded rows in code order, each under its 类 and 款 (as 整理科目行 leaves them)
    Codes,       // codes in the year's classification, names matching them
    Names,       // the same code with the same name in every table
    Lines,       // every row with amounts is a row the layout knows; class lines named as the year names them
    EmptyNote,   // a table without data says so (本表无数据), and a table that says so has none
    Forms,       // the performance forms (one aspect per rule, see FormAspect)
    Fact,        // a figure stated in the narrative (a pattern), checked against the tables
    YearOnYear,  // every change the narrative states agrees with itself (data/narrative.tsv)
    Items,       // item paragraphs: a 类/款/项's amount in its heading and its 预算安排 against a table
    Shares,      // parts of a whole with their shares (占…%): each share, and all of them 100 %
    Parts,       // a total and the parts its sentence lists
    Unresolved,  // every figure of the narrative no rule resolved, listed
    PriorYear,   // what the narrative says of last year's budget, against last year's document
};

enum class FormAspect : std::uint8_t { Exists, AnnualTotal, Sources, Indicators, Plausible, Text };

struct Rule {
    std::string id;
    Severity severity = Severity::Error;
    LocalizedText message;
    LocalizedText fix;
    std::optional<Comparison> when;  // not applicable unless this holds
    Kind kind = Kind::Check;
    std::optional<Each> each;
    std::vector<Comparison> checks;
    std::vector<std::string> tables;  // hierarchy, arranged, codes, names, lines, empty-note
    FormAspect form_aspect = FormAspect::Exists;
    expr::Path block;     // forms: the block of projects; items: the block and column of the amounts
    std::string pattern;  // fact: a regular expression over the narrative's normalized text
    std::string section;  // items: only the narrative's section whose heading holds this text
};

struct RulePack {
    std::string id;
    int version = 0;
    std::string layout;
    std::vector<Rule> rules;
};

struct RuleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parses a rule pack; the error names the line.
RulePack parse_rule_pack(std::string_view text);

/// What the pack names that its layout does not declare — tables, sides, lines, columns, blocks —
/// one line each ("T3.ROW-TOTAL: unknown column \"basik\" …"); empty when everything exists.
std::vector<std::string> problems_against(const RulePack& pack, const layout::Layout& layout);

/// The packs shipped with the product (templates/rules/*.rules, compiled in).
const std::vector<RulePack>& bundled_rule_packs();
const RulePack* rule_pack_for_layout(std::string_view layout_id);

}  // namespace bd::rules
