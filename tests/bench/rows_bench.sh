#!/usr/bin/env bash
# Time and memory of one very long table (run on demand, not in CI), as #14 asks: the example
# workbook with its table 3 (预算支出总表) replaced by ROWS 项 rows (default 300,000) that repeat
# three codes of one 款 (2010101, 2010102, 2010199) with varying amounts, so that codes repeat and
# the 类/款 sums the builder writes above them hold; validated by the CLI (office start and
# extension install included). Prints the wall time and the peak resident memory of the largest
# process of the run (soffice), against #14's targets: under a minute and under 1 GB.
#   tests/bench/rows_bench.sh [ROWS] [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/bench_lib.sh"
rows="${1:-300000}"
bench_setup "${2:-}"
bench_require /usr/bin/time

# The example's inputs without its table 3, then the long table 3.
grep -v -P '^row\tT3\t' "$root/examples/jinzhong-2023.fill" >"$work/rows.fill"
awk -v rows="$rows" 'BEGIN {
  split("2010101 2010102 2010199", codes, " ")
  for (i = 0; i < rows; i++) printf "row\tT3\tcodes\tcode=%s\tbasic=%.2f\n", codes[i % 3 + 1], (i % 97) + 0.5
}' >>"$work/rows.fill"
bench_workbook "$work/rows.fill" "$work/rows.ods"

status=0
/usr/bin/time -f '%e %M' -o "$work/usage" "$cli" validate --json "$work/rows.ods" >"$work/report.json" || status=$?
read -r seconds peak_kb < <(tail -n 1 "$work/usage")  # (after "Command exited with non-zero status")
findings=$(grep -o '"status": *"fail"' "$work/report.json" | wc -l || true)
printf '%s rows of table 3 (workbook %s MiB): validate exit %s, %s s, peak RSS %s MiB (the largest process: soffice)\n' \
  "$rows" "$(du -m "$work/rows.ods" | cut -f1)" "$status" "$seconds" "$((peak_kb / 1024))"
printf 'failures listed in the JSON: %s\n' "$findings"
awk -v s="$seconds" -v kb="$peak_kb" 'BEGIN {
  printf "targets: under 60 s: %s; under 1 GB (10^9 bytes; peak %.2f GB): %s\n", (s < 60 ? "met" : "NOT met"),
    kb * 1024 / 1e9, (kb * 1024 < 1e9 ? "met" : "NOT met")
}'
