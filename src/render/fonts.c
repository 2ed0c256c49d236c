#define _POSIX_C_SOURCE 200809L /* strdup, strcasecmp */

#include "render/fonts.h"

#include "util/arena.h"
#include "util/diag.h"

#include <fontconfig/fontconfig.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const face_names[RP_FACE__MAX] = {"regular", "bold", "italic", "bold italic"};

/* libharu reads TrueType outlines only (no CFF-flavoured OpenType). */
static bool is_truetype(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcasecmp(path + n - 4, ".ttf") == 0;
}

/* The file fontconfig matches for `family` in `face`, if it really is that family. */
static char *match(FcConfig *config, const char *family, enum rp_face face)
{
    int weight =
        face == RP_FACE_BOLD || face == RP_FACE_BOLD_ITALIC ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    int slant =
        face == RP_FACE_ITALIC || face == RP_FACE_BOLD_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN;
    FcPattern *pat =
        FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family, FC_WEIGHT,
                       FcTypeInteger, weight, FC_SLANT, FcTypeInteger, slant, FC_FONTFORMAT,
                       FcTypeString, (const FcChar8 *)"TrueType", (char *)NULL);
    if (!pat)
        return NULL;
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *found = FcFontMatch(config, pat, &result);
    char *path = NULL;
    if (found) {
        FcChar8 *file = NULL, *fam = NULL;
        int got_weight = 0, got_slant = 0;
        /* fontconfig always answers something: accept it only when it is the family and
         * the style asked for, not a substitute. */
        if (FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(found, FC_FAMILY, 0, &fam) == FcResultMatch &&
            FcPatternGetInteger(found, FC_WEIGHT, 0, &got_weight) == FcResultMatch &&
            FcPatternGetInteger(found, FC_SLANT, 0, &got_slant) == FcResultMatch &&
            strcasecmp((const char *)fam, family) == 0 && is_truetype((const char *)file) &&
            (got_weight >= FC_WEIGHT_BOLD) == (weight >= FC_WEIGHT_BOLD) &&
            (got_slant != FC_SLANT_ROMAN) == (slant != FC_SLANT_ROMAN))
            path = strdup((const char *)file);
        FcPatternDestroy(found);
    }
    FcPatternDestroy(pat);
    return path;
}

void rp_fonts_warm_up(const char *family)
{
    FcInit();
    struct rp_font_files files;
    struct rp_diags quiet; /* a render that needs the faces reports their problems */
    rp_diags_init(&quiet);
    if (rp_fonts_find(family, &files, &quiet) == 0)
        rp_font_files_free(&files);
    rp_diags_free(&quiet);
}

/* The families found so far in this process, each with its faces' files: a batch opens
 * every document's fonts (twice when its editions are compared), and a fontconfig match
 * costs more than laying out a page. Only a family found without warning is remembered,
 * so that a fallback's warning is given for every document as before. The batch's parent
 * finds the theme's family first (rp_fonts_warm_up()), and its workers inherit it. Not
 * thread-safe. */
static struct found {
    char *family; /* "" for no family */
    char *path[RP_FACE__MAX];
} found[4];
static size_t found_count, fontconfig_matches;

static bool remembered(const char *family, struct rp_font_files *out)
{
    for (size_t i = 0; i < found_count; i++)
        if (strcmp(found[i].family, family ? family : "") == 0) {
            for (int face = 0; face < RP_FACE__MAX; face++)
                out->path[face] = rp_xstrdup(found[i].path[face]);
            return true;
        }
    return false;
}

static void remember(const char *family, const struct rp_font_files *files)
{
    if (found_count == sizeof found / sizeof *found)
        return;
    struct found *f = &found[found_count++];
    f->family = rp_xstrdup(family ? family : "");
    for (int face = 0; face < RP_FACE__MAX; face++)
        f->path[face] = rp_xstrdup(files->path[face]);
}

size_t rp_fonts_matches(void)
{
    return fontconfig_matches;
}

int rp_fonts_find(const char *family, struct rp_font_files *out, struct rp_diags *diags)
{
    static const char *const fallbacks[] = {"Liberation Sans", "DejaVu Sans"};
    memset(out, 0, sizeof *out);
    if (remembered(family, out))
        return 0;
    size_t warnings = diags->warnings;
    fontconfig_matches++;
    /* The default configuration, loaded once per process and shared by every render. */
    FcConfig *config = FcInit() ? FcConfigGetCurrent() : NULL;
    if (!config) {
        rp_diag_add(diags, RP_ERROR, NULL, 0, 0, "fontconfig could not be initialised");
        return -1;
    }
    int rc = 0;
    for (int face = 0; face < RP_FACE__MAX; face++) {
        out->path[face] = family ? match(config, family, (enum rp_face)face) : NULL;
        for (size_t i = 0; !out->path[face] && i < sizeof fallbacks / sizeof *fallbacks; i++) {
            out->path[face] = match(config, fallbacks[i], (enum rp_face)face);
            if (out->path[face] && family)
                rp_diag_add(diags, RP_WARNING, NULL, 0, 0,
                            "font family \"%s\" has no TrueType %s face; using %s", family,
                            face_names[face], fallbacks[i]);
        }
        if (!out->path[face]) {
            rp_diag_add(diags, RP_ERROR, NULL, 0, 0,
                        "no TrueType %s face found for \"%s\" (install fonts-liberation2)",
                        face_names[face], family ? family : fallbacks[0]);
            rc = -1;
        }
    }
    if (rc)
        rp_font_files_free(out);
    else if (diags->warnings == warnings)
        remember(family, out);
    return rc;
}

/* gcc says __SANITIZE_ADDRESS__, clang (the fuzzing build) __has_feature(address_sanitizer). */
#if defined(__SANITIZE_ADDRESS__)
#define RP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RP_ASAN 1
#endif
#endif

#ifdef RP_ASAN
/* fontconfig leaks a few hundred bytes while parsing its configuration (FcInit), and
 * libhyphen while loading hyph_fr.dic, once per process: not ours to fix, and not to be
 * mistaken for leaks of rapport's under -fsanitize=address. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\nleak:libhyphen.so\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

void rp_font_files_free(struct rp_font_files *files)
{
    for (int i = 0; i < RP_FACE__MAX; i++) {
        free(files->path[i]);
        files->path[i] = NULL;
    }
}
