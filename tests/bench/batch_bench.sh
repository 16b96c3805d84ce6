#!/usr/bin/env bash
# Throughput of headless validation (run on demand, not in CI), as #14 asks: a batch of N
# workbooks (default 200: half copies of the example, three in ten a mutated example — table 3's
# 2240106 基本支出 40.50 → 41.50, so findings to report — and one in five the quarter-size
# benchmark workbook) validated by the CLI with one office and with one per core, against bare
# soffice converting the same files (load + save as .ods, starts included) with as many processes.
# Validation runs REPEATS times (default 3) with one office and with one per core, alternately, so
# that each speed-up compares two runs minutes apart on a machine whose speed drifts; conversion
# runs once each. Prints wall times, time per file and the ratios: validation against conversion
# with the same number of offices (target ≤ 1.3×; the fastest validation) and the speed-up from one
# office to one per core of each pair of runs and their median (target ≥ 1.7× on 2 cores); and the
# CPU time of each validation run, which tells a run slowed by idle time from one slowed by work.
#   tests/bench/batch_bench.sh [N] [BUILD_DIR] [REPEATS]
set -euo pipefail
source "$(dirname "$0")/bench_lib.sh"
count="${1:-200}"
bench_setup "${2:-}"
repeats="${3:-3}"
example="$build/examples/jinzhong-2023.ods"
quarter="$build/tests/bench/quarter-2023.ods"
bench_require "$example" "$quarter" /usr/bin/time
cores="$(nproc)"

mkdir -p "$work/files" "$work/home"

# The mutated example, built from its inputs as the build builds the example.
sed 's/^\(row\tT3\tcodes\tcode=2240106\tbasic=\)40.50/\141.50/' "$root/examples/jinzhong-2023.fill" >"$work/mutated.fill"
bench_workbook "$work/mutated.fill" "$work/mutated.ods"
for i in $(seq "$count"); do
  case $((i % 10)) in
    0 | 5) source="$quarter" ;;
    3 | 6 | 9) source="$work/mutated.ods" ;;
    *) source="$example" ;;
  esac
  cp "$source" "$work/files/w$(printf %04d "$i").ods"
done
files=("$work/files"/*.ods)

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# The baseline: `processes` bare soffice, each with a profile of its own, converting every
# processes-th file.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$work"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
convert() {
  local processes=$1 start pids=() part
  rm -rf "$work/converted" && mkdir -p "$work/converted" && chmod 777 "$work/converted"
  start=$(now)
  for part in $(seq 0 $((processes - 1))); do
    local share=()
    for i in "${!files[@]}"; do
      [ $((i % processes)) -eq "$part" ] && share+=("${files[$i]}")
    done
    "${as_user[@]}" env HOME="$work/home" /usr/lib/libreoffice/program/soffice --headless --norestore \
      "-env:UserInstallation=file://$work/profile-$processes-$part" --convert-to ods \
      --outdir "$work/converted" "${share[@]}" >"$work/convert-$processes-$part.log" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  local converted
  converted=$(find "$work/converted" -name '*.ods' | wc -l)
  [ "$converted" -eq "$count" ] || { echo "soffice converted $converted of $count files" >&2; exit 1; }
  since "$start"
}

# Prints the wall time, then the CPU time (user + system) of the CLI and its offices.
validate() {
  local jobs=$1 status=0 start
  start=$(now)
  /usr/bin/time -f '%U %S' -o "$work/cpu$jobs" "$cli" validate --json --jobs "$jobs" "${files[@]}" \
    >"$work/jobs$jobs.json" 2>"$work/jobs$jobs.err" || status=$?
  # Exit 1: the example's genuine error (and the mutation's findings) in every file.
  [ "$status" -eq 1 ] || { echo "validate --jobs $jobs exited $status" >&2; cat "$work/jobs$jobs.err" >&2; exit 1; }
  echo "$(since "$start") $(tail -n 1 "$work/cpu$jobs" | awk '{ printf "%.1f", $1 + $2 }')"
}

convert_one=$(convert 1)
convert_many=$(convert "$cores")
validate_one=() validate_many=() cpu_one=() cpu_many=() speedups=()
for run in $(seq "$repeats"); do
  read -r wall cpu < <(validate 1)
  validate_one+=("$wall") cpu_one+=("$cpu")
  read -r wall cpu < <(validate "$cores")
  validate_many+=("$wall") cpu_many+=("$cpu")
  speedups+=("$(awk -v a="${validate_one[-1]}" -v b="${validate_many[-1]}" 'BEGIN { printf "%.2f", a / b }')")
done

per_file() { awk -v t="$1" -v n="$count" 'BEGIN { printf "%d", t * 1000 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-52s %8.1f s  %5d ms/file\n' "$1" "$2" "$(per_file "$2")"; }
# A validation run with its CPU time and how busy it kept the cores.
cpu_row() {
  row "$1" "$2"
  awk -v c="$3" -v w="$2" -v n="$4" 'BEGIN { printf "%52s CPU %.1f s (user + system), %.0f %% of %d core(s)\n", "", c, c / w / n * 100, n }'
}
fastest() { printf '%s\n' "$@" | sort -g | head -n 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '%d workbooks (example, mutated example, quarter), %d cores, load average %s\n' "$count" "$cores" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
row "bare soffice --convert-to ods, 1 process" "$convert_one"
row "bare soffice --convert-to ods, $cores processes" "$convert_many"
for run in $(seq 0 $((repeats - 1))); do
  cpu_row "budget-disclosure validate --jobs 1, run $((run + 1))" "${validate_one[$run]}" "${cpu_one[$run]}" 1
  cpu_row "budget-disclosure validate --jobs $cores, run $((run + 1))" "${validate_many[$run]}" "${cpu_many[$run]}" "$cores"
done
printf 'validate / conversion (fastest run): %s× with 1, %s× with %d\n' \
  "$(ratio "$(fastest "${validate_one[@]}")" "$convert_one")" \
  "$(ratio "$(fastest "${validate_many[@]}")" "$convert_many")" "$cores"
printf 'speed-up --jobs 1 → %d, each run: %s; median %s×\n' "$cores" "${speedups[*]}" "$(median "${speedups[@]}")"
