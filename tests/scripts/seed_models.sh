#!/usr/bin/env bash
# The models of input/ against their sources: entity counts as stated in the seed documents,
# and every number of every seed table (tests/seed-numbers/<org>.tsv, transcribed from the
# seed text independently of the XML) equal to the model's value.
set -u
rapport=$1
cd "$2" || exit 2
failed=0

expect_counts() { # expect_counts FILE kind=count...
  local file=$1; shift
  local stats
  stats=$("$rapport" stats "$file" 2>/dev/null) || { echo "FAIL: stats $file"; failed=1; return; }
  for pair in "$@"; do
    local kind=${pair%=*} want=${pair#*=}
    local got
    got=$(printf '%s\n' "$stats" | awk -F'\t' -v k="$kind" '$1 == k { print $2 }')
    if [ "$got" != "$want" ]; then
      echo "FAIL: $file: $kind = $got, the source has $want"
      failed=1
    fi
  done
}

expect_counts input/chancellerie/plan.xml stakes=9 stakeholders=6 values=3 risks=10 \
  key-processes=16 projects=19 communication-actions=6 tables=5
expect_counts input/interieur/plan.xml priorities=5 strategic-objectives=22 ambitions=69 \
  communication-actions=9 tables=3 objective-groups=5
expect_counts input/capac/plan.xml strategic-objectives=6 indicators=27 glossary-entries=10 \
  transversal-objectives=4

# Every printed number: "1.816.852" → 1816852, "5.919,97" → 5919.97, "-" stays nil.
for tsv in tests/seed-numbers/*.tsv; do
  org=$(basename "$tsv" .tsv)
  model=$("$rapport" dump "input/$org/plan.xml" 2>/dev/null |
          awk '$1 == "row" { row = $2 } $1 == "values:" && row { $1 = ""; print row $0; row = "" }')
  rows=0
  while IFS=$'\t' read -r table row printed line; do
    [ -z "$row" ] && continue
    rows=$((rows + 1))
    want=$(printf '%s\n' "$printed" | sed -e 's/\.//g' -e 's/,/./g')
    got=$(printf '%s\n' "$model" | awk -v r="$row" '$1 == r { $1 = ""; sub(/^ /, ""); print }')
    # Compare numerically, cell by cell.
    if ! awk -v a="$want" -v b="$got" 'BEGIN {
          n = split(a, x, " "); m = split(b, y, " ");
          if (n != m) exit 1;
          for (i = 1; i <= n; i++) {
            if (x[i] == "-" || y[i] == "-") { if (x[i] != y[i]) exit 1; continue }
            d = x[i] - y[i]; if (d < 0) d = -d; if (d > 0.000001) exit 1 }
          exit 0 }'; then
      echo "FAIL: $org $table $row (seed line $line): the source prints '$printed', the model has '$got'"
      failed=1
    fi
  done < "$tsv"
  [ "$rows" -gt 0 ] || { echo "FAIL: $tsv is empty"; failed=1; }
done
exit $failed
