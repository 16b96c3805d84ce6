#include "bd/classification_import.hpp"

#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace bd {

namespace {

struct Columns {
    std::size_t header_row = 0;
    std::optional<std::size_t> code;                // one code column, or:
    std::optional<std::size_t> klass, kuan, xiang;  // split 类 / 款 / 项 columns
    std::size_t name = 0;
};

std::string text_at(const Grid& sheet, std::size_t row, std::size_t col) {
    const CellValue& cell = sheet.at(row, col);
    return cell.kind == CellValue::Kind::Text ? normalize_text(cell.text) : std::string();
}

std::optional<Columns> find_columns(const Grid& sheet) {
    static const std::set<std::string> code_headers{"科目编码", "科目代码", "编码", "代码", "code"};
    static const std::set<std::string> name_headers{"科目名称", "名称", "name"};
    for (std::size_t r = 0; r < std::min<std::size_t>(sheet.rows, 30); ++r) {
        Columns columns{r, {}, {}, {}, {}, 0};
        std::optional<std::size_t> name;
        for (std::size_t c = 0; c < sheet.cols; ++c) {
            const std::string header = text_at(sheet, r, c);
            if (code_headers.contains(header) && !columns.code)
                columns.code = c;
            if (name_headers.contains(header) && !name)
                name = c;
            if (header == "类")
                columns.klass = c;
            if (header == "款")
                columns.kuan = c;
            if (header == "项")
                columns.xiang = c;
        }
        const bool split = columns.klass && columns.kuan;
        if (name && (columns.code || split)) {
            columns.name = *name;
            if (split) {
                columns.code.reset();
            }
            return columns;
        }
    }
    return std::nullopt;
}

std::string digits_of(const CellValue& cell) {
    if (cell.kind == CellValue::Kind::Number) {
        // A code typed as a number: its digits; any other number as written (a malformed code,
        // never "no code": 2240106000001 is a 13-digit code, −5 and 224.5 are no codes).
        if (cell.number >= 0 && cell.number < 1e15 && cell.number == std::floor(cell.number)) {
            return std::to_string(static_cast<long long>(cell.number));
        }
        std::ostringstream out;
        out << cell.number;
        return out.str();
    }
    return cell.kind == CellValue::Kind::Text ? normalize_text(cell.text) : std::string();
}

LocalizedText at_row(std::size_t row, const std::string& en, const std::string& zh) {
    return {"row " + std::to_string(row + 1) + ": " + en, "第 " + std::to_string(row + 1) + " 行：" + zh};
}

}  // namespace

ImportResult parse_classification_table(const Grid& sheet, int year, const std::string& source) {
    ImportResult result;
    auto& problems = result.problems;
    const auto note = [&](LocalizedText problem) {
        if (problems.size() < max_import_problems) {
            problems.push_back(std::move(problem));
        }
    };
    const auto columns = find_columns(sheet);
    if (!columns) {
        note({"no code column: the header needs 科目编码 (or 类, 款 and 项 columns) and 科目名称",
              "找不到科目编码列：表头应有“科目编码”（或“类”“款”“项”三列）和“科目名称”"});
        return result;
    }
    std::map<std::string, std::pair<std::string, std::size_t>> names;  // code → name, row
    std::string current_class, current_kuan;
    for (std::size_t r = columns->header_row + 1; r < sheet.rows; ++r) {
        const CellValue& name_cell = sheet.at(r, columns->name);
        const std::string name =
            name_cell.kind == CellValue::Kind::Text ? normalize_text(name_cell.text) : std::string();
        std::string code;
        if (columns->code) {
            code = digits_of(sheet.at(r, *columns->code));
        } else {
            const std::string k = digits_of(sheet.at(r, *columns->klass));
            const std::string m = digits_of(sheet.at(r, *columns->kuan));
            const std::string x = columns->xiang ? digits_of(sheet.at(r, *columns->xiang)) : std::string();
            if (!k.empty()) {
                current_class = k;
                current_kuan.clear();
                code = k;
            }
            if (!m.empty()) {
                current_kuan = (m.size() == 1 ? "0" : "") + m;
                code = current_class + current_kuan;
            }
            if (!x.empty()) {
                code = current_class + current_kuan + (x.size() == 1 ? "0" : "") + x;
            }
        }
        if (code.empty() && name.empty()) {
            continue;
        }
        if (code.empty()) {
            note(at_row(r, "a name without a code (" + name + ")", "有名称无编码（" + name + "）"));
            continue;
        }
        const auto normalized = normalize_code(CellValue::of_text(code));
        if (!normalized || !scheme_of_code(*normalized)) {
            note(at_row(r, "malformed code " + code + " (3, 5 or 7 digits of a known classification)",
                        "编码 " + code + " 格式不对（应为 3、5 或 7 位的收支分类科目编码）"));
            continue;
        }
        if (name.empty()) {
            note(at_row(r, "code " + code + " has no name", "编码 " + code + " 没有名称"));
            continue;
        }
        const auto [it, inserted] = names.try_emplace(code, name, r);
        if (!inserted && it->second.first != name) {
            note(at_row(r,
                        "code " + code + " has two names: " + it->second.first + " (row " +
                            std::to_string(it->second.second + 1) + ") and " + name,
                        "编码 " + code + " 有两个名称：“" + it->second.first + "”（第 " +
                            std::to_string(it->second.second + 1) + " 行）和“" + name + "”"));
        }
    }
    for (const auto& [code, named] : names) {
        if (code.size() > 3 && !names.contains(code.substr(0, code.size() - 2))) {
            const std::string parent = code.substr(0, code.size() - 2);
            note(at_row(named.second, "the parent " + parent + " of " + code + " is not in the table",
                        code + " 的上级科目 " + parent + " 不在表中"));
        }
    }
    if (names.empty() && problems.empty()) {
        note({"the table has no classification entries", "表中没有分类科目"});
    }
    if (!problems.empty()) {
        return result;
    }
    Edition edition(year);
    for (const auto& [code, named] : names) {
        edition.add({*scheme_of_code(code), code, sheet.at(named.second, columns->name).text, year, source});
    }
    result.edition = std::move(edition);
    return result;
}

std::string edition_to_tsv(const Edition& edition) {
    std::string text = "科目编码\t科目名称\n";
    for (const auto& [code, entry] : edition.entries()) {
        text += code + "\t" + entry.name + "\n";
    }
    return text;
}

}  // namespace bd
