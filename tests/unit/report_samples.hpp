// Sample validations for the report model's tests: a workbook recognized as the Shanxi set with
// a pass, a warning and an error, and one not recognized.
#pragma once

#include "bd/report.hpp"

#include <string>
#include <vector>

namespace bd::test::samples {

using bd::Outcome;
using bd::Severity;
using bd::Status;

inline bd::CellRef at(const char* sheet, std::size_t row, std::size_t col) {
    return {sheet, row, col};
}

inline std::vector<Outcome> sample() {
    Outcome pass{"GEN.TOTAL", Severity::Error, Status::Pass, "表3",          {at("S", 2, 2)},
                 "1.00",      "1.00",          "0.00",       {"ok", "通过"}, {}};
    Outcome warning{"GEN.HIERARCHY",
                    Severity::Warning,
                    Status::Fail,
                    "表3",
                    {at("S", 6, 2), at("S", 7, 2)},
                    "1.00",
                    "1.01",
                    "0.01",
                    {"rounding", "舍入"},
                    {"balance", "舍位平衡"}};
    Outcome error{"GEN.HIERARCHY", Severity::Error,       Status::Fail,          "表3", {at("S", 6, 3)}, "1.00", "2.00",
                  "1.00",          {"off \"x\"", "不等"}, {"correct it", "改正"}};
    return {pass, warning, error};
}

/// A workbook recognized as the Shanxi set (three of its tables here): two found, one not.
inline bd::Recognition shanxi() {
    bd::Recognition r;
    r.set_id = "shanxi-unit";
    r.set_title = {"Shanxi unit budget disclosure (13 tables)", "山西省单位预算公开（13张表）"};
    r.recognized = true;
    r.tables.push_back({"T1", "收支总表", true, "表1收支总表", "A1:H40", "2023年预算收支总表", "万元", {}, {}});
    r.tables.push_back({"T3", "支出总表", true, "表3", "A1:G30", "2023年预算支出总表", "", {"项目支出", "合计"}, {}});
    r.tables.push_back(
        {"T7", "政府性基金收入表", false, "", "", "", "", {}, {"“基金收入”（Sheet3!A1）", "“收入表”（Sheet4!B2）"}});
    r.verdict = {"Recognized as the Shanxi set", "识别为山西省单位预算公开"};
    return r;
}

inline bd::Validation recognized() {
    return {shanxi(), sample()};
}

/// A workbook in which no set was recognized (a shopping list): nothing checked.
inline bd::Validation not_recognized() {
    bd::Validation v;
    v.recognition.verdict = {"No table of a budget disclosure was found. Open the disclosure or start from a template.",
                             "没有找到预算公开的表格。请打开预算公开文件，或从模板开始填写。"};
    return v;
}

inline std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
        ++n;
    }
    return n;
}

}  // namespace bd::test::samples
