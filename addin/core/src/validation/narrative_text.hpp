// The narrative (情况说明) as the rules read it: its text cells normalized, the figures they state,
// which of them a rule has resolved, and the vocabulary and patterns of data/narrative.tsv. Private
// to the rule engine.
#pragma once

#include "context.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace bd::engine {

/// The narrative's vocabulary (data/narrative.tsv).
struct Vocabulary {
    std::map<std::string, std::string> macros;  // key → pattern
    std::vector<std::string> figure_units;      // what makes a number a figure: %, 个 … (and units.tsv)
    std::vector<std::string> not_a_figure;      // what may follow a number that is no figure: 年, 号 …
    std::map<std::string, int> directions;      // word → +1, -1, 0
    struct Base {
        std::wregex regex;
        std::string kind;  // budget, execution, final
    };
    std::vector<Base> bases;
    /// The rows of a kind, in order: (key, value).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> keyed(const std::string& kind) const;

    std::vector<std::vector<std::string>> table;  // every row: kind, key, value
};
const Vocabulary& vocabulary();

/// A pattern of the narrative's language compiled: each {slot} a macro of the vocabulary, in one
/// capture group ({current}, {change} and {prior} are amounts; {slot:macro} names the macro);
/// matched code point by code point.
class Pattern {
public:
    explicit Pattern(const std::string& pattern);  // throws std::regex_error on a broken pattern
    struct Slot {
        std::string name;   // "current", "amount", or "" for a group the pattern writes itself
        std::string macro;  // the macro it stands for ("amount"; "number" for a group of its own)
        std::size_t group;
    };
    [[nodiscard]] const std::wregex& regex() const { return regex_; }
    /// Whether a text may match: it holds one of the words one of which every match holds (a
    /// quick test first).
    [[nodiscard]] bool may_match(const std::wstring& text) const {
        return required_.empty() || std::ranges::any_of(required_, [&](const std::wstring& words) {
                   return text.find(words) != std::wstring::npos;
               });
    }
    /// The capture groups in order: slots and the pattern's own groups.
    [[nodiscard]] const std::vector<Slot>& slots() const { return slots_; }
    /// The first slot of that name (the nth of them, counting from 0), if any.
    [[nodiscard]] const Slot* slot(const std::string& name, std::size_t nth = 0) const;

private:
    std::wregex regex_;
    std::vector<Slot> slots_;
    std::vector<std::wstring> required_;
};

/// The patterns of one kind of the vocabulary ("form-money", "share" …), in order, compiled once
/// for the process.
const std::vector<Pattern>& patterns_of(const std::string& kind);

/// A figure the text states: where, and as written.
struct TextFigure {
    std::size_t cell = 0;
    std::size_t begin = 0;  // code points into the cell's normalized text
    std::size_t end = 0;
    bool resolved = false;
};

/// A base a change is measured against: what it is, and its year.
struct Base {
    std::string kind;  // budget, execution, final
    std::optional<int> year;
};
/// The base a text names ("上年", "2023年预算执行数"), or nullopt if the vocabulary has no such base.
std::optional<Base> read_base(const std::wstring& text, std::optional<int> budget_year);

/// The figure written at [begin, end) of a normalized text (its unit in it, or right after it): an
/// amount in 元 stated in its unit, a percentage, or a count; the cell is where the text is.
Value stated_figure(const std::wstring& text, std::size_t begin, std::size_t end, const CellRef& cell);

class Narrative {
public:
    explicit Narrative(const EngineInput& input);

    struct Cell {
        CellRef ref;
        std::wstring text;  // normalized (NFKC, no white space), code point by code point
    };
    [[nodiscard]] const std::vector<Cell>& cells() const { return cells_; }
    [[nodiscard]] const std::vector<TextFigure>& figures() const { return figures_; }

    /// Marks the figures a rule read (any that overlaps [begin, end) of the cell) as resolved.
    void resolve(std::size_t cell, std::size_t begin, std::size_t end);
    /// Marks the figure a match's capture group holds as resolved.
    void resolve(std::size_t cell, const std::wsmatch& match, std::size_t group);
    /// Calls read(cell, match) for every match of the pattern, cell by cell in reading order.
    template <class Read>
    void each_match(const Pattern& pattern, Read&& read) const {
        for (std::size_t cell = 0; cell < cells_.size(); ++cell) {
            const auto& text = cells_[cell].text;
            if (!pattern.may_match(text)) {
                continue;
            }
            for (auto it = std::wsregex_iterator(text.begin(), text.end(), pattern.regex());
                 it != std::wsregex_iterator(); ++it) {
                read(cell, *it);
            }
        }
    }
    /// The sentence around [begin, end) of the cell, that part marked 【…】, for reports.
    [[nodiscard]] std::string quote(std::size_t cell, std::size_t begin, std::size_t end) const;
    /// A captured figure as a value: its number, and the unit written with it (or after it): an
    /// amount in 元 stated in its unit, a percentage, or a count.
    [[nodiscard]] Value figure(std::size_t cell, const std::wsmatch& match, std::size_t group) const;
    /// A figure the scan found, as a value.
    [[nodiscard]] Value figure_at(const TextFigure& figure) const;

private:
    std::vector<Cell> cells_;
    std::vector<TextFigure> figures_;
};

}  // namespace bd::engine
