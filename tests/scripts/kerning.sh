#!/usr/bin/env bash
# Kerning is drawn: in the Dutch plan of the chancellerie, which names the "DAV", the page
# content shows the pair "AV" closer than the two glyphs' own advances (a positive TJ
# adjustment between them), as it does "To" ("Totaal"), while "nn", which the font does not
# kern, keeps its advances. Glyphs are read back through each font's ToUnicode map. The
# fonts are also subsets with Unicode maps (pdffonts: emb, sub, uni) and poppler reads the
# file silently.
. "${BASH_SOURCE%/*}/lib/common.sh"
export LC_ALL=C.UTF-8

"$rapport" render --kind plan --lang nl --allow-fallback "$src/input/chancellerie/plan.xml" \
  -o "$tmp/plan.pdf" 2>/dev/null || fail "render"
pdffonts "$tmp/plan.pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad = 1 }
  NR > 2 { n++ } END { exit bad || n == 0 }' || fail "a font is not an embedded subset with a Unicode map"
warn=$(pdftotext "$tmp/plan.pdf" /dev/null 2>&1)
[ -z "$warn" ] || fail "pdftotext says: $warn"

/usr/bin/python3 - "$tmp/plan.pdf" <<'PY' || exit 1
import re, sys
import pikepdf

pdf = pikepdf.open(sys.argv[1])

def to_unicode(font):
    m = {}
    tu = font.get('/ToUnicode')
    if tu is None:
        return m
    data = tu.read_bytes().decode('latin-1')
    for block in re.findall(r'beginbfchar(.*?)endbfchar', data, re.S):
        for code, uni in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>', block):
            m[int(code, 16)] = bytes.fromhex(uni).decode('utf-16-be')
    return m

def code_lengths(font):
    # The code space of the font's embedded CMap, [(length, low, high)]; two bytes (Identity-H)
    # when its /Encoding is a name.
    enc = font.get('/Encoding')
    if not isinstance(enc, pikepdf.Stream):
        return [(2, b'\x00\x00', b'\xff\xff')]
    data = enc.read_bytes().decode('latin-1')
    block = re.search(r'begincodespacerange(.*?)endcodespacerange', data, re.S).group(1)
    return [(len(lo) // 2, bytes.fromhex(lo), bytes.fromhex(hi))
            for lo, hi in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block)]

def codes(space, b):
    i = 0
    while i < len(b):
        for n, lo, hi in space:
            c = b[i:i + n]
            if len(c) == n and all(lo[k] <= c[k] <= hi[k] for k in range(n)):
                yield int.from_bytes(c, 'big')
                i += n
                break
        else:
            sys.exit('FAIL: byte %02X outside the code space' % b[i])

pairs = {}     # (left, right) -> list of adjustments
for page in pdf.pages:
    fonts = {str(k): v for k, v in page.Resources.get('/Font', {}).items()}
    maps = {k: to_unicode(v) for k, v in fonts.items()}
    spaces = {k: code_lengths(v) for k, v in fonts.items()}
    font = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == 'Tf':
            font = str(operands[0])
        elif op == 'TJ' and font in maps:
            seq = []   # glyph texts and adjustments, in order
            for el in operands[0]:
                if isinstance(el, pikepdf.String):
                    for c in codes(spaces[font], bytes(el)):
                        seq.append(maps[font].get(c, '?'))
                else:
                    seq.append(float(el))
            for i in range(len(seq) - 1):
                if isinstance(seq[i], str):
                    adj = 0.0
                    j = i + 1
                    if j < len(seq) and isinstance(seq[j], float):
                        adj, j = seq[j], j + 1
                    if j < len(seq) and isinstance(seq[j], str):
                        pairs.setdefault((seq[i], seq[j]), []).append(adj)

av = pairs.get(('A', 'V'), [])
if not av:
    sys.exit('FAIL: no "AV" pair drawn in one TJ')
if not all(a > 0 for a in av):
    sys.exit('FAIL: "AV" drawn at its unkerned advances: %r' % av[:5])
to = pairs.get(('T', 'o'), [])
if not to or not all(a > 0 for a in to):
    sys.exit('FAIL: "To" not drawn closer: %r' % to[:5])
nn = pairs.get(('n', 'n'), [])
if not nn or any(a != 0 for a in nn):
    sys.exit('FAIL: "nn", which the font does not kern, moved: %r' % nn[:5])
print('AV drawn %g/1000 em closer (%d times), To %g' % (av[0], len(av), to[0]))
PY
