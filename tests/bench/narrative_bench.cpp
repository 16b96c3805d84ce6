// Narrative checking time, in the core (no office): the published 2024 Shanghai budget
// (tests/data/shanghai-putuo-2024.grid) with its 情况说明 repeated until it holds 30 pages of text
// (30,000 characters, 1,000 a page), validated against its tables and against the 2023 budget as
// last year's document. Rows:
//   narrative rules  the pack's rules over free text (fact, year-on-year, items, shares, parts,
//                    prior-year, unresolved): reading the narrative, finding and resolving every
//                    figure, comparing; recognition excluded (done once, before)
//   table rules      the pack's other rules over the same located workbook (the baseline)
// Each is the best of 5 runs. Target: narrative rules ≤ 50 ms, printed as met or not met.
//
// Run (on demand, not part of ctest; a few seconds):
//   cmake --build build --target narrative_bench && build/tests/bench/narrative_bench
// Exit status: 0 measured, 2 could not run.
#include "bd/engine.hpp"
#include "bd/validate.hpp"
#include "grid_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>

namespace {

using bd::Grid;
using bd::rules::Kind;

constexpr int repetitions = 5;
constexpr std::size_t characters_per_page = 1000;
constexpr std::size_t pages = 30;

double best_ms(const std::function<void()>& run) {
    double best = 1e300;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        best =
            std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

bool reads_text(Kind kind) {
    return kind == Kind::Fact || kind == Kind::YearOnYear || kind == Kind::Items || kind == Kind::Shares ||
           kind == Kind::Parts || kind == Kind::PriorYear || kind == Kind::Unresolved;
}

// The narrative sheet's rows repeated until its text holds `pages` pages, each copy's texts marked
// as its own (identical texts would be read once); returns its characters.
std::size_t lengthen_narrative(Grid& narrative) {
    const auto characters = [](const Grid& grid) {
        std::size_t count = 0;
        for (const auto& cell : grid.cells) {
            count += static_cast<std::size_t>(std::ranges::count_if(
                cell.text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        }
        return count;
    };
    const auto once = narrative.cells;
    const auto rows = narrative.rows;
    for (int copy = 2; characters(narrative) < pages * characters_per_page; ++copy) {
        for (auto cell : once) {
            if (!cell.text.empty()) {
                cell.text = "（" + std::to_string(copy) + "）" + cell.text;
            }
            narrative.cells.push_back(std::move(cell));
        }
        narrative.rows += rows;
    }
    return characters(narrative);
}

}  // namespace

int main() {
    try {
        const auto data = std::filesystem::path(BD_TEST_DATA_DIR);
        auto sheets = bd::test::read_grid_file(data / "shanghai-putuo-2024.grid");
        const auto last_year = bd::test::read_grid_file(data / "shanghai-putuo-2023.grid");
        const auto narrative = std::ranges::find(sheets, std::string("情况说明"), &Grid::name);
        if (narrative == sheets.end()) {
            std::cerr << "narrative_bench: no 情况说明 sheet\n";
            return 2;
        }
        const auto characters = lengthen_narrative(*narrative);

        const auto catalog = bd::Catalog::with_bundled_entries();
        const auto& edition = catalog.edition(bd::budget_year(sheets));
        const auto recognized = bd::recognize_workbook(sheets, edition);
        const auto* layout = recognized.workbook.layout;
        if (layout == nullptr) {
            std::cerr << "narrative_bench: the workbook is not recognized\n";
            return 2;
        }
        const auto prior_located = bd::locate_as(last_year, *layout);
        const bd::PriorYear prior{prior_located, last_year};
        const bd::EngineInput input{*layout, recognized.workbook, sheets, edition, &prior};
        bd::rules::RulePack text_rules = *bd::rules::rule_pack_for_layout(layout->id);
        bd::rules::RulePack table_rules = text_rules;
        std::erase_if(text_rules.rules, [](const bd::rules::Rule& r) { return !reads_text(r.kind); });
        std::erase_if(table_rules.rules, [](const bd::rules::Rule& r) { return reads_text(r.kind); });

        std::size_t text_outcomes = 0;
        const auto text_ms = best_ms([&] { text_outcomes = bd::evaluate(text_rules, input).size(); });
        std::size_t table_outcomes = 0;
        const auto table_ms = best_ms([&] { table_outcomes = bd::evaluate(table_rules, input).size(); });

        std::printf("narrative: %zu characters (%.1f pages of %zu), %zu rows\n", characters,
                    static_cast<double>(characters) / characters_per_page, characters_per_page, narrative->rows);
        std::printf("%-16s %9s %9s\n", "", "ms", "outcomes");
        std::printf("%-16s %9.1f %9zu\n", "narrative rules", text_ms, text_outcomes);
        std::printf("%-16s %9.1f %9zu\n", "table rules", table_ms, table_outcomes);
        std::printf("narrative rules / table rules: %.2f\n", text_ms / table_ms);
        std::printf("target narrative rules <= 50 ms: %s\n", text_ms <= 50 ? "met" : "not met");
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "narrative_bench: " << e.what() << "\n";
        return 2;
    }
}
