#!/bin/bash
# check-po.sh — the translation checks run by `meson test --suite po` (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-po.sh potfiles  SRCROOT   po/POTFILES.in is sorted, lists only files that
#                                   exist, and lists every file under src/ and data/
#                                   in which xgettext finds a translatable string
#                                   (files named in po/POTFILES.skip are exempt)
#   check-po.sh languages SRCROOT   every language in po/LINGUAS, merged with a
#                                   template made from the current sources, passes
#                                   `msgfmt --check` with no fuzzy or untranslated
#                                   message
#
# The xgettext arguments are meson's `preset: 'glib'`, so the template made here is
# the one `ninja copydesk-pot` makes.

set -u

XGETTEXT_ARGS=(
  --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)

n_test=0
n_failed=0

ok ()
{
  n_test=$((n_test + 1))
  echo "ok $n_test - $1"
}

not_ok ()
{
  n_test=$((n_test + 1))
  n_failed=$((n_failed + 1))
  echo "not ok $n_test - $1"
}

# Prints each line of $1 as a TAP diagnostic.
diag ()
{
  [ -n "$1" ] && printf '%s\n' "$1" | sed 's/^/# /'
}

# The entries of a po/ list file: no comments, no blank lines, no surrounding space.
list_entries ()
{
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$1" | grep -v '^$'
}

# Every file under src/ and data/ that could hold translatable strings.
candidate_files ()
{
  (cd "$srcroot" && find src data -type f \
     \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' \) \
     -print 2>/dev/null) | LC_ALL=C sort
}

# Files (relative to SRCROOT) that xgettext finds at least one message in.
files_with_messages ()
{
  local pot="$tmp/candidates.pot"

  candidate_files > "$tmp/candidates"
  xgettext "${XGETTEXT_ARGS[@]}" --force-po -D "$srcroot" -f "$tmp/candidates" \
    -o "$pot" 2> "$tmp/xgettext.err" || return 1
  sed -n 's/^#: //p' "$pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | grep -v '^$' |
    LC_ALL=C sort -u
}

check_sorted ()
{
  local unsorted

  unsorted=$(LC_ALL=C sort -c "$tmp/listed" 2>&1)
  if [ -z "$unsorted" ] && [ -z "$(LC_ALL=C uniq -d "$tmp/listed")" ]; then
    ok "POTFILES.in is sorted (LC_ALL=C) without duplicates"
  else
    not_ok "POTFILES.in is sorted (LC_ALL=C) without duplicates"
    diag "${unsorted:-duplicates: $(LC_ALL=C uniq -d "$tmp/listed" | tr '\n' ' ')}"
    diag "fix: LC_ALL=C sort -u the file list"
  fi
}

check_listed_exist ()
{
  local missing=""

  while read -r f; do
    [ -f "$srcroot/$f" ] || missing+="$f"$'\n'
  done < "$tmp/listed"
  if [ -z "$missing" ]; then
    ok "every file in POTFILES.in exists"
  else
    not_ok "every file in POTFILES.in exists"
    diag "listed but not found:"$'\n'"$missing"
  fi
}

check_complete ()
{
  local unlisted idle

  if ! files_with_messages > "$tmp/translatable"; then
    not_ok "every source file with translatable strings is in POTFILES.in"
    diag "xgettext failed: $(cat "$tmp/xgettext.err")"
    return
  fi
  list_entries "$podir/POTFILES.skip" | LC_ALL=C sort -u > "$tmp/skipped"
  LC_ALL=C sort -u "$tmp/listed" "$tmp/skipped" > "$tmp/known"
  unlisted=$(LC_ALL=C comm -23 "$tmp/translatable" "$tmp/known")
  if [ -z "$unlisted" ]; then
    ok "every source file with translatable strings is in POTFILES.in ($(wc -l < "$tmp/translatable") files)"
  else
    not_ok "every source file with translatable strings is in POTFILES.in"
    diag "has translatable strings but is not in po/POTFILES.in:"$'\n'"$unlisted"
  fi
  idle=$(LC_ALL=C sort -u "$tmp/listed" | LC_ALL=C comm -23 - "$tmp/translatable")
  diag "${idle:+note: listed, but xgettext finds no message in:$'\n'$idle}"
}

run_potfiles ()
{
  list_entries "$podir/POTFILES.in" > "$tmp/listed"
  echo "1..3"
  check_sorted
  check_listed_exist
  check_complete
}

# "12 translated messages, 1 fuzzy translation, 3 untranslated messages." → count of $2
stat_count ()
{
  local n

  n=$(printf '%s\n' "$1" | grep -o "[0-9]* $2" | grep -o '^[0-9]*')
  echo "${n:-0}"
}

check_language ()
{
  local lang=$1 po="$podir/$1.po" merged="$tmp/$1.po" output stats fuzzy untranslated

  if [ ! -f "$po" ]; then
    not_ok "$lang: po/$lang.po exists"
    return
  fi
  if ! msgmerge --quiet --previous -o "$merged" "$po" "$tmp/template.pot" 2> "$tmp/err"; then
    not_ok "$lang: msgmerge with the current template"
    diag "$(cat "$tmp/err")"
    return
  fi
  if ! output=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$merged" 2>&1); then
    not_ok "$lang: msgfmt --check"
    diag "$output"
    return
  fi
  diag "$(printf '%s\n' "$output" | grep -v 'translated message')"
  stats=$(printf '%s\n' "$output" | grep 'translated message' | tail -n 1)
  fuzzy=$(stat_count "$stats" fuzzy)
  untranslated=$(stat_count "$stats" untranslated)
  if [ "$fuzzy" = 0 ] && [ "$untranslated" = 0 ]; then
    ok "$lang: $stats"
  else
    not_ok "$lang: $stats"
    diag "update it: msgmerge -U po/$lang.po po/copydesk.pot (after ninja copydesk-pot)"
  fi
}

check_unlisted_po ()
{
  local stray=""

  for po in "$podir"/*.po; do
    [ -e "$po" ] || continue
    grep -qx "$(basename "$po" .po)" "$tmp/linguas" || stray+="$(basename "$po") "
  done
  if [ -z "$stray" ]; then
    ok "every po/*.po is listed in LINGUAS"
  else
    not_ok "every po/*.po is listed in LINGUAS"
    diag "not in LINGUAS (so never built or installed): $stray"
  fi
}

run_languages ()
{
  list_entries "$podir/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$' > "$tmp/linguas"
  if [ ! -s "$tmp/linguas" ]; then
    echo "1..0 # SKIP po/LINGUAS lists no language; only the POTFILES checks apply"
    return
  fi
  if ! xgettext "${XGETTEXT_ARGS[@]}" --package-name=copydesk -D "$srcroot" \
         -f "$podir/POTFILES.in" -o "$tmp/template.pot" 2> "$tmp/err"; then
    echo "1..1"
    not_ok "make a template from the current sources"
    diag "$(cat "$tmp/err")"
    return
  fi
  echo "1..$(($(wc -l < "$tmp/linguas") + 1))"
  while read -r lang; do
    check_language "$lang"
  done < "$tmp/linguas"
  check_unlisted_po
}

if [ $# -ne 2 ] || [ ! -d "$2/po" ]; then
  echo "usage: $0 potfiles|languages SRCROOT" >&2
  exit 2
fi
srcroot=$2
podir="$srcroot/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $1 in
  potfiles) run_potfiles ;;
  languages) run_languages ;;
  *) echo "usage: $0 potfiles|languages SRCROOT" >&2; exit 2 ;;
esac
[ "$n_failed" = 0 ]
