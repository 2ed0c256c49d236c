/* What every drawing of a chart shares, whatever the output: the value axis's scale, the
 * wording of a value, the alternative text, the colours (chart_colors.c) and the places of
 * thin slices' labels. The PDF layout (layout_chart.c) and the HTML edition's SVG
 * (html_chart*.c) both use these, so that a chart reads, scales and colours the same in
 * both. Pure functions: no layout, no state. */
#ifndef RP_RENDER_CHART_H
#define RP_RENDER_CHART_H

#include "doc/doc.h"
#include "templates/theme.h"
#include "util/buf.h"
#include "util/fmt.h"

#include <stddef.h>

/* The value axis of a bar chart: gridlines from `bottom` to `top` every `step`, which are
 * round numbers that include zero and every bar (stacked bars: every stack). Tick labels
 * have `tick_decimals` digits (steps below 1 need them). */
struct rp_chart_scale {
    double bottom, top, step;
    int tick_decimals;
};

struct rp_chart_scale rp_chart_scale(const struct rp_doc_chart *c);

/* Appends value `v` of chart `c` as its text says it, whole however long its unit: a date
 * on a timeline (the value is a day number), else the number in `lang`'s conventions with
 * the chart's decimals, then a no-break space and the unit when there is one ("1.816,5 k€"). */
void rp_chart_value_text(struct rp_buf *out, const struct rp_doc_chart *c, double v,
                         enum rp_lang lang);

/* Appends to `out` the chart's alternative text: its title and description, then every
 * figure it draws, in `lang`'s conventions (a donut's values with their shares), so that
 * nothing is only in the picture. */
void rp_chart_alt_text(struct rp_buf *out, const struct rp_doc_chart *c, enum rp_lang lang);

/* A timeline's months: the month index (year * 12 + month - 1) of day number `day`, and the
 * day number of the first day of month index `month`. */
long rp_chart_month_of(long day);
long rp_chart_month_start(long month);

/* An event of a timeline as both drawings place it: a category with a day in one series. */
struct rp_chart_event {
    double x;           /* its day as gathered; the drawing makes it its place on the axis */
    double left, width; /* of its label, set by the drawing */
    size_t series;      /* the first series that dates it: its kind, its colour */
    const char *label;  /* its category's name */
    const char *lang;   /* of its label (NULL: the document's) */
    int lane;           /* of its label (rp_chart_event_lanes) */
    size_t order;       /* its category's index: ties on x keep the document's order */
};

/* The dated events of timeline `c` into `ev` (room for c->category_count), in category
 * order, and the first and last days in *lo and *hi; returns how many. */
size_t rp_chart_events(const struct rp_doc_chart *c, struct rp_chart_event *ev, long *lo, long *hi);

/* Sorts events by x, events at one x in their categories' order: the same order in the PDF
 * and the HTML edition, whatever qsort does with equal keys. */
void rp_chart_sort_events(struct rp_chart_event *ev, size_t n);

/* Puts the labels of events sorted by x in lanes (rp_chart_lane, at most `max`, `gap`
 * apart); returns the number of lanes used. */
int rp_chart_event_lanes(struct rp_chart_event *ev, size_t n, int max, double gap);

/* Timeline labels in lanes, greedily: the lowest of the `*lanes` lanes in use whose last
 * label ends at least `gap` before `left`, or a new lane (at most `max`; beyond, the top
 * one, overlapping: crowded beyond reason). `end` (room for `max`) holds where each lane's
 * last label ends; the label of `width` is recorded there. Returns its lane. */
int rp_chart_lane(double *end, int *lanes, int max, double left, double width, double gap);

/* ---------------------------------------------------------------- colours */

/* The colour of palette index `color` (RP_DOC_COLOR_*, doc.h); RP_DOC_COLOR_AUTO takes the
 * theme's series colour of `position`. */
struct rp_rgb rp_chart_palette(const struct rp_theme *t, int color, size_t position);

/* The colour of series `s` (bars, timeline events) and of category `i` (donut slices):
 * pinned by the builder, else by position. */
struct rp_rgb rp_chart_series_color(const struct rp_theme *t, const struct rp_doc_chart *c,
                                    size_t s);
struct rp_rgb rp_chart_category_color(const struct rp_theme *t, const struct rp_doc_chart *c,
                                      size_t i);

/* ---------------------------------------------------------------- donuts */

/* What a donut's hole shows: the total its source states when there is one, so that the
 * chart and its table agree, else `sum`, the sum of its slices. */
double rp_chart_donut_centre(const struct rp_doc_chart *c, double sum);

/* A slice thinner than this share of the whole is too thin to see or to label inside: its
 * value is written outside the ring, joined to it by a leader line. */
#define RP_CHART_THIN_SHARE 0.03

/* Labels beside thin slices or segments: `at[k]` (ascending, y growing downwards) is where
 * each would like its middle; each is moved down, when needed, to lie at least `gap` below
 * the one before and not above `top`. */
void rp_chart_spread(double *at, size_t n, double gap, double top);

/* The label of a thin slice outside the ring: a leader line from (x0, y0), the middle of the
 * slice's outer edge, across to the label's middle at height y, on the right (side +1) or
 * the left (side -1) of the ring. */
struct rp_chart_tag {
    size_t category;
    double x0, y0, y;
    int side;
};

/* The tags of donut `c`'s thin slices (RP_CHART_THIN_SHARE of `total`, the sum of its
 * positive values), its ring centred at (cx, cy) with outer radius r, labels at least `gap`
 * apart. `out` has room for every category; returns how many it filled. */
size_t rp_chart_donut_tags(const struct rp_doc_chart *c, double total, double cx, double cy,
                           double r, double gap, struct rp_chart_tag *out);

#endif
