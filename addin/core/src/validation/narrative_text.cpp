#include "narrative_text.hpp"

#include "bd/data_table.hpp"
#include "bd/units.hpp"

#include <algorithm>
#include <cwctype>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace bd::data {
extern const char* const narrative_tsv;
}  // namespace bd::data

namespace bd::engine {

namespace {

// Sentences end at these (after normalization).
constexpr std::wstring_view sentence_ends = L"。;!?";
constexpr std::size_t longest_quote = 80;  // code points each side of a figure

// A pattern's own capture groups made non-capturing, so that a macro is one group.
std::string without_groups(const std::string& pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        out += pattern[i];
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            out += pattern[++i];
        } else if (pattern[i] == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
            out += "?:";
        }
    }
    return out;
}

// How many capture groups a pattern opens.
std::size_t groups_in(const std::string& pattern) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            ++i;
        } else if (pattern[i] == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
            ++count;
        }
    }
    return count;
}

// The macro a slot stands for: amounts under the names of their role.
std::string macro_of(const std::string& slot) {
    static const std::set<std::string> amounts{"current", "change", "prior"};
    return amounts.contains(slot) ? std::string("amount") : slot;
}

// The words of a group of literal alternatives at `open` ("(?:资金|预算|经费)"), or none if the
// group is anything else.
std::optional<std::vector<std::wstring>> literal_alternatives(const std::wstring& pattern, std::size_t open) {
    if (pattern.compare(open, 3, L"(?:") != 0) {
        return std::nullopt;
    }
    const auto close = pattern.find(L')', open);
    if (close == std::wstring::npos) {
        return std::nullopt;
    }
    const auto inside = std::wstring_view(pattern).substr(open + 3, close - open - 3);
    if (inside.find_first_of(L"\\.[](){}?*+^$") != std::wstring_view::npos) {
        return std::nullopt;
    }
    std::vector<std::wstring> words;
    for (std::size_t at = 0;;) {
        const auto bar = std::min(inside.find(L'|', at), inside.size());
        words.emplace_back(inside.substr(at, bar - at));
        if (words.back().empty()) {
            return std::nullopt;  // an empty alternative: nothing is required
        }
        if (bar == inside.size()) {
            return words;
        }
        at = bar + 1;
    }
}

// Texts one of which every match of a regular expression holds: the longest run of literal
// characters outside groups, classes and alternatives, none of them optional; failing that, the
// words of a group of literal alternatives that is not optional. Empty if there is neither.
std::vector<std::wstring> required_text(const std::wstring& pattern) {
    std::optional<std::vector<std::wstring>> one_of;
    std::wstring longest;
    std::wstring run;
    const auto end_run = [&] {
        longest = run.size() > longest.size() ? run : longest;
        run.clear();
    };
    const auto optional_at = [&](std::size_t i) {
        return i < pattern.size() && std::wstring_view(L"?*{").find(pattern[i]) != std::wstring_view::npos;
    };
    int depth = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const wchar_t c = pattern[i];
        if (c == L'[') {  // a class: skip it
            for (++i; i < pattern.size() && pattern[i] != L']'; ++i) {
                i += pattern[i] == L'\\' ? 1 : 0;
            }
            end_run();
        } else if (c == L'{') {  // a quantifier: skip it
            i = std::min(pattern.find(L'}', i), pattern.size());
            end_run();
        } else if (c == L'|' && depth == 0) {
            return {};  // alternatives at the top: no text is required
        } else if (c == L'(' || c == L')') {
            if (c == L'(' && depth == 0 && !one_of) {
                one_of = literal_alternatives(pattern, i);
                if (one_of && optional_at(pattern.find(L')', i) + 1)) {
                    one_of.reset();
                }
            }
            depth += c == L'(' ? 1 : -1;
            end_run();
        } else if (c == L'\\' && i + 1 < pattern.size()) {
            const wchar_t escaped = pattern[++i];
            if (depth == 0 && std::iswpunct(escaped) && !optional_at(i + 1)) {
                run += escaped;
            } else {
                end_run();
            }
        } else if (depth > 0 || std::wstring_view(L".^$+*?").find(c) != std::wstring_view::npos || optional_at(i + 1)) {
            end_run();
        } else {
            run += c;
        }
    }
    end_run();
    if (!longest.empty()) {
        return {longest};
    }
    return one_of.value_or(std::vector<std::wstring>{});
}

std::string alternatives(const std::vector<std::string>& patterns) {
    std::vector<std::string> sorted = patterns;
    // Longer first, so that "上年预算" is read before "上年".
    std::ranges::stable_sort(sorted, [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::string out;
    for (const auto& pattern : sorted) {
        out += (out.empty() ? "" : "|") + without_groups(pattern);
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Vocabulary::keyed(const std::string& kind) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& row : table) {
        if (row.at(0) == kind) {
            out.emplace_back(row.at(1), row.size() > 2 ? row.at(2) : std::string());
        }
    }
    return out;
}

const Vocabulary& vocabulary() {
    static const Vocabulary words = [] {
        Vocabulary v;
        for (auto row : tsv_rows(data::narrative_tsv)) {
            row.resize(std::max<std::size_t>(row.size(), 3));
            v.table.push_back(row);
        }
        for (const auto& [key, pattern] : v.keyed("macro")) {
            v.macros[key] = pattern;
        }
        for (const auto& [unit, what] : v.keyed("figure-unit")) {
            v.figure_units.push_back(unit);
        }
        for (const auto& unit : units()) {
            v.figure_units.push_back(unit.name);
        }
        for (const auto& [text, what] : v.keyed("not-a-figure")) {
            v.not_a_figure.push_back(text);
        }
        for (const auto& [word, sign] : v.keyed("direction")) {
            v.directions[word] = sign == "up" ? 1 : sign == "down" ? -1 : 0;
        }
        std::vector<std::string> base_patterns;
        for (const auto& [pattern, kind] : v.keyed("base")) {
            v.bases.push_back({std::wregex(to_code_points(pattern)), kind});
            base_patterns.push_back(pattern);
        }
        v.macros["base"] = alternatives(base_patterns);
        return v;
    }();
    return words;
}

const std::vector<Pattern>& patterns_of(const std::string& kind) {
    static std::mutex mutex;
    static std::map<std::string, std::vector<Pattern>> compiled;  // nodes never move
    const std::scoped_lock lock(mutex);
    auto found = compiled.find(kind);
    if (found == compiled.end()) {
        std::vector<Pattern> patterns;
        for (const auto& [key, text] : vocabulary().keyed(kind)) {
            patterns.emplace_back(text);
        }
        found = compiled.emplace(kind, std::move(patterns)).first;
    }
    return found->second;
}

Pattern::Pattern(const std::string& pattern) {
    const auto& macros = vocabulary().macros;
    std::string expanded;
    std::size_t group = 0;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const auto open = pattern.find('{', at);
        const auto close = open == std::string::npos ? std::string::npos : pattern.find('}', open);
        // {slot} or {slot:macro}: the slot's name, and the macro it stands for.
        auto name = close == std::string::npos ? std::string() : pattern.substr(open + 1, close - open - 1);
        const auto colon = name.find(':');
        const auto macro = macros.find(colon == std::string::npos ? macro_of(name) : name.substr(colon + 1));
        name = name.substr(0, colon);
        // The text up to the slot; a brace that names no macro ({0,3}) is the regex's own.
        const auto literal_end = close == std::string::npos ? pattern.size() : macro == macros.end() ? close + 1 : open;
        const auto literal = pattern.substr(at, literal_end - at);
        // The pattern's own groups (a rule may write "([0-9]+)个") are captures as well.
        for (auto own = groups_in(literal); own > 0; --own) {
            slots_.push_back({"", "number", ++group});
        }
        expanded += literal;
        if (close == std::string::npos) {
            break;
        }
        if (macro != macros.end()) {
            slots_.push_back({name, macro->first, ++group});
            expanded += "(" + without_groups(macro->second) + ")";
        }
        at = close + 1;
    }
    regex_ = std::wregex(to_code_points(expanded));
    // What a text must hold to match: the pattern's own words, each slot a group.
    std::string words;
    at = 0;
    for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', at)) {
        const auto close = pattern.find('}', open);
        const auto name = close == std::string::npos ? std::string() : pattern.substr(open + 1, close - open - 1);
        const auto colon = name.find(':');
        const bool slot = colon != std::string::npos || macros.contains(macro_of(name));
        words += pattern.substr(at, open - at) + (slot ? "()" : "{");
        at = slot ? close + 1 : open + 1;
    }
    words += pattern.substr(at);
    required_ = required_text(to_code_points(words));
    if (regex_.mark_count() != group) {
        throw std::regex_error(std::regex_constants::error_paren);
    }
}

const Pattern::Slot* Pattern::slot(const std::string& name, std::size_t nth) const {
    for (const auto& s : slots_) {
        if (s.name == name && nth-- == 0) {
            return &s;
        }
    }
    return nullptr;
}

std::optional<Base> read_base(const std::wstring& text, std::optional<int> budget_year) {
    for (const auto& base : vocabulary().bases) {
        std::wsmatch match;
        if (std::regex_match(text, match, base.regex)) {
            Base read{base.kind, std::nullopt};
            if (match.size() > 1 && match[1].matched) {
                read.year = std::stoi(to_utf8(match[1].str()));
            } else if (budget_year) {
                read.year = *budget_year - 1;  // "上年"
            }
            return read;
        }
    }
    return std::nullopt;
}

Narrative::Narrative(const EngineInput& input) {
    // The sheets of the narrative: those its title was found on; without one, every sheet that
    // holds no table of the set.
    std::set<std::string> sheets;
    for (const auto& [id, hit] : input.located.texts) {
        sheets.insert(input.sheets[hit.sheet].name);
    }
    if (sheets.empty()) {
        for (const auto& grid : input.sheets) {
            const bool has_table = std::ranges::any_of(
                input.located.tables, [&](const LocatedTable& t) { return input.sheets[t.sheet].name == grid.name; });
            if (!has_table) {
                sheets.insert(grid.name);
            }
        }
    }
    const auto& words = vocabulary();
    std::string units;
    for (const auto& unit : words.figure_units) {
        units += (units.empty() ? "" : "|") + unit;
    }
    const std::wregex figure(to_code_points("([0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?)(" + units + ")?"));
    std::vector<Pattern> quiet;
    for (const auto& [key, text] : words.keyed("not-a-statement")) {
        quiet.emplace_back(text);
    }
    for (const auto& grid : input.sheets) {
        if (!sheets.contains(grid.name)) {
            continue;
        }
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto& value = grid.at(r, c);
                if (value.kind == CellValue::Kind::Text && !value.is_empty()) {
                    cells_.push_back({{grid.name, r, c}, to_code_points(normalize_text(value.text))});
                }
            }
        }
    }
    // A text that another cell of its sheet quotes whole (a phrase typed in an input cell that a
    // sentence is composed of, or shows as it is) is read once: in the sentence, or in the column
    // further left (the printed one).
    const auto quotes = [](const Cell& other, const Cell& cell) {
        if (other.ref.sheet != cell.ref.sheet || other.text.find(cell.text) == std::wstring::npos) {
            return false;
        }
        return other.text.size() > cell.text.size() ||
               std::tie(other.ref.col, other.ref.row) < std::tie(cell.ref.col, cell.ref.row);
    };
    std::vector<Cell> read;
    for (const auto& cell : cells_) {
        const bool quoted =
            std::ranges::any_of(cells_, [&](const Cell& other) { return &other != &cell && quotes(other, cell); });
        if (!quoted) {
            read.push_back(cell);
        }
    }
    cells_ = std::move(read);
    for (std::size_t index = 0; index < cells_.size(); ++index) {
        const auto& text = cells_[index].text;
        for (auto it = std::wsregex_iterator(text.begin(), text.end(), figure); it != std::wsregex_iterator(); ++it) {
            const auto end = static_cast<std::size_t>(it->position(0) + it->length(0));
            const auto after = to_utf8(text.substr(end, 2));
            const bool dated = std::ranges::any_of(words.not_a_figure,
                                                   [&](const std::string& word) { return after.starts_with(word); });
            // A figure has a unit: a bare number (a code, an ordinal) states nothing.
            if ((*it)[2].matched && !dated) {
                figures_.push_back({index, static_cast<std::size_t>(it->position(0)), end, false});
            }
        }
        // A figure that is part of what states nothing (a threshold: 单价100万元以上) is none.
        for (const auto& pattern : quiet) {
            if (!pattern.may_match(text)) {
                continue;
            }
            for (auto it = std::wsregex_iterator(text.begin(), text.end(), pattern.regex());
                 it != std::wsregex_iterator(); ++it) {
                const auto from = static_cast<std::size_t>(it->position(0));
                const auto to = from + static_cast<std::size_t>(it->length(0));
                std::erase_if(figures_,
                              [&](const TextFigure& f) { return f.cell == index && f.begin >= from && f.end <= to; });
            }
        }
    }
}

void Narrative::resolve(std::size_t cell, std::size_t begin, std::size_t end) {
    for (auto& figure : figures_) {
        if (figure.cell == cell && figure.begin < end && begin < figure.end) {
            figure.resolved = true;
        }
    }
}

void Narrative::resolve(std::size_t cell, const std::wsmatch& match, std::size_t group) {
    const auto g = static_cast<int>(group);
    if (match[g].matched) {
        const auto begin = static_cast<std::size_t>(match.position(g));
        resolve(cell, begin, begin + static_cast<std::size_t>(match.length(g)));
    }
}

std::string Narrative::quote(std::size_t cell, std::size_t begin, std::size_t end) const {
    const auto& text = cells_.at(cell).text;
    std::size_t from = begin;
    while (from > 0 && sentence_ends.find(text[from - 1]) == std::wstring_view::npos && begin - from < longest_quote) {
        --from;
    }
    std::size_t to = end;
    while (to < text.size() && sentence_ends.find(text[to]) == std::wstring_view::npos && to - end < longest_quote) {
        ++to;
    }
    return to_utf8(text.substr(from, begin - from)) + "【" + to_utf8(text.substr(begin, end - begin)) + "】" +
           to_utf8(text.substr(end, to - end));
}

Value Narrative::figure(std::size_t cell, const std::wsmatch& match, std::size_t group) const {
    const auto begin = static_cast<std::size_t>(match.position(static_cast<int>(group)));
    return stated_figure(cells_.at(cell).text, begin,
                         begin + static_cast<std::size_t>(match.length(static_cast<int>(group))), cells_.at(cell).ref);
}

Value Narrative::figure_at(const TextFigure& figure) const {
    return stated_figure(cells_.at(figure.cell).text, figure.begin, figure.end, cells_.at(figure.cell).ref);
}

Value stated_figure(const std::wstring& text, std::size_t begin, std::size_t end, const CellRef& cell) {
    const auto captured = to_utf8(text.substr(begin, end - begin));
    const auto digits = captured.find_first_not_of("0123456789.,-");
    std::string number = captured.substr(0, digits);
    std::erase(number, ',');
    // The unit: captured with the number, or written right after it.
    auto unit_text = digits == std::string::npos ? std::string() : captured.substr(digits);
    if (unit_text.empty()) {
        unit_text = to_utf8(text.substr(end, 3));
    }
    Value value;
    value.cells.push_back(cell);
    const auto point = number.find('.');
    const int decimals = point == std::string::npos ? 0 : static_cast<int>(number.size() - point - 1);
    const Decimal amount = Decimal::parse(number).value_or(Decimal(0));
    if (const auto* unit = unit_at(unit_text, 0)) {
        value.unit = unit;
        value.stated = Stated{unit->yuan, decimals};
    } else {
        value.stated = Stated{Decimal(1), decimals};
        value.whole = decimals == 0 && !unit_text.starts_with("%");
    }
    value.figure = Figure::shown(amount * value.stated->unit_size, value.stated->unit_size, decimals);
    return value;
}

}  // namespace bd::engine
