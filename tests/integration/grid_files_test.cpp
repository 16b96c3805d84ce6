// The grid files of real workbooks (tests/data/*.grid), read without LibreOffice by the unit
// tests, against what Calc reads from the workbooks today: the seed document typed into a plain
// workbook, and two published Shanghai department budgets (../shared/reference/shanghai), each
// as .xlsx and as its .ods twin, which must read alike.
#include "grid_file.hpp"
#include "grid_file_check.hpp"
#include "harness.hpp"

#include <gtest/gtest-spi.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;
using bd::test::expect_grid_file_is_what_calc_reads;

const fs::path data_dir(BD_TEST_DATA_DIR);
const fs::path shanghai_dir = (fs::path(BD_SHARED_REFERENCE_DIR) / "shanghai").lexically_normal();

UNO_TEST(GridFiles, JinzhongTypedIsWhatCalcReads) {
    expect_grid_file_is_what_calc_reads(data_dir / "jinzhong-2023-typed.fods", data_dir / "jinzhong-2023-typed.grid");
}

UNO_TEST(GridFiles, ShanghaiPutuo2023IsWhatCalcReadsFromTheXlsxAndTheOds) {
    for (const char* extension : {".xlsx", ".ods"}) {
        SCOPED_TRACE(extension);
        expect_grid_file_is_what_calc_reads(
            shanghai_dir / (std::string("putuo-wanli-subdistrict-2023-department-budget") + extension),
            data_dir / "shanghai-putuo-2023.grid");
    }
}

UNO_TEST(GridFiles, ShanghaiPutuo2024IsWhatCalcReadsFromTheXlsxAndTheOds) {
    for (const char* extension : {".xlsx", ".ods"}) {
        SCOPED_TRACE(extension);
        expect_grid_file_is_what_calc_reads(
            shanghai_dir / (std::string("putuo-wanli-subdistrict-2024-department-budget") + extension),
            data_dir / "shanghai-putuo-2024.grid");
    }
}

// The check itself: a grid file that no longer says what the workbook holds fails the test.
UNO_TEST(GridFiles, AStaleGridFileFails) {
    auto sheets = bd::test::read_grid_file(data_dir / "jinzhong-2023-typed.grid");
    ASSERT_GE(sheets.size(), 3U);
    auto& cell = sheets[2].cells.back();  // a number of table 3 (预算支出总表)
    ASSERT_EQ(cell.kind, bd::CellValue::Kind::Number);
    cell.number += 1;
    const bd::test::TempDir dir;
    const auto stale = dir.path() / "stale.grid";
    bd::test::write_file(stale, bd::test::format_grid_file(sheets));
    EXPECT_NONFATAL_FAILURE(expect_grid_file_is_what_calc_reads(data_dir / "jinzhong-2023-typed.fods", stale),
                            "stale.grid is out of date");

    sheets.pop_back();  // a sheet missing
    bd::test::write_file(stale, bd::test::format_grid_file(sheets));
    EXPECT_NONFATAL_FAILURE(expect_grid_file_is_what_calc_reads(data_dir / "jinzhong-2023-typed.fods", stale),
                            "sheets, read");
    fs::remove(fs::temp_directory_path() / "stale.fods.grid");  // what the check wrote
}

}  // namespace
