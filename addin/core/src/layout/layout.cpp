#include "bd/layout.hpp"

#include <algorithm>

namespace bd::data {
struct LayoutSource {
    const char* name;
    const char* text;
};
extern const LayoutSource layout_sources[];
extern const unsigned long layout_source_count;
}  // namespace bd::data

namespace bd::layout {

std::string_view code_prefix(BlockKind kind) {
    switch (kind) {
        case BlockKind::Economic: return "3";
        case BlockKind::Revenue: return "1";
        case BlockKind::Functional: return "2";
        case BlockKind::Any:
        case BlockKind::Rows: return "";
    }
    return "";
}

const Column* Side::column(std::string_view key) const {
    const auto it = std::ranges::find(columns, key, &Column::key);
    return it == columns.end() ? nullptr : &*it;
}

const Column* Side::first_column(ColumnKind kind) const {
    const auto it = std::ranges::find(columns, kind, &Column::kind);
    return it == columns.end() ? nullptr : &*it;
}

std::optional<Table::LineAt> Table::line(std::string_view key) const {
    for (const auto& side : sides) {
        for (const auto* lines : {&side.head, &side.foot}) {
            const auto it =
                std::ranges::find_if(*lines, [&](const Line& line) { return !line.blank && line.key == key; });
            if (it != lines->end()) {
                return LineAt{&side, &*it};
            }
        }
    }
    return std::nullopt;
}

const Side* Table::block_side(std::string_view key) const {
    const auto it = std::ranges::find_if(sides, [&](const Side& side) { return side.block && side.block->key == key; });
    return it == sides.end() ? nullptr : &*it;
}

const Side* Table::side(std::string_view key) const {
    const auto it = std::ranges::find(sides, key, &Side::key);
    return it == sides.end() ? nullptr : &*it;
}

const Table* Layout::table(std::string_view id) const {
    const auto it = std::ranges::find(tables, id, &Table::id);
    return it == tables.end() ? nullptr : &*it;
}

const TextSheet* Layout::text(std::string_view id) const {
    const auto it = std::ranges::find(texts, id, &TextSheet::id);
    return it == texts.end() ? nullptr : &*it;
}
const std::vector<Layout>& bundled_layouts() {
    static const std::vector<Layout> layouts = [] {
        std::vector<Layout> all;
        for (unsigned long i = 0; i < data::layout_source_count; ++i) {
            all.push_back(parse_layout(data::layout_sources[i].text));
        }
        return all;
    }();
    return layouts;
}

const Layout* find_layout(std::string_view id) {
    const auto& layouts = bundled_layouts();
    const auto it = std::ranges::find(layouts, id, &Layout::id);
    return it == layouts.end() ? nullptr : &*it;
}

}  // namespace bd::layout
