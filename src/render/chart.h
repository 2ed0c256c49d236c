/* What every drawing of a chart shares, whatever the output: the value axis's scale, the
 * wording of a value, and the alternative text. The PDF layout (layout_chart.c) and the
 * HTML edition's SVG (html_chart*.c) both use these, so that a chart reads and scales the
 * same in both. Pure functions: no layout, no state. */
#ifndef RP_RENDER_CHART_H
#define RP_RENDER_CHART_H

#include "doc/doc.h"
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

/* Timeline labels in lanes, greedily: the lowest of the `*lanes` lanes in use whose last
 * label ends at least `gap` before `left`, or a new lane (at most `max`; beyond, the top
 * one, overlapping: crowded beyond reason). `end` (room for `max`) holds where each lane's
 * last label ends; the label of `width` is recorded there. Returns its lane. */
int rp_chart_lane(double *end, int *lanes, int max, double left, double width, double gap);

#endif
