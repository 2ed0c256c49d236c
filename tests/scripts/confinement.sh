#!/usr/bin/env bash
# Library confinement: libxml2 is included only under src/load/, libharu only by the PDF
# backend (src/render/pdf*.c and its private pdf_internal.h), HarfBuzz only by the shaper
# (src/render/shape.c), libunibreak only by src/render/breaks.c, FriBidi only by
# src/render/bidi.c, fontconfig only by the font lookups (src/render/fonts.c,
# font_fallback.c), libdeflate only by src/render/pdf_deflate.c (and zlib by none: the
# unit tests read streams back with it); the model includes no library header at all. Layering: the batch never
# reaches back into the command line, the templates never into the renderers, and no global
# holds the templates (see docs/architecture.md).
set -u
cd "$2" || exit 2
failed=0
bad=$(grep -rlE '#include <libxml/' src | grep -v '^src/load/')
[ -z "$bad" ] || { echo "FAIL: libxml2 included outside src/load/: $bad"; failed=1; }
bad=$(grep -rlE '#include <hpdf' src | grep -vE '^src/render/pdf([^/]*\.c|_internal\.h)$')
[ -z "$bad" ] || { echo "FAIL: libharu included outside src/render/pdf*.c and pdf_internal.h: $bad"; failed=1; }
bad=$(grep -rlE '#include <hb[-.]' src | grep -v '^src/render/shape\.c$')
[ -z "$bad" ] || { echo "FAIL: HarfBuzz included outside src/render/shape.c: $bad"; failed=1; }
bad=$(grep -rlE '#include <(linebreak|linebreakdef|wordbreak|unibreak)' src | grep -v '^src/render/breaks\.c$')
[ -z "$bad" ] || { echo "FAIL: libunibreak included outside src/render/breaks.c: $bad"; failed=1; }
bad=$(grep -rlE '#include <fribidi' src | grep -v '^src/render/bidi\.c$')
[ -z "$bad" ] || { echo "FAIL: FriBidi included outside src/render/bidi.c: $bad"; failed=1; }
bad=$(grep -rlE '#include <fontconfig/' src | grep -vE '^src/render/(fonts|font_fallback)\.c$')
[ -z "$bad" ] || { echo "FAIL: fontconfig included outside src/render/fonts.c and font_fallback.c: $bad"; failed=1; }
bad=$(grep -rlE '#include <(libdeflate|zlib)\.h>' src | grep -v '^src/render/pdf_deflate\.c$')
[ -z "$bad" ] || { echo "FAIL: libdeflate or zlib included outside src/render/pdf_deflate.c: $bad"; failed=1; }
bad=$(grep -lE '#include <(libxml|hpdf|fontconfig|hyphen|hb|linebreak|fribidi)' src/model/*)
[ -z "$bad" ] || { echo "FAIL: library types in the model: $bad"; failed=1; }
bad=$(grep -rlE '#include "cli/' src/batch src/produce src/compose src/render src/templates)
[ -z "$bad" ] || { echo "FAIL: cli/ included below the command line: $bad"; failed=1; }
bad=$(grep -rlE '#include "render/' src/templates src/model src/load src/check src/compose)
[ -z "$bad" ] || { echo "FAIL: render/ included by an earlier stage: $bad"; failed=1; }
bad=$(grep -rlE 'rp_templates_active|rp_templates_set_active' src)
[ -z "$bad" ] || { echo "FAIL: a global holding the templates: $bad"; failed=1; }
[ ! -e src/build ] || { echo "FAIL: src/build/ exists (the builders live in src/compose/)"; failed=1; }
exit $failed
