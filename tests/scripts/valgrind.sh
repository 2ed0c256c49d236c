#!/usr/bin/env bash
# valgrind memcheck (no invalid access, no definite leak) over the unit tests and one run
# of every command and document kind. Skipped (exit 77) in the sanitizer build, which checks the same
# things its own way and cannot run under valgrind.
set -u
rapport=$1
cd "$2" || exit 2
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
if ldd "$rapport" | grep -q libasan; then echo "sanitizer build: valgrind skipped"; exit 77; fi
vg=(valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite
    --suppressions=tests/valgrind.supp)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
run() {
  "${vg[@]}" "$@" >"$tmp/out" 2>&1
  if [ $? = 9 ]; then echo "FAIL valgrind: $*"; grep '==' "$tmp/out" | head -30; failed=1; fi
}
for t in "$(dirname "$rapport")"/tests/test_*; do run "$t"; done
run "$rapport" check input/capac/plan.xml input/capac/evaluation-2023.xml tests/fail/malformed.xml
run "$rapport" render --kind budget --lang fr input/interieur/plan.xml -o "$tmp/b.pdf"
run "$rapport" render --kind evaluation --lang nl input/capac/plan.xml input/capac/evaluation-2022.xml input/capac/evaluation-2023.xml -o "$tmp/e.pdf"
run "$rapport" render --kind communication --lang fr input/interieur/plan.xml input/interieur/evaluation-2023.xml -o "$tmp/c.pdf"
run "$rapport" render --kind evaluation --lang fr input/chancellerie/evaluation-2020.xml -o "$tmp/a.pdf"
exit $failed
