/* The PDF backend over libharu 2.3.0 (with pdf_meta.c and pdf_tags.c, the only files that
 * include <hpdf.h>).
 *
 * libharu draws; the layout engine decides where. This file implements the font metrics
 * the layout measures with and turns display lists into page content; the gaps of libharu
 * 2.3.0 are closed through its installed internal headers in the files beside it.
 * Errors are recorded and returned, never longjmp'ed: the handler notes them, every later
 * step checks, the caller removes the partial file. */
#include "render/pdf_internal.h"
#include "render/render.h"

#include "doc/doc.h"
#include "render/fonts.h"
#include "render/hyphen.h"
#include "render/layout.h"
#include "render/page_plan.h"
#include "templates/theme.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/utf8.h"

#include <hpdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libharu's error codes in words: the operator reads the message, not hpdf_error.h. The
 * detail is errno for file operations. */
static void describe_error(HPDF_STATUS error, HPDF_STATUS detail, char *out, size_t size)
{
    switch (error) {
    case HPDF_FILE_OPEN_ERROR:
    case HPDF_FILE_IO_ERROR:
        snprintf(out, size, "cannot read a font or image file: %s", strerror((int)detail));
        break;
    case HPDF_FAILD_TO_ALLOC_MEM:
        snprintf(out, size, "out of memory while building the PDF");
        break;
    case HPDF_PAGE_INVALID_SIZE:
        snprintf(out, size, "the theme's page size is outside what a PDF page can be");
        break;
    case HPDF_INVALID_DATE_TIME:
        snprintf(out, size, "the document date is not a valid calendar date");
        break;
    case HPDF_ZLIB_ERROR:
        snprintf(out, size, "compressing a PDF stream failed (zlib error %u)", (unsigned)detail);
        break;
    case HPDF_INVALID_PNG_IMAGE:
    case HPDF_LIBPNG_ERROR:
    case HPDF_INVALID_JPEG_DATA:
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
    case HPDF_INVALID_IMAGE:
        snprintf(out, size, "the theme's logo cannot be embedded");
        break;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_FONTDEF_DATA:
    case HPDF_UNSUPPORTED_FONT_TYPE:
        snprintf(out, size, "the font cannot be embedded (not a usable TrueType font)");
        break;
    default:
        snprintf(out, size, "the PDF library failed (error 0x%04X, detail %u)", (unsigned)error,
                 (unsigned)detail);
        break;
    }
}

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    struct pdf *p = user;
    /* The first errors say what went wrong; the rest are consequences. */
    if (p->errors++ < 3) {
        char what[256];
        describe_error(error, detail, what, sizeof what);
        rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "%s", what);
    }
}

/* ------------------------------------------------------------------ content operators */

/* The content streams are written here rather than through libharu's page operators:
 * libharu prints every number with five decimals through its own formatter and repeats
 * every colour, width and position in full. Operators that name a resource (fonts,
 * graphics states, images) still go through libharu, which records the resource; they are
 * all used outside text objects, where libharu believes the page always is. */

size_t rp_pdf_num(char *out, double v, int decimals)
{
    static const double scale[] = {1, 10, 100, 1000, 10000};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 4)
        decimals = 4;
    double x = v * scale[decimals];
    if (!(x > -9e15 && x < 9e15)) /* NaN or beyond any page: nothing a viewer could place */
        x = 0;
    long long m = (long long)(x < 0 ? x - 0.5 : x + 0.5);
    bool negative = m < 0;
    if (negative)
        m = -m;
    int d = decimals;
    while (d > 0 && m % 10 == 0)
        m /= 10, d--;
    char rev[32];
    int n = 0;
    for (int i = 0; i < d; i++, m /= 10)
        rev[n++] = (char)('0' + m % 10);
    if (d)
        rev[n++] = '.';
    if (m || !d) /* PDF reads ".5": the integer part only when it is not 0 */
        do
            rev[n++] = (char)('0' + m % 10);
        while ((m /= 10) > 0);
    if (negative)
        rev[n++] = '-';
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    return (size_t)n;
}

/* One line of operators being put together, then written to the page's content stream. */
struct ops {
    char s[224];
    size_t n;
};

static void put_num(struct ops *o, double v, int decimals)
{
    o->n += rp_pdf_num(o->s + o->n, v, decimals);
    o->s[o->n++] = ' ';
}

/* Appends operator `op` and its newline (the numbers before it are already in). */
static void put_op(struct ops *o, const char *op)
{
    size_t len = strlen(op);
    memcpy(o->s + o->n, op, len);
    o->n += len;
    o->s[o->n++] = '\n';
}

static void flush(HPDF_Page page, struct ops *o)
{
    if (o->n)
        HPDF_Stream_Write(((HPDF_PageAttr)page->attr)->stream, (const HPDF_BYTE *)o->s,
                          (HPDF_UINT)o->n);
    o->n = 0;
}

static void raw(HPDF_Page page, const char *s)
{
    HPDF_Stream_WriteStr(((HPDF_PageAttr)page->attr)->stream, s);
}

/* Coordinates to the thousandth of a point (a third of a micrometre), colours to the
 * thousandth (the 8-bit value a viewer makes of them is the theme's own). */
enum { COORD = 3, COLOR = 3 };

/* ------------------------------------------------------------------ drawing */

/* What the page's graphics state holds, so that an operator is written only when its value
 * changes. A q/Q pair saves and brings back the graphics part; the text position is that of
 * the open text object. */
struct gstate {
    int face;
    float size;
    struct rp_rgb fill, stroke;
    bool fill_known, stroke_known;
    float width; /* the line width, < 0 when not known */
};

struct state {
    bool in_text;
    /* Where the last text shown ended, (x, y) on the page, and the content's length then:
     * when nothing came between, the next word of the line continues its run (text()). */
    double run_x, run_y;
    size_t run_at;
    bool run_spaced;       /* it ended with a space */
    double line_x, line_y; /* the start of the text line, where Tm or Td put it */
    struct gstate g;
    struct rp_pdf_mark *mark; /* the marked-content sequence open on the page */
};

static void begin_text(HPDF_Page page, struct state *st)
{
    raw(page, "BT\n");
    st->in_text = true;
}

/* Ends the text object, and first the marked-content sequence opened inside it: a
 * sequence lies within one text object or holds whole ones. */
static void end_text(HPDF_Page page, struct state *st)
{
    if (st->in_text && st->mark && st->mark->open && st->mark->in_text)
        rp_pdf_tags_close_mark(page, st->mark);
    if (st->in_text)
        raw(page, "ET\n");
    st->in_text = false;
}

static bool same_rgb(struct rp_rgb a, struct rp_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void set_color(HPDF_Page page, struct rp_rgb *known, bool *is_known, struct rp_rgb c,
                      const char *op)
{
    if (*is_known && same_rgb(*known, c))
        return;
    struct ops o = {.n = 0};
    put_num(&o, c.r, COLOR);
    put_num(&o, c.g, COLOR);
    put_num(&o, c.b, COLOR);
    put_op(&o, op);
    flush(page, &o);
    *known = c;
    *is_known = true;
}

static void set_fill(HPDF_Page page, struct state *st, struct rp_rgb c)
{
    set_color(page, &st->g.fill, &st->g.fill_known, c, "rg");
}

static void set_stroke(HPDF_Page page, struct state *st, struct rp_rgb c, float width)
{
    set_color(page, &st->g.stroke, &st->g.stroke_known, c, "RG");
    if (st->g.width == width)
        return;
    struct ops o = {.n = 0};
    put_num(&o, width, COORD);
    put_op(&o, "w");
    flush(page, &o);
    st->g.width = width;
}

/* Opens (or closes) a decoration, inside its artifact: its replacement text is empty, so
 * that text extraction skips it too (the diagonal marks would otherwise come out as stray
 * letters among the page's text). libharu 2.3.0 has no marked-content API: the operators go
 * straight into the page's content stream, outside any text object. */
static void decoration(HPDF_Page page, bool open)
{
    raw(page, open ? "/Span <</ActualText ()>> BDC\n" : "EMC\n");
}

/* The graphics state that fills at opacity `alpha`, made once per opacity and shared by the
 * pages (the marks use one). NULL after a libharu error, which the handler has recorded. */
static HPDF_ExtGState see_through_state(struct pdf *p, float alpha)
{
    for (size_t i = 0; i < p->see_through_count; i++)
        if (p->see_through[i].alpha == alpha)
            return p->see_through[i].state;
    HPDF_ExtGState state = HPDF_CreateExtGState(p->doc);
    if (!state || HPDF_ExtGState_SetAlphaFill(state, alpha) != HPDF_OK)
        return NULL;
    size_t room = sizeof p->see_through / sizeof *p->see_through;
    if (p->see_through_count < room) {
        p->see_through[p->see_through_count].alpha = alpha;
        p->see_through[p->see_through_count++].state = state;
    }
    return state;
}

/* A page that blends gets a transparency group that names the colour space to blend in, the
 * DeviceRGB of all its colours: PDF/A-2 (6.2.10) requires it when the file has no output
 * intent (rp_pdf_identify() leaves the intent out when the machine lacks the sRGB profile),
 * and with the intent, viewers and printers blend in the space the page is shown in. */
static void blending_group(struct pdf *p, HPDF_Page page)
{
    if (HPDF_Dict_GetItem(page, "Group", HPDF_OCLASS_DICT))
        return;
    HPDF_Dict group = HPDF_Dict_New(p->doc->mmgr);
    if (!group)
        return;
    HPDF_Dict_AddName(group, "S", "Transparency");
    HPDF_Dict_AddName(group, "CS", "DeviceRGB");
    HPDF_Dict_Add(page, "Group", group);
}

static bool is_see_through(const struct rp_item *it)
{
    return it->alpha > 0 && it->alpha < 1;
}

/* Begins (or ends) see-through drawing, in a saved graphics state of its own. The restore
 * brings back the font, colours and width of before, which `saved` keeps. */
static void see_through(struct pdf *p, HPDF_Page page, struct state *st, float alpha, bool begin,
                        struct gstate *saved)
{
    if (begin) {
        HPDF_ExtGState state = see_through_state(p, alpha);
        *saved = st->g;
        HPDF_Page_GSave(page);
        if (state)
            HPDF_Page_SetExtGState(page, state);
        blending_group(p, page);
        decoration(page, true);
    } else {
        decoration(page, false);
        HPDF_Page_GRestore(page);
        st->g = *saved;
    }
}

/* Places the next text at (x, y) by a full text matrix. Not by Td from the line's start,
 * although shorter: poppler's text extraction ends a word at each new matrix, and without it
 * joins runs that meet on a line (a table's figure to its neighbour), which reorders the
 * text pdftotext gives of some documents. */
static void place_text(HPDF_Page page, double x, double y)
{
    struct ops o = {.n = 0};
    memcpy(o.s, "1 0 0 1 ", 8);
    o.n = 8;
    put_num(&o, x, COORD);
    put_num(&o, y, COORD);
    put_op(&o, "Tm");
    flush(page, &o);
}

static void text(struct pdf *p, HPDF_Page page, struct state *st, const struct rp_item *it,
                 double height)
{
    /* A rotated text matrix must not leak into the next text; a see-through text (the
     * marks) needs its graphics state set outside a text object. Both end it first. */
    bool translucent = is_see_through(it);
    struct gstate saved;
    if (it->angle != 0 || translucent)
        end_text(page, st);
    if (translucent)
        see_through(p, page, st, it->alpha, true, &saved);
    if (!st->in_text)
        begin_text(page, st);
    bool set_font = st->g.face != (int)it->face || st->g.size != it->size;
    st->g.face = (int)it->face;
    st->g.size = it->size;
    HPDF_Stream content = ((HPDF_PageAttr)page->attr)->stream;
    bool run_on = st->run_at == content->size; /* nothing written since */
    set_fill(page, st, it->color);
    double y = height - it->y;
    if (it->angle == 0) {
        /* The next word of a line (of a justified one, or in another face or colour), in
         * the same marked content, just after the last one (which ended with its space):
         * moved to by the TJ array's first number rather than by a new text matrix, a
         * fifth of the bytes. */
        double gap = it->x - st->run_x;
        double x = round(it->x * 1000) / 1000, lead = 0;
        if (run_on && st->run_spaced && y == st->run_y && gap >= 0 && gap < it->size &&
            !translucent) {
            lead = round(-gap * 1000 / it->size * 10) / 10;
            x = st->run_x - lead * it->size / 1000;
        } else if (run_on && y < st->run_y && !translucent) {
            /* The next line of the same marked content: from the start of the last. */
            struct ops o = {.n = 0};
            double ly = round(y * 1000) / 1000;
            put_num(&o, x - st->line_x, COORD);
            put_num(&o, ly - st->line_y, COORD);
            put_op(&o, "Td");
            flush(page, &o);
            st->line_x = x;
            st->line_y = ly;
        } else {
            place_text(page, it->x, y);
            st->line_x = x;
            st->line_y = round(y * 1000) / 1000;
        }
        double advance =
            rp_pdf_show(p, page, it->face, it->size, set_font, NULL, lead, it->text, it->len);
        st->run_spaced = it->len > 0 && it->text[it->len - 1] == ' ';
        st->run_x = x + advance * it->size / 1000;
        st->run_y = y;
        st->run_at = !translucent ? content->size : (size_t)-1;
    } else {
        double a = it->angle * 3.14159265358979323846 / 180;
        double m[6] = {cos(a), sin(a), -sin(a), cos(a), it->x, y};
        rp_pdf_show(p, page, it->face, it->size, set_font, m, 0, it->text, it->len);
        st->run_at = (size_t)-1;
    }
    if (it->angle != 0 || translucent)
        end_text(page, st);
    if (translucent)
        see_through(p, page, st, it->alpha, false, &saved);
}

static void line(HPDF_Page page, struct state *st, const struct rp_item *it, double height)
{
    set_stroke(page, st, it->color, it->line_width);
    struct ops o = {.n = 0};
    if (it->dash > 0) {
        o.s[o.n++] = '[';
        put_num(&o, it->dash, COORD);
        o.n += rp_pdf_num(o.s + o.n, it->dash * 2, COORD);
        memcpy(o.s + o.n, "] 0 d\n", 6);
        o.n += 6;
    }
    put_num(&o, it->x, COORD);
    put_num(&o, height - it->y, COORD);
    put_op(&o, "m");
    put_num(&o, it->x + it->w, COORD);
    put_num(&o, height - it->y - it->h, COORD);
    put_op(&o, "l");
    put_op(&o, it->dash > 0 ? "S\n[] 0 d" : "S");
    flush(page, &o);
}

/* Whether the four items from `it` are lines stroked alike that outline a rectangle (a
 * bar's frame: top, bottom, left, right), drawn then as one rectangle, `re S`. */
static bool outline_box(const struct rp_item *it, size_t left)
{
    if (left < 4)
        return false;
    for (int k = 0; k < 4; k++)
        if (it[k].kind != RP_ITEM_LINE || it[k].dash > 0 || it[k].elem != it[0].elem ||
            it[k].artifact != it[0].artifact || it[k].line_width != it[0].line_width ||
            !same_rgb(it[k].color, it[0].color))
            return false;
    const struct rp_item *t = &it[0], *b = &it[1], *l = &it[2], *r = &it[3];
    return t->h == 0 && b->h == 0 && t->x == b->x && t->w == b->w && t->w > 0 && l->w == 0 &&
           r->w == 0 && l->x == t->x && r->x == t->x + t->w && l->y == t->y && r->y == t->y &&
           l->h == r->h && l->y + l->h == b->y && l->h > 0;
}

static void box(HPDF_Page page, struct state *st, const struct rp_item *it, double height)
{
    set_stroke(page, st, it->color, it->line_width);
    struct ops o = {.n = 0};
    put_num(&o, it[0].x, COORD);
    put_num(&o, height - it[1].y, COORD);
    put_num(&o, it[0].w, COORD);
    put_num(&o, it[2].h, COORD);
    put_op(&o, "re\nS");
    flush(page, &o);
}

static void path(HPDF_Page page, struct state *st, const struct rp_item *it, double height)
{
    set_fill(page, st, it->color);
    /* Graphics state cannot change inside a path object: set the outline first. */
    if (it->line_width > 0)
        set_stroke(page, st, (struct rp_rgb){1, 1, 1}, it->line_width);
    for (size_t i = 0; i < it->seg_count; i++) {
        const struct rp_seg *s = &it->segs[i];
        struct ops o = {.n = 0};
        switch (s->kind) {
        case RP_SEG_MOVE:
        case RP_SEG_LINE:
            put_num(&o, s->x, COORD);
            put_num(&o, height - s->y, COORD);
            put_op(&o, s->kind == RP_SEG_MOVE ? "m" : "l");
            break;
        case RP_SEG_CURVE:
            put_num(&o, s->x1, COORD);
            put_num(&o, height - s->y1, COORD);
            put_num(&o, s->x2, COORD);
            put_num(&o, height - s->y2, COORD);
            put_num(&o, s->x, COORD);
            put_num(&o, height - s->y, COORD);
            put_op(&o, "c");
            break;
        case RP_SEG_CLOSE:
            put_op(&o, "h");
            break;
        }
        flush(page, &o);
    }
    raw(page, it->line_width > 0 ? "B\n" : "f\n");
}

static void rect(HPDF_Page page, struct state *st, const struct rp_item *it, double height)
{
    set_fill(page, st, it->color);
    struct ops o = {.n = 0};
    put_num(&o, it->x, COORD);
    put_num(&o, height - it->y - it->h, COORD);
    put_num(&o, it->w, COORD);
    put_num(&o, it->h, COORD);
    put_op(&o, "re\nf");
    flush(page, &o);
}

static void add_link(struct pdf *p, HPDF_Page page, const struct rp_page *pg,
                     const struct rp_item *it, double height)
{
    HPDF_Rect r = {it->x, (HPDF_REAL)(height - it->y - it->h), it->x + it->w,
                   (HPDF_REAL)(height - it->y)};
    HPDF_Annotation annot = NULL;
    if (it->text)
        annot = HPDF_Page_CreateURILinkAnnot(page, r, it->text);
    else if (it->target_page >= 0 && (size_t)it->target_page < p->page_count) {
        size_t t = (size_t)it->target_page;
        HPDF_Destination dest = HPDF_Page_CreateDestination(p->pages[t]);
        if (!dest)
            return;
        HPDF_Destination_SetFitH(dest, (HPDF_REAL)(p->heights[t] - it->target_y + 6));
        annot = HPDF_Page_CreateLinkAnnot(page, r, dest);
    }
    if (annot) {
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        rp_pdf_tags_annot(p, annot, pg, it);
    }
}

/* Draws the file `it->text` fitted into the item's box with its proportions kept, against
 * the top left corner. The templates loader made sure a .png file is a PNG and any other
 * (.jpg, .jpeg) a JPEG. */
static void image(struct pdf *p, HPDF_Page page, const struct rp_item *it, double height)
{
    if (!p->image_path || strcmp(p->image_path, it->text) != 0) {
        /* Only the theme's logo is ever drawn, from the bytes the loader checked. */
        const struct rp_theme *t = p->theme;
        if (t->logo && t->logo_data && strcmp(t->logo, it->text) == 0)
            p->image =
                t->logo_png
                    ? HPDF_LoadPngImageFromMem(p->doc, t->logo_data, (HPDF_UINT)t->logo_size)
                    : HPDF_LoadJpegImageFromMem(p->doc, t->logo_data, (HPDF_UINT)t->logo_size);
        else
            p->image = NULL;
        p->image_path = it->text;
        if (!p->image)
            rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "cannot load the image %s", it->text);
    }
    if (!p->image)
        return;
    double iw = HPDF_Image_GetWidth(p->image), ih = HPDF_Image_GetHeight(p->image);
    if (iw <= 0 || ih <= 0)
        return;
    double scale = it->w / iw < it->h / ih ? it->w / iw : it->h / ih;
    HPDF_Page_DrawImage(page, p->image, it->x, (HPDF_REAL)(height - it->y - ih * scale),
                        (HPDF_REAL)(iw * scale), (HPDF_REAL)(ih * scale));
}

/* ------------------------------------------------------------------ hyphenation */

/* The hyphenators of the languages a document's text is in: the document's own, and those of
 * text shown in another language (a fallback to the source's), opened on first use. */
struct hyphenators {
    struct {
        char lang[3];
        struct rp_hyphenator *h;
    } open[8];
    size_t count;
};

static const struct rp_hyphenator *hyphenator_of(void *ctx, const char *lang)
{
    struct hyphenators *hs = ctx;
    if (!lang || strlen(lang) < 2)
        return NULL;
    for (size_t i = 0; i < hs->count; i++)
        if (strncasecmp(hs->open[i].lang, lang, 2) == 0)
            return hs->open[i].h;
    struct rp_hyphenator *h = rp_hyphenator_open(lang);
    if (hs->count < sizeof hs->open / sizeof *hs->open) {
        memcpy(hs->open[hs->count].lang, lang, 2);
        hs->open[hs->count].lang[2] = '\0';
        hs->open[hs->count++].h = h; /* a missing dictionary is remembered too (NULL) */
    }
    return h;
}

static void hyphenators_close(struct hyphenators *hs)
{
    for (size_t i = 0; i < hs->count; i++)
        rp_hyphenator_close(hs->open[i].h);
    hs->count = 0;
}

/* Whether item `it` is part of a running header or footer, which repeat page after page. */
static bool running(const struct rp_item *it)
{
    return !it->elem &&
           (it->artifact == RP_ART_HEADER || it->artifact == RP_ART_FOOTER ||
            it->artifact == RP_ART_WATERMARK) &&
           (it->kind == RP_ITEM_LINE || it->kind == RP_ITEM_TEXT);
}

/* The resources of kind `kind` (Font, ExtGState) that the content `b` names by operator
 * `op` (" Tf", " gs"), looked up in the page's: NULL when it names none, or a dictionary of
 * the same names to the same objects. */
static HPDF_Dict named(struct pdf *p, HPDF_Page page, const char *kind, const char *op,
                       const char *b, size_t len)
{
    HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
    HPDF_Dict all = res ? HPDF_Dict_GetItem(res, kind, HPDF_OCLASS_DICT) : NULL;
    HPDF_Dict out = NULL;
    for (size_t i = 0; all && i + 1 < len; i++) {
        if (b[i] != '/' || (i > 0 && b[i - 1] != '\n'))
            continue;
        size_t j = i + 1;
        while (j < len && b[j] != ' ')
            j++;
        const char *tf = memchr(b + j, '\n', len - j);
        if (!tf || tf - b < 3 || memcmp(tf - 3, op, 3) != 0)
            continue;
        char name[32];
        if (j - i - 1 >= sizeof name)
            continue;
        memcpy(name, b + i + 1, j - i - 1);
        name[j - i - 1] = '\0';
        HPDF_Dict font = HPDF_Dict_GetItem(all, name, HPDF_OCLASS_DICT);
        if (!font)
            continue;
        if (!out)
            out = HPDF_Dict_New(p->doc->mmgr);
        if (out && !HPDF_Dict_GetItem(out, name, HPDF_OCLASS_DICT))
            HPDF_Dict_Add(out, name, font);
    }
    return out;
}

/* Whether the fonts of two contents are the same objects under the same names. */
static bool same_fonts(HPDF_Dict a, HPDF_Dict b)
{
    if (!a || !b)
        return a == b;
    if (a->list->count != b->list->count)
        return false;
    for (HPDF_UINT i = 0; i < a->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(a->list, i);
        if (HPDF_Dict_GetItem(b, e->key, HPDF_OCLASS_DICT) !=
            HPDF_Dict_GetItem(a, e->key, HPDF_OCLASS_DICT))
            return false;
    }
    return true;
}

/* Draws a header or footer item: its content is drawn apart, with a graphics state of its
 * own; the second time the same content (with the same fonts) comes, it becomes a form
 * XObject that this page and every later one show by `Do`, rather than each page its own
 * copy. What differs page to page (the page number) stays in each page. */
static void draw_running(struct pdf *p, HPDF_Page page, struct state *st, const struct rp_item *it,
                         double height)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Stream own = attr->stream;
    HPDF_Stream apart = HPDF_MemStream_New(p->doc->mmgr, 512);
    if (!apart)
        return;
    attr->stream = apart;
    struct rp_pdf_mark none = {false, false, 0, 0};
    struct state fresh = {.g = {.face = -1, .width = -1}, .mark = &none, .run_at = (size_t)-1};
    if (it->kind == RP_ITEM_TEXT) {
        text(p, page, &fresh, it, height);
        end_text(page, &fresh);
    } else
        line(page, &fresh, it, height);
    attr->stream = own;
    HPDF_UINT len = apart->size;
    char *b = malloc(len ? len : 1);
    if (!b || HPDF_Stream_Seek(apart, 0, HPDF_SEEK_SET) != HPDF_OK ||
        HPDF_Stream_Read(apart, (HPDF_BYTE *)b, &len) != HPDF_OK) {
        free(b);
        HPDF_Stream_Free(apart);
        return;
    }
    HPDF_Stream_Free(apart);
    HPDF_Dict fonts = named(p, page, "Font", " Tf", b, len);
    HPDF_Dict states = named(p, page, "ExtGState", " gs", b, len);
    struct rp_pdf_form *f = NULL;
    for (size_t i = 0; i < p->form_count && !f; i++)
        if (p->forms[i].len == len && memcmp(p->forms[i].bytes, b, len) == 0 &&
            same_fonts(p->forms[i].fonts, fonts) && same_fonts(p->forms[i].states, states))
            f = &p->forms[i];
    if (!f) { /* the first time: drawn in the page, and kept */
        HPDF_Stream_Write(own, (const HPDF_BYTE *)b, len);
        st->g = fresh.g; /* what the copy left set */
        if (p->form_count == p->form_cap) {
            p->form_cap = p->form_cap ? 2 * p->form_cap : 16;
            p->forms = rp_xrealloc(p->forms, p->form_cap * sizeof *p->forms);
        }
        p->forms[p->form_count++] = (struct rp_pdf_form){b, len, NULL, fonts, states};
        return;
    }
    free(b);
    /* The dictionaries just made name what f's already do. */
    if (fonts)
        HPDF_Dict_Free(fonts);
    if (states)
        HPDF_Dict_Free(states);
    if (!f->form) {
        HPDF_Dict form = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
        HPDF_Dict res = HPDF_Dict_New(p->doc->mmgr);
        HPDF_Array box = HPDF_Array_New(p->doc->mmgr);
        if (!form || !res || !box)
            return;
        form->filter = HPDF_STREAM_FILTER_NONE;           /* deflated by the packer */
        form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT; /* what libharu's Do expects */
        HPDF_Dict_AddName(form, "Type", "XObject");
        HPDF_Dict_AddName(form, "Subtype", "Form");
        HPDF_Array_AddNumber(box, 0);
        HPDF_Array_AddNumber(box, 0);
        HPDF_Array_AddReal(box, HPDF_Page_GetWidth(page));
        HPDF_Array_AddReal(box, HPDF_Page_GetHeight(page));
        HPDF_Dict_Add(form, "BBox", box);
        if (f->fonts)
            HPDF_Dict_Add(res, "Font", f->fonts);
        if (f->states)
            HPDF_Dict_Add(res, "ExtGState", f->states);
        HPDF_Dict_Add(form, "Resources", res);
        HPDF_Stream_Write(form->stream, (const HPDF_BYTE *)f->bytes, (HPDF_UINT)f->len);
        f->form = form;
    }
    HPDF_Page_ExecuteXObject(page, (HPDF_XObject)f->form);
    (void)st; /* Do restores the graphics state it found */
}

/* libharu's page operators write through the page's stream: this one appends to the
 * page's own buffer. */
static HPDF_STATUS content_write(HPDF_Stream s, const HPDF_BYTE *bytes, HPDF_UINT n)
{
    rp_buf_add(&((struct rp_pdf_content *)s->attr)->bytes, (const char *)bytes, n);
    return HPDF_OK;
}

/* Adds a page of `pg`'s size whose content goes to a buffer of its own. */
static HPDF_Page add_page(struct pdf *p, const struct rp_page *pg)
{
    if (p->page_count == p->page_cap) {
        p->page_cap = p->page_cap ? p->page_cap * 2 : 64;
        p->pages = rp_xrealloc(p->pages, p->page_cap * sizeof *p->pages);
        p->heights = rp_xrealloc(p->heights, p->page_cap * sizeof *p->heights);
        p->contents = rp_xrealloc(p->contents, p->page_cap * sizeof *p->contents);
    }
    HPDF_Page page = HPDF_AddPage(p->doc);
    if (!page)
        return NULL;
    struct rp_pdf_content *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->writer = HPDF_CallbackWriter_New(p->doc->mmgr, content_write, c);
    if (!c->writer) {
        free(c);
        return NULL;
    }
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    attr->stream = c->writer; /* libharu's own stays empty */
    /* The content is deflated by the packer (pdf_pack.c), faster than libharu does. */
    attr->contents->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);
    p->pages[p->page_count] = page;
    p->contents[p->page_count] = c;
    p->heights[p->page_count++] = pg->height;
    return page;
}

static int on_page(void *ctx, const struct rp_page *pg, bool overlay)
{
    struct pdf *p = ctx;
    if (p->errors)
        return -1;
    if (!overlay && !add_page(p, pg))
        return -1;
    if (pg->index >= p->page_count)
        return -1;
    HPDF_Page page = p->pages[pg->index];
    struct rp_pdf_mark mark = {false, false, 0, 0};
    struct state st = {.g = {.face = -1, .width = -1}, .mark = &mark, .run_at = (size_t)-1};
    for (size_t i = 0; i < pg->count; i++) {
        const struct rp_item *it = &pg->items[i];
        bool drawn = it->kind != RP_ITEM_LINK;
        /* Consecutive lines of text stay in one text object, each element's part of it a
         * marked-content sequence inside it (a table's cells: one BT, many MCIDs). Other
         * items, rotated and see-through text end the text object. */
        bool shared = running(it);
        bool plain = it->kind == RP_ITEM_TEXT && it->angle == 0 && !is_see_through(it) && !shared;
        if (drawn && !plain)
            end_text(page, &st);
        if (plain && mark.open && !mark.in_text && rp_pdf_tags_changes(it, &mark)) {
            end_text(page, &st); /* a sequence opened outside this text object ends after it */
            rp_pdf_tags_close_mark(page, &mark);
        }
        if (plain && !st.in_text)
            begin_text(page, &st);
        if (drawn)
            rp_pdf_tags_mark(p, page, pg, it, &mark, st.in_text);
        if (shared) {
            draw_running(p, page, &st, it, pg->height);
            continue;
        }
        switch (it->kind) {
        case RP_ITEM_TEXT:
            text(p, page, &st, it, pg->height);
            break;
        case RP_ITEM_RECT:
            rect(page, &st, it, pg->height);
            break;
        case RP_ITEM_LINE:
            if (outline_box(it, pg->count - i)) {
                box(page, &st, it, pg->height);
                i += 3;
            } else
                line(page, &st, it, pg->height);
            break;
        case RP_ITEM_PATH:
            path(page, &st, it, pg->height);
            break;
        case RP_ITEM_LINK:
            add_link(p, page, pg, it, pg->height);
            break;
        case RP_ITEM_IMAGE:
            image(p, page, it, pg->height);
            break;
        case RP_ITEM__MAX:
            break;
        }
    }
    end_text(page, &st);
    rp_pdf_tags_close_mark(page, &mark);
    return p->errors ? -1 : 0;
}

/* ------------------------------------------------------------------ document level */

static void outline(struct pdf *p, const struct rp_layout_result *res)
{
    HPDF_Encoder utf8 = HPDF_GetEncoder(p->doc, "UTF-8");
    HPDF_Outline parents[8] = {NULL};
    for (size_t i = 0; i < res->outline_count && !p->errors; i++) {
        const struct rp_outline_entry *e = &res->outline[i];
        int level = e->level < 1 ? 1 : e->level > 7 ? 7 : e->level;
        HPDF_Outline parent = NULL;
        for (int l = level - 1; l >= 1 && !parent; l--)
            parent = parents[l];
        HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, e->title, utf8);
        if (!o || e->page >= p->page_count)
            continue;
        HPDF_Destination dest = HPDF_Page_CreateDestination(p->pages[e->page]);
        if (dest) {
            HPDF_Destination_SetFitH(dest, (HPDF_REAL)(p->heights[e->page] - e->y + 6));
            HPDF_Outline_SetDestination(o, dest);
        }
        HPDF_Outline_SetOpened(o, level == 1);
        parents[level] = o;
        for (int l = level + 1; l < 8; l++)
            parents[l] = NULL;
    }
}

/* ------------------------------------------------------------------ the layout */

/* Opens the PDF document and the theme's regular font: every measure of the layout needs
 * them. Returns 0, or -1 with the reason recorded. */
static int open_document(struct pdf *p)
{
    p->doc = HPDF_New(on_error, p);
    if (!p->doc)
        return -1;
    /* Compression must be on before fonts load: their streams take the mode they are
     * created with. */
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(p->doc);
    HPDF_SetCurrentEncoder(p->doc, "UTF-8");
    if (rp_fonts_find(p->theme->font_family, &p->files, p->diags) != 0 ||
        rp_pdf_fonts_open(p, &p->metrics) != 0)
        return -1;
    return 0;
}

/* The one layout of a document: measured with the fonts of `p`, hyphenated by the language
 * of each text, its pages going to `sink`. The PDF backend and the layout record
 * (layout_record.c) both come through here, so that the record describes exactly the pages
 * the PDF draws. `measured`, when not NULL, points at the metrics while the layout runs. */
static int lay_out(struct pdf *p, const struct rp_doc *doc, struct rp_arena *arena,
                   const struct rp_layout_sink *sink, const struct rp_metrics **measured,
                   struct rp_layout_result *res, struct hyphenators *shared)
{
    struct hyphenators own = {0}, *hyphs = shared ? shared : &own;
    const struct rp_hyphenator *hyph = hyphenator_of(hyphs, doc->lang);
    struct rp_layout_env env = {p->theme, &p->metrics, hyph, arena, hyphenator_of, hyphs, NULL};
    if (measured)
        *measured = &p->metrics;
    int rc = rp_layout_document(doc, &env, sink, res);
    if (measured)
        *measured = NULL;
    hyphenators_close(&own);
    return rc != 0 || p->errors ? -1 : 0;
}

/* Frees `p` and everything it holds but its structure (rp_pdf_tags_free()). */
static void pdf_free(struct pdf *p)
{
    for (size_t i = 0; i < p->form_count; i++)
        if (!p->forms[i].form) { /* made part of no form: not libharu's to free */
            if (p->forms[i].fonts)
                HPDF_Dict_Free(p->forms[i].fonts);
            if (p->forms[i].states)
                HPDF_Dict_Free(p->forms[i].states);
        }
    if (p->doc) {
        rp_pdf_detach_contents(p); /* the writers are rapport's, made from libharu's memory */
        HPDF_Free(p->doc);
    }
    for (size_t i = 0; i < p->page_count; i++) {
        free(p->contents[i]->bytes.data);
        free(p->contents[i]);
    }
    free(p->contents);
    rp_pdf_fonts_free(p);
    for (size_t i = 0; i < p->form_count; i++)
        free(p->forms[i].bytes);
    free(p->forms);
    rp_font_files_free(&p->files);
    free(p->pages);
    free(p->heights);
    free(p);
}

/* A PDF writer for the document written (or only laid out) to `path`, reporting to `diags`. */
static struct pdf *pdf_new(const struct rp_theme *theme, const char *path, struct rp_diags *diags)
{
    struct pdf *p = calloc(1, sizeof *p);
    if (p) {
        p->diags = diags;
        p->path = path;
        p->theme = theme;
    }
    return p;
}

int rp_layout_as_pdf(const struct rp_doc *doc, const struct rp_theme *theme, struct rp_arena *arena,
                     const struct rp_layout_sink *sink, const struct rp_metrics **measured,
                     struct rp_layout_result *res, const char *path, struct rp_diags *diags)
{
    struct pdf *p = pdf_new(theme, path, diags);
    if (!p)
        return -1;
    int rc = open_document(p) == 0 ? lay_out(p, doc, arena, sink, measured, res, NULL) : -1;
    if (rc && !diags->errors)
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "layout failed");
    pdf_free(p);
    return rc;
}

int rp_layout_each_as_pdf(const struct rp_doc *const *docs, size_t n, const struct rp_theme *theme,
                          struct rp_arena *arena, const struct rp_layout_sink *sinks,
                          struct rp_layout_result *res, const char *path, struct rp_diags *diags)
{
    struct pdf *p = pdf_new(theme, path, diags);
    if (!p)
        return -1;
    /* One PDF library document for all: its fonts (whose loading is most of a short
     * layout's cost), the widths measured and the hyphenation patterns serve every one. */
    struct hyphenators hyphs = {0};
    int rc = open_document(p);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = lay_out(p, docs[i], arena, &sinks[i], NULL, &res[i], &hyphs);
    if (rc && !diags->errors)
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "layout failed");
    hyphenators_close(&hyphs);
    pdf_free(p);
    return rc;
}

/* ------------------------------------------------------------------ the document */

int rp_render_pdf(const struct rp_doc *doc, const struct rp_theme *theme, int fd, const char *path,
                  struct rp_diags *diags, long *pages)
{
    struct pdf *p = pdf_new(theme, path, diags);
    if (!p)
        return -1;
    int rc = -1;
    struct rp_layout_result res = {0};
    struct rp_arena *arena = rp_arena_new();
    /* Laid out already (page_plan.h): drawn as laid out then; the result is the keeper's. */
    const struct rp_laid_out *kept = doc->page_plan ? doc->page_plan->laid_out : NULL;
    if (open_document(p) != 0)
        goto done;
    struct rp_layout_sink sink = {p, on_page};
    if (rp_pdf_tags_new(p) != 0 || (kept ? rp_laid_out_draw(kept, &sink, &res) != 0 || p->errors
                                         : lay_out(p, doc, arena, &sink, NULL, &res, NULL) != 0))
        goto done;
    /* The structure is written as libharu saves: the elements live until then. */
    rp_pdf_tags_write(p, res.elems, res.elem_count);
    outline(p, &res);
    if (res.front_count > 0)
        HPDF_AddPageLabel(p->doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
    HPDF_AddPageLabel(p->doc, (HPDF_UINT)res.front_count, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
    if (res.outline_count)
        HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    rp_pdf_info(p, doc);
    rp_pdf_catalog(p, doc);
    rp_pdf_identify(p, doc, res.page_count);
    if (rp_pdf_fonts_finish(p) != 0 || p->errors)
        goto done;
    /* A failure was reported where it happened (on_error(), or save() for the write). */
    if (rp_pdf_save(p, fd) != 0 || p->errors)
        goto done;
    if (pages)
        *pages = (long)res.page_count;
    rc = 0;
done:
    if (rc && !diags->errors)
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "PDF rendering failed");
    if (!kept)
        rp_layout_result_free(&res);
    rp_pdf_tags_free(p);
    pdf_free(p);
    rp_arena_free(arena);
    return rc;
}
