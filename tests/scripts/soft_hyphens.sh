#!/usr/bin/env bash
# Soft hyphens, zero-width spaces and line separators in the source text: a soft hyphen
# shows as a hyphen only where a line breaks at it (and is never in the extracted text of
# an unbroken word); U+2028 ends a line (in the HTML too, as <br>); none of them is drawn
# as a box or warned of.
#   bash tests/scripts/soft_hyphens.sh path/to/rapport path/to/source
. "${BASH_SOURCE%/*}/lib/common.sh"
export LC_ALL=C.UTF-8

shy=$'\u00ad'
# Syllables of at most four letters: libhyphen never splits them, so every hyphen at a
# line's end comes from a soft hyphen.
word="ad${shy}mi${shy}nis${shy}tra${shy}tion"
para=""
for i in $(seq 60); do para="$para$word n°$i "; done # lines end at varied places
sep="Premi&#xE8;re ligne&#x2028;seconde ligne, mot&#x200B;suivant et joint&#x2060;ure"
awk -v p="$para" -v s="$sep" '
  /<\/table>/ { print "      <note>" p "</note>"; print "      <note>" s "</note>" }
  { print }' "$src/tests/fail/base-plan.xml" >"$tmp/plan.xml"

"$rapport" render --kind budget --lang fr "$tmp/plan.xml" -o "$tmp/out.pdf" 2>"$tmp/err" ||
  fail "render: $(tail -3 "$tmp/err")"
! grep -q 'no glyph' "$tmp/err" || fail "a character warned of: $(grep 'no glyph' "$tmp/err")"
# -raw: in its default mode pdftotext joins a word hyphenated at a line end.
warn=$(pdftotext -raw "$tmp/out.pdf" "$tmp/out.txt" 2>&1)
[ -z "$warn" ] || fail "pdftotext says: $warn"

! grep -q $'[\u00ad\u200b\u2060\u2028]' "$tmp/out.txt" || fail "an invisible character extracted"
# Lines broken at a soft hyphen end with a hyphen after one of the word's prefixes, and the
# next line goes on with the rest of the word.
broken=$(grep -cE '(^| )(ad|admi|adminis|administra)-$' "$tmp/out.txt")
[ "$broken" -ge 1 ] || fail "no line broken at a soft hyphen: $(grep -m3 administration "$tmp/out.txt")"
other=$(grep -E 'ad|tion' "$tmp/out.txt" | grep -E -- '-$' | grep -vcE '(^| )(ad|admi|adminis|administra)-$')
[ "$other" = 0 ] || fail "a line ends with a hyphen elsewhere than at a soft hyphen"
grep -A1 -E '(^| )admi-$' "$tmp/out.txt" | grep -qE '^nistration( |$)' ||
  grep -A1 -E '(^| )adminis-$' "$tmp/out.txt" | grep -qE '^tration( |$)' ||
  grep -A1 -E '(^| )administra-$' "$tmp/out.txt" | grep -qE '^tion( |$)' ||
  grep -A1 -E '(^| )ad-$' "$tmp/out.txt" | grep -qE '^ministration( |$)' ||
  fail "the line after a soft hyphen's break does not go on with the word"
whole=$(grep -oE '(^| )administration( |$)' "$tmp/out.txt" | wc -l)
[ "$whole" -ge 20 ] || fail "unbroken words extracted with something inside: $whole whole"
! grep -qE 'admi-nis|ad-mi|nis-tra|tra-tion' "$tmp/out.txt" || fail "a hyphen inside an unbroken word"

# U+2028 ends the line; the zero-width space and the word joiner draw nothing.
grep -qE 'Première ligne$' "$tmp/out.txt" || fail "U+2028 did not end the line"
grep -qE '^seconde ligne, motsuivant et jointure' "$tmp/out.txt" ||
  fail "the line after U+2028: $(grep -A1 'Première' "$tmp/out.txt")"
qpdf --check "$tmp/out.pdf" >/dev/null 2>&1 || fail "qpdf --check"

# The HTML edition ends the line there too (a browser shows U+2028 as a space).
"$rapport" render --kind budget --lang fr "$tmp/plan.xml" -o "$tmp/out.html" 2>"$tmp/err" ||
  fail "render html: $(tail -3 "$tmp/err")"
grep -q 'Première ligne<br */\{0,1\}>seconde ligne' "$tmp/out.html" ||
  fail "no <br> for U+2028 in the HTML: $(grep -o 'Première.\{0,40\}' "$tmp/out.html")"
! grep -q $'\u2028' "$tmp/out.html" || fail "U+2028 left in the HTML"
exit 0
