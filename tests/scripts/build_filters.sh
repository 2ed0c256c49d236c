#!/usr/bin/env bash
# --kind, --lang, --year and --edition select exactly their documents, and a later
# unfiltered run completes the rest without touching what the filtered runs made. Every run
# here allows the fallback, so that the set of publications depends on the filters alone and
# not on how far the translations of input/ have got (build_editions covers that).
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
list() { (cd "$1" && find . -name '*.pdf' | sed 's|^\./||' | sort | tr '\n' ' '); }
build() { "$rapport" build -q --allow-fallback "$@" 2>/dev/null; }

build --kind budget --lang nl "$src/input" -o a || fail "--kind budget --lang nl"
[ "$(list a)" = "capac/budget-2022-2025.nl.pdf chancellerie/budget-2022-2024.nl.pdf interieur/budget-2022-2024.nl.pdf review/capac/budget-2022-2025.nl.pdf review/chancellerie/budget-2022-2024.nl.pdf review/interieur/budget-2022-2024.nl.pdf " ] ||
  fail "--kind budget --lang nl made: $(list a)"

# 2020: only the stand-alone annual report; no plan covers that year.
build --year 2020 "$src/input" -o b || fail "--year 2020"
[ "$(list b)" = "chancellerie/evaluation-2020.fr.pdf chancellerie/evaluation-2020.nl.pdf review/chancellerie/evaluation-2020.fr.pdf review/chancellerie/evaluation-2020.nl.pdf " ] ||
  fail "--year 2020 made: $(list b)"

# 2025: capac's plan (2022-2025) only.
build --year 2025 --lang fr "$src/input" -o c || fail "--year 2025"
for f in $(list c); do
  case "$f" in capac/*-2022-2025.fr.pdf | review/capac/*-2022-2025.fr.pdf) ;; *) fail "--year 2025 made $f" ;; esac
done
[ -n "$(list c)" ] || fail "--year 2025 made nothing"

# --edition: one tree only.
build --edition review --kind budget --lang fr "$src/input" -o d || fail "--edition review"
[ "$(list d)" = "review/capac/budget-2022-2025.fr.pdf review/chancellerie/budget-2022-2024.fr.pdf review/interieur/budget-2022-2024.fr.pdf " ] ||
  fail "--edition review made: $(list d)"

# The unfiltered run adds the rest and leaves the filtered runs' files alone.
inode=$(stat -c %i a/capac/budget-2022-2025.nl.pdf)
rinode=$(stat -c %i a/review/capac/budget-2022-2025.nl.pdf)
build "$src/input" -o a || fail "unfiltered run"
[ "$(stat -c %i a/capac/budget-2022-2025.nl.pdf)" = "$inode" ] || fail "rewrote a finished document"
[ "$(stat -c %i a/review/capac/budget-2022-2025.nl.pdf)" = "$rinode" ] || fail "rewrote a finished review"
build "$src/input" -o d || fail "unfiltered run after --edition review"
build "$src/input" -o full || fail "reference"
diff -r -x .rapport.lock a full >/dev/null || fail "filtered then unfiltered differs from one full run"
diff -r -x .rapport.lock d full >/dev/null || fail "one edition then both differs from one full run"
echo "ok"
