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

/usr/bin/python3 - "$tmp/m.pdf" "$src/tests/scripts/lib" <<'PY' || exit 1
import sys
import pikepdf
sys.path.insert(0, sys.argv[2])
from pdfcheck import FontInfo  # its reader of embedded CMaps, ToUnicode and /W

pdf = pikepdf.open(sys.argv[1])
two_byte_seen = False
for page in pdf.pages:
    info = {}
    for name, font in page.Resources.get('/Font', {}).items():
        if not isinstance(font.get('/Encoding'), pikepdf.Stream):
            sys.exit('FAIL: font %s has no embedded CMap: %r' % (name, font.get('/Encoding')))
        info[str(name)] = FontInfo(None, font)
        if not info[str(name)].codespace:
            sys.exit('FAIL: font %s: its CMap has no code space' % name)
    font = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == 'Tf':
            font = str(operands[0])
        elif op == 'TJ' and font in info:
            fi = info[font]
            for el in operands[0]:
                if not isinstance(el, pikepdf.String):
                    continue
                for code in fi.codes(bytes(el)):  # a byte outside the code space has no CID
                    two_byte_seen |= code > 0xFF
                    if fi.code_cid.get(code) not in fi.widths:
                        sys.exit('FAIL: code %X has no CID or no width' % code)
                    if code not in (fi.to_unicode or {}):
                        sys.exit('FAIL: code %X has no Unicode' % code)
if not two_byte_seen:
    sys.exit('FAIL: no two-byte code drawn')
PY
/usr/bin/python3 "$src/tests/scripts/lib/pdfcheck.py" "$tmp/m.pdf" >"$tmp/check" || fail "pdfcheck: $(cat "$tmp/check")"
