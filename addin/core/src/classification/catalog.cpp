#include "bd/catalog.hpp"

#include "bd/chinese_numerals.hpp"
#include "bd/data_table.hpp"

#include <algorithm>
#include <stdexcept>

namespace bd {

namespace data {
extern const char* const classification_tsv;
extern const char* const economic_mapping_tsv;
extern const char* const table1_lines_tsv;
extern const char* const former_names_tsv;
}  // namespace data

namespace {

std::optional<Scheme> scheme_from_data(std::string_view name) {
    if (name == "function")
        return Scheme::Function;
    if (name == "revenue")
        return Scheme::Revenue;
    if (name == "economic-department")
        return Scheme::EconomicDepartment;
    if (name == "economic-government")
        return Scheme::EconomicGovernment;
    return std::nullopt;
}

std::optional<std::string> code_argument(const CellValue& cell) {
    return normalize_code(cell);
}

}  // namespace

std::optional<Scheme> scheme_of_code(std::string_view code) {
    if (code.empty()) {
        return std::nullopt;
    }
    switch (code.front()) {
        case '1': return Scheme::Revenue;
        case '2': return Scheme::Function;
        case '3': return Scheme::EconomicDepartment;
        case '5': return Scheme::EconomicGovernment;
        default: return std::nullopt;
    }
}

std::optional<Scheme> parse_scheme(std::string_view text) {
    const std::string name = normalize_text(text);
    if (auto scheme = scheme_from_data(name)) {
        return scheme;
    }
    if (name == "功能" || name == "功能分类" || name == "支出功能分类")
        return Scheme::Function;
    if (name == "收入" || name == "收入分类")
        return Scheme::Revenue;
    if (name == "部门经济" || name == "部门经济分类" || name == "部门预算支出经济分类")
        return Scheme::EconomicDepartment;
    if (name == "政府经济" || name == "政府经济分类" || name == "政府预算支出经济分类")
        return Scheme::EconomicGovernment;
    return std::nullopt;
}

std::optional<UnitType> parse_unit_type(std::string_view text) {
    const std::string name = normalize_text(text);
    if (name == "机关" || name == "行政" || name == "行政单位" || name == "参公单位" || name == "administrative") {
        return UnitType::Administrative;
    }
    if (name == "事业" || name == "事业单位" || name == "institution") {
        return UnitType::Institution;
    }
    return std::nullopt;
}

void Edition::add(CatalogEntry entry) {
    const auto existing = entries_.find(entry.code);
    if (existing != entries_.end()) {
        if (existing->second.edition > entry.edition) {
            return;
        }
        const std::string old_key = normalize_text(existing->second.name);
        for (auto [it, end] = by_name_.equal_range(old_key); it != end; ++it) {
            if (it->second == entry.code) {
                by_name_.erase(it);
                break;
            }
        }
    }
    by_name_.emplace(normalize_text(entry.name), entry.code);
    const std::string code = entry.code;
    entries_.insert_or_assign(code, std::move(entry));
}

void Edition::add_mapping(UnitType unit, const std::string& department_code, const std::string& government_code) {
    mappings_[{unit, department_code}] = government_code;
}

const CatalogEntry* Edition::find(std::string_view code) const {
    const auto it = entries_.find(code);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<const CatalogEntry*> Edition::find_by_name(std::string_view name, std::string_view prefix) const {
    std::vector<const CatalogEntry*> found;
    for (auto [it, end] = by_name_.equal_range(normalize_text(name)); it != end; ++it) {
        if (it->second.starts_with(prefix)) {
            found.push_back(find(it->second));
        }
    }
    return found;
}

std::optional<std::string> Edition::government_code(UnitType unit, std::string_view department_code) const {
    const auto it = mappings_.find(std::pair{unit, std::string(department_code)});
    return it == mappings_.end() ? std::nullopt : std::optional(it->second);
}

const FormerName* former_class_name(std::string_view name) {
    static const std::vector<FormerName> names = [] {
        std::vector<FormerName> read;
        for (const auto& row : tsv_rows(data::former_names_tsv)) {
            read.push_back({row.at(0), normalize_text(row.at(1)), std::stoi(row.at(2))});
        }
        return read;
    }();
    const auto normalized = normalize_text(name);
    const auto it = std::ranges::find(names, normalized, &FormerName::name);
    return it == names.end() ? nullptr : &*it;
}

Catalog Catalog::with_bundled_entries() {
    Catalog catalog;
    for (const auto& row : tsv_rows(data::classification_tsv)) {
        const auto scheme = scheme_from_data(row.at(0));
        if (!scheme) {
            throw std::logic_error("bundled classification: unknown scheme " + row.at(0));
        }
        catalog.bundled_.add({*scheme, row.at(1), row.at(2), std::stoi(row.at(3)), row.at(4)});
    }
    for (const auto& row : tsv_rows(data::economic_mapping_tsv)) {
        catalog.bundled_.add_mapping(*parse_unit_type(row.at(0)), row.at(1), row.at(2));
    }
    for (const auto& row : tsv_rows(data::table1_lines_tsv)) {
        catalog.table1_lines_[row.at(1)] = std::stoi(row.at(0));
    }
    return catalog;
}

void Catalog::set_edition(Edition edition) {
    const int year = edition.year();
    imported_.insert_or_assign(year, std::move(edition));
}

const Edition& Catalog::edition(std::optional<int> year) const {
    if (year) {
        const auto it = imported_.find(*year);
        return it == imported_.end() ? bundled_ : it->second;
    }
    return imported_.empty() ? bundled_ : imported_.rbegin()->second;
}

std::vector<int> Catalog::imported_years() const {
    std::vector<int> years;
    for (const auto& [year, edition] : imported_) {
        years.push_back(year);
    }
    return years;
}

std::optional<int> Catalog::table1_line(std::string_view class_code) const {
    const auto it = table1_lines_.find(class_code);
    return it == table1_lines_.end() ? std::nullopt : std::optional(it->second);
}

FunctionResult<std::string> class_name(const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    if (!digits) {
        return FunctionError::Value;
    }
    const CatalogEntry* entry = edition.find(*digits);
    return entry ? FunctionResult<std::string>(entry->name) : FunctionError::NotAvailable;
}

FunctionResult<std::string> provisional_class_name(const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    if (!digits) {
        return FunctionError::Value;
    }
    const CatalogEntry* entry = edition.find(*digits);
    if (entry == nullptr) {
        return FunctionError::NotAvailable;
    }
    const int year = edition.year() != 0 ? edition.year() : entry->edition;
    return entry->name + (year != 0 ? "（暂按" + std::to_string(year) + "年科目）" : std::string("（暂按内置科目）"));
}

FunctionResult<std::string> class_code(const Edition& edition, const CellValue& name, const CellValue& within) {
    if (name.kind != CellValue::Kind::Text || name.is_empty()) {
        return FunctionError::Value;
    }
    std::string prefix = "2";  // the functional classification unless told otherwise
    if (!within.is_empty()) {
        const std::string text = within.kind == CellValue::Kind::Number
                                     ? std::to_string(static_cast<long long>(within.number))
                                     : normalize_text(within.text);
        if (const auto scheme = parse_scheme(text)) {
            prefix = *scheme == Scheme::Revenue              ? "1"
                     : *scheme == Scheme::Function           ? "2"
                     : *scheme == Scheme::EconomicDepartment ? "3"
                                                             : "5";
        } else if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
            prefix = text;
        } else {
            return FunctionError::Value;
        }
    }
    const auto found = edition.find_by_name(name.text, prefix);
    if (found.empty()) {
        return FunctionError::NotAvailable;
    }
    if (found.size() > 1) {
        return FunctionError::Value;  // ambiguous: narrow it with a code prefix
    }
    return found.front()->code;
}

FunctionResult<std::string> class_level(const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    if (!digits) {
        return FunctionError::Value;
    }
    if (!edition.find(*digits)) {
        return FunctionError::NotAvailable;
    }
    return std::string(level_name(*digits));
}

FunctionResult<std::string> class_parent(const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    if (!digits) {
        return FunctionError::Value;
    }
    if (!edition.find(*digits) || digits->size() == 3) {
        return FunctionError::NotAvailable;  // unknown, or a 类, which has no parent
    }
    return digits->substr(0, digits->size() - 2);
}

bool class_valid(const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    return digits && edition.find(*digits) != nullptr;
}

FunctionResult<std::string> government_economic_code(const Edition& edition, const CellValue& department_code,
                                                     const CellValue& unit_type) {
    const auto digits = code_argument(department_code);
    const auto unit = unit_type.kind == CellValue::Kind::Text ? parse_unit_type(unit_type.text) : std::nullopt;
    if (!digits || digits->size() > 5 || scheme_of_code(*digits) != Scheme::EconomicDepartment || !unit) {
        return FunctionError::Value;
    }
    if (auto government = edition.government_code(*unit, *digits)) {
        return *government;
    }
    return FunctionError::NotAvailable;
}

FunctionResult<std::string> table1_line_label(const Catalog& catalog, const Edition& edition, const CellValue& code) {
    const auto digits = code_argument(code);
    if (!digits) {
        return FunctionError::Value;
    }
    const auto line = catalog.table1_line(*digits);
    const CatalogEntry* entry = edition.find(*digits);
    if (!line || !entry) {
        return FunctionError::NotAvailable;
    }
    return chinese_number(*line) + "、" + entry->name;
}

FunctionResult<Decimal> sum_under(const std::vector<CellValue>& codes, const std::vector<CellValue>& amounts,
                                  const CellValue& prefix) {
    if (codes.size() != amounts.size()) {
        return FunctionError::Value;
    }
    // A code, or the leading digits of codes ("2": every functional code).
    const auto root = read_code(prefix);
    if (!root || !root->rest.empty() || root->digits.size() > 7) {
        return FunctionError::Value;
    }
    std::vector<std::optional<std::string>> row_codes;
    row_codes.reserve(codes.size());
    for (const auto& cell : codes) {
        row_codes.push_back(normalize_code(cell));  // rows without a code (合计, blanks) take no part
    }
    std::vector<std::string> sorted;
    for (const auto& code : row_codes) {
        if (code) {
            sorted.push_back(*code);
        }
    }
    std::ranges::sort(sorted);
    // A code is a subtotal if another row's code extends it: in sorted order that code follows it.
    const auto is_subtotal = [&](const std::string& code) {
        const auto next = std::ranges::upper_bound(sorted, code);
        return next != sorted.end() && next->starts_with(code) && next->size() > code.size();
    };
    Decimal total;
    for (std::size_t i = 0; i < row_codes.size(); ++i) {
        if (!row_codes[i] || !row_codes[i]->starts_with(root->digits) || is_subtotal(*row_codes[i])) {
            continue;
        }
        auto amount = amount_argument(amounts[i]);
        if (const auto* error = std::get_if<FunctionError>(&amount)) {
            return *error;
        }
        total += std::get<Decimal>(amount);
    }
    return total;
}

}  // namespace bd
