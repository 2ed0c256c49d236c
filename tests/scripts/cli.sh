#!/usr/bin/env bash
# The command line: help, version, exit statuses, and `check` over every file of input/.
set -u
rapport=$1
cd "$2" || exit 2
failed=0
expect() { # expect STATUS COMMAND...
  local want=$1; shift
  "$@" >/dev/null 2>&1
  local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: '$*' exited $got, expected $want"; failed=1; fi
}
expect 0 "$rapport" --help
expect 0 "$rapport" --version
expect 2 "$rapport"
expect 2 "$rapport" frobnicate
expect 2 "$rapport" check
expect 2 "$rapport" check --bogus input/chancellerie/plan.xml
expect 2 "$rapport" stats
expect 1 "$rapport" check does/not/exist.xml
"$rapport" --version | grep -Eq '^rapport [0-9]+\.[0-9]+\.[0-9]+$' || { echo "FAIL: --version"; failed=1; }
"$rapport" --help | grep -q 'Exit status' || { echo "FAIL: --help lacks exit statuses"; failed=1; }
# A missing file is reported as a located diagnostic and does not stop the others.
out=$("$rapport" check does/not/exist.xml tests/fail/malformed.xml 2>&1)
echo "$out" | grep -q '^does/not/exist.xml: error: cannot open' || { echo "FAIL: missing file message"; failed=1; }
echo "$out" | grep -q '^tests/fail/malformed.xml:3:26: error:' || { echo "FAIL: second file not checked"; failed=1; }
# Every model of input/ passes (warnings allowed).
files=$(find input -name '*.xml' | sort)
if ! "$rapport" check $files 2>/tmp/rapport-check.$$; then
  echo "FAIL: rapport check input/"; cat /tmp/rapport-check.$$; failed=1
fi
rm -f /tmp/rapport-check.$$
# An evaluation checked alone brings the plan beside it, whose problems are reported too;
# the count line ends every run, a clean one included.
out=$("$rapport" check input/chancellerie/evaluation-2023.xml 2>&1)
echo "$out" | grep -q '^input/chancellerie/plan.xml:[0-9]*:[0-9]*: warning: ' ||
  { echo "FAIL: check EVAL does not report its plan's warnings"; failed=1; }
[ "$(echo "$out" | tail -1)" = "0 error(s), 3 warning(s)" ] ||
  { echo "FAIL: check EVAL ends with '$(echo "$out" | tail -1)'"; failed=1; }
out=$("$rapport" check input/chancellerie/evaluation-2020.xml 2>&1)
[ "$out" = "0 error(s), 0 warning(s)" ] || { echo "FAIL: a clean check says '$out'"; failed=1; }
exit $failed
