// Layout definitions: one text file per table set (templates/layouts/*.layout) declares every
// table of a disclosure — title, number, sheet, columns with keys, fixed lines with keys, open
// blocks of coded or named rows, which cells are input and which are computed — and the cover,
// the narrative and the performance forms. The same definition drives the template builder,
// the validator's locating of tables, rows and columns, and the docs. templates/README.md
// describes the language.
#pragma once

#include "bd/expression.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bd::layout {

enum class ColumnKind : std::uint8_t {
    Code,    // the block's classification code (科目编码)
    Name,    // the code's name (科目名称), or a row's name in a named block
    Label,   // the label of fixed lines (项目)
    Text,    // other text (政府预算支出经济科目名称)
    Amount,  // an amount in the layout's unit
};

enum class BlockKind : std::uint8_t {
    Functional,  // 支出功能分类 codes: 类 3, 款 5, 项 7 digits
    Economic,    // 部门预算支出经济分类 codes: 类 3, 款 5 digits
    Revenue,     // 收入分类 codes
    Any,         // codes of any scheme (a table of no known set)
    Rows,        // rows keyed by their label (projects, units)
};

struct Column {
    std::string key;
    std::string header;             // may hold {year}; "*" (amount columns): every further column of amounts
    std::vector<std::string> also;  // other headers documents give it ("功能分类科目名称" for 科目名称)
    std::string group;              // the header above it, shared by neighbouring columns ("本年收入"), or empty
    ColumnKind kind = ColumnKind::Amount;
    bool optional = false;              // editions of the set may leave it out (not a finding)
    std::optional<expr::Expr> formula;  // the column identity every row follows unless it says otherwise
    [[nodiscard]] bool every() const { return header == "*"; }
};

struct Assignment {
    std::string column;
    expr::Expr value;
};

struct Line {
    std::string key;
    std::string label;               // may hold {unit}
    std::vector<std::string> also;   // other labels documents give it ("一般公共预算资金")
    std::string code;                // the classification code the line stands for (table 1's class lines)
    std::string at;                  // the column holding the label; empty: the side's first text column
    std::string sum_first;           // "sum a..b": each amount column sums lines a..b;
    std::string sum_last;            //   "sum block": sum_first is the block, sum_last empty
    std::vector<Assignment> values;  // computed columns
    bool blank = false;              // an empty row that only aligns the sides
    [[nodiscard]] bool is_sum() const { return !sum_first.empty(); }
};

struct Block {
    std::string key;
    BlockKind kind = BlockKind::Rows;
};

/// The first digit of the codes of a kind of block ("2" functional, "3" economic, "1" revenue;
/// "" for any scheme or named rows).
std::string_view code_prefix(BlockKind kind);

/// A table is one or more sides next to each other (income | expenditure): each side has its
/// columns, head lines, an optional open block and foot lines aligned at the bottom.
struct Side {
    std::string key;
    std::string header;  // the side's caption above its columns, or empty
    std::vector<Column> columns;
    std::vector<Line> head;
    std::optional<Block> block;
    std::vector<Line> foot;

    [[nodiscard]] const Column* column(std::string_view key) const;
    [[nodiscard]] const Column* first_column(ColumnKind kind) const;
};

struct Table {
    std::string id;                           // T1 …
    std::string title;                        // "{year}年预算收支总表"
    std::vector<std::string> also;            // other titles of the same table ("财务收支预算总表")
    std::string unit;                         // the unit its figures are in when it states none; empty: the set's
    bool anywhere = false;                    // found by its columns on any sheet, as often as it occurs (no title)
    std::string number;                       // "预算公开表1"
    std::string sheet;                        // the sheet's name in the template
    std::optional<expr::Expr> note_if_empty;  // writes 注：本表无数据 when this is zero
    bool numbered = false;                    // a row of column numbers 1 2 3 … under the header
    std::vector<Side> sides;

    struct LineAt {
        const Side* side;
        const Line* line;
    };
    [[nodiscard]] std::optional<LineAt> line(std::string_view key) const;
    [[nodiscard]] const Side* block_side(std::string_view key) const;
    [[nodiscard]] const Side* side(std::string_view key) const;
};

struct Field {
    std::string key;
    std::string label;
    bool is_number = false;
};

struct Cover {
    std::string title;
    std::string sheet;
    std::vector<Field> fields;
};

/// A narrative or other text sheet: headings and paragraphs whose {expressions} quote the tables.
struct TextItem {
    enum class Kind : std::uint8_t { Heading, Paragraph, Chart, List };
    Kind kind = Kind::Paragraph;
    std::string text;                     // heading or paragraph text; chart title; list key
    std::vector<expr::Segment> segments;  // the paragraph parsed
    std::vector<expr::Expr> series;       // chart: the amounts (lines or a line range)
    std::vector<std::string> headers;     // list: column headers
};

struct TextSheet {
    std::string id;
    std::string title;
    std::vector<std::string> also;  // other titles (情况说明, 部门预算编制说明 …)
    std::string sheet;
    std::vector<Field> inputs;  // figures and texts no table holds, entered beside the text
    std::vector<TextItem> items;
};

/// One performance form (绩效目标申报表) per row of a block.
struct Forms {
    std::string id;
    std::string title;
    std::string sheet;
    expr::Path per;  // T12:projects
};

struct Layout {
    std::string id;
    int version = 0;
    std::string title_zh;
    std::string title_en;
    std::string unit = "万元";
    int decimals = 2;
    Cover cover;
    std::vector<Table> tables;
    std::vector<TextSheet> texts;
    std::vector<Forms> forms;
    std::vector<std::string> sheet_order;  // the sheets' names in the order of the definition

    [[nodiscard]] const Table* table(std::string_view id) const;
    [[nodiscard]] const TextSheet* text(std::string_view id) const;
};

struct LayoutError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parses a layout definition and checks that every name it uses exists; the error names the
/// line ("line 42: unknown column 'gbp' in T3").
Layout parse_layout(std::string_view text);

/// What an expression names that the layout does not declare ("" when it names nothing unknown):
/// for a rule pack's checks, in the scope of a table's side (a rule's `each`) or of the layout;
/// `captures` lets n1, n2 … name a fact's figures.
std::string unknown_names(const Layout& layout, const expr::Expr& expression, const Table* table = nullptr,
                          const Side* side = nullptr, bool captures = false);

/// The layouts shipped with the product (templates/layouts/*.layout, compiled in).
const std::vector<Layout>& bundled_layouts();
const Layout* find_layout(std::string_view id);

}  // namespace bd::layout
