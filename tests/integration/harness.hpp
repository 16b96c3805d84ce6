// Test harness for integration tests: one headless soffice per test binary with the freshly
// built extension installed, plus helpers to make documents, set formulas, recalculate, read
// ranges in bulk and dispatch commands. UNO exceptions fail the test with their message.
#pragma once

#include "bd/cell.hpp"
#include "bd/grid.hpp"
#include "bd/office.hpp"
#include "bd/ustring.hpp"

#include <gtest/gtest.h>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace bd::test {

/// The office of this test binary (started before the first test, stopped after the last),
/// for binaries that link office_environment.cpp.
office::Office& office();
::testing::Environment* make_office_environment(const std::string& ui_locale = {});

/// Runs a test body; a UNO exception fails the test with its message instead of "unknown exception".
void with_uno_messages(const std::function<void()>& body);

/// A TEST whose body may throw UNO exceptions.
#define UNO_TEST(suite, name)                                  \
    static void suite##_##name##_body();                       \
    TEST(suite, name) {                                        \
        ::bd::test::with_uno_messages(&suite##_##name##_body); \
    }                                                          \
    static void suite##_##name##_body()

/// A document that is closed when the test ends.
class Document {
public:
    Document();                                                   // a new spreadsheet
    Document(const std::filesystem::path& file, bool read_only);  // a loaded file
    /// A new document made from a template file, as File › New › Templates makes it.
    static Document from_template(const std::filesystem::path& file);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    [[nodiscard]] const css::uno::Reference<css::sheet::XSpreadsheetDocument>& get() const { return document_; }
    [[nodiscard]] css::uno::Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) const;
    [[nodiscard]] css::uno::Reference<css::sheet::XSpreadsheet> sheet(int index) const;
    [[nodiscard]] std::vector<std::string> sheet_names() const;
    void recalculate() const;
    /// Dispatches a command URL in the document's frame, as a menu click does.
    void dispatch(const std::string& url, const css::uno::Sequence<css::beans::PropertyValue>& arguments = {}) const;
    /// Stores the document (filter from the file name's extension: .pdf exports it).
    void store_as(const std::filesystem::path& file) const;

private:
    explicit Document(css::uno::Reference<css::sheet::XSpreadsheetDocument> document);
    css::uno::Reference<css::sheet::XSpreadsheetDocument> document_;
};

void set_formula(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell,
                 const std::string& formula);
void set_number(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell, double value);
/// Enters an array formula over a range (as Ctrl+Shift+Enter does).
void set_array_formula(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& range,
                       const std::string& formula);
/// Applies a number format code (in the zh-CN locale) to a cell or range.
void set_number_format(const Document& document, const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                       const std::string& range, const std::string& format_code);
/// What the cell shows (its formatted text).
std::string text_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell);
std::string formula_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell);
double value_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell);
/// Calc's error code of a cell (0: none; 532 #DIV/0!, 519 #VALUE!, 32767 #N/A).
int error_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const std::string& cell);
/// The range's values in one bulk call (getDataArray), row by row.
std::vector<std::vector<CellValue>> read_range(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                                               const std::string& range);
/// Every sheet's used area as the core sees it (values; errors as error cells), one bulk read each.
std::vector<Grid> read_sheets(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);
/// Values and formulas of a sheet's used area, for before/after comparisons.
std::string snapshot(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

/// A fresh temporary directory, removed at destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& text);
/// The example: the seed document entered into the Shanxi template (built from examples/*.fill).
std::filesystem::path example_workbook();
/// Tables 2, 3 and 5 of the seed typed into plain sheets (no template, no formulas).
std::filesystem::path typed_tables_workbook();

/// Runs a program to its end; returns its exit status and what it printed.
struct RunResult {
    int status;
    std::string output;  // standard output
    std::string errors;  // standard error
};
RunResult run_program(const std::vector<std::string>& argv, std::chrono::seconds timeout = std::chrono::seconds(300));

}  // namespace bd::test

namespace bd::test {

/// Live (not zombie) processes whose command line contains `text`, as "pid: command".
std::vector<std::string> live_processes_with(const std::string& text);

}  // namespace bd::test
