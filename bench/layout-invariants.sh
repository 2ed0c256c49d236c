#!/usr/bin/env bash
# The layout against a designer's rules: records the layout (rapport render --format layout)
# of every document of input/ (every kind its sources call for, every evaluation year, in
# French and Dutch, publication editions with --allow-fallback) and of the stress model
# tests/stress/stress-plan.xml (plan and budget), then runs tests/scripts/lib/layoutcheck.py
# over them and prints its counts per rule, for input/ and for the stress model apart.
#   bench/layout-invariants.sh [path/to/rapport] [DIR]
# DIR keeps the records (default: a temporary directory, removed). Exits 0 whatever the
# counts: the figures are the result, not a verdict.
set -uo pipefail
cd "$(dirname "$0")/.."
rapport=${1:-build/rapport}
keep=${2:-}
check=tests/scripts/lib/layoutcheck.py
if [ -n "$keep" ]; then
  out=$keep
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
. tests/scripts/lib/layout_records.sh
layout_records "$rapport" . "$out"

for set in input stress; do
  records=("$out/$set"/*.layout)
  echo "== $set/: ${#records[@]} records"
  if [ -n "$keep" ]; then
    python3 "$check" --max-per-rule 3 "${records[@]}"
  else
    python3 "$check" --quiet "${records[@]}"
  fi
  echo
done
exit 0
