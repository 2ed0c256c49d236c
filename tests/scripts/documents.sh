#!/usr/bin/env bash
# Every document of input/, as `rapport build` publishes it: a valid PDF (qpdf --check), every
# font embedded, text that poppler extracts without a warning, /Lang of its edition, Dutch
# fixed words in the nl editions, and the figures the issues name.
set -u
rapport=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
export LC_ALL=C.UTF-8
"$rapport" build -q -j2 "$src/input" -o "$tmp/out" || fail "build"
count=0
for pdf in $(find "$tmp/out" -name '*.pdf' | sort); do
  count=$((count + 1))
  name=${pdf#"$tmp/out/"}
  lang=${pdf%.pdf}; lang=${lang##*.}
  qpdf --check "$pdf" >/dev/null 2>&1 || fail "$name: qpdf --check"
  fonts=$(pdffonts "$pdf" 2>&1)
  echo "$fonts" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
    fail "$name: a font is not embedded"
  warn=$(pdftotext "$pdf" "$tmp/text" 2>&1 >/dev/null)
  [ -z "$warn" ] || fail "$name: pdftotext says: $warn"
  qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf" 2>/dev/null
  grep -aq "/Lang ($lang" "$tmp/qdf.pdf" || fail "$name: no /Lang ($lang...) in the catalog"
  if [ "$lang" = nl ]; then
    grep -Eq 'Inhoudstafel|Pagina' "$tmp/text" || fail "$name: no Dutch fixed words"
    grep -Eq 'Table des matières' "$tmp/text" && fail "$name: French fixed words in the nl edition"
  fi
done
[ "$count" -ge 20 ] || fail "only $count documents"
pdftotext -layout "$tmp/out/chancellerie/evaluation-2020.fr.pdf" "$tmp/2020.txt"
# A key-figure box prints the value above its label.
awk '/^ *87 / { value = NR } /^ *Conseils des ministres/ && NR == value + 1 { found = 1 }
     END { exit !found }' "$tmp/2020.txt" || fail "the 2020 report lacks 87 Conseils des ministres"
grep -q '448' "$tmp/2020.txt" || fail "the 2020 report lacks the 448 press releases"
pdftotext -layout "$tmp/out/capac/evaluation-2023.fr.pdf" "$tmp/capac.txt"
for ind in 1.1.1 1.2.1 2.1.1 2.1.2 2.1.3 2.2.1 2.3.1 2.4.1 2.4.2 2.5.1 2.5.2 2.5.3 5.2.1 6.1.1 \
           8.1.1 8.1.2 8.1.3 8.1.4 8.1.5 8.1.6 10.1.1 10.1.2 10.1.3 10.1.4 10.1.5 10.2.3 14.1.1; do
  grep -Eq "^ *$ind " "$tmp/capac.txt" || fail "capac 2023 lacks indicator $ind"
done
exit $failed
