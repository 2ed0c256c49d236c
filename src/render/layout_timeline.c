/* Timeline chart: events placed on a time axis by their day, with month ticks below and
 * labels above, stacked in lanes so that none overlaps its neighbour. */
#include "render/chart.h"
#include "render/layout_flow.h"
#include "util/arena.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANES 6
#define LANE_H 10.5  /* a label lane */
#define MARKER_R 2.6 /* radius of an event's dot */

/* A filled dot of radius r around (cx, cy). */
static void dot(struct rp_flow *f, double cx, double cy, double r, struct rp_rgb color)
{
    struct rp_seg *segs = rp_arena_array(f->page_arena, 8, sizeof *segs);
    size_t n = 0;
    segs[n++] = (struct rp_seg){RP_SEG_MOVE, 0, 0, 0, 0, (float)cx, (float)(cy - r)};
    n = rp_chart_arc(segs, n, cx, cy, r, 0, 2 * 3.14159265358979323846);
    segs[n++] = (struct rp_seg){RP_SEG_CLOSE, 0, 0, 0, 0, 0, 0};
    struct rp_item *it = rp_flow_item(f, RP_ITEM_PATH);
    it->color = color;
    it->segs = segs;
    it->seg_count = n;
}

void rp_flow_timeline(struct rp_flow *f, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = f->theme;
    struct rp_chart_event *ev = rp_arena_array(f->env->arena, c->category_count + 1, sizeof *ev);
    long lo, hi;
    size_t n = rp_chart_events(c, ev, &lo, &hi);
    if (n == 0)
        return;
    long m0 = rp_chart_month_of(lo), m1 = rp_chart_month_of(hi) + 1; /* whole months, m1 excluded */
    long start = rp_chart_month_start(m0), days = rp_chart_month_start(m1) - start;
    double x0 = f->left + 6, x1 = f->right - 6, per_day = (x1 - x0) / (double)days;
    double size = RP_CHART_LABEL_SIZE;
    for (size_t i = 0; i < n; i++) {
        ev[i].x = x0 + (ev[i].x - (double)start + 0.5) * per_day;
        ev[i].width = rp_text_width(f->m, RP_FACE_BOLD, size, ev[i].label, strlen(ev[i].label));
        ev[i].left = ev[i].x - ev[i].width / 2;
        if (ev[i].left < f->left)
            ev[i].left = f->left;
        if (ev[i].left + ev[i].width > f->right)
            ev[i].left = f->right - ev[i].width;
    }
    rp_chart_sort_events(ev, n);
    int lanes = rp_chart_event_lanes(ev, n, MAX_LANES, 4);

    /* Month labels: every k-th month when the widest name does not fit a month. */
    double widest = 0;
    char name[64];
    for (long m = m0; m < m1; m++) {
        const char *mn = rp_month_name((int)(m % 12) + 1, f->lang);
        widest =
            fmax(widest, rp_text_width(f->m, RP_FACE_REGULAR, RP_CHART_AXIS_SIZE, mn, strlen(mn)));
    }
    long every = (long)ceil((widest + 4) / (30.44 * per_day));
    every = every < 1 ? 1 : every;

    double legend_h = c->series_count > 1 ? rp_chart_legend(f, c, false, 0) : 0;
    double title_h = rp_chart_title(f, c, false);
    double axis_y = title_h + lanes * LANE_H + 10, axis_h = 2 * RP_CHART_AXIS_SIZE * 1.35 + 6;
    rp_flow_need(f, axis_y + axis_h + legend_h + 8);
    rp_chart_title(f, c, true);
    double top = f->y;
    axis_y += top;

    /* Months: a light gridline and a tick at each start, names centred; the year under
     * January and under the first month. */
    for (long m = m0; m < m1; m++) {
        double a = x0 + (double)(rp_chart_month_start(m) - start) * per_day;
        double b = x0 + (double)(rp_chart_month_start(m + 1) - start) * per_day;
        rp_flow_line(f, a, top + title_h, a, axis_y, 0.4, th->grid);
        rp_flow_line(f, a, axis_y, a, axis_y + 4, 0.6, th->rule);
        if ((m - m0) % every == 0) {
            const char *mn = rp_month_name((int)(m % 12) + 1, f->lang);
            double mid = (a + b) / 2;
            rp_chart_text(f, mid, axis_y + 4 + RP_CHART_AXIS_SIZE, RP_FACE_REGULAR,
                          RP_CHART_AXIS_SIZE, th->muted, rp_flow_str(f, mn, strlen(mn)),
                          RP_TEXT_CENTER);
            if (m == m0 || m % 12 == 0) {
                snprintf(name, sizeof name, "%ld", m / 12);
                rp_chart_text(f, mid, axis_y + 4 + 2.3 * RP_CHART_AXIS_SIZE, RP_FACE_BOLD,
                              RP_CHART_AXIS_SIZE, th->text, rp_flow_str(f, name, strlen(name)),
                              RP_TEXT_CENTER);
            }
        }
    }
    double x_end = x0 + (double)days * per_day;
    rp_flow_line(f, x_end, axis_y, x_end, axis_y + 4, 0.6, th->rule);
    rp_flow_hline(f, x0, x1, axis_y, 0.9, th->text);

    /* Events: a stem from the axis up to the label's lane, then the labels on a white
     * ground (a stem may pass behind a lower label), then a dot on the axis. */
    static const struct rp_rgb white = {1, 1, 1};
    for (size_t i = 0; i < n; i++)
        rp_flow_line(f, ev[i].x, axis_y - 10 - (double)ev[i].lane * LANE_H, ev[i].x, axis_y, 0.5,
                     th->rule);
    for (size_t i = 0; i < n; i++) {
        double base = axis_y - 12 - (double)ev[i].lane * LANE_H;
        rp_flow_rect(f, ev[i].left - 1.5, base - size * 0.85, ev[i].width + 3, size * 1.15,
                     rp_flow_marks(f, RP_SPAN_TEXT, ev[i].lang) ? th->placeholder_fill : white);
        rp_chart_text(f, ev[i].left, base, RP_FACE_BOLD, size, th->text,
                      rp_flow_str(f, ev[i].label, strlen(ev[i].label)), RP_TEXT_LEFT);
    }
    for (size_t i = 0; i < n; i++)
        dot(f, ev[i].x, axis_y, MARKER_R, rp_chart_series_color(f->theme, c, ev[i].series));
    f->y = axis_y + axis_h;
    if (legend_h > 0)
        f->y += rp_chart_legend(f, c, true, f->y);
    f->fresh = false;
}
