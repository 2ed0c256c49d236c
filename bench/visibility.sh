#!/usr/bin/env bash
# The share of the models' French texts (12+ characters) that appear in any built PDF, per
# organisation: `rapport build` of input/ (publication and review editions, --allow-fallback),
# pdftotext of every PDF of the organisation, whitespace and end-of-line hyphenation folded;
# the texts are read from the models (tests/scripts/lib/visibility.py's reading).
# Usage: bench/visibility.sh [RAPPORT] [INPUT_DIR]   (prints the table)
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
rapport=${1:-$here/build/rapport} input=${2:-$here/input}
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$rapport" build -q --allow-fallback --edition publication,review "$input" -o "$out/site" || true
find "$out/site" -name '*.pdf' | while read -r pdf; do pdftotext -enc UTF-8 "$pdf" "$pdf.txt"; done
python3 - "$here" "$input" "$out/site" <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(sys.argv[1], 'tests', 'scripts', 'lib'))
import schema, visibility as v
src, inp, site = sys.argv[1:4]
sch = schema.walk(os.path.join(src, 'schema', 'rapport.xsd'))

def pdf_norm(s):
    s = re.sub(r'(\w)-\n(\w)', r'\1\2', s)        # a word hyphenated at the end of a line
    s = re.sub(r'(\w)\u00ad?\n', r'\1 \n', s)
    return ' ' + v.norm_text(s) + ' '

print(f'{"organisation":<16} {"in a PDF":>9} {"texts":>6} {"share":>7}   (French texts of 12+ characters;'
      f' publication and review PDFs)')
for org in sorted(os.listdir(inp)):
    d = os.path.join(inp, org)
    if not os.path.isdir(d):
        continue
    texts = []
    for f in sorted(os.listdir(d)):
        if f.endswith('.xml'):
            ts, _, _, _ = v.model_texts(os.path.join(d, f), sch, f)
            texts += [t for t in ts if t.lang == 'fr' and '@' not in t.key and len(t.raw.strip()) >= 12]
    hay = ''
    for root, _, files in os.walk(site):
        if os.sep + org in root.replace(site, ''):
            for f in files:
                if f.endswith('.pdf.txt'):
                    hay += pdf_norm(open(os.path.join(root, f), encoding='utf-8', errors='replace').read())
    seen = sum(1 for t in texts if v.found_in(t.norm, hay) or (
        len(t.norm) >= v.LONG and len(v.sentences(t)) > 1 and all(v.found_in(s, hay) for s in v.sentences(t))))
    if texts:
        print(f'{org:<16} {seen:>9} {len(texts):>6} {100.0 * seen / len(texts):>6.1f} %')
PY
