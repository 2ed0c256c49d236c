#!/usr/bin/env bash
# index.html in a real browser: headless Chromium renders it to a PNG (kept when
# RAPPORT_SCREENSHOT names a path). Debian's chromium is in .ci/packages: without it the
# test fails rather than pass unchecked.
. "${BASH_SOURCE%/*}/lib/common.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "FAIL: chromium is not installed (apt-get install chromium)"; exit 1; }
cd "$tmp" || exit 2
"$rapport" build -q -j2 "$src/input" -o out 2>/dev/null || fail "build"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-quic \
  --no-first-run --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" \
  --window-size=1280,2400 --screenshot="$tmp/index.png" "file://$tmp/out/index.html" \
  >/dev/null 2>&1
[ -s index.png ] || fail "no screenshot"
# A blank page would be one colour: a real rendering is far larger than a blank PNG.
[ "$(stat -c %s index.png)" -gt 20000 ] || fail "the screenshot looks blank"
[ -n "${RAPPORT_SCREENSHOT:-}" ] && cp index.png "$RAPPORT_SCREENSHOT"
echo "ok: $(stat -c %s index.png) bytes"
