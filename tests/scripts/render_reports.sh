#!/usr/bin/env bash
# rapport render --kind evaluation and --kind communication, end to end over input/: for
# every organisation and language (fr, nl), the publication's text (texts not yet translated
# shown in French: --allow-fallback), the PDF's text (pdftotext -layout) matches its
# golden in tests/golden/<kind>/<case>.<lang>.txt (beside the document-tree goldens of
# test_report_golden), and a second render is byte-identical. UPDATE_GOLDEN=1 rewrites
# the goldens instead of comparing.
#   bash tests/scripts/render_reports.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
. "$(dirname "$0")/lib/golden.sh"

# render KIND CASE LANG FILE...: renders twice, compares the bytes and the text.
render() {
  local kind=$1 name=$2 lang=$3
  shift 3
  local pdf=$tmp/$name.$lang.pdf
  if ! "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$pdf" 2>"$tmp/err"; then
    fail "$kind/$name/$lang: render failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
    return
  fi
  "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$pdf.again" 2>/dev/null
  cmp -s "$pdf" "$pdf.again" || fail "$kind/$name/$lang: two renders differ"
  pdftotext -layout "$pdf" "$tmp/$name.$lang.txt" 2>"$tmp/warn"
  [ -s "$tmp/warn" ] && fail "$kind/$name/$lang: pdftotext warns: $(head -3 "$tmp/warn")"
  compare "$src/tests/golden/$kind/$name.$lang.txt" "$tmp/$name.$lang.txt"
}

in=$src/input
for lang in fr nl; do
  render evaluation chancellerie-2020 "$lang" "$in/chancellerie/evaluation-2020.xml"
  for org in chancellerie interieur capac; do
    render evaluation "$org-2023" "$lang" "$in/$org/plan.xml" "$in/$org/evaluation-2022.xml" \
      "$in/$org/evaluation-2023.xml"
    # capac's plan has no communication plan: no such publication (render_editions.sh).
    [ "$org" = capac ] && continue
    render communication "$org" "$lang" "$in/$org/plan.xml" "$in/$org/evaluation-2023.xml"
  done
done

[ $status -eq 0 ] && echo "ok"
exit $status
