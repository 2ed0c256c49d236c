#!/usr/bin/env bash
# rapport render --kind budget, end to end over input/: for every plan with tables and
# every edition (fr, nl), the PDF passes qpdf --check, embeds every font, makes poppler
# print no warning, carries /Lang, comes out byte-identical twice, holds the source's key
# numbers, and its text (pdftotext -layout) and document tree (--text) match the goldens in
# tests/golden/budget/. UPDATE_GOLDEN=1 rewrites the goldens instead of comparing.
#   bash tests/scripts/render_budget.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
golden=$src/tests/golden/budget
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# The numbers each organisation's tables must show, as the source prints them.
numbers() {
  case $1 in
  chancellerie) echo "229.639 31.661 135.003 132.981 34.082" ;;
  interieur) echo "1.816.852 5.919,97 821.540 1.008,11 5.953,97" ;;
  capac) echo "33.385.034 42.450.305 48.812.724" ;;
  esac
}

. "$(dirname "$0")/lib/golden.sh"

for org in chancellerie interieur capac; do
  plan=$src/input/$org/plan.xml
  if [ ! -f "$plan" ]; then
    echo "FAIL: $plan is missing"
    status=1
    continue
  fi
  for lang in fr nl; do
    pdf=$tmp/$org.$lang.pdf
    if ! "$rapport" render --kind budget --lang "$lang" --allow-fallback "$plan" -o "$pdf" 2>"$tmp/err"; then
      fail "$org/$lang: render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
      continue
    fi
    [ -z "$(find "$tmp" -name '*.tmp-*')" ] || fail "$org/$lang: temporary file left"
    qpdf --check "$pdf" >"$tmp/qpdf" 2>&1 || fail "$org/$lang: qpdf --check: $(tail -2 "$tmp/qpdf")"
    pdffonts "$pdf" >"$tmp/fonts" 2>"$tmp/fonts.err" || fail "$org/$lang: pdffonts failed"
    [ -s "$tmp/fonts.err" ] && fail "$org/$lang: pdffonts warns: $(head -2 "$tmp/fonts.err")"
    # Columns from the end: emb sub uni object ID (the type column has a space in it).
    awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } NR > 2 { n++ } END { exit bad || !n }' \
      "$tmp/fonts" || fail "$org/$lang: a font is not embedded: $(cat "$tmp/fonts")"
    pdftotext "$pdf" /dev/null 2>"$tmp/warn"
    [ -s "$tmp/warn" ] && fail "$org/$lang: pdftotext warns: $(head -3 "$tmp/warn")"
    grep -aq "/Lang ($lang-BE)" "$pdf" || fail "$org/$lang: no /Lang ($lang-BE) in the catalog"
    "$rapport" render --kind budget --lang "$lang" --allow-fallback "$plan" -o "$pdf.again" 2>/dev/null
    cmp -s "$pdf" "$pdf.again" || fail "$org/$lang: two renders differ"

    pdftotext -layout "$pdf" "$tmp/$org.$lang.txt" 2>/dev/null
    for n in $(numbers "$org"); do
      grep -qF "$n" "$tmp/$org.$lang.txt" || fail "$org/$lang: $n is missing"
    done
    compare "$golden/$org.$lang.txt" "$tmp/$org.$lang.txt"
    if "$rapport" render --kind budget --lang "$lang" --allow-fallback "$plan" --text -o "$tmp/tree" 2>/dev/null
    then
      compare "$golden/$org.$lang.tree.txt" "$tmp/tree"
    else
      fail "$org/$lang: --text failed"
    fi
  done
done

# The stated total that does not add up: the publication prints it as stated with one
# neutral note giving the sum of the lines; the review edition flags it in words, both
# amounts shown. The text as one line: no-break spaces as spaces, words hyphenated at a line
# end joined.
flat() { perl -0pe 's/\xc2\xa0/ /g; s/(\pL)-\n\s*(\pL)/$1$2/g; s/\s+/ /g' "$1"; }
if [ -f "$tmp/chancellerie.fr.txt" ]; then
  flat "$tmp/chancellerie.fr.txt" | grep -q "Somme des lignes : 132.981 (2022)" ||
    fail "chancellerie/fr: no note giving the sum of the lines"
  flat "$tmp/chancellerie.nl.txt" | grep -q "Som van de lijnen: 132.981 (2022)" ||
    fail "chancellerie/nl: no note giving the sum of the lines"
  flat "$tmp/chancellerie.fr.txt" | grep -Eq "\(calculé\)|calculé :" &&
    fail "chancellerie/fr: the publication flags the total"
  # A change computed from a stated total that differs from its lines says so.
  flat "$tmp/chancellerie.fr.txt" | grep -q "+58,5 %†" ||
    fail "chancellerie/fr: a change from a differing stated total is not marked"
  flat "$tmp/chancellerie.fr.txt" | grep -q "† Évolution calculée à partir d’un total indiqué qui diffère de la somme de ses lignes" ||
    fail "chancellerie/fr: no note for the marked changes"
  # A table the source labels ("TAB 2 - …") keeps its label, which other texts cite.
  flat "$tmp/interieur.fr.txt" | grep -q "Budget directement liés aux missions du SPF Intérieur (TAB 2)" ||
    fail "interieur/fr: the source's table label TAB 2 is lost"
  flat "$tmp/interieur.nl.txt" | grep -q "Globale begroting (TAB 1)" ||
    fail "interieur/nl: the source's table label TAB 1 is lost"
  for lang in fr nl; do
    "$rapport" render --kind budget --lang "$lang" --edition review \
      "$src/input/chancellerie/plan.xml" -o "$tmp/review.$lang.pdf" 2>/dev/null ||
      fail "chancellerie/$lang: review edition not rendered"
    pdftotext -layout "$tmp/review.$lang.pdf" "$tmp/review.$lang.txt" 2>/dev/null
  done
  flat "$tmp/review.fr.txt" | grep -q "indiqué 135.003, calculé 132.981" ||
    fail "chancellerie/fr review: the wrong total is not explained"
  flat "$tmp/review.nl.txt" | grep -q "vermeld 135.003, berekend 132.981" ||
    fail "chancellerie/nl review: the wrong total is not explained"
fi

# Exit statuses: usage errors are 2; an input with errors is 1, leaves no file and prints
# located diagnostics.
"$rapport" render --lang fr "$src/input/chancellerie/plan.xml" -o "$tmp/x.pdf" 2>/dev/null
[ $? -eq 2 ] || fail "missing --kind: expected exit 2"
"$rapport" render --kind budget --lang it "$src/input/chancellerie/plan.xml" -o "$tmp/x.pdf" \
  2>/dev/null
[ $? -eq 2 ] || fail "unknown language: expected exit 2"
"$rapport" render --kind budget --lang fr -o "$tmp/x.pdf" 2>/dev/null
[ $? -eq 2 ] || fail "no input: expected exit 2"
printf '<?xml version="1.0"?>\n<plan id="x">\n  <oops/>\n</plan>\n' >"$tmp/broken.xml"
"$rapport" render --kind budget --lang fr "$tmp/broken.xml" -o "$tmp/broken.pdf" 2>"$tmp/err"
[ $? -eq 1 ] || fail "broken plan: expected exit 1"
grep -Eq "broken.xml:[0-9]+:[0-9]+: error: " "$tmp/err" || fail "broken plan: no located error"
[ ! -e "$tmp/broken.pdf" ] || fail "broken plan: a PDF was written"
[ -z "$(find "$tmp" -name '*.tmp-*')" ] || fail "temporary file left after a failure"

[ $status -eq 0 ] && echo "ok"
exit $status
