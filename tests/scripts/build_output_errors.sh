#!/usr/bin/env bash
# Exit 3 when OUTPUT_DIR cannot be written or another build holds its lock; nothing is
# written in either case.
#
# Read-only output: root ignores permission bits, so as root the check runs the build as
# 'nobody' (setpriv) on a directory owned by root; as another user, chmod a-w suffices. A
# path under a regular file is checked in both cases.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cd "$tmp" || exit 2
fail() { echo "FAIL: $*"; exit 1; }

# 1. OUTPUT_DIR under a regular file: it cannot even be created.
touch afile
"$rapport" build "$src/input" -o afile/out 2>log
rc=$?
[ $rc -eq 3 ] || fail "output under a file: exit $rc, expected 3"
grep -q "output directory" log || fail "message: $(cat log)"

# 2. A read-only output directory.
mkdir ro
if [ "$(id -u)" = 0 ]; then
  run_ro() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
  run_ro "$rapport" --version >/dev/null 2>&1 ||
    { echo "SKIP read-only part: 'nobody' cannot run $rapport"; ro_skip=1; }
else
  chmod a-w ro
  run_ro() { "$@"; }
fi
if [ -z "${ro_skip:-}" ]; then
  run_ro "$rapport" build "$src/input" -o "$tmp/ro" 2>log
  rc=$?
  [ $rc -eq 3 ] || fail "read-only output: exit $rc, expected 3 ($(cat log))"
  grep -q "not writable" log || fail "message: $(cat log)"
  [ -z "$(ls -A ro)" ] || fail "something was written in the read-only directory"
  echo "read-only directory: exit 3"
fi

# 3. The lock held by another process: exit 3 at once, with a clear message.
mkdir locked
exec 9>locked/.rapport.lock
flock -n 9 || fail "cannot take the lock for the test"
start=$(date +%s)
"$rapport" build "$src/input" -o locked 9>&- 2>log
rc=$?
exec 9>&-
[ $rc -eq 3 ] || fail "lock held: exit $rc, expected 3"
[ $(($(date +%s) - start)) -le 5 ] || fail "waited for the lock instead of exiting"
grep -q "another build" log || fail "message: $(cat log)"
[ ! -e locked/manifest.xml ] || fail "wrote a manifest without the lock"

# 4. Once the lock is free the same directory builds.
"$rapport" build -q --kind budget "$src/input" -o locked 2>log || fail "after the lock: $(cat log)"
echo "ok"
