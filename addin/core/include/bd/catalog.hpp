// 政府收支分类科目: the classification catalog and its lookups. A code's parent is its prefix
// (2240106 → 22401 → 224); its scheme follows from its first digit (1 revenue, 2 functional
// expenditure, 3 department economic, 5 government economic). A code that is well formed but
// not in the loaded catalog is "not available", never guessed.
#pragma once

#include "bd/cell.hpp"
#include "bd/codes.hpp"
#include "bd/figures.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bd {

enum class Scheme : std::uint8_t { Revenue, Function, EconomicDepartment, EconomicGovernment };
enum class UnitType : std::uint8_t { Administrative, Institution };  // 机关, 事业单位

std::optional<Scheme> scheme_of_code(std::string_view code);
std::optional<Scheme> parse_scheme(std::string_view name);       // "function", "功能", "部门经济", …
std::optional<UnitType> parse_unit_type(std::string_view text);  // 机关/行政单位, 事业单位/事业

struct CatalogEntry {
    Scheme scheme = Scheme::Function;
    std::string code;
    std::string name;
    int edition = 0;  // the year of the classification the entry was seen in
    std::string source;
};

/// One classification table: a year's official edition, or the bundled entries.
class Edition {
public:
    explicit Edition(int year = 0) : year_(year) {}

    /// Adds an entry; for a code already present the later edition's name wins.
    void add(CatalogEntry entry);
    void add_mapping(UnitType unit, const std::string& department_code, const std::string& government_code);

    [[nodiscard]] const CatalogEntry* find(std::string_view code) const;
    /// Entries whose name equals `name` after normalization, optionally only under a code prefix.
    [[nodiscard]] std::vector<const CatalogEntry*> find_by_name(std::string_view name, std::string_view prefix) const;
    [[nodiscard]] std::optional<std::string> government_code(UnitType unit, std::string_view department_code) const;
    [[nodiscard]] int year() const { return year_; }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] const std::map<std::string, CatalogEntry, std::less<>>& entries() const { return entries_; }

private:
    int year_;
    std::map<std::string, CatalogEntry, std::less<>> entries_;
    std::multimap<std::string, std::string, std::less<>> by_name_;  // normalized name → code
    std::map<std::pair<UnitType, std::string>, std::string, std::less<>> mappings_;
};

/// The editions in use: imported official tables by year, and the bundled entries.
class Catalog {
public:
    /// The entries bundled with the extension (sourced public material; far from complete).
    static Catalog with_bundled_entries();

    void set_edition(Edition edition);
    /// The imported edition of `year` if there is one, else the latest imported edition when no
    /// year is asked for, else the bundled entries.
    [[nodiscard]] const Edition& edition(std::optional<int> year) const;
    [[nodiscard]] std::vector<int> imported_years() const;
    /// Line number of a functional class in table 1 (预算收支总表), 1-based.
    [[nodiscard]] std::optional<int> table1_line(std::string_view class_code) const;

private:
    Edition bundled_;
    std::map<int, Edition> imported_;
    std::map<std::string, int, std::less<>> table1_lines_;
};

/// A name a functional class had in an earlier edition (医疗卫生与计划生育支出 for 210), as data
/// (data/former_names.tsv).
struct FormerName {
    std::string code;
    std::string name;
    int last_edition = 0;
};
/// The class an earlier edition gave this name (compared after normalization), or nullptr.
const FormerName* former_class_name(std::string_view name);

// The cell functions over an edition.
FunctionResult<std::string> class_name(const Edition& edition, const CellValue& code);
/// The name of a code while the document's year is not entered yet, followed by the edition it is
/// taken from: 行政运行（暂按2024年科目）, or （暂按内置科目） for bundled entries of no known year.
FunctionResult<std::string> provisional_class_name(const Edition& edition, const CellValue& code);
/// The code of a name; `within` narrows the search: empty (functional classification), a code
/// prefix, or a scheme name. No match: #N/A; more than one: #VALUE!.
FunctionResult<std::string> class_code(const Edition& edition, const CellValue& name, const CellValue& within);
FunctionResult<std::string> class_level(const Edition& edition, const CellValue& code);
FunctionResult<std::string> class_parent(const Edition& edition, const CellValue& code);
bool class_valid(const Edition& edition, const CellValue& code);
FunctionResult<std::string> government_economic_code(const Edition& edition, const CellValue& department_code,
                                                     const CellValue& unit_type);
/// "二十三、灾害防治及应急管理支出": the table-1 line of a functional class, numbered in Chinese (ICU).
FunctionResult<std::string> table1_line_label(const Catalog& catalog, const Edition& edition, const CellValue& code);
/// The sum of the amounts of the rows whose code starts with `prefix`, counting only the deepest
/// rows (a row whose code another row's code extends is a subtotal and is left out).
FunctionResult<Decimal> sum_under(const std::vector<CellValue>& codes, const std::vector<CellValue>& amounts,
                                  const CellValue& prefix);

}  // namespace bd
