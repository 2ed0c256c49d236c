/* Drawing a chart as inline SVG for the HTML edition: the canvas, a few shapes, text and a
 * legend written through the XML writer (so every attribute and text is escaped), and the
 * three drawings (bars, donut, timeline). Private to html_chart*.c.
 *
 * Coordinates are user units of a viewBox RP_SVG_WIDTH wide; the page's stylesheet scales
 * the picture to its column, so nothing here knows pixels. They are written with one
 * decimal through snprintf, which rapport never localises (no setlocale for numbers):
 * the same chart gives the same bytes everywhere.
 *
 * The browser sets the text, not rapport: widths are estimated from the characters (a
 * sans-serif's usual advances), which is enough to place labels and wrap them, with a
 * margin for error. */
#ifndef RP_RENDER_HTML_SVG_H
#define RP_RENDER_HTML_SVG_H

#include "doc/doc.h"
#include "templates/theme.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;
struct rp_xml_writer;

#define RP_SVG_WIDTH 480.0
#define RP_SVG_PAD 4.0         /* left and right of the drawing */
#define RP_SVG_AXIS_SIZE 11.0  /* axis and legend text */
#define RP_SVG_LABEL_SIZE 10.5 /* value labels */

/* What every drawing needs: where to write, the look, the edition's language, and what
 * the <svg> element says about itself. */
struct rp_svg {
    struct rp_xml_writer *w;
    const struct rp_doc *doc;
    const struct rp_theme *theme;
    enum rp_lang lang;
    const char *id;           /* the figure's id; the svg's own ids are "<id>-t" and "<id>-d" */
    const char *title;        /* the chart's title as plain text (may be "") */
    const char *alt;          /* its alternative text (chart.h) */
    struct rp_arena *scratch; /* working memory of this one chart, freed after it */
};

enum rp_svg_anchor { RP_SVG_START, RP_SVG_MIDDLE, RP_SVG_END };

/* Opens <svg role="img"> `height` units high, with its <title> and <desc>; the drawing
 * then writes its shapes and the caller closes the element. */
void rp_svg_begin(struct rp_svg *g, double height);

/* "#1f3a5f". `out` has room for 8 bytes. */
void rp_svg_color(char out[8], struct rp_rgb c);

/* Of the theme's text colour and white, the one that reads best on `ground` (WCAG
 * contrast ratio). */
struct rp_rgb rp_svg_ink_on(const struct rp_svg *g, struct rp_rgb ground);

void rp_svg_rect(struct rp_svg *g, double x, double y, double w, double h, struct rp_rgb fill);
void rp_svg_line(struct rp_svg *g, double x1, double y1, double x2, double y2, double width,
                 struct rp_rgb stroke);
void rp_svg_circle(struct rp_svg *g, double cx, double cy, double r, struct rp_rgb fill);

/* A path of data `d` (SVG path syntax built by the caller with fixed decimals), filled,
 * with a white outline of `outline` units when it is positive. */
void rp_svg_path(struct rp_svg *g, const char *d, struct rp_rgb fill, double outline);

/* Text flags. */
enum { RP_SVG_BOLD = 1, RP_SVG_ITALIC = 2 };

/* One line of text (the first `len` bytes of `s`) with its baseline at y; `lang` marks text
 * in another language than the document's (NULL: the document's). */
void rp_svg_text(struct rp_svg *g, double x, double y, double size, unsigned flags,
                 enum rp_svg_anchor anchor, struct rp_rgb fill, const char *s, size_t len,
                 const char *lang);

/* The estimated width of `len` bytes of `s` at `size`. */
double rp_svg_text_width(const char *s, size_t len, double size, unsigned flags);

/* A line of wrapped text: bytes [start, start + len) of the text, and whether an ellipsis
 * ends it because lines were left out. */
struct rp_svg_line {
    size_t start, len;
    bool cut;
};

/* Breaks `s` at spaces into at most `max` lines no wider than `width` (a longer word
 * stands alone on its line); returns the line count (at least 1). */
size_t rp_svg_wrap(const char *s, double width, double size, unsigned flags,
                   struct rp_svg_line *lines, size_t max);

/* Writes wrapped lines with the first baseline at y, one line `step` below the other. */
void rp_svg_lines(struct rp_svg *g, double x, double y, double step, double size, unsigned flags,
                  enum rp_svg_anchor anchor, struct rp_rgb fill, const char *s,
                  const struct rp_svg_line *lines, size_t count, const char *lang);

/* A legend: a swatch of its colour and the name of each series of `c`, flowing left to
 * right across the drawing from `top`; a name too long for one line wraps onto more, never
 * cut. Returns its height, writing it only when `draw`. */
double rp_svg_legend(struct rp_svg *g, const struct rp_doc_chart *c, double top, bool draw);

/* ---- the drawings: each measures itself, calls rp_svg_begin, then draws */
void rp_svg_bars(struct rp_svg *g, const struct rp_doc_chart *c);
void rp_svg_donut(struct rp_svg *g, const struct rp_doc_chart *c);
void rp_svg_timeline(struct rp_svg *g, const struct rp_doc_chart *c);

#endif
