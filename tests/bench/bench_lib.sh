# Shared by the benchmark scripts (sourced, not run): the build they measure, a throwaway folder
# removed at exit, and workbooks made from a .fill as the build makes the example.
#   bench_setup BUILD_DIR            sets root, build, cli, builder and work
#   bench_require FILE...            ends the script (exit 2) when one is missing, saying what to run
#   bench_workbook FILL OUT          writes the Shanxi template filled with FILL as the .ods OUT
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

bench_require() {
  local needed
  for needed in "$@"; do
    [ -e "$needed" ] || {
      echo "Missing: $needed (run tools/setup.sh, tools/build.sh and the bench_workbooks target first)" >&2
      exit 2
    }
  done
}

bench_setup() {
  build="$(realpath "${1:-$root/build}")"
  cli="$build/budget-disclosure"
  builder="$build/addin/builder/bd-template-builder"
  bench_require "$cli" "$builder"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
}

bench_workbook() {
  local parts="$work/parts-$(basename "$2" .ods)"
  "$builder" shanxi-unit "$parts" --fill "$1" >/dev/null
  (cd "$parts" && zip -X -0 -q "$2" mimetype && zip -X -r -q "$2" . -x mimetype)
  rm -rf "$parts"
}
