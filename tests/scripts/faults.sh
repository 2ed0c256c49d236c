#!/usr/bin/env bash
# Faults: a file-size limit (the disk fills up), no usable font, a missing templates
# directory, an input removed during a build, and SIGKILL at random points of builds repeated
# many times. Each time: the right exit status, nothing partial under a final name (every PDF
# passes qpdf --check, no temporary file survives a finished run), and the next run recovers
# to exactly what a clean build produces.
set -u
rapport=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# Every PDF under a final name is whole.
all_whole() {
  local f
  for f in $(find "$1" -name '*.pdf' ! -name '.rapport-tmp*'); do
    qpdf --check "$f" >/dev/null 2>&1 || { fail "$2: $f is not a whole PDF"; return; }
  done
}

"$rapport" build -q -j2 "$src/input" -o "$tmp/clean" || fail "clean build"
clean_sums=$(cd "$tmp/clean" && find . -name '*.pdf' | sort | xargs sha256sum)

# 1. The disk fills up: a 24 KB file-size limit stops every PDF (all are larger: the
# smallest, a subset-font communication summary, is about 32 KB).
(ulimit -f 24; "$rapport" build -q -j2 "$src/input" -o "$tmp/full" >"$tmp/full.log" 2>&1)
status=$?
[ "$status" = 1 ] || fail "file-size limit: exit $status, expected 1"
grep -q "File size limit exceeded" "$tmp/full.log" || fail "file-size limit: no clear message"
[ -z "$(find "$tmp/full" -name '*.pdf' ! -name '.rapport-tmp*')" ] || fail "file-size limit: a PDF appeared"
"$rapport" build -q -j2 "$src/input" -o "$tmp/full" || fail "recovery after the full disk"
[ "$(cd "$tmp/full" && find . -name '*.pdf' | sort | xargs sha256sum)" = "$clean_sums" ] ||
  fail "recovery after the full disk differs from a clean build"

# The PDF library's failures are said in words, on the final path, never as a raw code:
# a write that fails (SIGXFSZ ignored: write() returns EFBIG) and too few descriptors.
out=$( (trap '' XFSZ; ulimit -f 20; "$rapport" render --kind budget --lang fr \
  "$src/input/capac/plan.xml" -o "$tmp/big.pdf") 2>&1 )
status=$?
[ "$status" = 1 ] || fail "file too large: exit $status, expected 1"
echo "$out" | grep -q "$tmp/big.pdf: error: cannot write: File too large" ||
  fail "file too large: $(echo "$out" | grep error)"
[ -z "$(ls -A "$tmp" | grep -e rapport-tmp -e '^big.pdf')" ] || fail "file too large: a file was left"
# Too few descriptors: rapport holds one file open at a time (each font file is read whole
# and closed), so a render needs little more than the dynamic loader; under any limit it
# either succeeds or says in words which file it could not open, never a raw library code.
for n in 4 5 6 7 8 10 12 16; do
  out=$( (ulimit -n $n; "$rapport" render --kind budget --lang fr "$src/input/capac/plan.xml" \
    -o "$tmp/fd.pdf") 2>&1 )
  status=$?
  # Too few for the dynamic loader to start rapport at all: not rapport's to word.
  [ $status = 127 ] && echo "$out" | grep -q "error while loading shared libraries" && continue
  echo "$out" | grep -q "0x[0-9A-F]\{4\}" && fail "$n descriptors: a raw library code: $out"
  [ $status = 0 ] || echo "$out" | grep -q "error: .*Too many open files" ||
    fail "$n descriptors: exit $status without a worded reason: $(echo "$out" | grep -v warning)"
done
[ $status = 0 ] || fail "16 descriptors are not enough for a render"

# 2. No usable font: a clear error, exit 1, no file.
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s/nofonts</dir><cachedir>%s/fc</cachedir></fontconfig>\n' \
  "$tmp" "$tmp" > "$tmp/fonts.conf"
out=$(FONTCONFIG_FILE="$tmp/fonts.conf" "$rapport" render --kind budget --lang fr \
  "$src/input/capac/plan.xml" -o "$tmp/nofont.pdf" 2>&1)
status=$?
[ "$status" = 1 ] || fail "missing font: exit $status, expected 1"
echo "$out" | grep -q "error: no TrueType .* face found" || fail "missing font: no clear message"
[ -z "$(ls "$tmp"/nofont.pdf* 2>/dev/null)" ] || fail "missing font: a file was left"

# 3. A templates directory that does not exist.
"$rapport" build -q --templates "$tmp/none" "$src/input" -o "$tmp/notpl" >/dev/null 2>&1
status=$?
[ "$status" != 0 ] || fail "missing templates directory accepted"
[ -z "$(find "$tmp/notpl" -name '*.pdf' 2>/dev/null)" ] || fail "missing templates: PDFs produced"

# 4. An input removed while a build runs: the build ends with 0 or 1, never a partial file,
#    and the next run removes the documents of the vanished plan.
cp -r "$src/input" "$tmp/moving"
"$rapport" build -q -j2 "$tmp/moving" -o "$tmp/moved" >/dev/null 2>&1 &
pid=$!
sleep 0.3
rm -f "$tmp/moving/interieur/plan.xml"
wait $pid
status=$?
[ "$status" = 0 ] || [ "$status" = 1 ] || fail "input removed: exit $status"
all_whole "$tmp/moved" "input removed"
"$rapport" build -q -j2 "$tmp/moving" -o "$tmp/moved" >/dev/null 2>&1
[ -z "$(find "$tmp/moved/interieur" -name 'budget-*' 2>/dev/null)" ] ||
  fail "input removed: the vanished plan's documents stayed"

# 5. SIGKILL at random points, ten times in a row, then one run to the end.
for i in $(seq 1 10); do
  setsid "$rapport" build -q -j2 --force "$src/input" -o "$tmp/killed" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -KILL -- -"$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  all_whole "$tmp/killed" "SIGKILL $i"
done
"$rapport" build -q -j2 "$src/input" -o "$tmp/killed" || fail "the run after the kills"
[ -z "$(find "$tmp/killed" -name '.rapport-tmp*')" ] || fail "temporary files survived"
[ "$(cd "$tmp/killed" && find . -name '*.pdf' | sort | xargs sha256sum)" = "$clean_sums" ] ||
  fail "after the kills the output differs from a clean build"
exit $failed
