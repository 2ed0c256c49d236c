#!/usr/bin/env bash
# Interruptions: a build killed with SIGKILL at several moments never leaves a partial or
# corrupt file under a final name, and the next run finishes the work (its result equals an
# uninterrupted build). SIGTERM stops a build cleanly: exit 1, no temporary file, the
# finished documents recorded.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
bash "$src/bench/gen-tree.sh" 6 in "$src/input" || fail "generator"

start=$EPOCHREALTIME
"$rapport" build -q -j2 in -o ref 2>/dev/null || fail "reference build"
# The moments of the kills are fractions of this build's time, so that they fall during a
# build however fast it is on this machine.
took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')
at() { awk -v t="$took" -v f="$1" 'BEGIN { printf "%.3f", t * f }'; }

# Every PDF under a final name must be complete.
check_complete() {
  local f
  while IFS= read -r f; do
    tail -c 32 "$f" | grep -q '%%EOF' || fail "partial file under a final name: $f"
  done < <(find "$1" -name '*.pdf' ! -name '.rapport-tmp.*')
  if [ -e "$1/manifest.xml" ]; then
    xmllint --noout "$1/manifest.xml" 2>/dev/null || fail "corrupt manifest after a kill"
  fi
}

wait_unlocked() { # the killed build's workers die with it; wait until they are gone
  for _ in $(seq 100); do
    flock -n "$1/.rapport.lock" true 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the lock of $1 is still held after the build was killed"
}

for delay in $(at 0.1) $(at 0.3) $(at 0.55) $(at 0.8); do
  "$rapport" build -q -j2 in -o out 2>/dev/null &
  pid=$!
  sleep $delay
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  wait_unlocked out
  check_complete out
done
"$rapport" build -j2 in -o out 2>log || fail "the run after the kills exited $? ($(tail -3 log))"
[ -z "$(find out -name '.rapport-tmp.*')" ] || fail "temporary files left after the rerun"
diff -r -x .rapport.lock ref out >/dev/null || fail "the rerun does not match an uninterrupted build"
echo "SIGKILL x4 then rerun: $(grep -c '^built' log) documents rebuilt, output identical"

# clean_stop SIG DIR LOG: a build into DIR stopped by SIG halfway exits 1, says it was
# interrupted, leaves no temporary file, a manifest and only complete PDFs.
clean_stop() {
  rm -rf "$2"
  "$rapport" build -j2 in -o "$2" 2>"$3" &
  local pid=$! rc
  sleep "$(at 0.5)"
  kill -"$1" $pid
  wait $pid
  rc=$?
  [ $rc -eq 1 ] || fail "SIG$1: exit $rc, expected 1"
  grep -q "interrupted" "$3" || fail "SIG$1: no message ($(tail -2 "$3"))"
  [ -z "$(find "$2" -name '.rapport-tmp.*')" ] || fail "SIG$1 left temporary files"
  [ -s "$2/manifest.xml" ] || fail "SIG$1: no manifest"
  check_complete "$2"
}

# SIGTERM: a clean stop, and the rerun finishes the work.
clean_stop TERM out2 log2
# (Publications not produced are recorded too, without a file: they say "omitted", not
# "unchanged", every run.)
done_before=$(grep -c '<document [^>]*format="pdf"[^>]*file=' out2/manifest.xml) # one entry per format
"$rapport" build -j2 in -o out2 2>log3 || fail "rerun after SIGTERM"
[ "$(grep -c '^unchanged' log3)" -eq "$done_before" ] || fail "finished documents were redone"
diff -r -x .rapport.lock ref out2 >/dev/null || fail "rerun after SIGTERM differs"
echo "SIGTERM: exit 1, $done_before documents kept, rerun completes"

# SIGHUP (a closed terminal, a dropped ssh session) stops as cleanly as SIGTERM.
clean_stop HUP out3 log4

# render: a signal while the PDF is written leaves no temporary file.
bash "$src/bench/gen-plan.sh" 1 1 40000 > big.xml || fail "generator"
for sig in INT TERM HUP; do
  "$rapport" render --kind budget --lang fr big.xml -o big.pdf 2>/dev/null &
  pid=$!
  sleep 0.6
  kill -$sig $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ -z "$(ls -A | grep rapport-tmp)" ] || fail "render: SIG$sig left $(ls -A | grep rapport-tmp)"
done
echo "SIGHUP: exit 1, manifest written; render leaves no temporary file on INT, TERM, HUP"
echo "ok"
