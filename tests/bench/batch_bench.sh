#!/usr/bin/env bash
# Throughput of headless validation (run on demand, not in CI): N copies of the example workbook
# (default 200) validated by the CLI with one office and with one per core, against the baseline of
# one bare soffice converting the same N files (load + save as .ods, its own start included).
# Prints the wall times, the time per file and the ratios #14 asks for: validation with one office
# against the bare conversion (target ≤ 1.3×), and the speed-up from 1 to N offices (target ≥ 1.7×
# on 2 cores).
#   tests/bench/batch_bench.sh [N] [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-200}"
build="$(realpath "${2:-$root/build}")"
cli="$build/budget-disclosure"
example="$build/examples/jinzhong-2023.ods"
[ -x "$cli" ] && [ -f "$example" ] || { echo "Build first: tools/build.sh" >&2; exit 2; }
cores="$(nproc)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files" "$work/converted" "$work/home"
for i in $(seq -f "%04g" "$count"); do cp "$example" "$work/files/w$i.ods"; done
files=("$work/files"/*.ods)

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# The baseline: one soffice, a fresh profile, every file loaded and saved again.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$work"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
start=$(seconds)
"${as_user[@]}" env HOME="$work/home" /usr/lib/libreoffice/program/soffice --headless --norestore \
  "-env:UserInstallation=file://$work/profile" --convert-to ods --outdir "$work/converted" "${files[@]}" \
  >"$work/convert.log" 2>&1
convert=$(elapsed "$start" "$(seconds)")
converted=$(find "$work/converted" -name '*.ods' | wc -l)
[ "$converted" -eq "$count" ] || { echo "soffice converted $converted of $count files" >&2; exit 1; }

run_cli() {
  local jobs=$1 status=0 start
  start=$(seconds)
  "$cli" validate --json --jobs "$jobs" "${files[@]}" >"$work/jobs$jobs.json" 2>"$work/jobs$jobs.err" || status=$?
  # Exit 1: the example's genuine error, in every file.
  [ "$status" -eq 1 ] || { echo "validate --jobs $jobs exited $status" >&2; cat "$work/jobs$jobs.err" >&2; exit 1; }
  elapsed "$start" "$(seconds)"
}
one=$(run_cli 1)
many=$(run_cli "$cores")

per_file() { awk -v t="$1" -v n="$count" 'BEGIN { printf "%d", t * 1000 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%d copies of %s, %d cores, load average %s\n' "$count" "$(basename "$example")" "$cores" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %8.1f s  %5d ms/file\n' "bare soffice --convert-to ods (one process, start included)" "$convert" "$(per_file "$convert")"
printf '%-58s %8.1f s  %5d ms/file\n' "budget-disclosure validate --jobs 1 (office start included)" "$one" "$(per_file "$one")"
printf '%-58s %8.1f s  %5d ms/file\n' "budget-disclosure validate --jobs $cores" "$many" "$(per_file "$many")"
printf 'validate --jobs 1 / conversion: %s×   speed-up --jobs 1 → %d: %s×\n' "$(ratio "$one" "$convert")" \
  "$cores" "$(ratio "$one" "$many")"
