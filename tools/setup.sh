#!/usr/bin/env bash
# Installs every Debian 12 package that the build, the tests, the main job, the benchmarks and the
# screenshot script need. Idempotent; run as root (or with sudo available). Does nothing when all are there.
set -euo pipefail

packages=(
  # build
  cmake g++ make binutils libreoffice-dev libboost-dev libboost-program-options-dev libicu-dev libgtest-dev
  # the office the extension runs in (headless for tests and the CLI)
  libreoffice-calc libreoffice-l10n-zh-cn fonts-noto-cjk
  # the build zips the templates; tests read saved files and PDFs
  zip unzip poppler-utils procps
  # peak memory of a run (tests/bench/rows_bench.sh)
  time
  # screenshots of a real Calc window (tools/screenshot.sh)
  xvfb xdotool imagemagick python3-uno
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
