/* Font metrics as the layout engine sees them.
 *
 * The layout measures text only through this interface, so it never depends on the PDF
 * library: the PDF backend implements it over the embedded TrueType fonts, shaped by
 * HarfBuzz (kerning included), tests with a fixed-width fake, whose strings' widths are the
 * sums of their advances. */
#ifndef RP_METRICS_H
#define RP_METRICS_H

#include <stddef.h>
#include <stdint.h>

enum rp_face { RP_FACE_REGULAR, RP_FACE_BOLD, RP_FACE_ITALIC, RP_FACE_BOLD_ITALIC, RP_FACE__MAX };

struct rp_metrics {
    void *ctx;
    /* Advance width of code point `cp` in `face`, in thousandths of the font size. */
    double (*advance)(void *ctx, enum rp_face face, uint32_t cp);
    /* Ascender and descender (negative) of the regular face, in thousandths. */
    double ascent, descent;
    /* Width of the `len` bytes of UTF-8 `s` in `face`, in thousandths of the font size, as
     * drawn (shaped, kerned); NULL: the sum of the advances. */
    double (*width)(void *ctx, enum rp_face face, const char *s, size_t len);
    /* Where the layout keeps the atoms of texts it has cut with these metrics (layout.h);
     * NULL: cut again every time. Made and freed with the metrics. */
    struct rp_atoms_memo *memo;
};

/* The face with the bold and/or italic bit added. */
enum rp_face rp_face_with(enum rp_face face, int bold, int italic);

/* Width in points of `len` bytes of UTF-8 `s` set in `face` at `size` points. */
double rp_text_width(const struct rp_metrics *m, enum rp_face face, double size, const char *s,
                     size_t len);

#endif
