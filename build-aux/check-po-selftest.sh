#!/bin/bash
# check-po-selftest.sh — shows that check-po.sh fails where it must (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-po-selftest.sh PATH/TO/check-po.sh
#
# Each case builds a small source tree in a temporary directory, breaks it in one
# way and runs the check on it.

set -u

check_po=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n_test=0
n_failed=0

# A tree that passes: one C file, one .ui file, a French translation of both.
make_tree ()
{
  rm -rf "$tmp/tree"
  mkdir -p "$tmp/tree/po" "$tmp/tree/src/ui" "$tmp/tree/data"
  cd "$tmp/tree" || exit 1
  printf '%s\n' '#include <glib/gi18n.h>' \
    'static const char *a = N_("Story");' \
    'static char *f (unsigned n) { return g_strdup_printf (ngettext ("%u word", "%u words", n), n); }' \
    > src/app.c
  printf '%s\n' '<interface><object class="GtkLabel">' \
    '<property name="label" translatable="yes">Headline</property></object></interface>' \
    > src/ui/window.ui
  printf '%s\n' 'int untranslated_helper (void) { return 0; }' > src/helper.c
  printf '%s\n' '# sorted' src/app.c src/ui/window.ui > po/POTFILES.in
  : > po/LINGUAS
  cat > po/fr.po <<'EOF'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Story"
msgstr "Article"

#, c-format
msgid "%u word"
msgid_plural "%u words"
msgstr[0] "%u mot"
msgstr[1] "%u mots"

msgid "Headline"
msgstr "Titre"
EOF
}

# expect pass|fail|skip DESCRIPTION MODE: runs the check on the current tree.
expect ()
{
  local want=$1 what=$2 mode=$3 out rc got

  out=$("$check_po" "$mode" "$tmp/tree" 2>&1)
  rc=$?
  got=fail
  [ $rc = 0 ] && got=pass
  [ $rc = 0 ] && printf '%s\n' "$out" | grep -q '^1\.\.0 # SKIP' && got=skip
  n_test=$((n_test + 1))
  if [ "$got" = "$want" ]; then
    echo "ok $n_test - $what: $mode check gives $want"
  else
    n_failed=$((n_failed + 1))
    echo "not ok $n_test - $what: $mode check gives $got, not $want"
    printf '%s\n' "$out" | sed 's/^/#   /'
  fi
}

echo "1..13"

make_tree
expect pass "a complete tree" potfiles
expect skip "no language in LINGUAS" languages

make_tree
printf '%s\n' '#include <glib/gi18n.h>' 'void g (void) { g_print ("%s", _("Saved")); }' > src/new.c
expect fail "a C file with _() not in POTFILES.in" potfiles
echo src/new.c > po/POTFILES.skip
expect pass "the same file in POTFILES.skip" potfiles

make_tree
printf '%s\n' '<interface><object class="GtkButton">' \
  '<property name="label" translatable="yes">Open</property></object></interface>' > src/ui/b.ui
expect fail "a .ui file with translatable=\"yes\" not in POTFILES.in" potfiles

make_tree
printf '[Desktop Entry]\nType=Application\nName=Copydesk\nExec=copydesk\n' > data/app.desktop.in.in
expect fail "a desktop file not in POTFILES.in" potfiles

make_tree
printf '%s\n' src/app.c src/gone.c src/ui/window.ui > po/POTFILES.in
expect fail "a listed file that does not exist" potfiles

make_tree
printf '%s\n' src/ui/window.ui src/app.c > po/POTFILES.in
expect fail "an unsorted POTFILES.in" potfiles

make_tree
echo fr > po/LINGUAS
expect pass "a complete French translation" languages
printf '%s\n' 'static const char *b = N_("Byline");' >> src/app.c
expect fail "a new string in the code the translation lacks" languages

make_tree
echo fr > po/LINGUAS
sed -i 's/^msgid "Headline"/#, fuzzy\nmsgid "Headline"/' po/fr.po
expect fail "a fuzzy translation" languages

make_tree
printf 'fr\nsq\n' > po/LINGUAS
expect fail "a language in LINGUAS without its .po" languages

make_tree
echo fr > po/LINGUAS
sed -i 's/"%u mots"/"mots"/' po/fr.po
expect fail "a translation that drops a format directive" languages

[ "$n_failed" = 0 ]
