// The save warning (registry/Jobs.xcu, addin/uno/save_warning.cxx) in a headless office: the job
// runs on the document events of real saves. A headless office shows no message box (it answers
// Cancel at once, so the answer is "no"); the job writes each decision to the office's standard
// error, which is what these tests read.
#include "harness.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include <filesystem>
#include <string>

using namespace css;
using namespace bd::test;

namespace {

namespace fs = std::filesystem;

/// Everything the office wrote to standard error and output so far.
std::string office_log() {
    return read_file(office().profile().parent_path() / "soffice.log");
}

/// How many times the office log holds the save warning's decision for a file name at an event.
std::size_t warnings_for(const std::string& log, const std::string& event, const std::string& file) {
    const std::string line = "budgetdisclosure: save warning at " + event + ": " + file + ": no\n";
    std::size_t count = 0;
    for (auto at = log.find(line); at != std::string::npos; at = log.find(line, at + line.size())) {
        ++count;
    }
    return count;
}

/// Save As (the document takes the new file and filter), as File > Save As does.
void save_as(const Document& document, const fs::path& file, const char* filter) {
    uno::Sequence<beans::PropertyValue> args(1);
    args[0].Name = "FilterName";
    args[0].Value <<= rtl::OUString::createFromAscii(filter);
    uno::Reference<frame::XStorable>(document.get(), uno::UNO_QUERY_THROW)
        ->storeAsURL(bd::office::file_url(file), args);
}

void save(const Document& document) {
    uno::Reference<frame::XStorable>(document.get(), uno::UNO_QUERY_THROW)->store();
}

constexpr char xlsx[] = "Calc MS Excel 2007 XML";
constexpr char xls[] = "MS Excel 97";

}  // namespace

UNO_TEST(SaveWarning, AWorkbookWithOurFormulasIsWarnedOnceWhenSavedAsExcel) {
    const TempDir dir;
    const std::string stem = "warned-" + dir.path().filename().string();  // a name of this run's own
    const std::string xlsx_name = stem + ".xlsx";
    {
        const Document doc;
        const auto sheet = doc.sheet(0);
        set_number(sheet, "A1", 40.50);
        set_number(sheet, "B1", 595.20);
        set_formula(sheet, "C1", "=BUDGET.SHARE(A1;B1)");
        save_as(doc, dir.path() / (stem + ".ods"), "calc8");    // not Excel: no warning
        save_as(doc, dir.path() / xlsx_name, xlsx);             // warned (after the Save As)
        save(doc);                                              // in place, as .xlsx: warned already
        save_as(doc, dir.path() / (stem + "-again.xls"), xls);  // the same document: warned already
        EXPECT_TRUE(fs::exists(dir.path() / xlsx_name));
        EXPECT_TRUE(fs::exists(dir.path() / (stem + "-again.xls"))) << "the warning does not stop the save";
    }
    const auto log = office_log();
    EXPECT_EQ(log.find(stem + ".ods"), std::string::npos) << log;
    EXPECT_EQ(warnings_for(log, "OnSaveAsDone", xlsx_name), 1U) << "right after the Save As: " << log;
    EXPECT_EQ(warnings_for(log, "OnSave", xlsx_name), 0U) << log;
    EXPECT_EQ(log.find(stem + "-again.xls"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(dir.path() / (stem + "-公开.xlsx"))) << "answered no: no copy written";

    // The Excel file opened again is a document of its own: its in-place save warns before it.
    const auto reopened = dir.path() / ("reopened-" + dir.path().filename().string() + ".xlsx");
    fs::copy_file(dir.path() / xlsx_name, reopened);
    {
        const Document doc(reopened, false);
        save(doc);
        save(doc);
    }
    EXPECT_EQ(warnings_for(office_log(), "OnSave", reopened.filename().string()), 1U) << "before the first save";
}

UNO_TEST(SaveWarning, AWorkbookWithoutOurFormulasIsNotWarned) {
    const TempDir dir;
    const std::string name = "plain-" + dir.path().filename().string();
    const Document doc;
    const auto sheet = doc.sheet(0);
    set_number(sheet, "A1", 40.50);
    set_formula(sheet, "B1", "=A1*2");
    set_formula(sheet, "C1", "=\"BUDGET.SHARE(A1;B1)\"");  // our name as text is not a call
    save_as(doc, dir.path() / (name + ".xlsx"), xlsx);
    save(doc);
    save_as(doc, dir.path() / (name + ".xls"), xls);
    const auto log = office_log();
    EXPECT_EQ(log.find(name), std::string::npos) << "no warning, no failure: " << log;
}
