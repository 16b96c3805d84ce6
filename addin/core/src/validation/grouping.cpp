#include "bd/grouping.hpp"

#include "cell_model.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

namespace bd {

namespace {

using grouping::CellKey;
using grouping::CellModel;

/// More cells explaining a group equally well than this say nothing about where the difference is.
constexpr std::size_t most_cause_cells = 16;

/// Whether an expression only adds and subtracts amounts: a change of one cell moves it by as much.
bool additive(const expr::Expr& expression) {
    struct Visitor {
        bool operator()(const std::string&) const { return true; }
        bool operator()(const expr::Path&) const { return true; }
        bool operator()(const expr::Call& call) const { return call.function == "under" || call.function == "lookup"; }
        bool operator()(const expr::Operation& operation) const {
            return (operation.op == '+' || operation.op == '-') && boost::apply_visitor(*this, operation.lhs) &&
                   boost::apply_visitor(*this, operation.rhs);
        }
    };
    return boost::apply_visitor(Visitor{}, expression);
}

/// How a rule's outcomes depend on their cells.
struct RuleShape {
    bool sums = false;      // compares sums: the cells counted an odd number of times move it
    bool equality = false;  // … for equality: a pass says those cells agree
};

RuleShape shape_of(const rules::Rule& rule) {
    if (rule.kind == rules::Kind::Hierarchy) {
        return {true, true};
    }
    if (rule.kind != rules::Kind::Check) {
        return {};
    }
    const bool sums =
        std::ranges::all_of(rule.checks, [](const auto& c) { return additive(c.lhs) && additive(c.rhs); });
    const bool equal = std::ranges::all_of(rule.checks, [](const auto& c) { return c.op == rules::Op::Equal; });
    return {sums, sums && equal};
}

/// An input cell as a finding reaches it: how often it is counted, through how few formulas, and
/// whether from the finding's checked (first) cell.
struct Reach {
    unsigned count = 0;
    unsigned depth = std::numeric_limits<unsigned>::max();
    bool from_first = false;
};

/// The input cells of a finding, in order of first appearance.
struct Trace {
    std::vector<CellKey> order;
    std::unordered_map<CellKey, Reach> reached;
    bool unknown = false;  // a formula on the way could not be followed

    /// The cells a change of which moves the finding.
    [[nodiscard]] std::vector<CellKey> moving(bool sums) const {
        std::vector<CellKey> out;
        for (const auto cell : order) {
            if (!sums || reached.at(cell).count % 2 == 1) {
                out.push_back(cell);
            }
        }
        return out;
    }
};

Trace trace(const Outcome& outcome, CellModel& model) {
    Trace out;
    for (std::size_t i = 0; i < outcome.cells.size(); ++i) {
        const auto& inputs = model.inputs(model.key(outcome.cells[i]));
        out.unknown = out.unknown || inputs.unknown;
        for (const auto& step : inputs.steps) {
            auto [it, added] = out.reached.try_emplace(step.cell);
            if (added) {
                out.order.push_back(step.cell);
            }
            ++it->second.count;
            it->second.depth = std::min(it->second.depth, step.depth);
            it->second.from_first = it->second.from_first || i == 0;
        }
    }
    return out;
}

/// Two findings of one relationship checked from both sides: the same cells and the same difference.
std::pair<std::set<CellKey>, std::string> relationship(const Outcome& outcome, const CellModel& model) {
    std::set<CellKey> cells;
    for (const auto& cell : outcome.cells) {
        cells.insert(model.key(cell));
    }
    const auto& difference = outcome.difference;
    return {cells, difference.starts_with('-') ? difference.substr(1) : difference};
}

class Grouper {
public:
    Grouper(const std::vector<Outcome>& outcomes, const rules::RulePack& pack, const EngineInput& input)
        : outcomes_(outcomes), model_(input) {
        for (const auto& rule : pack.rules) {
            shapes_.emplace(rule.id, shape_of(rule));
        }
    }

    std::vector<FindingGroup> groups() {
        std::vector<FindingGroup> groups;
        for (std::size_t i = 0; i < outcomes_.size(); ++i) {
            if (outcomes_[i].status == Status::Fail) {
                add_failure(i);
            }
        }
        if (!failures_.empty()) {
            exonerate();
            rank_candidates();
            while (auto group = next_group()) {
                groups.push_back(std::move(*group));
            }
        }
        std::vector<bool> grouped(outcomes_.size(), false);
        for (const auto& group : groups) {
            grouped[group.root] = true;
            for (const auto* part : {&group.follows, &group.mirrors}) {
                for (const auto i : *part) {
                    grouped[i] = true;
                }
            }
        }
        for (std::size_t i = 0; i < outcomes_.size(); ++i) {
            if (outcomes_[i].is_finding() && !grouped[i]) {
                groups.push_back({i, {}, {}, {}});
            }
        }
        sort_for_reading(groups, outcomes_);
        return groups;
    }

private:
    struct Failure {
        std::size_t outcome = 0;
        std::vector<CellKey> moving;
        std::vector<std::pair<CellKey, Reach>> reach;  // of the moving cells, by cell (a table of
                                                       // 300,000 rows: half the memory of a map)
        bool open = true;

        [[nodiscard]] const Reach& reach_of(CellKey cell) const {
            return std::ranges::lower_bound(reach, cell, {}, &std::pair<CellKey, Reach>::first)->second;
        }
    };

    [[nodiscard]] RuleShape shape(const Outcome& outcome) const {
        const auto it = shapes_.find(outcome.rule_id);
        return it == shapes_.end() ? RuleShape{} : it->second;
    }

    void add_failure(std::size_t outcome) {
        const auto traced = trace(outcomes_[outcome], model_);
        Failure failure{outcome, traced.moving(shape(outcomes_[outcome]).sums), {}, true};
        failure.reach.reserve(failure.moving.size());
        for (const auto cell : failure.moving) {
            failure.reach.emplace_back(cell, traced.reached.at(cell));
        }
        std::ranges::sort(failure.reach, {}, &std::pair<CellKey, Reach>::first);
        for (const auto cell : failure.moving) {
            auto [it, added] = explained_.try_emplace(cell);
            if (added) {
                index_.emplace(cell, candidates_.size());
                candidates_.push_back(cell);
            }
            it->second.push_back(failures_.size());
            ++open_count_[cell];
        }
        failures_.push_back(std::move(failure));
    }

    /// A candidate that moves an equality that holds (and whose cells are all known) is right.
    void exonerate() {
        for (const auto& outcome : outcomes_) {
            if (outcome.status != Status::Pass || !shape(outcome).equality) {
                continue;
            }
            const auto passing = trace(outcome, model_);
            if (passing.unknown) {
                continue;  // the unknown part could move along with the cell
            }
            for (const auto cell : passing.moving(true)) {
                if (explained_.contains(cell)) {
                    right_.insert(cell);
                }
            }
        }
    }

    [[nodiscard]] bool holds_amount(CellKey cell) const {
        const auto* value = model_.value(cell);
        return value != nullptr && !value->is_empty();
    }

    /// The open failures a candidate explains.
    [[nodiscard]] std::vector<std::size_t> open_failures(CellKey cell) const {
        std::vector<std::size_t> out;
        for (const auto failure : explained_.at(cell)) {
            if (failures_[failure].open) {
                out.push_back(failure);
            }
        }
        return out;
    }

    /// How a candidate ranks: the open failures it explains, then whether it holds an amount, its
    /// row's depth, and the first seen (the highest rank is the best).
    using Rank = std::tuple<std::size_t, bool, std::size_t, std::ptrdiff_t>;

    [[nodiscard]] Rank rank(std::size_t index) const {
        const auto cell = candidates_[index];
        return {open_count_.at(cell), holds_amount(cell), model_.depth(cell), -static_cast<std::ptrdiff_t>(index)};
    }

    /// The candidates that may cause a group, ranked; kept as failures close.
    void rank_candidates() {
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            if (!right_.contains(candidates_[i])) {
                ranked_.insert(rank(i));
            }
        }
    }

    std::optional<FindingGroup> next_group() {
        if (ranked_.empty() || std::get<0>(*ranked_.rbegin()) == 0) {
            return std::nullopt;
        }
        const auto best = candidates_[static_cast<std::size_t>(-std::get<3>(*ranked_.rbegin()))];
        const auto members = open_failures(best);
        // The candidates explaining exactly these failures (as well as the best) move each of
        // them: they are among the cells of the member that moves fewest.
        const auto fewest =
            *std::ranges::min_element(members, {}, [&](std::size_t member) { return failures_[member].moving.size(); });
        std::vector<std::size_t> cause_at;
        for (const auto cell : failures_[fewest].moving) {
            if (!right_.contains(cell) && open_count_.at(cell) == open_count_.at(best) &&
                (holds_amount(cell) || !holds_amount(best)) && open_failures(cell) == members) {
                cause_at.push_back(index_.at(cell));
            }
        }
        std::ranges::sort(cause_at);  // in order of first appearance
        std::vector<CellKey> cause;
        cause.reserve(cause_at.size());
        for (const auto i : cause_at) {
            cause.push_back(candidates_[i]);
        }
        auto group = make_group(members, cause);
        for (const auto member : members) {
            failures_[member].open = false;
            for (const auto cell : failures_[member].moving) {
                const bool ranked = !right_.contains(cell);
                const auto index = index_.at(cell);
                if (ranked) {
                    ranked_.erase(rank(index));
                }
                --open_count_.at(cell);
                if (ranked) {
                    ranked_.insert(rank(index));
                }
            }
        }
        return group;
    }

    /// The group of these failures: the root is the finding that reaches the cause through the
    /// fewest formulas, from its checked cell, at the deepest row; the same relationship seen from
    /// the other side is a mirror.
    FindingGroup make_group(const std::vector<std::size_t>& members, const std::vector<CellKey>& cause) {
        const auto key = [&](std::size_t member) {
            const auto& failure = failures_[member];
            unsigned depth = std::numeric_limits<unsigned>::max();
            bool from_first = false;
            for (const auto cell : cause) {
                const auto& reach = failure.reach_of(cell);
                depth = std::min(depth, reach.depth);
                from_first = from_first || reach.from_first;
            }
            const auto& first = outcomes_[failure.outcome].cells.front();
            return std::make_tuple(depth, !from_first, -static_cast<long>(model_.depth(model_.key(first))),
                                   failure.outcome);
        };
        const auto root = *std::ranges::min_element(members, {}, key);
        std::vector<std::size_t> ordered{failures_[root].outcome};
        for (const auto member : members) {
            if (member != root) {
                ordered.push_back(failures_[member].outcome);
            }
        }
        std::ranges::sort(ordered.begin() + 1, ordered.end());
        FindingGroup group{ordered.front(), {}, {}, {}};
        std::vector<std::pair<std::set<CellKey>, std::string>> seen;
        for (const auto outcome : ordered) {
            auto seen_as = relationship(outcomes_[outcome], model_);
            if (std::ranges::find(seen, seen_as) != seen.end()) {
                group.mirrors.push_back(outcome);
                continue;
            }
            seen.push_back(std::move(seen_as));
            if (outcome != group.root) {
                group.follows.push_back(outcome);
            }
        }
        if (cause.size() <= most_cause_cells) {
            for (const auto cell : cause) {
                group.cause.push_back(model_.ref(cell));
            }
        }
        return group;
    }

    const std::vector<Outcome>& outcomes_;
    CellModel model_;
    std::map<std::string, RuleShape, std::less<>> shapes_;
    std::vector<Failure> failures_;
    std::vector<CellKey> candidates_;                                  // in order of first appearance
    std::unordered_map<CellKey, std::vector<std::size_t>> explained_;  // candidate → failures it moves
    std::unordered_map<CellKey, std::size_t> open_count_;              // … that are still open
    std::unordered_set<CellKey> right_;                                // candidates a passing equality clears
    std::unordered_map<CellKey, std::size_t> index_;                   // candidate → its place in candidates_
    std::set<Rank> ranked_;                                            // the candidates not right, ranked
};

}  // namespace

std::vector<FindingGroup> group_findings(const std::vector<Outcome>& outcomes, const rules::RulePack& pack,
                                         const EngineInput& input) {
    return Grouper(outcomes, pack, input).groups();
}

}  // namespace bd
