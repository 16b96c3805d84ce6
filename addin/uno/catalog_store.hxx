// The classification catalog of this office: the bundled entries plus the official editions the
// user imported, kept in the user profile ($(user)/budgetdisclosure/classification/YEAR.tsv) so
// that they persist across restarts. Readers get an immutable snapshot; an import swaps it.
#pragma once

#include "bd/catalog.hpp"
#include "bd/classification_import.hpp"
#include "bd/grid.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <memory>
#include <mutex>

namespace bd::calc {

class CatalogStore {
public:
    static CatalogStore& instance();

    /// The catalog in use (loaded from the profile on first use).
    std::shared_ptr<const Catalog> catalog(const css::uno::Reference<css::uno::XComponentContext>& context);

    /// Checks a sheet holding an official table; if it is accepted, stores it in the profile and
    /// uses it from now on. A refused table changes nothing.
    ImportResult import(const css::uno::Reference<css::uno::XComponentContext>& context, const Grid& sheet, int year,
                        const std::string& source);

    /// Where the imported editions are kept.
    static std::filesystem::path directory(const css::uno::Reference<css::uno::XComponentContext>& context);

private:
    std::shared_ptr<const Catalog> load(const css::uno::Reference<css::uno::XComponentContext>& context);

    std::mutex mutex_;
    std::shared_ptr<const Catalog> catalog_;
};

}  // namespace bd::calc
