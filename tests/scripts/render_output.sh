#!/usr/bin/env bash
# render -o never destroys what it would write over: one of its inputs (under any name or
# through a link), a FIFO, a device node, a directory; it never waits on a FIFO; its
# temporary file is not left behind by a signal.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
cp "$src/input/capac/plan.xml" p.xml
sum=$(sha256sum < p.xml)
render() { timeout 30 "$rapport" render --kind budget --lang fr p.xml -o "$@"; }

render p.xml 2>log; rc=$?
[ $rc = 2 ] || fail "-o the plan itself: exit $rc, expected 2"
grep -q "the output p.xml is one of the inputs: not overwritten" log || fail "$(cat log)"
ln -s p.xml link.pdf
render link.pdf 2>log; rc=$?
[ $rc = 2 ] || fail "-o a link to the plan: exit $rc"
ln p.xml hard.pdf
render hard.pdf 2>log; rc=$?
[ $rc = 2 ] || fail "-o a hard link to the plan: exit $rc"
[ "$(sha256sum < p.xml)" = "$sum" ] || fail "the plan was changed"

mkfifo fifo
render fifo 2>log; rc=$?
[ $rc = 2 ] || fail "-o a FIFO: exit $rc, expected 2"
grep -q "exists and is not a regular file: not replaced" log || fail "FIFO: $(cat log)"
[ -p fifo ] || fail "the FIFO was replaced"
mkdir dir.pdf
render dir.pdf 2>/dev/null; rc=$?
[ $rc = 2 ] && [ -d dir.pdf ] || fail "-o a directory: exit $rc"
if [ "$(id -u)" = 0 ]; then
  mknod null c 1 3
  render null 2>/dev/null; rc=$?
  [ $rc = 2 ] && [ -c null ] || fail "-o a device node: exit $rc"
fi
echo old > link-target && ln -s link-target other.pdf
render other.pdf 2>/dev/null; rc=$?
[ $rc = 2 ] && [ "$(cat link-target)" = old ] || fail "-o a symbolic link: exit $rc"

# A regular file is replaced, atomically, and nothing temporary stays.
echo old > out.pdf
render out.pdf 2>/dev/null || fail "-o a regular file: exit $?"
head -c 5 out.pdf | grep -q '%PDF-' || fail "out.pdf is not a PDF"
"$rapport" render --kind budget --lang fr p.xml --text -o out.txt 2>/dev/null || fail "--text: exit $?"
grep -q . out.txt || fail "--text wrote nothing"
[ -z "$(ls -A | grep rapport-tmp)" ] || fail "temporary files left: $(ls -A)"
echo ok
