#!/usr/bin/env bash
# Builds the libFuzzer harness with clang (address + undefined sanitizers) and runs it.
#   tests/fuzz/run.sh [SECONDS] [JOBS]
# Needs: clang libclang-rt-14-dev (Debian). The corpus starts from input/ and tests/fail/;
# findings land in tests/fuzz/findings/ and belong in tests/fuzz/regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=${2:-1}
out=build-fuzz
mkdir -p "$out" "$out/corpus" tests/fuzz/findings
cmake -S . -B "$out/lib" -DCMAKE_C_COMPILER=clang -DRAPPORT_SANITIZE=ON \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$out/lib" --target rapport_core -j "$(nproc)" >/dev/null
clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_load.c \
  "$out/lib/librapport_core.a" $(pkg-config --libs libxml-2.0 fontconfig) -lhpdf -lm \
  $( [ -e /usr/lib/x86_64-linux-gnu/libhyphen.so ] && echo -lhyphen ) -o "$out/fuzz_load"
cp input/*/*.xml tests/fail/*.xml "$out/corpus/" 2>/dev/null || true
[ -d tests/fuzz/regressions ] && cp tests/fuzz/regressions/* "$out/corpus/" 2>/dev/null || true
"$out/fuzz_load" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -dict=tests/fuzz/rapport.dict \
  -artifact_prefix=tests/fuzz/findings/ "$out/corpus"
