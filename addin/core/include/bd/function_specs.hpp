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
    LocalizedText display;     // what users type and see in the Function Wizard
    LocalizedText description;
    std::vector<ParameterSpec> parameters;
};

const std::vector<FunctionSpec>& function_specs();
const FunctionSpec* find_function(std::string_view programmatic);
/// By display name in either language (ASCII case-insensitive).
const FunctionSpec* find_function_by_display(std::string_view display);
/// The category the functions are shown under. Calc has a fixed set of Function Wizard
/// categories; an add-in's own ones are all listed under "Add-in".
const LocalizedText& function_category();

}  // namespace bd
