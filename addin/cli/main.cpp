// budget-disclosure validate [--json] [--html FILE] [--lang zh|en] [--prior FILE] [--oxt FILE] [--profile DIR]
//                            WORKBOOK...
// budget-disclosure publish [--out DIR] [--oxt FILE] [--profile DIR] WORKBOOK...
// budget-disclosure import-classification --year YEAR [--oxt FILE] [--profile DIR] TABLE
//
// validate: checks disclosure workbooks with the same code as Calc's Validate Disclosure command,
// in one headless soffice with the extension for all files; each workbook is loaded read-only and
// never changed; --html also writes the report as one HTML page (a section per workbook); --prior
// names last year's document of the same set, against which what the workbooks say of last year
// (上年预算数, 比2023年预算减少…) is checked (it is loaded read-only too). Every
// report starts with what was recognized in the workbook: a workbook that is not recognized as a
// budget disclosure (or in which no check could reach a result) is never passed as clean.
// Exit status: 0 no errors, 1 errors found, 2 could not run, 3 not recognized; for several files
// the worst (2 over 3 over 1 over 0).
// publish: writes a values-only copy (.ods and .xlsx) and a PDF of each workbook for publication, as Calc's
// Export for Publication command does. Exit status: 0 written, 2 could not run.
// import-classification: loads an official classification table into the user's profile, with the
// same code as Calc's Import Classification command. Exit status: 0 imported, 1 refused, 2 could not run.
#include "arguments.hpp"
#include "batch.hpp"
#include "bd/cleanup.hpp"
#include "bd/json.hpp"
#include "bd/office.hpp"
#include "bd/report.hpp"
#include "bd/ustring.hpp"
#include "results.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <org/budgetdisclosure/XClassificationImport.hpp>
#include <org/budgetdisclosure/XPublisher.hpp>
#include <osl/file.hxx>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

using bd::cli::Arguments;
using bd::cli::FileResult;

/// The classification editions imported into the user's profile, for the office to use; none,
/// with a warning, when they cannot be read (the bundled entries are used then).
fs::path imported_editions(const Arguments& args) {
    fs::path editions = bd::office::classification_directory(args.profile);
    std::error_code error;
    if (!fs::exists(editions, error) && !error) {
        return {};  // nothing imported
    }
    if (!error) {
        for (fs::directory_iterator it(editions, error), end; !error && it != end; it.increment(error)) {
        }
    }
    if (error) {
        std::cerr << "budget-disclosure: warning: cannot read the imported classification in " << editions.string()
                  << " (" << error.message() << "); using the bundled entries\n";
        return {};
    }
    return editions;
}

bd::Verdict overall(const std::vector<FileResult>& results) {
    bd::Verdict verdict = bd::Verdict::Clean;
    for (const auto& result : results) {
        verdict = bd::worst(verdict, result.verdict());
    }
    return verdict;
}

/// What the report says of a workbook whose kept result was used.
std::string kept_note(const FileResult& result, bd::Language language) {
    const auto& kept = *result.kept;
    const auto exit_code = std::to_string(kept.exit_code);
    const auto errors = std::to_string(kept.summary.errors);
    return language == bd::Language::Chinese
               ? "未重新校验：结果文件 " + kept.from.string() + " 比工作簿新（退出码 " + exit_code + "，错误 " +
                     errors + "）"
               : "not validated again: its result " + kept.from.string() + " is newer than the file (exit " +
                     exit_code + ", " + errors + " errors)";
}

void print_text(const std::vector<FileResult>& results, bd::Language language) {
    const bool zh = language == bd::Language::Chinese;
    for (const auto& result : results) {
        if (result.kept) {
            std::cout << "== " << result.file.string() << " ==\n" << kept_note(result, language) << "\n";
        } else if (result.failure) {
            std::cout << "== " << result.file.string() << " ==\n"
                      << (zh ? "无法校验：" : "could not be validated: ") << *result.failure << "\n";
        } else {
            std::cout << bd::format_text(result.file.string(), result.validation, language);
        }
    }
}

void print_json(const std::vector<FileResult>& results, int status) {
    bd::JsonWriter json;
    json.begin_object().key("files").begin_array();
    for (const auto& result : results) {
        bd::cli::write_result(json, result);
    }
    json.end_array().field("exit_code", status).end_object();
    std::cout << json.str() << '\n';
}

/// Writes the HTML report of every file; false (and a message) if it cannot be written.
bool write_html(const std::vector<FileResult>& results, const fs::path& file, bd::Language language) {
    std::vector<bd::WorkbookReport> workbooks;
    workbooks.reserve(results.size());
    for (const auto& result : results) {
        workbooks.push_back({result.file.string(), result.validation,
                             result.kept ? std::optional(kept_note(result, language)) : result.failure});
    }
    std::ofstream out(file, std::ios::binary);
    out << bd::format_html(workbooks, language);
    out.close();
    if (!out) {
        std::cerr << "budget-disclosure: " << file.string() << ": cannot write the HTML report\n";
        return false;
    }
    return true;
}

}  // namespace

/// Imports the table in a throwaway office, then stores the accepted edition in the user's profile.
int import_classification(const Arguments& args) {
    const fs::path& table = args.files.front();
    if (!fs::is_regular_file(table)) {
        std::cerr << "budget-disclosure: " << table.string() << ": file not found\n";
        return exit_could_not_run;
    }
    const fs::path target_dir = bd::office::classification_directory(args.profile);
    const bd::office::Office office({args.oxt, target_dir, std::chrono::seconds(90), {}});
    const uno::Reference<org::budgetdisclosure::XClassificationImport> importer(
        office.create("org.budgetdisclosure.ClassificationImport"), uno::UNO_QUERY);
    if (!importer.is()) {
        throw std::runtime_error("the Budget Disclosure extension is not installed in the office");
    }
    rtl::OUString summary;
    try {
        summary = importer->importEdition(bd::office::file_url(table), args.year);
    } catch (const lang::IllegalArgumentException& e) {
        std::cerr << bd::to_utf8(e.Message);
        return exit_errors;
    }
    // Into the user's profile: a new file renamed over the old one, so a failure keeps the old edition.
    const std::string name = std::to_string(args.year) + ".tsv";
    fs::create_directories(target_dir);
    fs::copy_file(bd::office::classification_directory(office.profile()) / name, target_dir / (name + ".new"),
                  fs::copy_options::overwrite_existing);
    fs::rename(target_dir / (name + ".new"), target_dir / name);
    std::cout << bd::to_utf8(summary) << ": " << (target_dir / name).string() << '\n';
    return exit_clean;
}

std::string system_path(const rtl::OUString& url) {
    rtl::OUString path;
    osl::FileBase::getSystemPathFromFileURL(url, path);
    return bd::to_utf8(path);
}

/// Writes the publication files of each workbook in one office.
int publish(const Arguments& args) {
    int status = exit_clean;
    std::vector<fs::path> files;
    for (const auto& file : args.files) {
        if (fs::is_regular_file(file)) {
            files.push_back(file);
        } else {
            std::cerr << "budget-disclosure: " << file.string() << ": file not found\n";
            status = exit_could_not_run;
        }
    }
    if (files.empty()) {
        return status;
    }
    const bd::office::Office office({args.oxt, imported_editions(args), std::chrono::seconds(90), {}});
    const uno::Reference<org::budgetdisclosure::XPublisher> publisher(office.create("org.budgetdisclosure.Publisher"),
                                                                      uno::UNO_QUERY);
    if (!publisher.is()) {
        throw std::runtime_error("the Budget Disclosure extension is not installed in the office");
    }
    for (const auto& file : files) {
        uno::Reference<lang::XComponent> document;
        try {
            document = office.load(file, /*read_only=*/true);
            const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document, uno::UNO_QUERY);
            if (!spreadsheet.is()) {
                std::cerr << "budget-disclosure: " << file.string() << ": not a spreadsheet\n";
                status = exit_could_not_run;
            } else {
                const fs::path directory = args.out.empty() ? fs::absolute(file).parent_path() : args.out;
                fs::create_directories(directory);
                for (const auto& written : publisher->exportForPublication(spreadsheet, bd::office::file_url(directory),
                                                                           bd::to_ou(file.stem().string()))) {
                    std::cout << system_path(written) << '\n';
                }
            }
        } catch (const uno::Exception& e) {
            std::cerr << "budget-disclosure: " << file.string() << ": " << bd::office::describe(e) << '\n';
            status = exit_could_not_run;
        }
        bd::office::close_document(document);
    }
    return status;
}

int main(int argc, char** argv) {
    // Interrupted (Ctrl-C, a job runner's SIGTERM), the offices we started go with us, and so do
    // their folders.
    bd::office::cleanup::stop_everything_on_signals();
    const auto parsed = bd::cli::parse_arguments(argc, argv, BD_DEFAULT_OXT);
    if (const auto* usage = std::get_if<bd::cli::Usage>(&parsed)) {
        if (usage->asked) {
            std::cout << bd::cli::usage_text;
            return exit_clean;
        }
        std::cerr << "budget-disclosure: " << usage->problem << "\n\n" << bd::cli::usage_text;
        return exit_could_not_run;
    }
    const auto* args = &std::get<Arguments>(parsed);
    try {
        if (args->command == "import-classification") {
            return import_classification(*args);
        }
        if (args->command == "publish") {
            return publish(*args);
        }
        const auto results = bd::cli::validate_all(*args, imported_editions(*args));
        for (const auto& result : results) {
            if (result.failure) {
                std::cerr << "budget-disclosure: " << result.file.string() << ": " << *result.failure << '\n';
            }
        }
        auto verdict = overall(results);
        if (!args->html.empty() && !write_html(results, args->html, args->language)) {
            verdict = bd::worst(verdict, bd::Verdict::CouldNotRun);
        }
        const int status = static_cast<int>(verdict);
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
