#!/usr/bin/env bash
# rapport render --kind plan, end to end over input/: the plan document of capac,
# chancellerie and interieur in French, and of capac in Dutch (texts not yet translated shown in French:
# --allow-fallback). Each PDF passes qpdf --check, embeds every font, makes poppler print no
# warning, carries /Lang, comes out byte-identical twice, and its text (pdftotext -layout)
# and document tree (--text) match the goldens in tests/golden/plan/. UPDATE_GOLDEN=1
# rewrites the goldens instead of comparing.
#   bash tests/scripts/render_plan.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
golden=$src/tests/golden/plan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
. "$(dirname "$0")/lib/golden.sh"

# render ORG LANG: the publication with fallback, checked and compared.
render() {
  local org=$1 lang=$2 plan=$src/input/$1/plan.xml
  local pdf=$tmp/$org.$lang.pdf
  if ! "$rapport" render --kind plan --lang "$lang" --allow-fallback "$plan" -o "$pdf" 2>"$tmp/err"; then
    fail "$org/$lang: render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
    return
  fi
  qpdf --check "$pdf" >"$tmp/qpdf" 2>&1 || fail "$org/$lang: qpdf --check: $(tail -2 "$tmp/qpdf")"
  pdffonts "$pdf" >"$tmp/fonts" 2>"$tmp/fonts.err" || fail "$org/$lang: pdffonts failed"
  [ -s "$tmp/fonts.err" ] && fail "$org/$lang: pdffonts warns: $(head -2 "$tmp/fonts.err")"
  # Columns from the end: emb sub uni object ID (the type column has a space in it).
  awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } NR > 2 { n++ } END { exit bad || !n }' \
    "$tmp/fonts" || fail "$org/$lang: a font is not embedded: $(cat "$tmp/fonts")"
  pdfinfo "$pdf" >"$tmp/info" 2>&1 || fail "$org/$lang: pdfinfo failed"
  grep -q '^Pages: *[1-9]' "$tmp/info" || fail "$org/$lang: pdfinfo gives no pages"
  grep -aq "/Lang ($lang-BE)" "$pdf" || fail "$org/$lang: no /Lang ($lang-BE) in the catalog"
  "$rapport" render --kind plan --lang "$lang" --allow-fallback "$plan" -o "$pdf.again" 2>/dev/null
  cmp -s "$pdf" "$pdf.again" || fail "$org/$lang: two renders differ"
  pdftotext -layout "$pdf" "$tmp/$org.$lang.txt" 2>"$tmp/warn"
  [ -s "$tmp/warn" ] && fail "$org/$lang: pdftotext warns: $(head -3 "$tmp/warn")"
  compare "$golden/$org.$lang.txt" "$tmp/$org.$lang.txt"
  if "$rapport" render --kind plan --lang "$lang" --allow-fallback "$plan" --text -o "$tmp/$org.$lang.tree" 2>/dev/null; then
    compare "$golden/$org.$lang.tree.txt" "$tmp/$org.$lang.tree"
  else
    fail "$org/$lang: --text failed"
  fi
}

render capac fr
render chancellerie fr
render interieur fr
render capac nl

# The cover names the kind of plan in the edition's words; the model's title follows.
if [ -f "$tmp/capac.fr.txt" ]; then
  grep -q "Contrat d’administration 2022-2025" "$tmp/capac.fr.txt" || fail "capac/fr: cover title"
  grep -q "Bestuursovereenkomst 2022-2025" "$tmp/capac.nl.txt" || fail "capac/nl: cover title"
  grep -q "Plan stratégique 2022-2024" "$tmp/chancellerie.fr.txt" || fail "chancellerie/fr: title"
fi

# A chapter the plan has nothing for has no heading: capac has no risks, chancellerie no
# priorities.
if [ -f "$tmp/capac.fr.txt" ]; then
  grep -q "^Risques$" "$tmp/capac.fr.txt" && fail "capac/fr: an empty risks chapter"
  grep -q "^Priorités stratégiques$" "$tmp/chancellerie.fr.txt" &&
    fail "chancellerie/fr: an empty priorities chapter"
fi

# The contract's articles keep their numbers (readers cite "article 16.9") and head their
# commitments in the commitments chapter; the context chapter prints none of them as an
# empty heading.
if [ -f "$tmp/capac.fr.tree" ]; then
  grep -A2 "^      section 4: 16.9. Engagements de l’État concernant le financement$" \
    "$tmp/capac.fr.tree" | grep -q '\*\*16.9.1 \*\*' ||
    fail "capac/fr: article 16.9 does not head commitment 16.9.1"
  awk '/^section 1: /{ctx = $0 ~ /Cadre et dispositions/} ctx && /^ *section [0-9]+: 16\./{bad = 1}
       END {exit bad}' "$tmp/capac.fr.tree" ||
    fail "capac/fr: an article of commitments printed in the context chapter"
fi

[ $status -eq 0 ] && echo "ok"
exit $status
