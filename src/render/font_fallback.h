/* Finding, through fontconfig, an installed face that can draw characters the document's
 * face lacks (font_fallback.c). */
#ifndef RP_FONT_FALLBACK_H
#define RP_FONT_FALLBACK_H

#include "render/metrics.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The file of the installed face closest to `face`'s weight and slant (sans-serif first,
 * in fontconfig's order) that has a glyph for every one of the `count` characters `cps`,
 * or NULL when none has. Only TrueType outlines (.ttf, face 0 of the file, no colour
 * bitmaps) are taken: the PDF embeds them as CIDFontType2. fontconfig sorts the faces the
 * same way for the same installed fonts, so the same characters give the same face in
 * every run. Heap-owned. */
char *rp_font_fallback_find(enum rp_face face, const uint32_t *cps, size_t count);

/* Whether some installed face that the PDF can embed has a glyph for `cp`. */
bool rp_font_fallback_any(uint32_t cp);

#endif
