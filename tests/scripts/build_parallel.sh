#!/usr/bin/env bash
# The output does not depend on the number of workers: -j1, -j2 and -j4 give
# byte-identical trees (documents, manifest and index).
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
for j in 1 2 4; do
  "$rapport" build -q -j$j "$src/input" -o out$j 2>log$j || fail "-j$j exited $? ($(cat log$j))"
done
diff -r -x .rapport.lock out1 out2 >/dev/null || fail "-j1 and -j2 differ"
diff -r -x .rapport.lock out1 out4 >/dev/null || fail "-j1 and -j4 differ"
echo "ok: $(find out1 -name '*.pdf' | wc -l) documents identical with 1, 2 and 4 workers"
