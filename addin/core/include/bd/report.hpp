// The report model: every rule instance ends in one outcome. The report sheet in Calc and the
// marks at the cells, the CLI's text, its JSON and its HTML page are all made from this.
#pragma once

#include "bd/function_specs.hpp"
#include "bd/json.hpp"
#include "bd/recognition.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace bd {

enum class Severity : std::uint8_t { Error, Warning, Info };
enum class Status : std::uint8_t { Pass, Fail, NotApplicable, NotEvaluated };

std::string_view to_string(Severity severity);  // "error", "warning", "info"
std::string_view to_string(Status status);      // "pass", "fail", "not-applicable", "not-evaluated"
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Status> parse_status(std::string_view text);

/// A cell that took part in a check: zero-based row and column on a named sheet. A finding may
/// involve cells on several sheets (a cross-table rule).
struct CellRef {
    std::string sheet;
    std::size_t row = 0;
    std::size_t col = 0;

    /// "C7": the address on its sheet.
    [[nodiscard]] std::string address() const;
    /// "表3 支出总表!C7": how reports show a cell.
    [[nodiscard]] std::string display() const;
    /// "$'表3 支出总表'.$C$7": an absolute reference in Calc's own A1 syntax, as formulas, the
    /// Name Box and hyperlink targets read it (the sheet name quoted when needed).
    [[nodiscard]] std::string a1() const;

    friend bool operator==(const CellRef&, const CellRef&) = default;
};

/// A sheet name as Calc's references write it: as is if it is a plain ASCII word (Sheet1,
/// Table_3), else in single quotes with any quote doubled ('表3', 'It''s'). Calc would leave
/// some more names unquoted; quoting them is never wrong.
std::string quoted_sheet_name(std::string_view name);

/// The cells grouped by sheet in order of first appearance: "表3!C10,C11,C13; 表1!C7".
std::string display_cells(const std::vector<CellRef>& cells);

/// The absolute Calc reference of the smallest range covering the cells that lie on the first
/// cell's sheet ("$'表3'.$C$10:$C$13"; one cell: "$'表3'.$C$10"); "" for no cells.
std::string covering_range_a1(const std::vector<CellRef>& cells);

struct Outcome {
    std::string rule_id;
    Severity severity = Severity::Error;
    Status status = Status::Pass;
    std::string table;           // the table's title or id, e.g. 2023年预算支出总表
    std::vector<CellRef> cells;  // the cells that took part, the checked one first
    std::string expected;
    std::string actual;
    std::string difference;
    LocalizedText message;
    LocalizedText fix;  // how to fix it (empty for a pass)
    /// The rule instances this outcome stands for: more than 1 for the outcomes of one rule and
    /// status beyond the most a validation lists one by one, folded into one.
    std::size_t count = 1;

    /// A finding is what a user must look at: anything but a pass.
    [[nodiscard]] bool is_finding() const { return status != Status::Pass; }
};

struct Summary {
    int checks = 0;
    int passed = 0;
    int errors = 0;    // failed, severity error
    int warnings = 0;  // failed, severity warning
    int infos = 0;     // failed, severity info
    int not_applicable = 0;
    int not_evaluated = 0;
};

Summary summarize(const std::vector<Outcome>& outcomes);

/// The most outcomes of one rule, status and severity a validation lists one by one; the rest are
/// folded into one outcome with their count, so that a workbook of 300,000 rows stays readable
/// (and its report and its transfer out of the office stay bounded).
inline constexpr std::size_t most_outcomes_listed = 2000;

/// Outcomes as the rules add them, bounded as they come: of each rule, status and severity the
/// first `most` are kept as they are, in order; the rest are counted into one outcome, at the end,
/// that says how many more there are. The outcome added last stays open to amendment (a rule may
/// refine its status) until the next is added.
class OutcomeList {
public:
    explicit OutcomeList(std::size_t most = most_outcomes_listed) : most_(most) {}
    void add(Outcome outcome);
    /// The outcome added last (one was).
    Outcome& last() { return *last_; }
    /// How many outcomes were added, folded ones included.
    [[nodiscard]] std::size_t added() const { return added_; }
    /// The outcomes kept, then one per folded rule and status; the list is empty after.
    std::vector<Outcome> take();

private:
    using Key = std::tuple<std::string, Status, Severity>;
    void settle();  // the last outcome: kept, or counted into its fold

    std::size_t most_;
    std::size_t added_ = 0;
    std::vector<Outcome> kept_;
    std::optional<Outcome> last_;
    std::map<Key, std::size_t> listed_;
    std::map<Key, Outcome> folded_;  // the first folded of each, counting the others
    std::vector<Key> folded_order_;
};

/// Findings that follow from one cause. The root is the finding nearest the input cells that
/// explain the group (the 项 row that differs, in the table whose cell was typed); follows are the
/// findings the same difference causes elsewhere (its 款, 类 and 合计, other tables' checks);
/// mirrors are the same relationship checked from the other side, reported once. Indices into
/// Validation::outcomes. The cause is the input cells that explain the group, where the marks go;
/// empty when no input cell does (the root's own cells are marked).
struct FindingGroup {
    std::size_t root = 0;
    std::vector<std::size_t> follows;
    std::vector<std::size_t> mirrors;
    std::vector<CellRef> cause;

    friend bool operator==(const FindingGroup&, const FindingGroup&) = default;
};

/// A workbook's validation: what was recognized in it, then every rule instance's outcome, and
/// the findings grouped by cause.
struct Validation {
    Recognition recognition;
    std::vector<Outcome> outcomes;
    /// Every finding in exactly one group, in reading order (errors first); empty: each finding
    /// stands alone.
    std::vector<FindingGroup> groups = {};

    /// A disclosure of a known set in which at least one check could run (passed or failed): what
    /// the checks say means something. Anything else is reported as not recognized.
    [[nodiscard]] bool understood() const;
};

/// The validation as it leaves the office for a client (XValidator.validate, the CLI): every
/// finding as it is, the passes of each rule folded into one outcome with their count (at the
/// first one's place), the groups' indices following. Summaries count the same; what is left out
/// is only the passes' cells and values, which no report shows.
Validation with_passes_folded(Validation validation);

/// The groups of a validation; one per finding when it has none.
std::vector<FindingGroup> groups_of(const Validation& validation);

/// Groups in reading order of importance, by the most important finding each holds (errors,
/// warnings, infos, could-not-evaluate, not applicable), otherwise as they were.
void sort_for_reading(std::vector<FindingGroup>& groups, const std::vector<Outcome>& outcomes);

/// What a validation means for a caller that must sum it up in one number (the CLI's exit status).
/// Several workbooks: the worst wins, and could-not-run is worse than not-recognized, which is
/// worse than errors.
enum class Verdict : std::uint8_t { Clean = 0, Errors = 1, CouldNotRun = 2, NotRecognized = 3 };
Verdict verdict_of(const Validation& validation);
Verdict worst(Verdict a, Verdict b);

/// The name of the report sheet that the menu command writes (and replaces on a rerun).
std::string_view report_sheet_name();

/// The report sheet's content, readable on one screen at 100 % zoom on a 1366-pixel-wide display.
/// First the title and the recognition block (what the workbook was recognized as, a line per table
/// of the set with where it was found — folded under the heading when every table was found — and,
/// when the workbook is not understood, why and what to do), then the summary line and a count by
/// kind (errors, warnings … passed, with the causes they come to), the instruction, and the
/// findings' table: the column header and a row per group of findings with one cause (its root, the
/// cause's cells linked), the findings that follow from it folded one outline level below with a
/// line under them that says what they are, findings of one rule with the same cause made one row;
/// columns id, severity, table, cells, expected, actual, difference, message, how to fix (or,
/// without findings, a line that says so). A row outside the tables is a single text in the first
/// column; the instruction, explanations and notes span the table's width, wrapped. The UNO shell
/// writes the rows, then the numbers, links, widths and styles.
struct ReportSheet {
    struct Link {
        std::size_t row = 0;
        std::size_t col = 0;
        std::string text;    // what the cell shows
        std::string target;  // hyperlink_target()
    };
    /// A cell written as a number, in a number format with its decimals and unit (0.00" 万元"); the
    /// row's text is what it shows without the unit.
    struct Number {
        std::size_t row = 0;
        std::size_t col = 0;
        double value = 0;
        std::string format;

        friend bool operator==(const Number&, const Number&) = default;
    };
    std::vector<std::vector<std::string>> rows;
    std::vector<Link> links;
    std::vector<Number> numbers;
    std::vector<std::size_t> bold_rows;    // the title, the recognition's heading, the tables' column headers
    std::vector<std::size_t> header_rows;  // the tables' column headers (shaded)
    std::vector<std::size_t> merged_rows;  // a text spanning the findings' columns, wrapped
    /// Folded one outline level below the row above them: the findings that follow from a root, the
    /// tables' lines when every table was found.
    std::vector<std::size_t> outlined_rows;
    std::vector<std::size_t> note_rows;  // under folded rows, beside the button that unfolds them: what they are
    std::vector<int> column_widths;      // of the findings' columns, in 1/100 mm; their text wraps
    std::size_t header_row = 0;          // the findings' table: from its column header …
    std::size_t table_end = 0;           // … to this row (exclusive)
};

ReportSheet report_sheet(const Validation& validation, Language language);

/// The URL of a hyperlink inside the document that selects a finding's cells when followed
/// (Ctrl+click): "#" and covering_range_a1(), with '%' written as %25 since Calc decodes the
/// mark. Calc's jump selects a single range (it reads no range list), hence the covering range
/// on the first cell's sheet; "" for no cells.
std::string hyperlink_target(const std::vector<CellRef>& cells);

/// The first line of every mark the menu command leaves at the cells of a finding (a comment); it
/// tells our marks from a user's own comments, in every UI language.
std::string_view mark_prefix();

/// A mark: the comment text for one cell, mark_prefix() on the first line, then for each group of
/// findings whose cause the cell is its root's kind, rule and message, a line on how to fix it, and
/// the findings that follow from it.
struct CellMark {
    CellRef cell;
    std::string text;
};

/// The most cells the findings of one rule mark: a comment costs Calc about 2 ms, and a thousand of
/// them tell a user no more than the report sheet's list.
inline constexpr std::size_t most_marks_per_rule = 100;

/// One mark per cell that causes a group of findings (its cause; a group without one: its root's
/// cells), cells in order of the report's groups. Findings that follow from a cause mark nothing.
/// A rule marks at most most_marks_per_rule cells; its last mark then says how many more it has.
std::vector<CellMark> cell_marks(const Validation& validation, Language language);

/// A readable plain-text report of one workbook: "== title ==", the recognition block (识别为：… with a
/// line per table of the set, or 未识别为预算公开文件 with the verdict), the summary line, then one
/// line per finding, errors first.
std::string format_text(std::string_view title, const Validation& validation, Language language);

/// Writes {"recognition": {...}, "summary": {...}, "outcomes": [...]} fields into the current JSON
/// object. The recognition: set, set_title_zh/_en, recognized, understood, verdict_zh/_en and
/// tables [{id, title, found, sheet, range, found_as, unit, missing [], candidates []}]. A cell is
/// {"sheet": "表3", "cell": "C7"}; texts in both languages: message_zh/_en, fix_zh/_en.
void write_json(JsonWriter& json, const Validation& validation);

/// Text escaped for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);

/// One workbook's part of the HTML report; `failure` says why it could not be validated.
struct WorkbookReport {
    std::string title;  // the file
    Validation validation;
    std::optional<std::string> failure;
};

/// A self-contained HTML page (UTF-8, inline style, no script, nothing external): a section per
/// workbook with its recognition block, its summary and a table of its findings, one row each,
/// errors first, with the report sheet's columns and the severity in colour.
std::string format_html(const std::vector<WorkbookReport>& workbooks, Language language);

}  // namespace bd
