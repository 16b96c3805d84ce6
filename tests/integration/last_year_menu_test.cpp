// Validating against last year's document from the menu: the two published Shanghai budgets of one
// office (../shared/reference/shanghai), the 2024 one validated with the 2023 one as last year's.
// What the 2024 narrative says of the 2023 budget is checked against it; last year's document is
// read without a window and closed again, and nothing of it changes.
#include "bd/office.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/XDesktop.hpp>

#include <algorithm>

using namespace css;
using namespace bd::test;
namespace fs = std::filesystem;

namespace {

constexpr char validate_prior_url[] = "org.budgetdisclosure.command:ValidateAgainstLastYear";

const fs::path shanghai_dir = (fs::path(BD_SHARED_REFERENCE_DIR) / "shanghai").lexically_normal();
const fs::path budget_2023 = shanghai_dir / "putuo-wanli-subdistrict-2023-department-budget.ods";
const fs::path budget_2024 = shanghai_dir / "putuo-wanli-subdistrict-2024-department-budget.ods";

uno::Sequence<beans::PropertyValue> last_year(const fs::path& file) {
    uno::Sequence<beans::PropertyValue> arguments(1);
    arguments[0].Name = "URL";
    arguments[0].Value <<= bd::office::file_url(file);
    return arguments;
}

/// The report's rows of one rule (rule, severity, table, cells, expected, actual, …).
std::vector<std::vector<std::string>> rows_of(const Document& doc, const std::string& rule) {
    std::vector<std::vector<std::string>> found;
    for (const auto& row : read_range(doc.sheet(report_sheet), "A1:I400")) {
        if (row[0].kind == bd::CellValue::Kind::Text && row[0].text == rule) {
            auto& out = found.emplace_back();
            for (const auto& cell : row) {
                out.push_back(cell.kind == bd::CellValue::Kind::Number ? std::to_string(cell.number) : cell.text);
            }
        }
    }
    return found;
}

std::size_t open_documents() {
    const uno::Reference<frame::XDesktop> desktop(office().create("com.sun.star.frame.Desktop"), uno::UNO_QUERY_THROW);
    std::size_t count = 0;
    for (const auto all = desktop->getComponents()->createEnumeration(); all->hasMoreElements(); all->nextElement()) {
        ++count;
    }
    return count;
}

}  // namespace

UNO_TEST(LastYearMenu, WhatTheNarrativeSaysOfLastYearIsCheckedAgainstItsDocument) {
    const TempDir dir;  // a copy to change
    fs::copy_file(budget_2024, dir.path() / budget_2024.filename());
    fs::permissions(dir.path() / budget_2024.filename(), fs::perms::owner_write, fs::perm_options::add);
    const Document doc(dir.path() / budget_2024.filename(), false);
    doc.dispatch(validate_url);
    auto prior = rows_of(doc, "N.PRIOR-YEAR");
    ASSERT_EQ(prior.size(), 1U);
    EXPECT_TRUE(prior[0][1] == "not applicable" || prior[0][1] == "不适用") << prior[0][1];

    // With last year's document every statement about it agrees: no N.PRIOR-YEAR row at all.
    const auto before = read_file(budget_2023);
    const auto documents = open_documents();
    doc.dispatch(validate_prior_url, last_year(budget_2023));
    EXPECT_TRUE(rows_of(doc, "N.PRIOR-YEAR").empty());
    EXPECT_EQ(open_documents(), documents) << "last year's document is closed again";
    EXPECT_EQ(read_file(budget_2023), before);

    // A change that does not lead to the 2023 budget's 16497.86万元.
    const std::string sentence = "一般公共预算拨款支出预算15621.11万元，比2023年预算减少876.75万元";
    const auto narrative = read_range(doc.sheet("情况说明"), "A1:A200");
    const auto line = std::ranges::find_if(
        narrative, [&](const auto& row) { return row[0].text.find(sentence) != std::string::npos; });
    ASSERT_NE(line, narrative.end());
    auto text = (*line)[0].text;
    text.replace(text.find(sentence), sentence.size(),
                 "一般公共预算拨款支出预算15621.11万元，比2023年预算减少867.75万元");
    set_formula(doc.sheet("情况说明"), "A" + std::to_string(line - narrative.begin() + 1), text);
    doc.dispatch(validate_prior_url, last_year(budget_2023));
    prior = rows_of(doc, "N.PRIOR-YEAR");
    ASSERT_EQ(prior.size(), 1U);
    EXPECT_TRUE(prior[0][1] == "error" || prior[0][1] == "错误") << prior[0][1];
    EXPECT_EQ(prior[0][4].substr(0, 8), "16497.86") << "last year's figure";
    EXPECT_EQ(prior[0][5].substr(0, 8), "16488.86") << "what the sentence leads to";
}
