/* The stylesheet of the HTML backend, from the theme.
 *
 * The theme's colours were chosen for print on white; on a screen they must also pass WCAG
 * 2.1 AA: every colour that carries text is checked against each ground it is set on, and
 * darkened (or lightened, on a dark ground) until the contrast is at least 4.5:1. Fills are
 * used as they are: they only carry text checked against them.
 *
 * The CSS goes into a <style> element, whose content HTML reads raw while the writer escapes
 * '<', '>', '&' and '"': the rules use none of them (no child combinator, single quotes). */
#include "render/html_internal.h"

#include "util/arena.h"
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* WCAG 2.1 AA for body text; a hair above, so that rounding to 8 bits never falls short. */
#define MIN_CONTRAST 4.6

static const struct rp_rgb white = {1, 1, 1}, black = {0, 0, 0};

static double to_byte(float v)
{
    double c = v < 0 ? 0 : v > 1 ? 1 : v;
    return floor(c * 255 + 0.5);
}

/* The colour as the file writes it: 8 bits a channel. */
static struct rp_rgb quantize(struct rp_rgb c)
{
    return (struct rp_rgb){(float)(to_byte(c.r) / 255), (float)(to_byte(c.g) / 255),
                           (float)(to_byte(c.b) / 255)};
}

static double linear(float v)
{
    double c = v;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance (WCAG 2.1). */
static double luminance(struct rp_rgb c)
{
    c = quantize(c);
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

static double contrast(struct rp_rgb a, struct rp_rgb b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static double worst(struct rp_rgb fg, const struct rp_rgb *grounds, size_t n)
{
    double least = 21;
    for (size_t i = 0; i < n; i++) {
        double k = contrast(fg, grounds[i]);
        if (k < least)
            least = k;
    }
    return least;
}

static struct rp_rgb mix(struct rp_rgb a, struct rp_rgb b, float t)
{
    return (struct rp_rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

/* `fg` moved towards black (else white) just enough to read on every one of `grounds`; its
 * hue is kept as long as it can be. */
static struct rp_rgb readable(struct rp_rgb fg, const struct rp_rgb *grounds, size_t n)
{
    if (worst(fg, grounds, n) >= MIN_CONTRAST)
        return quantize(fg);
    for (int step = 1; step <= 20; step++) {
        struct rp_rgb darker = mix(fg, black, (float)step / 20);
        if (worst(darker, grounds, n) >= MIN_CONTRAST)
            return quantize(darker);
    }
    for (int step = 1; step <= 20; step++) {
        struct rp_rgb lighter = mix(fg, white, (float)step / 20);
        if (worst(lighter, grounds, n) >= MIN_CONTRAST)
            return quantize(lighter);
    }
    return worst(black, grounds, n) >= worst(white, grounds, n) ? black : white;
}

static const char *hex(struct rp_arena *a, struct rp_rgb c)
{
    return rp_arena_printf(a, "#%02x%02x%02x", (unsigned)to_byte(c.r), (unsigned)to_byte(c.g),
                           (unsigned)to_byte(c.b));
}

/* A length in points with one decimal, written without the C library's locale. */
static const char *points(struct rp_arena *a, double pt)
{
    long tenths = lround(pt * 10);
    if (tenths < 0)
        tenths = 0;
    return rp_arena_printf(a, "%ld.%ldpt", tenths / 10, tenths % 10);
}

/* The theme's font family as a CSS name: letters, digits, spaces and hyphens only (the
 * theme is configuration, yet it must not be able to end the rule), else none. */
static const char *family(struct rp_arena *a, const char *name)
{
    if (!name || !*name)
        return "";
    for (const char *p = name; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-';
        if (!ok)
            return "";
    }
    return rp_arena_printf(a, "'%s',", name);
}

/* The custom properties: every colour the rules below use. */
static const char *root_rule(const struct rp_theme *t, struct rp_arena *a)
{
    /* The grounds body text sits on: the page, table rows, key figures, boxed remarks. */
    const struct rp_rgb page[] = {white,          t->subtotal_fill, t->total_fill,
                                  t->figure_fill, t->remark_fill,   t->header_fill};
    const size_t np = sizeof page / sizeof *page;
    struct rp_rgb text = readable(t->text, page, np);
    struct rp_rgb mark_grounds[] = {t->placeholder_fill, t->flag_fill};
    text = readable(text, mark_grounds, 2);
    struct rp_rgb primary = readable(t->primary, page, np);
    /* The cover band: white on the primary colour, unless the primary is light. */
    struct rp_rgb band = quantize(t->primary);
    struct rp_rgb on_band = contrast(white, band) >= contrast(t->text, band) ? white : text;
    on_band = readable(on_band, &band, 1);
    return rp_arena_printf(
        a,
        ":root{--text:%s;--muted:%s;--primary:%s;--accent:%s;--accent-text:%s;--rule:%s;"
        "--band:%s;--on-band:%s;--head-bg:%s;--head-fg:%s;--sub-bg:%s;--tot-bg:%s;"
        "--flag-bg:%s;--flag-fg:%s;--mark-bg:%s;--remark-bg:%s;--fig-bg:%s;"
        "--good:%s;--warn:%s;--bad:%s}",
        hex(a, text), hex(a, readable(t->muted, page, np)), hex(a, primary), hex(a, t->accent),
        hex(a, readable(t->accent, page, np)), hex(a, t->rule), hex(a, band), hex(a, on_band),
        hex(a, t->header_fill), hex(a, readable(t->header_text, &t->header_fill, 1)),
        hex(a, t->subtotal_fill), hex(a, t->total_fill), hex(a, t->flag_fill),
        hex(a, readable(t->flag_text, &t->flag_fill, 1)), hex(a, t->placeholder_fill),
        hex(a, t->remark_fill), hex(a, t->figure_fill), hex(a, readable(t->status_good, page, np)),
        hex(a, readable(t->status_warn, page, np)), hex(a, readable(t->status_bad, page, np)));
}

/* One column, centred: text in lines at most 48rem long, tables and key figures up to
 * 64rem wide; the cover band runs the full width. */
static const char LAYOUT[] =
    "*{box-sizing:border-box}"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
    "body{margin:0;line-height:1.5;color:var(--text);background:#fff;overflow-wrap:break-word}"
    ".skip{position:absolute;left:.5rem;top:-10rem;z-index:1;padding:.5rem .75rem;"
    "background:#fff;color:var(--primary);font-weight:bold}"
    ".skip:focus{top:.5rem}"
    "a{color:var(--primary)}"
    "a:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--primary);"
    "outline-offset:2px}"
    ".col,main,nav,footer{max-width:64rem;margin:0 auto;padding-left:1rem;padding-right:1rem}"
    /* Lines of text stay short enough to read; tables may use the whole column. */
    "p,li,h1,h2,h3,h4,h5,h6,figure{max-width:48rem}"
    ".figures li{max-width:none}"
    ".draft{max-width:none;margin:0;padding:.5rem "
    "1rem;text-align:center;font-weight:bold;letter-spacing:.2em;"
    "background:var(--mark-bg);color:var(--text);border-bottom:2px dashed var(--text)}"
    ".cover{background:var(--band);color:var(--on-band);padding:2.5rem 0 2rem;"
    "border-bottom:5px solid var(--accent)}"
    ".cover p{margin:0}"
    ".org{font-weight:bold}"
    ".org img{display:block;max-width:12rem;max-height:5rem;margin-bottom:1rem;"
    "background:#fff;padding:.25rem}"
    "h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .5rem}"
    ".subtitle{font-size:1.2rem}"
    ".cover-foot{padding-top:1.25rem;padding-bottom:.5rem}"
    ".cover-foot p{margin:0 0 .25rem}"
    ".edition{color:var(--muted)}"
    ".date{font-weight:bold}"
    ".sample{display:inline-block;margin-top:.75rem!important;padding:.2rem .75rem;"
    "font-weight:bold;font-size:1.25rem;letter-spacing:.1em;color:var(--accent-text);"
    "border:2px solid var(--accent)}"
    "nav{margin-top:2rem}"
    "nav ol{list-style:none;margin:0;padding-left:0}"
    "nav ol ol{padding-left:1.25rem}"
    "nav li{margin:.3rem 0}"
    "nav .l1{font-weight:bold}"
    "main{padding-bottom:2rem}"
    "h2,h3,h4,h5,h6{color:var(--primary);line-height:1.25;margin:2rem 0 .75rem}"
    "h2{font-size:1.6rem;margin-top:3rem}"
    "h2::after{content:'';display:block;width:3rem;height:3px;margin-top:.4rem;"
    "background:var(--accent)}"
    "h3{font-size:1.3rem}h4{font-size:1.1rem}h5,h6{font-size:1rem}"
    ".num{margin-right:.5em}"
    "p{margin:0 0 .75rem}"
    ".lead{font-size:1.1rem;font-style:italic}"
    ".small{font-size:.875rem}"
    ".remark{background:var(--remark-bg);border-left:4px solid var(--accent);"
    "padding:.5rem .75rem}"
    ".note{font-size:.875rem;color:var(--muted)}"
    ".note .mark{font-weight:bold;margin-right:.5em}"
    "ul,ol{padding-left:1.5rem;margin:0 0 .75rem}"
    "li{margin:.2rem 0}"
    "mark{color:var(--text);background:var(--mark-bg)}"
    "mark.placeholder{text-decoration:underline dotted var(--warn);"
    "text-decoration-thickness:2px}"
    ".foreign{background:var(--mark-bg)}"
    ".key-figures{margin:1.5rem 0}"
    ".key-figures h2,.key-figures h3,.key-figures h4,.key-figures h5,.key-figures h6"
    "{font-size:1.1rem;margin:0 0 .5rem}"
    ".key-figures h2::after{display:none}"
    ".figures{list-style:none;padding:0;margin:0;display:grid;"
    "grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem}"
    ".figures li{margin:0;padding:.75rem;background:var(--fig-bg);"
    "border-top:3px solid var(--accent)}"
    ".figures p{margin:0}"
    ".figures .value{display:block;font-size:1.75rem;font-weight:bold;line-height:1.2;"
    "color:var(--primary)}"
    ".figures .label{display:block}"
    ".figures .comment{display:block;font-size:.875rem;font-style:italic;color:var(--muted)}"
    "figure{margin:1.5rem 0}"
    "figure svg{display:block;width:100%;height:auto}"
    "figure .chart-svg{max-width:40rem}"
    /* A chart's figures, folded under the picture; a wide table scrolls inside the box. */
    "details.chart-data{overflow-x:auto;margin-top:.5rem}"
    "details.chart-data summary{color:var(--primary);cursor:pointer}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "figcaption{font-weight:bold;color:var(--primary);margin-bottom:.5rem}"
    "footer{margin-top:2rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--rule);"
    "color:var(--muted);font-size:.875rem}"
    "footer p{margin:0}";

/* Tables scroll sideways inside their wrapper, never the page. */
static const char TABLES[] =
    ".table-wrap{overflow-x:auto;margin:1.5rem 0}"
    ".table-summary{display:block;font-size:.875rem;font-weight:normal;color:var(--muted)}"
    "table{border-collapse:collapse;width:100%;font-size:.875rem}"
    /* On a phone, a table of many columns keeps a width its cells read in (scrolling
     * sideways in its wrapper) rather than wrapping every word onto its own line. */
    ".w4{min-width:24rem}.w5{min-width:30rem}.w6{min-width:36rem}.w7{min-width:42rem}"
    ".w8{min-width:48rem}"
    "caption{text-align:left;font-weight:bold;color:var(--primary);padding:0 0 .4rem;"
    "font-size:1rem}"
    "th,td{padding:.35rem .5rem;text-align:left;vertical-align:top;"
    "border-bottom:1px solid var(--rule)}"
    "thead th,thead td{background:var(--head-bg);color:var(--head-fg);font-weight:bold;"
    "vertical-align:bottom}"
    "tbody th{font-weight:normal}"
    ".c{text-align:center}"
    ".r,.d{text-align:right}"
    ".d{font-variant-numeric:tabular-nums;white-space:nowrap}"
    "tr.group th,tr.group td{font-weight:bold;padding-top:.7rem}"
    "tr.subtotal th,tr.subtotal td{background:var(--sub-bg);font-weight:bold;"
    "border-top:1px solid var(--muted)}"
    "tr.total th,tr.total td{background:var(--tot-bg);font-weight:bold;"
    "border-top:2px solid var(--primary);border-bottom:2px solid var(--primary)}"
    "tr.of-which th,tr.of-which td{font-style:italic}"
    ".i1{padding-left:1.5rem}.i2{padding-left:2.5rem}.i3{padding-left:3.5rem}"
    ".i4{padding-left:4.5rem}.i5{padding-left:5.5rem}.i6{padding-left:6.5rem}"
    /* Over the fill of a subtotal or total row. */
    "tbody tr th.differs,tbody tr "
    "td.differs{background:var(--flag-bg);color:var(--flag-fg);font-weight:bold}"
    ".detail{display:block;font-size:.85em;font-style:italic;font-weight:normal}"
    ".status{white-space:nowrap}"
    /* A measure bar before its figure, as tall as a digit, in the theme's colour. */
    ".measure{white-space:nowrap}"
    "svg.bar{width:2.6em;height:.55em;margin-right:.3em;vertical-align:baseline}"
    "svg.bar .fill{fill:var(--primary)}"
    "svg.bar .track{fill:none;stroke:var(--primary);stroke-width:1}"
    ".good{color:var(--good)}.warn{color:var(--warn)}.bad{color:var(--bad)}"
    ".table-wrap .note{margin:.4rem 0 0}"
    "@media (max-width:30rem){h1{font-size:1.6rem}h2{font-size:1.35rem}"
    "h3{font-size:1.15rem}table{font-size:.8rem}th,td{padding:.3rem .35rem}}";

/* Paper: the cover (when the document has one) alone on its first page, chapters from a new page,
 * no contents (its links lead nowhere on paper), header rows repeated, links black. */
static const char *print_rules(const struct rp_theme *t, bool cover, struct rp_arena *a)
{
    return rp_arena_printf(a,
                           "@media print{@page{size:%s %s;margin:%s %s %s %s}"
                           "body{font-size:%s;color:#000}"
                           ".skip,nav{display:none}"
                           ".col,main,footer{max-width:none;padding-left:0;padding-right:0}"
                           ".cover{background:none;color:#000;border-bottom-color:var(--primary)}"
                           "%s"
                           "%s"
                           "a{color:#000;text-decoration:none}"
                           ".table-wrap{overflow:visible}"
                           "thead{display:table-header-group}"
                           "tr,figure,.figures li,.remark{break-inside:avoid}"
                           "h2,h3,h4,h5,h6,caption{break-after:avoid}}",
                           points(a, t->page_width), points(a, t->page_height),
                           points(a, t->margin_top), points(a, t->margin_right),
                           points(a, t->margin_bottom), points(a, t->margin_left),
                           points(a, t->body_size), cover ? "header{break-after:page}" : "",
                           t->chapter_new_page ? "section.chapter{break-before:page}" : "");
}

const char *html_css(const struct rp_theme *theme, bool cover, struct rp_arena *arena)
{
    struct rp_buf b = {0};
    rp_buf_adds(&b, root_rule(theme, arena));
    rp_buf_adds(&b, rp_arena_printf(arena, "body{font-family:%sArial,Helvetica,sans-serif}",
                                    family(arena, theme->font_family)));
    rp_buf_adds(&b, LAYOUT);
    rp_buf_adds(&b, TABLES);
    rp_buf_adds(&b, print_rules(theme, cover, arena));
    const char *css = rp_arena_strdup(arena, b.data);
    free(b.data);
    return css;
}
