// bd-template-builder: writes the parts of a template (.ots) or of a filled example (.ods) from
// a layout definition, for the build to zip.
//   bd-template-builder LAYOUT_ID OUTPUT_DIR [--fill FILE]
#include "bd/layout.hpp"
#include "fill.hpp"
#include "odf.hpp"
#include "plan.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--fill")) {
        std::cerr << "usage: bd-template-builder LAYOUT_ID OUTPUT_DIR [--fill FILE]\n";
        return 2;
    }
    try {
        const auto* layout = bd::layout::find_layout(argv[1]);
        if (layout == nullptr) {
            std::cerr << "no layout \"" << argv[1] << "\"\n";
            return 2;
        }
        std::optional<bd::build::Fill> fill;
        if (argc == 5) {
            std::ifstream in(argv[4]);
            if (!in) {
                std::cerr << "cannot read " << argv[4] << "\n";
                return 2;
            }
            std::stringstream text;
            text << in.rdbuf();
            fill = bd::build::parse_fill(text.str());
        }
        const auto workbook = bd::build::plan_workbook(*layout, fill ? &*fill : nullptr);
        bd::build::write_odf_parts(
            workbook, fill ? bd::build::DocumentKind::Spreadsheet : bd::build::DocumentKind::Template, argv[2]);
    } catch (const std::exception& error) {
        std::cerr << "bd-template-builder: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
