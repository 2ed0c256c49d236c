#!/usr/bin/env bash
# The layout keeps a designer's rules (tests/scripts/lib/layoutcheck.py) on every document of
# input/ and on the stress model: records are made as bench/layout-invariants.sh makes them
# (tests/scripts/lib/layout_records.sh) and any violation fails, with the checker's report.
# Every rule is checked, edition-structure (the French and Dutch editions of one document
# paged alike) included.
. "${BASH_SOURCE%/*}/lib/common.sh"
RULES=short-page,thin-table-part,stranded-heading,overlap,outside-margins,edition-structure
. "$src/tests/scripts/lib/layout_records.sh"
layout_records "$rapport" "$src" "$tmp"

# Records must exist: a rapport that writes none would otherwise pass.
for set in input stress; do
  records=("$tmp/$set"/*.layout)
  [ -e "${records[0]}" ] || fail "no record written for $set/"
done
[ "$(ls "$tmp/input" | wc -l)" -ge 20 ] || fail "too few records of input/: $(ls "$tmp/input")"

status=0
for set in input stress; do
  python3 "$src/tests/scripts/lib/layoutcheck.py" --rules "$RULES" --max-per-rule 20 \
    "$tmp/$set"/*.layout >"$tmp/report-$set"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "== $set/ (exit $rc)"
    cat "$tmp/report-$set"
    status=1
  fi
done
[ "$status" -eq 0 ] || fail "the layout breaks the rules above"
echo "layout invariants ($RULES): OK"
