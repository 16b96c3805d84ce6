// The central department workbook of the tests (central_workbook.hpp).
#include "central_workbook.hpp"

#include "test_cells.hpp"

#include <array>
#include <string>

namespace bd::test::central {

namespace {

// The 30 functional classes in table-1 order, and the numbering the tables print before them.
constexpr std::array<const char*, 30> class_names = {
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "社会保险基金支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "预备费",
    "其他支出",
    "转移性支出",
    "债务还本支出",
    "债务付息支出",
    "债务发行费用支出",
    "抗疫特别国债安排的支出",
};

std::string numeral(std::size_t n) {  // 1 → 一, 12 → 十二, 30 → 三十
    static constexpr std::array<const char*, 10> digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) {
        return digits.at(n);
    }
    return std::string(n >= 20 ? digits.at(n / 10) : "") + "十" + digits.at(n % 10);
}

CellValue text(const std::string& s) {
    return CellValue::of_text(s);
}

// Index of a class in table-1 order: 206 科学技术支出 is the 6th, 208 the 8th.
constexpr std::size_t science = 5;
constexpr std::size_t social = 7;

// 表1收支总表: income lines beside the first class lines, the foot lines aligned at the bottom.
Grid table1() {
    Rows rows = {
        {T("部门预算公开表1")},
        {T("2023年收支总表")},
        {T("部门：某部"), E(), E(), T("单位：万元")},
        {T("收入"), E(), T("支出")},
        {T("项目"), T("预算数"), T("项目"), T("预算数")},
    };
    const std::vector<std::pair<const char*, double>> income = {
        {"一、一般公共预算财政拨款收入", 300},
        {"二、政府性基金预算财政拨款收入", 0},
        {"三、国有资本经营预算财政拨款收入", 0},
        {"四、财政专户管理资金收入", 0},
        {"五、事业收入", 30},
        {"六、事业单位经营收入", 0},
        {"七、其他收入", 0},
    };
    for (std::size_t i = 0; i < class_names.size(); ++i) {
        std::vector<CellValue> row = {E(), E()};
        if (i < income.size()) {
            row = {T(income[i].first), N(income[i].second)};
        }
        row.push_back(text(numeral(i + 1) + "、" + class_names.at(i)));
        row.push_back(i == science ? N(300) : i == social ? N(50) : E());
        rows.push_back(row);
    }
    rows.push_back({T("本年收入合计"), N(330), T("本年支出合计"), N(350)});
    rows.push_back({T("使用非财政拨款结余"), N(0), T("结转下年"), N(0)});
    rows.push_back({T("上年结转"), N(20)});
    rows.push_back({T("收入总计"), N(350), T("支出总计"), N(350)});
    return sheet_of("表1收支总表", rows);
}

// 表2收入总表: 2060702 is funded by last year's carry-over, the appropriation and 事业收入.
Grid table2() {
    const auto science_row = [](const char* code, const char* name) {
        return std::vector<CellValue>{T(code), T(name), N(300), N(20), N(250), E(), E(), E(), N(30), E(), E()};
    };
    const auto social_row = [](const char* code, const char* name) {
        return std::vector<CellValue>{T(code), T(name), N(50), E(), N(50), E(), E(), E(), E(), E(), E()};
    };
    return sheet_of("表2收入总表",
                    {
                        {T("部门预算公开表2")},
                        {T("2023年收入总表")},
                        {T("部门：某部"), E(), E(), E(), E(), E(), E(), E(), E(), E(), T("单位：万元")},
                        {T("科目编码"), T("科目名称"), T("合计"), T("上年结转"), T("一般公共预算财政拨款收入"),
                         T("政府性基金预算财政拨款收入"), T("国有资本经营预算财政拨款收入"), T("财政专户管理资金收入"),
                         T("事业收入"), T("事业单位经营收入"), T("其他收入")},
                        {T("合计"), E(), N(350), N(20), N(300), E(), E(), E(), N(30), E(), E()},
                        science_row("206", "科学技术支出"),
                        science_row("20607", "科学技术普及"),
                        science_row("2060702", "科普活动"),
                        social_row("208", "社会保障和就业支出"),
                        social_row("20805", "行政事业单位养老支出"),
                        social_row("2080501", "行政单位离退休"),
                    });
}

// 表3支出总表: all the department's expenditure.
Grid table3() {
    const auto row = [](const char* code, const char* name, double total, double basic, double project) {
        return std::vector<CellValue>{T(code), T(name), N(total), N(basic), N(project), E(), E(), E()};
    };
    return sheet_of("表3支出总表", {
                                       {T("部门预算公开表3")},
                                       {T("2023年支出总表")},
                                       {T("部门：某部"), E(), E(), E(), E(), E(), E(), T("单位：万元")},
                                       {T("科目编码"), T("科目名称"), T("合计"), T("基本支出"), T("项目支出"),
                                        T("上缴上级支出"), T("事业单位经营支出"), T("对附属单位补助支出")},
                                       {T("合计"), E(), N(350), N(150), N(200), E(), E(), E()},
                                       row("206", "科学技术支出", 300, 100, 200),
                                       row("20607", "科学技术普及", 300, 100, 200),
                                       row("2060702", "科普活动", 300, 100, 200),
                                       row("208", "社会保障和就业支出", 50, 50, 0),
                                       row("20805", "行政事业单位养老支出", 50, 50, 0),
                                       row("2080501", "行政单位离退休", 50, 50, 0),
                                   });
}

// 表4财政拨款收支总表: the appropriation only; no fiscal carry-over either way.
Grid table4() {
    Rows rows = {
        {T("部门预算公开表4")},
        {T("2023年财政拨款收支总表")},
        {T("部门：某部"), E(), E(), E(), E(), E(), T("单位：万元")},
        {T("收入"), E(), T("支出")},
        {T("项目"), T("预算数"), T("项目"), T("合计"), T("一般公共预算"), T("政府性基金预算"), T("国有资本经营预算")},
    };
    const std::vector<std::pair<const char*, double>> income = {
        {"一、本年收入", 300},
        {"（一）一般公共预算资金", 300},
        {"（二）政府性基金预算资金", 0},
        {"（三）国有资本经营预算资金", 0},
        {"二、上年结转", 0},
        {"（一）一般公共预算资金", 0},
        {"（二）政府性基金预算资金", 0},
        {"（三）国有资本经营预算资金", 0},
    };
    rows.push_back({T(income[0].first), N(income[0].second), T("一、本年支出"), N(300), N(300), E(), E()});
    for (std::size_t i = 0; i < class_names.size(); ++i) {
        std::vector<CellValue> row = {E(), E()};
        if (i + 1 < income.size()) {
            row = {T(income[i + 1].first), N(income[i + 1].second)};
        }
        row.push_back(text("（" + numeral(i + 1) + "）" + class_names.at(i)));
        const double amount = i == science ? 250 : i == social ? 50 : 0;
        row.push_back(N(amount));
        row.push_back(N(amount));
        rows.push_back(row);
    }
    rows.push_back({E(), E(), T("二、结转下年"), N(0), N(0), N(0), N(0)});
    rows.push_back({T("收入总计"), N(300), T("支出总计"), N(300), N(300), N(0), N(0)});
    return sheet_of("表4财政拨款收支总表", rows);
}

}  // namespace

// Tables 5, 8 and 9 share their header: 科目编码, 科目名称, last year's 执行数, this year's 预算数
// (小计, 基本支出, 项目支出).
Rows appropriation_head(const char* number, const char* title) {
    return {
        {T(number)},
        {T(title)},
        {T("部门：某部"), E(), E(), E(), E(), T("单位：万元")},
        {T("科目编码"), T("科目名称"), T("2022年执行数"), T("2023年预算数")},
        {E(), E(), E(), T("小计"), T("基本支出"), T("项目支出")},
    };
}

namespace {

// 表5一般公共预算支出表: this year's general public budget appropriation.
Grid table5() {
    auto rows = appropriation_head("部门预算公开表5", "2023年一般公共预算支出表");
    const auto row = [](const char* code, const char* name, double prior, double total, double basic, double project) {
        return std::vector<CellValue>{T(code), T(name), N(prior), N(total), N(basic), N(project)};
    };
    rows.push_back({T("合计"), E(), N(285), N(300), N(100), N(200)});
    rows.push_back(row("206", "科学技术支出", 240, 250, 50, 200));
    rows.push_back(row("20607", "科学技术普及", 240, 250, 50, 200));
    rows.push_back(row("2060702", "科普活动", 240, 250, 50, 200));
    rows.push_back(row("208", "社会保障和就业支出", 45, 50, 50, 0));
    rows.push_back(row("20805", "行政事业单位养老支出", 45, 50, 50, 0));
    rows.push_back(row("2080501", "行政单位离退休", 45, 50, 50, 0));
    return sheet_of("表5一般公共预算支出表", rows);
}

// 表6一般公共预算基本支出表: table 5's 基本支出 by economic class.
Grid table6() {
    const auto row = [](const char* code, const char* name, double total, double personnel, double pub) {
        return std::vector<CellValue>{T(code), T(name), N(total), N(personnel), N(pub)};
    };
    return sheet_of("表6一般公共预算基本支出表",
                    {
                        {T("部门预算公开表6")},
                        {T("2023年一般公共预算基本支出表")},
                        {T("部门：某部"), E(), E(), E(), T("单位：万元")},
                        {T("部门预算支出经济分类科目"), E(), T("2023年基本支出")},
                        {T("科目编码"), T("科目名称"), T("合计"), T("人员经费"), T("公用经费")},
                        {E(), T("合计"), N(100), N(80), N(20)},
                        row("301", "工资福利支出", 80, 80, 0),
                        row("30101", "基本工资", 50, 50, 0),
                        row("30102", "津贴补贴", 30, 30, 0),
                        row("302", "商品和服务支出", 20, 0, 20),
                        row("30201", "办公费", 12, 0, 12),
                        row("30231", "公务用车运行维护费", 8, 0, 8),
                    });
}

}  // namespace

// 表7“三公”经费支出表: last year's and this year's budget as rows.
Grid table7() {
    return sheet_of("表7三公经费支出表", {
                                             {T("部门预算公开表7")},
                                             {T("2023年一般公共预算“三公”经费支出表")},
                                             {T("部门：某部"), E(), E(), E(), E(), E(), T("单位：万元")},
                                             {T("项目"), T("合计"), T("因公出国（境）费"), T("公务用车购置及运行费"),
                                              E(), E(), T("公务接待费")},
                                             {E(), E(), E(), T("小计"), T("公务用车购置费"), T("公务用车运行费")},
                                             {T("2022年预算数"), N(15), N(5), N(8), N(0), N(8), N(2)},
                                             {T("2023年预算数"), N(12), N(3), N(8), N(0), N(8), N(1)},
                                         });
}

namespace {

// Tables 8 and 9: no money of these budgets, said under the table.
Grid empty_table(const char* sheet, const char* number, const char* title) {
    auto rows = appropriation_head(number, title);
    rows.push_back({T("合计"), E(), E(), E(), E(), E()});
    rows.push_back({T("注：本表无数据")});
    return sheet_of(sheet, rows);
}

// The department's 情况说明, typed as central departments write it, its figures those of the tables.
Grid narrative() {
    Rows rows;
    for (const char* paragraph : {
             "第二部分 某部2023年部门预算情况说明",
             "一、收支预算总体情况说明",
             "某部2023年收支总预算350.00万元。收入包括：本年收入合计330.00万元，上年结转20.00万元。",
             "二、收入预算情况说明",
             "本年收入合计330.00万元，其中：一般公共预算拨款收入300.00万元，占90.91%；事业收入30.00万元，占9.09%。",
             "三、支出预算情况说明",
             "本年支出合计350.00万元，其中：基本支出150.00万元，占42.86%；项目支出200.00万元，占57.14%。",
             "四、一般公共预算支出预算情况说明",
             "2023年一般公共预算当年拨款300.00万元，比2022年执行数增加15.00万元，增长5.26%。",
             // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): a long paragraph, on two lines
             "1.科学技术支出（类）科学技术普及（款）科普活动（项）2023年预算数为250.00万元，"
             "比2022年执行数增加10.00万元，增长4.17%。主要原因是科普活动增加。",
             "2.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）2023年预算数为50.00万元，"
             "比2022年执行数增加5.00万元，增长11.11%。",
             "五、“三公”经费支出预算情况说明",
             "2023年“三公”经费财政拨款预算数12.00万元，比2022年预算减少3.00万元，下降20.00%。",
         }) {
        rows.push_back({T(paragraph)});
    }
    return sheet_of("情况说明", rows);
}

}  // namespace

std::vector<Grid> workbook() {
    return {table1(),
            table2(),
            table3(),
            table4(),
            table5(),
            table6(),
            table7(),
            empty_table("表8政府性基金预算支出表", "部门预算公开表8", "2023年政府性基金预算支出表"),
            empty_table("表9国有资本经营预算支出表", "部门预算公开表9", "2023年国有资本经营预算支出表"),
            narrative()};
}

}  // namespace bd::test::central
