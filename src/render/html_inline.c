/* Inline HTML: styled spans, links that are safe to follow, text in another language, and
 * the marks of a review edition (placeholders, other-language text) as the PDF shows them. */
#include "render/html_internal.h"

#include "load/xml_write.h"
#include "util/arena.h"

#include <string.h>

bool html_lang_ok(const char *lang)
{
    /* A BCP 47 tag as rapport meets them: letters, digits and single hyphens. */
    if (!lang || !((*lang >= 'a' && *lang <= 'z') || (*lang >= 'A' && *lang <= 'Z')))
        return false;
    size_t n = 0;
    for (const char *p = lang; *p; p++, n++) {
        char ch = *p;
        bool alnum =
            (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (!alnum && !(ch == '-' && p[1] && p[1] != '-'))
            return false;
    }
    return n <= 35;
}

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

bool html_href_safe(const char *href)
{
    if (!href)
        return false;
    /* A browser drops leading controls and spaces, and tabs and newlines anywhere, before it
     * reads the scheme: "\tjava\nscript:" is javascript:. Read it the same way. */
    const char *p = href;
    while (*p && (unsigned char)*p <= 0x20)
        p++;
    if (!*p)
        return false;
    char scheme[8];
    size_t n = 0;
    bool too_long = false;
    for (; *p; p++) {
        char ch = *p;
        if (ch == '\t' || ch == '\n' || ch == '\r')
            continue;
        if (ch == ':')
            break;
        /* A character reference where a scheme would be ("&#106;avascript:") is harmless
         * once escaped, yet reads as an attempt: no link. */
        if (ch == '&')
            return false;
        /* A path, a query or a fragment before any colon: a relative reference. */
        if (ch == '/' || ch == '?' || ch == '#')
            return true;
        if (n + 1 < sizeof scheme)
            scheme[n++] = lower(ch);
        else
            too_long = true;
    }
    if (!*p)
        return true; /* no colon: a relative path ("annexe.html") */
    scheme[n] = '\0';
    if (too_long)
        return false;
    /* Any other scheme stays text. */
    return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
           strcmp(scheme, "mailto") == 0;
}

bool html_spans_empty(const struct rp_spans *spans)
{
    for (size_t i = 0; i < spans->count; i++)
        if (spans->items[i].text && spans->items[i].text[strspn(spans->items[i].text, " ")])
            return false;
    return true;
}

/* The language a piece of text gets written with: its own when it is another than the
 * document's and can be written, else NULL. */
static const char *foreign_lang(const struct html_ctx *c, const char *lang)
{
    return rp_doc_foreign(c->doc, lang) && html_lang_ok(lang) ? lang : NULL;
}

/* Inline elements opened for one span; the first one carries the span's language and the
 * review mark of other-language text. */
struct opener {
    struct html_ctx *c;
    const char *lang; /* still to be written */
    bool mark_foreign;
    int opened;
};

static void open_inline(struct opener *o, const char *name, const char *cls)
{
    rp_xml_start(o->c->w, name);
    o->opened++;
    const char *foreign = o->mark_foreign ? "foreign" : NULL;
    if (cls && foreign)
        rp_xml_attrf(o->c->w, "class", "%s %s", cls, foreign);
    else if (cls || foreign)
        rp_xml_attr(o->c->w, "class", cls ? cls : foreign);
    o->mark_foreign = false;
    if (o->lang) {
        rp_xml_attr(o->c->w, "lang", o->lang);
        o->lang = NULL;
    }
}

static void close_inline(struct opener *o)
{
    while (o->opened-- > 0)
        rp_xml_end(o->c->w);
}

/* Whether `s` starts with a line or paragraph separator (U+2028, U+2029). */
static bool line_separator(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9);
}

/* Text with its line and paragraph separators written as <br>: the PDF ends a line there,
 * where a browser would show a mere space. */
static void text_lines(struct html_ctx *c, const char *text)
{
    const char *start = text;
    for (const char *q = text; *q; q++) {
        if (!line_separator(q))
            continue;
        if (q > start)
            rp_xml_text(c->w, rp_arena_strndup(c->arena, start, (size_t)(q - start)));
        rp_xml_start(c->w, "br");
        rp_xml_end(c->w);
        q += 2;
        start = q + 1;
    }
    if (*start)
        rp_xml_text(c->w, start);
}

void html_text_in(struct html_ctx *c, const char *text, const char *lang, bool placeholder)
{
    if (!text || !*text)
        return;
    const char *foreign = foreign_lang(c, lang);
    struct opener o = {c, foreign, c->review && foreign && !(placeholder && c->review), 0};
    if (placeholder && c->review)
        open_inline(&o, "mark", "placeholder");
    else if (foreign)
        open_inline(&o, "span", NULL);
    text_lines(c, text);
    close_inline(&o);
}

void html_bar(struct html_ctx *c, const struct rp_doc_bar *bar)
{
    /* Units of a viewBox the stylesheet sizes in ems (svg.bar), so the bar scales with the
     * text beside it; the track is inset by half its stroke so that it is not clipped. */
    enum { W = 40, H = 8 };
    double share = rp_doc_bar_share(bar);
    struct rp_xml_writer *w = c->w;
    rp_xml_start(w, "svg");
    rp_xml_attr(w, "class", "bar");
    rp_xml_attrf(w, "viewBox", "0 0 %d %d", W, H);
    /* Decoration: the figure is the text that follows, read once. */
    rp_xml_attr(w, "aria-hidden", "true");
    rp_xml_attr(w, "focusable", "false");
    if (share > 0) {
        rp_xml_start(w, "rect");
        rp_xml_attr(w, "class", "fill");
        rp_xml_attr(w, "width", rp_arena_printf(c->arena, "%.1f", share * W));
        rp_xml_attrf(w, "height", "%d", H);
        rp_xml_end(w);
    }
    rp_xml_start(w, "rect");
    rp_xml_attr(w, "class", "track");
    rp_xml_attr(w, "x", "0.5");
    rp_xml_attr(w, "y", "0.5");
    rp_xml_attrf(w, "width", "%d", W - 1);
    rp_xml_attrf(w, "height", "%d", H - 1);
    rp_xml_end(w);
    rp_xml_end(w);
}

static void span(struct html_ctx *c, const struct rp_span *s)
{
    const char *text = s->text ? s->text : "";
    bool link = s->kind == RP_SPAN_LINK && html_href_safe(s->href);
    if (!*text && !link)
        return;
    bool placeholder = s->kind == RP_SPAN_PLACEHOLDER && c->review;
    const char *foreign = foreign_lang(c, s->lang);
    struct opener o = {c, foreign, c->review && foreign && !placeholder, 0};
    if (link) {
        rp_xml_start(c->w, "a");
        rp_xml_attr(c->w, "href", s->href);
        o.opened++;
        /* The link's text is in the span's language, not the target's: lang, not hreflang. */
        if (o.lang) {
            rp_xml_attr(c->w, "lang", o.lang);
            o.lang = NULL;
        }
        if (o.mark_foreign) {
            rp_xml_attr(c->w, "class", "foreign");
            o.mark_foreign = false;
        }
    }
    if (placeholder)
        open_inline(&o, "mark", "placeholder");
    if (s->style & RP_SPAN_STRONG)
        open_inline(&o, "strong", NULL);
    if (s->style & RP_SPAN_EM)
        open_inline(&o, "em", NULL);
    if (s->style & RP_SPAN_SUP)
        open_inline(&o, "sup", NULL);
    if (s->bar) { /* the bar and its figure unbroken */
        open_inline(&o, "span", "measure");
        html_bar(c, s->bar);
    } else if (o.lang || o.mark_foreign)
        open_inline(&o, "span", NULL);
    /* A link needs words: with none of its own, the address it leads to. */
    text_lines(c, *text ? text : s->href);
    close_inline(&o);
}

void html_spans(struct html_ctx *c, const struct rp_spans *spans)
{
    for (size_t i = 0; i < spans->count; i++)
        span(c, &spans->items[i]);
}
