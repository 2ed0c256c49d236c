/* Grouped and stacked bars in SVG, laid out as the PDF lays them out (layout_chart.c): the
 * same scale, gridlines, value labels when every one fits, category labels of up to three
 * lines under the bars, and a legend when there is more than one series. */
#include "render/chart.h"
#include "render/html_svg.h"
#include "util/arena.h"

#include <math.h>
#include <string.h>

#define PLOT_HEIGHT 180.0
#define MAX_CATEGORY_LINES 3

/* A value label without its unit, which the axis states. */
static void number(char *buf, size_t size, double v, int decimals, enum rp_lang lang)
{
    rp_fmt_number(buf, size, v, decimals, lang);
}

/* Whether every value label fits over its bar (else none is drawn, as in the PDF). */
static bool labels_fit(const struct rp_svg *g, const struct rp_doc_chart *c, double room)
{
    char buf[64];
    for (size_t s = 0; s < c->series_count; s++)
        for (size_t i = 0; i < c->category_count; i++) {
            if (!c->series[s].present[i])
                continue;
            number(buf, sizeof buf, c->series[s].values[i], c->decimals, g->lang);
            if (rp_svg_text_width(buf, strlen(buf), RP_SVG_LABEL_SIZE, 0) > room)
                return false;
        }
    return true;
}

/* The values of a stack's thin segments right of the bar whose right edge is `x`, each
 * joined by a leader line to the middle of its segment (`from`), as the PDF writes them;
 * `at` are where the labels would like to be, from the lowest segment up. */
static void thin_labels(struct rp_svg *g, const struct rp_doc_chart *c, double x,
                        const double *from, double *at, const double *value, size_t n)
{
    /* Stacked from the bottom up: reversed, they run down the page. */
    for (size_t k = 0; k < n / 2; k++) {
        double t = at[k];
        at[k] = at[n - 1 - k];
        at[n - 1 - k] = t;
    }
    rp_chart_spread(at, n, RP_SVG_LABEL_SIZE + 2, -1e9);
    char buf[64];
    for (size_t k = 0; k < n; k++) {
        double y = at[n - 1 - k];
        rp_svg_line(g, x, from[k], x + 6, y, 0.6, g->theme->muted);
        number(buf, sizeof buf, value[k], c->decimals, g->lang);
        rp_svg_text(g, x + 8, y + RP_SVG_LABEL_SIZE * 0.35, RP_SVG_LABEL_SIZE, 0, RP_SVG_START,
                    g->theme->text, buf, strlen(buf), NULL);
    }
}

void rp_svg_bars(struct rp_svg *g, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = g->theme;
    bool stacked = c->kind == RP_CHART_BAR_STACKED;
    size_t nc = c->category_count, ns = c->series_count;
    double axis = RP_SVG_AXIS_SIZE, label = RP_SVG_LABEL_SIZE;
    struct rp_chart_scale sc = rp_chart_scale(c);
    char buf[64];

    /* Room for the tick labels left of the plot. */
    double axis_w = 0;
    for (double v = sc.bottom; v <= sc.top + sc.step / 2; v += sc.step) {
        number(buf, sizeof buf, fabs(v) < sc.step / 2 ? 0 : v, sc.tick_decimals, g->lang);
        axis_w = fmax(axis_w, rp_svg_text_width(buf, strlen(buf), axis, 0));
    }
    double px = RP_SVG_PAD + axis_w + 6, pw = RP_SVG_WIDTH - RP_SVG_PAD - px;
    double gw = pw / (double)nc;

    /* Category labels: as many lines as the longest needs, three at most. */
    struct rp_svg_line *lines = rp_arena_array(g->scratch, nc * MAX_CATEGORY_LINES, sizeof *lines);
    size_t *line_counts = rp_arena_array(g->scratch, nc, sizeof *line_counts), cat_lines = 1;
    for (size_t i = 0; i < nc; i++) {
        line_counts[i] = rp_svg_wrap(c->categories[i], gw - 4, axis, 0,
                                     lines + i * MAX_CATEGORY_LINES, MAX_CATEGORY_LINES);
        cat_lines = line_counts[i] > cat_lines ? line_counts[i] : cat_lines;
    }

    bool show_legend = ns > 1 || stacked;
    /* The unit above the axis, then room for a label over the highest bar. */
    double unit_h = c->unit && *c->unit ? axis * 1.6 : 0, py = unit_h + label + 6;
    /* Category labels below the plot, lower when a label hangs under a negative bar. */
    double cats_y = py + PLOT_HEIGHT + 6 + (sc.bottom < 0 ? label + 2 : 0),
           legend_y = cats_y + (double)cat_lines * axis * 1.25 + 8;
    double legend_h = show_legend ? rp_svg_legend(g, c, legend_y, false) : 0;
    rp_svg_begin(g, legend_y + legend_h + 2);

    if (unit_h > 0)
        rp_svg_text(g, px, axis, axis, RP_SVG_ITALIC, RP_SVG_END, th->muted, c->unit,
                    strlen(c->unit), NULL);
#define YV(v) (py + PLOT_HEIGHT - ((v)-sc.bottom) / (sc.top - sc.bottom) * PLOT_HEIGHT)
    /* Gridlines and their values; the zero line darker. */
    for (double v = sc.bottom; v <= sc.top + sc.step / 2; v += sc.step) {
        bool zero = fabs(v) < sc.step / 2;
        double y = YV(v);
        rp_svg_line(g, px, y, px + pw, y, zero ? 1.2 : 0.6, zero ? th->muted : th->grid);
        number(buf, sizeof buf, zero ? 0 : v, sc.tick_decimals, g->lang);
        rp_svg_text(g, px - 5, y + axis * 0.35, axis, 0, RP_SVG_END, th->muted, buf, strlen(buf),
                    NULL);
    }

    double bw = stacked ? gw * 0.56 : gw * 0.74 / (double)ns;
    bool labels = labels_fit(g, c, stacked ? gw - 4 : bw + gw * 0.26 / (double)ns);
    /* Segments too thin for their value inside: written beside the bar (see thin_labels). */
    double *thin_from = rp_arena_array(g->scratch, ns, sizeof *thin_from);
    double *thin_at = rp_arena_array(g->scratch, ns, sizeof *thin_at);
    double *thin_value = rp_arena_array(g->scratch, ns, sizeof *thin_value);
    for (size_t i = 0; i < nc; i++) {
        double gx = px + (double)i * gw, pos = 0, neg = 0;
        size_t thin = 0;
        for (size_t s = 0; s < ns; s++) {
            if (!c->series[s].present[i])
                continue;
            double v = c->series[s].values[i], from = 0, to = v, x;
            if (stacked) {
                double *acc = v >= 0 ? &pos : &neg;
                from = *acc;
                to = *acc += v;
                x = gx + (gw - bw) / 2;
            } else
                x = gx + gw * 0.13 + (double)s * bw;
            double y1 = YV(fmax(from, to)), y2 = YV(fmin(from, to));
            struct rp_rgb color = rp_chart_series_color(th, c, s);
            rp_svg_rect(g, x, y1, bw, y2 - y1, color);
            if (!labels)
                continue;
            number(buf, sizeof buf, v, c->decimals, g->lang);
            size_t len = strlen(buf);
            if (!stacked)
                rp_svg_text(g, x + bw / 2, v >= 0 ? y1 - 3 : y2 + label + 1, label, 0,
                            RP_SVG_MIDDLE, th->text, buf, len, NULL);
            else if (y2 - y1 < label + 3 || rp_svg_text_width(buf, len, label, 0) > bw - 2) {
                if (v != 0) {
                    thin_from[thin] = thin_at[thin] = (y1 + y2) / 2;
                    thin_value[thin++] = v;
                }
            } else
                rp_svg_text(g, x + bw / 2, (y1 + y2) / 2 + label * 0.35, label, 0, RP_SVG_MIDDLE,
                            rp_svg_ink_on(g, color), buf, len, NULL);
        }
        if (thin)
            thin_labels(g, c, gx + (gw + bw) / 2, thin_from, thin_at, thin_value, thin);
        /* A stack's total over it. */
        if (stacked && labels && ns > 1) {
            number(buf, sizeof buf, pos + neg, c->decimals, g->lang);
            rp_svg_text(g, gx + gw / 2, YV(pos) - 3, label, RP_SVG_BOLD, RP_SVG_MIDDLE, th->text,
                        buf, strlen(buf), NULL);
        }
        rp_svg_lines(g, gx + gw / 2, cats_y + axis, axis * 1.25, axis, 0, RP_SVG_MIDDLE, th->text,
                     c->categories[i], lines + i * MAX_CATEGORY_LINES, line_counts[i],
                     c->category_langs ? c->category_langs[i] : NULL);
    }
#undef YV
    if (show_legend)
        rp_svg_legend(g, c, legend_y, true);
}
