// The report model: every rule instance ends in one outcome. The report sheet in Calc,
// the CLI's text and its JSON are all made from this.
#pragma once

#include "bd/function_specs.hpp"
#include "bd/json.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bd {

enum class Severity : std::uint8_t { Error, Warning, Info };
enum class Status : std::uint8_t { Pass, Fail, NotApplicable, NotEvaluated };

std::string_view to_string(Severity severity);  // "error", "warning", "info"
std::string_view to_string(Status status);      // "pass", "fail", "not-applicable", "not-evaluated"
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Status> parse_status(std::string_view text);

struct Outcome {
    std::string rule_id;
    Severity severity = Severity::Error;
    Status status = Status::Pass;
    std::string sheet;
    std::vector<std::string> cells;  // A1 addresses on `sheet`
    std::string expected;
    std::string actual;
    std::string difference;
    LocalizedText message;

    /// A finding is what a user must look at: anything but a pass.
    [[nodiscard]] bool is_finding() const { return status != Status::Pass; }
};

struct Summary {
    int checks = 0;
    int passed = 0;
    int errors = 0;    // failed, severity error
    int warnings = 0;  // failed, severity warning
    int infos = 0;     // failed, severity info
    int not_applicable = 0;
    int not_evaluated = 0;
};

Summary summarize(const std::vector<Outcome>& outcomes);

/// The name of the report sheet that the menu command writes (and replaces on a rerun).
std::string_view report_sheet_name();

/// The report sheet's content as rows of text: title, summary, header, one row per finding
/// (errors first). The UNO shell writes these in one call.
std::vector<std::vector<std::string>> report_sheet_rows(const std::vector<Outcome>& outcomes, Language language);

/// A readable plain-text report of one workbook.
std::string format_text(std::string_view title, const std::vector<Outcome>& outcomes, Language language);

/// Writes {"summary": {...}, "outcomes": [...]} fields into the current JSON object.
void write_json(JsonWriter& json, const std::vector<Outcome>& outcomes);

}  // namespace bd
