#include "bd/validate.hpp"

#include "bd/hierarchy_check.hpp"

namespace bd {

std::vector<Outcome> validate_workbook(const std::vector<Grid>& sheets) {
    return check_hierarchy(sheets);
}

}  // namespace bd
