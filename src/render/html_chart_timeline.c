/* A timeline in SVG, as the PDF draws it (layout_timeline.c): events placed on a time axis
 * by their day, whole months marked below with their names and years, labels above in lanes so that
 * none overlaps its neighbour, a dot per event in the colour of its kind. */
#include "render/chart.h"
#include "render/html_svg.h"
#include "util/arena.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANES 6
#define LANE_H 16.0  /* a label lane */
#define MARKER_R 4.0 /* radius of an event's dot */

void rp_svg_timeline(struct rp_svg *g, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = g->theme;
    double axis = RP_SVG_AXIS_SIZE, size = RP_SVG_LABEL_SIZE;
    struct rp_chart_event *ev = rp_arena_array(g->scratch, c->category_count, sizeof *ev);
    long lo, hi;
    size_t n = rp_chart_events(c, ev, &lo, &hi);
    if (n == 0) {
        rp_svg_begin(g, 8); /* nothing dated: the table lists the events */
        return;
    }
    long m0 = rp_chart_month_of(lo), m1 = rp_chart_month_of(hi) + 1; /* whole months, m1 excluded */
    long start = rp_chart_month_start(m0), days = rp_chart_month_start(m1) - start;
    double left = RP_SVG_PAD, right = RP_SVG_WIDTH - RP_SVG_PAD;
    double x0 = left + 6, x1 = right - 6, per_day = (x1 - x0) / (double)days;
    for (size_t i = 0; i < n; i++) {
        ev[i].x = x0 + (ev[i].x - (double)start + 0.5) * per_day;
        ev[i].width = rp_svg_text_width(ev[i].label, strlen(ev[i].label), size, RP_SVG_BOLD);
        ev[i].left = fmin(fmax(ev[i].x - ev[i].width / 2, left), right - ev[i].width);
    }
    rp_chart_sort_events(ev, n);
    int lanes = rp_chart_event_lanes(ev, n, MAX_LANES, 6);

    /* Month names: every k-th month when the widest does not fit a month. */
    double widest = 0;
    for (long m = m0; m < m1; m++) {
        const char *mn = rp_month_name((int)(m % 12) + 1, g->lang);
        widest = fmax(widest, rp_svg_text_width(mn, strlen(mn), axis, 0));
    }
    long every = (long)ceil((widest + 6) / (30.44 * per_day));
    every = every < 1 ? 1 : every;

    double top = 4, axis_y = top + lanes * LANE_H + 12, axis_h = 2 * axis * 1.35 + 8;
    bool legend = c->series_count > 1;
    double legend_h = legend ? rp_svg_legend(g, c, 0, false) : 0;
    rp_svg_begin(g, axis_y + axis_h + legend_h + 2);

    /* Months: a light gridline and a tick at each start, names centred (kept inside the
     * drawing); the year under the first named month of each year (the PDF names it under
     * January and the first month, but January may be one of the months left unnamed). */
    char year[24];
    long year_named = -1;
    for (long m = m0; m < m1; m++) {
        double a = x0 + (double)(rp_chart_month_start(m) - start) * per_day;
        double b = x0 + (double)(rp_chart_month_start(m + 1) - start) * per_day;
        rp_svg_line(g, a, top, a, axis_y, 0.6, th->grid);
        rp_svg_line(g, a, axis_y, a, axis_y + 5, 0.8, th->rule);
        if ((m - m0) % every != 0)
            continue;
        const char *mn = rp_month_name((int)(m % 12) + 1, g->lang);
        double half = rp_svg_text_width(mn, strlen(mn), axis, 0) / 2;
        double mid = fmin(fmax((a + b) / 2, left + half), right - half);
        rp_svg_text(g, mid, axis_y + 5 + axis, axis, 0, RP_SVG_MIDDLE, th->muted, mn, strlen(mn),
                    NULL);
        if (m / 12 != year_named) {
            year_named = m / 12;
            snprintf(year, sizeof year, "%ld", year_named);
            rp_svg_text(g, mid, axis_y + 5 + 2.3 * axis, axis, RP_SVG_BOLD, RP_SVG_MIDDLE, th->text,
                        year, strlen(year), NULL);
        }
    }
    double x_end = x0 + (double)days * per_day;
    rp_svg_line(g, x_end, axis_y, x_end, axis_y + 5, 0.8, th->rule);
    rp_svg_line(g, x0, axis_y, x1, axis_y, 1.3, th->text);

    /* Events: a stem from the axis up to the label's lane, then the labels on a white
     * ground (a stem may pass behind a lower label), then a dot on the axis. */
    static const struct rp_rgb white = {1, 1, 1};
    for (size_t i = 0; i < n; i++)
        rp_svg_line(g, ev[i].x, axis_y - 14 - (double)ev[i].lane * LANE_H, ev[i].x, axis_y, 0.8,
                    th->rule);
    for (size_t i = 0; i < n; i++) {
        double base = axis_y - 16 - (double)ev[i].lane * LANE_H;
        rp_svg_rect(g, ev[i].left - 2, base - size * 0.9, ev[i].width + 4, size * 1.2, white);
        rp_svg_text(g, ev[i].left, base, size, RP_SVG_BOLD, RP_SVG_START, th->text, ev[i].label,
                    strlen(ev[i].label), ev[i].lang);
    }
    for (size_t i = 0; i < n; i++)
        rp_svg_circle(g, ev[i].x, axis_y, MARKER_R,
                      rp_chart_series_color(g->theme, c, ev[i].series));
    if (legend)
        rp_svg_legend(g, c, axis_y + axis_h, true);
}
