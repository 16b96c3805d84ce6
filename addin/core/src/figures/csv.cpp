#include "bd/csv.hpp"

#include <algorithm>
#include <vector>

namespace bd {

Grid grid_of_csv(std::string_view text, std::string name) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;     // inside a quoted field
    bool line_open = false;  // the line has a field (or an empty one before a comma)
    const auto end_field = [&] {
        fields.push_back(std::move(field));
        field.clear();
    };
    const auto end_line = [&] {
        if (line_open) {
            end_field();
            lines.push_back(std::move(fields));
            fields.clear();
        }
        line_open = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') {
                field += c;
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        switch (c) {
            case '"': quoted = line_open = true; break;
            case ',':
                line_open = true;
                end_field();
                break;
            case '\r': break;
            case '\n': end_line(); break;
            default: line_open = true; field += c;
        }
    }
    end_line();
    Grid grid;
    grid.name = std::move(name);
    grid.rows = lines.size();
    for (const auto& line : lines) {
        grid.cols = std::max(grid.cols, line.size());
    }
    grid.cells.resize(grid.rows * grid.cols);
    for (std::size_t r = 0; r < lines.size(); ++r) {
        for (std::size_t c = 0; c < lines[r].size(); ++c) {
            if (!lines[r][c].empty()) {
                grid.cells[r * grid.cols + c] = CellValue::of_text(std::move(lines[r][c]));
            }
        }
        lines[r] = {};  // as it goes: a long table is not held twice
    }
    return grid;
}

}  // namespace bd
