#include "bd/recognize.hpp"

#include "bd/titles.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string_view>
#include <unordered_map>

namespace bd {

namespace {

// A title is a short text; anything longer is a sentence that may quote one.
constexpr std::size_t longest_title = 80;   // characters
constexpr std::size_t longest_prefix = 60;  // bytes before a title (the unit's name)
constexpr std::size_t candidates_shown = 3;
constexpr std::size_t top_rows = 3;  // a sheet's first rows: where a title is, even a misspelt one

// A text that may be a table's title: where it is and its key.
struct TitleText {
    TitleHit hit;
    std::string key;
};

// The texts of a workbook that may be titles: cells that read like one, and the sheets' names.
std::vector<TitleText> title_texts(const std::vector<Grid>& sheets) {
    std::vector<TitleText> texts;
    std::unordered_map<std::string_view, std::string> keys;  // a text's key, once per text (a form per
                                                             // project repeats its title 2,000 times)
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const Grid& grid = sheets[s];
        for (std::size_t r = 0; r < grid.rows; ++r) {
            for (std::size_t c = 0; c < grid.cols; ++c) {
                const auto& cell = grid.at(r, c);
                // Every title of a set names a 表 (or the narrative's 说明); of other texts, only those at
                // the top of a sheet are read (as candidates for a misspelt title).
                if (cell.kind != CellValue::Kind::Text || cell.text.size() > longest_title * 4 ||
                    (cell.text.find("表") == std::string::npos && cell.text.find("说明") == std::string::npos &&
                     r >= top_rows)) {
                    continue;
                }
                auto [known, added] = keys.try_emplace(cell.text);
                if (added) {
                    known->second = title_key(cell.text);
                }
                const auto& key = known->second;
                if (!key.empty() && length_in_characters(key) <= longest_title) {
                    texts.push_back({{s, r, c, cell.text}, key});
                }
            }
        }
    }
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        texts.push_back({{s, std::nullopt, 0, sheets[s].name}, title_key(sheets[s].name)});
    }
    return texts;
}

bool names(const std::string& text_key, const std::string& title_key_) {
    return text_key == title_key_ ||
           (text_key.ends_with(title_key_) && text_key.size() - title_key_.size() <= longest_prefix);
}

// The keys of a table's (or text section's) title and its alternatives.
std::vector<std::string> keys_of(const std::string& title, const std::vector<std::string>& also) {
    std::vector<std::string> keys{pattern_title_key(title)};
    for (const auto& text : also) {
        keys.push_back(pattern_title_key(text));
    }
    std::erase(keys, std::string());
    return keys;
}

// How well a text names a title: 0 not at all, 1 with a prefix (the unit's name), 2 exactly; and
// the length of the key it matched (a longer key is the more specific table).
std::pair<int, std::size_t> naming(const std::string& text_key, const std::vector<std::string>& keys) {
    std::pair<int, std::size_t> best{0, 0};
    for (const auto& key : keys) {
        if (names(text_key, key)) {
            best = std::max(best, std::pair{text_key == key ? 2 : 1, key.size()});
        }
    }
    return best;
}

// The first row after a title's region: the next text on the sheet that names a title of the set.
std::size_t region_end(const TitleHit& hit, const std::vector<TitleHit>& others, const Grid& grid) {
    std::size_t end = grid.rows;
    for (const auto& other : others) {
        if (other.sheet == hit.sheet && other.row && hit.row && *other.row > *hit.row) {
            end = std::min(end, *other.row);
        }
    }
    return end;
}

struct Assignment {
    const layout::Layout* layout = nullptr;
    std::map<std::string, TitleHit> tables;  // table id → title
    std::map<std::string, TitleHit> texts;
    [[nodiscard]] std::size_t found() const { return tables.size(); }
};

// Which text is each table's title. Each text names the table with the most specific title it
// matches; a table takes, of the texts naming it, the one with most of its headers below.
Assignment assign(const layout::Layout& layout, const std::vector<TitleText>& texts, const std::vector<Grid>& sheets,
                  const std::set<std::size_t>& titled_sheets) {
    Assignment assignment{&layout, {}, {}};
    std::vector<std::vector<std::string>> table_keys;
    for (const auto& table : layout.tables) {
        table_keys.push_back(keys_of(table.title, table.also));
    }
    // Every text naming a title of the set, for the regions.
    std::vector<TitleHit> naming_texts;
    std::vector<std::pair<std::size_t, const TitleText*>> named;  // table index, text
    for (const auto& text : texts) {
        std::pair<int, std::size_t> best{0, 0};
        std::optional<std::size_t> table;
        for (std::size_t t = 0; t < layout.tables.size(); ++t) {
            if (layout.tables[t].anywhere) {
                continue;
            }
            const auto how = naming(text.key, table_keys[t]);
            if (how.first > 0 && how > best) {
                best = how;
                table = t;
            }
        }
        if (table) {
            named.emplace_back(*table, &text);
            naming_texts.push_back(text.hit);
        }
    }
    for (std::size_t t = 0; t < layout.tables.size(); ++t) {
        const auto& table = layout.tables[t];
        const TitleText* best = nullptr;
        std::tuple<std::size_t, int, bool> best_score{0, 0, false};
        for (const auto& [index, text] : named) {
            if (index != t || (!text->hit.row && titled_sheets.contains(text->hit.sheet))) {
                continue;
            }
            const Grid& grid = sheets[text->hit.sheet];
            const auto first = text->hit.row ? *text->hit.row + 1 : 0;
            const auto score = std::tuple{header_matches(table, grid, first, region_end(text->hit, naming_texts, grid)),
                                          naming(text->key, table_keys[t]).first, text->hit.row.has_value()};
            if (best == nullptr || score > best_score) {
                best = text;
                best_score = score;
            }
        }
        if (best != nullptr) {
            assignment.tables[table.id] = best->hit;
        }
    }
    for (const auto& section : layout.texts) {
        const auto keys = keys_of(section.title, section.also);
        for (const auto& text : texts) {
            if (!assignment.texts.contains(section.id) && naming(text.key, keys).first > 0) {
                assignment.texts[section.id] = text.hit;
            }
        }
    }
    return assignment;
}

std::string quoted_place(const TitleHit& hit, const std::vector<Grid>& sheets) {
    const auto where = hit.row ? sheets[hit.sheet].name + "!" + cell_address(*hit.row, hit.col)
                               : sheets[hit.sheet].name + "（工作表名）";
    return "“" + hit.written + "”（" + where + "）";
}

// The texts that come closest to a table's title, for a table not found (a title with a typo).
std::vector<std::string> closest(const layout::Table& table, const std::vector<TitleText>& texts,
                                 const Assignment& assignment, const std::vector<Grid>& sheets) {
    const auto keys = keys_of(table.title, table.also);
    std::vector<std::pair<std::size_t, const TitleText*>> scored;
    for (const auto& text : texts) {
        const bool taken = std::ranges::any_of(assignment.tables, [&](const auto& entry) {
            return entry.second.sheet == text.hit.sheet && entry.second.row == text.hit.row &&
                   entry.second.col == text.hit.col;
        });
        if (taken || text.key.empty()) {
            continue;
        }
        std::size_t distance = std::string::npos;
        for (const auto& key : keys) {
            // Against the whole text and against its end (a title after the unit's name).
            const auto length = length_in_characters(key);
            distance = std::min(
                {distance, edit_distance(text.key, key), edit_distance(last_characters(text.key, length), key)});
            if (distance * 3 <= length || distance <= 1) {
                scored.emplace_back(distance, &text);
                break;
            }
        }
    }
    std::ranges::stable_sort(scored, {}, &std::pair<std::size_t, const TitleText*>::first);
    std::vector<std::string> shown;
    for (const auto& [distance, text] : scored) {
        const auto place = quoted_place(text->hit, sheets);
        if (shown.size() < candidates_shown && std::ranges::find(shown, place) == shown.end()) {
            shown.push_back(place);
        }
    }
    return shown;
}

std::string title_shown(const layout::Table& table) {
    // The title without its year: "{year}年预算支出总表" → "预算支出总表".
    std::string text;
    for (const auto& segment : expr::parse_template(table.title)) {
        if (!segment.is_expression) {
            text += segment.text;
        }
    }
    return text.starts_with("年") ? text.substr(std::string_view("年").size()) : text;
}

LocatedWorkbook locate_assigned(const Assignment& assignment, const std::vector<Grid>& sheets, const Edition& edition) {
    LocatedWorkbook workbook;
    workbook.layout = assignment.layout;
    workbook.texts = assignment.texts;
    std::vector<TitleHit> hits;
    for (const auto& [id, hit] : assignment.tables) {
        hits.push_back(hit);
    }
    for (const auto& [id, hit] : assignment.texts) {
        hits.push_back(hit);
    }
    for (const auto& table : assignment.layout->tables) {
        const auto it = assignment.tables.find(table.id);
        if (it == assignment.tables.end()) {
            workbook.missing_tables.push_back(table.id);
            continue;
        }
        const auto& hit = it->second;
        const Grid& grid = sheets[hit.sheet];
        workbook.tables.push_back(
            locate_table(table, grid, hit.sheet, hit, region_end(hit, hits, grid), *assignment.layout, edition));
    }
    return workbook;
}

// The generic layout's tables, found by their columns on every sheet that has them.
LocatedWorkbook locate_anywhere(const layout::Layout& layout, const std::vector<Grid>& sheets, const Edition& edition) {
    LocatedWorkbook workbook;
    workbook.layout = &layout;
    for (const auto& table : layout.tables) {
        for (std::size_t s = 0; s < sheets.size(); ++s) {
            const Grid& grid = sheets[s];
            for (std::size_t top = 0; top < grid.rows; top += 10) {
                if (header_matches(table, grid, top, grid.rows) == 0) {
                    continue;
                }
                const TitleHit hit{s, top == 0 ? std::nullopt : std::optional(top - 1), 0, grid.name};
                auto located = locate_table(table, grid, s, hit, grid.rows, layout, edition);
                if (located.columns.empty() || located.blocks.empty() || located.blocks.begin()->second.empty()) {
                    continue;
                }
                workbook.tables.push_back(std::move(located));
                break;  // one coded table per sheet
            }
        }
    }
    return workbook;
}

RecognizedTable summary_of(const layout::Table& table, const LocatedTable* located, const std::vector<Grid>& sheets) {
    RecognizedTable entry;
    entry.id = table.id;
    entry.title = title_shown(table);
    if (located == nullptr) {
        return entry;
    }
    entry.found = true;
    entry.sheet = sheets[located->sheet].name;
    entry.range = cell_address(located->top_row(), 0) + ":" + cell_address(located->last_row, located->last_col);
    entry.found_as = located->found_as;
    entry.unit = located->unit_stated && located->unit != nullptr ? located->unit->name : std::string();
    entry.missing = located->missing;
    return entry;
}

LocalizedText verdict(const Recognition& summary, const layout::Layout* layout, std::size_t sheets) {
    const auto found = summary.found_count();
    const auto total = summary.tables.size();
    std::string missing_zh;
    std::string missing_en;
    for (const auto& table : summary.tables) {
        if (!table.found) {
            missing_zh += (missing_zh.empty() ? "" : "、") + table.title;
            missing_en += (missing_en.empty() ? "" : ", ") + table.id;
        }
    }
    if (summary.recognized) {
        LocalizedText text{
            "Recognized as " + layout->title_en + ": " + std::to_string(found) + " of " + std::to_string(total) +
                " tables found.",
            "识别为" + layout->title_zh + "：找到 " + std::to_string(found) + "/" + std::to_string(total) + " 张表。"};
        if (found < total) {
            text.en += " Not found: " + missing_en + "; the checks that need them could not run.";
            text.zh += "未找到：" + missing_zh + "，需要这些表的检查无法进行。";
        }
        return text;
    }
    const std::string what_to_do_zh =
        "请确认每张表的标题（如“2023年预算收支总表”）写在表格上方或工作表名中，且为标准的预算公开表格；"
        "也可用 文件 › 新建 › 模板 › 预算公开 中的模板填写。";
    const std::string what_to_do_en =
        "Check that each table's title (e.g. 2023年预算收支总表) is written above the table or as the sheet's "
        "name and that the tables are the standard disclosure tables; or fill in a template from File › New › "
        "Templates › 预算公开.";
    if (layout == nullptr) {
        LocalizedText text{"None of the " + std::to_string(sheets) + " sheets holds a title of a known table set. ",
                           std::to_string(sheets) + " 张工作表中没有任何已知预算公开表套的表标题。"};
        if (found > 0) {  // the generic layout's coded tables
            text.en += std::to_string(found) +
                       " tables arranged by classification code were found and their sums "
                       "checked. ";
            text.zh += "找到 " + std::to_string(found) + " 张按科目编码排列的表，已检查其汇总关系。";
        }
        text.en += what_to_do_en;
        text.zh += what_to_do_zh;
        return text;
    }
    return {"Only " + std::to_string(found) + " of the " + std::to_string(total) + " tables of " + layout->title_en +
                " were found (not found: " + missing_en + "). " + what_to_do_en,
            layout->title_zh + "的 " + std::to_string(total) + " 张表只找到 " + std::to_string(found) +
                " 张（未找到：" + missing_zh + "）。" + what_to_do_zh};
}

}  // namespace

Recognized recognize(const std::vector<Grid>& sheets, const Edition& edition,
                     const std::vector<const layout::Layout*>& sets, const layout::Layout* generic) {
    const auto texts = title_texts(sheets);
    // A sheet with a table's title in a cell (of any set): its name is no title of its own.
    std::set<std::size_t> titled_sheets;
    for (const auto* layout : sets) {
        for (const auto& table : layout->tables) {
            const auto keys = keys_of(table.title, table.also);
            for (const auto& text : texts) {
                if (text.hit.row && naming(text.key, keys).first > 0) {
                    titled_sheets.insert(text.hit.sheet);
                }
            }
        }
    }
    std::optional<Assignment> best;
    for (const auto* layout : sets) {
        auto assignment = assign(*layout, texts, sheets, titled_sheets);
        // The set of which the workbook holds the largest share of tables; on a tie, the most tables.
        const auto share = [](const Assignment& a) {
            return std::pair{a.found() * 1000 / a.layout->tables.size(), a.found()};
        };
        if (assignment.found() > 0 && (!best || share(assignment) > share(*best))) {
            best = std::move(assignment);
        }
    }
    Recognized result;
    auto& summary = result.summary;
    if (!best) {
        if (generic != nullptr) {
            result.workbook = locate_anywhere(*generic, sheets, edition);
            for (const auto& located : result.workbook.tables) {
                summary.tables.push_back(summary_of(*located.table, &located, sheets));
            }
        }
        summary.verdict = verdict(summary, nullptr, sheets.size());
        return result;
    }
    const auto& layout = *best->layout;
    result.workbook = locate_assigned(*best, sheets, edition);
    summary.set_id = layout.id;
    summary.set_title = {layout.title_en, layout.title_zh};
    for (const auto& table : layout.tables) {
        auto entry = summary_of(table, result.workbook.table(table.id), sheets);
        if (!entry.found) {
            entry.candidates = closest(table, texts, *best, sheets);
        }
        summary.tables.push_back(std::move(entry));
    }
    summary.recognized = summary.found_count() * 2 >= layout.tables.size();
    summary.verdict = verdict(summary, &layout, sheets.size());
    return result;
}

}  // namespace bd

namespace bd {

std::optional<int> budget_year(const std::vector<Grid>& sheets) {
    static const std::regex year(R"((20[0-9]{2})年)");
    for (const auto& grid : sheets) {
        for (const auto& cell : grid.cells) {
            std::smatch match;
            if (cell.kind == CellValue::Kind::Text && cell.text.size() < 200 &&
                std::regex_search(cell.text, match, year)) {
                return std::stoi(match[1].str());
            }
        }
    }
    return std::nullopt;
}

LocatedWorkbook locate_as(const std::vector<Grid>& sheets, const layout::Layout& layout) {
    static const auto catalog = Catalog::with_bundled_entries();
    return recognize(sheets, catalog.edition(budget_year(sheets)), {&layout}, nullptr).workbook;
}

}  // namespace bd
