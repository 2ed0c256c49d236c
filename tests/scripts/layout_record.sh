#!/usr/bin/env bash
# The layout record (rapport render --format layout) and its checker
# (tests/scripts/lib/layoutcheck.py): the record describes the pages the PDF has, is the
# same every run, the stress model renders and validates, and the checker fails on records
# made defective by hand, each with the rule it breaks. The layout's own figures against the
# rules are bench/layout-invariants.sh's, not a verdict here.
. "${BASH_SOURCE%/*}/lib/common.sh"
check="$src/tests/scripts/lib/layoutcheck.py"
command -v pdfinfo >/dev/null || fail "no pdfinfo (Debian package poppler-utils)"

# The record of a document has the pages its PDF has.
plan="$src/input/capac/plan.xml"
"$rapport" render --kind plan --lang fr "$plan" -o "$tmp/plan.pdf" 2>/dev/null ||
  fail "the PDF of $plan was not written"
"$rapport" render --kind plan --lang fr "$plan" --format layout -o "$tmp/plan-fr.layout" \
  2>/dev/null || fail "the record of $plan was not written"
pdf_pages=$(pdfinfo "$tmp/plan.pdf" | awk '/^Pages:/ {print $2}')
said=$(awk '/^document / {for (i = 2; i <= NF; i++) if ($i ~ /^pages=/) print substr($i, 7)}' \
  "$tmp/plan-fr.layout")
lines=$(grep -c '^page ' "$tmp/plan-fr.layout")
[ "$said" = "$pdf_pages" ] && [ "$lines" = "$pdf_pages" ] ||
  fail "the PDF has $pdf_pages pages, the record says $said and describes $lines"
grep -q '^block .*type=H1 ' "$tmp/plan-fr.layout" || fail "the record has no heading"
grep -q '^text .*art=footer ' "$tmp/plan-fr.layout" || fail "the record has no footer text"

# The same document gives the same record; the suffix .layout picks the format.
"$rapport" render --kind plan --lang fr "$plan" -o "$tmp/again.layout" 2>/dev/null ||
  fail "the record by suffix was not written"
cmp -s "$tmp/plan-fr.layout" "$tmp/again.layout" || fail "two records of one document differ"

# Every measure bar of a document (a progress, "[bar 45/100] 45 %" in the text format) is
# in its record, drawn with the share its values give.
eval_in=("$src/input/capac/plan.xml" "$src"/input/capac/evaluation-*.xml)
"$rapport" render --kind evaluation --lang fr --allow-fallback "${eval_in[@]}" --format text \
  -o "$tmp/eval.txt" 2>/dev/null || fail "the text of the evaluation was not written"
"$rapport" render --kind evaluation --lang fr --allow-fallback "${eval_in[@]}" --format layout \
  -o "$tmp/eval.layout" 2>/dev/null || fail "the record of the evaluation was not written"
grep -o '\[bar [0-9.]*/[0-9.]*\]' "$tmp/eval.txt" |
  awk -F'[ /\]]' '{printf "%.3f\n", ($3 > 0 ? ($2 > $3 ? 1 : $2 / $3) : 0)}' | sort >"$tmp/bars.tree"
awk '/^bar / {for (i = 2; i <= NF; i++) if ($i ~ /^share=/) print substr($i, 7)}' \
  "$tmp/eval.layout" | sort >"$tmp/bars.record"
[ -s "$tmp/bars.tree" ] || fail "the evaluation has no measure bar"
cmp -s "$tmp/bars.tree" "$tmp/bars.record" ||
  fail "the record's bars differ from the document's: $(diff "$tmp/bars.tree" "$tmp/bars.record" | head -5)"

# A record is not something to publish: build refuses the format.
"$rapport" build --format layout "$src/input" -o "$tmp/out" >/dev/null 2>"$tmp/err" &&
  fail "build accepted --format layout"
grep -q "unknown format 'layout'" "$tmp/err" || fail "build's refusal: $(cat "$tmp/err")"

# The stress model is valid and renders in both languages; its tables keep their rows.
stress="$src/tests/stress/stress-plan.xml"
"$rapport" check "$stress" >"$tmp/check" 2>&1 && grep -q '0 error(s), 0 warning(s)' "$tmp/check" ||
  fail "$stress does not check cleanly: $(head -3 "$tmp/check")"
for kind in plan budget; do
  for lang in fr nl; do
    "$rapport" render --kind "$kind" --lang "$lang" "$stress" --format layout \
      -o "$tmp/stress-$kind-$lang.layout" 2>"$tmp/err" ||
      fail "the stress model's $kind in $lang: $(head -3 "$tmp/err")"
  done
  for rows in 1 2 3 39 40 41; do
    grep -q "type=Table .* table_rows=$rows " "$tmp/stress-$kind-fr.layout" ||
      fail "the stress model's $kind has no table of $rows rows"
  done
done

# The checker reads real records (0: clean, 1: rules broken; 2 would be unreadable).
python3 "$check" --quiet "$tmp"/plan-fr.layout "$tmp"/stress-*.layout >"$tmp/report"
rc=$?
[ "$rc" -le 1 ] && grep -q '^short-page ' "$tmp/report" ||
  fail "the checker failed on real records (exit $rc): $(tail -3 "$tmp/report")"

# A hand-made record that keeps every rule, then copies that each break one.
cat >"$tmp/clean-fr.layout" <<'EOF'
# rapport layout record 1
document lang=fr pages=3 front=0
chapter n=1 page=1 title=Un
chapter n=2 page=3 title=Deux
page n=1 kind=body orient=portrait width=595.3 height=841.9 box=62.0,72.0,533.3,777.9 chapter=1 chapter_end=0 fill=0.950
block page=1 type=H1 elem=2 box=62.0,72.0,300.0,91.0 last=0
block page=1 type=P elem=3 box=62.0,100.0,533.3,700.0
block page=1 type=Table elem=4 box=62.0,710.0,533.3,770.0 rows=3 table_rows=6 part=1/2
text page=1 elem=2 art=- box=62.0,72.0,300.0,91.0
text page=1 elem=3 art=- box=62.0,100.0,533.3,111.0
text page=1 elem=0 art=footer box=62.0,800.0,100.0,808.0
page n=2 kind=body orient=portrait width=595.3 height=841.9 box=62.0,72.0,533.3,777.9 chapter=1 chapter_end=1 fill=0.200
block page=2 type=Table elem=4 box=62.0,72.0,533.3,200.0 rows=3 table_rows=6 part=2/2
page n=3 kind=body orient=portrait width=595.3 height=841.9 box=62.0,72.0,533.3,777.9 chapter=2 chapter_end=1 fill=0.300
block page=3 type=H1 elem=5 box=62.0,72.0,300.0,91.0 last=0
block page=3 type=P elem=6 box=62.0,100.0,260.0,111.0
text page=3 elem=6 art=- box=62.0,100.0,200.0,111.0
text page=3 elem=6 art=- box=244.0,100.0,260.0,111.0
bar page=3 box=203.0,103.0,241.0,109.0 share=0.450
EOF
python3 "$check" "$tmp/clean-fr.layout" >"$tmp/report" ||
  fail "the checker refused the clean hand-made record: $(cat "$tmp/report")"

# defect RULE SED: a copy of the clean record edited by SED must fail with RULE.
defect() {
  local rule=$1
  mkdir -p "$tmp/$rule"
  sed "$2" "$tmp/clean-fr.layout" >"$tmp/$rule/doc-fr.layout"
  python3 "$check" "$tmp/$rule/doc-fr.layout" >"$tmp/report"
  [ $? -eq 1 ] && grep -q "^doc-fr.layout: page [0-9]*: $rule: " "$tmp/report" ||
    fail "the checker missed a defect of $rule: $(cat "$tmp/report")"
}
defect short-page '/^page n=1 /s/fill=0.950/fill=0.300/'
defect thin-table-part '/^block page=2 type=Table/s/rows=3/rows=2/'
defect stranded-heading '/^block page=1 type=P /d;/^block page=1 type=Table/d;/^block page=1 type=H1/s/last=0/last=1/'
defect overlap '/^text page=1 elem=3 /s/box=62.0,100.0/box=62.0,85.0/'
defect overlap '/^bar page=3 /s/box=203.0,103.0,241.0/box=190.0,103.0,228.0/'
defect outside-margins '/^block page=1 type=P /s/533.3,700.0/540.0,700.0/'

# --rules checks only the rules named: the short page passes when only overlaps are checked,
# fails when short pages are; an unknown rule is an error.
python3 "$check" --rules overlap "$tmp/short-page/doc-fr.layout" >"$tmp/report" ||
  fail "--rules overlap still checked short pages: $(cat "$tmp/report")"
python3 "$check" --rules overlap,short-page "$tmp/short-page/doc-fr.layout" >"$tmp/report"
[ $? -eq 1 ] || fail "--rules overlap,short-page missed the short page"
python3 "$check" --rules no-such-rule "$tmp/clean-fr.layout" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--rules accepted an unknown rule"

# Two editions whose chapters start on different pages differ in structure.
mkdir -p "$tmp/editions"
cp "$tmp/clean-fr.layout" "$tmp/editions/doc-fr.layout"
sed 's/^document lang=fr/document lang=nl/;s/^chapter n=2 page=3/chapter n=2 page=2/' \
  "$tmp/clean-fr.layout" >"$tmp/editions/doc-nl.layout"
python3 "$check" "$tmp/editions/doc-fr.layout" "$tmp/editions/doc-nl.layout" >"$tmp/report"
[ $? -eq 1 ] && grep -q "^doc-fr.layout: page 2: edition-structure: " "$tmp/report" ||
  fail "the checker missed editions that differ: $(cat "$tmp/report")"

# An unreadable record is an error, not a pass.
echo "page n=x" >"$tmp/broken.layout"
python3 "$check" "$tmp/broken.layout" >/dev/null 2>&1
[ $? -eq 2 ] || fail "the checker did not refuse a broken record"
echo "layout record and checker: OK"
