#!/bin/sh
# check-print-samples.sh — prints the sample exports with ../shared/tools/check-print (TAP)
#
# Usage: check-print-samples.sh MAKE_PRINT_SAMPLES CHECK_PRINT SAMPLES_DIR
# Every export (six stories, A4 and Letter) must have no FAIL and no WARN.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
make_samples=$1 check_print=$2 samples=$3
here=$(dirname "$0")

skip () { echo "1..0 # SKIP $1"; exit 0; }
[ -x "$check_print" ] || skip "no $check_print (the shared tools are not next to the checkout)"
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
  skip "no chromium (run: $check_print --install)"
command -v pdftotext >/dev/null 2>&1 || skip "no poppler-utils (run: $check_print --install)"
[ -f "$samples/tirana-raid.txt" ] || skip "no sample stories in $samples"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$make_samples" "$out/html" "$samples" > "$out/made.txt" || { echo "Bail out! make-print-samples failed"; exit 1; }
set -- "$out"/html/*.html
echo "1..$#"
n=0
for f in "$@"; do
  n=$((n + 1))
  rm -rf "$out/print"
  "$check_print" -q -o "$out/print" "$f" > "$out/report.txt" 2>&1
  rc=$?
  summary=$(grep '^summary:' "$out/report.txt")
  warns=$(grep -c '^  WARN' "$out/report.txt")
  # check-print reads the PDF with pdftotext -bbox, in visual order, so it cannot
  # find a right-to-left quote to see whether it was split ("not located in PDF
  # text"). That WARN is let through only when check-rtl-quotes.py, reading each
  # page in logical order, finds every quote whole on one page.
  case $(basename "$f") in
    persian-*|arabic-*)
      if python3 "$here/check-rtl-quotes.py" "$f" "$out/print/chromium.pdf" > "$out/rtl.txt" 2>&1
      then
        warns=$(grep '^  WARN' "$out/report.txt" | grep -vc 'keep-together .*not located in PDF text')
        summary="$summary; rtl quotes: $(tail -n 1 "$out/rtl.txt")"
      else
        sed 's/^/rtl quotes: /' "$out/rtl.txt" >> "$out/report.txt"
        warns=$((warns + 1))
      fi ;;
  esac
  if [ $rc -eq 0 ] && [ "$warns" -eq 0 ]; then
    echo "ok $n $(basename "$f"): $summary"
  else
    echo "not ok $n $(basename "$f"): ${summary:-check-print exited $rc}"
    sed 's/^/# /' "$out/report.txt"
  fi
done
