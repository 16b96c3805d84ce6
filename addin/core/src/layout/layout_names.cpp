#include "layout_names.hpp"

#include <algorithm>

namespace bd::layout {

namespace {

const std::vector<std::string_view> known_functions = {"under",  "lookup",  "yoy",         "share",
                                                       "change", "classes", "classshares", "count"};
// Functions only a rule's check may call: they read more than the document (last year's).
const std::vector<std::string_view> rule_functions = {"prior"};

// Where an expression stands: its table and side (a column formula or a line's value), or a
// text sheet (a paragraph), to resolve the names it uses.
struct Scope {
    const Layout& layout;
    const Table* table = nullptr;
    const Side* side = nullptr;
    const TextSheet* text = nullptr;
    bool captures = false;  // n1, n2 … name the figures a fact's pattern read
    bool rule = false;      // a rule's expression (which may call rule_functions)
};

std::string problem_with(const Scope& scope, const expr::Path& path) {
    const Table* table = scope.table;
    if (!path.table.empty()) {
        table = scope.layout.table(path.table);
        if (table == nullptr) {
            return "unknown table \"" + path.table + "\"";
        }
    }
    const auto cover_field = std::ranges::find(scope.layout.cover.fields, path.first, &Field::key);
    if (path.member.empty() && path.last.empty() && path.table.empty()) {
        if (cover_field != scope.layout.cover.fields.end() || path.first == "code") {
            return {};
        }
        if (scope.captures && path.first.size() > 1 && path.first[0] == 'n' &&
            path.first.find_first_not_of("0123456789", 1) == std::string::npos) {
            return {};
        }
        if (scope.side != nullptr && scope.side->column(path.first) != nullptr) {
            return {};
        }
        if (scope.text != nullptr &&
            std::ranges::find(scope.text->inputs, path.first, &Field::key) != scope.text->inputs.end()) {
            return {};
        }
    }
    if (table == nullptr) {
        return "unknown name \"" + path.first + "\"";
    }
    if (const Side* side = table->block_side(path.first); side != nullptr && path.last.empty()) {
        if (path.member.empty() || side->column(path.member) != nullptr) {
            return {};
        }
        return "unknown column \"" + path.member + "\" of the block " + path.first + " in " + table->id;
    }
    const auto first = table->line(path.first);
    if (!first) {
        return "unknown name \"" + path.first + "\" in " + table->id;
    }
    if (!path.last.empty()) {
        const auto last = table->line(path.last);
        if (!last || last->side != first->side) {
            return "the range " + path.first + ".." + path.last + " does not stay on one side of " + table->id;
        }
    }
    if (path.member.empty() || first->side->column(path.member) == nullptr) {
        return "the line " + path.first + " of " + table->id + " has no column \"" + path.member + "\"";
    }
    return {};
}

struct FunctionChecker {
    std::string& problem;
    bool rule;
    void operator()(const std::string&) const {}
    void operator()(const expr::Path&) const {}
    void operator()(const expr::Call& call) const {
        if (std::ranges::find(known_functions, call.function) == known_functions.end() &&
            (!rule || std::ranges::find(rule_functions, call.function) == rule_functions.end())) {
            problem = "unknown function \"" + call.function + "\"";
        }
        for (const auto& argument : call.arguments) {
            boost::apply_visitor(*this, argument);
        }
    }
    void operator()(const expr::Operation& operation) const {
        boost::apply_visitor(*this, operation.lhs);
        boost::apply_visitor(*this, operation.rhs);
    }
};

std::string problem_with(const Scope& scope, const expr::Expr& expression) {
    std::string problem;
    boost::apply_visitor(FunctionChecker{problem, scope.rule}, expression);
    for (const auto& path : expr::paths(expression)) {
        if (problem.empty()) {
            problem = problem_with(scope, path);
        }
    }
    return problem.empty() ? problem : problem + " in \"" + expr::to_string(expression) + "\"";
}

}  // namespace

std::string unknown_names(const Layout& layout, const expr::Expr& expression, const Table* table, const Side* side,
                          bool captures) {
    return problem_with(Scope{layout, table, side, nullptr, captures, true}, expression);
}

void check_names(const Layout& layout) {
    std::vector<std::string> problems;
    const auto note = [&](const std::string& where, const std::string& problem) {
        if (!problem.empty()) {
            problems.push_back(where + ": " + problem);
        }
    };
    for (const auto& table : layout.tables) {
        if (table.sheet.empty() && !table.anywhere) {
            problems.push_back(table.id + ": no sheet");
        }
        if (table.note_if_empty) {
            note(table.id, problem_with({layout, &table, nullptr, nullptr}, *table.note_if_empty));
        }
        for (const auto& side : table.sides) {
            const Scope scope{layout, &table, &side, nullptr};
            for (const auto& column : side.columns) {
                if (column.formula) {
                    note(table.id + " column " + column.key, problem_with(scope, *column.formula));
                }
            }
            for (const auto* lines : {&side.head, &side.foot}) {
                for (const auto& line : *lines) {
                    for (const auto& value : line.values) {
                        if (side.column(value.column) == nullptr) {
                            note(table.id + " line " + line.key, "unknown column \"" + value.column + "\"");
                        }
                        note(table.id + " line " + line.key, problem_with(scope, value.value));
                    }
                    if (line.is_sum() && line.sum_last.empty() && !(side.block && side.block->key == line.sum_first)) {
                        note(table.id + " line " + line.key, "no block \"" + line.sum_first + "\" on its side");
                    }
                    if (line.is_sum() && !line.sum_last.empty()) {
                        const auto first = table.line(line.sum_first);
                        const auto last = table.line(line.sum_last);
                        if (!first || !last || first->side != &side || last->side != &side) {
                            note(table.id + " line " + line.key, "the sum's lines are not on its side");
                        }
                    }
                    if (!line.at.empty() && side.column(line.at) == nullptr) {
                        note(table.id + " line " + line.key, "unknown column \"" + line.at + "\"");
                    }
                }
            }
        }
    }
    for (const auto& text : layout.texts) {
        const Scope scope{layout, nullptr, nullptr, &text};
        for (const auto& item : text.items) {
            for (const auto& segment : item.segments) {
                if (segment.is_expression) {
                    note(text.id, problem_with(scope, segment.expression));
                }
            }
            for (const auto& series : item.series) {
                note(text.id, problem_with(scope, series));
            }
        }
    }
    for (const auto& forms : layout.forms) {
        const auto* table = layout.table(forms.per.table);
        if (table == nullptr || table->block_side(forms.per.first) == nullptr) {
            problems.push_back(forms.id + ": \"per\" names no block of a table");
        }
    }
    if (!problems.empty()) {
        std::string message = "the layout " + layout.id + " names what it does not declare:";
        for (const auto& problem : problems) {
            message += "\n  " + problem;
        }
        throw LayoutError(message);
    }
}

}  // namespace bd::layout
