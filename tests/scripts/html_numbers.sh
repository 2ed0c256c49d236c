#!/usr/bin/env bash
# The HTML edition says every number the PDF says. One document of each kind, in French and
# in Dutch (texts not yet translated shown in French: --allow-fallback), rendered in both
# formats: every number of the PDF's text (pdftotext -layout; digits with their '.' and ','
# separators: 1.816.852, 5.919,97, 66,7, 2.1.3) must be a number of the HTML's visible text
# (tests/scripts/lib/htmlcheck.py numbers; page numbers, which the HTML has none of, are left
# out by the rule its pdf_numbers function states: the footer's page label, and in the front
# matter the page numbers that end the contents' lines). Each missing number is printed with
# its PDF page and line.
# The check is first shown to work on a PDF of today's renderer: an HTML page made of its
# text without its footers and contents passes, and the same page with one figure changed
# fails naming the figure.
. "${BASH_SOURCE%/*}/lib/common.sh"
lib=$src/tests/scripts/lib
export LC_ALL=C.UTF-8
. "$lib/html.sh"
command -v python3 >/dev/null || fail "python3 is not installed"
command -v pdftotext >/dev/null || fail "no pdftotext (Debian package poppler-utils)"
in=$src/input

# The self-test, on the capac budget tables (PDF).
"$rapport" render --kind budget --lang fr "$in/capac/plan.xml" -o "$tmp/self.pdf" 2>/dev/null ||
  fail "self-test: cannot render the capac budget PDF"
pdftotext -layout "$tmp/self.pdf" "$tmp/self.txt" || fail "self-test: pdftotext failed"
# The page made independently of the checker's rule: each page's last line (the footer)
# and the contents (the lines from its title to the end of its page) left out whole.
python3 - "$tmp/self.txt" "$tmp/self.html" "$tmp/self-changed.html" <<'PY' || fail "self-test: cannot make the pages"
import html, re, sys
pages = open(sys.argv[1], encoding='utf-8').read().split('\f')
body = []
for page in pages:
    lines = [l for l in page.split('\n') if l.strip()]
    if not lines:
        continue
    lines = lines[:-1] if len(body) else lines       # the cover has no footer
    for i, l in enumerate(lines):
        if re.match(r'\s*(Table des matières|Inhoudstafel)\s*$', l):
            lines = lines[:i]
            break
    body += ['<p>%s</p>' % html.escape(l.strip()) for l in lines]
page = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>t</title>'
        '<style>p { margin: 0 }</style></head><body><main>%s</main></body></html>' % '\n'.join(body))
open(sys.argv[2], 'w', encoding='utf-8').write(page)
changed = page.replace('33.385.034', '33.385.035')
assert changed != page, 'the figure 33.385.034 is not in the PDF'
open(sys.argv[3], 'w', encoding='utf-8').write(changed)
PY
out=$(python3 "$lib/htmlcheck.py" numbers "$tmp/self.txt" "$tmp/self.html") ||
  { echo "$out"; fail "self-test: the numbers check fails a page that has every number but the page numbers"; }
out=$(python3 "$lib/htmlcheck.py" numbers "$tmp/self.txt" "$tmp/self-changed.html") &&
  { echo "$out"; fail "self-test: the numbers check passes a page with a figure changed"; }
grep -q 'missing 33.385.034 ' <<<"$out" || { echo "$out"; fail "self-test: the numbers check does not name the changed figure"; }
echo "self-test: the numbers check passes the PDF's own text without page numbers and names a changed figure"

require_html "$rapport"
status=0
# check NAME KIND LANG FILE...: both formats rendered, the numbers compared.
check() {
  local name=$1 kind=$2 lang=$3
  shift 3
  local base=$tmp/$name.$lang
  if ! "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$base.pdf" 2>"$tmp/err"; then
    echo "FAIL: $name/$lang: PDF render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
    status=1
    return
  fi
  if ! "$rapport" render --format html --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$base.html" 2>"$tmp/err"; then
    echo "FAIL: $name/$lang: HTML render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
    status=1
    return
  fi
  pdftotext -layout "$base.pdf" "$base.txt" || { echo "FAIL: $name/$lang: pdftotext failed"; status=1; return; }
  if ! (cd "$tmp" && python3 "$lib/htmlcheck.py" numbers "$base.txt" "$name.$lang.html"); then
    echo "FAIL: $name/$lang: numbers of the PDF missing from the HTML (above)"
    status=1
  fi
}

check budget-capac budget fr "$in/capac/plan.xml"
check budget-chancellerie budget nl "$in/chancellerie/plan.xml"
check evaluation-capac-2023 evaluation fr "$in/capac/plan.xml" "$in/capac/evaluation-2022.xml" "$in/capac/evaluation-2023.xml"
check evaluation-chancellerie-2020 evaluation nl "$in/chancellerie/evaluation-2020.xml"
check communication-chancellerie communication fr "$in/chancellerie/plan.xml" "$in/chancellerie/evaluation-2023.xml"
check communication-interieur communication nl "$in/interieur/plan.xml" "$in/interieur/evaluation-2023.xml"
check plan-capac plan fr "$in/capac/plan.xml"
check plan-chancellerie plan nl "$in/chancellerie/plan.xml"

[ $status -eq 0 ] && echo "ok: every number of 8 PDFs is in their HTML edition"
exit $status
