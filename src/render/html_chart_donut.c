/* A donut in SVG, as the PDF draws it (layout_chart.c): the first series' positive values
 * as slices clockwise from twelve o'clock, the stated total (else the sum) in the hole, the
 * values of slices too thin to see beside the ring, and a legend beside it giving each
 * category's value and share. */
#include "render/chart.h"
#include "render/html_svg.h"
#include "util/arena.h"
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846
#define OUTER 80.0 /* radii of the ring */
#define INNER 48.0
#define SIDE 30.0         /* beside the ring, for the values of thin slices */
#define VALUES_W 118.0    /* the legend's value and share columns */
#define MAX_NAME_LINES 12 /* names wrap, never cut: far more than any needs */

/* Appends "<cmd>x y" to a path, one decimal, never "-0.0". */
static void point(struct rp_buf *d, const char *cmd, double x, double y)
{
    char buf[64];
    x = fabs(x) < 0.05 ? 0 : x;
    y = fabs(y) < 0.05 ? 0 : y;
    snprintf(buf, sizeof buf, "%s%.1f %.1f", cmd, x, y);
    rp_buf_adds(d, buf);
}

/* Appends an arc of radius r around (cx, cy) from angle a0 to a1 (radians, clockwise from
 * twelve o'clock), in pieces of at most a quarter turn so that a whole turn, whose ends
 * meet, still draws. */
static void arc(struct rp_buf *d, double cx, double cy, double r, double a0, double a1)
{
    int pieces = (int)ceil(fabs(a1 - a0) / (PI / 2) - 1e-9);
    pieces = pieces < 1 ? 1 : pieces;
    char head[48];
    snprintf(head, sizeof head, " A%.1f %.1f 0 0 %d ", r, r, a1 > a0 ? 1 : 0);
    for (int i = 1; i <= pieces; i++) {
        double t = a0 + (a1 - a0) * i / pieces;
        rp_buf_adds(d, head);
        point(d, "", cx + r * sin(t), cy - r * cos(t));
    }
}

void rp_svg_donut(struct rp_svg *g, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = g->theme;
    const struct rp_doc_series *s = &c->series[0];
    size_t nc = c->category_count;
    double total = 0;
    for (size_t i = 0; i < nc; i++)
        if (s->present[i] && s->values[i] > 0)
            total += s->values[i];

    /* The legend right of the ring: names wrapped before the value and share columns. */
    double size = RP_SVG_AXIS_SIZE + 0.5, lh = size * 1.3, right = RP_SVG_WIDTH - RP_SVG_PAD;
    /* Room left and right of the ring for the labels of thin slices. */
    double cx = RP_SVG_PAD + SIDE + OUTER + 4, lx = cx + OUTER + SIDE + 12,
           name_w = right - lx - 16 - VALUES_W;
    struct rp_svg_line *lines = rp_arena_array(g->scratch, nc * MAX_NAME_LINES, sizeof *lines);
    size_t *counts = rp_arena_array(g->scratch, nc, sizeof *counts);
    double legend_h = 0;
    for (size_t i = 0; i < nc; i++) {
        counts[i] = rp_svg_wrap(c->categories[i], name_w, size, 0, lines + i * MAX_NAME_LINES,
                                MAX_NAME_LINES);
        legend_h += (double)counts[i] * lh + 4;
    }
    double body = fmax(legend_h, 2 * OUTER + 8);
    rp_svg_begin(g, body + 4);

    double cy = body / 2, a = 0;
    for (size_t i = 0; total > 0 && i < nc; i++) {
        if (!s->present[i] || s->values[i] <= 0)
            continue;
        double a1 = a + s->values[i] / total * 2 * PI;
        struct rp_buf d = {0};
        point(&d, "M", cx + OUTER * sin(a), cy - OUTER * cos(a));
        arc(&d, cx, cy, OUTER, a, a1);
        point(&d, " L", cx + INNER * sin(a1), cy - INNER * cos(a1));
        arc(&d, cx, cy, INNER, a1, a);
        rp_buf_adds(&d, " Z");
        rp_svg_path(g, d.data, rp_chart_category_color(th, c, i), 1.5); /* white parts the slices */
        free(d.data);
        a = a1;
    }
    char buf[96];
    struct rp_chart_tag *tags = rp_arena_array(g->scratch, nc, sizeof *tags);
    size_t thin = rp_chart_donut_tags(c, total, cx, cy, OUTER, RP_SVG_LABEL_SIZE + 2, tags);
    for (size_t k = 0; k < thin; k++) {
        const struct rp_chart_tag *t = &tags[k];
        double end = cx + t->side * (OUTER + 9);
        rp_svg_line(g, t->x0, t->y0, end, t->y, 0.6, th->muted);
        rp_fmt_number(buf, sizeof buf, s->values[t->category], c->decimals, g->lang);
        rp_svg_text(g, end + t->side * 2, t->y + RP_SVG_LABEL_SIZE * 0.35, RP_SVG_LABEL_SIZE, 0,
                    t->side > 0 ? RP_SVG_START : RP_SVG_END, th->text, buf, strlen(buf), NULL);
    }
    rp_fmt_number(buf, sizeof buf, rp_chart_donut_centre(c, total), c->decimals, g->lang);
    rp_svg_text(g, cx, cy + 5, 16, RP_SVG_BOLD, RP_SVG_MIDDLE, th->primary, buf, strlen(buf), NULL);
    if (c->unit && *c->unit)
        rp_svg_text(g, cx, cy + 20, RP_SVG_AXIS_SIZE, 0, RP_SVG_MIDDLE, th->muted, c->unit,
                    strlen(c->unit), NULL);

    double y = (body - legend_h) / 2;
    for (size_t i = 0; i < nc; i++) {
        rp_svg_rect(g, lx, y + 2, size * 0.8, size * 0.8, rp_chart_category_color(th, c, i));
        rp_svg_lines(g, lx + 16, y + size * 0.95, lh, size, 0, RP_SVG_START, th->text,
                     c->categories[i], lines + i * MAX_NAME_LINES, counts[i],
                     c->category_langs ? c->category_langs[i] : NULL);
        if (s->present[i]) {
            rp_fmt_number(buf, sizeof buf, s->values[i], c->decimals, g->lang);
            rp_svg_text(g, right - 54, y + size * 0.95, size, RP_SVG_BOLD, RP_SVG_END, th->text,
                        buf, strlen(buf), NULL);
            rp_fmt_percent(buf, sizeof buf, total > 0 ? s->values[i] / total * 100 : 0, 1, g->lang);
            rp_svg_text(g, right, y + size * 0.95, size, 0, RP_SVG_END, th->muted, buf, strlen(buf),
                        NULL);
        }
        y += (double)counts[i] * lh + 4;
    }
}
