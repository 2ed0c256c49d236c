/* The fallback faces of characters the document's face lacks, found with fontconfig's sort
 * (see font_fallback.h). */
#define _POSIX_C_SOURCE 200809L /* strdup, strcasecmp */

#include "render/font_fallback.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A face the PDF can embed as CIDFontType2: TrueType outlines in a .ttf file of one face. */
static bool embeddable(FcPattern *font)
{
    FcChar8 *file = NULL;
    FcBool outline = FcFalse, color = FcFalse;
    int index = 0;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
        return false;
    size_t n = strlen((const char *)file);
    if (n < 5 || strcasecmp((const char *)file + n - 4, ".ttf") != 0)
        return false;
    if (FcPatternGetBool(font, FC_OUTLINE, 0, &outline) == FcResultMatch && !outline)
        return false;
    if (FcPatternGetBool(font, FC_COLOR, 0, &color) == FcResultMatch && color)
        return false; /* colour emoji are bitmaps (CBDT) a PDF font cannot show */
    return FcPatternGetInteger(font, FC_INDEX, 0, &index) != FcResultMatch || index == 0;
}

static bool covers(FcPattern *font, const uint32_t *cps, size_t count)
{
    FcCharSet *cs = NULL;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch)
        return false;
    for (size_t i = 0; i < count; i++)
        if (!FcCharSetHasChar(cs, cps[i]))
            return false;
    return true;
}

/* The installed faces from closest to farthest to face `style` of a sans-serif family,
 * sorted once per process (per thread) and kept: a document in an unsupported script asks
 * about hundreds of characters, and a sort costs milliseconds where a look at a face's
 * character set costs nanoseconds. */
static FcFontSet *sorted(enum rp_face style)
{
    static _Thread_local FcFontSet *sets[RP_FACE__MAX];
    static _Thread_local bool tried[RP_FACE__MAX];
    if (tried[style])
        return sets[style];
    tried[style] = true;
    FcConfig *config = FcInit() ? FcConfigGetCurrent() : NULL;
    if (!config)
        return NULL;
    int weight =
        style == RP_FACE_BOLD || style == RP_FACE_BOLD_ITALIC ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    int slant =
        style == RP_FACE_ITALIC || style == RP_FACE_BOLD_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN;
    /* The document is set in a sans-serif face: a sans-serif fallback looks closest. */
    FcPattern *pat =
        FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)"sans-serif", FC_WEIGHT,
                       FcTypeInteger, weight, FC_SLANT, FcTypeInteger, slant, (char *)NULL);
    if (!pat)
        return NULL;
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    /* Untrimmed: every installed face, the ones that add no character included. */
    sets[style] = FcFontSort(config, pat, FcFalse, NULL, &result);
    FcPatternDestroy(pat);
    return sets[style];
}

char *rp_font_fallback_find(enum rp_face face, const uint32_t *cps, size_t count)
{
    FcFontSet *set = count ? sorted(face) : NULL;
    for (int i = 0; set && i < set->nfont; i++) {
        FcPattern *font = set->fonts[i];
        FcChar8 *file = NULL;
        if (covers(font, cps, count) && embeddable(font) &&
            FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch)
            return strdup((const char *)file);
    }
    return NULL;
}

bool rp_font_fallback_any(uint32_t cp)
{
    FcFontSet *set = sorted(RP_FACE_REGULAR);
    for (int i = 0; set && i < set->nfont; i++)
        if (covers(set->fonts[i], &cp, 1) && embeddable(set->fonts[i]))
            return true;
    return false;
}
