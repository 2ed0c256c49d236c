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
mkdir -p "$out/input" "$out/stress"

# record DIR NAME KIND LANG [--year Y] FILE...: one document's record, DIR/NAME-LANG.layout;
# a document its sources do not call for (no communication plan) is skipped.
record() {
  local dir=$1 name=$2 kind=$3 lang=$4
  shift 4
  "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback --format layout "$@" \
    -o "$dir/$name-$lang.layout" 2>/dev/null || rm -f "$dir/$name-$lang.layout"
}

for org in input/*/; do
  org=${org%/}
  name=$(basename "$org")
  files=("$org"/*.xml)
  for lang in fr nl; do
    for kind in plan budget communication; do
      record "$out/input" "$name-$kind" "$kind" "$lang" "${files[@]}"
    done
    for evaluation in "$org"/evaluation-*.xml; do
      [ -e "$evaluation" ] || continue
      year=${evaluation##*/evaluation-}
      year=${year%.xml}
      record "$out/input" "$name-evaluation-$year" evaluation "$lang" --year "$year" "${files[@]}"
    done
  done
done
for lang in fr nl; do
  for kind in plan budget; do
    record "$out/stress" "stress-$kind" "$kind" "$lang" tests/stress/stress-plan.xml
  done
done

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
