// The rule engine's working state, shared by the evaluators of the rule kinds (one file each):
// reading cells as exact amounts in 元, evaluating the rule language's expressions, and making
// outcomes. Private to the engine.
#pragma once

#include "bd/comparison.hpp"
#include "bd/engine.hpp"

#include <any>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace bd::engine {

/// An evaluated expression: a figure (an amount in 元, a percentage or a count), the cells it
/// read, and why it could not be evaluated, or that it names an optional column the table leaves
/// out.
struct Value {
    /// The most cells a value lists (a sum of 300,000 rows lists its first 10,000): each costs
    /// ~80 bytes in every outcome that names it.
    static constexpr std::size_t most_cells = 10'000;

    Figure figure;
    std::vector<CellRef> cells;    // at most most_cells
    LocalizedText problem;         // not empty: why it could not be evaluated
    bool absent = false;           // an optional column this edition of the table leaves out
    bool whole = false;            // a count: shown without decimals
    const Unit* unit = nullptr;    // an amount: the unit it is shown in; nullptr: a percentage or a count
    std::optional<Stated> stated;  // a figure quoted in a text, as it is written there

    /// Adds another value's cells, problem and absence (not its figure).
    void absorb(const Value& other);
    [[nodiscard]] bool has_problem() const { return !problem.en.empty(); }
};

Value problem(std::string why_zh, std::string why_en);

/// Where a rule instance evaluates: the row of an `each`, the figures a fact captured.
struct Scope {
    const LocatedTable* table = nullptr;
    const layout::Side* side = nullptr;
    std::optional<std::size_t> row;
    std::string code;
    const std::vector<Value>* captures = nullptr;  // a fact's figures n1, n2 …
};

/// The codes of a block in sorted order: a code's descendants follow it (O(log n) lookups).
class CodeIndex {
public:
    explicit CodeIndex(const std::vector<LocatedRow>& rows);
    /// The rows whose code extends `code`.
    [[nodiscard]] std::vector<const LocatedRow*> descendants(const std::string& code) const;
    [[nodiscard]] bool is_subtotal(const std::string& code) const;
    /// The first row of the code, if any.
    [[nodiscard]] const LocatedRow* row(const std::string& code) const;

private:
    using Entry = std::pair<std::string, const LocatedRow*>;
    std::vector<Entry> sorted_;
};

class Narrative;

class Context {
public:
    explicit Context(const EngineInput& input);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    /// The narrative's text and figures, read when a rule first asks.
    Narrative& narrative();
    /// The budget year the workbook's titles state.
    [[nodiscard]] std::optional<int> budget_year() const { return budget_year_; }

    // ---- last year's document ----
    /// Last year's document as a context of its own, if the user named one that can be read as
    /// last year's document of this set; else nullptr, and prior_problem() says why.
    [[nodiscard]] const Context* prior() const;
    /// Why last year's figures cannot be read: none named (empty), or what is wrong with it.
    [[nodiscard]] LocalizedText prior_problem() const;
    /// Records what the narrative's figure starting at (cell, begin) is: the figure of that
    /// expression (so that last year's document can be asked for the same).
    void remember(std::size_t cell, std::size_t begin, expr::Expr what);
    [[nodiscard]] const expr::Expr* referent(std::size_t cell, std::size_t begin) const;
    /// A change the narrative states against last year's budget, and the figure of last year it
    /// implies (this year's figure less the change).
    struct StatedPrior {
        std::size_t cell = 0;
        std::size_t current_begin = 0;  // where this year's figure is written
        Value prior;
        std::string quote;
    };
    void state_prior(StatedPrior stated) { stated_priors_.push_back(std::move(stated)); }
    [[nodiscard]] const std::vector<StatedPrior>& stated_priors() const { return stated_priors_; }

    // ---- the workbook ----
    [[nodiscard]] const EngineInput& input() const { return in_; }
    [[nodiscard]] const Grid& sheet_of(const LocatedTable& table) const { return in_.sheets[table.sheet]; }
    [[nodiscard]] CellRef ref(const LocatedTable& table, std::size_t row, std::size_t col) const;
    [[nodiscard]] const LocatedTable* table(const std::string& id) const { return in_.located.table(id); }
    /// A line's label for reports: as the table writes it, else the layout's (a label with fields,
    /// such as {unit}, only as written).
    [[nodiscard]] std::string line_label(const LocatedTable& table, const layout::Line& line) const;
    /// The table's title as written (for reports), else its id.
    [[nodiscard]] std::string title(const LocatedTable& table) const;
    /// A cell as an amount in 元 with the rounding of the table's unit.
    [[nodiscard]] Value cell(const LocatedTable& table, std::size_t row, std::size_t col) const;
    [[nodiscard]] const CodeIndex& code_index(const std::vector<LocatedRow>& rows) const;
    /// The rows of a block that count in a sum under a code prefix: all rows of a named block; the
    /// deepest rows of a coded one.
    [[nodiscard]] std::vector<const LocatedRow*> summed_rows(const LocatedTable& table, const layout::Side& side,
                                                             const std::string& prefix) const;
    /// Whether a side's sum lines (合计) show any amount.
    [[nodiscard]] bool block_has_amounts(const LocatedTable& located, const layout::Side& side) const;
    /// A value of this validation computed once, the first time it is asked for (one per type:
    /// the performance forms found, …).
    template <typename T, typename Make>
    [[nodiscard]] const T& once(Make make) const {
        auto& slot = once_[std::type_index(typeid(T))];
        if (!slot.has_value()) {
            slot = T(make());
        }
        return std::any_cast<const T&>(slot);
    }
    /// A cell's text as compared (NFKC, no numbering), computed once per cell.
    [[nodiscard]] const std::string& comparable_at(std::size_t sheet, std::size_t row, std::size_t col) const;

    // ---- expressions ----
    [[nodiscard]] Value evaluate(const expr::Expr& expression, const Scope& scope) const;

    // ---- outcomes ----
    [[nodiscard]] Outcome outcome(const rules::Rule& rule, Status status, std::string table_name,
                                  std::vector<CellRef> cells) const;
    static void add_context(Outcome& out, const std::string& zh, const std::string& en);
    void add(Outcome out) { outcomes_.add(std::move(out)); }
    void not_evaluated(const rules::Rule& rule, const LocalizedText& why);
    /// Compares two values and records the outcome (pass; a difference rounding can explain as a
    /// warning that says so; else the rule's severity).
    void compare(const rules::Rule& rule, const Value& lhs, rules::Op op, const Value& rhs,
                 const std::string& table_name, const std::string& context);
    void compare(const rules::Rule& rule, const rules::Comparison& comparison, const Scope& scope,
                 const std::string& table_name, const std::string& context);
    /// The number shown for a value, in its unit.
    [[nodiscard]] static std::string shown(const Decimal& amount, const Value& as);
    [[nodiscard]] std::size_t outcome_count() const { return outcomes_.added(); }
    /// The outcome added last (one exists).
    Outcome& last_outcome() { return outcomes_.last(); }
    std::vector<Outcome> take_outcomes() { return outcomes_.take(); }

    static LocalizedText missing_table(const std::string& id) {
        return {"table " + id + " not found", "未找到表 " + id};
    }

private:
    [[nodiscard]] Value path(const expr::Path& path, const Scope& scope) const;
    [[nodiscard]] Value call(const expr::Call& call, const Scope& scope) const;
    [[nodiscard]] Value block_sum(const LocatedTable& table, const layout::Side& side, const std::string& column,
                                  const std::string& prefix) const;
    [[nodiscard]] Value line_sum(const LocatedTable& table, const expr::Path& path) const;
    [[nodiscard]] Value column_absent(const LocatedTable& table, const std::string& side,
                                      const std::string& column) const;

    const EngineInput& in_;
    OutcomeList outcomes_;  // bounded as they come
    mutable std::map<const std::vector<LocatedRow>*, CodeIndex> code_indexes_;
    // Each cell's comparable text, shared by the cells of the same text (forms repeat their labels).
    mutable std::map<std::size_t, std::vector<const std::string*>> comparable_cache_;
    mutable std::unordered_map<std::string, std::string> comparable_texts_;
    mutable std::map<std::type_index, std::any> once_;
    std::unique_ptr<Narrative> narrative_;
    std::optional<int> budget_year_;
    mutable std::unique_ptr<EngineInput> prior_input_;
    mutable std::unique_ptr<Context> prior_;
    std::map<std::pair<std::size_t, std::size_t>, expr::Expr> referents_;
    std::vector<StatedPrior> stated_priors_;
};

// The evaluators, one per rule kind.
void run_check(Context& context, const rules::Rule& rule);
void run_hierarchy(Context& context, const rules::Rule& rule);
void run_arranged(Context& context, const rules::Rule& rule);
void run_codes(Context& context, const rules::Rule& rule);
void run_names(Context& context, const rules::Rule& rule);
void run_lines(Context& context, const rules::Rule& rule);
void run_empty_note(Context& context, const rules::Rule& rule);
void run_forms(Context& context, const rules::Rule& rule);
void run_fact(Context& context, const rules::Rule& rule);
void run_year_on_year(Context& context, const rules::Rule& rule);
void run_items(Context& context, const rules::Rule& rule);
void run_shares(Context& context, const rules::Rule& rule);
void run_parts(Context& context, const rules::Rule& rule);
void run_unresolved(Context& context, const rules::Rule& rule);
void run_prior_year(Context& context, const rules::Rule& rule);

}  // namespace bd::engine
