#!/usr/bin/env bash
# rapport render --format html, end to end over input/: one document of each kind, small
# ones, in French and one in Dutch (texts not yet translated shown in French:
# --allow-fallback). Each file starts with <!DOCTYPE html>, names its language on <html>,
# declares UTF-8, comes out byte-identical twice, and matches its golden in
# tests/golden/html/<name>.html byte for byte. UPDATE_GOLDEN=1 rewrites the goldens instead
# of comparing.
#   bash tests/scripts/render_html.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
golden=$src/tests/golden/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
. "$(dirname "$0")/lib/golden.sh"
. "$(dirname "$0")/lib/html.sh"
require_html "$rapport"
[ $status -eq 0 ] || exit 1

# render NAME KIND LANG FILE...: the publication with fallback, checked and compared.
render() {
  local name=$1 kind=$2 lang=$3
  shift 3
  local out=$tmp/$name.html
  if ! "$rapport" render --format html --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$out" 2>"$tmp/err"; then
    fail "$name: render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
    return
  fi
  head -c 15 "$out" | grep -qi '^<!DOCTYPE html>' || fail "$name: does not start with <!DOCTYPE html>"
  grep -qiE "<html[^>]* lang=\"$lang(-BE)?\"" "$out" || fail "$name: no <html lang=\"$lang\"> (or $lang-BE)"
  grep -qiE '<meta charset="?utf-8"?' "$out" || fail "$name: no <meta charset=\"utf-8\">"
  "$rapport" render --format html --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$out.again" 2>/dev/null
  cmp -s "$out" "$out.again" || fail "$name: two renders differ"
  compare "$golden/$name.html" "$out"
}

in=$src/input
render budget-capac.fr budget fr "$in/capac/plan.xml"
render evaluation-chancellerie-2020.nl evaluation nl "$in/chancellerie/evaluation-2020.xml"
render communication-chancellerie.fr communication fr "$in/chancellerie/plan.xml" \
  "$in/chancellerie/evaluation-2023.xml"
render plan-chancellerie.fr plan fr "$in/chancellerie/plan.xml"

[ $status -eq 0 ] && echo "ok"
exit $status
