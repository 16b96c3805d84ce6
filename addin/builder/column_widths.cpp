// How a table is printed across its page: each column's width from what it holds (the text's
// width measured in CJK characters of the cells' font), portrait or landscape, the columns widened
// to the page's width and headers rebalanced so that none wraps a lone character; and a form's
// columns, each as wide as its longest caption line.
#include "planner.hpp"

#include <algorithm>
#include <cmath>

namespace bd::build::planning {

namespace {

// Printed widths (A4 less the page margins of odf.cpp) and the width of a CJK character in the
// cells' 10.5 pt font; an ASCII character is half as wide.
constexpr double portrait_width_cm = 18.0;
constexpr double landscape_width_cm = 26.7;
constexpr double cm_per_unit = 0.37;

double text_units(const std::string& text) {
    double units = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            units += 0.5;
        } else if ((byte & 0xC0) != 0x80) {
            units += 1;
        }
    }
    return units;
}

std::string with_year_digits(std::string text) {
    for (auto at = text.find("{year}"); at != std::string::npos; at = text.find("{year}")) {
        text.replace(at, 6, "0000");
    }
    return text;
}

}  // namespace

// Each column as wide as what it holds (a label column as its longest line, a code or amount
// column as its header on one line or two); the table is then printed across the page:
// portrait if it fits, else landscape, widened to the page's width.
void column_widths(Sheet& sheet, const Table& table) {
    std::vector<double> header_units;  // of a code or amount column's header, else 0
    for (const auto& side : table.sides) {
        for (const auto& column : side.columns) {
            const double header = text_units(with_year_digits(column.header));
            switch (column.kind) {
                case ColumnKind::Code:
                case ColumnKind::Amount: {
                    const double line = header <= 6 ? header : std::ceil(header / 2);
                    sheet.widths_cm.push_back(
                        std::max(column.kind == ColumnKind::Code ? 2.4 : 2.0, line * cm_per_unit + 0.4));
                    header_units.push_back(header);
                    break;
                }
                case ColumnKind::Label: {
                    double units = 6;
                    for (const auto* lines : {&side.head, &side.foot}) {
                        for (const auto& line : *lines) {
                            units = std::max(units, text_units(line.label));
                        }
                    }
                    sheet.widths_cm.push_back(side.block ? 7.0 : std::min(7.0, units * cm_per_unit + 0.3));
                    header_units.push_back(0);
                    break;
                }
                default:
                    sheet.widths_cm.push_back(5.0);
                    header_units.push_back(0);
                    break;
            }
        }
    }
    const auto total = [&] {
        double sum = 0;
        for (const double width : sheet.widths_cm) {
            sum += width;
        }
        return sum;
    };
    sheet.landscape = total() > portrait_width_cm;
    const double page = sheet.landscape ? landscape_width_cm : portrait_width_cm;
    const double scale = std::max(1.0, page / total());
    for (auto& width : sheet.widths_cm) {
        width = std::floor(width * scale * 100) / 100;
    }
    // Widened, a header may now wrap leaving one character alone on its last line: such a
    // column takes the width of balanced lines from the widest column.
    for (std::size_t col = 0; col < sheet.widths_cm.size(); ++col) {
        const double units = header_units[col];
        const double per_line = std::floor((sheet.widths_cm[col] - 0.07) / cm_per_unit);
        const double lines = std::ceil(units / per_line);
        if (units == 0 || lines < 2 || units - (lines - 1) * per_line > 1) {
            continue;
        }
        const double wanted = std::ceil(units / (lines - 1)) * cm_per_unit + 0.4;
        std::size_t widest = col;
        for (std::size_t other = 0; other < sheet.widths_cm.size(); ++other) {
            if (header_units[other] == 0 && (widest == col || sheet.widths_cm[other] > sheet.widths_cm[widest])) {
                widest = other;
            }
        }
        const double delta = wanted - sheet.widths_cm[col];
        sheet.widths_cm[col] = wanted;
        if (widest != col && sheet.widths_cm[widest] - delta > 4.0) {
            sheet.widths_cm[widest] -= delta;
        }
    }
}

// Each column as wide as the longest line of the captions in it alone (a caption spanning
// columns is left out), so that no caption wraps inside a word; a caption of more than one
// line is broken at its sensible place by the planner ("\n").
void form_widths(Sheet& sheet) {
    constexpr double narrowest_cm = 2.2;
    constexpr double padding_cm = 0.4;
    for (const auto& row : sheet.rows) {
        for (std::size_t col = 0; col < row.size(); ++col) {
            const auto& cell = row[col];
            if (cell.style != Style::FormLabel || cell.colspan != 1) {
                continue;
            }
            if (sheet.widths_cm.size() <= col) {
                sheet.widths_cm.resize(col + 1, narrowest_cm);
            }
            for (std::size_t start = 0; start <= cell.value.size();) {
                const auto end = std::min(cell.value.find('\n', start), cell.value.size());
                const double width = text_units(cell.value.substr(start, end - start)) * cm_per_unit + padding_cm;
                sheet.widths_cm[col] = std::max(sheet.widths_cm[col], width);
                start = end + 1;
            }
        }
    }
}

}  // namespace bd::build::planning
