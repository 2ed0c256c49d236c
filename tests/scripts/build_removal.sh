#!/usr/bin/env bash
# Documents whose sources disappeared leave the output (both editions), the manifest and the
# index; the others stay untouched. Every run here allows the fallback, so that the Dutch
# publications exist whatever the state of the translations of input/.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
cp -r "$src/input" in
"$rapport" build -q -j2 --allow-fallback in -o out 2>/dev/null || fail "first build"
inode=$(stat -c %i out/capac/budget-2022-2025.fr.pdf)

# One evaluation goes (when evaluations are rendered), then a whole organisation.
rm in/chancellerie/evaluation-2020.xml
rm -r in/interieur
"$rapport" build -j2 --allow-fallback in -o out 2>log || fail "second build exited $?"
[ -z "$(ls out/chancellerie/evaluation-2020.* out/review/chancellerie/evaluation-2020.* 2>/dev/null)" ] ||
  fail "evaluation-2020 kept"
[ ! -e out/interieur ] || fail "interieur's directory kept"
[ ! -e out/review/interieur ] || fail "interieur's review directory kept"
grep -q 'interieur' out/manifest.xml && fail "interieur still in the manifest"
grep -q 'interieur' out/index.html && fail "interieur still in the index"
grep -q 'evaluation-2020' out/manifest.xml out/index.html && fail "evaluation-2020 still listed"
grep -q "^removed *interieur/budget-2022-2024.fr.pdf" log || fail "no 'removed' line"
grep -q "^removed *review/interieur/budget-2022-2024.nl.pdf" log || fail "no 'removed' line (review)"
[ "$(stat -c %i out/capac/budget-2022-2025.fr.pdf)" = "$inode" ] || fail "capac rewritten"
[ -s out/chancellerie/budget-2022-2024.nl.pdf ] || fail "chancellerie's plan documents lost"
[ -s out/review/chancellerie/budget-2022-2024.nl.pdf ] || fail "chancellerie's review documents lost"

# Filters never remove: --lang fr keeps the Dutch documents, --edition publication the review
# editions.
"$rapport" build -q --allow-fallback --lang fr --kind budget --edition publication in -o out \
  2>/dev/null || fail "filtered build"
[ -s out/capac/budget-2022-2025.nl.pdf ] || fail "--lang fr removed a Dutch document"
grep -q 'file="capac/budget-2022-2025.nl.pdf"' out/manifest.xml || fail "nl entry dropped"
[ -s out/review/capac/budget-2022-2025.fr.pdf ] || fail "--edition publication removed a review"
grep -q 'file="review/capac/budget-2022-2025.fr.pdf"' out/manifest.xml || fail "review entry dropped"
echo "ok"
