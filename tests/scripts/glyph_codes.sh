#!/usr/bin/env bash
# Glyphs are shown by one-byte codes, and by two-byte ones past the first 188 glyphs of a
# face, mapped to the subset's glyph ids by an embedded CMap. A note with some 400 distinct
# letters (Latin, Greek, Cyrillic) in the regular face: the Encoding CMap of that face holds
# both code lengths, each code of the content decodes to a CID with its width in /W and to
# its character through ToUnicode, and the text comes back whole from pdftotext.
. "${BASH_SOURCE%/*}/lib/common.sh"
export LC_ALL=C.UTF-8

letters=$(python3 -c '
import unicodedata
cps = [c for r in ((0xC0, 0x250), (0x391, 0x3CA), (0x410, 0x450)) for c in range(*r)
       if c not in (0xD7, 0xF7) and unicodedata.category(chr(c)).startswith("L")]
print(" ".join("".join(chr(c) for c in cps[i:i + 12]) for i in range(0, len(cps), 12)))')
[ "$(printf '%s' "$letters" | tr -d ' ' | wc -m)" -gt 300 ] || fail "too few letters: $letters"
awk -v t="$letters" '/<\/table>/ { print "      <note>" t "</note>" } { print }' \
  "$src/tests/fail/base-plan.xml" >"$tmp/m.xml"
"$rapport" render --kind budget --lang fr "$tmp/m.xml" -o "$tmp/m.pdf" 2>"$tmp/err" ||
  fail "render: $(tail -3 "$tmp/err")"
! grep -q "glyph" "$tmp/err" || fail "warnings: $(cat "$tmp/err")"

pdffonts "$tmp/m.pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad = 1 }
  NR > 2 { n++ } END { exit bad || n == 0 }' || fail "a font is not an embedded subset with a Unicode map"
qpdf --check "$tmp/m.pdf" >"$tmp/qpdf" 2>&1 || fail "qpdf --check: $(cat "$tmp/qpdf")"
! grep -qi "warning" "$tmp/qpdf" || fail "qpdf warns: $(cat "$tmp/qpdf")"
pdftotext "$tmp/m.pdf" "$tmp/m.txt" 2>"$tmp/warn" || fail "pdftotext"
[ -s "$tmp/warn" ] && fail "pdftotext says: $(cat "$tmp/warn")"
tr -d ' \n' <"$tmp/m.txt" >"$tmp/flat"
for word in $letters; do
  grep -qF "$word" "$tmp/flat" || fail "\"$word\" is not in the extracted text"
done

/usr/bin/python3 - "$tmp/m.pdf" <<'PY' || exit 1
import re, sys
import pikepdf

def hexes(block, pattern):
    return re.findall(pattern, block)

pdf = pikepdf.open(sys.argv[1])
two_byte_seen = False
for page in pdf.pages:
    fonts = {str(k): v for k, v in page.Resources.get('/Font', {}).items()}
    info = {}
    for name, font in fonts.items():
        enc = font.get('/Encoding')
        if not isinstance(enc, pikepdf.Stream):
            sys.exit('FAIL: font %s has no embedded CMap: %r' % (name, enc))
        text = enc.read_bytes().decode('latin-1')
        space = [(len(lo) // 2, bytes.fromhex(lo), bytes.fromhex(hi)) for lo, hi in
                 re.findall(r'<([0-9A-F]+)> <([0-9A-F]+)>', text.split('endcodespacerange')[0])]
        cid = {int(c, 16): int(n) for c, n in re.findall(r'<([0-9A-F]+)> (\d+)\n', text)}
        tu = font.ToUnicode.read_bytes().decode('latin-1')
        uni = {int(c, 16): bytes.fromhex(u).decode('utf-16-be')
               for c, u in re.findall(r'<([0-9A-F]+)> <([0-9A-F]*)>\n', tu.split('endcodespacerange')[1])}
        w = {}
        arr = list(font.DescendantFonts[0].W)
        for i in range(0, len(arr), 2):
            for k, x in enumerate(arr[i + 1]):
                w[int(arr[i]) + k] = float(x)
        info[name] = (space, cid, uni, w)
    font = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == 'Tf':
            font = str(operands[0])
        elif op == 'TJ' and font in info:
            space, cid, uni, w = info[font]
            for el in operands[0]:
                if not isinstance(el, pikepdf.String):
                    continue
                b, i = bytes(el), 0
                while i < len(b):
                    for n, lo, hi in space:
                        c = b[i:i + n]
                        if len(c) == n and all(lo[k] <= c[k] <= hi[k] for k in range(n)):
                            break
                    else:
                        sys.exit('FAIL: byte %02X outside the code space' % b[i])
                    code = int.from_bytes(c, 'big')
                    two_byte_seen |= n == 2
                    if code not in cid or cid[code] not in w:
                        sys.exit('FAIL: code %X has no CID or no width' % code)
                    if code not in uni:
                        sys.exit('FAIL: code %X has no Unicode' % code)
                    i += n
if not two_byte_seen:
    sys.exit('FAIL: no two-byte code drawn')
PY
/usr/bin/python3 "$src/tests/scripts/lib/pdfcheck.py" "$tmp/m.pdf" >"$tmp/check" || fail "pdfcheck: $(cat "$tmp/check")"
