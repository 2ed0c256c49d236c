#!/usr/bin/env bash
# Library confinement: libxml2 is included only under src/load/, libharu only by the PDF
# backend (src/render/pdf*.c); the model includes no library header at all.
set -u
cd "$2" || exit 2
failed=0
bad=$(grep -rlE '#include <libxml/' src | grep -v '^src/load/')
[ -z "$bad" ] || { echo "FAIL: libxml2 included outside src/load/: $bad"; failed=1; }
bad=$(grep -rlE '#include <hpdf' src | grep -vE '^src/render/pdf[^/]*\.c$')
[ -z "$bad" ] || { echo "FAIL: libharu included outside src/render/pdf*.c: $bad"; failed=1; }
bad=$(grep -lE '#include <(libxml|hpdf|fontconfig|hyphen)' src/model/*)
[ -z "$bad" ] || { echo "FAIL: library types in the model: $bad"; failed=1; }
exit $failed
