#!/usr/bin/env bash
# rapport build, end to end over input/: every document produced (a publication, or the
# reason it is not, and a review edition) as a PDF and as an HTML page, the manifest lists
# each file with its media type and the index links both; a second run rewrites nothing;
# --force rewrites everything.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2 # no ./templates here: the run does not depend on the caller's directory

"$rapport" build -j2 "$src/input" -o out 2>log || fail "first build exited $? ($(tail -3 log))"
for f in chancellerie/budget-2022-2024 interieur/budget-2022-2024 capac/budget-2022-2025; do
  [ -s "out/$f.fr.pdf" ] || fail "missing out/$f.fr.pdf"
  for l in fr nl; do
    [ -s "out/review/$f.$l.pdf" ] || fail "missing out/review/$f.$l.pdf"
    # The Dutch publication exists when its translation is complete, else the log says why.
    [ -s "out/$f.$l.pdf" ] || grep -q "^omitted  *$f.$l  not produced: " log ||
      fail "out/$f.$l.pdf neither produced nor explained"
  done
done
pdfs=$(cd out && find . -name '*.pdf' | sed 's|^\./||' | sort)
count=$(echo "$pdfs" | grep -c .)
[ "$count" -ge 12 ] || fail "only $count PDFs"
htmls=$(cd out && find . -name '*.html' ! -name index.html | sed 's|^\./||' | sort)
[ "$htmls" = "$(echo "$pdfs" | sed 's/\.pdf$/.html/')" ] || fail "not one .html beside every .pdf"
listed=$(grep -c '<document [^>]*file=' out/manifest.xml)
[ "$listed" -eq $((2 * count)) ] || fail "manifest lists $listed files, output has $count PDFs and as many pages"
# A publication not produced has an entry per format, each with the reason.
withheld=$(($(grep -c '<document [^>]*reason=' out/manifest.xml) / 2))
for p in $pdfs; do
  h=${p%.pdf}.html
  grep -q "media-type=\"application/pdf\" file=\"$p\"" out/manifest.xml ||
    fail "$p not in the manifest as application/pdf"
  grep -q "media-type=\"text/html; charset=utf-8\" file=\"$h\"" out/manifest.xml ||
    fail "$h not in the manifest as text/html"
  case "$p" in
    review/*) grep -q "href=\"$p\"\|href=\"$h\"" out/index.html && fail "$p (a review edition) linked" ;;
    *) grep -q "href=\"$p\"" out/index.html || fail "$p not linked from index.html"
       grep -q "href=\"$h\"" out/index.html || fail "$h not linked from index.html" ;;
  esac
  grep -q "^built *$p, \.html " log || fail "no log line for $p and its .html"
done
qpdf --check "out/chancellerie/budget-2022-2024.fr.pdf" >/dev/null 2>&1 || fail "qpdf --check"
[ -z "$(find out -name '.rapport-tmp.*')" ] || fail "temporary files left"
echo "$count documents, $withheld publications not produced"

# A second run: nothing rendered, nothing rewritten (same inodes and times, index too).
snapshot() { (cd out && find . -type f ! -name .rapport.lock -printf '%p %i %T@\n' | sort); }
before=$(snapshot)
sleep 1
"$rapport" build -j2 "$src/input" -o out 2>log2 || fail "second build exited $?"
[ "$before" = "$(snapshot)" ] || fail "the second run rewrote files"
np=""; [ "$withheld" -eq 0 ] || np=", $withheld not produced"
grep -q "0 built, $count unchanged, 0 removed, 0 failed$np\$" log2 ||
  fail "second run summary: $(tail -1 log2)"
[ "$(grep -c '^unchanged ' log2)" -eq "$count" ] || fail "one 'unchanged' line per document"

# -q: nothing at all when nothing failed.
"$rapport" build -q "$src/input" -o out 2>log3 || fail "quiet build exited $?"
[ ! -s log3 ] || fail "-q printed: $(cat log3)"

# --force renders everything again (new files, same bytes).
"$rapport" build --force -j2 "$src/input" -o out 2>log4 || fail "forced build exited $?"
grep -q "$count built, 0 unchanged" log4 || fail "forced summary: $(tail -1 log4)"
after=$(snapshot)
for p in $pdfs; do
  old=$(echo "$before" | grep "^\./$p " | cut -d' ' -f2)
  new=$(echo "$after" | grep "^\./$p " | cut -d' ' -f2)
  [ "$old" != "$new" ] || fail "--force did not rewrite $p"
done
"$rapport" build -j2 "$src/input" -o out 2>/dev/null || fail "build after --force"
echo "ok"
