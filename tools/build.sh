#!/usr/bin/env bash
# Configures and builds everything (core, component, .oxt, CLI, tests) into build/;
# the compiler's output goes to build/build.log and is shown only when the build fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$root/build"
log="$root/build/build.log"
if ! { cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" &&
       cmake --build "$root/build" -j "$(nproc)"; } >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "Build failed; the whole output is in $log" >&2
  exit 1
fi
