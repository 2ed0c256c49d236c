#!/usr/bin/env bash
# Hostile inputs: each gives a clear located error, or a correct result, within bounded time.
set -u
rapport=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
head='<plan id="p" kind="strategic-plan" start="2022" end="2024" date="2022" xml:lang="fr">'
org='<organisation id="o" kind="other"><name>O</name></organisation>'

# expect NAME STATUS PATTERN: `rapport check` of $tmp/NAME.xml exits STATUS within 60 s and
# its diagnostics match PATTERN (a grep -E expression, located: file:line:col).
expect() {
  local out status
  out=$(timeout 60 "$rapport" check "$tmp/$1.xml" 2>&1)
  status=$?
  if [ "$status" != "$2" ]; then echo "FAIL $1: exit $status, expected $2"; echo "$out" | head -3; failed=1; return; fi
  if ! printf '%s\n' "$out" | grep -Eq "$3"; then echo "FAIL $1: no diagnostic matching /$3/"; echo "$out" | head -3; failed=1; fi
}

awk -v h="$head" 'BEGIN { printf "%s<title>", h; for (i = 0; i < 100000; i++) printf "<em>"; printf "x";
  for (i = 0; i < 100000; i++) printf "</em>"; print "</title></plan>" }' > "$tmp/nesting.xml"
expect nesting 1 "nesting.xml:1:[0-9]+: error: .*depth"

awk -v h="$head" 'BEGIN { printf "%s<title>", h; s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  for (i = 0; i < 1000000; i++) printf "%s", s; print "</title></plan>" }' > "$tmp/huge-text.xml"
expect huge-text 1 "huge-text.xml:1:[0-9]+: error: "

printf '%s<title>\xff\xfe bad</title>%s</plan>\n' "$head" "$org" > "$tmp/bad-utf8.xml"
expect bad-utf8 1 "bad-utf8.xml:1:[0-9]+: error: Input is not proper UTF-8"

printf '%s<title>a\0b</title>%s</plan>\n' "$head" "$org" > "$tmp/nul.xml"
expect nul 1 "nul.xml:1:[0-9]+: error: "

iconv -f UTF-8 -t UTF-16 tests/fail/base-plan.xml | sed 's/UTF-8/UTF-16/' > "$tmp/utf16.xml" 2>/dev/null
timeout 60 "$rapport" stats "$tmp/utf16.xml" 2>/dev/null | grep -q '^strategic-objectives	1$' ||
  { echo "FAIL utf16: a UTF-16 plan is not read like its UTF-8 original"; failed=1; }

for bad in 1e400 NaN 1234567890123456789012345678901234567890 0x10 1,5; do
  sed "s|<values>10 20</values>|<values>$bad 20</values>|" tests/fail/base-plan.xml > "$tmp/number.xml"
  expect number 1 "number.xml:[0-9]+:[0-9]+: error: .*'$bad'"
done
sed 's|<values>10 20</values>|<values>-0 20</values>|' tests/fail/base-plan.xml > "$tmp/minus-zero.xml"
expect minus-zero 0 "warning|^$"

for year in -5 0 99999; do
  sed "s|start=\"2022\"|start=\"$year\"|" tests/fail/base-plan.xml > "$tmp/year.xml"
  expect year 1 "year.xml:[0-9]+:[0-9]+: error: .*'start'"
done

for id in 'a/b' '..' '../etc' 'a b' "$(printf 'a\tb')" "$(printf 'a\001b')" ''; do
  sed "s|<organisation id=\"test\"|<organisation id=\"$id\"|" tests/fail/base-plan.xml > "$tmp/id.xml"
  expect id 1 "id.xml:[0-9]+:[0-9]+: error: "
done

bash bench/gen-plan.sh 10 1 100000 > "$tmp/rows.xml"
expect rows 0 "^$|warning"
bash bench/gen-plan.sh 10000 1 10 > "$tmp/objectives.xml"
expect objectives 0 "^$|warning"

awk -v h="$head" -v o="$org" 'BEGIN { print h "<title>T</title>" o "<values>";
  for (i = 0; i < 10000; i++) printf "<value id=\"same\"><title>V</title></value>\n"; print "</values></plan>" }' > "$tmp/same-id.xml"
out=$(timeout 60 "$rapport" check "$tmp/same-id.xml" 2>&1)
[ "$(printf '%s\n' "$out" | grep -c "error: duplicate id 'same'")" = 9999 ] ||
  { echo "FAIL same-id: expected 9,999 located duplicates"; failed=1; }
exit $failed
