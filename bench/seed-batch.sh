#!/usr/bin/env bash
# The seed batch of issue #17's target: `rapport build -q -j2 --format pdf` over input/,
# timed for one or more rapport binaries in paired rounds (each round runs every binary
# once, so that the load of a shared machine falls on all alike; one warm-up round is not
# counted). Prints per binary the median wall time, CPU time (user + system, the workers
# included) and their ranges, and whether its PDFs are byte-identical to the first
# binary's: a faster build must write the very same files.
#
#   bench/seed-batch.sh [-n RUNS] [-j JOBS] [RAPPORT...]
#     -n RUNS  timed rounds (default 5)
#     -j JOBS  workers (default 2, as in the target)
#     RAPPORT  one or more binaries (default build/rapport): a branch and main side by side
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

runs=5 jobs=2
while getopts 'n:j:h' opt; do
  case $opt in
    n) runs=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) sed -n '/^#   bench/,/side by side$/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $runs =~ ^[1-9][0-9]*$ && $jobs =~ ^[1-9][0-9]*$ ]] || { echo "bad -n or -j" >&2; exit 2; }
bins=("$@")
((${#bins[@]})) || bins=(build/rapport)
for b in "${bins[@]}"; do [ -x "$b" ] || { echo "not an executable: $b" >&2; exit 2; }; done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

one() { # binary index, round
  local out=$tmp/out$1
  rm -rf "$out"
  /usr/bin/time -f '%e %U %S' -o "$tmp/t" "${bins[$1]}" build -q -j"$jobs" --format pdf \
    -o "$out" input >/dev/null 2>&1 || echo "(${bins[$1]}: exit $?)" >&2
  read -r wall user sys < "$tmp/t"
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$tmp/runs$1"
}

for round in $(seq 0 "$runs"); do
  for i in "${!bins[@]}"; do
    if ((round == 0)); then one "$i"; : > "$tmp/runs$i"; else one "$i"; fi
  done
done

median() { # column of runs file
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f (%.2f-%.2f)", m, v[1], v[NR] }'
}

printf 'seed batch (input/, -j%s, PDF), %s paired runs, %s cores, load average %s\n' \
  "$jobs" "$runs" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-36s %-22s %-22s %s\n' binary 'wall s' 'CPU s' 'PDFs as the first'
for i in "${!bins[@]}"; do
  same=reference
  if ((i > 0)); then
    # awk reads every line: `head -1` closed the pipe on the loop when two files differed,
    # and pipefail then ended the script without a word.
    same=$(cd "$tmp/out0" && find . -name '*.pdf' | sort | while read -r f; do
      cmp -s "$f" "$tmp/out$i/$f" || echo "$f"; done |
      awk 'NR == 1 { first = $0 } END { if (NR) printf "%d differ, first %s", NR, first }')
    [ -n "$same" ] || same=identical
  fi
  printf '%-36s %-22s %-22s %s\n' "${bins[$i]}" "$(median "$tmp/runs$i" 1)" \
    "$(median "$tmp/runs$i" 2)" "$same"
done
