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

/usr/bin/python3 - "$tmp/plan.pdf" "$src/tests/scripts/lib" <<'PY' || exit 1
import sys
import pikepdf
sys.path.insert(0, sys.argv[2])
from pdfcheck import FontInfo  # its reader of embedded CMaps and ToUnicode

pdf = pikepdf.open(sys.argv[1])

pairs = {}     # (left, right) -> list of adjustments
for page in pdf.pages:
    info = {str(k): FontInfo(None, v) for k, v in page.Resources.get('/Font', {}).items()}
    font = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == 'Tf':
            font = str(operands[0])
        elif op == 'TJ' and font in info:
            seq = []   # glyph texts and adjustments, in order
            for el in operands[0]:
                if isinstance(el, pikepdf.String):
                    for c in info[font].codes(bytes(el)):
                        seq.append((info[font].to_unicode or {}).get(c, '?'))
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
