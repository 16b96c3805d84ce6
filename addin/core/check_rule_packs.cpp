// Run at build time: every bundled rule pack names only what its layout declares (tables, sides,
// lines, columns, blocks). A pack naming an unknown key fails the build, with the names.
#include "bd/rules.hpp"

#include <iostream>

int main() {
    int status = 0;
    try {
        for (const auto& pack : bd::rules::bundled_rule_packs()) {
            const auto* layout = bd::layout::find_layout(pack.layout);
            if (layout == nullptr) {
                std::cerr << "rule pack " << pack.id << ": no layout \"" << pack.layout << "\"\n";
                status = 1;
                continue;
            }
            for (const auto& problem : bd::rules::problems_against(pack, *layout)) {
                std::cerr << "rule pack " << pack.id << ", rule " << problem << "\n";
                status = 1;
            }
        }
    } catch (const std::exception& error) {  // a pack or layout that does not parse
        std::cerr << error.what() << "\n";
        status = 1;
    }
    return status;
}
