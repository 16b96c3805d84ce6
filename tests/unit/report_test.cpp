#include "bd/report.hpp"

#include <gtest/gtest.h>

using bd::Language;
using bd::Outcome;
using bd::Severity;
using bd::Status;

namespace {

std::vector<Outcome> sample() {
    Outcome pass{"GEN.TOTAL", Severity::Error, Status::Pass, "S", {"C3"}, "1.00", "1.00", "0.00", {"ok", "通过"}};
    Outcome warning{"GEN.HIERARCHY", Severity::Warning,   Status::Fail, "S", {"C7", "C8"}, "1.00", "1.01",
                    "0.01",          {"rounding", "舍入"}};
    Outcome error{"GEN.HIERARCHY", Severity::Error, Status::Fail,         "S", {"D7"}, "1.00",
                  "2.00",          "1.00",          {"off \"x\"", "不等"}};
    return {pass, warning, error};
}

}  // namespace

TEST(Report, SummaryCountsEveryOutcome) {
    const auto s = bd::summarize(sample());
    EXPECT_EQ(s.checks, 3);
    EXPECT_EQ(s.passed, 1);
    EXPECT_EQ(s.errors, 1);
    EXPECT_EQ(s.warnings, 1);
    EXPECT_EQ(s.not_evaluated, 0);
}

TEST(Report, SheetRowsListFindingsErrorsFirst) {
    const auto rows = bd::report_sheet_rows(sample(), Language::Chinese);
    ASSERT_EQ(rows.size(), 6U);  // title, summary, blank, header, 2 findings
    EXPECT_EQ(rows[0][0], "预算公开校验报告");
    EXPECT_NE(rows[1][0].find("错误 1"), std::string::npos);
    EXPECT_EQ(rows[4][0], "错误");
    EXPECT_EQ(rows[4][3], "D7");
    EXPECT_EQ(rows[5][0], "警告");
    EXPECT_EQ(rows[5][3], "C7, C8");
}

TEST(Report, NoFindingsSaysSo) {
    const auto rows = bd::report_sheet_rows({sample()[0]}, Language::English);
    EXPECT_EQ(rows.back()[0], "No problems found");
}

TEST(Report, JsonEscapesAndCounts) {
    bd::JsonWriter json;
    json.begin_object();
    bd::write_json(json, sample());
    json.end_object();
    const std::string& text = json.str();
    EXPECT_NE(text.find(R"("summary":{"checks":3,"passed":1,"errors":1,"warnings":1)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("message_en":"off \"x\"")"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("cells":["C7","C8"])"), std::string::npos) << text;
}

TEST(Report, EnumsRoundTrip) {
    for (auto s : {Severity::Error, Severity::Warning, Severity::Info}) {
        EXPECT_EQ(bd::parse_severity(bd::to_string(s)), s);
    }
    for (auto s : {Status::Pass, Status::Fail, Status::NotApplicable, Status::NotEvaluated}) {
        EXPECT_EQ(bd::parse_status(bd::to_string(s)), s);
    }
    EXPECT_FALSE(bd::parse_status("bogus"));
}

TEST(Report, TextReportNamesTheCells) {
    const std::string text = bd::format_text("book.ods", sample(), Language::English);
    EXPECT_NE(text.find("== book.ods =="), std::string::npos);
    EXPECT_NE(text.find("error  GEN.HIERARCHY  S!D7"), std::string::npos) << text;
}
