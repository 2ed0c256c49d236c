#!/usr/bin/env bash
# Builds a libFuzzer harness with clang (address + undefined sanitizers) and runs it.
#   tests/fuzz/run.sh [SECONDS] [JOBS] [HARNESS]
# HARNESS: load (bytes → loader → checker, the default), render (→ builders → PDF) or image
# (bytes → the logo checker).
# Needs: clang libclang-rt-14-dev (Debian). The corpus starts from input/ and tests/fail/;
# findings land in tests/fuzz/findings/ and belong in tests/fuzz/regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=${2:-1}
harness=${3:-load}
out=build-fuzz
mkdir -p "$out" "$out/corpus-$harness" tests/fuzz/findings
cmake -S . -B "$out/lib" -DCMAKE_C_COMPILER=clang -DRAPPORT_SANITIZE=ON \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$out/lib" --target rapport_core -j "$(nproc)" >/dev/null
clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_$harness.c \
  "$out/lib/librapport_core.a" $(pkg-config --libs libxml-2.0 fontconfig nettle libpng libjpeg) -lhpdf -lm \
  $( [ -e /usr/lib/x86_64-linux-gnu/libhyphen.so ] && echo -lhyphen ) -o "$out/fuzz_$harness"
if [ "$harness" = image ]; then
  cp tests/data/logo.* "$out/corpus-$harness/"
else
  cp input/*/*.xml tests/fail/*.xml "$out/corpus-$harness/" 2>/dev/null || true
fi
[ -d tests/fuzz/regressions ] && cp tests/fuzz/regressions/* "$out/corpus-$harness/" 2>/dev/null || true
# libFuzzer writes its per-job logs (fuzz-N.log) in the current directory: the build's.
root=$(pwd)
cd "$out"
"./fuzz_$harness" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -dict="$root/tests/fuzz/rapport.dict" \
  -artifact_prefix="$root/tests/fuzz/findings/$harness-" "corpus-$harness"
