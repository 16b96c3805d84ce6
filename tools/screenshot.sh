#!/usr/bin/env bash
# Shows the extension in a real Calc window (under Xvfb) and saves a screenshot: the
# 预算公开 / Budget Disclosure menu open, the Function Wizard on one of our functions, the report
# sheet after Validate Disclosure on the example with one input changed (table 3, 2240106 基本支出
# 40.50 → 41.50), or a new document from the Shanxi template whose table 3 was typed as an
# accountant types it (项 codes out of order, in any row) after 预算公开 › 整理科目行, with the message
# saying what it did. For people to look at; not part of CI.
#   [SCREEN=1366x768] tools/screenshot.sh [zh-CN|en-US] [OUTPUT.png] [menu|wizard|report|arranged]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lang="${1:-zh-CN}"
view="${3:-menu}"
out="$(realpath -m "${2:-$root/build/screenshot-$view-$lang.png}")"
oxt="$root/build/budgetdisclosure.oxt"
example="$root/build/examples/jinzhong-2023.ods"
template="$root/build/template/预算公开/山西省单位预算公开（13张表）.ots"
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

# The arranged view: a new document from the template, table 3 typed over UNO (Debian's python3-uno).
cat > "$work/type_table3.py" <<'PY'
import sys, time, uno
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        context = resolver.resolve("uno:pipe,name=bd-screenshot;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(1)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sys.argv[1]), "_default", 0, ())
def row_of(sheet, col, text):
    return next(r for r in range(40) if sheet.getCellByPosition(col, r).getString() == text)
cover = document.Sheets.getByName("封面")
cover.getCellByPosition(5, row_of(cover, 4, "预算年度")).setValue(2023)
table3 = document.Sheets.getByName("表3支出总表")
total = row_of(table3, 0, "合计")
for offset, code, col, amount in [(1, "22401", None, 0), (2, "2240106", 3, 40.5), (4, "2080801", 4, 1.6),
                                  (5, "2040601", 3, 120), (6, "224", None, 0), (8, "20406", None, 0)]:
    table3.getCellByPosition(0, total + offset).setFormula(code)
    if col is not None:
        table3.getCellByPosition(col, total + offset).setValue(amount)
document.CurrentController.setActiveSheet(table3)
PY

export WORK="$work" OUT="$out" EXAMPLE="$work/$(basename "$example")" PROGRAM="$program" VIEW="$view"
export TEMPLATE="$template"
xvfb-run -a -s "-screen 0 ${SCREEN:-1280x800}x24" bash -c '
  set -euo pipefail
  if [ "$VIEW" = arranged ]; then
    opened=(--accept="pipe,name=bd-screenshot;urp;"); title="Calc"
  else
    opened=("$EXAMPLE"); title="jinzhong"
  fi
  setsid env HOME="$WORK/home" "$PROGRAM/soffice" --norestore --nologo \
    "-env:UserInstallation=file://$WORK/profile" "${opened[@]}" >"$WORK/soffice.log" 2>&1 &
  pid=$!
  trap "kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true" EXIT
  if [ "$VIEW" = arranged ]; then
    /usr/bin/python3 "$WORK/type_table3.py" "$TEMPLATE"
  fi
  for _ in $(seq 60); do
    xdotool search --name "$title" >/dev/null 2>&1 && break
    sleep 1
  done
  sleep 4
  xdotool search --name "$title" windowactivate --sync >/dev/null 2>&1 || true
  if [ "$VIEW" = arranged ]; then
    xdotool key alt+b; sleep 1; xdotool key a  # 预算公开 › 整理科目行
    sleep 4
  elif [ "$VIEW" = wizard ]; then
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
