// make_large_fill: writes the .fill of a large, consistent Shanxi unit disclosure for
// validation_bench (built at build time into build/tests/bench/large-2023.ods, and at a quarter
// of the size into quarter-2023.ods):
//   make_large_fill OUTPUT.fill CLASSIFICATION.tsv [DIVISOR [EDITION.tsv]]
// The functional codes keep the real 类 and the 款/项 the bundled catalog knows
// (addin/core/data/classification.tsv), completed with made-up 款/项 numbers to 7 款 per 类 and
// 7 项 per 款 (over 1,000 leaf codes; the builder adds the 类/款 rows). Over 2,000 projects in
// table 12, each with a performance form, are spread over the leaf codes; every figure agrees
// (table 2 = table 3 = table 5 by code, table 12 = the project column of tables 3 and 5,
// table 6 = their basic column, forms in 元 = table 12 × 10,000), so the rules pass, except the
// codes the bundled catalog does not hold (C.CODES: not evaluated). Deterministic: no clock, no
// random device. DIVISOR (default 1) makes a smaller workbook of the same shape: 1/DIVISOR of the
// classes and of the projects, for checking how the cost grows.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int all_projects = 2100;
constexpr std::size_t kuan_per_class = 7;
constexpr std::size_t xiang_per_kuan = 7;

// Classes a unit's general public budget does not use (social insurance funds, state capital,
// reserve, transfers and debt).
const std::set<std::string> unused_classes{"209", "223", "227", "230", "231", "232", "233", "234"};

class Random {
public:
    std::uint64_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return state_ >> 33;
    }
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }

private:
    std::uint64_t state_ = 20230101;
};

// An amount in hundredths of 万元, as the tables show it.
std::string wan(std::int64_t cents) {
    std::ostringstream out;
    out << cents / 100 << '.' << (cents % 100 < 10 ? "0" : "") << cents % 100;
    return out.str();
}

std::string two_digits(std::size_t n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

struct Codes {
    std::map<std::string, std::set<std::string>> names;  // every bundled code → its names
    std::vector<std::string> classes;                    // 3 digits
    std::map<std::string, std::set<std::string>> kuan;   // class → 5-digit codes
    std::map<std::string, std::set<std::string>> xiang;  // 款 → 7-digit codes
};

Codes known_functional_codes(const std::string& tsv) {
    std::ifstream in(tsv);
    if (!in) {
        throw std::runtime_error("cannot read " + tsv);
    }
    Codes codes;
    std::set<std::string> classes;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string scheme;
        std::string code;
        std::string name;
        std::getline(fields, scheme, '\t');
        std::getline(fields, code, '\t');
        std::getline(fields, name, '\t');
        if (scheme == "function" || scheme == "economic-department") {
            codes.names[code].insert(name);
        }
        if (scheme != "function" || unused_classes.contains(code.substr(0, 3))) {
            continue;
        }
        if (code.size() == 3) {
            classes.insert(code);
        } else if (code.size() == 5) {
            codes.kuan[code.substr(0, 3)].insert(code);
        } else if (code.size() == 7) {
            codes.kuan[code.substr(0, 3)].insert(code.substr(0, 5));
            codes.xiang[code.substr(0, 5)].insert(code);
        }
    }
    codes.classes.assign(classes.begin(), classes.end());
    return codes;
}

// The leaf codes: known ones, completed with made-up numbers (01, 02, …) to the counts above.
std::vector<std::string> leaf_codes(Codes codes, int divisor) {
    std::vector<std::string> leaves;
    const auto classes =
        (codes.classes.size() + static_cast<std::size_t>(divisor) - 1) / static_cast<std::size_t>(divisor);
    codes.classes.resize(classes);
    for (const auto& klass : codes.classes) {
        auto& kuans = codes.kuan[klass];
        for (std::size_t n = 1; kuans.size() < kuan_per_class; ++n) {
            kuans.insert(klass + two_digits(n));
        }
        for (const auto& kuan : kuans) {
            auto& xiangs = codes.xiang[kuan];
            for (std::size_t n = 1; xiangs.size() < xiang_per_kuan; ++n) {
                xiangs.insert(kuan + two_digits(n));
            }
            leaves.insert(leaves.end(), xiangs.begin(), xiangs.end());
        }
    }
    return leaves;
}

// A classification table of the year (as the import stores it) holding every code of the large
// workbook: the bundled entries of one name, and the made-up 款/项 named 基准科目CODE. Given to
// the office as the imported 2023 edition (validation_bench --known-codes), it leaves no code
// unknown.
void write_edition(const std::string& output, const Codes& codes, const std::vector<std::string>& leaves) {
    std::map<std::string, std::string> entries;
    for (const auto& [code, names] : codes.names) {
        if (names.size() == 1 && (code.size() == 3 || code.size() == 5 || code.size() == 7)) {
            entries[code] = *names.begin();
        }
    }
    for (const auto& leaf : leaves) {
        for (const auto& code : {leaf.substr(0, 5), leaf}) {
            entries.try_emplace(code, "基准科目" + code);
        }
    }
    std::ofstream file(output, std::ios::binary);
    file << "科目编码\t科目名称\n";
    for (const auto& [code, name] : entries) {
        // The import wants every code's parent in the table.
        if (code.size() == 3 || entries.contains(code.substr(0, code.size() - 2))) {
            file << code << '\t' << name << '\n';
        }
    }
    if (!file.flush()) {
        throw std::runtime_error("cannot write " + output);
    }
}

std::string project_name(int i) {
    static const std::vector<std::string> topics{
        "安全生产", "城乡社区环境", "基层医疗卫生", "义务教育", "公共法律服务", "就业创业", "科学技术普及",
        "群众体育", "应急管理",     "消防救援",     "住房保障", "社会福利",     "农田水利", "公路养护",
        "数字政府", "市场监管",     "统计调查",     "文物保护", "生态环境监测", "粮食储备"};
    static const std::vector<std::string> actions{"专项经费",     "宣传培训费",     "设备购置", "运行维护费",
                                                  "信息化建设",   "专项整治业务费", "补助资金", "监督检查经费",
                                                  "课题研究经费", "服务购买"};
    const auto combos = static_cast<int>(topics.size() * actions.size());
    std::string name = topics[static_cast<std::size_t>(i) % topics.size()] +
                       actions[static_cast<std::size_t>(i / static_cast<int>(topics.size())) % actions.size()];
    if (i >= combos) {
        name += "（" + std::to_string(i / combos + 1) + "期）";
    }
    return name;
}

struct Economic {
    const char* code;
    const char* name;
    const char* government;
    bool personnel;
    int weight;
};

// Table 6's rows: codes and names the bundled catalog holds (ambiguous codes left out).
const std::vector<Economic> economic_rows{
    {"30101", "基本工资", "工资奖金津补贴", true, 20},
    {"30102", "津贴补贴", "工资奖金津补贴", true, 12},
    {"30103", "奖金", "工资奖金津补贴", true, 4},
    {"30107", "绩效工资", "工资奖金津补贴", true, 10},
    {"30108", "机关事业单位基本养老保险缴费", "社会保障缴费", true, 6},
    {"30109", "职业年金缴费", "社会保障缴费", true, 3},
    {"30110", "职工基本医疗保险缴费", "社会保障缴费", true, 3},
    {"30112", "其他社会保障缴费", "社会保障缴费", true, 1},
    {"30113", "住房公积金", "住房公积金", true, 5},
    {"30199", "其他工资福利支出", "其他工资福利支出", true, 1},
    {"30201", "办公费", "商品和服务支出", false, 5},
    {"30202", "印刷费", "商品和服务支出", false, 2},
    {"30206", "电费", "商品和服务支出", false, 2},
    {"30207", "邮电费", "商品和服务支出", false, 1},
    {"30209", "物业管理费", "商品和服务支出", false, 3},
    {"30211", "差旅费", "商品和服务支出", false, 3},
    {"30213", "维修(护)费", "商品和服务支出", false, 2},
    {"30215", "会议费", "会议费", false, 1},
    {"30216", "培训费", "培训费", false, 2},
    {"30217", "公务接待费", "公务接待费", false, 1},
    {"30226", "劳务费", "商品和服务支出", false, 2},
    {"30228", "工会经费", "商品和服务支出", false, 2},
    {"30229", "福利费", "商品和服务支出", false, 2},
    {"30231", "公务用车运行维护费", "公务用车运行维护费", false, 2},
    {"30239", "其他交通费用", "商品和服务支出", false, 3},
    {"30299", "其他商品和服务支出", "商品和服务支出", false, 1},
};

int write_fill(const std::string& output, const std::string& tsv, int divisor, const std::string& edition) {
    const auto codes = known_functional_codes(tsv);
    const auto leaves = leaf_codes(codes, divisor);
    if (!edition.empty()) {
        write_edition(edition, codes, leaves);
    }
    const int projects_count = all_projects / divisor;
    Random random;
    const std::string unit = "山西省某市综合行政执法局（基准测试）";
    const std::string department = "901-" + unit;

    // Projects in 万元 (hundredths), each under one leaf code, round robin.
    std::vector<std::int64_t> amounts(static_cast<std::size_t>(projects_count));
    std::map<std::string, std::int64_t> project_by_code;
    std::map<std::string, std::int64_t> basic_by_code;
    std::int64_t project_total = 0;
    for (int i = 0; i < projects_count; ++i) {
        amounts[static_cast<std::size_t>(i)] = random.between(100, 20000);
        project_by_code[leaves[static_cast<std::size_t>(i) % leaves.size()]] += amounts[static_cast<std::size_t>(i)];
        project_total += amounts[static_cast<std::size_t>(i)];
    }
    // Basic expenditure on the first 项 of every 款 (行政运行 in the official tables).
    std::int64_t basic_total = 0;
    for (const auto& code : leaves) {
        if (code.ends_with("01")) {
            basic_by_code[code] = random.between(2000, 30000);
            basic_total += basic_by_code[code];
        }
    }

    std::ostringstream out;
    out << "# Generated by tests/bench/make_large_fill (validation_bench's large workbook); do not edit.\n"
        << "# " << leaves.size() << " leaf functional codes, " << projects_count << " projects with forms; "
        << "project total " << wan(project_total) << ", basic total " << wan(basic_total) << " 万元.\n";
    out << "cover\tunit\t" << unit << "\ncover\tyear\t2023\ncover\tcode\t" << department << '\n'
        << "cover\tform_title\t县（区）级预算部门（单位）项目支出绩效目标申报表\n"
        << "cover\tduties\t负责本级综合行政执法工作；组织开展安全生产、市场监管、城乡管理等领域的监督检查。\n"
        << "cover\torganization\t下设综合科、法规科、执法一至十大队。\n";

    for (const auto& code : leaves) {
        const auto basic = basic_by_code[code];
        const auto project = project_by_code[code];
        out << "row\tT2\tcodes\tcode=" << code << "\tgpb=" << wan(basic + project) << '\n';
    }
    for (const char* table : {"T3", "T5"}) {
        for (const auto& code : leaves) {
            out << "row\t" << table << "\tcodes\tcode=" << code;
            if (basic_by_code[code] != 0) {
                out << "\tbasic=" << wan(basic_by_code[code]);
            }
            if (project_by_code[code] != 0) {
                out << "\tproject=" << wan(project_by_code[code]);
            }
            out << '\n';
        }
    }

    // Table 6 shares the basic total by weight; the last row takes the remainder.
    int weights = 0;
    for (const auto& row : economic_rows) {
        weights += row.weight;
    }
    std::int64_t left = basic_total;
    std::int64_t vehicles = 0;
    std::int64_t reception = 0;
    for (std::size_t i = 0; i < economic_rows.size(); ++i) {
        const auto& row = economic_rows[i];
        const auto amount = i + 1 == economic_rows.size() ? left : basic_total * row.weight / weights;
        left -= amount;
        out << "row\tT6\tcodes\tcode=" << row.code << "\tname=" << row.name << "\tgov=" << row.government << '\t'
            << (row.personnel ? "personnel=" : "public=") << wan(amount) << '\n';
        if (std::string(row.code) == "30231") {
            vehicles = amount;
        } else if (std::string(row.code) == "30217") {
            reception = amount;
        }
    }
    out << "line\tT10\treception\tgpb\t" << wan(reception) << '\n'
        << "line\tT10\toperation\tgpb\t" << wan(vehicles) << '\n';

    for (int i = 0; i < projects_count; ++i) {
        out << "row\tT12\tprojects\tproject=" << project_name(i)
            << "\tgpb=" << wan(amounts[static_cast<std::size_t>(i)]) << '\n';
    }

    const std::int64_t prior = (basic_total + project_total) * 97 / 100;
    out << "input\tN\tprior_total\t" << wan(prior) << "\ninput\tN\tprior_gpb\t" << wan(prior) << '\n'
        << "input\tN\tchange_reason\t项目支出增加\n"
        << "input\tN\tprior_three\t" << wan(reception + vehicles + 100) << '\n'
        << "input\tN\tthree_reason\t压减公务接待费\n"
        << "input\tN\tthree_detail\t其中：公务接待费与公务用车运行维护费均按实际需要安排。\n"
        << "input\tN\tpersonnel_items\t基本工资、津贴补贴、奖金、绩效工资、社会保障缴费、住房公积金等\n"
        << "input\tN\tpublic_items\t办公费、印刷费、电费、邮电费、物业管理费、差旅费、维修(护)费、会议费、培训费等\n"
        << "input\tN\toffice_note\t本单位为事业单位，无机关运行经费。\n"
        << "input\tN\tproc_goods\t120.00\ninput\tN\tproc_works\t80.00\ninput\tN\tproc_services\t300.00\n"
        << "input\tN\tassets\t车辆情况：\\n执法用车30辆\n"
        << "input\tN\tother_note\t无\n";

    static const std::vector<std::string> periods{"1年", "2年", "3年", "4年", "5年"};
    for (int i = 0; i < projects_count; ++i) {
        const auto name = project_name(i);
        const auto yuan = amounts[static_cast<std::size_t>(i)] * 100;  // hundredths of 万元 → 元
        const auto years = static_cast<std::int64_t>(i % 5) + 1;
        const auto field = [&](const std::string& key, const std::string& value) {
            out << "form\t" << name << "\tfield\t" << key << '\t' << value << '\n';
        };
        const auto indicator = [&](const std::string& level1, const std::string& level2, const std::string& what,
                                   const std::string& value) {
            out << "form\t" << name << "\tindicator\t" << level1 << '\t' << level2 << '\t' << what << '\t' << value
                << '\t' << level2 << '\t' << what << '\t' << value << '\n';
        };
        field("department", department);
        field("implementer", unit);
        field("attribute", years == 1 ? "一次性项目(1年结束)" : "经常性项目(长期开展)");
        field("period", periods[static_cast<std::size_t>(years - 1)]);
        field("total_period", std::to_string(yuan * years));
        field("central_period", "0");
        field("province_period", "0");
        field("local_period", std::to_string(yuan * years));
        field("own_period", "0");
        field("central_year", "0");
        field("province_year", "0");
        field("local_year", std::to_string(yuan));
        field("own_year", "0");
        field("overview", "开展" + name + "相关工作，保障年度任务按期完成。");
        field("basis", "《关于加强预算绩效管理的实施意见》");
        field("necessity", "履行部门职责的需要。");
        field("measures", "按照项目管理办法组织实施，专款专用。");
        field("plan", "全年分季度实施。");
        field("goal_period", "按期完成" + name + "各项任务。");
        field("goal_year", "完成年度计划任务。");
        field("handler", "张三");
        field("phone", "0354-3368797");
        field("date", "20230216");
        indicator("产出指标", "数量指标", "完成任务数", "≥" + std::to_string(i % 20 + 1) + "项");
        indicator("产出指标", "质量指标", "验收合格率", "≥95%");
        indicator("产出指标", "时效指标", "完成时间", "年底前");
        indicator("产出指标", "成本指标", "项目经费", wan(amounts[static_cast<std::size_t>(i)]) + "万元");
        indicator("效益指标", "社会效益指标", "服务水平", "提升");
        indicator("效益指标", "可持续影响指标", "长效机制", "建立");
        indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%");
    }

    std::ofstream file(output, std::ios::binary);
    file << out.str();
    if (!file.flush()) {
        std::cerr << "cannot write " << output << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int divisor = argc >= 4 ? std::atoi(argv[3]) : 1;
    if (argc < 3 || argc > 5 || divisor < 1) {
        std::cerr << "usage: make_large_fill OUTPUT.fill CLASSIFICATION.tsv [DIVISOR [EDITION.tsv]]\n";
        return 2;
    }
    try {
        return write_fill(argv[1], argv[2], divisor, argc == 5 ? argv[4] : "");
    } catch (const std::exception& e) {
        std::cerr << "make_large_fill: " << e.what() << '\n';
        return 1;
    }
}
