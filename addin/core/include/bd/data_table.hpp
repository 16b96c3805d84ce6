// The product's own data tables (addin/core/data/*.tsv, compiled in): UTF-8, tab-separated, a
// header line, '#' comment lines.
#pragma once

#include <string>
#include <vector>

namespace bd {

/// The data rows of a bundled TSV table (comment and header lines skipped), split into fields.
std::vector<std::vector<std::string>> tsv_rows(const char* text);

}  // namespace bd
