// budget-disclosure validate [--json] [--lang zh|en] [--oxt FILE] FILE...
//
// Validates disclosure workbooks with the same code as Calc's Validate Disclosure command:
// one headless soffice with the extension for all files; each workbook is loaded read-only and
// never changed. Exit status: 0 no errors, 1 errors found, 2 could not run.
#include "bd/json.hpp"
#include "bd/office.hpp"
#include "bd/report.hpp"
#include "bd/ustring.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace css;
namespace fs = std::filesystem;

namespace {

constexpr int exit_clean = 0;
constexpr int exit_errors = 1;
constexpr int exit_could_not_run = 2;

constexpr char usage[] =
    "Usage: budget-disclosure validate [--json] [--lang zh|en] [--oxt FILE] WORKBOOK...\n"
    "  Checks budget disclosure workbooks (.ods, .xlsx, …) in a headless LibreOffice with the\n"
    "  Budget Disclosure extension, as Calc's Validate Disclosure command does; the files are not changed.\n"
    "  --json       machine-readable report on standard output\n"
    "  --lang       language of the messages (default: from LANG)\n"
    "  --oxt FILE   the extension to use (default: the one built with this program)\n"
    "Exit status: 0 no errors, 1 errors found, 2 could not run (missing file, not a spreadsheet, soffice failed).\n";

struct Arguments {
    bool json = false;
    bd::Language language = bd::Language::English;
    fs::path oxt = BD_DEFAULT_OXT;
    std::vector<fs::path> files;
};

struct FileResult {
    fs::path file;
    std::optional<std::string> failure;  // why it could not be validated
    bool validated = false;
    std::vector<bd::Outcome> outcomes;
};

std::optional<Arguments> parse_arguments(int argc, char** argv) {
    Arguments args;
    const char* lang = std::getenv("LANG");
    args.language = bd::language_of_locale(std::string(lang ? lang : "").substr(0, 2));
    if (argc < 2 || std::string(argv[1]) != "validate") {
        return std::nullopt;
    }
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") {
            args.json = true;
        } else if (arg == "--lang" && i + 1 < argc) {
            args.language = bd::language_of_locale(argv[++i]);
        } else if (arg == "--oxt" && i + 1 < argc) {
            args.oxt = argv[++i];
        } else if (arg.starts_with("--")) {
            return std::nullopt;
        } else {
            args.files.emplace_back(arg);
        }
    }
    if (args.files.empty()) {
        return std::nullopt;
    }
    return args;
}

bd::Outcome from_api(const org::budgetdisclosure::Outcome& o) {
    bd::Outcome out;
    out.rule_id = bd::to_utf8(o.RuleId);
    out.severity = bd::parse_severity(bd::to_utf8(o.Severity)).value_or(bd::Severity::Error);
    out.status = bd::parse_status(bd::to_utf8(o.Status)).value_or(bd::Status::NotEvaluated);
    out.sheet = bd::to_utf8(o.Sheet);
    for (const auto& cell : o.Cells) {
        out.cells.push_back(bd::to_utf8(cell));
    }
    out.expected = bd::to_utf8(o.Expected);
    out.actual = bd::to_utf8(o.Actual);
    out.difference = bd::to_utf8(o.Difference);
    out.message = {bd::to_utf8(o.MessageEn), bd::to_utf8(o.Message)};
    return out;
}

void validate_file(const bd::office::Office& office, FileResult& result) {
    uno::Reference<lang::XComponent> document;
    try {
        document = office.load(result.file, /*read_only=*/true);
        const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document, uno::UNO_QUERY);
        if (!document.is()) {
            result.failure = "LibreOffice cannot open it as a document";
        } else if (!spreadsheet.is()) {
            result.failure = "not a spreadsheet";
        } else {
            const uno::Reference<org::budgetdisclosure::XValidator> validator(
                office.create("org.budgetdisclosure.Validator"), uno::UNO_QUERY);
            if (!validator.is()) {
                throw std::runtime_error("the Budget Disclosure extension is not installed in the office");
            }
            for (const auto& outcome : validator->validate(spreadsheet)) {
                result.outcomes.push_back(from_api(outcome));
            }
            result.validated = true;
        }
    } catch (const uno::Exception& e) {
        result.failure = "LibreOffice could not load or validate it: " + bd::office::describe(e);
    }
    bd::office::close_document(document);
}

std::vector<FileResult> validate_all(const Arguments& args) {
    std::vector<FileResult> results;
    bool any_readable = false;
    for (const auto& file : args.files) {
        FileResult result{file, std::nullopt, false, {}};
        if (!fs::exists(file)) {
            result.failure = "file not found";
        } else if (!fs::is_regular_file(file)) {
            result.failure = "not a file";
        } else {
            any_readable = true;
        }
        results.push_back(std::move(result));
    }
    if (!any_readable) {
        return results;
    }
    try {
        const bd::office::Office office({args.oxt});
        for (auto& result : results) {
            if (!result.failure) {
                validate_file(office, result);
            }
        }
    } catch (const std::exception& e) {
        for (auto& result : results) {
            if (!result.failure && !result.validated) {
                result.failure = std::string("LibreOffice failed: ") + e.what();
            }
        }
    }
    return results;
}

int exit_status(const std::vector<FileResult>& results) {
    int status = exit_clean;
    for (const auto& result : results) {
        if (result.failure) {
            return exit_could_not_run;
        }
        if (bd::summarize(result.outcomes).errors > 0) {
            status = exit_errors;
        }
    }
    return status;
}

void print_text(const std::vector<FileResult>& results, bd::Language language) {
    const bool zh = language == bd::Language::Chinese;
    for (const auto& result : results) {
        if (result.failure) {
            std::cout << "== " << result.file.string() << " ==\n"
                      << (zh ? "无法校验：" : "could not be validated: ") << *result.failure << "\n";
        } else {
            std::cout << bd::format_text(result.file.string(), result.outcomes, language);
        }
    }
}

void print_json(const std::vector<FileResult>& results, int status) {
    bd::JsonWriter json;
    json.begin_object().key("files").begin_array();
    for (const auto& result : results) {
        json.begin_object().field("file", result.file.string()).field("validated", !result.failure.has_value());
        if (result.failure) {
            json.field("error", *result.failure);
        } else {
            bd::write_json(json, result.outcomes);
        }
        json.end_object();
    }
    json.end_array().field("exit_code", status).end_object();
    std::cout << json.str() << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    const auto args = parse_arguments(argc, argv);
    if (!args) {
        std::cerr << usage;
        return exit_could_not_run;
    }
    try {
        const auto results = validate_all(*args);
        for (const auto& result : results) {
            if (result.failure) {
                std::cerr << "budget-disclosure: " << result.file.string() << ": " << *result.failure << '\n';
            }
        }
        const int status = exit_status(results);
        if (args->json) {
            print_json(results, status);
        } else {
            print_text(results, args->language);
        }
        return status;
    } catch (const std::exception& e) {
        std::cerr << "budget-disclosure: " << e.what() << '\n';
    } catch (const uno::Exception& e) {
        std::cerr << "budget-disclosure: " << bd::office::describe(e) << '\n';
    }
    return exit_could_not_run;
}
