#include "fill.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>

namespace bd::build {

namespace {

namespace x3 = boost::spirit::x3;

// A record is fields separated by tabs; a field may be empty.
std::vector<std::string> fields_of(std::string_view line) {
    std::vector<std::string> fields;
    auto first = line.begin();
    x3::parse(first, line.end(), *(x3::char_ - '\t') % '\t', fields);
    return fields;
}

std::string unescape(std::string value) {
    for (std::size_t at = value.find("\\n"); at != std::string::npos; at = value.find("\\n", at + 1)) {
        value.replace(at, 2, "\n");
    }
    return value;
}

std::string key_of(std::initializer_list<std::string_view> parts) {
    std::string key;
    for (const auto part : parts) {
        key += (key.empty() ? "" : "/") + std::string(part);
    }
    return key;
}

}  // namespace

const std::string* Fill::line(std::string_view table, std::string_view line, std::string_view column) const {
    const auto it = lines.find(key_of({table, line, column}));
    return it == lines.end() ? nullptr : &it->second;
}

const std::vector<FilledRow>* Fill::block(std::string_view table, std::string_view block) const {
    const auto it = rows.find(key_of({table, block}));
    return it == rows.end() ? nullptr : &it->second;
}

const FilledForm* Fill::form(std::string_view project) const {
    const auto it = std::ranges::find(forms, project, &FilledForm::project);
    return it == forms.end() ? nullptr : &*it;
}

Fill parse_fill(std::string_view text) {
    Fill fill;
    std::size_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto f = fields_of(line);
        const auto fail = [&](const std::string& why) {
            throw FillError("line " + std::to_string(number) + ": " + why);
        };
        const auto need = [&](std::size_t count) {
            if (f.size() < count) {
                fail("\"" + f[0] + "\" needs " + std::to_string(count - 1) + " fields");
            }
        };
        const std::string& kind = f[0];
        if (kind == "cover") {
            need(3);
            fill.cover[f[1]] = unescape(f[2]);
        } else if (kind == "line") {
            need(5);
            fill.lines[key_of({f[1], f[2], f[3]})] = f[4];
        } else if (kind == "row") {
            need(4);
            FilledRow row;
            for (std::size_t i = 3; i < f.size(); ++i) {
                const auto equals = f[i].find('=');
                if (equals == std::string::npos) {
                    fail("a row's values are written COLUMN=VALUE: \"" + f[i] + "\"");
                }
                row.values[f[i].substr(0, equals)] = f[i].substr(equals + 1);
            }
            fill.rows[key_of({f[1], f[2]})].push_back(std::move(row));
        } else if (kind == "input") {
            need(4);
            fill.inputs[key_of({f[1], f[2]})] = unescape(f[3]);
        } else if (kind == "listrow") {
            need(4);
            fill.lists[key_of({f[1], f[2]})].emplace_back(f.begin() + 3, f.end());
        } else if (kind == "form") {
            need(4);
            if (fill.forms.empty() || fill.forms.back().project != f[1]) {
                if (fill.form(f[1]) != nullptr) {
                    fail("the form of \"" + f[1] + "\" is split");
                }
                fill.forms.push_back({f[1], {}, {}});
            }
            auto& form = fill.forms.back();
            if (f[2] == "field") {
                need(5);
                form.fields[f[3]] = unescape(f[4]);
            } else if (f[2] == "indicator") {
                std::vector<std::string> values(f.begin() + 3, f.end());
                values.resize(7);
                form.indicators.push_back(std::move(values));
            } else {
                fail("a form record is \"field\" or \"indicator\"");
            }
        } else {
            fail("unknown record \"" + kind + "\"");
        }
    }
    return fill;
}

}  // namespace bd::build
