#!/usr/bin/env bash
# Every PDF a build of input/ writes is tagged PDF/UA-1 and PDF/A-2 level A, as far as software
# can tell: tests/scripts/lib/pdfcheck.py checks the machine-checkable rules of both (the
# Matterhorn Protocol's failure conditions, ISO 19005-2's clauses; docs/accessibility.md lists
# them) on each of them, and poppler's pdfinfo must call each one tagged. The checker is then
# shown to fail: copies of one output with a defect made on purpose (no /MarkInfo, a glyph
# mapped to .notdef, no /Lang, a Figure without /Alt when there is a Figure, a see-through page
# without a transparency group in a file without an output intent) must each fail with the rule
# they break.
# The checker runs under Debian's Python (/usr/bin/python3) with python3-pikepdf: the python3
# on PATH may be another one without Debian's modules.
. "${BASH_SOURCE%/*}/lib/common.sh"
py=/usr/bin/python3
check="$src/tests/scripts/lib/pdfcheck.py"

[ -x "$py" ] || fail "no $py (Debian's python3, with the package python3-pikepdf)"
"$py" -c 'import pikepdf' 2>/dev/null ||
  fail "$py cannot import pikepdf: install the Debian package python3-pikepdf (.ci/packages lists it)"
command -v pdfinfo >/dev/null || fail "no pdfinfo (Debian package poppler-utils)"

"$rapport" build -q -j2 "$src/input" -o "$tmp/out" 2>"$tmp/log" ||
  fail "build exited $? ($(tail -3 "$tmp/log"))"
mapfile -t pdfs < <(find "$tmp/out" -name '*.pdf' | sort)
[ "${#pdfs[@]}" -ge 40 ] || fail "only ${#pdfs[@]} PDFs (40 at least expected)"

# poppler's view: the document says it is tagged (/MarkInfo /Marked true).
untagged=0
for f in "${pdfs[@]}"; do
  if ! pdfinfo "$f" 2>/dev/null | grep -q '^Tagged: *yes$'; then
    echo "${f#"$tmp/out/"}: pdfinfo: not Tagged: yes"
    untagged=$((untagged + 1))
  fi
done

# The checker, on every PDF.
"$py" "$check" --jobs 2 --max-per-rule 5 "${pdfs[@]}" >"$tmp/report" 2>&1
rc=$?
sed "s|$tmp/out/||" "$tmp/report" >"$tmp/report.short"
failed=$(grep -c ': FAIL: ' "$tmp/report.short")
passed=$(grep -c ': ok (' "$tmp/report.short")

# The negative self-test: the checker must fail these, naming the rule each breaks.
sample=""
for f in "${pdfs[@]}"; do
  case "$f" in */plan-*.fr.pdf) sample=$f; break ;; esac
done
[ -n "$sample" ] || sample=${pdfs[0]}
"$py" - "$sample" "$tmp" <<'PY' || fail "could not make the defective copies of $sample"
import sys, pikepdf
src, tmp = sys.argv[1], sys.argv[2]

def copy(name, mutate):
    pdf = pikepdf.open(src)
    if mutate(pdf) is not False:
        pdf.save('%s/%s.pdf' % (tmp, name))

def no_markinfo(pdf):
    if '/MarkInfo' in pdf.Root:
        del pdf.Root['/MarkInfo']

def no_lang(pdf):
    if '/Lang' in pdf.Root:
        del pdf.Root['/Lang']

def notdef(pdf):
    # Every code of the first CID font now draws glyph 0 (.notdef): its /CIDToGIDMap, the
    # identity or a stream, becomes a stream of zeros.
    for page in pdf.pages:
        for _, font in page.Resources.get('/Font', {}).items():
            for d in font.get('/DescendantFonts', []):
                if '/CIDToGIDMap' in d:
                    d['/CIDToGIDMap'] = pikepdf.Stream(pdf, bytes(2 * 65536))
                    return
    return False

def figure_alt(pdf):
    # The first Figure loses its Alt (and ActualText); no copy when there is no Figure.
    root = pdf.Root.get('/StructTreeRoot')
    stack = [root] if root is not None else []
    while stack:
        e = stack.pop()
        if isinstance(e, pikepdf.Array):
            stack.extend(reversed(list(e)))
            continue
        if not isinstance(e, pikepdf.Dictionary):
            continue
        if e.get('/S') == '/Figure':
            for k in ('/Alt', '/ActualText'):
                if k in e:
                    del e[k]
            return
        if '/K' in e:
            stack.append(e.K)
    return False

def transparency_no_group(pdf):
    # A see-through graphics state on the first page, which then lacks the transparency
    # group that names its blending colour space, in a file without an output intent.
    if '/OutputIntents' in pdf.Root:
        del pdf.Root['/OutputIntents']
    page = pdf.pages[0]
    if '/Group' in page.obj:
        del page.obj['/Group']
    res = page.obj.Resources
    if '/ExtGState' not in res:
        res.ExtGState = pikepdf.Dictionary()
    res.ExtGState.Faint = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5))

copy('no-markinfo', no_markinfo)
copy('no-lang', no_lang)
copy('notdef', notdef)
copy('figure-no-alt', figure_alt)
copy('transparency-no-group', transparency_no_group)
PY
selftest=0
for pair in "no-markinfo:A 6.7.2.2" "no-lang:UA 11-001" "notdef:A 6.2.11.8" "figure-no-alt:UA 13-004" \
  "transparency-no-group:A 6.2.10"; do
  copy=${pair%%:*} rule=${pair#*:}
  if [ ! -f "$tmp/$copy.pdf" ]; then
    [ "$copy" = figure-no-alt ] && { echo "self-test: $copy skipped (no Figure in $(basename "$sample"))"; continue; }
    fail "self-test: no defective copy $copy"
  fi
  out=$("$py" "$check" --jobs 1 --max-per-rule 2 "$tmp/$copy.pdf" 2>&1)
  code=$?
  if [ $code -eq 0 ] || ! grep -qF "[$rule]" <<<"$out"; then
    echo "self-test: the checker passed $copy (exit $code) or did not name [$rule]:"
    echo "$out" | head -5
    selftest=$((selftest + 1))
  fi
done

if [ $rc -ne 0 ] || [ $untagged -ne 0 ] || [ $selftest -ne 0 ] || [ $rc -gt 1 ]; then
  # Each file's failures (5 lines per rule at most), then the summaries; the whole report:
  # /usr/bin/python3 tests/scripts/lib/pdfcheck.py --max-per-rule 0 out/**/*.pdf
  grep -v ': FAIL: \|: ok (' "$tmp/report.short" | head -400
  grep ': FAIL: ' "$tmp/report.short"
  [ $selftest -eq 0 ] || echo "FAIL: the checker's negative self-test: $selftest defective copies passed"
  [ $untagged -eq 0 ] || echo "FAIL: pdfinfo does not call $untagged of ${#pdfs[@]} PDFs tagged"
  [ $rc -le 1 ] || echo "FAIL: pdfcheck.py exited $rc"
  echo "FAIL: $failed of ${#pdfs[@]} PDFs break PDF/UA-1 or PDF/A-2a rules"
  exit 1
fi
echo "${#pdfs[@]} PDFs: PDF/UA-1 and PDF/A-2a machine checks pass, all tagged; the self-test fails its defective copies"
