/* Vector charts: grouped and stacked bars, donut. Everything is drawn with rectangles and
 * Bézier paths; labels are formatted in the edition's conventions. Colours come from the
 * chart's pinned meanings (chart_colors.c), as in the HTML edition; a slice or segment too
 * thin for its value has it written beside, joined by a leader line. */
#include "render/chart.h"
#include "render/layout_flow.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

/* A value label (a number without its unit, which the axis states) in the page's arena. */
static const char *format_value(struct rp_flow *f, double v, int decimals)
{
    char buf[64];
    rp_fmt_number(buf, sizeof buf, v, decimals, f->lang);
    return rp_flow_str(f, buf, strlen(buf));
}

const char *rp_chart_alt(struct rp_flow *f, const struct rp_doc_chart *c)
{
    struct rp_buf t = {0};
    rp_chart_alt_text(&t, c, f->lang);
    const char *out = rp_arena_strndup(f->env->arena, t.data ? t.data : "", t.len);
    free(t.data);
    return out;
}

void rp_chart_text(struct rp_flow *f, double x, double base, enum rp_face face, double size,
                   struct rp_rgb color, const char *s, enum rp_text_align align)
{
    size_t len = strlen(s);
    double w = rp_text_width(f->m, face, size, s, len);
    if (align == RP_TEXT_CENTER)
        x -= w / 2;
    else if (align == RP_TEXT_RIGHT)
        x -= w;
    rp_flow_text(f, x, base, face, size, color, s, len);
}

double rp_chart_title(struct rp_flow *f, const struct rp_doc_chart *c, bool draw)
{
    double size = f->theme->caption_size, lh = size * 1.25;
    if (!c->title.count)
        return 0;
    f->atoms.count = 0;
    rp_atoms_add_spans(&f->atoms, f->m, &c->title, RP_FACE_BOLD, size);
    rp_break_lines(&f->atoms, f->right - f->left, f->env, &f->lines);
    if (draw)
        for (size_t k = 0; k < f->lines.count; k++)
            rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], f->left,
                              f->y + (double)k * lh + size * 0.95, f->right - f->left, RP_TEXT_LEFT,
                              f->theme->primary);
    return (double)f->lines.count * lh + 6;
}

const char *rp_chart_category_lang(const struct rp_doc_chart *c, size_t i)
{
    return c->category_langs && i < c->category_count ? c->category_langs[i] : NULL;
}

/* Legend: swatch and name per series, flowing left to right. A name wider than the line
 * wraps onto as many lines as it needs, in a row of its own: a legend names in full what
 * the colours mean. Returns its height. */
double rp_chart_legend(struct rp_flow *f, const struct rp_doc_chart *c, bool draw, double top)
{
    double size = RP_CHART_AXIS_SIZE, x = f->left, y = top, lh = size * 1.6;
    double line_step = size * 1.25, room = f->right - f->left - 12;
    for (size_t i = 0; i < c->series_count; i++) {
        const char *name = c->series[i].name, *lang = c->series[i].lang;
        struct rp_rgb swatch = rp_chart_series_color(f->theme, c, i);
        double tw = rp_text_width(f->m, RP_FACE_REGULAR, size, name, strlen(name));
        if (tw > room) {
            if (x > f->left)
                y += lh;
            size_t n = rp_flow_break_text(f, name, RP_FACE_REGULAR, size, room);
            if (draw) {
                rp_flow_atoms_lang(f, lang);
                rp_flow_rect(f, f->left, y + 1.5, 8, 8, swatch);
                for (size_t k = 0; k < n; k++)
                    rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], f->left + 12,
                                      y + 8.5 + (double)k * line_step, room, RP_TEXT_LEFT,
                                      f->theme->text);
            }
            y += (double)(n ? n - 1 : 0) * line_step + lh;
            x = f->left;
            continue;
        }
        double w = 12 + tw + 14;
        if (x + w > f->right && x > f->left) {
            x = f->left;
            y += lh;
        }
        if (draw) {
            if (rp_flow_marks(f, RP_SPAN_TEXT, lang))
                rp_flow_rect(f, x + 11, y + 1, tw + 2, size * 1.3, f->theme->placeholder_fill);
            rp_flow_rect(f, x, y + 1.5, 8, 8, swatch);
            rp_flow_text(f, x + 12, y + 8.5, RP_FACE_REGULAR, size, f->theme->text, name,
                         strlen(name));
        }
        x += w;
    }
    return (x > f->left ? y + lh : y) - top;
}

/* The values of a stack's thin segments right of the bar whose right edge is `x`, each
 * joined by a leader line to the middle of its segment (`from`); `at` are where the labels
 * would like to be, from the lowest segment up, spread apart as needed. */
static void thin_labels(struct rp_flow *f, double x, const double *from, double *at,
                        const char **text, size_t n)
{
    /* Stacked from the bottom up: reverse them so that they run down the page. */
    for (size_t k = 0; k < n / 2; k++) {
        double t = at[k];
        at[k] = at[n - 1 - k];
        at[n - 1 - k] = t;
    }
    rp_chart_spread(at, n, RP_CHART_LABEL_SIZE + 1.5, -1e9);
    for (size_t k = 0; k < n; k++) {
        double y = at[n - 1 - k];
        rp_flow_line(f, x, from[k], x + 5, y, 0.5, f->theme->muted);
        rp_chart_text(f, x + 7, y + RP_CHART_LABEL_SIZE * 0.35, RP_FACE_REGULAR,
                      RP_CHART_LABEL_SIZE, f->theme->text, text[k], RP_TEXT_LEFT);
    }
}

/* What a stacked chart `pw` wide gives up on its right so that the values of thin segments
 * beside its last bar (thin_labels: 7 points out, then the text) stay inside the margin: the
 * last bar's right edge is 0.22 of a group's width from the plot's, and the group narrows
 * with the plot. */
static double thin_room(struct rp_flow *f, const struct rp_doc_chart *c, double pw)
{
    size_t nc = c->category_count;
    double widest = 0;
    for (size_t s = 0; s < c->series_count; s++)
        if (c->series[s].present[nc - 1]) {
            const char *lab = format_value(f, c->series[s].values[nc - 1], c->decimals);
            double w = rp_text_width(f->m, RP_FACE_REGULAR, RP_CHART_LABEL_SIZE, lab, strlen(lab));
            widest = w > widest ? w : widest;
        }
    double share = 0.22 / (double)nc, d = (7 + widest - share * pw) / (1 - share);
    return d > 0 ? d : 0;
}

static void bars(struct rp_flow *f, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = f->theme;
    bool stacked = c->kind == RP_CHART_BAR_STACKED;
    size_t nc = c->category_count, ns = c->series_count;
    struct rp_chart_scale scale = rp_chart_scale(c);
    double step = scale.step, top = scale.top, bottom = scale.bottom;
    int tick_decimals = scale.tick_decimals;

    /* Room for the axis labels, the category labels (up to three lines) and the legend. */
    double axis_w = 0;
    for (double v = bottom; v <= top + step / 2; v += step) {
        const char *s = format_value(f, v, tick_decimals);
        double w = rp_text_width(f->m, RP_FACE_REGULAR, RP_CHART_AXIS_SIZE, s, strlen(s));
        axis_w = w > axis_w ? w : axis_w;
    }
    double px = f->left + axis_w + 8, pw = f->right - px, ph = 150;
    if (stacked && nc)
        pw -= thin_room(f, c, pw);
    double gw = pw / (double)(nc ? nc : 1);
    size_t cat_lines = 1;
    for (size_t i = 0; i < nc; i++) {
        size_t n =
            rp_flow_break_text(f, c->categories[i], RP_FACE_REGULAR, RP_CHART_AXIS_SIZE, gw - 4);
        cat_lines = n > cat_lines ? n : cat_lines;
    }
    if (cat_lines > 3)
        cat_lines = 3;
    bool show_legend = ns > 1 || stacked;
    double legend_h = show_legend ? rp_chart_legend(f, c, false, 0) : 0;
    double title_h = rp_chart_title(f, c, false);
    double unit_h = c->unit ? RP_CHART_AXIS_SIZE * 1.8 : 4;
    double total =
        title_h + unit_h + ph + 6 + (double)cat_lines * RP_CHART_AXIS_SIZE * 1.25 + 8 + legend_h;
    rp_flow_need(f, total + 8);
    rp_chart_title(f, c, true);
    f->y += title_h;
    if (c->unit && *c->unit)
        rp_chart_text(f, px, f->y + RP_CHART_AXIS_SIZE, RP_FACE_ITALIC, RP_CHART_AXIS_SIZE,
                      th->muted, rp_flow_str(f, c->unit, strlen(c->unit)), RP_TEXT_RIGHT);
    f->y += unit_h;
    double py = f->y;
#define YV(v) (py + ph - ((v)-bottom) / (top - bottom) * ph)
    for (double v = bottom; v <= top + step / 2; v += step) {
        double y = YV(v);
        rp_flow_hline(f, px, px + pw, y, fabs(v) < step / 2 ? 0.8 : 0.4,
                      fabs(v) < step / 2 ? th->muted : th->grid);
        rp_chart_text(f, px - 5, y + RP_CHART_AXIS_SIZE * 0.35, RP_FACE_REGULAR, RP_CHART_AXIS_SIZE,
                      th->muted, format_value(f, fabs(v) < step / 2 ? 0 : v, tick_decimals),
                      RP_TEXT_RIGHT);
    }
    /* Value labels only when every one of them fits over its bar. */
    double bw = stacked ? gw * 0.56 : gw * 0.74 / (double)(ns ? ns : 1);
    bool labels = true;
    for (size_t s = 0; s < ns && labels; s++)
        for (size_t i = 0; i < nc && labels; i++)
            if (c->series[s].present[i]) {
                const char *lab = format_value(f, c->series[s].values[i], c->decimals);
                labels =
                    rp_text_width(f->m, RP_FACE_REGULAR, RP_CHART_LABEL_SIZE, lab, strlen(lab)) <=
                    (stacked ? gw - 4 : bw + gw * 0.26 / (double)(ns ? ns : 1));
            }
    /* Segments too thin for their value inside: written beside the bar (see thin_labels). */
    double *thin_at = rp_arena_array(f->page_arena, ns ? ns : 1, sizeof *thin_at);
    const char **thin_text = rp_arena_array(f->page_arena, ns ? ns : 1, sizeof *thin_text);
    double *thin_from = rp_arena_array(f->page_arena, ns ? ns : 1, sizeof *thin_from);
    for (size_t i = 0; i < nc; i++) {
        double gx = px + (double)i * gw, pos = 0, neg = 0;
        size_t thin = 0;
        for (size_t s = 0; s < ns; s++) {
            if (!c->series[s].present[i])
                continue;
            double v = c->series[s].values[i], from, to, x;
            if (stacked) {
                double *acc = v >= 0 ? &pos : &neg;
                from = *acc;
                to = *acc += v;
                x = gx + (gw - bw) / 2;
            } else {
                from = 0;
                to = v;
                x = gx + gw * 0.13 + (double)s * bw;
            }
            double y1 = YV(from > to ? from : to), y2 = YV(from > to ? to : from);
            rp_flow_rect(f, x, y1, bw, y2 - y1, rp_chart_series_color(th, c, s));
            if (!labels)
                continue;
            const char *lab = format_value(f, v, c->decimals);
            if (!stacked)
                rp_chart_text(f, x + bw / 2, v >= 0 ? y1 - 2.5 : y2 + RP_CHART_LABEL_SIZE + 1,
                              RP_FACE_REGULAR, RP_CHART_LABEL_SIZE, th->text, lab, RP_TEXT_CENTER);
            else if (y2 - y1 < RP_CHART_LABEL_SIZE + 3 ||
                     rp_text_width(f->m, RP_FACE_REGULAR, RP_CHART_LABEL_SIZE, lab, strlen(lab)) >
                         bw - 2) {
                if (v != 0) {
                    thin_from[thin] = (y1 + y2) / 2;
                    thin_at[thin] = thin_from[thin];
                    thin_text[thin++] = lab;
                }
            } else {
                struct rp_rgb sc = rp_chart_series_color(th, c, s);
                bool dark = 0.2126 * sc.r + 0.7152 * sc.g + 0.0722 * sc.b < 0.5;
                rp_chart_text(f, x + bw / 2, (y1 + y2) / 2 + RP_CHART_LABEL_SIZE * 0.35,
                              RP_FACE_REGULAR, RP_CHART_LABEL_SIZE,
                              dark ? (struct rp_rgb){1, 1, 1} : th->text, lab, RP_TEXT_CENTER);
            }
        }
        if (thin)
            thin_labels(f, gx + (gw + bw) / 2, thin_from, thin_at, thin_text, thin);
        if (stacked && labels && ns > 1) {
            const char *lab = format_value(f, pos + neg, c->decimals);
            rp_chart_text(f, gx + gw / 2, YV(pos) - 2.5, RP_FACE_BOLD, RP_CHART_LABEL_SIZE,
                          th->text, lab, RP_TEXT_CENTER);
        }
        size_t n =
            rp_flow_break_text(f, c->categories[i], RP_FACE_REGULAR, RP_CHART_AXIS_SIZE, gw - 4);
        rp_flow_atoms_lang(f, rp_chart_category_lang(c, i));
        for (size_t k = 0; k < n && k < cat_lines; k++)
            rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], gx + 2,
                              py + ph + 6 + RP_CHART_AXIS_SIZE +
                                  (double)k * RP_CHART_AXIS_SIZE * 1.25,
                              gw - 4, RP_TEXT_CENTER, th->text);
    }
#undef YV
    f->y = py + ph + 6 + (double)cat_lines * RP_CHART_AXIS_SIZE * 1.25 + 8;
    if (show_legend)
        f->y += rp_chart_legend(f, c, true, f->y);
    f->fresh = false;
}

/* Appends the Bézier approximation of an arc of radius r around (cx, cy), from angle a0 to
 * a1 (radians, clockwise from twelve o'clock), in pieces of at most a quarter turn. */
size_t rp_chart_arc(struct rp_seg *segs, size_t n, double cx, double cy, double r, double a0,
                    double a1)
{
    int pieces = (int)ceil(fabs(a1 - a0) / (PI / 2) - 1e-9);
    if (pieces < 1)
        pieces = 1;
    double d = (a1 - a0) / pieces, k = 4.0 / 3.0 * tan(d / 4);
    for (int i = 0; i < pieces; i++) {
        double t0 = a0 + d * i, t1 = t0 + d;
        struct rp_seg *s = &segs[n++];
        s->kind = RP_SEG_CURVE;
        s->x1 = (float)(cx + r * (sin(t0) + k * cos(t0)));
        s->y1 = (float)(cy - r * (cos(t0) - k * sin(t0)));
        s->x2 = (float)(cx + r * (sin(t1) - k * cos(t1)));
        s->y2 = (float)(cy - r * (cos(t1) + k * sin(t1)));
        s->x = (float)(cx + r * sin(t1));
        s->y = (float)(cy - r * cos(t1));
    }
    return n;
}

static void donut(struct rp_flow *f, const struct rp_doc_chart *c)
{
    const struct rp_theme *th = f->theme;
    const struct rp_doc_series *s = c->series_count ? &c->series[0] : NULL;
    size_t nc = c->category_count;
    double total = 0;
    for (size_t i = 0; s && i < nc; i++)
        if (s->present[i] && s->values[i] > 0)
            total += s->values[i];
    /* Room left and right of the ring for the labels of thin slices. */
    double ro = 68, ri = 40, size = RP_CHART_AXIS_SIZE + 0.5, lh = size * 1.3, side = 26;
    double lx = f->left + 2 * side + 2 * ro + 14, lw = f->right - lx;
    /* The legend: one entry per category with its value and share. */
    double legend_h = 0;
    for (size_t i = 0; i < nc; i++)
        legend_h +=
            (double)rp_flow_break_text(f, c->categories[i], RP_FACE_REGULAR, size, lw - 14 - 110) *
                lh +
            3;
    double title_h = rp_chart_title(f, c, false);
    double body = legend_h > 2 * ro + 8 ? legend_h : 2 * ro + 8;
    rp_flow_need(f, title_h + body + 10);
    rp_chart_title(f, c, true);
    f->y += title_h;
    double cx = f->left + side + ro + 4, cy = f->y + ro + 4, a = 0;
    for (size_t i = 0; s && total > 0 && i < nc; i++) {
        if (!s->present[i] || s->values[i] <= 0)
            continue;
        double sweep = s->values[i] / total * 2 * PI, a1 = a + sweep;
        struct rp_seg *segs = rp_arena_array(f->page_arena, 16, sizeof *segs);
        size_t n = 0;
        segs[n++] = (struct rp_seg){
            RP_SEG_MOVE, 0, 0, 0, 0, (float)(cx + ro * sin(a)), (float)(cy - ro * cos(a))};
        n = rp_chart_arc(segs, n, cx, cy, ro, a, a1);
        segs[n++] = (struct rp_seg){
            RP_SEG_LINE, 0, 0, 0, 0, (float)(cx + ri * sin(a1)), (float)(cy - ri * cos(a1))};
        n = rp_chart_arc(segs, n, cx, cy, ri, a1, a);
        segs[n++] = (struct rp_seg){RP_SEG_CLOSE, 0, 0, 0, 0, 0, 0};
        struct rp_item *it = rp_flow_item(f, RP_ITEM_PATH);
        it->color = rp_chart_category_color(th, c, i);
        it->segs = segs;
        it->seg_count = n;
        it->line_width = 1; /* a white outline parts adjacent segments */
        a = a1;
    }
    struct rp_chart_tag *tags = rp_arena_array(f->page_arena, nc, sizeof *tags);
    size_t thin = rp_chart_donut_tags(c, total, cx, cy, ro, RP_CHART_LABEL_SIZE + 1.5, tags);
    for (size_t k = 0; k < thin; k++) {
        const struct rp_chart_tag *t = &tags[k];
        double end = cx + t->side * (ro + 8);
        rp_flow_line(f, t->x0, t->y0, end, t->y, 0.5, th->muted);
        rp_chart_text(f, end + t->side * 2, t->y + RP_CHART_LABEL_SIZE * 0.35, RP_FACE_REGULAR,
                      RP_CHART_LABEL_SIZE, th->text,
                      format_value(f, s->values[t->category], c->decimals),
                      t->side > 0 ? RP_TEXT_LEFT : RP_TEXT_RIGHT);
    }
    const char *sum = format_value(f, rp_chart_donut_centre(c, total), c->decimals);
    rp_chart_text(f, cx, cy + 3, RP_FACE_BOLD, 11, th->primary, sum, RP_TEXT_CENTER);
    if (c->unit && *c->unit)
        rp_chart_text(f, cx, cy + 13, RP_FACE_REGULAR, RP_CHART_AXIS_SIZE, th->muted,
                      rp_flow_str(f, c->unit, strlen(c->unit)), RP_TEXT_CENTER);
    double y = f->y + (body - legend_h) / 2;
    for (size_t i = 0; i < nc; i++) {
        size_t n = rp_flow_break_text(f, c->categories[i], RP_FACE_REGULAR, size, lw - 14 - 110);
        rp_flow_atoms_lang(f, rp_chart_category_lang(c, i));
        rp_flow_rect(f, lx, y + 1.5, 8, 8, rp_chart_category_color(th, c, i));
        for (size_t k = 0; k < n; k++)
            rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], lx + 14,
                              y + (double)k * lh + size * 0.95, lw - 14 - 110, RP_TEXT_LEFT,
                              th->text);
        if (s && s->present[i]) {
            char share[48];
            rp_fmt_percent(share, sizeof share, total > 0 ? s->values[i] / total * 100 : 0, 1,
                           f->lang);
            rp_chart_text(f, f->right - 46, y + size * 0.95, RP_FACE_BOLD, size, th->text,
                          format_value(f, s->values[i], c->decimals), RP_TEXT_RIGHT);
            rp_chart_text(f, f->right, y + size * 0.95, RP_FACE_REGULAR, size, th->muted,
                          rp_flow_str(f, share, strlen(share)), RP_TEXT_RIGHT);
        }
        y += (double)n * lh + 3;
    }
    f->y += body + 10;
    f->fresh = false;
}

void rp_flow_chart(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_doc_chart *c = &node->u.chart;
    if (!c->category_count || !c->series_count)
        return;
    rp_flow_need(f, 0); /* labels are formatted into the page's arena */
    /* One Figure: its title, bars, slices, labels and legend read as its alternative text,
     * which says what it shows and gives its figures. */
    struct rp_tagging tagging = rp_flow_tag(f, RP_ST_FIGURE);
    if (f->elem && !f->trial)
        rp_flow_elem_at(f, f->elem)->alt = rp_chart_alt(f, c);
    if (c->kind == RP_CHART_DONUT)
        donut(f, c);
    else if (c->kind == RP_CHART_TIMELINE)
        rp_flow_timeline(f, c);
    else
        bars(f, c);
    rp_flow_untag(f, tagging);
    f->y += rp_flow_gap(f, f->theme->paragraph_gap);
}
