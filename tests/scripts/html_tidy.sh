#!/usr/bin/env bash
# The HTML edition is valid HTML5 as HTML Tidy reads it: Debian's tidy (5.6, which knows
# HTML5) reads every .html of a build of input/ (--format html: publications, review/ and
# index.html). Every error fails, and so does every warning about markup a browser has to
# repair (tests/scripts/lib/html.sh, tidy_check, lists them: Tidy calls an unclosed <div> a
# warning); Tidy's other warnings are counted. The check is first shown to work: a clean
# hand-written page passes, a page with a <div> left open and one with an unknown element and
# a duplicate id fail. tidy is in .ci/packages: without it the test fails rather than pass
# unchecked.
. "${BASH_SOURCE%/*}/lib/common.sh"
lib=$src/tests/scripts/lib
. "$lib/html.sh"
require_tidy

# The self-test.
mkdir "$tmp/fx"
html_fixtures "$tmp/fx"
out=$(cd "$tmp/fx" && tidy_check clean.html) || { echo "$out"; fail "self-test: tidy_check finds fault with the clean page"; }
for f in tidy-unclosed:MISSING_ENDTAG tidy-unknown:ANCHOR_NOT_UNIQUE; do
  out=$(cd "$tmp/fx" && tidy_check "${f%%:*}.html") &&
    { echo "$out"; fail "self-test: tidy_check passes ${f%%:*}.html"; }
  grep -q "(${f#*:}" <<<"$out" || { echo "$out"; fail "self-test: tidy_check does not report ${f#*:} in ${f%%:*}.html"; }
done
echo "self-test: tidy_check passes the clean page and fails the unclosed <div> and the duplicate id"

require_html "$rapport"
"$rapport" build -q -j2 --format html "$src/input" -o "$tmp/out" 2>"$tmp/log" ||
  fail "build --format html exited $? ($(tail -3 "$tmp/log"))"
cd "$tmp/out" || exit 2
mapfile -t pages < <(find . -name '*.html' | sed 's|^\./||' | sort)
[ "${#pages[@]}" -ge 41 ] || fail "${#pages[@]} HTML files in the build, 41 at least expected (40 documents and the index)"
[ -f index.html ] || fail "the build wrote no index.html"
if ! tidy_check "${pages[@]}" >"$tmp/report"; then
  head -200 "$tmp/report"
  fail "HTML Tidy finds errors or invalid markup in the HTML files above"
fi
tail -1 "$tmp/report"
echo "ok: ${#pages[@]} HTML files, no error"
