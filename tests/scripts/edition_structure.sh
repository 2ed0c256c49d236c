#!/usr/bin/env bash
# The French and Dutch editions of a document have one page structure (the same pages, front
# pages, orientations, chapter starts: tests/scripts/lib/layoutcheck.py's edition-structure
# rule), even where their texts differ in length: documents of input/ whose free layouts
# differ (a chapter or the contents a page longer in Dutch, a table landscape in Dutch
# only). The PDF of a stretched edition is the same every run, and the same whether it is
# rendered alone or with the batch.
. "${BASH_SOURCE%/*}/lib/common.sh"
check="$src/tests/scripts/lib/layoutcheck.py"

# record NAME KIND LANG [--year Y] FILE...
record() {
  local name=$1 kind=$2 lang=$3
  shift 3
  "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback --format layout "$@" \
    -o "$tmp/$name-$lang.layout" 2>/dev/null || fail "the $lang record of $name was not written"
}
interieur=("$src"/input/interieur/*.xml)
chancellerie=("$src"/input/chancellerie/*.xml)
for lang in fr nl; do
  record interieur-budget budget "$lang" "${interieur[@]}"
  record interieur-communication communication "$lang" "${interieur[@]}"
  record interieur-evaluation-2023 evaluation "$lang" --year 2023 "${interieur[@]}"
  record chancellerie-plan plan "$lang" "${chancellerie[@]}"
done
python3 "$check" --quiet "$tmp"/*.layout >"$tmp/report"
[ $? -le 1 ] || fail "the checker could not read the records"
violations=$(awk '$1 == "edition-structure" {print $2}' "$tmp/report")
[ "$violations" = 0 ] || {
  python3 "$check" "$tmp"/*.layout | grep edition-structure
  fail "$violations document(s) whose editions differ in page structure"
}

# Pages the layout adds stay pages of the document: the records and the PDFs agree.
pages=$(awk '/^document / {for (i = 2; i <= NF; i++) if ($i ~ /^pages=/) print substr($i, 7)}' \
  "$tmp/interieur-budget-fr.layout")
"$rapport" render --kind budget --lang fr --allow-fallback "${interieur[@]}" -o "$tmp/a.pdf" \
  2>/dev/null || fail "the French budget was not written"
[ "$(pdfinfo "$tmp/a.pdf" | awk '/^Pages:/ {print $2}')" = "$pages" ] ||
  fail "the record says $pages pages, the PDF has another count"

# The same bytes every run, and from the batch (which builds French and Dutch in separate
# jobs, or French alone).
"$rapport" render --kind budget --lang fr --allow-fallback "${interieur[@]}" -o "$tmp/b.pdf" \
  2>/dev/null || fail "the French budget was not written again"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || fail "two renders of the French budget differ"
mkdir -p "$tmp/in"
cp -r "$src/input/interieur" "$tmp/in/"
"$rapport" build -q -j2 --lang fr --kind budget --edition publication --format pdf \
  --allow-fallback "$tmp/in" -o "$tmp/out" >/dev/null 2>&1 || fail "the batch failed"
cmp -s "$tmp/a.pdf" "$tmp/out/interieur/budget-2022-2024.fr.pdf" ||
  fail "the batch's French budget differs from the one rendered alone"

# A partner edition that is not published (without --allow-fallback, the Dutch 2022 report
# of interieur, some of whose texts are French only) has no pages to match: the French
# report is laid out alone, shorter than when paged like the Dutch one.
pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
evaluation=("$src/input/interieur/plan.xml" "$src/input/interieur/evaluation-2022.xml")
"$rapport" render --kind evaluation --year 2022 --lang nl "${evaluation[@]}" -o "$tmp/nl.pdf" \
  2>/dev/null && fail "the Dutch 2022 report of interieur is complete: pick another case"
[ -e "$tmp/nl.pdf" ] && fail "an incomplete Dutch report was written"
"$rapport" render --kind evaluation --year 2022 --lang fr "${evaluation[@]}" -o "$tmp/alone.pdf" \
  2>/dev/null || fail "the French 2022 report was not written"
"$rapport" render --kind evaluation --year 2022 --lang fr --allow-fallback "${evaluation[@]}" \
  -o "$tmp/paired.pdf" 2>/dev/null || fail "the French 2022 report was not written with fallback"
alone=$(pages_of "$tmp/alone.pdf") paired=$(pages_of "$tmp/paired.pdf")
[ "$alone" -lt "$paired" ] ||
  fail "the French report has $alone pages alone and $paired paged like the Dutch one"

exit 0
