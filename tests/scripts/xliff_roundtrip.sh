#!/usr/bin/env bash
# The translation round trip through XLIFF 1.2 and translate-toolkit, on copies of the models
# of tests/data/xliff/ (inline markup: emphasis, a link, a placeholder, a superscript, a
# footnote; lists):
# - translate-toolkit reads the export: xliff2po, podebug, po2xliff and pomerge accept it;
# - a pseudo-translation (podebug --rewrite=xxx on the XLIFF file) imported: 100 % Dutch,
#   `rapport check` clean, the pseudo-translated words in the models, the links' addresses
#   unchanged, every other line as it was, and a second import changes nothing;
# - through PO (xliff2po, podebug, pomerge): a text without markup comes back; a text whose
#   markup PO dropped is refused;
# - refusals, each located in the XLIFF file with the models unchanged: an unknown id, a
#   source changed since the export, a target's markup that is not the source's;
# - the Dutch publication edition renders with the pseudo-translated words.
# Skipped (77) without translate-toolkit (Debian package translate-toolkit; .ci/run installs it).
#   bash tests/scripts/xliff_roundtrip.sh path/to/rapport path/to/source
set -u
rapport=$1
cd "$2" || exit 2
for tool in xliff2po podebug po2xliff pomerge; do
  command -v $tool >/dev/null || { echo "translate-toolkit is not installed ($tool)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
data=tests/data/xliff
models() { cp "$data/plan.xml" "$data/evaluation-2023.xml" "$tmp/"; }
plan=$tmp/plan.xml eval=$tmp/evaluation-2023.xml

# run STATUS COMMAND...: the exit status; output in $tmp/out and $tmp/err.
run() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" = "$want" ] || { fail "'$*' exited $got, expected $want"; head -20 "$tmp/err"; }
}

# A model without its Dutch elements (with the line break and indentation before each).
without_nl() { perl -0pe 's/\n?[ \t]*<([a-z-]+) xml:lang="nl"[^>]*>.*?<\/\1>//gs' "$1"; }

models
cp "$plan" "$tmp/plan.orig"
cp "$eval" "$tmp/eval.orig"
# Before the translation, the Dutch publication is not produced (texts missing).
if "$rapport" render --help | grep -q -- --allow-fallback; then
  run 1 "$rapport" render --kind evaluation --lang nl "$plan" "$eval" --text -o -
fi

# ---- export, and translate-toolkit reads it
run 0 "$rapport" xliff export --lang nl "$plan" "$eval" -o "$tmp/e.xlf"
units=$(grep -c '<trans-unit ' "$tmp/e.xlf")
[ "$units" = 24 ] || fail "export: $units units, expected 24"
grep -q 'voir <g id="2" ctype="x-link">le <g id="3" ctype="italic">rapport</g> complet</g>' "$tmp/e.xlf" ||
  fail "export: the link's markup"
grep -q 'example.org' "$tmp/e.xlf" && fail "export: a link's address is translatable"
grep -q '<source>conseiller<g id="1" ctype="x-footnote">Voir la <g id="2" ctype="italic">loi</g> du 1er janvier 2022.</g></source>' "$tmp/e.xlf" ||
  fail "export: a footnote is not the inline markup of its text"
run 0 xliff2po "$tmp/e.xlf" "$tmp/e.po"
[ "$(grep -c '^#: ' "$tmp/e.po")" = "$units" ] || fail "xliff2po: not one entry per unit"
grep -q '^#\. .*plan.xml:19:7, strategic-objective so-1, title$' "$tmp/e.po" ||
  fail "xliff2po: the note is not a comment of the entry"
run 0 podebug --rewrite=xxx "$tmp/e.po" "$tmp/p.po"
grep -q '^msgstr "xxxBilanxxx"$' "$tmp/p.po" || fail "podebug: no pseudo-translation"
run 0 po2xliff -t "$tmp/e.xlf" "$tmp/p.po" "$tmp/po2xliff.xlf"
grep -q 'xxxBilanxxx' "$tmp/po2xliff.xlf" || fail "po2xliff: no pseudo-translation"
run 0 pomerge -t "$tmp/e.xlf" -i "$tmp/p.po" -o "$tmp/pomerge.xlf"
run 0 podebug --rewrite=xxx "$tmp/e.xlf" "$tmp/p.xlf"

# ---- import of the pseudo-translation
run 0 "$rapport" xliff import "$plan" "$eval" "$tmp/p.xlf"
grep -q "^$plan: 15 texts added, 3 replaced" "$tmp/out" || fail "import report: $(cat "$tmp/out")"
run 0 "$rapport" coverage --lang nl "$plan" "$eval"
[ "$(cat "$tmp/out")" = "nl: 24 of 24 texts (100 %)" ] || fail "coverage: $(cat "$tmp/out")"
run 0 "$rapport" check "$plan" "$eval"
grep -q ': error: ' "$tmp/err" && fail "check: $(cat "$tmp/err")"
for words in '<item>xxxinformerxxx</item>' '<title xml:lang="nl">xxxBilanxxx</title>' \
  'xxxVoir <link href="https://example.org/fr?a=1&amp;b=2">le <strong>site</strong></link>' \
  '<item>xxxconseiller<footnote>Voir la <em>loi</em> du 1er janvier 2022.</footnote>xxx</item>' \
  '<placeholder>XX</placeholder> dagen' ; do
  [ "$words" = '<placeholder>XX</placeholder> dagen' ] && continue # podebug does not translate
  grep -qF "$words" "$plan" "$eval" || fail "not in the models: $words"
done
# The addresses: each link's href as it was, once more in its Dutch copy.
for f in plan eval; do
  new=$tmp/$f.xml
  [ $f = eval ] && new=$eval
  before=$(grep -o 'href="[^"]*"' "$tmp/$f.orig" | sort | uniq -c | awk '{ print $1 * 2, $2 }')
  after=$(grep -o 'href="[^"]*"' "$new" | sort | uniq -c | awk '{ print $1, $2 }')
  [ "$before" = "$after" ] || fail "$f: the links' addresses changed: $after"
  # Without their Dutch texts, the models are byte for byte what they were.
  grep -q '<plan\|<evaluation' <(without_nl "$new") || fail "$f: perl did not run"
  cmp -s <(without_nl "$tmp/$f.orig") <(without_nl "$new") || fail "$f: more than its Dutch texts changed"
done
grep -q '^<!-- A small plan for the translation tests' "$plan" || fail "the comment is gone"
grep -q '«&#160;Cie&#160;»' "$plan" || fail "a character reference was rewritten"
# A second import changes nothing.
cp "$plan" "$tmp/plan.once"
cp "$eval" "$tmp/eval.once"
run 0 "$rapport" xliff import "$plan" "$eval" "$tmp/p.xlf"
cmp -s "$plan" "$tmp/plan.once" && cmp -s "$eval" "$tmp/eval.once" ||
  fail "a second import changed the models"
grep -q "^$plan: unchanged (18 texts already so in 'nl'" "$tmp/out" ||
  fail "second import: $(cat "$tmp/out")"

# ---- the Dutch edition shows the pseudo-translation
run 0 "$rapport" render --kind evaluation --lang nl "$plan" "$eval" --text -o -
grep -q 'xxxBilanxxx' "$tmp/out" || fail "render: no pseudo-translated title"
grep -q 'xxxLe délai reste de .*XX.* jours' "$tmp/out" || fail "render: no pseudo-translated paragraph"
grep -q 'https://example.org/bilan?annee=2023&lang=fr' "$tmp/out" || fail "render: the link is lost"
run 0 "$rapport" render --kind budget --lang nl "$plan" --text -o -
grep -q 'xxxY compris les .*intérimaires' "$tmp/out" || fail "render: no pseudo-translated note"

# ---- through PO: what PO keeps comes back, markup it drops is refused
cat >"$tmp/plain.xml" <<'XML'
<plan id="q" kind="strategic-plan" start="2022" end="2024" date="2022" xml:lang="fr">
  <title>Plan sans balises</title>
  <organisation id="o" kind="other">
    <name>Organisation</name>
  </organisation>
</plan>
XML
run 0 "$rapport" xliff export --lang nl "$tmp/plain.xml" -o "$tmp/plain.xlf"
run 0 xliff2po "$tmp/plain.xlf" "$tmp/plain.po"
run 0 podebug --rewrite=xxx "$tmp/plain.po" "$tmp/plain-x.po"
run 0 pomerge -t "$tmp/plain.xlf" -i "$tmp/plain-x.po" -o "$tmp/plain-x.xlf"
run 0 "$rapport" xliff import "$tmp/plain.xml" "$tmp/plain-x.xlf"
run 0 "$rapport" coverage --lang nl "$tmp/plain.xml"
grep -q '<name xml:lang="nl">xxxOrganisationxxx</name>' "$tmp/plain.xml" || fail "PO round trip"
models
run 1 "$rapport" xliff import "$plan" "$eval" "$tmp/pomerge.xlf"
line=$(grep -n '<target.*xxxVoir le site et la note1.xxx' "$tmp/pomerge.xlf" | cut -d: -f1)
grep -q "^$tmp/pomerge.xlf:$line:[0-9]*: error: unit 'so-1/text\[2\]': the target lacks the source's <g id=\"1\" ctype=\"x-link\">" \
  "$tmp/err" || fail "PO's flattened markup not refused: $(head -3 "$tmp/err")"
cmp -s "$plan" "$tmp/plan.orig" && cmp -s "$eval" "$tmp/eval.orig" || fail "a refused import changed a model"

# ---- refusals: located in the XLIFF file, the models unchanged
# refused NAME PATTERN: the import of $tmp/NAME.xlf exits 1, its errors match PATTERN (grep
# -E), the plan is unchanged, and the evaluation (nothing refused) is translated all the same.
refused() {
  models
  [ -n "${edit:-}" ] && sed -i "$edit" "$plan"
  cp "$plan" "$tmp/plan.before"
  run 1 "$rapport" xliff import "$plan" "$eval" "$tmp/$1.xlf"
  grep -Eq "$2" "$tmp/err" || fail "$1: no error matching /$2/: $(head -3 "$tmp/err")"
  cmp -s "$plan" "$tmp/plan.before" || fail "$1: the plan changed"
  grep -q "^$plan: not changed" "$tmp/out" || fail "$1: $(cat "$tmp/out")"
  grep -q "^$eval: 5 texts added, 1 replaced" "$tmp/out" || fail "$1: $(cat "$tmp/out")"
}
sed 's|<trans-unit id="s-1/title\[1\]">|<trans-unit id="s-1/title[7]">|' "$tmp/p.xlf" >"$tmp/unknown.xlf"
line=$(grep -n 's-1/title\[7\]' "$tmp/unknown.xlf" | cut -d: -f1)
edit='' refused unknown "^$tmp/unknown.xlf:$line:7: error: unit 's-1/title\[7\]' is unknown in '$plan'"
cp "$tmp/p.xlf" "$tmp/changed.xlf"
line=$(grep -n '<source>Les missions :</source>' "$tmp/changed.xlf" | cut -d: -f1)
edit='s|<p>Les missions :</p>|<p>Nos missions :</p>|' refused changed \
  "^$tmp/changed.xlf:$line:9: error: unit 's-1/p\[1\]': the source is no longer the text of $plan:37:5, which changed since the export; it now reads \"Nos missions :\""
sed '/<target/ s|<g id="1" ctype="x-link">|<g id="1" ctype="italic">|' "$tmp/p.xlf" >"$tmp/markup.xlf"
line=$(grep -n '<target.*xxxVoir <g id="1" ctype="italic">' "$tmp/markup.xlf" | cut -d: -f1)
edit='' refused markup "^$tmp/markup.xlf:$line:9: error: unit 'so-1/text\[2\]': <g id=\"1\"> has ctype \"italic\" in the target, \"x-link\" in the source"

# ---- usage
run 2 "$rapport" xliff
run 2 "$rapport" xliff frobnicate
run 2 "$rapport" xliff export --lang nl "$plan"
run 2 "$rapport" xliff export --lang xx "$plan" -o "$tmp/x.xlf"
run 2 "$rapport" xliff export --lang nl "$plan" -o "$plan"
run 2 "$rapport" xliff import "$tmp/p.xlf"
run 1 "$rapport" xliff export --lang fr "$plan" -o "$tmp/fr.xlf"
[ ! -e "$tmp/fr.xlf" ] || fail "an export into the models' own language was written"
run 0 "$rapport" xliff --help
"$rapport" --help | grep -q 'xliff export --lang LANG FILE... -o OUT.xlf' || fail "rapport --help lacks xliff"
exit $failed
