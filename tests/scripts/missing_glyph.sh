#!/usr/bin/env bash
# A character that the document's font cannot draw is named in a warning (once, however
# often it comes), with the output file and the face, and stays in the extracted text (its
# own code, drawn as .notdef, maps to it); text the font covers raises none.
. "${BASH_SOURCE%/*}/lib/common.sh"
export LC_ALL=C.UTF-8

# The base plan with a note before the end of its table: CJK twice, then covered text.
note() {
  awk -v t="$1" '/<\/table>/ { print "      <note>" t "</note>" } { print }' \
    "$src/tests/fail/base-plan.xml" >"$2"
}
note "Mise en ligne 中文 et 中 encore, « déjà » – 12 €" "$tmp/cjk.xml"
note "Mise en ligne « déjà » – 12 € œuvre" "$tmp/latin.xml"

"$rapport" render --kind budget --lang fr "$tmp/cjk.xml" -o "$tmp/cjk.pdf" 2>"$tmp/cjk.err" ||
  fail "render with CJK: $(tail -3 "$tmp/cjk.err")"
n=$(grep -c 'no glyph for U+4E2D "中"' "$tmp/cjk.err")
[ "$n" = 1 ] || fail "U+4E2D warned of $n times: $(cat "$tmp/cjk.err")"
grep -q 'no glyph for U+6587 "文"' "$tmp/cjk.err" || fail "U+6587 not warned of"
grep 'no glyph' "$tmp/cjk.err" | grep -q "cjk.pdf: warning: the regular face" ||
  fail "the warning does not name the file and the face: $(grep 'no glyph' "$tmp/cjk.err")"
warn=$(pdftotext "$tmp/cjk.pdf" "$tmp/cjk.txt" 2>&1)
[ -z "$warn" ] || fail "pdftotext says: $warn"
grep -q "Mise en ligne 中文 et 中 encore" "$tmp/cjk.txt" || fail "the CJK text is not extracted"
qpdf --check "$tmp/cjk.pdf" >/dev/null 2>&1 || fail "qpdf --check"

"$rapport" render --kind budget --lang fr "$tmp/latin.xml" -o "$tmp/latin.pdf" 2>"$tmp/latin.err" ||
  fail "render: $(tail -3 "$tmp/latin.err")"
! grep -q 'no glyph' "$tmp/latin.err" || fail "a warning for covered text: $(cat "$tmp/latin.err")"
exit 0
