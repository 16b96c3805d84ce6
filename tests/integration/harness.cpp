#include "harness.hpp"

#include "bd/uno_cells.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <osl/file.hxx>

#include <unistd.h>
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

using namespace css;
namespace fs = std::filesystem;

namespace bd::test {

namespace {

std::unique_ptr<office::Office> the_office;
std::string office_failure;

/// Starts the office before the first test and stops it after the last (also when tests fail;
/// if the process dies, the kernel kills soffice: see bd/process.hpp).
class OfficeEnvironment : public ::testing::Environment {
public:
    explicit OfficeEnvironment(std::string ui_locale) : ui_locale_(std::move(ui_locale)) {}

    void SetUp() override {
        try {
            the_office = std::make_unique<office::Office>(
                office::OfficeOptions{BD_TEST_OXT, {}, std::chrono::seconds(90), ui_locale_});
        } catch (const std::exception& e) {
            office_failure = e.what();
        } catch (const uno::Exception& e) {
            office_failure = office::describe(e);
        }
    }
    void TearDown() override { the_office.reset(); }

private:
    std::string ui_locale_;
};

uno::Reference<table::XCell> cell_of(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell) {
    return {sheet->getCellRangeByName(to_ou(cell)), uno::UNO_QUERY_THROW};
}

}  // namespace

::testing::Environment* make_office_environment(const std::string& ui_locale) {
    return new OfficeEnvironment(ui_locale);
}

office::Office& office() {
    if (!the_office) {
        throw std::runtime_error("The office with the extension could not be started: " + office_failure);
    }
    return *the_office;
}

void with_uno_messages(const std::function<void()>& body) {
    try {
        body();
    } catch (const uno::Exception& e) {
        FAIL() << "UNO exception: " << office::describe(e);
    } catch (const std::exception& e) {
        FAIL() << "exception: " << e.what();
    }
}

Document::Document() : document_(office().new_spreadsheet()) {}

Document::Document(const fs::path& file, bool read_only)
    : document_(office().load(file, read_only), uno::UNO_QUERY_THROW) {}

Document::Document(uno::Reference<sheet::XSpreadsheetDocument> document) : document_(std::move(document)) {}

Document Document::from_template(const fs::path& file) {
    uno::Sequence<beans::PropertyValue> args(2);
    args[0].Name = "Hidden";
    args[0].Value <<= true;
    args[1].Name = "AsTemplate";
    args[1].Value <<= true;
    const uno::Reference<frame::XComponentLoader> loader(office().desktop(), uno::UNO_QUERY_THROW);
    return Document(uno::Reference<sheet::XSpreadsheetDocument>(
        loader->loadComponentFromURL(office::file_url(file), "_blank", 0, args), uno::UNO_QUERY_THROW));
}

Document::~Document() {
    office::close_document(document_);
}

uno::Reference<sheet::XSpreadsheet> Document::sheet(const std::string& name) const {
    return {document_->getSheets()->getByName(to_ou(name)), uno::UNO_QUERY_THROW};
}

uno::Reference<sheet::XSpreadsheet> Document::sheet(int index) const {
    const uno::Reference<container::XIndexAccess> sheets(document_->getSheets(), uno::UNO_QUERY_THROW);
    return {sheets->getByIndex(index), uno::UNO_QUERY_THROW};
}

std::vector<std::string> Document::sheet_names() const {
    std::vector<std::string> names;
    for (const auto& name : document_->getSheets()->getElementNames()) {
        names.push_back(to_utf8(name));
    }
    return names;
}

void Document::recalculate() const {
    uno::Reference<sheet::XCalculatable>(document_, uno::UNO_QUERY_THROW)->calculateAll();
}

void Document::dispatch(const std::string& url, const uno::Sequence<beans::PropertyValue>& arguments) const {
    const uno::Reference<frame::XModel> model(document_, uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(),
                                                         uno::UNO_QUERY_THROW);
    frame::DispatchHelper::create(office().context())->executeDispatch(frame, to_ou(url), "", 0, arguments);
}

void Document::store_as(const fs::path& file) const {
    uno::Sequence<beans::PropertyValue> args(1);
    args[0].Name = "FilterName";
    args[0].Value <<= to_ou(file.extension() == ".fods"   ? "OpenDocument Spreadsheet Flat XML"
                            : file.extension() == ".xlsx" ? "Calc MS Excel 2007 XML"
                            : file.extension() == ".pdf"  ? "calc_pdf_Export"
                                                          : "calc8");
    uno::Reference<frame::XStorable>(document_, uno::UNO_QUERY_THROW)->storeToURL(office::file_url(file), args);
}

void set_formula(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell,
                 const std::string& formula) {
    cell_of(sheet, cell)->setFormula(to_ou(formula));
}

void set_number(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell, double value) {
    cell_of(sheet, cell)->setValue(value);
}

void set_array_formula(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& range,
                       const std::string& formula) {
    uno::Reference<sheet::XArrayFormulaRange>(sheet->getCellRangeByName(to_ou(range)), uno::UNO_QUERY_THROW)
        ->setArrayFormula(to_ou(formula));
}

void set_number_format(const Document& document, const uno::Reference<sheet::XSpreadsheet>& sheet,
                       const std::string& range, const std::string& format_code) {
    const auto formats =
        uno::Reference<util::XNumberFormatsSupplier>(document.get(), uno::UNO_QUERY_THROW)->getNumberFormats();
    const lang::Locale chinese("zh", "CN", "");
    sal_Int32 key = formats->queryKey(to_ou(format_code), chinese, false);
    if (key == -1) {
        key = formats->addNew(to_ou(format_code), chinese);
    }
    uno::Reference<beans::XPropertySet>(sheet->getCellRangeByName(to_ou(range)), uno::UNO_QUERY_THROW)
        ->setPropertyValue("NumberFormat", uno::Any(key));
}

std::string text_of(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell) {
    return to_utf8(uno::Reference<text::XTextRange>(cell_of(sheet, cell), uno::UNO_QUERY_THROW)->getString());
}

std::string formula_of(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell) {
    return to_utf8(cell_of(sheet, cell)->getFormula());
}

double value_of(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell) {
    return cell_of(sheet, cell)->getValue();
}

int error_of(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::string& cell) {
    return cell_of(sheet, cell)->getError();
}

std::vector<std::vector<CellValue>> read_range(const uno::Reference<sheet::XSpreadsheet>& sheet,
                                               const std::string& range) {
    const uno::Reference<sheet::XCellRangeData> data(sheet->getCellRangeByName(to_ou(range)), uno::UNO_QUERY_THROW);
    std::vector<std::vector<CellValue>> rows;
    for (const auto& row : data->getDataArray()) {
        auto& out = rows.emplace_back();
        for (const auto& value : row) {
            out.push_back(cell_from_any(value, CellValue::Kind::Error));  // as the validator reads cells
        }
    }
    return rows;
}

std::vector<Grid> read_sheets(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    std::vector<Grid> grids;
    const uno::Reference<container::XIndexAccess> sheets(document->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), uno::UNO_QUERY_THROW);
        const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
        Grid grid;
        grid.name = to_utf8(uno::Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->getName());
        const uno::Reference<sheet::XCellRangeData> data(sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow),
                                                         uno::UNO_QUERY_THROW);
        for (const auto& row : data->getDataArray()) {
            grid.cols = static_cast<std::size_t>(row.getLength());
            ++grid.rows;
            for (const auto& value : row) {
                grid.cells.push_back(cell_from_any(value, CellValue::Kind::Error));
            }
        }
        grids.push_back(std::move(grid));
    }
    return grids;
}

std::string snapshot(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    const auto range = sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    std::ostringstream out;
    for (const auto& row : uno::Reference<sheet::XCellRangeFormula>(range, uno::UNO_QUERY_THROW)->getFormulaArray()) {
        for (const auto& formula : row) {
            out << to_utf8(formula) << '\t';
        }
        out << '\n';
    }
    for (const auto& row : uno::Reference<sheet::XCellRangeData>(range, uno::UNO_QUERY_THROW)->getDataArray()) {
        for (const auto& value : row) {
            double number = 0;
            rtl::OUString text;
            if (value >>= number) {
                out << number;
            } else if (value >>= text) {
                out << to_utf8(text);
            }
            out << '\t';
        }
        out << '\n';
    }
    return out.str();
}

TempDir::TempDir() {
    std::string dir_template = (fs::temp_directory_path() / "bd-test-XXXXXX").string();
    if (mkdtemp(dir_template.data()) == nullptr) {
        throw std::runtime_error("Cannot create a temporary directory");
    }
    path_ = dir_template;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

fs::path example_workbook() {
    return BD_EXAMPLE_WORKBOOK;
}

fs::path typed_tables_workbook() {
    return fs::path(BD_TEST_DATA_DIR) / "jinzhong-2023-tables.fods";
}

RunResult run_program(const std::vector<std::string>& argv, std::chrono::seconds timeout) {
    const TempDir dir;
    office::ProcessOptions options;
    options.argv = argv;
    options.output = dir.path() / "stdout";
    options.error_output = dir.path() / "stderr";
    const int status = office::run(options, timeout);
    return {status, read_file(options.output), read_file(options.error_output)};
}

}  // namespace bd::test

namespace bd::test {

std::vector<std::string> live_processes_with(const std::string& text) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::string cmdline = read_file(entry.path() / "cmdline");
        std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
        const std::string stat = read_file(entry.path() / "stat");
        const auto state_at = stat.rfind(')');
        const bool zombie = state_at != std::string::npos && state_at + 2 < stat.size() && stat[state_at + 2] == 'Z';
        if (!zombie && cmdline.find(text) != std::string::npos) {
            found.push_back(pid + ": " + cmdline);
        }
    }
    return found;
}

}  // namespace bd::test
