// Linked into the test binaries that use office(): one soffice for the whole binary.
#include "harness.hpp"

namespace {

const auto* const registered = ::testing::AddGlobalTestEnvironment(bd::test::make_office_environment());

}  // namespace
