#!/usr/bin/env bash
# Time, throughput and peak memory of `rapport render --kind budget` (load, check, build,
# layout, PDF) for the plans of input/ and for synthetic plans whose table has 1k, 10k and
# 100k rows (bench/gen-plan.sh). Growth must be linear: compare µs per row.
#   bench/bench-budget.sh [path/to/rapport]
set -euo pipefail
cd "$(dirname "$0")/.."
rapport=${1:-build/rapport}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

# run NAME PLAN LANG: one render under /usr/bin/time -v, one result line.
run() {
  local name=$1 plan=$2 lang=$3 pdf=$tmp/out.pdf
  /usr/bin/time -v -o "$tmp/time" "$rapport" render --kind budget --lang "$lang" "$plan" \
    -o "$pdf" 2>/dev/null || { echo "$name: render failed" >&2; return 1; }
  local rows pages wall kb
  rows=$(grep -c '<row ' "$plan" || true)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$tmp/time")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
  awk -v n="$name" -v r="$rows" -v p="$pages" -v w="$wall" -v k="$kb" -v b="$(stat -c %s "$pdf")" '
    BEGIN {
      m = split(w, t, ":"); s = 0
      for (i = 1; i <= m; i++) s = s * 60 + t[i]
      ms = s * 1000; if (ms < 1) ms = 1
      printf "%-22s %8d %6d %9.0f %9.0f %9.1f %9.1f %9.0f\n", n, r, p, ms, p / (ms / 1000), \
        ms * 1000 / (r ? r : 1), k / 1024, b / 1024
    }'
}

printf '%-22s %8s %6s %9s %9s %9s %9s %9s\n' document rows pages ms pages/s "us/row" peak-MB size-KB
for plan in input/*/plan.xml; do
  grep -q '<table ' "$plan" || continue
  org=$(basename "$(dirname "$plan")")
  for lang in fr nl; do
    run "$org.$lang" "$plan" "$lang"
  done
done
for rows in 1000 10000 100000; do
  bash bench/gen-plan.sh 1 1 "$rows" >"$tmp/synthetic-$rows.xml"
  run "synthetic-$rows.fr" "$tmp/synthetic-$rows.xml" fr
done
