#include "grid_file_check.hpp"

#include "grid_file.hpp"
#include "harness.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace fs = std::filesystem;

namespace bd::test {

namespace {

std::string shown(const CellValue& cell) {
    switch (cell.kind) {
        case CellValue::Kind::Number: {
            std::ostringstream out;
            out.precision(17);
            out << "N:" << cell.number;
            return out.str();
        }
        case CellValue::Kind::Text: return "T:" + cell.text;
        case CellValue::Kind::Error: return "E:" + cell.text;
        case CellValue::Kind::Empty: return "empty";
    }
    return {};
}

bool same(const CellValue& x, const CellValue& y) {
    if (x.is_empty() || y.is_empty()) {
        return x.is_empty() && y.is_empty();
    }
    return x.kind == y.kind && (x.kind != CellValue::Kind::Number || std::abs(x.number - y.number) < 1e-9) &&
           (x.kind == CellValue::Kind::Number || x.text == y.text);
}

}  // namespace

std::vector<std::string> grid_differences(const std::vector<Grid>& stored, const std::vector<Grid>& read) {
    std::vector<std::string> differences;
    if (stored.size() != read.size()) {
        differences.push_back("stored " + std::to_string(stored.size()) + " sheets, read " +
                              std::to_string(read.size()));
    }
    const CellValue empty;
    for (std::size_t s = 0; s < std::min(stored.size(), read.size()); ++s) {
        const auto& a = stored[s];
        const auto& b = read[s];
        if (a.name != b.name) {
            differences.push_back("sheet " + std::to_string(s + 1) + ": stored " + a.name + ", read " + b.name);
        }
        for (std::size_t r = 0; r < std::max(a.rows, b.rows); ++r) {
            for (std::size_t c = 0; c < std::max(a.cols, b.cols); ++c) {
                const auto& x = r < a.rows && c < a.cols ? a.at(r, c) : empty;
                const auto& y = r < b.rows && c < b.cols ? b.at(r, c) : empty;
                if (!same(x, y)) {
                    differences.push_back(b.name + "!" + bd::cell_address(r, c) + ": stored " + shown(x) + ", read " +
                                          shown(y));
                }
            }
        }
    }
    return differences;
}

void expect_grid_file_is_what_calc_reads(const fs::path& workbook, const fs::path& stored) {
    ASSERT_TRUE(fs::exists(workbook)) << workbook;
    const Document doc(workbook, true);
    doc.recalculate();
    const auto read = read_sheets(doc.get());
    auto differences = grid_differences(read_grid_file(stored), read);
    if (!fs::exists(stored)) {
        differences.insert(differences.begin(), "there is no " + stored.string());
    }
    if (differences.empty()) {
        return;
    }
    const auto written = fs::temp_directory_path() / (stored.stem().string() + workbook.extension().string() + ".grid");
    write_file(written, format_grid_file(read));
    std::ostringstream first;
    for (std::size_t i = 0; i < std::min<std::size_t>(differences.size(), 20); ++i) {
        first << "\n  " << differences[i];
    }
    ADD_FAILURE() << stored.filename().string() << " is out of date for " << workbook.string() << " ("
                  << differences.size() << " differences); what Calc read is in " << written.string() << first.str()
                  << (differences.size() > 20 ? "\n  …" : "");
}

}  // namespace bd::test
