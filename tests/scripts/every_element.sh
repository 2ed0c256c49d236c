#!/usr/bin/env bash
# The synthetic models tests/models/every-element.xml (a plan) and
# every-element-evaluation.xml (its evaluation) use every element and every attribute that
# schema/rapport.xsd declares, pass rapport check without error, and give every document
# kind (rapport --help lists them) in French and in Dutch, publication edition, as PDFs that
# qpdf accepts. A new element or attribute of the schema fails here until the models use it.
set -u
rapport=$1 src=$2
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
plan=$src/tests/models/every-element.xml eval=$src/tests/models/every-element-evaluation.xml

# (a) every element and attribute name of the schema appears in the models.
python3 - "$src/schema/rapport.xsd" "$plan" "$eval" <<'PY' || fail=1
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[1]), '..', 'tests', 'scripts', 'lib'))
import xml.etree.ElementTree as ET
import schema
s = schema.walk(sys.argv[1])
XML = '{http://www.w3.org/XML/1998/namespace}'
used_e, used_a, used_p = set(), set(), set()
for f in sys.argv[2:]:
    root = ET.parse(f).getroot()
    used_p.add((None, root.tag))
    for e in root.iter():
        used_e.add(e.tag)
        for c in e:
            used_p.add((e.tag, c.tag))
        for a in e.attrib:
            used_a.add('xml:' + a[len(XML):] if a.startswith(XML) else a)
missing_e = sorted(s.element_names() - used_e)
missing_a = sorted(s.attribute_names() - used_a)
for n in missing_e:
    print(f'FAIL: element <{n}> of the schema is used by no synthetic model')
for n in missing_a:
    print(f'FAIL: attribute {n}= of the schema is used by no synthetic model')
# Where an element may stand but the models never put it (information, not a failure).
for p, c in sorted(set(s.pairs) - used_p, key=lambda x: (x[0] or '', x[1])):
    print(f'note: <{c}> is never used inside <{p}>')
sys.exit(1 if missing_e or missing_a else 0)
PY

# (b) rapport check: no error.
"$rapport" check "$plan" "$eval" >"$tmp/check" 2>&1
rc=$?
if [ $rc -ne 0 ] || ! grep -q "^0 error(s)" "$tmp/check"; then
  echo "FAIL: rapport check exited $rc:"; sed 's/^/  /' "$tmp/check"; fail=1
fi

# (c) every kind, fr and nl, publication edition (every text has its nl variant, so no
# --allow-fallback), then qpdf --check.
kinds=$("$rapport" --help | awk '/^Document kinds:/{k=1; next} k && /^  [a-z]/{print $1} k && /^$/{if (n++) exit}')
[ -n "$kinds" ] || { echo "FAIL: no document kind in rapport --help"; exit 1; }
for kind in $kinds; do
  for lang in fr nl; do
    out=$tmp/$kind.$lang.pdf
    if ! "$rapport" render --kind "$kind" --lang "$lang" "$plan" "$eval" -o "$out" 2>"$tmp/err"; then
      echo "FAIL: render --kind $kind --lang $lang:"; grep -v "placeholder" "$tmp/err" | sed 's/^/  /'; fail=1
      continue
    fi
    if command -v qpdf >/dev/null; then
      qpdf --check "$out" >"$tmp/qpdf" 2>&1 || { echo "FAIL: qpdf --check $kind.$lang.pdf:"; tail -3 "$tmp/qpdf"; fail=1; }
    fi
  done
done
[ $fail -eq 0 ] && echo "ok"
exit $fail
