// The cell functions' names, descriptions and parameter help, kept as data (as LibreOffice's
// own add-ins keep theirs). The UNO shell serves them to the Function Wizard; docs read them too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bd {

enum class Language { English, Chinese };

/// Chinese for a locale whose language is "zh", English otherwise.
Language language_of_locale(std::string_view language_code);

struct LocalizedText {
    std::string en;
    std::string zh;
    [[nodiscard]] const std::string& in(Language language) const { return language == Language::Chinese ? zh : en; }
};

struct ParameterSpec {
    LocalizedText name;
    LocalizedText description;
};

struct FunctionSpec {
    std::string programmatic;  // the IDL method name: stored in files, never changes
    /// What users type and see, in every UI language, as with Calc's own functions (SUM stays
    /// SUM in a Chinese Calc): a zh-CN Calc accepts only an add-in's zh-CN display name when a
    /// formula is typed, so one name for all keeps BUDGET.SHARE working everywhere.
    std::string name;
    std::string chinese_name;  // 预算占比: leads the Chinese description in the Function Wizard
    LocalizedText description;
    std::vector<ParameterSpec> parameters;
};

const std::vector<FunctionSpec>& function_specs();
const FunctionSpec* find_function(std::string_view programmatic);
/// By the name users type (ASCII case-insensitive).
const FunctionSpec* find_function_by_name(std::string_view name);
/// The Function Wizard's description: in Chinese it starts with the function's Chinese name.
std::string function_description(const FunctionSpec& spec, Language language);
/// The category the functions are shown under. Calc has a fixed set of Function Wizard
/// categories; an add-in's own ones are all listed under "Add-in".
const LocalizedText& function_category();

}  // namespace bd
