#include "results.hpp"

#include "bd/json.hpp"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace pt = boost::property_tree;

namespace bd::cli {

namespace {

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The rules with a failed outcome in a validation, once each, in order.
std::vector<std::string> failing_rules(const Validation& validation) {
    std::vector<std::string> rules;
    std::set<std::string> seen;
    for (const auto& outcome : validation.outcomes) {
        if (outcome.status == Status::Fail && seen.insert(outcome.rule_id).second) {
            rules.push_back(outcome.rule_id);
        }
    }
    return rules;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

/// What the summary says of one file.
struct Row {
    std::string file;
    int exit_code = 0;
    std::string state;  // validated, kept, could not run
    Summary summary;
    std::string note;  // why it could not run; where a kept result is
    std::vector<std::string> failing;
};

Row row_of(const FileResult& result) {
    Row row{result.file.string(), static_cast<int>(result.verdict()), "validated", {}, {}, {}};
    if (result.kept) {
        row.state = "kept";
        row.summary = result.kept->summary;
        row.note = result.kept->from.string();
        row.failing = result.kept->failing_rules;
    } else if (result.failure) {
        row.state = "could not run";
        row.note = *result.failure;
    } else {
        row.summary = summarize(result.validation.outcomes);
        row.failing = failing_rules(result.validation);
    }
    return row;
}

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + file.string());
    }
}

}  // namespace

fs::path result_file(const fs::path& dir, const fs::path& workbook) {
    const auto full = fs::absolute(workbook).lexically_normal().string();
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(full));
    return dir / (workbook.stem().string() + "-" + std::string(hash, 8) + ".json");
}

void write_result(JsonWriter& json, const FileResult& result) {
    if (result.kept) {
        json.raw(result.kept->json);
        return;
    }
    json.begin_object().field("file", result.file.string()).field("validated", !result.failure.has_value());
    json.field("exit_code", static_cast<int>(result.verdict()));
    if (result.failure) {
        json.field("error", *result.failure);
    } else {
        write_json(json, result.validation);
    }
    json.end_object();
}

std::optional<FileResult> kept_result(const fs::path& dir, const fs::path& workbook) {
    const auto file = result_file(dir, workbook);
    std::error_code error;
    const auto kept_time = fs::last_write_time(file, error);
    if (error || kept_time < fs::last_write_time(workbook, error) || error) {
        return std::nullopt;
    }
    try {
        KeptResult kept{file, read_all(file), 0, {}, {}};
        while (!kept.json.empty() && kept.json.back() == '\n') {
            kept.json.pop_back();
        }
        std::istringstream text(kept.json);
        pt::ptree tree;
        pt::read_json(text, tree);
        if (!tree.get<bool>("validated")) {
            return std::nullopt;  // a file that could not run is tried again
        }
        kept.exit_code = tree.get<int>("exit_code");
        const auto& summary = tree.get_child("summary");
        kept.summary = {summary.get<int>("checks"),       summary.get<int>("passed"),
                        summary.get<int>("errors"),       summary.get<int>("warnings"),
                        summary.get<int>("infos"),        summary.get<int>("not_applicable"),
                        summary.get<int>("not_evaluated")};
        std::set<std::string> seen;
        for (const auto& [unused, outcome] : tree.get_child("outcomes")) {
            const auto rule = outcome.get<std::string>("rule");
            if (outcome.get<std::string>("status") == "fail" && seen.insert(rule).second) {
                kept.failing_rules.push_back(rule);
            }
        }
        return FileResult{workbook, std::nullopt, false, {}, std::move(kept)};
    } catch (const pt::ptree_error&) {
        return std::nullopt;  // not a result of ours: validated again
    }
}

void keep_result(const fs::path& dir, const FileResult& result) {
    JsonWriter json;
    write_result(json, result);
    const auto file = result_file(dir, result.file);
    const auto part = fs::path(file.string() + ".part");
    write_file(part, json.str() + "\n");
    fs::rename(part, file);
}

void write_summary(const fs::path& dir, const std::vector<FileResult>& results) {
    std::vector<Row> rows;
    std::map<std::string, int> files_failing;
    for (const auto& result : results) {
        rows.push_back(row_of(result));
        for (const auto& rule : rows.back().failing) {
            ++files_failing[rule];
        }
    }
    std::string files = "file,exit_code,state,checks,passed,errors,warnings,infos,not_applicable,not_evaluated,note\n";
    std::string html =
        "<!DOCTYPE html><meta charset=\"utf-8\"><title>Batch summary</title><h1>Files</h1><table>"
        "<tr><th>file<th>exit<th>state<th>checks<th>errors<th>warnings<th>note";
    for (const auto& row : rows) {
        const auto& s = row.summary;
        files += csv_field(row.file) + "," + std::to_string(row.exit_code) + "," + row.state + "," +
                 std::to_string(s.checks) + "," + std::to_string(s.passed) + "," + std::to_string(s.errors) + "," +
                 std::to_string(s.warnings) + "," + std::to_string(s.infos) + "," + std::to_string(s.not_applicable) +
                 "," + std::to_string(s.not_evaluated) + "," + csv_field(row.note) + "\n";
        html += "<tr><td>" + html_escape(row.file) + "<td>" + std::to_string(row.exit_code) + "<td>" + row.state +
                "<td>" + std::to_string(s.checks) + "<td>" + std::to_string(s.errors) + "<td>" +
                std::to_string(s.warnings) + "<td>" + html_escape(row.note);
    }
    std::vector<std::pair<std::string, int>> by_rule(files_failing.begin(), files_failing.end());
    std::ranges::stable_sort(by_rule, [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string rules = "rule,files_failing\n";
    html += "</table><h1>Rules</h1><table><tr><th>rule<th>files failing it";
    for (const auto& [rule, count] : by_rule) {
        rules += rule + "," + std::to_string(count) + "\n";
        html += "<tr><td>" + html_escape(rule) + "<td>" + std::to_string(count);
    }
    html += "</table>\n";
    write_file(dir / "summary.csv", files);
    write_file(dir / "rules.csv", rules);
    write_file(dir / "summary.html", html);
}

}  // namespace bd::cli
