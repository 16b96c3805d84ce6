#include "bd/report.hpp"

#include "bd/grid.hpp"
#include "report_wording.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace bd {

namespace {

constexpr std::array severity_names{"error", "warning", "info"};
constexpr std::array status_names{"pass", "fail", "not-applicable", "not-evaluated"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<const char*, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i]) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

}  // namespace

using namespace report_wording;

std::string CellRef::address() const {
    return cell_address(row, col);
}

std::string CellRef::display() const {
    return sheet + "!" + address();
}

std::string CellRef::a1() const {
    const std::string address = cell_address(row, col);
    const auto digits = address.find_first_of("0123456789");
    return "$" + quoted_sheet_name(sheet) + ".$" + address.substr(0, digits) + "$" + address.substr(digits);
}

std::string quoted_sheet_name(std::string_view name) {
    const auto word_char = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (!name.empty() && !(name[0] >= '0' && name[0] <= '9') && std::ranges::all_of(name, word_char)) {
        return std::string(name);
    }
    std::string quoted = "'";
    for (const char c : name) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

std::string display_cells(const std::vector<CellRef>& cells) {
    std::vector<std::string> sheets;  // in order of first appearance
    for (const auto& cell : cells) {
        if (std::ranges::find(sheets, cell.sheet) == sheets.end()) {
            sheets.push_back(cell.sheet);
        }
    }
    std::string out;
    for (const auto& sheet : sheets) {
        out += (out.empty() ? "" : "; ") + sheet + "!";
        bool first = true;
        for (const auto& cell : cells) {
            if (cell.sheet == sheet) {
                out += (first ? "" : ",") + cell.address();
                first = false;
            }
        }
    }
    return out;
}

std::string covering_range_a1(const std::vector<CellRef>& cells) {
    if (cells.empty()) {
        return {};
    }
    CellRef first = cells.front();
    CellRef last = first;
    for (const auto& cell : cells) {
        if (cell.sheet == first.sheet) {
            first.row = std::min(first.row, cell.row);
            first.col = std::min(first.col, cell.col);
            last.row = std::max(last.row, cell.row);
            last.col = std::max(last.col, cell.col);
        }
    }
    if (first == last) {
        return first.a1();
    }
    const std::string end = last.a1();
    return first.a1() + ":" + end.substr(end.rfind(".$") + 1);
}

std::string_view to_string(Severity severity) {
    return severity_names.at(static_cast<std::size_t>(severity));
}
std::string_view to_string(Status status) {
    return status_names.at(static_cast<std::size_t>(status));
}
std::optional<Severity> parse_severity(std::string_view text) {
    return parse_enum<Severity>(severity_names, text);
}
std::optional<Status> parse_status(std::string_view text) {
    return parse_enum<Status>(status_names, text);
}

Summary summarize(const std::vector<Outcome>& outcomes) {
    Summary s;
    for (const auto& outcome : outcomes) {
        const auto n = static_cast<int>(outcome.count);
        s.checks += n;
        switch (outcome.status) {
            case Status::Pass: s.passed += n; break;
            case Status::NotApplicable: s.not_applicable += n; break;
            case Status::NotEvaluated: s.not_evaluated += n; break;
            case Status::Fail:
                (outcome.severity == Severity::Error
                     ? s.errors
                     : (outcome.severity == Severity::Warning ? s.warnings : s.infos)) += n;
                break;
        }
    }
    return s;
}

void OutcomeList::add(Outcome outcome) {
    settle();
    last_ = std::move(outcome);
    ++added_;
}

void OutcomeList::settle() {
    if (!last_) {
        return;
    }
    auto key = std::make_tuple(last_->rule_id, last_->status, last_->severity);
    if (++listed_[key] <= most_) {
        kept_.push_back(std::move(*last_));
    } else if (const auto it = folded_.find(key); it != folded_.end()) {
        it->second.count += last_->count;
    } else {
        folded_order_.push_back(key);
        folded_.emplace(std::move(key), std::move(*last_));
    }
    last_.reset();
}

std::vector<Outcome> OutcomeList::take() {
    settle();
    const auto first = std::to_string(most_);
    for (const auto& key : folded_order_) {
        auto& more = folded_.at(key);
        const auto n = std::to_string(more.count);
        more.cells.clear();
        more.expected.clear();
        more.actual.clear();
        more.difference.clear();
        // The rule's message without the instance it was about, and how many more.
        more.message = {more.message.en.substr(0, more.message.en.find(" (")) + " — " + n + " more like the " + first +
                            " above, not listed one by one",
                        more.message.zh.substr(0, more.message.zh.find("（")) + "——另有 " + n +
                            " 项同类结果，未逐一列出（上面列出了前 " + first + " 项）"};
        kept_.push_back(std::move(more));
    }
    auto out = std::move(kept_);
    *this = OutcomeList(most_);
    return out;
}

Validation with_passes_folded(Validation validation) {
    std::vector<Outcome> kept;
    std::vector<std::size_t> moved(validation.outcomes.size());  // old index → new
    std::map<std::string, std::size_t, std::less<>> fold_of;     // rule → its folded pass
    for (std::size_t i = 0; i < validation.outcomes.size(); ++i) {
        auto& outcome = validation.outcomes[i];
        if (outcome.is_finding()) {
            moved[i] = kept.size();
            kept.push_back(std::move(outcome));
            continue;
        }
        if (const auto it = fold_of.find(outcome.rule_id); it != fold_of.end()) {
            kept[it->second].count += outcome.count;
            moved[i] = it->second;
            continue;
        }
        fold_of.emplace(outcome.rule_id, kept.size());
        moved[i] = kept.size();
        kept.push_back(std::move(outcome));
    }
    for (const auto& [rule, at] : fold_of) {
        auto& folded = kept[at];
        if (folded.count > 1) {
            folded.cells.clear();
            folded.expected.clear();
            folded.actual.clear();
            folded.difference.clear();
            folded.table.clear();
            const auto n = std::to_string(folded.count);
            folded.message = {folded.message.en.substr(0, folded.message.en.find(" (")) + " — passed " + n + " times",
                              folded.message.zh.substr(0, folded.message.zh.find("（")) + "——" + n + " 项通过"};
        }
    }
    const auto follow = [&](std::vector<std::size_t>& indices) {
        for (auto& index : indices) {
            index = moved.at(index);
        }
    };
    for (auto& group : validation.groups) {
        group.root = moved.at(group.root);
        follow(group.follows);
        follow(group.mirrors);
    }
    validation.outcomes = std::move(kept);
    return validation;
}

std::size_t Recognition::found_count() const {
    return static_cast<std::size_t>(std::ranges::count(tables, true, &RecognizedTable::found));
}

bool Validation::understood() const {
    const Summary s = summarize(outcomes);
    return recognition.recognized && s.passed + s.errors + s.warnings + s.infos > 0;
}

Verdict verdict_of(const Validation& validation) {
    if (!validation.understood()) {
        return Verdict::NotRecognized;
    }
    return summarize(validation.outcomes).errors > 0 ? Verdict::Errors : Verdict::Clean;
}

Verdict worst(Verdict a, Verdict b) {
    // Severity order, worst last: clean, errors, not recognized, could not run.
    const auto order = [](Verdict v) {
        switch (v) {
            case Verdict::Clean: return 0;
            case Verdict::Errors: return 1;
            case Verdict::NotRecognized: return 2;
            case Verdict::CouldNotRun: return 3;
        }
        return 3;
    };
    return order(a) >= order(b) ? a : b;
}

std::string_view report_sheet_name() {
    return "校验报告";
}

std::string hyperlink_target(const std::vector<CellRef>& cells) {
    if (cells.empty()) {
        return {};
    }
    std::string target = "#";
    for (const char c : covering_range_a1(cells)) {
        target += c == '%' ? std::string("%25") : std::string(1, c);
    }
    return target;
}

namespace {

/// Reading order of importance: errors, warnings, infos, could-not-evaluate, not applicable.
int rank(const Outcome& outcome) {
    switch (outcome.status) {
        case Status::Fail: return static_cast<int>(outcome.severity);
        case Status::NotEvaluated: return 3;
        case Status::NotApplicable: return 4;
        case Status::Pass: return 5;
    }
    return 5;
}

}  // namespace

void sort_for_reading(std::vector<FindingGroup>& groups, const std::vector<Outcome>& outcomes) {
    const auto most_important = [&](const FindingGroup& group) {
        int best = rank(outcomes.at(group.root));
        for (const auto* part : {&group.follows, &group.mirrors}) {
            for (const auto i : *part) {
                best = std::min(best, rank(outcomes.at(i)));
            }
        }
        return best;
    };
    std::vector<std::pair<int, FindingGroup>> ranked;
    ranked.reserve(groups.size());
    for (auto& group : groups) {
        ranked.emplace_back(most_important(group), std::move(group));
    }
    std::ranges::stable_sort(ranked, {}, &std::pair<int, FindingGroup>::first);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        groups[i] = std::move(ranked[i].second);
    }
}

std::vector<FindingGroup> groups_of(const Validation& validation) {
    if (!validation.groups.empty()) {
        return validation.groups;
    }
    std::vector<FindingGroup> groups;
    for (std::size_t i = 0; i < validation.outcomes.size(); ++i) {
        if (validation.outcomes[i].is_finding()) {
            groups.push_back({i, {}, {}, {}});
        }
    }
    sort_for_reading(groups, validation.outcomes);
    return groups;
}

std::string_view mark_prefix() {
    return "【预算公开校验】";
}

std::vector<CellMark> cell_marks(const Validation& validation, Language language) {
    const bool zh = language == Language::Chinese;
    const auto& outcomes = validation.outcomes;
    const auto line = [&](const Outcome& o) {
        return finding_label(o).in(language) + " " + o.rule_id + (zh ? "：" : ": ") + o.message.in(language);
    };
    std::vector<CellMark> marks;
    std::map<std::tuple<std::string, std::size_t, std::size_t>, std::size_t> mark_of;  // cell → index in marks
    struct Marked {
        std::size_t cells = 0;
        std::size_t unmarked = 0;
        std::size_t last = 0;  // the rule's last mark
    };
    std::map<std::string, Marked> by_rule;
    static_assert(most_marks_per_rule > 0, "a rule that marks more cells marks its first");
    for (const auto& group : groups_of(validation)) {
        const Outcome& root = outcomes.at(group.root);
        std::string entry = "\n" + line(root);
        if (!root.fix.in(language).empty()) {
            entry += (zh ? "\n修改：" : "\nFix: ") + root.fix.in(language);
        }
        if (!group.follows.empty()) {
            entry += zh ? "\n由此还有 " + std::to_string(group.follows.size()) + " 项检查不符："
                        : "\nIt also causes " + std::to_string(group.follows.size()) + " more findings:";
            for (const auto i : group.follows) {
                entry += "\n· " + line(outcomes.at(i));
            }
        }
        auto& marked = by_rule[root.rule_id];
        for (const auto& cell : group.cause.empty() ? root.cells : group.cause) {
            const auto [at, added] = mark_of.try_emplace({cell.sheet, cell.row, cell.col}, marks.size());
            if (added && marked.cells == most_marks_per_rule) {
                mark_of.erase(at);
                ++marked.unmarked;
                continue;
            }
            if (added) {
                marks.push_back({cell, std::string(mark_prefix())});
                ++marked.cells;
            }
            auto& mark = marks[at->second];
            if (!mark.text.ends_with(entry)) {  // a cell named twice by one finding gets its entry once
                mark.text += entry;
            }
            marked.last = at->second;
        }
    }
    for (const auto& [rule, marked] : by_rule) {
        if (marked.unmarked > 0) {
            const auto all = std::to_string(marked.cells + marked.unmarked);
            marks[marked.last].text += zh ? "\n（" + rule + " 只标记了前 " + std::to_string(marked.cells) +
                                                " 个单元格，共 " + all + " 个；校验报告表列出全部）"
                                          : "\n(" + rule + ": only the first " + std::to_string(marked.cells) +
                                                " of its " + all +
                                                " cells are marked; the report sheet lists them all)";
        }
    }
    return marks;
}

}  // namespace bd
