// Classification lookups inside Calc: 10,000 BUDGET.CLASSNAME formulas against the same lookups
// by native VLOOKUP over the catalog in a sheet of the same document, and against 10,000 plain
// =A/B formulas; also one BUDGET.CLASSNAME array formula over the 10,000 codes. Each variant is
// recalculated alone (calculateAll, best of 5) and the ratios are printed.
//
// The catalog is a synthetic table of official size (about 2,000 codes, names "科目NNNNNNN"),
// imported for the year 2099 into the benchmark's throwaway profile: a fixture, not data.
#include "bd/office.hpp"
#include "bd/ustring.hpp"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <org/budgetdisclosure/XClassificationImport.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

using namespace css;
namespace fs = std::filesystem;

namespace {

constexpr int lookups = 10000;
constexpr int repetitions = 5;

std::vector<std::string> synthetic_codes() {
    std::vector<std::string> codes;
    for (int klass = 201; klass <= 230; ++klass) {
        codes.push_back(std::to_string(klass));
        for (int kuan = 1; kuan <= 8; ++kuan) {
            const std::string k = std::to_string(klass) + (kuan < 10 ? "0" : "") + std::to_string(kuan);
            codes.push_back(k);
            for (int xiang = 1; xiang <= 7; ++xiang) {
                codes.push_back(k + "0" + std::to_string(xiang));
            }
        }
    }
    return codes;
}

double seconds_of_recalculation(const uno::Reference<sheet::XSpreadsheetDocument>& doc) {
    const uno::Reference<sheet::XCalculatable> calc(doc, uno::UNO_QUERY_THROW);
    double best = 1e9;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        calc->calculateAll();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

void set_column_formulas(const uno::Reference<sheet::XSpreadsheet>& sheet,
                         const std::function<std::string(int)>& formula) {
    uno::Sequence<uno::Sequence<rtl::OUString>> rows(lookups);
    for (int r = 0; r < lookups; ++r) {
        rows[r].realloc(1);
        rows[r][0] = bd::to_ou(formula(r + 1));
    }
    uno::Reference<sheet::XCellRangeFormula>(sheet->getCellRangeByPosition(1, 0, 1, lookups - 1), uno::UNO_QUERY_THROW)
        ->setFormulaArray(rows);
}

void clear_column(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    uno::Reference<sheet::XSheetOperation>(sheet->getCellRangeByPosition(1, 0, 1, lookups - 1), uno::UNO_QUERY_THROW)
        ->clearContents(sheet::CellFlags::FORMULA | sheet::CellFlags::VALUE | sheet::CellFlags::STRING);
}

std::string shown(const uno::Reference<sheet::XSpreadsheet>& sheet, int col, int row) {
    return bd::to_utf8(
        uno::Reference<text::XTextRange>(sheet->getCellByPosition(col, row), uno::UNO_QUERY_THROW)->getString());
}

int run() {
    const auto dir = fs::temp_directory_path() / "bd-bench-catalog.csv";
    const auto codes = synthetic_codes();
    {
        std::ofstream csv(dir);
        csv << "科目编码,科目名称\n";
        for (const auto& code : codes) {
            csv << code << ",科目" << code << "\n";
        }
    }
    bd::office::Office office({BD_BENCH_OXT, {}, std::chrono::seconds(90), {}});
    const uno::Reference<org::budgetdisclosure::XClassificationImport> importer(
        office.create("org.budgetdisclosure.ClassificationImport"), uno::UNO_QUERY_THROW);
    importer->importEdition(bd::office::file_url(dir), 2099);
    fs::remove(dir);

    const auto doc = office.new_spreadsheet();
    const auto sheets = doc->getSheets();
    sheets->insertNewByName("Catalog", 1);
    const uno::Reference<sheet::XSpreadsheet> catalog(sheets->getByName("Catalog"), uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XSpreadsheet> sheet(
        uno::Reference<container::XIndexAccess>(sheets, uno::UNO_QUERY_THROW)->getByIndex(0), uno::UNO_QUERY_THROW);

    const auto n = static_cast<sal_Int32>(codes.size());
    uno::Sequence<uno::Sequence<uno::Any>> table(n);
    for (sal_Int32 i = 0; i < n; ++i) {
        table[i].realloc(2);
        table[i][0] <<= bd::to_ou(codes[static_cast<std::size_t>(i)]);
        table[i][1] <<= bd::to_ou("科目" + codes[static_cast<std::size_t>(i)]);
    }
    uno::Reference<sheet::XCellRangeData>(catalog->getCellRangeByPosition(0, 0, 1, n - 1), uno::UNO_QUERY_THROW)
        ->setDataArray(table);
    uno::Sequence<uno::Sequence<uno::Any>> inputs(lookups);
    for (int r = 0; r < lookups; ++r) {
        inputs[r].realloc(3);
        // Codes spread over the whole catalog (text, as tables hold them); numbers for =C/D.
        inputs[r][0] <<= bd::to_ou(codes[static_cast<std::size_t>(r * 7919) % codes.size()]);
        inputs[r][1] <<= static_cast<double>(r + 1);
        inputs[r][2] <<= 3.0;
    }
    uno::Reference<sheet::XCellRangeData>(sheet->getCellRangeByPosition(2, 0, 4, lookups - 1), uno::UNO_QUERY_THROW)
        ->setDataArray(inputs);  // codes in C, numbers in D and E

    const std::string last = std::to_string(n);
    struct Variant {
        const char* name;
        std::function<std::string(int)> formula;
    };
    const std::vector<Variant> variants{
        {"BUDGET.CLASSNAME", [](int r) { return "=BUDGET.CLASSNAME(C" + std::to_string(r) + ";2099)"; }},
        {"VLOOKUP", [&](int r) { return "=VLOOKUP(C" + std::to_string(r) + ";$Catalog.$A$1:$B$" + last + ";2;0)"; }},
        {"=A/B", [](int r) { return "=D" + std::to_string(r) + "/E" + std::to_string(r); }},
        // The cost of Calc calling any add-in function: a trivial one of ours.
        {"BUDGET.CHANGE",
         [](int r) { return "=BUDGET.CHANGE(D" + std::to_string(r) + ";E" + std::to_string(r) + ")"; }},
    };
    std::vector<double> times;
    for (const auto& variant : variants) {
        set_column_formulas(sheet, variant.formula);
        times.push_back(seconds_of_recalculation(doc));
        if (std::string(variant.name) == "BUDGET.CLASSNAME" || std::string(variant.name) == "VLOOKUP") {
            const std::string expected = "科目" + codes[static_cast<std::size_t>(123 * 7919) % codes.size()];
            if (shown(sheet, 1, 123) != expected) {
                std::cerr << variant.name << " gave " << shown(sheet, 1, 123) << ", expected " << expected << '\n';
                return 1;
            }
        }
        clear_column(sheet);
    }
    uno::Reference<sheet::XArrayFormulaRange>(sheet->getCellRangeByPosition(1, 0, 1, lookups - 1), uno::UNO_QUERY_THROW)
        ->setArrayFormula(bd::to_ou("=BUDGET.CLASSNAME(C1:C" + std::to_string(lookups) + ";2099)"));
    const double array_time = seconds_of_recalculation(doc);

    std::printf("catalog: %d codes (synthetic, official size); %d lookups; calculateAll best of %d\n", n, lookups,
                repetitions);
    std::printf("  %-34s %8.1f ms\n", "10,000 × BUDGET.CLASSNAME", times[0] * 1000);
    std::printf("  %-34s %8.1f ms\n", "10,000 × VLOOKUP (exact match)", times[1] * 1000);
    std::printf("  %-34s %8.1f ms\n", "10,000 × =A/B", times[2] * 1000);
    std::printf("  %-34s %8.1f ms\n", "10,000 × BUDGET.CHANGE (call floor)", times[3] * 1000);
    std::printf("  %-34s %8.1f ms\n", "1 × BUDGET.CLASSNAME over 10,000", array_time * 1000);
    std::printf(
        "ratios: VLOOKUP / BUDGET.CLASSNAME = %.1f (target ≥ 5); BUDGET.CLASSNAME / (=A/B) = %.1f (target ≤ 4)\n",
        times[1] / times[0], times[0] / times[2]);
    std::printf("        VLOOKUP / array BUDGET.CLASSNAME = %.1f; array / (=A/B) = %.1f\n", times[1] / array_time,
                array_time / times[2]);
    std::printf("        Calc's add-in call alone (BUDGET.CHANGE) / (=A/B) = %.1f\n", times[3] / times[2]);
    bd::office::close_document(doc);
    return 0;
}

}  // namespace

int main() {
    try {
        return run();
    } catch (const uno::Exception& e) {
        std::cerr << "UNO exception: " << bd::office::describe(e) << '\n';
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
    }
    return 2;
}
