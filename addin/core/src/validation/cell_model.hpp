// What a cell of a located workbook is computed from, as the layout declares it: the formulas our
// templates write (a 类/款 row sums the 项 rows below it, a 合计 line its block or its lines, a
// column identity such as 合计 = 基本支出 + 项目支出 its row, a line or column formula such as table
// 1's 当年预算安排 = under(T2:codes.total, code) the cells it names). A cell Calc says holds no
// formula is an input and stands for itself; a formula cell is followed down to the input cells it
// comes from. A formula the layout does not declare (a narrative's sentence, a form's figure, a
// user's own) cannot be followed: its inputs are unknown. Private to the finding grouping.
#pragma once

#include "context.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace bd::grouping {

/// A cell of the workbook as one number: its sheet's index, row and column.
using CellKey = std::uint64_t;
CellKey key_of(std::size_t sheet, std::size_t row, std::size_t col);

/// An input cell a cell comes from, and through how many formulas (0: the cell itself).
struct Step {
    CellKey cell = 0;
    unsigned depth = 0;
};

/// The input cells a cell comes from, each as often as it is counted (a 合计 = 基本 + 项目 of
/// formulas over the same rows counts each 项 twice), and whether a formula on the way could not be
/// followed.
struct Inputs {
    std::vector<Step> steps;
    bool unknown = false;
};

class CellModel {
public:
    explicit CellModel(const EngineInput& input);

    /// The sheet index of a cell's sheet (by name), or none.
    [[nodiscard]] std::optional<std::size_t> sheet_index(const std::string& name) const;
    [[nodiscard]] CellKey key(const CellRef& cell) const;
    [[nodiscard]] CellRef ref(CellKey cell) const;
    [[nodiscard]] const CellValue* value(CellKey cell) const;

    /// Calls `visit` with each input cell the cell comes from (itself through no formula, for an
    /// input); whether every formula on the way could be followed. What a formula comes from is
    /// kept for its next asking; an input cell is not (a table of 300,000 rows has a million).
    template <typename Visit>
    bool each_input(CellKey cell, Visit&& visit) {
        if (!is_formula(cell)) {
            visit(Step{cell, 0});
            return true;
        }
        const auto& followed = formula_inputs(cell);
        for (const auto& step : followed.steps) {
            visit(step);
        }
        return !followed.unknown;
    }
    /// How deep the cell's row lies in its coded block (the code's length: 项 7, 款 5, 类 3); 0 for a
    /// line or a cell outside the tables.
    [[nodiscard]] std::size_t depth(CellKey cell) const;

private:
    /// Where a cell lies in the located tables.
    struct Place {
        const LocatedTable* table = nullptr;
        const layout::Side* side = nullptr;
        const layout::Column* column = nullptr;  // none for a "*" table's further columns
        std::size_t col = 0;
        const layout::Line* line = nullptr;
        const LocatedRow* block_row = nullptr;  // either a line or a row of the side's block
        std::size_t row = 0;
        std::string code;  // the line's or the block row's
    };
    /// A located table's lines and block rows by row, per side.
    struct RowIndex {
        std::unordered_map<std::size_t, const layout::Line*> lines;
        std::unordered_map<std::size_t, const LocatedRow*> block_rows;
    };

    [[nodiscard]] bool is_formula(CellKey cell) const;
    const Inputs& formula_inputs(CellKey cell);
    [[nodiscard]] std::optional<Place> place(CellKey cell) const;
    [[nodiscard]] Inputs computed(const Place& place);
    /// Adds the inputs of cells one formula further down.
    void add_below(Inputs& into, const std::vector<CellRef>& cells);
    void add_below(Inputs& into, CellKey cell);
    [[nodiscard]] std::vector<CellRef> evaluated(const expr::Expr& formula, const Place& place) const;
    [[nodiscard]] std::vector<CellRef> summed(const Place& place) const;

    const EngineInput& in_;
    engine::Context context_;
    std::unordered_map<std::string, std::size_t> sheets_;
    std::unordered_map<const LocatedTable*, std::unordered_map<const layout::Side*, RowIndex>> rows_;
    std::unordered_map<CellKey, Inputs> inputs_;  // of the formula cells asked about
};

}  // namespace bd::grouping
