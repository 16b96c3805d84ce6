#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: install what is needed, build, then validate
# the bundled example workbook in headless Calc with the extension and print the report.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh"
exec "$root/build/budget-disclosure" validate "$root/build/examples/jinzhong-2023.ods" "$@"
