#!/usr/bin/env bash
# Shows the extension in a real Calc window (under Xvfb) and saves a screenshot: the
# 预算公开 / Budget Disclosure menu open, the Function Wizard on one of our functions, or the report
# sheet after Validate Disclosure on the example with one input changed (table 3, 2240106 基本支出
# 40.50 → 41.50). For people to look at; not part of CI.
#   [SCREEN=1366x768] tools/screenshot.sh [zh-CN|en-US] [OUTPUT.png] [menu|wizard|report]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lang="${1:-zh-CN}"
view="${3:-menu}"
out="$(realpath -m "${2:-$root/build/screenshot-$view-$lang.png}")"
oxt="$root/build/budgetdisclosure.oxt"
example="$root/build/examples/jinzhong-2023.ods"
program=/usr/lib/libreoffice/program
[ -f "$oxt" ] || { echo "Build first: tools/build.sh" >&2; exit 2; }

work="$(mktemp -d)"
touch "$work/started"
cleanup() {
  # The office is killed, so it leaves its pipe sockets behind: remove the ones made since we started.
  find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'OSL_PIPE_*' -newer "$work/started" -delete 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A throwaway profile: UI language, no tip-of-the-day dialog, the extension installed.
mkdir -p "$work/profile/user" "$work/home"
cat > "$work/profile/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>$lang</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value></prop></item>
</oor:items>
XCU
cp "$oxt" "$example" "$work/"
if [ "$view" = report ]; then
  # The example built from its inputs as the build does, with one of them changed.
  sed 's/^\(row\tT3\tcodes\tcode=2240106\tbasic=\)40.50/\141.50/' "$root/examples/jinzhong-2023.fill" >"$work/changed.fill"
  "$root/build/addin/builder/bd-template-builder" shanxi-unit "$work/parts" --fill "$work/changed.fill"
  rm -f "$work/$(basename "$example")"
  (cd "$work/parts" && zip -X -0 -q "$work/$(basename "$example")" mimetype && zip -X -r -q "$work/$(basename "$example")" . -x mimetype)
fi
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$work"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
"${as_user[@]}" env HOME="$work/home" "$program/unopkg" add -s -f \
  "-env:UserInstallation=file://$work/profile" "$work/$(basename "$oxt")" >"$work/unopkg.log" 2>&1

export WORK="$work" OUT="$out" EXAMPLE="$work/$(basename "$example")" PROGRAM="$program" VIEW="$view"
xvfb-run -a -s "-screen 0 ${SCREEN:-1280x800}x24" bash -c '
  set -euo pipefail
  setsid env HOME="$WORK/home" "$PROGRAM/soffice" --norestore --nologo \
    "-env:UserInstallation=file://$WORK/profile" "$EXAMPLE" >"$WORK/soffice.log" 2>&1 &
  pid=$!
  trap "kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true" EXIT
  for _ in $(seq 60); do
    xdotool search --name "jinzhong" >/dev/null 2>&1 && break
    sleep 1
  done
  sleep 4
  xdotool search --name "jinzhong" windowactivate --sync >/dev/null 2>&1 || true
  if [ "$VIEW" = wizard ]; then
    # A formula with our function in a free cell, then the Function Wizard on it.
    xdotool key ctrl+Home; xdotool key Right Right Right Right Right Down Down Down Down Down
    xdotool type --delay 50 "=BUDGET.SHARE(C7;C6)"
    xdotool key Return Up ctrl+F2
  elif [ "$VIEW" = report ]; then
    xdotool key alt+b; sleep 1; xdotool key v  # 预算公开 › 校验公开报表
    sleep 6
  else
    xdotool key alt+b
  fi
  sleep 3
  import -window root "$OUT"
'
echo "Screenshot: $out"
