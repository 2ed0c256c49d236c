#!/usr/bin/env bash
# Time and peak memory of `rapport render --kind budget` for a plan whose table note is one
# long word (a run of letters: cut on every line) or one long paragraph (hyphenated line
# ends), at 400 kB and 5 MB. Line breaking must be linear: compare µs per kB.
#   bench/bench-long-text.sh [path/to/rapport] [TIMEOUT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rapport=${1:-build/rapport}
limit=${2:-600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

# plan UNIT BYTES: tests/fail/base-plan.xml with a note of UNIT repeated to BYTES bytes.
plan() {
  awk -v u="$1" -v n="$(($2 / ${#1}))" '
    /<\/table>/ { printf "      <note>"; for (i = 0; i < n; i++) printf "%s", u; print "</note>" }
    { print }' tests/fail/base-plan.xml
}

printf '%-10s %9s %6s %10s %9s %9s\n' text kB pages ms "us/kB" peak-MB
for spec in "word administrationfederale" "paragraph l'administration-fédérale-belge-évalue-chaque-année-ses-objectifs-stratégiques"; do
  set -- $spec
  name=$1 unit=${2//-/ }
  [ "$name" = paragraph ] && unit="$unit "
  for bytes in 400000 5000000; do
    plan "$unit" "$bytes" >"$tmp/plan.xml"
    if ! /usr/bin/time -f '%e %M' -o "$tmp/time" timeout "$limit" "$rapport" render \
      --kind budget --lang fr "$tmp/plan.xml" -o "$tmp/out.pdf" 2>/dev/null; then
      printf '%-10s %9d %6s %10s\n' "$name" $((bytes / 1000)) - "> ${limit}000 (killed)"
      continue
    fi
    read -r secs kb <"$tmp/time"
    pages=$(pdfinfo "$tmp/out.pdf" | awk '/^Pages:/ { print $2 }')
    awk -v n="$name" -v b="$bytes" -v p="$pages" -v s="$secs" -v k="$kb" 'BEGIN {
      printf "%-10s %9d %6d %10.0f %9.1f %9.1f\n", n, b / 1000, p, s * 1000, s * 1e6 / (b / 1000), k / 1024 }'
  done
done
