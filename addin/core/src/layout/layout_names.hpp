// Checking a layout definition's names (private to the layout layer): every column, line, block,
// input, field and table an expression of the definition uses must be declared.
#pragma once

#include "bd/layout.hpp"

namespace bd::layout {

/// Throws LayoutError listing what the layout names without declaring it.
void check_names(const Layout& layout);

}  // namespace bd::layout
