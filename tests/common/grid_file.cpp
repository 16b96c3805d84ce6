#include "grid_file.hpp"

#include <fstream>
#include <iomanip>
#include <sstream>

namespace bd::test {

namespace {

CellValue parse_cell(const std::string& field) {
    if (field.starts_with("N:")) {
        return CellValue::of_number(std::stod(field.substr(2)));
    }
    if (field.starts_with("T:")) {
        std::string text = field.substr(2);
        for (auto at = text.find("\\n"); at != std::string::npos; at = text.find("\\n", at + 1)) {
            text.replace(at, 2, "\n");
        }
        return CellValue::of_text(text);
    }
    if (field.starts_with("E:")) {
        return CellValue::of_error(field.substr(2));
    }
    return CellValue::empty();
}

}  // namespace

std::vector<Grid> parse_grid_file(const std::string& text) {
    std::vector<Grid> sheets;
    std::vector<std::vector<CellValue>> rows;
    const auto flush = [&] {
        if (sheets.empty()) {
            return;
        }
        auto& grid = sheets.back();
        grid.rows = rows.size();
        for (const auto& row : rows) {
            grid.cols = std::max(grid.cols, row.size());
        }
        for (auto& row : rows) {
            row.resize(grid.cols);
            grid.cells.insert(grid.cells.end(), row.begin(), row.end());
        }
        rows.clear();
    };
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("#SHEET\t")) {
            flush();
            sheets.push_back({});
            sheets.back().name = line.substr(7);
            continue;
        }
        auto& row = rows.emplace_back();
        std::size_t start = 0;
        while (true) {
            const auto tab = line.find('\t', start);
            row.push_back(parse_cell(line.substr(start, tab - start)));
            if (tab == std::string::npos) {
                break;
            }
            start = tab + 1;
        }
    }
    flush();
    return sheets;
}

std::vector<Grid> read_grid_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return parse_grid_file(text.str());
}

std::string format_grid_file(const std::vector<Grid>& sheets) {
    std::ostringstream out;
    out << std::setprecision(17);
    for (const auto& grid : sheets) {
        out << "#SHEET\t" << grid.name << '\n';
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto& cell = grid.at(r, c);
                out << (c == 0 ? "" : "\t");
                switch (cell.kind) {
                    case CellValue::Kind::Number: out << "N:" << cell.number; break;
                    case CellValue::Kind::Error: out << "E:" << cell.text; break;
                    case CellValue::Kind::Text: {
                        std::string text = cell.text;
                        for (auto& ch : text) {
                            ch = ch == '\t' ? ' ' : ch;
                        }
                        for (auto at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
                            text.replace(at, 1, "\\n");
                        }
                        out << "T:" << text;
                        break;
                    }
                    case CellValue::Kind::Empty: break;
                }
            }
            out << '\n';
        }
    }
    return out.str();
}

}  // namespace bd::test
