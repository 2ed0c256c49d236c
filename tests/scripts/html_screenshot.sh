#!/usr/bin/env bash
# An HTML report in a real browser, on a phone and on a desktop: headless Chromium renders
# capac's 2023 evaluation report (French, HTML edition) 360 px wide (and 6000 tall) and
# 1280 px wide (and 2400 tall) to PNGs, and tests/scripts/lib/pngstat.py checks that each
# has the width asked for and shows a page, not a blank: ink on 1 % of its pixels and on
# 10 % of its rows at least (a blank page has none; a rendered report page, several times
# that). The check is first shown to fail the screenshot of an empty page. With
# RAPPORT_SCREENSHOT_DIR set, the PNGs are kept there (report-360.png, report-1280.png).
# Debian's chromium is in .ci/packages: without it the test fails rather than pass unchecked.
. "${BASH_SOURCE%/*}/lib/common.sh"
lib=$src/tests/scripts/lib
. "$lib/html.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium is not installed (apt-get install chromium; .ci/packages lists it)"
command -v python3 >/dev/null || fail "python3 is not installed"
cd "$tmp" || exit 2

# shot HTML PNG WIDTH HEIGHT
shot() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" \
    --window-size="$3,$4" --screenshot="$tmp/$2" "file://$tmp/$1" >/dev/null 2>&1
  [ -s "$2" ] || fail "no screenshot $2 of $1"
}
stat() { python3 "$lib/pngstat.py" --min-ink 1 --min-rows 10 "$@"; }

# The self-test: an empty page is blank.
printf '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>vide</title></head><body></body></html>\n' >empty.html
shot empty.html empty.png 360 6000
out=$(stat --width 360 empty.png) && { echo "$out"; fail "self-test: pngstat.py calls an empty page's screenshot not blank"; }
echo "self-test: the screenshot of an empty page is found blank"

require_html "$rapport"
in=$src/input/capac
"$rapport" render --format html --kind evaluation --lang fr "$in/plan.xml" "$in/evaluation-2022.xml" \
  "$in/evaluation-2023.xml" -o report.html 2>"$tmp/err" ||
  fail "render --format html failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
shot report.html report-360.png 360 6000
shot report.html report-1280.png 1280 2400
if [ -n "${RAPPORT_SCREENSHOT_DIR:-}" ]; then
  mkdir -p "$RAPPORT_SCREENSHOT_DIR" && cp report-360.png report-1280.png "$RAPPORT_SCREENSHOT_DIR/"
fi
stat --width 360 report-360.png || fail "the 360 px screenshot looks blank or has the wrong width"
stat --width 1280 report-1280.png || fail "the 1280 px screenshot looks blank or has the wrong width"
echo "ok"
