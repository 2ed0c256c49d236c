#!/usr/bin/env bash
# A theme's logo is decoded in full when the templates load: a truncated or corrupt PNG
# (which made libharu abort the process), a truncated JPEG (which libharu embedded as is, in
# a PDF whose image could not be decoded) and a PNG claiming 20000 × 20000 pixels (20 s and
# 1.2 GB per document) are located errors; render exits 1, build 2, and no PDF is written.
# The images are cut from tests/data/logo.{png,jpg} with head and dd.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
failed=0
fail() { echo "FAIL: $*"; failed=1; }
plan=$src/input/capac/plan.xml

# templates_with LOGO_FILE: a copy of the default templates whose theme names that logo.
templates_with() {
  rm -rf t
  cp -r "$src/templates/default" t
  cp "$1" t/
  sed -i "s|  <colour name=\"text\"|  <logo file=\"$(basename "$1")\" width=\"150\" height=\"50\"/>\n  <colour name=\"text\"|" \
    t/theme.xml
}

# refused FILE MESSAGE: render and build both refuse the templates, naming the logo.
refused() {
  templates_with "$1"
  local name
  name=$(basename "$1")
  "$rapport" render --templates t --kind budget --lang fr "$plan" -o doc.pdf >out 2>&1
  local rc=$?
  [ $rc -eq 1 ] || fail "$name: render exited $rc, expected 1"
  grep -q "^t/theme.xml:[0-9]*:[0-9]*: error: the logo t/$name cannot be used: .*$2" out ||
    fail "$name: render message: $(cat out)"
  [ ! -e doc.pdf ] || fail "$name: render wrote a PDF"
  "$rapport" build -q --templates t "$src/input" -o built >out 2>&1
  rc=$?
  [ $rc -eq 2 ] || fail "$name: build exited $rc, expected 2"
  grep -q "error: the logo t/$name cannot be used: .*$2" out || fail "$name: build message: $(cat out)"
  [ -z "$(find built -name '*.pdf' 2>/dev/null)" ] || fail "$name: build wrote a PDF"
  rm -rf built
}

# The valid logos still render (templates.sh checks the images in the PDF).
for logo in "$src/tests/data/logo.png" "$src/tests/data/logo.jpg"; do
  templates_with "$logo"
  "$rapport" render --templates t --kind budget --lang fr "$plan" -o ok.pdf 2>/dev/null ||
    fail "$(basename "$logo"): render failed"
  [ -s ok.pdf ] || fail "$(basename "$logo"): no PDF"
  rm -f ok.pdf
done

png=$src/tests/data/logo.png jpg=$src/tests/data/logo.jpg
head -c 1000 "$png" >cut.png
refused cut.png "the PNG data is invalid (the file ends too early)"
head -c $(($(stat -c %s "$png") - 12)) "$png" >noiend.png
refused noiend.png "the file ends too early"
cp "$png" crc.png # a flipped byte in the palette chunk
printf '\125' | dd of=crc.png bs=1 seek=100 conv=notrunc status=none
refused crc.png "the PNG data is invalid (PLTE: CRC error)"
cp "$png" idat.png # garbage in the compressed pixels
head -c 400 /dev/zero | tr '\0' '\245' | dd of=idat.png bs=1 seek=700 conv=notrunc status=none
refused idat.png "the PNG data is invalid (IDAT: "
# A valid IHDR (right CRC) claiming 20000 × 20000, followed by the logo's few kB of data.
{ printf '\211PNG\r\n\032\n'
  printf '0000000d4948445200004e2000004e200803000000d4aeb60b' | sed 's/../\\x&/g' | xargs -0 printf
  tail -c +34 "$png"; } >huge.png
start=$(date +%s%N)
refused huge.png "it is 20000 × 20000 pixels; at most 10000 a side and 4194304 in all"
ms=$((($(date +%s%N) - start) / 1000000))
[ $ms -lt 5000 ] || fail "huge.png: refusing it took $ms ms"
head -c $(($(stat -c %s "$jpg") - 300)) "$jpg" >cut.jpg
refused cut.jpg "the JPEG data is invalid (Premature end of JPEG file)"
exit $failed
