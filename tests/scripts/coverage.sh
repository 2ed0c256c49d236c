#!/usr/bin/env bash
# rapport coverage: the exact list of texts missing a language and the final count over the
# models of tests/data/xliff/, the exit statuses (0 complete, 1 incomplete or a file with
# errors, 2 usage), and a file that fails to load not stopping the others.
#   bash tests/scripts/coverage.sh path/to/rapport path/to/source
set -u
rapport=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
data=tests/data/xliff

# expect STATUS COMMAND...: the exit status, output kept in $tmp/out and $tmp/err.
expect() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" = "$want" ] || { fail "'$*' exited $got, expected $want"; cat "$tmp/err"; }
}

# Dutch: the texts without a Dutch variant, in file order, then the count (4 of 24: 16 %,
# rounded down).
expect 1 "$rapport" coverage --lang nl "$data/plan.xml" "$data/evaluation-2023.xml"
diff -u "$data/coverage-nl.expected" "$tmp/out" || fail "coverage --lang nl output differs"
[ ! -s "$tmp/err" ] || fail "coverage --lang nl wrote to stderr: $(cat "$tmp/err")"
# The text of a line is cut after about 60 characters, never inside a character.
grep -q 'missing nl: Le délai reste de XX jours ; voir le rapport complet\.$' "$tmp/out" ||
  fail "a whole short text expected"

# The models' own language: complete, exit 0.
expect 0 "$rapport" coverage --lang=fr "$data/plan.xml" "$data/evaluation-2023.xml"
[ "$(cat "$tmp/out")" = "fr: 24 of 24 texts (100 %)" ] || fail "fr: $(cat "$tmp/out")"

# German: nothing; one line per text.
expect 1 "$rapport" coverage --lang de "$data/plan.xml"
[ "$(tail -1 "$tmp/out")" = "de: 0 of 18 texts (0 %)" ] || fail "de: $(tail -1 "$tmp/out")"
[ "$(grep -c ': missing de: ' "$tmp/out")" = 18 ] || fail "de: not one line per text"

# A long text is cut with an ellipsis.
long=$(printf 'mot%.0s ' $(seq 1 40))
sed "s|<p>Les missions :</p>|<p>$long</p>|" "$data/plan.xml" >"$tmp/long.xml"
expect 1 "$rapport" coverage --lang nl "$tmp/long.xml"
grep -q "^$tmp/long.xml:37:5: missing nl: mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot…\$" \
  "$tmp/out" || fail "long text not cut: $(grep ':37:5:' "$tmp/out")"

# No text at all: 100 %.
printf '<evaluation id="e" year="2023" date="2024" xml:lang="fr"/>\n' >"$tmp/empty.xml"
expect 0 "$rapport" coverage --lang nl "$tmp/empty.xml"
[ "$(cat "$tmp/out")" = "nl: 0 of 0 texts (100 %)" ] || fail "empty: $(cat "$tmp/out")"

# Files that fail to load print their diagnostics and count as errors; the others are still
# counted, a complete one included.
expect 1 "$rapport" coverage --lang fr does/not/exist.xml tests/fail/malformed.xml "$data/plan.xml"
grep -q '^does/not/exist.xml: error: cannot open' "$tmp/err" || fail "missing file not reported"
grep -q '^tests/fail/malformed.xml:[0-9]*:[0-9]*: error: ' "$tmp/err" ||
  fail "malformed file not reported"
[ "$(cat "$tmp/out")" = "fr: 18 of 18 texts (100 %)" ] || fail "errors: $(cat "$tmp/out")"

# Usage errors.
expect 2 "$rapport" coverage "$data/plan.xml"
expect 2 "$rapport" coverage --lang xx "$data/plan.xml"
expect 2 "$rapport" coverage --lang nl-BE "$data/plan.xml"
expect 2 "$rapport" coverage --lang nl
expect 2 "$rapport" coverage --lang
expect 2 "$rapport" coverage --lang nl --bogus "$data/plan.xml"
expect 0 "$rapport" coverage --help
grep -q '^usage: rapport coverage --lang LANG FILE' "$tmp/out" || fail "coverage --help"
"$rapport" --help | grep -q 'coverage --lang LANG FILE' || fail "rapport --help lacks coverage"
exit $failed
