#!/usr/bin/env bash
# Records real kernel ring-buffer output and boot-time anchors of THIS machine's current boot for
# test/fixtures/logs/kernel/: raw dmesg, dmesg -r / -x, dmesg -T (C and zh_CN locales), uptime -s and
# /proc/stat. All are taken within one second so they describe the same boot: tests rely on raw dmesg
# placed with uptime -s agreeing with dmesg -T.
# Needs util-linux dmesg (root) and, for the localised forms, the zh_CN, de_DE, fr_FR, es_ES, it_IT,
# pt_BR, ru_RU, ja_JP and ko_KR UTF-8 locales (apt-get install locales; enable them in
# /etc/locale.gen; locale-gen).
# Run from the repo root: bash scripts/record/kernel.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/kernel}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# short excerpts: the first and the last lines of the buffer, the same records in every variant
excerpt() { awk -v n="$(wc -l <"$1")" 'NR <= 12 || NR > n - 12' "$1"; }

LC_ALL=C dmesg >"$work/raw"
LC_ALL=C dmesg -r >"$work/r"
LC_ALL=C dmesg -x >"$work/x"
LC_ALL=C dmesg -T >"$work/T"
LC_ALL=C uptime -s >"$out/uptime-s.txt"
cat /proc/stat >"$out/proc-stat.txt"
if locale -a | grep -qi '^zh_CN\.utf-\?8$'; then
  LC_ALL=zh_CN.UTF-8 dmesg -T >"$work/T-zh"
  excerpt "$work/T-zh" >"$out/dmesg-T-zh_CN.txt"
else
  echo "zh_CN.UTF-8 locale missing: dmesg-T-zh_CN.txt not recorded" >&2
fi

# the first lines in other locales glibc names months in (real names, compared with the C output)
: >"$out/dmesg-T-locales.txt"
for l in de_DE fr_FR es_ES it_IT pt_BR ru_RU ja_JP ko_KR; do
  if locale -a | grep -qi "^$l\.utf-\?8$"; then LC_ALL=$l.UTF-8 dmesg -T >"$work/T-$l" && head -n 3 "$work/T-$l" >>"$out/dmesg-T-locales.txt"
  else echo "$l.UTF-8 locale missing: not in dmesg-T-locales.txt" >&2; fi
done

excerpt "$work/raw" >"$out/dmesg.txt"
excerpt "$work/r" >"$out/dmesg-r.txt"
excerpt "$work/x" >"$out/dmesg-x.txt"
excerpt "$work/T" >"$out/dmesg-T.txt"
wc -l "$out"/*.txt
