/* The document's fonts, written by rapport rather than by libharu: text is shaped by
 * HarfBuzz (shape.c), measured with the shaped advances and shown by glyph id, and each face
 * is embedded as a Type 0 font (Identity-H) over a CIDFontType2 whose program is a subset of
 * the face holding the glyphs drawn, with their widths (/W) and a ToUnicode map from the
 * shaped clusters. libharu's HPDF_GetFont(…, "UTF-8") is not used: it looked up all 65,536
 * code points of every face for every document and embedded the whole face.
 *
 * The subset is known only when the last page is drawn, so the Type 0 dictionary is made
 * when a face is first used (pages refer to it) and filled just before the file is saved. */
#include "render/bidi.h"
#include "render/pdf_internal.h"
#include "render/shape.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/utf8.h"

#include <hpdf.h>
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
    *m = (struct rp_metrics){p, advance, info.ascent, info.descent, width};
    return 0;
}

void rp_pdf_fonts_free(struct pdf *p)
{
    rp_pdf_fallback_free(p);
    rp_shaper_free(p->shaper);
    p->shaper = NULL;
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
        HPDF_Dict_AddName(d, "Encoding", "Identity-H");
        p->type0[face] = d;
    }
    return p->type0[face];
}

/* A number as a content stream writes it: at most three decimals (rp_pdf_num()). */
static void put_num(struct rp_buf *b, double v)
{
    char s[32];
    rp_buf_add(b, s, rp_pdf_num(s, v, 3));
}

struct show {
    struct rp_buf *b;
    bool open; /* inside a (literal string) */
    HPDF_Page page;
    double size;
    int face; /* the font selected: a fallback face's inside the text, the item's after it */
};

/* The code of a character that no installed face can draw: one of its own past the
 * face's glyphs, drawn as the face's empty box and mapped back to the character. */
static uint32_t missing_code(struct pdf *p, int face, uint32_t cp)
{
    unsigned glyphs = rp_shaper_glyph_count(p->shaper, face);
    for (size_t i = 0; i < p->extra_count[face]; i++)
        if (p->extra[face][i] == cp)
            return glyphs + (uint32_t)i;
    size_t room = sizeof p->extra[face] / sizeof *p->extra[face];
    if (p->extra_count[face] == room || glyphs + room > 0xFFFF)
        return 0;
    p->extra[face][p->extra_count[face]] = cp;
    return glyphs + (uint32_t)p->extra_count[face]++;
}

/* The code that draws the character at `cluster` of `s`, which `face` lacks. */
static uint32_t warn_missing(struct pdf *p, int face, const char *s, size_t n, uint32_t cluster)
{
    const char *q = s + cluster;
    uint32_t cp = cluster < n ? rp_utf8_next(&q, s + n) : 0xFFFD;
    uint32_t code = missing_code(p, face, cp);
    for (size_t i = 0; i < p->missing_count; i++)
        if (p->missing[i] == cp)
            return code;
    if (p->missing_count == sizeof p->missing / sizeof *p->missing)
        return code; /* enough said */
    p->missing[p->missing_count++] = cp;
    static const char *const faces[RP_FACE__MAX] = {"regular", "bold", "italic", "bold italic"};
    rp_diag_add(p->diags, RP_WARNING, p->path, 0, 0,
                "the %s face (%s) has no glyph for U+%04X \"%.*s\", nor has any installed font: "
                "it is drawn as an empty box",
                face < RP_FACE__MAX ? faces[face] : "fallback", rp_pdf_face_path(p, face),
                (unsigned)cp, (int)(q - (s + cluster)), s + cluster);
    return code;
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

/* Glyph codes go in literal strings of two bytes each rather than four hex digits: half
 * the bytes before compression, some 3 % of a page's content after. */

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
    put_num(w->b, w->size);
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
        uint32_t code = g->gid ? g->gid : warn_missing(p, face, s, n, g->cluster);
        if (!w->open)
            rp_buf_add(w->b, "(", 1);
        w->open = true;
        put_string_byte(w->b, (unsigned char)(code >> 8));
        put_string_byte(w->b, (unsigned char)(code & 0xFF));
        if (g->kern) {
            /* TJ moves the next glyph left by a positive number, in thousandths. */
            rp_buf_add(w->b, ")", 1);
            w->open = false;
            put_num(w->b, -g->kern);
        }
    }
}

void rp_pdf_show(struct pdf *p, HPDF_Page page, int face, double size, bool set_font,
                 const double matrix[6], const char *text, size_t len)
{
    if (!rp_pdf_face(p, face))
        return;
    HPDF_Dict font = type0(p, face);
    const char *name = font ? HPDF_Page_GetLocalFontName(page, (HPDF_Font)font) : NULL;
    if (!name)
        return;
    struct rp_buf b = {0};
    if (set_font) {
        rp_buf_add(&b, "/", 1);
        rp_buf_adds(&b, name);
        rp_buf_add(&b, " ", 1);
        put_num(&b, size);
        rp_buf_adds(&b, " Tf\n");
    }
    if (matrix) {
        for (int i = 0; i < 6; i++) {
            put_num(&b, matrix[i]);
            rp_buf_add(&b, " ", 1);
        }
        rp_buf_adds(&b, "Tm\n");
    }
    rp_buf_add(&b, "[", 1);
    struct show w = {&b, false, page, size, face};
    rp_pdf_pieces(p, face, text, len, true, add_glyphs, &w);
    if (w.face != face) /* the next text, which may not select a font, expects the item's */
        switch_font(p, &w, face);
    if (w.open)
        rp_buf_add(&b, ")", 1);
    rp_buf_adds(&b, "] TJ\n");
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    free(b.data);
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

/* The widths of the glyphs used, grouped in runs of consecutive ids: c [w1 w2 ...]. */
static HPDF_Array widths(struct pdf *p, int face)
{
    HPDF_MMgr mm = p->doc->mmgr;
    HPDF_Array w = HPDF_Array_New(mm);
    HPDF_Array run = NULL;
    long last = -2;
    for (long g = -1; w && rp_shaper_next_used(p->shaper, face, &g);) {
        if (g != last + 1 || !run) {
            run = HPDF_Array_New(mm);
            HPDF_Array_AddNumber(w, (HPDF_INT32)g);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, rp_shaper_glyph_width(p->shaper, face, (uint16_t)g));
        last = g;
    }
    if (w && p->extra_count[face]) { /* the codes of characters drawn as .notdef */
        run = HPDF_Array_New(mm);
        HPDF_Array_AddNumber(w, (HPDF_INT32)rp_shaper_glyph_count(p->shaper, face));
        HPDF_Array_Add(w, run);
        for (size_t i = 0; i < p->extra_count[face]; i++)
            HPDF_Array_AddNumber(run, rp_shaper_glyph_width(p->shaper, face, 0));
    }
    return w;
}

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

/* One mapping of a ToUnicode CMap, code `code` to the characters `utf8`, in blocks of at
 * most 100 (the CMap format's limit); `left` counts the mappings still to write. */
static void bfchar(struct rp_buf *b, unsigned code, const char *utf8, size_t *left,
                   size_t *in_block)
{
    char line[32];
    if (*in_block == 0) {
        snprintf(line, sizeof line, "%zu beginbfchar\n", *left < 100 ? *left : 100);
        rp_buf_adds(b, line);
    }
    snprintf(line, sizeof line, "<%04X> <", code);
    rp_buf_adds(b, line);
    rp_pdf_utf16_hex(b, utf8);
    rp_buf_adds(b, ">\n");
    --*left;
    if (++*in_block == 100 || *left == 0) {
        rp_buf_adds(b, "endbfchar\n");
        *in_block = 0;
    }
}

/* The ToUnicode CMap: each glyph drawn to the characters of the cluster it began. */
static HPDF_Dict to_unicode(struct pdf *p, int face)
{
    HPDF_Dict cmap = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
    if (!cmap)
        return NULL;
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    struct rp_buf b = {0};
    rp_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    size_t n = 0;
    for (long g = -1; rp_shaper_next_used(p->shaper, face, &g);) {
        const char *t = rp_shaper_text_of(p->shaper, face, (uint16_t)g);
        n += t && *t;
    }
    n += p->extra_count[face];
    size_t in_block = 0;
    for (long g = -1; rp_shaper_next_used(p->shaper, face, &g);) {
        const char *t = rp_shaper_text_of(p->shaper, face, (uint16_t)g);
        if (!t || !*t)
            continue;
        bfchar(&b, (unsigned)g, t, &n, &in_block);
    }
    unsigned glyphs = rp_shaper_glyph_count(p->shaper, face);
    for (size_t i = 0; i < p->extra_count[face]; i++) {
        char utf8[5] = {0};
        rp_utf8_encode(p->extra[face][i], utf8);
        bfchar(&b, glyphs + (unsigned)i, utf8, &n, &in_block);
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
    unsigned char *program = rp_shaper_subset(p->shaper, face, &len);
    if (!program) {
        rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "cannot subset the font %s",
                    rp_pdf_face_path(p, face));
        return -1;
    }
    HPDF_Dict file = HPDF_DictStream_New(mm, p->doc->xref);
    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_Dict cid = HPDF_Dict_New(mm);
    HPDF_Dict sys = HPDF_Dict_New(mm);
    HPDF_Array kids = HPDF_Array_New(mm), bbox = HPDF_Array_New(mm);
    if (!file || !desc || !cid || !sys || !kids || !bbox ||
        HPDF_Xref_Add(p->doc->xref, desc) != HPDF_OK ||
        HPDF_Xref_Add(p->doc->xref, cid) != HPDF_OK) {
        free(program);
        return -1;
    }
    file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
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

    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name);
    HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    HPDF_Dict_AddNumber(sys, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", sys);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid, "DW", 0);
    HPDF_Dict_Add(cid, "W", widths(p, face));
    if (p->extra_count[face]) {
        /* The identity, but for the codes past the glyphs, which draw glyph 0. */
        HPDF_Dict map = HPDF_DictStream_New(mm, p->doc->xref);
        unsigned glyphs = rp_shaper_glyph_count(p->shaper, face);
        size_t size = 2 * (glyphs + p->extra_count[face]);
        HPDF_BYTE *m = calloc(size, 1);
        if (!map || !m) {
            free(m);
            return -1;
        }
        map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        for (unsigned g = 0; g < glyphs; g++)
            m[2 * g] = (HPDF_BYTE)(g >> 8), m[2 * g + 1] = (HPDF_BYTE)(g & 0xFF);
        HPDF_Stream_Write(map->stream, m, (HPDF_UINT)size);
        free(m);
        HPDF_Dict_Add(cid, "CIDToGIDMap", map);
    } else
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

    HPDF_Dict_AddName(font, "BaseFont", name);
    HPDF_Array_Add(kids, cid);
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
