// Writes a planned workbook as the parts of an OpenDocument spreadsheet (content.xml,
// styles.xml, meta.xml, manifest.xml and one chart object per chart). The build zips them into
// a .ots template or an .ods example.
#pragma once

#include "plan.hpp"

#include <filesystem>
#include <string>

namespace bd::build {

enum class DocumentKind : std::uint8_t { Template, Spreadsheet };

/// Writes the parts into `directory` (created; its old content replaced), mimetype first.
void write_odf_parts(const Workbook& workbook, DocumentKind kind, const std::filesystem::path& directory);

}  // namespace bd::build
