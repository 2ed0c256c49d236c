#!/usr/bin/env bash
# Time and peak memory of `rapport build`: the full batch over input/ (PDF alone, then PDF
# and HTML, with the size of each format) and over a synthetic tree of 100 organisations
# (bench/gen-tree.sh), cold with 1 and N workers, then the no-op rerun a nightly job mostly
# is, then a rerun after one organisation changed.
#   bench/bench-build.sh [path/to/rapport] [N]
# Peak memory is the largest resident set of one process (the parent or one worker).
set -euo pipefail
cd "$(dirname "$0")/.."
rapport=$(realpath "${1:-build/rapport}")
jobs=${2:-$(nproc)}
src=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
bash "$src/bench/gen-tree.sh" 100 tree100 "$src/input"

run() { # label input output options...
  local label=$1 in=$2 out=$3
  shift 3
  /usr/bin/time -f '%e %U %S %M' -o t "$rapport" build -q "$@" "$in" -o "$out" 2>/dev/null ||
    echo "($label: exit $?)" >&2
  read -r wall user sys kb < t
  local docs # documents, not files: the entries of the most common format
  docs=$(grep -o '<document [^>]*format="[a-z]*"' "$out/manifest.xml" |
    sed 's/.*format=//' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $1 }')
  awk -v l="$label" -v d="$docs" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" 'BEGIN {
    printf "%-34s %6d %9.2f %9.2f %10.1f %9.1f\n", l, d, w, u + s, (w > 0 ? d / w : 0), k / 1024 }'
}

printf '%-34s %6s %9s %9s %10s %9s\n' case docs wall-s cpu-s docs/s peak-MB
# What the HTML edition costs: the same batch in PDF only, then in both formats (the
# default), and the bytes each format adds to the output.
run "input/ cold, -j$jobs, PDF only" "$src/input" opdf -j"$jobs" --format pdf
run "input/ cold, -j$jobs, PDF + HTML" "$src/input" oboth -j"$jobs" --format pdf,html
sizes() { find "$1" -name "*.$2" ! -name index.html -printf '%s\n' | awk -v d="$1" -v f="$2" '
  { n++; b += $1 } END { printf "  %-6s %-5s %4d files %9.1f MB\n", d, f, n, b / 1048576 }'; }
sizes opdf pdf
sizes oboth pdf
sizes oboth html
run "input/ cold, -j1" "$src/input" o1 -j1
run "input/ cold, -j$jobs" "$src/input" oN -j"$jobs"
run "input/ no-op rerun, -j$jobs" "$src/input" oN -j"$jobs"
run "100 organisations cold, -j1" tree100 t1 -j1
run "100 organisations cold, -j$jobs" tree100 tN -j"$jobs"
run "100 organisations no-op, -j$jobs" tree100 tN -j"$jobs"
touch tree100/org-042/plan.xml # same bytes: still nothing to do
run "100 orgs, plan touched, -j$jobs" tree100 tN -j"$jobs"
printf '\n' >> tree100/org-042/plan.xml # new bytes: its documents only
run "100 orgs, one plan edited, -j$jobs" tree100 tN -j"$jobs"
