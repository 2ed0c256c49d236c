#!/usr/bin/env bash
# The HTML edition of a whole build, in a real browser. One build of input/ with the default
# formats; then:
#   - tests/scripts/lib/htmlcheck.py outputs: an X.html beside every X.pdf (publications and
#     review/), index.html linking both of every publication (and no review edition), every
#     relative link of the index leading to a file, manifest.xml giving each .pdf's and
#     .html's media type (application/pdf, text/html);
#   - tests/scripts/lib/axe_audit.mjs on every .html of the build, index.html included:
#     axe-core's WCAG 2.0/2.1 A and AA rules at 1280 px wide, no horizontal scrolling and
#     axe's layout rules again at 360 px, nothing loaded but the file itself (its header says
#     more).
# The audit is first shown to work: a clean hand-written page must pass and a defective one
# must fail with each of its defects (an image without alt, low contrast, a block wider than
# a phone, a table box that scrolls at 360 px and that no keyboard reaches).
# It needs Debian's chromium, Node.js and tests/js's packages (axe-core, puppeteer-core, which
# never downloads a browser), which tests/run-all.sh installs: without them the test fails
# rather than pass unchecked.
set -u
rapport=$1 src=$2
lib=$src/tests/scripts/lib
fail() { echo "FAIL: $*"; exit 1; }
. "$lib/html.sh"

command -v node >/dev/null ||
  fail "node is not installed (apt-get install nodejs npm, then npm ci --prefix tests/js)"
command -v python3 >/dev/null || fail "python3 is not installed"
for m in axe-core/axe.min.js puppeteer-core/package.json; do
  [ -f "$src/tests/js/node_modules/$m" ] ||
    fail "tests/js/node_modules/${m%%/*} is missing: run npm ci --prefix tests/js"
done
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium is not installed (apt-get install chromium; .ci/packages lists it)"
export CHROMIUM=$browser
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The self-test.
mkdir "$tmp/fx"
html_fixtures "$tmp/fx"
out=$(cd "$tmp/fx" && timeout 300 node "$lib/axe_audit.mjs" clean.html axe-defects.html 2>&1)
rc=$?
[ $rc -eq 1 ] || { echo "$out"; fail "self-test: axe_audit.mjs exited $rc on a clean and a defective page (1 expected)"; }
grep -q '^clean.html' <<<"$out" && { echo "$out"; fail "self-test: axe_audit.mjs finds fault with the clean page"; }
for rule in '\[1280\]: image-alt' '\[1280\]: color-contrast' '\[360\]: horizontal-scroll' \
  '\[360\]: scrollable-region-focusable'; do
  grep -q "^axe-defects.html $rule " <<<"$out" ||
    { echo "$out"; fail "self-test: axe_audit.mjs does not report ${rule//\\/} on the defective page"; }
done
echo "self-test: axe_audit.mjs passes the clean page and reports the 4 defects of the other"

require_html "$rapport"
"$rapport" build -q -j2 "$src/input" -o "$tmp/out" 2>"$tmp/log" ||
  fail "build exited $? ($(tail -3 "$tmp/log"))"
status=0
python3 "$lib/htmlcheck.py" outputs "$tmp/out" || { status=1; echo "FAIL: the build's HTML files, index or manifest (above)"; }

cd "$tmp/out" || exit 2
mapfile -t pages < <(find . -name '*.html' | sed 's|^\./||' | sort)
[ "${#pages[@]}" -ge 41 ] || fail "${#pages[@]} HTML files in the build, 41 at least expected (40 documents and the index)"
timeout 900 node "$lib/axe_audit.mjs" "${pages[@]}"
rc=$?
case $rc in
  0) ;;
  1) status=1; echo "FAIL: axe-core finds the HTML files above wanting" ;;
  *) status=1; echo "FAIL: axe_audit.mjs could not audit every file (exit $rc)" ;;
esac
[ $status -eq 0 ] && echo "ok: ${#pages[@]} HTML files pass axe-core (WCAG 2.1 AA) and reflow at 360 px; every PDF has its HTML, linked and in the manifest"
exit $status
