#!/usr/bin/env bash
# Long-lived workers: a build runs its documents on at most -j worker processes (not one
# process per document), and a worker killed half-way fails at most the document it was
# making: another worker takes its place, every other document is built (a failed one keeps
# its previous file), and the next run succeeds.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail() { echo "FAIL: $*"; exit 1; }
command -v pgrep >/dev/null || { echo "SKIP: no pgrep"; exit 77; }
bash "$src/bench/gen-tree.sh" 3 in "$src/input" || fail "generator"

# The processes under the build while it runs: its workers.
"$rapport" build -q -j2 --format pdf in -o out 2>log &
pid=$!
seen=""
# Until the manifest is written, after the workers end (a sanitizer's leak check may then
# start a process of its own).
while kill -0 $pid 2>/dev/null && [ ! -e out/manifest.xml ]; do
  seen="$seen $(pgrep -P $pid)"
  sleep 0.01
done
wait $pid || fail "build exited $? ($(tail -3 log))"
n=$(echo $seen | tr ' ' '\n' | sort -u | grep -c .)
[ "$n" -ge 1 ] || fail "no worker seen"
[ "$n" -le 2 ] || fail "$n worker processes for -j2, one per document?"
built=$(grep -c '<document .*file=' out/manifest.xml)
[ "$built" -gt 20 ] || fail "only $built documents built"

# A worker killed during a build: at most its document fails, the others are built.
"$rapport" build -j2 --force --format pdf in -o out >log 2>&1 &
pid=$!
victim=""
for _ in $(seq 500); do
  victim=$(pgrep -P $pid | head -1)
  [ -n "$victim" ] && break
  sleep 0.01
done
[ -n "$victim" ] || fail "no worker to kill"
sleep 0.2
kill -KILL "$victim" 2>/dev/null
wait $pid
rc=$?
failed=$(grep -c '^FAILED' log)
[ "$failed" -le 1 ] || fail "$failed documents failed after one worker was killed: $(grep -A1 '^FAILED' log)"
if [ "$failed" = 1 ]; then
  [ $rc -ne 0 ] || fail "a failed document but exit status 0"
  grep -q 'worker process died' log || fail "the failure does not say the worker died: $(grep -A2 '^FAILED' log)"
fi
now=$(grep -c '<document .*file=' out/manifest.xml)
[ $((now + failed)) -ge "$built" ] || fail "$now documents built after the kill, $built before"
"$rapport" build -j2 --format pdf in -o out >log 2>&1 || fail "the run after the kill exited $? ($(tail -3 log))"
grep -q " 0 failed," log || fail "the run after the kill: $(tail -1 log)"
[ "$(grep -c '<document .*file=' out/manifest.xml)" = "$built" ] || fail "documents missing after the rerun"
ls out/*/.*tmp* out/review/*/.*tmp* 2>/dev/null | grep -q . && fail "temporary files left"
echo ok
