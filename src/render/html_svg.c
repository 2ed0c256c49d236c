/* SVG shapes, text and legends for the HTML edition's charts (see html_svg.h). */
#include "render/html_svg.h"

#include "render/chart.h"

#include "load/xml_write.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rp_svg_begin(struct rp_svg *g, double height)
{
    struct rp_xml_writer *w = g->w;
    rp_xml_start(w, "svg");
    rp_xml_attr(w, "xmlns", "http://www.w3.org/2000/svg");
    rp_xml_attr(w, "class", "chart-svg");
    rp_xml_attrf(w, "viewBox", "0 0 %.1f %.1f", RP_SVG_WIDTH, height);
    rp_xml_attr(w, "role", "img");
    /* The <title> child names the picture (an ARIA reference to it would need an id on
     * <title>, which HTML validators take for the page's title); the alternative text,
     * which repeats the title and gives every figure, describes it. A chart without a title
     * is named by that text. */
    bool titled = g->title && *g->title;
    if (!titled)
        rp_xml_attrf(w, "aria-labelledby", "%s-d", g->id);
    rp_xml_attrf(w, "aria-describedby", "%s-d", g->id);
    if (titled)
        rp_xml_element(w, "title", g->title);
    rp_xml_start(w, "desc");
    rp_xml_attrf(w, "id", "%s-d", g->id);
    rp_xml_text(w, g->alt);
    rp_xml_end(w);
}

/* ---------------------------------------------------------------- colours */

static int channel(float v)
{
    long n = lround((double)v * 255);
    return n < 0 ? 0 : n > 255 ? 255 : (int)n;
}

void rp_svg_color(char out[8], struct rp_rgb c)
{
    snprintf(out, 8, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
}

/* Relative luminance (WCAG 2.1) of an sRGB colour. */
static double luminance(struct rp_rgb c)
{
    double v[3] = {c.r, c.g, c.b}, l[3];
    for (int i = 0; i < 3; i++)
        l[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

static double contrast(struct rp_rgb a, struct rp_rgb b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

struct rp_rgb rp_svg_ink_on(const struct rp_svg *g, struct rp_rgb ground)
{
    static const struct rp_rgb white = {1, 1, 1};
    return contrast(white, ground) > contrast(g->theme->text, ground) ? white : g->theme->text;
}

/* ---------------------------------------------------------------- shapes */

/* A coordinate or length with one decimal, "-0.0" written "0.0" so that equal pictures
 * are equal bytes. */
static void num_attr(struct rp_xml_writer *w, const char *name, double v)
{
    if (fabs(v) < 0.05)
        v = 0;
    rp_xml_attrf(w, name, "%.1f", v);
}

static void fill_attr(struct rp_xml_writer *w, const char *name, struct rp_rgb c)
{
    char hex[8];
    rp_svg_color(hex, c);
    rp_xml_attr(w, name, hex);
}

void rp_svg_rect(struct rp_svg *g, double x, double y, double w, double h, struct rp_rgb fill)
{
    rp_xml_start(g->w, "rect");
    num_attr(g->w, "x", x);
    num_attr(g->w, "y", y);
    num_attr(g->w, "width", w > 0 ? w : 0);
    num_attr(g->w, "height", h > 0 ? h : 0);
    fill_attr(g->w, "fill", fill);
    rp_xml_end(g->w);
}

void rp_svg_line(struct rp_svg *g, double x1, double y1, double x2, double y2, double width,
                 struct rp_rgb stroke)
{
    rp_xml_start(g->w, "line");
    num_attr(g->w, "x1", x1);
    num_attr(g->w, "y1", y1);
    num_attr(g->w, "x2", x2);
    num_attr(g->w, "y2", y2);
    fill_attr(g->w, "stroke", stroke);
    num_attr(g->w, "stroke-width", width);
    rp_xml_end(g->w);
}

void rp_svg_circle(struct rp_svg *g, double cx, double cy, double r, struct rp_rgb fill)
{
    rp_xml_start(g->w, "circle");
    num_attr(g->w, "cx", cx);
    num_attr(g->w, "cy", cy);
    num_attr(g->w, "r", r);
    fill_attr(g->w, "fill", fill);
    rp_xml_end(g->w);
}

void rp_svg_path(struct rp_svg *g, const char *d, struct rp_rgb fill, double outline)
{
    rp_xml_start(g->w, "path");
    rp_xml_attr(g->w, "d", d);
    fill_attr(g->w, "fill", fill);
    if (outline > 0) {
        rp_xml_attr(g->w, "stroke", "#ffffff");
        num_attr(g->w, "stroke-width", outline);
        rp_xml_attr(g->w, "stroke-linejoin", "round");
    }
    rp_xml_end(g->w);
}

/* ---------------------------------------------------------------- text */

void rp_svg_text(struct rp_svg *g, double x, double y, double size, unsigned flags,
                 enum rp_svg_anchor anchor, struct rp_rgb fill, const char *s, size_t len,
                 const char *lang)
{
    static const char *const anchors[] = {"start", "middle", "end"};
    struct rp_xml_writer *w = g->w;
    bool foreign = rp_doc_foreign(g->doc, lang);
    /* A review edition points out text in another language, as the PDF does. */
    if (foreign && g->doc->edition == RP_EDITION_REVIEW) {
        double tw = rp_svg_text_width(s, len, size, flags);
        double left = anchor == RP_SVG_START ? x : anchor == RP_SVG_MIDDLE ? x - tw / 2 : x - tw;
        rp_svg_rect(g, left - 1.5, y - size * 0.9, tw + 3, size * 1.2, g->theme->placeholder_fill);
    }
    rp_xml_start(w, "text");
    num_attr(w, "x", x);
    num_attr(w, "y", y);
    num_attr(w, "font-size", size);
    if (anchor != RP_SVG_START)
        rp_xml_attr(w, "text-anchor", anchors[anchor]);
    if (flags & RP_SVG_BOLD)
        rp_xml_attr(w, "font-weight", "bold");
    if (flags & RP_SVG_ITALIC)
        rp_xml_attr(w, "font-style", "italic");
    fill_attr(w, "fill", fill);
    if (foreign)
        rp_xml_attr(w, "lang", lang);
    /* The writer wants a whole string: copy the piece. */
    struct rp_buf t = {0};
    rp_buf_add(&t, s, len);
    rp_xml_text(w, t.data ? t.data : "");
    free(t.data);
    rp_xml_end(w);
}

/* The advance of a code point in ems, as a sans-serif such as Arial or Liberation Sans
 * sets it, roughly: enough to keep labels apart, not to set type. */
static double advance(uint32_t cp)
{
    if (cp == ' ' || cp == 0xA0)
        return 0.28;
    if (cp < 0x80 && strchr("iIjlrtf.,:;'!|()[]", (int)cp))
        return 0.31;
    if (cp < 0x80 && strchr("mwMW@%", (int)cp))
        return 0.86;
    if (cp >= 'A' && cp <= 'Z')
        return 0.68;
    return 0.56; /* digits, lower case, accented letters, €, dashes */
}

double rp_svg_text_width(const char *s, size_t len, double size, unsigned flags)
{
    const char *p = s, *end = s + len;
    double ems = 0;
    while (p < end)
        ems += advance(rp_utf8_next(&p, end));
    return ems * size * ((flags & RP_SVG_BOLD) ? 1.07 : 1.0);
}

size_t rp_svg_wrap(const char *s, double width, double size, unsigned flags,
                   struct rp_svg_line *lines, size_t max)
{
    size_t n = 0, len = strlen(s), at = 0;
    while (at < len && s[at] == ' ')
        at++;
    while (at < len && n < max) {
        /* Take words while the line fits; the first word always. */
        size_t fit = at;
        while (fit < len) {
            size_t next = fit;
            while (next < len && s[next] == ' ')
                next++;
            while (next < len && s[next] != ' ')
                next++;
            if (fit > at && rp_svg_text_width(s + at, next - at, size, flags) > width)
                break;
            fit = next;
        }
        lines[n++] = (struct rp_svg_line){at, fit - at, false};
        at = fit;
        while (at < len && s[at] == ' ')
            at++;
        if (at < len && n == max)
            lines[n - 1].cut = true;
    }
    if (n == 0)
        lines[n++] = (struct rp_svg_line){0, 0, false};
    return n;
}

void rp_svg_lines(struct rp_svg *g, double x, double y, double step, double size, unsigned flags,
                  enum rp_svg_anchor anchor, struct rp_rgb fill, const char *s,
                  const struct rp_svg_line *lines, size_t count, const char *lang)
{
    for (size_t k = 0; k < count; k++) {
        struct rp_buf t = {0};
        rp_buf_add(&t, s + lines[k].start, lines[k].len);
        if (lines[k].cut)
            rp_buf_adds(&t, "\xe2\x80\xa6"); /* … */
        rp_svg_text(g, x, y + (double)k * step, size, flags, anchor, fill, t.data ? t.data : "",
                    t.len, lang);
        free(t.data);
    }
}

/* ---------------------------------------------------------------- legend */

/* The most lines a legend name takes: far more than any name needs. */
#define LEGEND_MAX_LINES 12

double rp_svg_legend(struct rp_svg *g, const struct rp_doc_chart *c, double top, bool draw)
{
    double size = RP_SVG_AXIS_SIZE, lh = size * 1.6, step = size * 1.25, left = RP_SVG_PAD;
    double right = RP_SVG_WIDTH - RP_SVG_PAD, x = left, y = top;
    double room = right - left - (size + 4);
    for (size_t i = 0; i < c->series_count; i++) {
        const struct rp_doc_series *se = &c->series[i];
        const char *name = se->name ? se->name : "";
        struct rp_rgb swatch = rp_chart_series_color(g->theme, c, i);
        double tw = rp_svg_text_width(name, strlen(name), size, 0);
        if (tw > room) {
            /* Too long for one line: a row of its own, wrapped, so that it is read whole. */
            struct rp_svg_line lines[LEGEND_MAX_LINES];
            size_t n = rp_svg_wrap(name, room, size, 0, lines, LEGEND_MAX_LINES);
            if (x > left)
                y += lh;
            if (draw) {
                rp_svg_rect(g, left, y + 2, size * 0.8, size * 0.8, swatch);
                rp_svg_lines(g, left + size + 4, y + size * 0.85 + 1, step, size, 0, RP_SVG_START,
                             g->theme->text, name, lines, n, se->lang);
            }
            y += (double)(n - 1) * step + lh;
            x = left;
            continue;
        }
        double w = size + 4 + tw + 14;
        if (x + w > right && x > left) {
            x = left;
            y += lh;
        }
        if (draw) {
            rp_svg_rect(g, x, y + 2, size * 0.8, size * 0.8, swatch);
            rp_svg_text(g, x + size + 4, y + size * 0.85 + 1, size, 0, RP_SVG_START, g->theme->text,
                        name, strlen(name), se->lang);
        }
        x += w;
    }
    return (x > left ? y + lh : y) - top;
}
