#!/usr/bin/env bash
# The German edition (Belgium's third official language): every document kind renders in
# German with German fixed words, dates and /Lang, says that content without a German text
# is given in its source language, and `rapport build --lang de` publishes it in the index.
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
in=$src/input

check() { # check NAME FILE.pdf: a valid, complete German PDF
  qpdf --check "$2" >/dev/null 2>&1 || fail "$1: qpdf --check"
  pdffonts "$2" | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit bad }' ||
    fail "$1: a font is not embedded"
  local warn
  warn=$(pdftotext -layout "$2" "$tmp/$1.txt" 2>&1 >/dev/null)
  [ -z "$warn" ] || fail "$1: pdftotext says: $warn"
  grep -aq "/Lang (de-BE)" "$2" || fail "$1: no /Lang (de-BE) in the catalog"
  grep -q "Inhaltsverzeichnis" "$tmp/$1.txt" || fail "$1: no German contents heading"
  grep -Eq "Table des matières|Inhoudstafel|Pagina [0-9]|Page [0-9]" "$tmp/$1.txt" &&
    fail "$1: French or Dutch fixed words in the German edition"
  grep -q "Seite 1 / " "$tmp/$1.txt" || fail "$1: no German page numbers"
}

render() { # render NAME KIND FILE...
  local name=$1 kind=$2
  shift 2
  "$rapport" render --kind "$kind" --lang de --allow-fallback "$@" -o "$tmp/$name.pdf" 2>/dev/null ||
    { fail "$name: render failed"; return; }
  check "$name" "$tmp/$name.pdf"
}

render budget budget "$in/interieur/plan.xml"
render evaluation evaluation "$in/capac/plan.xml" "$in/capac/evaluation-2022.xml" \
  "$in/capac/evaluation-2023.xml"
render communication communication "$in/interieur/plan.xml" "$in/interieur/evaluation-2023.xml"
render annual evaluation "$in/chancellerie/evaluation-2020.xml"

flat() { perl -0pe 's/\xc2\xa0/ /g; s/(\pL)-\n\s*(\pL)/$1$2/g; s/\s+/ /g' "$1"; }
if [ -f "$tmp/evaluation.txt" ]; then
  grep -q "31. März 2024" "$tmp/evaluation.txt" || fail "evaluation: no German date"
  flat "$tmp/evaluation.txt" | grep -q "nicht auf Deutsch vor" ||
    fail "evaluation: the source-language note is missing"
  flat "$tmp/evaluation.txt" | grep -q "Strategisches Ziel 1: l’usager" ||
    fail "evaluation: French content under a German heading is missing"
  grep -q "Beispieldaten" "$tmp/evaluation.txt" || fail "evaluation: no sample notice"
fi
if [ -f "$tmp/budget.txt" ]; then
  for n in 1.816.852 5.919,97; do
    grep -qF "$n" "$tmp/budget.txt" || fail "budget: $n missing"
  done
fi

"$rapport" build -q -j2 --lang de --allow-fallback "$in" -o "$tmp/out" || fail "build --lang de"
# Publications only (review/ holds the review editions); capac has no communication summary.
count=$(find "$tmp/out" -path "$tmp/out/review" -prune -o -name '*.de.pdf' -print | wc -l)
[ "$count" -ge 12 ] || fail "build --lang de: only $count German publications"
[ -z "$(find "$tmp/out" -name '*.fr.pdf' -o -name '*.nl.pdf')" ] ||
  fail "build --lang de: other editions were produced"
grep -q '<th[^>]*>Deutsch</th>' "$tmp/out/index.html" || fail "index: no Deutsch column"
grep -q 'hreflang="de"' "$tmp/out/index.html" || fail "index: no link marked as German"

[ $status -eq 0 ] && echo "ok"
exit $status
