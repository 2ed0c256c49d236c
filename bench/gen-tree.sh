#!/usr/bin/env bash
# Writes a synthetic input tree of N organisations for benchmarks and stress tests:
# OUT/org-001 ... OUT/org-N, each a copy of one of the seed organisations of input/
# (capac, chancellerie, interieur in turn) with its plan and evaluations, so that every
# document kind and both plan shapes (with and without a stand-alone report) occur.
#
#   bash bench/gen-tree.sh N OUT [SOURCE_INPUT_DIR]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 N OUT [SOURCE_INPUT_DIR]" >&2
  exit 2
fi
n=$1 out=$2
src=${3:-$(cd "$(dirname "$0")/.." && pwd)/input}
mapfile -t seeds < <(find "$src" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
[ ${#seeds[@]} -gt 0 ] || { echo "$0: no organisation under $src" >&2; exit 1; }
mkdir -p "$out"
for ((i = 1; i <= n; i++)); do
  seed=${seeds[$(((i - 1) % ${#seeds[@]}))]}
  dir=$(printf '%s/org-%03d' "$out" "$i")
  mkdir -p "$dir"
  cp "$src/$seed"/*.xml "$dir/"
done
