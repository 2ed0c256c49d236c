#!/usr/bin/env bash
# Input limits enforced before libxml2 parses, and inputs that are not regular files: each is
# refused quickly with a clear message and exit 1. The timeouts only guard against a hang.
set -u
rapport=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# expect FILE STATUS PATTERN: `rapport check FILE` exits STATUS within 20 s and its
# diagnostics match PATTERN (grep -E).
expect() {
  local out status
  out=$(timeout 20 "$rapport" check "$1" 2>&1)
  status=$?
  if [ "$status" != "$2" ]; then echo "FAIL $1: exit $status, expected $2"; echo "$out" | head -3; failed=1; return; fi
  if ! printf '%s\n' "$out" | grep -Eq "$3"; then echo "FAIL $1: no diagnostic matching /$3/"; echo "$out" | head -3; failed=1; fi
}

# Attributes: libxml2 compares each with every earlier one (100,000 took 138 s).
for n in 100000 1000000; do
  awk -v n=$n 'BEGIN { printf "<?xml version=\"1.0\"?>\n<plan id=\"p\" kind=\"strategic-plan\"";
    for (i = 0; i < n; i++) printf " a%d=\"v\"", i; print ">\n</plan>" }' > "$tmp/attrs-$n.xml"
  expect "$tmp/attrs-$n.xml" 1 "attrs-$n.xml:2:1: error: element has more than 256 attributes$"
done
# The same in UTF-16, which a byte scan would otherwise miss.
iconv -f UTF-8 -t UTF-16 "$tmp/attrs-100000.xml" > "$tmp/attrs-utf16.xml"
expect "$tmp/attrs-utf16.xml" 1 "attrs-utf16.xml:2:1: error: element has more than 256 attributes$"
# Namespace declarations: models need none; libxml2 searches those in scope for each name.
awk 'BEGIN { printf "<plan"; for (i = 0; i < 100; i++) printf " xmlns:n%d=\"urn:x:%d\"", i, i; print "/>" }' > "$tmp/ns.xml"
expect "$tmp/ns.xml" 1 "ns.xml:1:1: error: more than 64 namespace declarations in the document$"
# An encoding the scan cannot read is refused rather than trusted.
printf '<?xml version="1.0" encoding="UTF-32"?>\n<plan/>\n' > "$tmp/utf32.xml"
expect "$tmp/utf32.xml" 1 "utf32.xml:1:1: error: encoding not supported"
iconv -f UTF-8 -t UTF-32 tests/fail/base-plan.xml > "$tmp/ucs4.xml"
expect "$tmp/ucs4.xml" 1 "ucs4.xml:1:1: error: encoding not supported"

# Not regular files: a FIFO would block a reader forever, a directory is not "a read error".
mkfifo "$tmp/fifo.xml"
expect "$tmp/fifo.xml" 1 "^$tmp/fifo.xml: error: is not a regular file \(FIFO\)$"
mkdir "$tmp/dir.xml"
expect "$tmp/dir.xml" 1 "^$tmp/dir.xml: error: is a directory$"
out=$(timeout 20 "$rapport" render --kind budget --lang fr "$tmp/fifo.xml" -o "$tmp/out.pdf" 2>&1)
[ $? = 1 ] && printf '%s\n' "$out" | grep -q 'is not a regular file (FIFO)' ||
  { echo "FAIL render of a FIFO: $out"; failed=1; }
# Over the size limit: refused by its size, unread (a sparse file reads as 300 MB of NULs).
truncate -s 300M "$tmp/big.xml"
start=$(date +%s%N)
expect "$tmp/big.xml" 1 "^$tmp/big.xml: error: file larger than 256 MB refused$"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 5000 ] || { echo "FAIL big.xml: took $ms ms, as if read"; failed=1; }
# A symbolic link to a regular file is an ordinary input.
ln -s "$PWD/tests/fail/base-plan.xml" "$tmp/link.xml"
expect "$tmp/link.xml" 0 "^0 error\(s\), 0 warning\(s\)$"
exit $failed
