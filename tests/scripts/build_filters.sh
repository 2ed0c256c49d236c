#!/usr/bin/env bash
# --kind, --lang and --year select exactly their documents, and a later unfiltered run
# completes the rest without touching what the filtered runs made.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail() { echo "FAIL: $*"; exit 1; }
list() { (cd "$1" && find . -name '*.pdf' | sed 's|^\./||' | sort | tr '\n' ' '); }

"$rapport" build -q --kind budget --lang nl "$src/input" -o a 2>/dev/null || fail "--kind budget --lang nl"
[ "$(list a)" = "capac/budget-2022-2025.nl.pdf chancellerie/budget-2022-2024.nl.pdf interieur/budget-2022-2024.nl.pdf " ] ||
  fail "--kind budget --lang nl made: $(list a)"

# 2020: only the stand-alone annual report; no plan covers that year.
"$rapport" build -q --year 2020 "$src/input" -o b 2>/dev/null || fail "--year 2020"
[ "$(list b)" = "chancellerie/evaluation-2020.fr.pdf chancellerie/evaluation-2020.nl.pdf " ] ||
  fail "--year 2020 made: $(list b)"

# 2025: capac's plan (2022-2025) only.
"$rapport" build -q --year 2025 --lang fr "$src/input" -o c 2>/dev/null || fail "--year 2025"
for f in $(list c); do
  case "$f" in capac/*-2022-2025.fr.pdf) ;; *) fail "--year 2025 made $f" ;; esac
done
[ -n "$(list c)" ] || fail "--year 2025 made nothing"

# The unfiltered run adds the rest and leaves the filtered run's files alone.
inode=$(stat -c %i a/capac/budget-2022-2025.nl.pdf)
"$rapport" build -q "$src/input" -o a 2>/dev/null || fail "unfiltered run"
[ "$(stat -c %i a/capac/budget-2022-2025.nl.pdf)" = "$inode" ] || fail "rewrote a finished document"
"$rapport" build -q "$src/input" -o full 2>/dev/null || fail "reference"
diff -r -x .rapport.lock a full >/dev/null || fail "filtered then unfiltered differs from one full run"
echo "ok"
