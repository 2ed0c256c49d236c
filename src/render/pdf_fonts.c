/* The document's fonts, written by rapport rather than by libharu: text is shaped by
 * HarfBuzz (shape.c), measured with the shaped advances and shown by codes of one byte (two
 * past the first 188 glyphs of a face), and each face is embedded as a Type 0 font over a
 * CIDFontType2 whose program is a subset of the face holding the glyphs drawn, renumbered
 * densely; an embedded CMap maps each code to its glyph's id in the subset (the CID), with
 * their widths (/W) and a ToUnicode map from the shaped clusters. libharu's HPDF_GetFont(…,
 * "UTF-8") is not used: it looked up all 65,536 code points of every face for every document and
 * embedded the whole face.
 *
 * The subset is known only when the last page is drawn, so the Type 0 dictionary is made
 * when a face is first used (pages refer to it) and filled just before the file is saved;
 * the codes, given in the order of first use, do not depend on it. */
#include "render/bidi.h"
#include "render/layout.h"
#include "render/pdf_internal.h"
#include "render/shape.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/utf8.h"

#include <hpdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ faces and measures */

bool rp_pdf_face(struct pdf *p, int face)
{
    if (rp_shaper_has(p->shaper, face))
        return true;
    if (p->face_failed[face])
        return false;
    char why[160];
    if (face >= RP_FACE__MAX ||
        rp_shaper_load(p->shaper, face, p->files.path[face], why, sizeof why) != 0) {
        p->face_failed[face] = true;
        rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "cannot load the font %s: %s",
                    rp_pdf_face_path(p, face), why);
        return false;
    }
    return true;
}

static void add_width(struct pdf *p, int face, const struct rp_shaped *sh, const char *s, size_t n,
                      void *ctx)
{
    (void)p, (void)face, (void)s, (void)n;
    *(double *)ctx += sh->width;
}

/* Words longer than this are measured by their advances, unshaped: they are only ever
 * found too wide and cut (shaping a 5 MB word would hold hundreds of MB), and what is drawn
 * of them, a line at a time, is shaped. */
enum { SHAPED_MAX = 4096 };

static double width(void *ctx, enum rp_face face, const char *s, size_t len)
{
    struct pdf *p = ctx;
    double w = 0;
    if (!rp_pdf_face(p, face))
        return 0;
    if (len > SHAPED_MAX) {
        for (const char *q = s, *end = s + len; q < end;) {
            uint32_t cp = rp_utf8_next(&q, end);
            w += cp < 0x20 ? 0 : rp_shaper_advance(p->shaper, face, cp);
        }
        return w;
    }
    /* The usual case inline: words the face draws whole, without a right-to-left letter
     * or a line separator (one pass over the bytes); cut as rp_pdf_pieces() cuts them,
     * which measures the rest. */
    const unsigned char *t = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        if (t[i] == ' ')
            j++;
        else
            for (; j < len && t[j] != ' '; j++)
                if (t[j] >= 0xD6 && (rp_bidi_may_be_rtl(t + j, len - j) ||
                                     (t[j] == 0xE2 && j + 2 < len && t[j + 1] == 0x80 &&
                                      (t[j + 2] & 0xFE) == 0xA8)))
                    goto general;
        const struct rp_shaped *sh = rp_shape(p->shaper, face, s + i, j - i);
        for (uint32_t g = 0; g < sh->count; g++)
            if (sh->g[g].gid == 0)
                goto general;
        w += sh->width;
        i = j;
    }
    return w;
general:
    w = 0;
    rp_pdf_pieces(p, face, s, len, false, add_width, &w);
    return w;
}

static double advance(void *ctx, enum rp_face face, uint32_t cp)
{
    struct pdf *p = ctx;
    if (cp < 0x20 || !rp_pdf_face(p, face))
        return 0;
    if (cp >= 0x80 && rp_shaper_glyph(p->shaper, face, cp) == 0) {
        /* Not the face's empty box: the advance of what draws it (a fallback face). */
        char utf8[4];
        return width(ctx, face, utf8, rp_utf8_encode(cp, utf8));
    }
    return rp_shaper_advance(p->shaper, face, cp);
}

int rp_pdf_fonts_open(struct pdf *p, struct rp_metrics *m)
{
    p->shaper = rp_shaper_new();
    if (!p->shaper || !rp_pdf_face(p, RP_FACE_REGULAR))
        return -1;
    struct rp_face_info info;
    rp_shaper_info(p->shaper, RP_FACE_REGULAR, &info);
    *m = (struct rp_metrics){p, advance, info.ascent, info.descent, width, rp_atoms_memo_new()};
    return m->memo ? 0 : -1;
}

void rp_pdf_fonts_free(struct pdf *p)
{
    for (int f = 0; f < RP_PDF_FACES; f++) {
        struct rp_pdf_codes *c = &p->codes[f];
        free(c->of_gid);
        free(c->gid);
        free(c->cp);
        *c = (struct rp_pdf_codes){0};
    }
    rp_pdf_fallback_free(p);
    rp_shaper_free(p->shaper);
    p->shaper = NULL;
    rp_atoms_memo_free(p->metrics.memo);
    p->metrics.memo = NULL;
}

/* ------------------------------------------------------------------ showing text */

/* The Type 0 font of `face`, made on first use and filled by rp_pdf_fonts_finish(). */
static HPDF_Dict type0(struct pdf *p, int face)
{
    if (!p->type0[face]) {
        HPDF_Dict d = HPDF_Dict_New(p->doc->mmgr);
        if (!d || HPDF_Xref_Add(p->doc->xref, d) != HPDF_OK)
            return NULL;
        HPDF_Dict_AddName(d, "Type", "Font");
        HPDF_Dict_AddName(d, "Subtype", "Type0");
        p->type0[face] = d;
    }
    return p->type0[face];
}

/* A number as a content stream writes it: at most three decimals (rp_pdf_num()). */
static void put_num(struct rp_buf *b, double v, int decimals)
{
    char s[32];
    rp_buf_add(b, s, rp_pdf_num(s, v, decimals));
}

struct show {
    struct rp_buf *b;
    bool open; /* inside a (literal string) */
    HPDF_Page page;
    double size;
    int face;       /* the font selected: a fallback face's inside the text, the item's after it */
    double advance; /* of the glyphs shown, in thousandths of the size, as a reader adds it */
};

/* ------------------------------------------------------------------ codes */

/* The number of the code that shows glyph `gid` of `face` (a character `cp` that no
 * installed face can draw when `gid` is 0: one of its own, drawn as the face's empty box and
 * mapped back to the character), given on first use; -1 when the face has no code left. */
static long code_number(struct pdf *p, int face, uint16_t gid, uint32_t cp)
{
    struct rp_pdf_codes *c = &p->codes[face];
    if (gid) {
        if (!c->of_gid) {
            c->of_gid = calloc(rp_shaper_glyph_count(p->shaper, face), sizeof *c->of_gid);
            if (!c->of_gid)
                return -1;
        }
        if (gid < rp_shaper_glyph_count(p->shaper, face) && c->of_gid[gid])
            return c->of_gid[gid] - 1;
    } else
        for (size_t i = 0; i < c->count; i++)
            if (c->gid[i] == 0 && c->cp[i] == cp)
                return (long)i;
    if (c->count == RP_PDF_CODES_MAX || gid >= rp_shaper_glyph_count(p->shaper, face))
        return -1;
    if (c->count == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 128;
        uint16_t *g = realloc(c->gid, cap * sizeof *g);
        if (g)
            c->gid = g;
        uint32_t *u = realloc(c->cp, cap * sizeof *u);
        if (u)
            c->cp = u;
        if (!g || !u)
            return -1;
        c->cap = cap;
    }
    c->gid[c->count] = gid;
    c->cp[c->count] = cp;
    if (gid)
        c->of_gid[gid] = (uint16_t)(c->count + 1);
    return (long)c->count++;
}

unsigned rp_pdf_code_value(size_t n)
{
    if (n >= RP_PDF_ONE_BYTE_CODES)
        return 0xC000 + (unsigned)(n - RP_PDF_ONE_BYTE_CODES);
    /* The bytes a literal string would escape are skipped: ( ) \ and CR. */
    static const unsigned char skip[] = {'\r', '(', ')', '\\'};
    unsigned v = (unsigned)n;
    for (size_t i = 0; i < sizeof skip; i++)
        v += v >= skip[i];
    return v;
}

/* Warns once of the character at `cluster` of `s`, which `face` lacks and no installed
 * face has; returns it. */
static uint32_t warn_missing(struct pdf *p, int face, const char *s, size_t n, uint32_t cluster)
{
    const char *q = s + cluster;
    uint32_t cp = cluster < n ? rp_utf8_next(&q, s + n) : 0xFFFD;
    for (size_t i = 0; i < p->missing_count; i++)
        if (p->missing[i] == cp)
            return cp;
    if (p->missing_count == sizeof p->missing / sizeof *p->missing)
        return cp; /* enough said */
    p->missing[p->missing_count++] = cp;
    static const char *const faces[RP_FACE__MAX] = {"regular", "bold", "italic", "bold italic"};
    rp_diag_add(p->diags, RP_WARNING, p->path, 0, 0,
                "the %s face (%s) has no glyph for U+%04X \"%.*s\", nor has any installed font: "
                "it is drawn as an empty box",
                face < RP_FACE__MAX ? faces[face] : "fallback", rp_pdf_face_path(p, face),
                (unsigned)cp, (int)(q - (s + cluster)), s + cluster);
    return cp;
}

/* Appends byte `c` to a literal string: the delimiters and the backslash escaped, and the
 * carriage return too (a reader turns a raw one, or CR LF, into a line feed). */
static void put_string_byte(struct rp_buf *b, unsigned char c)
{
    if (c == '(' || c == ')' || c == '\\') {
        char e[2] = {'\\', (char)c};
        rp_buf_add(b, e, 2);
    } else if (c == '\r')
        rp_buf_add(b, "\\r", 2);
    else
        rp_buf_add(b, (const char *)&c, 1);
}

/* Glyph codes go in literal strings rather than hex digits: half the bytes before
 * compression, some 3 % of a page's content after. */

/* Selects the font of `face` at the show's size. */
static void select_font(struct pdf *p, struct show *w, int face)
{
    HPDF_Dict font = type0(p, face);
    const char *name = font ? HPDF_Page_GetLocalFontName(w->page, (HPDF_Font)font) : NULL;
    if (!name)
        return;
    rp_buf_add(w->b, "/", 1);
    rp_buf_adds(w->b, name);
    rp_buf_add(w->b, " ", 1);
    put_num(w->b, w->size, 3);
    rp_buf_adds(w->b, " Tf\n");
    w->face = face;
}

/* Ends the TJ array and selects `face` for what follows (a fallback face's glyphs, or the
 * item's face back): TJ leaves the text position after the last glyph shown. */
static void switch_font(struct pdf *p, struct show *w, int face)
{
    if (w->open)
        rp_buf_add(w->b, ")", 1);
    w->open = false;
    rp_buf_adds(w->b, "] TJ\n");
    select_font(p, w, face);
    rp_buf_add(w->b, "[", 1);
}

static void add_glyphs(struct pdf *p, int face, const struct rp_shaped *sh, const char *s, size_t n,
                       void *ctx)
{
    struct show *w = ctx;
    if (face != w->face && sh->count)
        switch_font(p, w, face);
    rp_shaper_use(p->shaper, face, sh, s, n);
    for (uint32_t i = 0; i < sh->count; i++) {
        const struct rp_glyph *g = &sh->g[i];
        long number = g->gid ? code_number(p, face, g->gid, 0)
                             : code_number(p, face, 0, warn_missing(p, face, s, n, g->cluster));
        if (number < 0) {
            if (!p->codes_exhausted)
                rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0,
                            "more than %d different glyphs of the font %s: the rest are left out",
                            RP_PDF_CODES_MAX, rp_pdf_face_path(p, face));
            p->codes_exhausted = true;
            continue;
        }
        unsigned code = rp_pdf_code_value((size_t)number);
        if (!w->open)
            rp_buf_add(w->b, "(", 1);
        w->open = true;
        if (code > 0xFF)
            put_string_byte(w->b, (unsigned char)(code >> 8));
        put_string_byte(w->b, (unsigned char)(code & 0xFF));
        w->advance += rp_shaper_glyph_width(p->shaper, face, g->gid);
        if (g->kern) {
            /* TJ moves the next glyph left by a positive number, in thousandths. */
            rp_buf_add(w->b, ")", 1);
            w->open = false;
            put_num(w->b, -g->kern, 3);
            w->advance -= round(-g->kern * 1000) / 1000; /* as written */
        }
    }
}

double rp_pdf_show(struct pdf *p, HPDF_Page page, int face, double size, bool set_font,
                   const double matrix[6], double lead, const char *text, size_t len)
{
    if (!rp_pdf_face(p, face))
        return 0;
    HPDF_Dict font = type0(p, face);
    const char *name = font ? HPDF_Page_GetLocalFontName(page, (HPDF_Font)font) : NULL;
    if (!name)
        return 0;
    struct rp_buf b = {0};
    if (set_font) {
        rp_buf_add(&b, "/", 1);
        rp_buf_adds(&b, name);
        rp_buf_add(&b, " ", 1);
        put_num(&b, size, 3);
        rp_buf_adds(&b, " Tf\n");
    }
    if (matrix) {
        for (int i = 0; i < 6; i++) {
            put_num(&b, matrix[i], 3);
            rp_buf_add(&b, " ", 1);
        }
        rp_buf_adds(&b, "Tm\n");
    }
    rp_buf_add(&b, "[", 1);
    if (lead != 0) {
        put_num(&b, lead, 1);
        rp_buf_add(&b, " ", 1);
    }
    struct show w = {&b, false, page, size, face, 0};
    rp_pdf_pieces(p, face, text, len, true, add_glyphs, &w);
    if (w.face != face) /* the next text, which may not select a font, expects the item's */
        switch_font(p, &w, face);
    if (w.open)
        rp_buf_add(&b, ")", 1);
    rp_buf_adds(&b, "] TJ\n");
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    free(b.data);
    return w.advance;
}

/* ------------------------------------------------------------------ the font objects */

/* Six capital letters from the glyph set, so that the same subset gets the same tag in
 * every run and different subsets of one face (almost surely) different tags. */
static void subset_tag(const struct pdf *p, int face, char tag[8])
{
    uint64_t h = 14695981039346656037u ^ (uint64_t)face;
    for (long g = -1; rp_shaper_next_used(p->shaper, face, &g);)
        h = (h ^ (uint64_t)g) * 1099511628211u;
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '+';
    tag[7] = '\0';
}

/* The widths of the glyphs shown, by their ids in the subset (`cid`, per code number),
 * grouped in runs of consecutive ids: c [w1 w2 ...]. */
static HPDF_Array widths(struct pdf *p, int face, const uint16_t *cid)
{
    const struct rp_pdf_codes *c = &p->codes[face];
    unsigned top = 0;
    for (size_t i = 0; i < c->count; i++)
        top = cid[i] > top ? cid[i] : top;
    int32_t *w_of = malloc((top + 1) * sizeof *w_of);
    HPDF_Array w = HPDF_Array_New(p->doc->mmgr);
    if (!w_of || !w) {
        free(w_of);
        return w;
    }
    for (unsigned i = 0; i <= top; i++)
        w_of[i] = -1;
    for (size_t i = 0; i < c->count; i++)
        w_of[cid[i]] = rp_shaper_glyph_width(p->shaper, face, c->gid[i]);
    HPDF_Array run = NULL;
    for (unsigned g = 0; g <= top; g++) {
        if (w_of[g] < 0) {
            run = NULL;
            continue;
        }
        if (!run) {
            run = HPDF_Array_New(p->doc->mmgr);
            HPDF_Array_AddNumber(w, (HPDF_INT32)g);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, w_of[g]);
    }
    free(w_of);
    return w;
}

/* A code as CMaps write it: two hex digits for a byte, four for two. */
static void put_code(struct rp_buf *b, unsigned code)
{
    char h[8];
    snprintf(h, sizeof h, code > 0xFF ? "<%04X>" : "<%02X>", code);
    rp_buf_adds(b, h);
}

/* The code space of every face, in both its CMaps. */
static const char codespace[] =
    "2 begincodespacerange\n<00> <BF>\n<C000> <FFFF>\nendcodespacerange\n";

void rp_pdf_utf16_hex(struct rp_buf *b, const char *s)
{
    const char *q = s, *end = s + strlen(s);
    char h[16];
    while (q < end) {
        uint32_t cp = rp_utf8_next(&q, end);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            snprintf(h, sizeof h, "%04X%04X", 0xD800 + (unsigned)(cp >> 10),
                     0xDC00 + (unsigned)(cp & 0x3FF));
        } else
            snprintf(h, sizeof h, "%04X", (unsigned)cp);
        rp_buf_adds(b, h);
    }
}

/* Starts block of at most 100 lines (the CMap format's limit) of `kind` (bfchar,
 * cidchar) when `*in_block` is 0; `left` counts the lines still to write. */
static void block_start(struct rp_buf *b, const char *kind, size_t left, size_t in_block)
{
    if (in_block == 0) {
        char line[32];
        snprintf(line, sizeof line, "%zu begin%s\n", left < 100 ? left : 100, kind);
        rp_buf_adds(b, line);
    }
}

static void block_end(struct rp_buf *b, const char *kind, size_t *left, size_t *in_block)
{
    --*left;
    if (++*in_block == 100 || *left == 0) {
        rp_buf_adds(b, "end");
        rp_buf_adds(b, kind);
        rp_buf_adds(b, "\n");
        *in_block = 0;
    }
}

/* The ToUnicode CMap: each code to the characters of the cluster its glyph began. */
static HPDF_Dict to_unicode(struct pdf *p, int face)
{
    HPDF_Dict cmap = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
    if (!cmap)
        return NULL;
    cmap->filter = HPDF_STREAM_FILTER_NONE; /* deflated by the packer */
    struct rp_buf b = {0};
    rp_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
    rp_buf_adds(&b, codespace);
    const struct rp_pdf_codes *c = &p->codes[face];
    size_t left = 0, in_block = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->count; i++) {
            char utf8[5] = {0};
            const char *t = c->gid[i] ? rp_shaper_text_of(p->shaper, face, c->gid[i]) : utf8;
            if (!c->gid[i])
                rp_utf8_encode(c->cp[i], utf8);
            if (!t || !*t)
                continue;
            if (pass == 0) {
                left++;
                continue;
            }
            block_start(&b, "bfchar", left, in_block);
            put_code(&b, rp_pdf_code_value(i));
            rp_buf_adds(&b, " <");
            rp_pdf_utf16_hex(&b, t);
            rp_buf_adds(&b, ">\n");
            block_end(&b, "bfchar", &left, &in_block);
        }
    rp_buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    free(b.data);
    return cmap;
}

/* The font's /Encoding: an embedded CMap from each code to the id of its glyph in the
 * subset (`cid`, per code number), the CID (the CIDToGIDMap is the identity). */
static HPDF_Dict encoding(struct pdf *p, int face, const uint16_t *cid)
{
    HPDF_MMgr mm = p->doc->mmgr;
    HPDF_Dict cmap = HPDF_DictStream_New(mm, p->doc->xref);
    HPDF_Dict sys = HPDF_Dict_New(mm);
    if (!cmap || !sys)
        return NULL;
    cmap->filter = HPDF_STREAM_FILTER_NONE; /* deflated by the packer */
    HPDF_Dict_AddName(cmap, "Type", "CMap");
    HPDF_Dict_AddName(cmap, "CMapName", "Rapport-Codes");
    HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    HPDF_Dict_AddNumber(sys, "Supplement", 0);
    HPDF_Dict_Add(cmap, "CIDSystemInfo", sys);
    HPDF_Dict_AddNumber(cmap, "WMode", 0);
    struct rp_buf b = {0};
    rp_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                    "def\n/CMapName /Rapport-Codes def\n/CMapType 1 def\n/WMode 0 def\n");
    rp_buf_adds(&b, codespace);
    const struct rp_pdf_codes *c = &p->codes[face];
    size_t left = c->count, in_block = 0;
    for (size_t i = 0; i < c->count; i++) {
        char line[16];
        block_start(&b, "cidchar", left, in_block);
        put_code(&b, rp_pdf_code_value(i));
        snprintf(line, sizeof line, " %u\n", (unsigned)cid[i]);
        rp_buf_adds(&b, line);
        block_end(&b, "cidchar", &left, &in_block);
    }
    rp_buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    free(b.data);
    return cmap;
}

/* Fills the Type 0 font of `face` with its descendant, descriptor, program and maps. */
static int finish_face(struct pdf *p, int face)
{
    HPDF_MMgr mm = p->doc->mmgr;
    HPDF_Dict font = p->type0[face];
    struct rp_face_info info;
    rp_shaper_info(p->shaper, face, &info);
    char name[80];
    subset_tag(p, face, name);
    snprintf(name + 7, sizeof name - 7, "%s", info.name);

    size_t len = 0;
    const struct rp_pdf_codes *c = &p->codes[face];
    uint16_t *new_gid = calloc(rp_shaper_glyph_count(p->shaper, face), sizeof *new_gid);
    uint16_t *cid = malloc((c->count + 1) * sizeof *cid);
    unsigned char *program =
        new_gid && cid ? rp_shaper_subset(p->shaper, face, &len, new_gid) : NULL;
    if (program)
        for (size_t i = 0; i < c->count; i++)
            cid[i] = new_gid[c->gid[i]]; /* glyph 0 stays 0 */
    free(new_gid);
    if (!program) {
        free(cid);
        rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "cannot subset the font %s",
                    rp_pdf_face_path(p, face));
        return -1;
    }
    HPDF_Dict file = HPDF_DictStream_New(mm, p->doc->xref);
    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_Dict cidfont = HPDF_Dict_New(mm);
    HPDF_Dict sys = HPDF_Dict_New(mm);
    HPDF_Array kids = HPDF_Array_New(mm), bbox = HPDF_Array_New(mm);
    if (!file || !desc || !cidfont || !sys || !kids || !bbox ||
        HPDF_Xref_Add(p->doc->xref, desc) != HPDF_OK ||
        HPDF_Xref_Add(p->doc->xref, cidfont) != HPDF_OK) {
        free(cid);
        free(program);
        return -1;
    }
    file->filter = HPDF_STREAM_FILTER_NONE; /* deflated by the packer */
    HPDF_Stream_Write(file->stream, program, (HPDF_UINT)len);
    HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
    free(program);

    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", name);
    /* Nonsymbolic (Latin text), italic when the face slants, fixed pitch when it is. */
    HPDF_Dict_AddNumber(desc, "Flags",
                        32 | (info.italic_angle != 0 ? 64 : 0) | (info.fixed_pitch ? 1 : 0));
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddNumber(bbox, info.bbox[i]);
    HPDF_Dict_Add(desc, "FontBBox", bbox);
    HPDF_Dict_AddReal(desc, "ItalicAngle", (HPDF_REAL)info.italic_angle);
    HPDF_Dict_AddNumber(desc, "Ascent", info.ascent);
    HPDF_Dict_AddNumber(desc, "Descent", info.descent);
    HPDF_Dict_AddNumber(desc, "CapHeight", info.cap_height);
    /* No font says its stem width; this is the usual guess by weight. */
    int style = face < RP_FACE__MAX ? face : p->fallback_style[face];
    HPDF_Dict_AddNumber(desc, "StemV",
                        style == RP_FACE_BOLD || style == RP_FACE_BOLD_ITALIC ? 120 : 80);
    HPDF_Dict_Add(desc, "FontFile2", file);

    HPDF_Dict_AddName(cidfont, "Type", "Font");
    HPDF_Dict_AddName(cidfont, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cidfont, "BaseFont", name);
    HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    HPDF_Dict_AddNumber(sys, "Supplement", 0);
    HPDF_Dict_Add(cidfont, "CIDSystemInfo", sys);
    HPDF_Dict_Add(cidfont, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cidfont, "DW", 0);
    HPDF_Dict_Add(cidfont, "W", widths(p, face, cid));
    HPDF_Dict_AddName(cidfont, "CIDToGIDMap", "Identity");

    HPDF_Dict_AddName(font, "BaseFont", name);
    HPDF_Dict enc = encoding(p, face, cid);
    free(cid);
    if (enc)
        HPDF_Dict_Add(font, "Encoding", enc);
    HPDF_Array_Add(kids, cidfont);
    HPDF_Dict_Add(font, "DescendantFonts", kids);
    HPDF_Dict cmap = to_unicode(p, face);
    if (cmap)
        HPDF_Dict_Add(font, "ToUnicode", cmap);
    return p->errors ? -1 : 0;
}

int rp_pdf_fonts_finish(struct pdf *p)
{
    for (int f = 0; f < RP_PDF_FACES; f++)
        if (p->type0[f] && finish_face(p, f) != 0)
            return -1;
    return 0;
}
