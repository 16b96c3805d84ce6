#include "bd/locate.hpp"

#include "bd/catalog.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <set>

namespace bd {

namespace {

namespace x3 = boost::spirit::x3;

// The numbering in front of a label: 一、 二十三、 (一) 1、 1. and ① (NFKC has made it "1").
const auto chinese_numeral = x3::lit("一") | "二" | "三" | "四" | "五" | "六" | "七" | "八" | "九" | "十" | "百";
const auto digit = x3::char_('0', '9');
const auto numbering = (+chinese_numeral >> (x3::lit("、") | '.')) | ('(' >> +(chinese_numeral | digit) >> ')') |
                       (+digit >> -(x3::lit("、") | '.'));

// Quotation marks differ from one workbook to the next (“三公” "三公" 三公): left out.
std::string without_quotes(std::string text) {
    for (const std::string_view quote : {"“", "”", "‘", "’", "\"", "'"}) {
        for (auto at = text.find(quote); at != std::string::npos; at = text.find(quote, at)) {
            text.erase(at, quote.size());
        }
    }
    return text;
}

// The part of a pattern ("{year}年预算收支总表") after its placeholders, comparable.
std::string pattern_tail(const std::string& pattern) {
    std::string text;
    for (const auto& segment : expr::parse_template(pattern)) {
        if (!segment.is_expression) {
            text += segment.text;
        }
    }
    return comparable_label(text);
}

std::string cell_text(const CellValue& cell) {
    if (cell.kind == CellValue::Kind::Text) {
        return cell.text;
    }
    return {};
}

std::string code_of(const CellValue& cell) {
    std::string text;
    if (cell.kind == CellValue::Kind::Number && cell.number > 0 && cell.number < 1e9 &&
        cell.number == static_cast<double>(static_cast<long long>(cell.number))) {
        return std::to_string(static_cast<long long>(cell.number));
    }
    if (cell.kind != CellValue::Kind::Text) {
        return {};
    }
    text = normalize_text(cell.text);
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    return digits ? text : std::string();
}

struct TitleHit {
    std::size_t sheet;
    std::size_t row;
    const layout::Table* table;
};

std::vector<TitleHit> find_titles(const layout::Layout& layout, const std::vector<Grid>& sheets) {
    std::vector<std::pair<std::string, const layout::Table*>> tails;
    for (const auto& table : layout.tables) {
        tails.emplace_back(pattern_tail(table.title), &table);
    }
    // Longer titles first, so that a title that ends another one wins over it.
    std::ranges::sort(tails, [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    std::vector<TitleHit> hits;
    std::set<const layout::Table*> found;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const Grid& grid = sheets[s];
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto text = cell_text(grid.at(r, c));
                if (text.empty() || text.size() > 300) {
                    continue;
                }
                const auto comparable = comparable_label(text);
                for (const auto& [tail, table] : tails) {
                    if (!found.contains(table) && comparable.ends_with(tail) && comparable.size() < tail.size() + 120) {
                        hits.push_back({s, r, table});
                        found.insert(table);
                        break;
                    }
                }
            }
        }
    }
    return hits;
}

class TableLocator {
public:
    TableLocator(const Grid& grid, LocatedTable& located) : grid_(grid), located_(located) {}

    void locate() {
        columns();
        lines_and_blocks();
        for (std::size_t r = located_.first_body_row; r <= located_.last_row && r < grid_.rows; ++r) {
            for (std::size_t c = 0; c < grid_.cols; ++c) {
                if (cell_text(grid_.at(r, c)).find("本表无数据") != std::string::npos) {
                    located_.has_note_empty = true;
                }
            }
        }
    }

private:
    void columns() {
        const auto& table = *located_.table;
        const std::size_t header_last = std::min(located_.last_row, located_.title_row + 8);
        std::size_t next_col = 0;
        std::size_t last_header_row = located_.title_row + 1;
        for (const auto& side : table.sides) {
            for (const auto& column : side.columns) {
                const auto wanted = pattern_tail(column.header);
                std::optional<std::pair<std::size_t, std::size_t>> best;  // (col, row)
                for (std::size_t r = located_.title_row + 1; r <= header_last && r < grid_.rows; ++r) {
                    for (std::size_t c = next_col; c < grid_.cols; ++c) {
                        if (comparable_label(cell_text(grid_.at(r, c))) == wanted && (!best || c < best->first)) {
                            best = std::pair{c, r};
                        }
                    }
                }
                if (!best) {
                    located_.missing.push_back("column " + column.header);
                    continue;
                }
                located_.columns[side.key + "/" + column.key] = best->first;
                next_col = best->first + 1;
                last_header_row = std::max(last_header_row, best->second);
            }
        }
        std::size_t body = last_header_row + 1;
        if (table.numbered && body < grid_.rows && numbered_row(body)) {
            ++body;
        }
        located_.first_body_row = body;
    }

    bool numbered_row(std::size_t row) const {
        bool any = false;
        for (std::size_t c = 0; c < grid_.cols; ++c) {
            const auto& cell = grid_.at(row, c);
            if (cell.is_empty()) {
                continue;
            }
            any = true;
            if (code_of(cell).size() > 2) {
                return false;
            }
        }
        return any;
    }

    std::optional<std::size_t> label_column(const layout::Side& side, const layout::Line* line) const {
        if (line != nullptr && !line->at.empty()) {
            return located_.column(side.key, line->at);
        }
        for (const auto kind : {layout::ColumnKind::Label, layout::ColumnKind::Name, layout::ColumnKind::Code}) {
            if (const auto* column = side.first_column(kind); column != nullptr) {
                return located_.column(side.key, column->key);
            }
        }
        return std::nullopt;
    }

    void lines_and_blocks() {
        for (const auto& side : located_.table->sides) {
            std::set<std::size_t> taken;
            std::size_t from = located_.first_body_row;
            for (const auto* lines : {&side.head, &side.foot}) {
                for (const auto& line : *lines) {
                    if (line.blank) {
                        continue;
                    }
                    const auto col = label_column(side, &line);
                    if (!col) {
                        located_.missing.push_back("line " + line.label);
                        continue;
                    }
                    const auto row = find_line(line, *col, from);
                    if (!row) {
                        located_.missing.push_back("line " + line.label);
                        continue;
                    }
                    located_.lines[line.key] = *row;
                    taken.insert(*row);
                    from = *row + 1;
                }
            }
            if (side.block) {
                block(side, taken);
            }
        }
    }

    std::optional<std::size_t> find_line(const layout::Line& line, std::size_t col, std::size_t from) const {
        const bool has_fields = line.label.find('{') != std::string::npos;
        const auto wanted = has_fields ? pattern_tail(line.label) : comparable_label(line.label);
        if (wanted.empty()) {
            // A line labelled by the unit's name alone (项目支出表): the first row of the body.
            return from == located_.first_body_row && from <= located_.last_row ? std::optional(from) : std::nullopt;
        }
        // "{year}年预算数" matches "2023年预算数" (the text after the fields), in the lines' order.
        for (std::size_t r = from; r <= located_.last_row && r < grid_.rows; ++r) {
            const auto text = comparable_label(cell_text(grid_.at(r, col)));
            if (has_fields ? !text.empty() && text.ends_with(wanted) : text == wanted) {
                return r;
            }
        }
        return std::nullopt;
    }

    void block(const layout::Side& side, const std::set<std::size_t>& taken) {
        const auto& block = *side.block;
        const auto* code_column = side.first_column(layout::ColumnKind::Code);
        const auto code_col = code_column != nullptr ? located_.column(side.key, code_column->key) : std::nullopt;
        const auto label_col = label_column(side, nullptr);
        const auto* name_column = side.first_column(layout::ColumnKind::Name);
        const auto name_col = name_column != nullptr ? located_.column(side.key, name_column->key) : label_col;
        auto& rows = located_.blocks[block.key];
        for (std::size_t r = located_.first_body_row; r <= located_.last_row && r < grid_.rows; ++r) {
            if (taken.contains(r)) {
                continue;
            }
            LocatedRow row{r, {}, {}};
            if (name_col) {
                row.label = comparable_label(cell_text(grid_.at(r, *name_col)));
            }
            if (block.kind == layout::BlockKind::Rows) {
                if (!label_col || row.label.empty() || row.label.find("本表无数据") != std::string::npos) {
                    continue;
                }
            } else {
                if (!code_col) {
                    continue;
                }
                row.code = code_of(grid_.at(r, *code_col));
                if (row.code.empty()) {
                    continue;
                }
            }
            rows.push_back(std::move(row));
        }
    }

    const Grid& grid_;
    LocatedTable& located_;
};

}  // namespace

std::optional<std::size_t> LocatedTable::column(const std::string& side, const std::string& key) const {
    const auto it = columns.find(side + "/" + key);
    return it == columns.end() ? std::nullopt : std::optional(it->second);
}

const LocatedTable* LocatedWorkbook::table(std::string_view id) const {
    const auto it = std::ranges::find_if(tables, [&](const LocatedTable& t) { return t.table->id == id; });
    return it == tables.end() ? nullptr : &*it;
}

std::string comparable_label(std::string_view text) {
    std::string normalized = without_quotes(normalize_text(text));
    auto first = normalized.cbegin();
    x3::parse(first, normalized.cend(), numbering);
    return {first, normalized.cend()};
}

LocatedWorkbook locate(const layout::Layout& layout, const std::vector<Grid>& sheets) {
    LocatedWorkbook workbook;
    workbook.layout = &layout;
    auto hits = find_titles(layout, sheets);
    std::ranges::sort(
        hits, [](const TitleHit& a, const TitleHit& b) { return std::tie(a.sheet, a.row) < std::tie(b.sheet, b.row); });
    for (const auto& table : layout.tables) {
        const auto hit = std::ranges::find(hits, &table, &TitleHit::table);
        if (hit == hits.end()) {
            workbook.missing_tables.push_back(table.id);
            continue;
        }
        LocatedTable located;
        located.table = &table;
        located.sheet = hit->sheet;
        located.title_row = hit->row;
        const auto next = std::next(hit);
        const Grid& grid = sheets[hit->sheet];
        located.last_row =
            (next != hits.end() && next->sheet == hit->sheet) ? next->row - 1 : (grid.rows == 0 ? 0 : grid.rows - 1);
        TableLocator(grid, located).locate();
        workbook.tables.push_back(std::move(located));
    }
    return workbook;
}

std::size_t title_matches(const layout::Layout& layout, const std::vector<Grid>& sheets) {
    return find_titles(layout, sheets).size();
}

}  // namespace bd
