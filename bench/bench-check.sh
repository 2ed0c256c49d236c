#!/usr/bin/env bash
# Time and peak memory of `rapport check` (parse, XSD validation, model, semantic checks)
# over synthetic plans of growing size. Growth must be linear: compare ms per 1,000 rows.
#   bench/bench-check.sh [path/to/rapport]
set -euo pipefail
cd "$(dirname "$0")/.."
rapport=${1:-build/rapport}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-4s %10s %12s %10s %12s %12s\n' size objectives indicators rows ms peak-MB
for spec in "S 10 5 100" "M 100 10 10000" "L 1000 10 50000" "XL 1000 10 100000"; do
  set -- $spec
  bash bench/gen-plan.sh "$2" "$3" "$4" > "$tmp/$1.xml"
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$rapport" check "$tmp/$1.xml" 2>/dev/null || true
  read -r secs kb < "$tmp/time"
  awk -v n="$1" -v o="$2" -v i="$(($2 * $3))" -v r="$4" -v s="$secs" -v k="$kb" \
    'BEGIN { printf "%-4s %10d %12d %10d %12.0f %12.1f\n", n, o, i, r, s * 1000, k / 1024 }'
done
