#!/usr/bin/env bash
# The tagged structure as an independent reader sees it: poppler's `pdfinfo -struct-text`
# of one document of each kind, compared with the goldens in tests/golden/struct/ (headings,
# tables row by row with their header cells, figures, notes, links, in reading order).
# Every PDF of input/ says `Tagged: yes`, and no golden's structure text holds what must
# stay out of it: the running header and footer ("Page 3 / 12"), the sample mark (EXEMPLE,
# VOORBEELD) and the review edition's draft mark. UPDATE_GOLDEN=1 rewrites the goldens.
#   bash tests/scripts/struct_text.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
golden=$src/tests/golden/struct
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
. "$(dirname "$0")/lib/golden.sh"

# struct NAME PDF: the structure text of PDF, checked for marks and compared.
struct() {
  local name=$1 pdf=$2
  pdfinfo -struct-text "$pdf" >"$tmp/$name.txt" 2>"$tmp/warn" || fail "$name: pdfinfo -struct-text failed"
  [ -s "$tmp/warn" ] && fail "$name: poppler warns: $(head -3 "$tmp/warn")"
  grep -q '^Document$' "$tmp/$name.txt" || fail "$name: the structure has no Document root"
  grep -nE '"(Page|Pagina|Seite) [0-9ivx]+ / [0-9]+"|EXEMPLE|VOORBEELD|BEISPIEL|SPECIMEN|PROJET|ONTWERP|DRAFT|ENTWURF' \
    "$tmp/$name.txt" >"$tmp/marks" && fail "$name: header, footer or mark text in the structure: $(head -3 "$tmp/marks")"
  compare "$golden/$name.txt" "$tmp/$name.txt"
}

# From the source directory: a review edition names its sources as given (input/...).
render() { # NAME KIND LANG EDITION FILE...
  local name=$1 kind=$2 lang=$3 edition=$4
  shift 4
  (cd "$src" && "$rapport" render --kind "$kind" --lang "$lang" --edition "$edition" \
    --allow-fallback "$@" -o "$tmp/$name.pdf" 2>/dev/null) || { fail "$name: render failed"; return; }
  struct "$name" "$tmp/$name.pdf"
}

in=$src/input
render evaluation-capac-2023.fr evaluation fr publication input/capac/plan.xml \
  input/capac/evaluation-2022.xml input/capac/evaluation-2023.xml
render budget-chancellerie.nl budget nl publication input/chancellerie/plan.xml
render communication-interieur.fr communication fr publication input/interieur/plan.xml
render plan-chancellerie.fr plan fr publication input/chancellerie/plan.xml
render review-evaluation-capac-2023.nl evaluation nl review input/capac/plan.xml \
  input/capac/evaluation-2022.xml input/capac/evaluation-2023.xml

# Every PDF of the batch is tagged. (Its structure is read whole by pdfjs_struct.sh and
# accessibility.sh: poppler takes seconds per document to print it.)
"$rapport" build -q -j2 "$in" -o "$tmp/out" 2>/dev/null || fail "build input/"
n=0
while IFS= read -r pdf; do
  n=$((n + 1))
  pdfinfo "$pdf" 2>/dev/null | grep -q '^Tagged: *yes' || fail "${pdf#"$tmp"/out/}: not tagged"
done < <(find "$tmp/out" -name '*.pdf' | sort)
[ "$n" -ge 40 ] || fail "only $n PDFs built"
[ "$status" = 0 ] && echo "ok: 5 goldens, $n PDFs tagged"
exit $status
