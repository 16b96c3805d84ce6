#include "catalog_store.hxx"

#include "bd/ustring.hpp"

#include <com/sun/star/util/PathSubstitution.hpp>
#include <osl/file.hxx>

#include <fstream>
#include <iostream>
#include <sstream>

using namespace css;
namespace fs = std::filesystem;

namespace bd::calc {

namespace {

/// A stored edition (code TAB name lines under a header) as a sheet, for the same parser.
Grid grid_of_tsv(const fs::path& file) {
    std::ifstream in(file);
    Grid grid{file.filename().string(), 0, 2, {}};
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        grid.cells.push_back(CellValue::of_text(line.substr(0, tab)));
        grid.cells.push_back(tab == std::string::npos ? CellValue::empty() : CellValue::of_text(line.substr(tab + 1)));
        ++grid.rows;
    }
    return grid;
}

}  // namespace

CatalogStore& CatalogStore::instance() {
    static CatalogStore store;
    return store;
}

fs::path CatalogStore::directory(const uno::Reference<uno::XComponentContext>& context) {
    const rtl::OUString url =
        util::PathSubstitution::create(context)->substituteVariables("$(user)/budgetdisclosure/classification", true);
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None) {
        throw std::runtime_error("Cannot find the user profile directory: " + to_utf8(url));
    }
    return to_utf8(path);
}

std::shared_ptr<const Catalog> CatalogStore::load(const uno::Reference<uno::XComponentContext>& context) {
    auto catalog = std::make_shared<Catalog>(Catalog::with_bundled_entries());
    std::error_code error;
    const fs::path dir = directory(context);
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        const std::string stem = entry.path().stem().string();
        if (entry.path().extension() != ".tsv" || stem.size() != 4 ||
            stem.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        auto result = parse_classification_table(grid_of_tsv(entry.path()), std::stoi(stem), entry.path().string());
        if (result.edition) {
            catalog->set_edition(std::move(*result.edition));
        } else {
            std::cerr << "budgetdisclosure: ignoring damaged " << entry.path() << ": " << result.problems.front().en
                      << std::endl;
        }
    }
    return catalog;
}

std::shared_ptr<const Catalog> CatalogStore::catalog(const uno::Reference<uno::XComponentContext>& context) {
    std::lock_guard lock(mutex_);
    if (!catalog_) {
        catalog_ = load(context);
    }
    return catalog_;
}

ImportResult CatalogStore::import(const uno::Reference<uno::XComponentContext>& context, const Grid& sheet, int year,
                                  const std::string& source) {
    ImportResult result = parse_classification_table(sheet, year, source);
    if (!result.edition) {
        return result;
    }
    // Write to a temporary file and rename it over the old one: a failure keeps the old edition.
    const fs::path dir = directory(context);
    fs::create_directories(dir);
    const fs::path target = dir / (std::to_string(year) + ".tsv");
    const fs::path temporary = dir / (std::to_string(year) + ".tsv.new");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << edition_to_tsv(*result.edition);
        if (!out.flush()) {
            throw std::runtime_error("Cannot write " + temporary.string());
        }
    }
    fs::rename(temporary, target);

    std::lock_guard lock(mutex_);
    auto updated = std::make_shared<Catalog>(catalog_ ? *catalog_ : *load(context));
    updated->set_edition(*result.edition);
    catalog_ = std::move(updated);
    return result;
}

}  // namespace bd::calc
