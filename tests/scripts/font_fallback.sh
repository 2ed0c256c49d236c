#!/usr/bin/env bash
# Characters Liberation Sans lacks are drawn with an installed face that has them (DejaVu
# Sans here), embedded as a subset with a ToUnicode map; Hebrew and Arabic are laid out
# right to left within the French line; a character no installed font has is a located
# warning; zero-width and line-separator characters draw nothing, and nothing is lost from
# the extracted text.
. "${BASH_SOURCE%/*}/lib/common.sh"
export LC_ALL=C.UTF-8

shalom=$'\u05e9\u05dc\u05d5\u05dd' olam=$'\u05e2\u05d5\u05dc\u05dd'
marhaba=$'\u0645\u0631\u062d\u0628\u0627' bikum=$'\u0628\u0643\u0645'
text="Coché ✓ et ★ puis 😀 et 中 puis $shalom $olam et $marhaba $bikum fin"
text="$text, sans$(printf '\u200b')blanc et ligne$(printf '\u2028')suite."
awk -v t="$text" '/<\/table>/ { print "      <note>" t "</note>" } { print }' \
  "$src/tests/fail/base-plan.xml" >"$tmp/m.xml"
line=$(grep -n '<note>Coché' "$tmp/m.xml" | cut -d: -f1)

"$rapport" render --kind budget --lang fr "$tmp/m.xml" -o "$tmp/m.pdf" 2>"$tmp/err" ||
  fail "render: $(tail -3 "$tmp/err")"

# The one character no font here has: located in the model, at check and render time.
grep -Eq "m\.xml:$line:[0-9]+: warning: no installed font can draw U\+4E2D \"中\"" "$tmp/err" ||
  fail "no located warning for U+4E2D: $(cat "$tmp/err")"
"$rapport" check "$tmp/m.xml" 2>&1 | grep -q "m.xml:$line:.*U+4E2D" || fail "rapport check is silent"
for cp in 2713 2605 1F600 05E9 0645 200B 2028; do
  ! grep -q "U+$cp" "$tmp/err" || fail "a warning for U+$cp: $(grep "U+$cp" "$tmp/err")"
done
[ "$(grep -c 'warning' "$tmp/err")" = 2 ] || fail "other warnings: $(cat "$tmp/err")"

# The fallback face embedded as a subset with its Unicode map.
pdffonts "$tmp/m.pdf" | grep -Eq '^[A-Z]{6}\+DejaVuSans +CID TrueType +(Identity-H|Custom) +yes +yes +yes' ||
  fail "no DejaVu Sans subset with ToUnicode: $(pdffonts "$tmp/m.pdf")"
warn=$(pdftotext "$tmp/m.pdf" "$tmp/m.txt" 2>&1)
[ -z "$warn" ] || fail "pdftotext says: $warn"
# poppler marks right-to-left runs with embedding controls (U+202A to U+202E): left out.
perl -CSD -pi -e 's/[\x{202A}-\x{202E}]//g' "$tmp/m.txt"
for want in "Coché ✓ et ★ puis 😀 et 中 puis" "sansblanc"; do
  grep -q "$want" "$tmp/m.txt" || fail "\"$want\" not extracted: $(grep Coch "$tmp/m.txt")"
done
# The line separator ends its line (a forced break), drawn as nothing.
tr '\n' '|' <"$tmp/m.txt" | grep -q 'ligne|suite\.' ||
  fail "U+2028 does not end the line: $(grep -A1 ligne "$tmp/m.txt")"
# poppler moves the spaces at the edges of a right-to-left run: the words, in the order of
# the text, are what is compared.
tr -d ' ' <"$tmp/m.txt" | grep -q "puis$shalom${olam}et$marhaba${bikum}fin" ||
  fail "the right-to-left words are not extracted in their order: $(grep Coch "$tmp/m.txt")"

# Right to left: the first Hebrew word is drawn to the right of the second, and each word's
# glyphs run from its last letter to its first (pdftotext -bbox gives them as drawn).
rev() { printf '%s' "$1" | python3 -c 'import sys; print(sys.stdin.read()[::-1])'; }
x_of() { pdftotext -bbox "$tmp/m.pdf" - | grep -F ">$1</word>" | sed -E 's/.*xMin="([0-9.]+)".*/\1/' | head -1; }
xs=$(x_of "$(rev "$shalom")") xo=$(x_of "$(rev "$olam")")
xm=$(x_of "$(rev "$marhaba")") xb=$(x_of "$(rev "$bikum")")
[ -n "$xs" ] && [ -n "$xo" ] && [ -n "$xm" ] && [ -n "$xb" ] ||
  fail "the right-to-left words are not drawn in visual order"
awk -v s="$xs" -v o="$xo" -v m="$xm" -v b="$xb" 'BEGIN { exit !(s > o && m > b) }' ||
  fail "words of a right-to-left run drawn in the order of the text: $xs $xo $xm $xb"

qpdf --check "$tmp/m.pdf" >/dev/null 2>&1 || fail "qpdf --check: $(qpdf --check "$tmp/m.pdf" 2>&1 | tail -3)"
"$rapport" render --kind budget --lang fr "$tmp/m.xml" -o "$tmp/again.pdf" 2>/dev/null
cmp -s "$tmp/m.pdf" "$tmp/again.pdf" || fail "a re-render differs"

# Hundreds of distinct characters no font has (a text in a script not installed) are looked
# up against fontconfig's list sorted once, not one sort each: this took 11 s, now 0.2 s.
many=$(python3 -c 'print(" ".join("".join(chr(0x4E00 + (7 * i + k) % 400) for k in range(3)) for i in range(1500)))')
awk -v t="$many" '/<\/table>/ { print "      <note>" t "</note>" } { print }' \
  "$src/tests/fail/base-plan.xml" >"$tmp/many.xml"
timeout 5 "$rapport" render --kind budget --lang fr "$tmp/many.xml" -o "$tmp/many.pdf" 2>/dev/null ||
  fail "400 distinct missing characters: not rendered within 5 s"
exit 0
