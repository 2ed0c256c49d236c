#!/usr/bin/env bash
# The whole test suite: tests/js's npm packages, a build with warnings as errors, then the
# same suite under the address and undefined-behaviour sanitizers. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

# tests/js's npm packages, as its lock file pins them (pdf.js, for script.pdfjs_struct;
# axe-core and puppeteer-core, for script.html_axe), with
# Debian's nodejs and npm first where npm is missing.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    nodejs npm >/dev/null
fi
npm ci --prefix tests/js --no-audit --no-fund --loglevel=error >/dev/null

cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_WERROR=ON >/dev/null
cmake --build build-ci -j "$jobs"
ctest --test-dir build-ci --output-on-failure -j "$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRAPPORT_WERROR=ON -DRAPPORT_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
