#!/usr/bin/env bash
# Tagged PDF (PDF/UA-1) as an independent reader sees it: pdf.js (pdfjs-dist, pinned in
# tests/js) reads the structure tree, the marked content and the annotations of every PDF of
# input/, and tests/scripts/lib/structtree.mjs checks them (its header says what). It needs
# Node.js and tests/js's packages, which tests/run-all.sh installs: without them the test
# fails rather than pass unchecked.
. "${BASH_SOURCE%/*}/lib/common.sh"
command -v node >/dev/null ||
  fail "node is not installed (apt-get install nodejs npm, then npm ci --prefix tests/js)"
[ -f "$src/tests/js/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ] ||
  fail "tests/js/node_modules/pdfjs-dist is missing: run npm ci --prefix tests/js"
"$rapport" build -q -j2 "$src/input" -o "$tmp/out" 2>/dev/null || fail "build"
cd "$tmp/out" || exit 2
mapfile -t pdfs < <(find . -name '*.pdf' | sed 's|^\./||' | sort)
[ "${#pdfs[@]}" -ge 40 ] || fail "${#pdfs[@]} PDFs in the build, 40 at least expected"
timeout 600 node "$src/tests/scripts/lib/structtree.mjs" -- "${pdfs[@]}" ||
  fail "pdf.js finds the structure of the PDFs above wanting"
