#include "bd/data_table.hpp"

#include <sstream>

namespace bd {

std::vector<std::vector<std::string>> tsv_rows(const char* text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    bool header_seen = false;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with('#')) {
            continue;
        }
        if (!header_seen) {
            header_seen = true;
            continue;
        }
        std::vector<std::string> fields;
        std::istringstream cells(line);
        for (std::string field; std::getline(cells, field, '\t');) {
            fields.push_back(field);
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

}  // namespace bd
