/* Locating the four TrueType faces of a family through fontconfig. */
#ifndef RP_FONTS_H
#define RP_FONTS_H

#include "render/metrics.h"

#include <stddef.h>

struct rp_diags;

struct rp_font_files {
    char *path[RP_FACE__MAX]; /* heap-owned: rp_font_files_free() */
};

/* Finds regular, bold, italic and bold-italic TrueType (.ttf) files of `family`, falling
 * back to Liberation Sans and then DejaVu Sans for a face the family lacks (a warning says
 * so). Returns 0, or -1 with an error in `diags` when a face has no TrueType file at all. */
__attribute__((warn_unused_result)) int rp_fonts_find(const char *family, struct rp_font_files *out,
                                                      struct rp_diags *diags);

void rp_font_files_free(struct rp_font_files *files);

/* How many times rp_fonts_find() has asked fontconfig in this process: a family already
 * found without warning is answered from memory (tests). */
size_t rp_fonts_matches(void);

/* Loads fontconfig's configuration and font cache now, and finds the faces of `family`
 * (the theme's; NULL: the default), for processes forked later (the batch's workers) to
 * inherit, rather than each parsing and matching them again for its one document. */
void rp_fonts_warm_up(const char *family);

#endif
