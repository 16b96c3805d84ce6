#include "report_rows.hpp"

#include "report_wording.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace bd::report_wording {

namespace {

/// More cells than this are shown as the first and how many more.
constexpr std::size_t most_cells_shown = 6;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// A message with its numbers (codes) left out: findings of one rule whose messages differ only in
/// their numbers have the same cause.
std::string without_numbers(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (!is_digit(c)) {
            out += c;
        } else if (out.empty() || out.back() != '#') {
            out += '#';
        }
    }
    return out;
}

/// What differs between texts of one pattern: each text without the start and end all share (cut
/// at the edges of a number, so that a code is never split), and the pattern with "…" in its place.
std::pair<std::vector<std::string>, std::string> differing(const std::vector<std::string>& texts) {
    const auto& first = texts.front();
    std::size_t prefix = first.size();
    std::size_t suffix = first.size();
    for (const auto& text : texts) {
        const auto [a, b] = std::ranges::mismatch(first, text);
        prefix = std::min(prefix, static_cast<std::size_t>(a - first.begin()));
        const auto [ra, rb] = std::mismatch(first.rbegin(), first.rend(), text.rbegin(), text.rend());
        suffix = std::min(suffix, static_cast<std::size_t>(ra - first.rbegin()));
    }
    const auto shortest = std::ranges::min(texts, {}, &std::string::size).size();
    suffix = std::min(suffix, shortest - std::min(prefix, shortest));
    while (prefix > 0 && is_digit(first[prefix - 1])) {
        --prefix;
    }
    while (suffix > 0 && is_digit(first[first.size() - suffix])) {
        --suffix;
    }
    if (prefix == first.size() && std::ranges::all_of(texts, [&](const auto& text) { return text == first; })) {
        return {{}, first};  // the same text each time: nothing differs
    }
    std::vector<std::string> items;
    items.reserve(texts.size());
    for (const auto& text : texts) {
        items.push_back(text.substr(prefix, text.size() - prefix - suffix));
    }
    return {items, first.substr(0, prefix) + "…" + first.substr(first.size() - suffix)};
}

/// The message of findings made one row: the pattern, their count and what differs.
LocalizedText aggregated(const std::vector<const Outcome*>& findings) {
    std::vector<std::string> zh;
    std::vector<std::string> en;
    for (const auto* finding : findings) {
        zh.push_back(finding->message.zh);
        en.push_back(finding->message.en);
    }
    const auto [zh_items, zh_pattern] = differing(zh);
    const auto [en_items, en_pattern] = differing(en);
    const auto count = std::to_string(findings.size());
    const bool listed = !zh_items.empty();
    // The first hundred: a row of 2,000 codes tells no more, and Calc takes ~0.1 s to wrap it.
    constexpr std::size_t most_items = 100;
    const auto first = [&](const std::vector<std::string>& items) {
        return std::vector<std::string>(items.begin(),
                                        items.begin() + static_cast<long>(std::min(items.size(), most_items)));
    };
    const auto more = findings.size() > most_items ? std::to_string(findings.size() - most_items) : "";
    return {
        en_pattern + " — " + count + " of them" +
            (listed ? ": " + joined(first(en_items), ", ") + (more.empty() ? "" : " and " + more + " more") : ""),
        zh_pattern + "——共 " + count + " 项" +
            (listed ? "：" + joined(first(zh_items), "、") + (more.empty() ? "" : " 等（另有 " + more + " 项）") : "")};
}

void add_table(FindingRow& row, const std::string& table) {
    if (!table.empty() && std::ranges::find(row.tables, table) == row.tables.end()) {
        row.tables.push_back(table);
    }
}

/// Whether two findings name the same cells (the same relationship checked from either side).
bool same_cells(const Outcome& a, const Outcome& b) {
    const auto sorted = [](std::vector<CellRef> cells) {
        std::ranges::sort(cells, {}, [](const CellRef& c) { return std::tie(c.sheet, c.row, c.col); });
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        return cells;
    };
    return sorted(a.cells) == sorted(b.cells);
}

FindingRow row_of(const Outcome& finding, int level, std::vector<CellRef> cells) {
    FindingRow row{&finding, level, std::move(cells), 1, {}, finding.message};
    add_table(row, finding.table);
    return row;
}

}  // namespace

std::vector<FindingRow> finding_rows(const Validation& validation) {
    const auto& outcomes = validation.outcomes;
    std::vector<FindingRow> rows;
    // Findings on their own, by rule and cause: the row that stands for them and who they are.
    std::map<std::tuple<std::string, Status, Severity, std::string, std::string>,
             std::pair<std::size_t, std::vector<const Outcome*>>>
        alike;
    for (const auto& group : groups_of(validation)) {
        const Outcome& root = outcomes.at(group.root);
        if (group.follows.empty() && group.mirrors.empty()) {
            const auto key = std::make_tuple(root.rule_id, root.status, root.severity, without_numbers(root.message.zh),
                                             without_numbers(root.message.en));
            if (const auto it = alike.find(key); it != alike.end()) {
                auto& row = rows[it->second.first];
                ++row.count;
                for (const auto& cell : root.cells) {
                    if (std::ranges::find(row.cells, cell) == row.cells.end()) {
                        row.cells.push_back(cell);
                    }
                }
                add_table(row, root.table);
                it->second.second.push_back(&root);
                continue;
            }
            alike.emplace(key, std::make_pair(rows.size(), std::vector<const Outcome*>{&root}));
        }
        const auto first = rows.size();
        rows.push_back(row_of(root, 0, group.cause.empty() ? root.cells : group.cause));
        for (const auto i : group.follows) {
            rows.push_back(row_of(outcomes.at(i), 1, outcomes.at(i).cells));
        }
        for (const auto i : group.mirrors) {
            const auto mirrored =
                std::find_if(rows.begin() + static_cast<std::ptrdiff_t>(first), rows.end(),
                             [&](const FindingRow& row) { return same_cells(*row.finding, outcomes.at(i)); });
            if (mirrored != rows.end()) {
                mirrored->message.zh += "（两表互相核对，只列一次）";
                mirrored->message.en += " (checked from both tables, listed once)";
            }
        }
        if (!group.follows.empty()) {
            const auto n = std::to_string(group.follows.size());
            rows[first].message.zh += "；下列 " + n + " 项由此引起";
            rows[first].message.en += "; the " + n + " findings below follow from it";
        }
    }
    for (const auto& [key, found] : alike) {
        if (found.second.size() > 1) {
            rows[found.first].message = aggregated(found.second);
        }
    }
    return rows;
}

std::string shown_cells(const FindingRow& row, Language language) {
    if (row.cells.size() <= most_cells_shown) {
        return display_cells(row.cells);
    }
    const auto more = std::to_string(row.cells.size() - 1);
    return row.cells.front().display() +
           (language == Language::Chinese ? " 等 " + more + " 处" : " and " + more + " more");
}

std::string shown_tables(const FindingRow& row, Language language) {
    return joined(row.tables, language == Language::Chinese ? "、" : "; ");
}

}  // namespace bd::report_wording
