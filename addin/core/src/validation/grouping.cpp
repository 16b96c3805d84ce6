#include "bd/grouping.hpp"

#include "cell_model.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

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
        const bool known = model.each_input(model.key(outcome.cells[i]), [&](const grouping::Step& step) {
            auto [it, added] = out.reached.try_emplace(step.cell);
            if (added) {
                out.order.push_back(step.cell);
            }
            ++it->second.count;
            it->second.depth = std::min(it->second.depth, step.depth);
            it->second.from_first = it->second.from_first || i == 0;
        });
        out.unknown = out.unknown || !known;
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
    /// A cell a change of which moves a failure, and how the failure reaches it.
    struct Moving {
        CellKey cell = 0;
        unsigned depth = 0;  // through how few formulas
        bool from_first = false;
    };

    struct Failure {
        std::size_t outcome = 0;
        std::vector<Moving> moving;  // by cell (a table of 300,000 rows: 16 bytes a cell)
        bool open = true;

        [[nodiscard]] const Moving& reach_of(CellKey cell) const {
            return *std::ranges::lower_bound(moving, cell, {}, &Moving::cell);
        }
    };

    /// A cell that may cause failures.
    struct Candidate {
        CellKey cell = 0;
        std::vector<std::size_t> failures;  // the failures it moves
        std::size_t open = 0;               // … that are still open
        bool right = false;                 // a passing equality clears it
    };

    [[nodiscard]] RuleShape shape(const Outcome& outcome) const {
        const auto it = shapes_.find(outcome.rule_id);
        return it == shapes_.end() ? RuleShape{} : it->second;
    }

    void add_failure(std::size_t outcome) {
        const auto traced = trace(outcomes_[outcome], model_);
        const auto moving = traced.moving(shape(outcomes_[outcome]).sums);
        Failure failure{outcome, {}, true};
        failure.moving.reserve(moving.size());
        for (const auto cell : moving) {
            const auto& reach = traced.reached.at(cell);
            failure.moving.push_back({cell, reach.depth, reach.from_first});
            const auto [at, added] = index_.try_emplace(cell, candidates_.size());
            if (added) {
                candidates_.push_back({cell, {}, 0, false});
            }
            candidates_[at->second].failures.push_back(failures_.size());
            ++candidates_[at->second].open;
        }
        std::ranges::sort(failure.moving, {}, &Moving::cell);
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
                if (const auto at = index_.find(cell); at != index_.end()) {
                    candidates_[at->second].right = true;
                }
            }
        }
    }

    [[nodiscard]] bool holds_amount(CellKey cell) const {
        const auto* value = model_.value(cell);
        return value != nullptr && !value->is_empty();
    }

    /// The open failures a candidate explains.
    [[nodiscard]] std::vector<std::size_t> open_failures(const Candidate& candidate) const {
        std::vector<std::size_t> out;
        for (const auto failure : candidate.failures) {
            if (failures_[failure].open) {
                out.push_back(failure);
            }
        }
        return out;
    }

    /// How a candidate ranks: the open failures it explains, then whether it holds an amount, its
    /// row's depth, and the first seen (the highest rank is the best).
    using Rank = std::tuple<std::size_t, bool, std::size_t, std::ptrdiff_t>;

    /// The candidates that may cause a group, ranked (a heap, best first).
    void rank_candidates() {
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            const auto& candidate = candidates_[i];
            if (!candidate.right) {
                ranked_.emplace_back(candidate.open, holds_amount(candidate.cell), model_.depth(candidate.cell),
                                     -static_cast<std::ptrdiff_t>(i));
            }
        }
        std::ranges::make_heap(ranked_);
    }

    /// The best candidate that still explains an open failure. A rank is brought up to date only
    /// when it comes first: a candidate's open failures only ever fall, so the first up-to-date rank
    /// is the best.
    std::optional<std::size_t> best_candidate() {
        while (!ranked_.empty()) {
            std::ranges::pop_heap(ranked_);
            auto& rank = ranked_.back();
            const auto index = static_cast<std::size_t>(-std::get<3>(rank));
            const auto open = candidates_[index].open;
            if (open == 0) {
                ranked_.pop_back();
            } else if (std::get<0>(rank) != open) {
                std::get<0>(rank) = open;
                std::ranges::push_heap(ranked_);
            } else {
                ranked_.pop_back();  // its failures are all closed by the group it causes
                return index;
            }
        }
        return std::nullopt;
    }

    std::optional<FindingGroup> next_group() {
        const auto best_at = best_candidate();
        if (!best_at) {
            return std::nullopt;
        }
        const auto& best = candidates_[*best_at];
        const auto members = open_failures(best);
        // The candidates explaining exactly these failures (as well as the best) move each of
        // them: they are among the cells of the member that moves fewest.
        const auto fewest =
            *std::ranges::min_element(members, {}, [&](std::size_t member) { return failures_[member].moving.size(); });
        std::vector<std::size_t> cause_at;
        for (const auto& moving : failures_[fewest].moving) {
            const auto at = index_.at(moving.cell);
            const auto& candidate = candidates_[at];
            if (!candidate.right && candidate.open == best.open &&
                (holds_amount(candidate.cell) || !holds_amount(best.cell)) && open_failures(candidate) == members) {
                cause_at.push_back(at);
            }
        }
        std::ranges::sort(cause_at);  // in order of first appearance
        std::vector<CellKey> cause;
        cause.reserve(cause_at.size());
        for (const auto i : cause_at) {
            cause.push_back(candidates_[i].cell);
        }
        auto group = make_group(members, cause);
        for (const auto member : members) {
            failures_[member].open = false;
            for (const auto& moving : failures_[member].moving) {
                --candidates_[index_.at(moving.cell)].open;
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
    std::vector<Candidate> candidates_;               // in order of first appearance
    std::unordered_map<CellKey, std::size_t> index_;  // cell → its place in candidates_
    std::vector<Rank> ranked_;                        // the candidates not right, a heap by rank
};

}  // namespace

std::vector<FindingGroup> group_findings(const std::vector<Outcome>& outcomes, const rules::RulePack& pack,
                                         const EngineInput& input) {
    return Grouper(outcomes, pack, input).groups();
}

}  // namespace bd
