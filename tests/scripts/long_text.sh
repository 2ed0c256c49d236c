#!/usr/bin/env bash
# Long text: a plan whose budget table has a note of one 5 MB word and a note of one 5 MB
# paragraph renders, every character on its page. Line breaking is linear (a few seconds
# here); the timeout only guards against a hang, speed is measured by bench/bench-long-text.sh.
#   bash tests/scripts/long_text.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

word=administrationfederale # one run of letters: cut, never hyphenated
# Words that hyphenate at line ends (a split used to move every later atom).
para="l'administration fédérale belge évalue chaque année ses objectifs stratégiques "
bytes=5000000
wreps=$((bytes / $(printf %s "$word" | wc -c)))
preps=$((bytes / $(printf %s "$para" | wc -c)))
# The base plan with two notes before the end of its table.
awk -v w="$word" -v p="$para" -v wn="$wreps" -v pn="$preps" '
  /<\/table>/ {
    printf "      <note>"; for (i = 0; i < wn; i++) printf "%s", w; print "</note>"
    printf "      <note>"; for (i = 0; i < pn; i++) printf "%s", p; print "</note>"
  }
  { print }' "$src/tests/fail/base-plan.xml" >"$tmp/plan.xml"

timeout 120 "$rapport" render --kind budget --lang fr "$tmp/plan.xml" -o "$tmp/out.pdf" 2>"$tmp/err"
rc=$?
if [ $rc != 0 ]; then
  fail "render: exit $rc$( [ $rc = 124 ] && echo ', timed out') ($(tail -3 "$tmp/err"))"
  exit $status
fi
pages=$(pdfinfo "$tmp/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -gt 500 ] || fail "only ${pages:-no} pages for 10 MB of text"

# Every character kept: the word's pieces, one a line, put back together give the word as
# many times as it was written; so do the paragraph's words, but for those hyphenated at
# the foot of a page (pdftotext joins the hyphenated ends of lines within a page only).
pdftotext "$tmp/out.pdf" "$tmp/out.txt" 2>/dev/null || fail "pdftotext"
got=$(grep -E "^[a-z]+$" "$tmp/out.txt" | tr -d '\n' | grep -o "$word" | wc -l)
[ "$got" = "$wreps" ] || fail "the word is there $got times, expected $wreps"
tr ' ' '\n' <"$tmp/out.txt" >"$tmp/words.txt"
# The French apostrophe is printed typographic (l’administration), as the edition sets it.
for w in "l’administration" fédérale objectifs stratégiques; do
  got=$(grep -cx "$w" "$tmp/words.txt")
  [ "$got" -le "$preps" ] && [ "$got" -ge $((preps - pages)) ] ||
    fail "'$w' is there $got times, expected $preps (less one a page at most)"
done
exit $status
