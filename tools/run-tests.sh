#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: install, build, run ctest
# (unit tests alone: ctest --test-dir build -L unit).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh"
exec ctest --test-dir "$root/build" --output-on-failure "$@"
