#!/usr/bin/env bash
# Editions in rapport build: every document has a review edition under review/, the index
# links publications only, a publication that is not produced (no such document in its
# sources, or an incomplete translation) is said with its reason in the log, the manifest and
# the index, exits 0 and removes a file published before; --edition and --allow-fallback.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
m=out/manifest.xml
count() { xmllint --xpath "count($1)" "$2"; }

"$rapport" build -j2 "$src/input" -o out 2>log || fail "build exited $? ($(tail -3 log))"

# Both trees; a review edition of every document, the publication produced or not.
[ -d out/review ] || fail "no review tree"
# Each document has an entry per format, PDF and HTML alike (build_full checks the pairs):
# the PDF entries speak for the documents here.
pub=$(count '/manifest/document[@edition="publication" and @format="pdf"]' $m)
rev=$(count '/manifest/document[@edition="review" and @format="pdf"]' $m)
[ "$pub" -gt 0 ] && [ "$pub" = "$rev" ] || fail "$pub publication entries, $rev review entries"
[ "$(count '/manifest/document[not(@edition)]' $m)" = 0 ] || fail "an entry without edition"
[ "$(count '/manifest/document[@edition="review" and not(@file)]' $m)" = 0 ] ||
  fail "a review edition not produced"
n=$(xmllint --xpath 'count(/manifest/document[@format="pdf"])' $m)
for i in $(seq "$n"); do
  d="(/manifest/document[@format=\"pdf\"])[$i]"
  get() { xmllint --xpath "string($d/@$1)" $m; }
  [ "$(get edition)" = publication ] || continue
  org=$(get organisation) kind=$(get kind) lang=$(get lang) when=$(get period)$(get year)
  name="$org/$kind-$when.$lang.pdf"
  [ -s "out/review/$name" ] || fail "no review edition of $name"
  grep -q "file=\"review/$name\"" $m || fail "review/$name not in the manifest"
  if [ -n "$(get file)" ]; then
    [ "$(get file)" = "$name" ] || fail "publication $(get file), expected $name"
    [ -s "out/$name" ] || fail "$name listed but missing"
    grep -q "href=\"$name\"" out/index.html || fail "$name not linked"
  else
    [ ! -e "out/$name" ] || fail "$name exists although not produced"
    [ -n "$(get reason)" ] || fail "$name: not produced without a reason"
    grep -q "^omitted  *$org/$kind-$when.$lang  not produced: " log || fail "no log line for $name"
  fi
done
pdfs=$(find out -name '*.pdf' | wc -l)
files=$(count '/manifest/document[@file and @format="pdf"]' $m)
[ "$pdfs" = "$files" ] || fail "$pdfs PDFs, $files files in the manifest"
withheld=$((n - files))
grep -q "rapport build: $files built, 0 unchanged, 0 removed, 0 failed, $withheld not produced" log ||
  fail "summary: $(tail -1 log)"

# capac's plan has no communication plan: no publication, but its review edition.
for l in fr nl; do
  [ -s "out/review/capac/communication-2022-2025.$l.pdf" ] || fail "no review communication ($l)"
  [ ! -e "out/capac/communication-2022-2025.$l.pdf" ] || fail "capac communication published ($l)"
  # One entry per format, each with the reason.
  grep -q "^omitted    capac/communication-2022-2025.$l  not produced: the plan has no communication plan$" log ||
    fail "log line of capac's communication ($l)"
  [ "$(count "/manifest/document[@organisation='capac' and @kind='communication' and @lang='$l' and @edition='publication' and not(@file) and @reason='the plan has no communication plan']" $m)" = 2 ] ||
    fail "manifest entry of capac's communication ($l)"
done

# A review annex lists the diagnostics of the document's own sources: the stand-alone 2020
# report reads no plan, so the warnings of chancellerie/plan.xml are not in it, while the
# budget document's annex has them.
pdftotext out/review/chancellerie/evaluation-2020.fr.pdf annex2020.txt
grep -q "ne signale rien" annex2020.txt || fail "the 2020 report's annex is not empty"
grep -q "plan.xml" annex2020.txt && fail "the 2020 report's annex lists the plan's diagnostics"
pdftotext out/review/chancellerie/budget-2022-2024.fr.pdf annexbudget.txt
grep -q "plan.xml:[0-9]*:[0-9]*" annexbudget.txt || fail "the budget annex lists no diagnostic"

# The index: no way into the review tree; the reasons in place of the links.
grep -q 'review/' out/index.html && fail "index.html links into review/"
xmllint --html --noout out/index.html 2>err || fail "index.html does not parse: $(head -3 err)"
# (French punctuation may take a no-break space before it.)
grep -q '<span lang="fr">non publié.: le plan ne comporte pas de plan de communication</span>' out/index.html ||
  fail "index: the French reason"
grep -q '<span lang="nl">niet gepubliceerd: het plan bevat geen communicatieplan</span>' out/index.html ||
  fail "index: the Dutch reason"
[ "$(grep -c '<a href="[^"#]*\.pdf"' out/index.html)" = "$(count '/manifest/document[@edition="publication" and @file and @format="pdf"]' $m)" ] ||
  fail "not one link per publication"
echo "$files documents ($pub publications, $rev review editions), $withheld not produced"

# A second run changes nothing, in either tree.
snapshot() { (cd "$1" && find . -type f ! -name .rapport.lock -printf '%p %i %T@\n' | sort); }
before=$(snapshot out)
sleep 1
"$rapport" build -j2 "$src/input" -o out 2>log2 || fail "second build exited $?"
[ "$before" = "$(snapshot out)" ] || fail "the second run rewrote files"
grep -q "rapport build: 0 built, $files unchanged, 0 removed, 0 failed, $withheld not produced" log2 ||
  fail "second summary: $(tail -1 log2)"
[ "$(grep -c '^unchanged  *review/' log2)" = "$rev" ] || fail "review editions not all unchanged"
[ "$(grep -c '^omitted ' log2)" = "$withheld" ] || fail "the reasons are not repeated"
"$rapport" build -q "$src/input" -o out 2>log3 || fail "quiet build exited $?"
[ ! -s log3 ] || fail "-q printed: $(cat log3)"

# --edition publication: no review tree in a new directory; an existing one is left alone.
"$rapport" build -q -j2 --edition publication "$src/input" -o pubonly || fail "--edition publication"
[ ! -e pubonly/review ] || fail "--edition publication wrote a review tree"
grep -q 'edition="review"' pubonly/manifest.xml && fail "--edition publication listed a review edition"
diff -r -x .rapport.lock -x review -x manifest.xml pubonly out >/dev/null ||
  fail "the publications differ from a build of both editions"
"$rapport" build -j2 --edition publication "$src/input" -o out 2>log4 || fail "--edition publication over both"
[ "$before" = "$(snapshot out)" ] || fail "--edition publication touched the review tree"
"$rapport" build -q -j2 --edition review --kind budget "$src/input" -o revonly || fail "--edition review"
[ "$(cd revonly && find . -name '*.pdf' | grep -vc '^./review/')" = 0 ] || fail "--edition review published"
grep -q 'href=' revonly/index.html && grep -q 'href="[^#m]' revonly/index.html &&
  fail "--edition review: the index links something"

# Vanished sources take both editions; the review tree goes with its last organisation.
mkdir in && cp -r "$src/input/capac" in/
"$rapport" build -q -j2 in -o gone || fail "capac build"
rm in/capac/evaluation-2022.xml
"$rapport" build -j2 in -o gone 2>log5 || fail "build after a removal"
for f in capac/evaluation-2022.fr.pdf review/capac/evaluation-2022.fr.pdf review/capac/evaluation-2022.nl.pdf; do
  grep -q "^removed  *$f$" log5 || fail "$f not removed"
  [ ! -e "gone/$f" ] || fail "$f still there"
done
grep -q 'evaluation-2022' gone/manifest.xml && fail "evaluation-2022 still listed"
mkdir in/other && cp "$src/tests/fail/base-plan.xml" in/other/plan.xml
rm -r in/capac
"$rapport" build -q -j2 in -o gone || fail "build after capac went"
[ ! -e gone/review/capac ] && [ ! -e gone/capac ] || fail "capac's directories kept"
# An organisation directory may not take the review tree's name.
mkdir in/review && cp "$src/tests/fail/base-plan.xml" in/review/plan.xml
"$rapport" build -q -j2 in -o gone 2>log5b
[ $? -eq 1 ] || fail "an organisation called review: expected exit 1"
grep -q "in/review: error: organisation directory name not allowed: 'review'" log5b || fail "$(cat log5b)"
[ -z "$(find gone/review -maxdepth 1 -name '*.pdf')" ] || fail "review published as an organisation"
rm -r in/review

# An incomplete translation, on a French-only plan and evaluation: not produced, with its
# percentage, exit 0; --allow-fallback publishes it; without it again, the file goes.
mkdir -p fr/test
cp "$src/tests/fail/base-plan.xml" fr/test/plan.xml
cat > fr/test/evaluation-2023.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<evaluation id="e" plan="test-plan" year="2023" date="2024-03-31" sample="true" xml:lang="fr">
  <progress ref="oo-1.1" status="late"/>
</evaluation>
EOF
"$rapport" build -j2 fr -o fo 2>log6 || fail "French-only build exited $? ($(tail -3 log6))"
line=$(grep '^omitted  *test/evaluation-2023.nl  not produced: translation incomplete: ' log6) ||
  fail "no line for the incomplete evaluation: $(cat log6)"
pct=$(echo "$line" | sed -n 's/.*translation incomplete: \([0-9]*\) % (rapport coverage --lang nl .*fr\/test\/plan.xml .*fr\/test\/evaluation-2023.xml)$/\1/p')
[ -n "$pct" ] && [ "$pct" -lt 100 ] || fail "percentage or command: $line"
[ "$(count "/manifest/document[@kind='evaluation' and @lang='nl' and @edition='publication' and @reason='translation incomplete' and @coverage='$pct' and @format='pdf']" fo/manifest.xml)" = 1 ] ||
  fail "manifest entry of the incomplete evaluation"
grep -q "vertaling onvolledig: $pct" fo/index.html || fail "index: the Dutch percentage"
[ -s fo/review/test/evaluation-2023.nl.pdf ] || fail "no review edition of the incomplete evaluation"
[ -s fo/test/evaluation-2023.fr.pdf ] || fail "the French evaluation"
[ -s fo/review/test/communication-2022-2024.fr.pdf ] || fail "no review communication summary"
"$rapport" build -j2 --allow-fallback fr -o fo 2>log7 || fail "--allow-fallback exited $?"
grep -q "^built  *test/evaluation-2023.nl.pdf[ ,]" log7 || fail "--allow-fallback did not publish it"
[ -s fo/test/evaluation-2023.nl.pdf ] || fail "--allow-fallback: no file"
grep -q "^built  *review/" log7 && fail "--allow-fallback rendered review editions again"
grep -q 'href="test/evaluation-2023.nl.pdf"' fo/index.html || fail "--allow-fallback: not linked"
grep -q 'test/communication-2022-2024.fr  not produced: the plan has no communication plan' log7 ||
  fail "--allow-fallback produced a document its sources do not call for"
"$rapport" build -j2 fr -o fo 2>log8 || fail "back without --allow-fallback exited $?"
grep -q "^removed  *test/evaluation-2023.nl.pdf$" log8 || fail "the stale publication was not removed"
[ ! -e fo/test/evaluation-2023.nl.pdf ] || fail "the stale publication is still there"
grep -q 'href="test/evaluation-2023.nl.pdf"' fo/index.html && fail "the stale publication is still linked"
echo "incomplete translation: $pct %, not produced, exit 0; --allow-fallback publishes it"

# Sharded builds merge with both editions and the entries not produced.
"$rapport" build -q -j2 --shard 1/2 "$src/input" -o s1 || fail "shard 1/2"
"$rapport" build -q -j2 --shard 2/2 "$src/input" -o s2 || fail "shard 2/2"
"$rapport" build --merge-manifests merged s1/manifest.xml s2/manifest.xml 2>log9 ||
  fail "merge exited $? ($(tail -3 log9))"
diff -r -x .rapport.lock out merged >/dev/null || fail "the merge differs from the full build"
grep -q "^merged  *capac/communication-2022-2025.fr  not produced: the plan has no communication plan$" log9 ||
  fail "merge log: $(grep capac/communication log9)"
echo "ok"
