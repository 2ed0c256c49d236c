/* The look of rendered documents: page geometry, type sizes, colours and the logo, as
 * theme.xml of the templates says (the templates loader fills it over the default look).
 * Lengths are in PostScript points (1/72 inch). */
#ifndef RP_TEMPLATES_THEME_H
#define RP_TEMPLATES_THEME_H

#include <stdbool.h>
#include <stddef.h>

struct rp_rgb {
    float r, g, b; /* 0..1 */
};

#define RP_THEME_SERIES 8

/* The status colours of charts, by hue: each status has one of them for good (the
 * dashboard's builder pins it), so that a colour means the same status in every chart,
 * document, year and language. Okabe and Ito's palette, told apart with any colour vision. */
enum rp_status_color {
    RP_STATUS_BLUE,
    RP_STATUS_SKY,
    RP_STATUS_GREEN,
    RP_STATUS_ORANGE,
    RP_STATUS_VERMILLION,
    RP_STATUS_PURPLE,
    RP_STATUS_GREY,
    RP_THEME_STATUS
};

struct rp_theme {
    /* Page (portrait; landscape pages swap width and height) and margins. */
    double page_width, page_height;
    double margin_top, margin_bottom, margin_left, margin_right;
    const char *font_family; /* fontconfig family of the four TrueType faces */

    double body_size, small_size, table_size, note_size, caption_size;
    double heading_size[3]; /* levels 1, 2, 3+ */
    double leading;         /* line height as a multiple of the type size */
    double paragraph_gap;   /* space after a paragraph */
    bool justify;           /* justified body text rather than ragged right */
    bool chapter_new_page;  /* level-1 sections start on a new page */
    int toc_depth;          /* deepest level listed in the table of contents */
    double min_table_size;  /* wide tables shrink down to this size before wrapping */

    struct rp_rgb text, muted, primary, accent, rule, header_fill, header_text;
    struct rp_rgb subtotal_fill, total_fill, flag_fill, flag_text, placeholder_fill;
    struct rp_rgb remark_fill, figure_fill, grid;
    /* Status words in tables: achieved, partly or late, failed. */
    struct rp_rgb status_good, status_warn, status_bad;
    /* Chart series, ordered so that neighbours differ in lightness (readable in grey). */
    struct rp_rgb series[RP_THEME_SERIES];
    struct rp_rgb status_series[RP_THEME_STATUS]; /* by enum rp_status_color */

    /* The organisation's logo on the cover: a PNG or JPEG file, scaled to fit logo_width ×
     * logo_height keeping its proportions; NULL for none. The templates loader read its
     * bytes once and checked every pixel of them: those same bytes are embedded, so a file
     * replaced after loading never reaches the PDF library. */
    const char *logo;
    const unsigned char *logo_data;
    size_t logo_size;
    bool logo_png; /* else JPEG */
    double logo_width, logo_height;
};

/* Fills `theme` with the default look (A4, Liberation Sans, navy). */
void rp_theme_default(struct rp_theme *theme);

#endif
