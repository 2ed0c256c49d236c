/* Tagged PDF over libharu 2.3.0, which has no marked-content API and no structure tree.
 *
 * While pages are drawn, every item's content goes into a marked-content sequence: with an
 * MCID for content of a structure element, as an /Artifact otherwise; each MCID and each
 * link annotation is recorded with its element and its place in reading order. Once the
 * layout is done, the structure tree is written: one indirect object per element, whose
 * kids (sub-elements, marked content, annotations) are put in reading order, and the parent
 * tree that maps each page's MCIDs and each annotation back to its element.
 *
 * A document of 100,000 table rows has close to a million elements. As libharu objects they
 * would cost a kilobyte of memory each, and as the plain objects of a PDF 1.4 file (libharu
 * writes no other kind) a hundred bytes each on disk: more than the rest of the document.
 * So the structure is written by this file, after libharu's part, as an incremental update
 * of PDF 1.5 form: the elements compressed in object streams, the catalog again with its
 * /StructTreeRoot, and a cross-reference stream. */
#include "render/pdf_deflate.h"
#include "render/pdf_internal.h"
#include "render/pdf_pack.h"

#include "render/layout.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A marked-content sequence or an annotation, as a kid of its element. */
struct content {
    uint32_t elem, seq;
    uint32_t page;
    uint32_t mcid;         /* marked content */
    HPDF_Annotation annot; /* or an annotation (NULL for marked content) */
};

/* A kid of an element, in reading order: element i (i > 0) or content -(c + 1). */
typedef int64_t kid;

struct rp_pdf_tags {
    struct content *content;
    size_t content_count, content_cap;
    uint32_t *mcids; /* the next MCID of each page */
    size_t page_cap;
    size_t annot_count;

    /* Filled by rp_pdf_tags_write(), written by rp_pdf_tags_update(). */
    const struct rp_struct_elem *elems;
    size_t elem_count;
    size_t *kid_start; /* elem_count + 1 offsets into kids */
    kid *kids;
    unsigned first; /* the object number of element 1; the others follow */
    bool ids;       /* some element (a Note) has an /ID: the root gets an IDTree */
    char buf[256];

    /* The object streams made for `first` by rp_pdf_tags_prepare() (none while `z` is NULL):
     * their dictionaries (without /Filter, /Length and the closing >>) and their data
     * deflated. */
    struct prepared {
        size_t streams;
        struct rp_buf *dicts;
        struct rp_pdf_deflation *z;
    } prepared;
};

static void prepared_free(struct prepared *pr)
{
    for (size_t k = 0; k < pr->streams; k++) {
        free(pr->dicts ? pr->dicts[k].data : NULL);
        free(pr->z ? pr->z[k].z : NULL);
    }
    free(pr->dicts), free(pr->z);
    *pr = (struct prepared){0};
}

/* Decimal integers and references written by hand: the structure of a long table is
 * millions of them, and snprintf's format parsing was a tenth of the whole render. */
static size_t fmt_u(char *out, unsigned long v)
{
    char rev[24];
    size_t n = 0;
    do
        rev[n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    return n;
}

void rp_pdf_lang_tag(const char *code, char *out, size_t size)
{
    if (!code)
        code = "";
    if (strcmp(code, "fr") == 0 || strcmp(code, "nl") == 0 || strcmp(code, "de") == 0)
        snprintf(out, size, "%s-BE", code);
    else
        snprintf(out, size, "%.15s", code);
}

int rp_pdf_tags_new(struct pdf *p)
{
    p->tags = calloc(1, sizeof *p->tags);
    return p->tags ? 0 : -1;
}

void rp_pdf_tags_free(struct pdf *p)
{
    struct rp_pdf_tags *t = p->tags;
    if (!t)
        return;
    free(t->content);
    free(t->mcids);
    free(t->kid_start);
    free(t->kids);
    prepared_free(&t->prepared);
    free(t);
    p->tags = NULL;
}

/* ------------------------------------------------------------------ drawing */

static struct content *add_content(struct rp_pdf_tags *t, uint32_t elem, uint32_t seq, size_t page)
{
    if (t->content_count == t->content_cap) {
        t->content_cap = t->content_cap ? t->content_cap * 2 : 1024;
        t->content = rp_xrealloc(t->content, t->content_cap * sizeof *t->content);
    }
    struct content *c = &t->content[t->content_count++];
    *c = (struct content){elem, seq, (uint32_t)page, 0, NULL};
    return c;
}

bool rp_pdf_tags_changes(const struct rp_item *it, const struct rp_pdf_mark *open)
{
    return !open->open || open->elem != it->elem ||
           (!it->elem && open->artifact != (int)it->artifact);
}

static const char *artifact_open(enum rp_artifact kind)
{
    switch (kind) {
    case RP_ART_HEADER:
        return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    case RP_ART_FOOTER:
        return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    case RP_ART_WATERMARK:
        return "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n";
    case RP_ART_PAGINATION:
        return "/Artifact <</Type /Pagination>> BDC\n";
    case RP_ART_LAYOUT:
        break;
    }
    return "/Artifact <</Type /Layout>> BDC\n";
}

void rp_pdf_tags_mark(struct pdf *p, HPDF_Page page, const struct rp_page *pg,
                      const struct rp_item *it, struct rp_pdf_mark *open, bool in_text)
{
    if (!rp_pdf_tags_changes(it, open))
        return;
    struct rp_pdf_tags *t = p->tags;
    HPDF_Stream s = ((HPDF_PageAttr)page->attr)->stream;
    if (open->open)
        HPDF_Stream_WriteStr(s, "EMC\n");
    *open = (struct rp_pdf_mark){true, in_text, it->elem, (int)it->artifact};
    if (!it->elem) {
        HPDF_Stream_WriteStr(s, artifact_open(it->artifact));
        return;
    }
    if (pg->index >= t->page_cap) {
        size_t cap = t->page_cap ? t->page_cap * 2 : 64;
        while (cap <= pg->index)
            cap *= 2;
        t->mcids = rp_xrealloc(t->mcids, cap * sizeof *t->mcids);
        memset(t->mcids + t->page_cap, 0, (cap - t->page_cap) * sizeof *t->mcids);
        t->page_cap = cap;
    }
    struct content *c = add_content(t, it->elem, it->seq, pg->index);
    c->mcid = t->mcids[pg->index]++;
    /* The sequence's tag is its element's type, as readers that ignore the tree expect. */
    const char *type = rp_struct_type_name(pg->elems[it->elem].type);
    if (!type)
        type = "Span";
    size_t tl = strlen(type), n = 0;
    if (tl > sizeof t->buf - 48)
        tl = sizeof t->buf - 48;
    t->buf[n++] = '/';
    memcpy(t->buf + n, type, tl);
    n += tl;
    memcpy(t->buf + n, " <</MCID ", 9);
    n += 9;
    n += fmt_u(t->buf + n, c->mcid);
    memcpy(t->buf + n, ">> BDC\n", 8);
    HPDF_Stream_WriteStr(s, t->buf);
}

void rp_pdf_tags_close_mark(HPDF_Page page, struct rp_pdf_mark *open)
{
    if (open->open)
        HPDF_Stream_WriteStr(((HPDF_PageAttr)page->attr)->stream, "EMC\n");
    open->open = false;
}

void rp_pdf_tags_annot(struct pdf *p, HPDF_Annotation annot, const struct rp_page *pg,
                       const struct rp_item *it)
{
    /* PDF/A: annotations print; PDF/UA: each says what it is. */
    HPDF_Dict_AddNumber(annot, "F", 4);
    const char *what = it->elem ? pg->elems[it->elem].alt : NULL;
    if (!what)
        what = it->text;
    if (what && *what)
        HPDF_Dict_Add(annot, "Contents",
                      HPDF_String_New(p->doc->mmgr, what, HPDF_GetEncoder(p->doc, "UTF-8")));
    if (!it->elem)
        return;
    struct content *c = add_content(p->tags, it->elem, it->seq, pg->index);
    c->annot = annot;
    p->tags->annot_count++;
}

/* ------------------------------------------------------------------ reading order */

/* Sorts every element's kids into reading order: the sub-elements and content of each
 * element, merged by `seq`. Elements are numbered in reading order and content is recorded
 * in it (the pages in order, then their overlays, which come last), so a counting sort by
 * parent and one merge per element do it in linear time. */
static void order_kids(struct rp_pdf_tags *t)
{
    size_t n = t->elem_count;
    size_t *sub = calloc(n + 1, sizeof *sub), *own = calloc(n + 1, sizeof *own);
    t->kid_start = calloc(n + 1, sizeof *t->kid_start);
    t->kids = malloc((n + t->content_count + 1) * sizeof *t->kids);
    kid *subs = malloc((n + 1) * sizeof *subs);
    kid *owns = malloc((t->content_count + 1) * sizeof *owns);
    if (!sub || !own || !t->kid_start || !t->kids || !subs || !owns) {
        fprintf(stderr, "rapport: out of memory\n");
        abort();
    }
    /* Counts per parent, then offsets. */
    for (size_t e = 2; e < n; e++)
        sub[t->elems[e].parent]++;
    for (size_t c = 0; c < t->content_count; c++)
        own[t->content[c].elem]++;
    size_t sub_at = 0, own_at = 0;
    for (size_t e = 0; e < n; e++) {
        size_t a = sub[e], b = own[e];
        sub[e] = sub_at;
        own[e] = own_at;
        t->kid_start[e] = sub_at + own_at;
        sub_at += a;
        own_at += b;
    }
    t->kid_start[n] = sub_at + own_at;
    for (size_t e = 2; e < n; e++)
        subs[sub[t->elems[e].parent]++] = (kid)e;
    for (size_t c = 0; c < t->content_count; c++)
        owns[own[t->content[c].elem]++] = -(kid)(c + 1);
    /* sub[e] and own[e] now end each element's runs; merge them back from their starts. */
    size_t sa = 0, oa = 0;
    for (size_t e = 0; e < n; e++) {
        size_t out = t->kid_start[e], se = sub[e], oe = own[e];
        while (sa < se || oa < oe) {
            bool take_sub =
                oa == oe || (sa < se && t->elems[subs[sa]].seq < t->content[-owns[oa] - 1].seq);
            t->kids[out++] = take_sub ? subs[sa++] : owns[oa++];
        }
    }
    free(sub);
    free(own);
    free(subs);
    free(owns);
}

/* ------------------------------------------------------------------ writing */

/* Object numbers of the update: the elements from t->first, then the tree root, the parent
 * tree and the identifier tree; these are compressed. The object streams and the cross-
 * reference stream follow them. */
static unsigned elem_number(const struct rp_pdf_tags *t, uint32_t e)
{
    return t->first + e - 1;
}

static unsigned root_number(const struct rp_pdf_tags *t)
{
    return t->first + (unsigned)t->elem_count - 1;
}

static unsigned obj_number(void *obj)
{
    return (unsigned)(((HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF);
}

static void add_u(struct rp_buf *b, unsigned long v)
{
    char s[24];
    rp_buf_add(b, s, fmt_u(s, v));
}

/* "N 0 R" */
static void add_ref(struct rp_buf *b, unsigned v)
{
    char s[32];
    size_t n = fmt_u(s, v);
    memcpy(s + n, " 0 R", 4);
    rp_buf_add(b, s, n + 4);
}

/* A text string in UTF-16BE (any text, no escaping needed), as PDF text strings allow. */
static void write_text(struct rp_buf *b, const char *text)
{
    rp_buf_adds(b, "<FEFF");
    rp_pdf_utf16_hex(b, text);
    rp_buf_adds(b, ">");
}

/* Element i's dictionary. */
static void write_elem(struct rp_pdf_tags *t, struct pdf *p, size_t i, struct rp_buf *b)
{
    const struct rp_struct_elem *e = &t->elems[i];
    /* /Type is optional: left out, as every byte counts a million times over. */
    rp_buf_adds(b, "<</S /");
    rp_buf_adds(b, rp_struct_type_name(e->type));
    rp_buf_adds(b, " /P ");
    add_ref(b, e->parent ? elem_number(t, e->parent) : root_number(t));
    if (e->lang) {
        char tag[16];
        rp_pdf_lang_tag(e->lang, tag, sizeof tag);
        rp_buf_adds(b, " /Lang (");
        rp_buf_adds(b, tag);
        rp_buf_adds(b, ")");
    }
    if (e->alt && *e->alt && e->type == RP_ST_FIGURE) {
        rp_buf_adds(b, " /Alt ");
        write_text(b, e->alt);
    }
    if (e->id) {
        rp_buf_adds(b, " /ID (");
        rp_buf_adds(b, e->id);
        rp_buf_adds(b, ")");
    }
    if (e->scope != RP_SCOPE_NONE || e->col_span > 1) {
        rp_buf_adds(b, " /A <</O /Table");
        if (e->scope != RP_SCOPE_NONE)
            rp_buf_adds(b, e->scope == RP_SCOPE_ROW ? " /Scope /Row" : " /Scope /Column");
        if (e->col_span > 1) {
            rp_buf_adds(b, " /ColSpan ");
            add_u(b, (unsigned)e->col_span);
        }
        rp_buf_adds(b, ">>");
    }
    /* /Pg: the page of the first content; content on other pages names its page. */
    size_t from = t->kid_start[i], to = t->kid_start[i + 1];
    long pg = -1;
    for (size_t k = from; k < to && pg < 0; k++)
        if (t->kids[k] < 0)
            pg = (long)t->content[-t->kids[k] - 1].page;
    if (pg >= 0) {
        rp_buf_adds(b, " /Pg ");
        add_ref(b, obj_number(p->pages[pg]));
    }
    if (from < to)
        rp_buf_adds(b, to - from > 1 ? " /K [" : " /K ");
    for (size_t k = from; k < to; k++) {
        if (k > from)
            rp_buf_adds(b, " ");
        if (t->kids[k] > 0) {
            add_ref(b, elem_number(t, (uint32_t)t->kids[k]));
            continue;
        }
        const struct content *c = &t->content[-t->kids[k] - 1];
        unsigned page = obj_number(p->pages[c->page]);
        if (c->annot) {
            rp_buf_adds(b, "<</Type /OBJR /Pg ");
            add_ref(b, page);
            rp_buf_adds(b, " /Obj ");
            add_ref(b, obj_number(c->annot));
            rp_buf_adds(b, ">>");
        } else if ((long)c->page == pg) {
            add_u(b, (unsigned)c->mcid);
        } else {
            rp_buf_adds(b, "<</Type /MCR /Pg ");
            add_ref(b, page);
            rp_buf_adds(b, " /MCID ");
            add_u(b, (unsigned)c->mcid);
            rp_buf_adds(b, ">>");
        }
    }
    rp_buf_adds(b, to - from > 1 ? "]>>" : ">>");
}

/* The parent tree: page i's key is i (its /StructParents), mapping its MCIDs in order to
 * their elements; the annotations' keys follow, each mapping to its Link. */
static void write_parent_tree(struct rp_pdf_tags *t, struct pdf *p, struct rp_buf *b)
{
    /* Content of one page is recorded with its MCIDs in increasing order, but the page's
     * overlay comes after all pages: gather each page's MCIDs first. */
    size_t pages = p->page_count;
    size_t *start = calloc(pages + 1, sizeof *start);
    uint32_t *elem_of = malloc((t->content_count + 1) * sizeof *elem_of);
    if (!start || !elem_of) {
        fprintf(stderr, "rapport: out of memory\n");
        abort();
    }
    for (size_t pg = 0; pg < pages; pg++)
        start[pg + 1] = start[pg] + (pg < t->page_cap ? t->mcids[pg] : 0);
    for (size_t c = 0; c < t->content_count; c++)
        if (!t->content[c].annot)
            elem_of[start[t->content[c].page] + t->content[c].mcid] = t->content[c].elem;
    rp_buf_adds(b, "<</Nums [");
    for (size_t pg = 0; pg < pages; pg++) {
        rp_buf_adds(b, "\n");
        add_u(b, (unsigned)pg);
        rp_buf_adds(b, " [");
        for (size_t m = start[pg]; m < start[pg + 1]; m++) {
            if (m > start[pg])
                rp_buf_adds(b, " ");
            add_ref(b, elem_number(t, elem_of[m]));
        }
        rp_buf_adds(b, "]");
    }
    unsigned key = (unsigned)pages;
    for (size_t c = 0; c < t->content_count; c++)
        if (t->content[c].annot) {
            rp_buf_adds(b, "\n");
            add_u(b, key++);
            rp_buf_adds(b, " ");
            add_ref(b, elem_number(t, t->content[c].elem));
        }
    rp_buf_adds(b, "]>>");
    free(start);
    free(elem_of);
}

/* The notes' identifiers, which PDF/UA asks for, in a name tree (they are made in
 * increasing order). */
static void write_id_tree(struct rp_pdf_tags *t, struct rp_buf *b)
{
    rp_buf_adds(b, "<</Names [");
    for (size_t e = 1; e < t->elem_count; e++)
        if (t->elems[e].id) {
            rp_buf_adds(b, "\n(");
            rp_buf_adds(b, t->elems[e].id);
            rp_buf_adds(b, ") ");
            add_ref(b, elem_number(t, (uint32_t)e));
        }
    rp_buf_adds(b, "]>>");
}

/* The tree root and what the document's own objects need of the structure. */
static void write_root(struct rp_pdf_tags *t, struct pdf *p, struct rp_buf *b)
{
    unsigned root = root_number(t);
    rp_buf_adds(b, "<</Type /StructTreeRoot /K ");
    add_ref(b, elem_number(t, 1));
    rp_buf_adds(b, " /ParentTree ");
    add_ref(b, root + 1);
    rp_buf_adds(b, " /ParentTreeNextKey ");
    add_u(b, (unsigned)(p->page_count + t->annot_count));
    if (t->ids) {
        rp_buf_adds(b, " /IDTree ");
        add_ref(b, root + 2);
    }
    rp_buf_adds(b, ">>");
}

void rp_pdf_tags_write(struct pdf *p, const struct rp_struct_elem *elems, size_t count)
{
    struct rp_pdf_tags *t = p->tags;
    HPDF_Doc d = p->doc;
    if (count < 2 || p->errors)
        return;
    t->elems = elems;
    t->elem_count = count;
    for (size_t e = 1; e < count && !t->ids; e++)
        t->ids = elems[e].id != NULL;
    order_kids(t);
    HPDF_Dict mark = HPDF_Dict_New(d->mmgr);
    if (mark && HPDF_Dict_Add(d->catalog, "MarkInfo", mark) == HPDF_OK)
        HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    /* Every page has a parent-tree key; a page with links is read in structure order. */
    for (size_t pg = 0; pg < p->page_count; pg++)
        HPDF_Dict_AddNumber(p->pages[pg], "StructParents", (HPDF_INT32)pg);
    size_t key = p->page_count;
    for (size_t c = 0; c < t->content_count; c++) {
        const struct content *ct = &t->content[c];
        if (!ct->annot)
            continue;
        HPDF_Dict_AddNumber(ct->annot, "StructParent", (HPDF_INT32)key++);
        if (!HPDF_Dict_GetItem(p->pages[ct->page], "Tabs", HPDF_OCLASS_NAME))
            HPDF_Dict_AddName(p->pages[ct->page], "Tabs", "S");
    }
}

/* ------------------------------------------------------------------ the update */

#define OBJECTS_PER_STREAM 2000
/* libdeflate's level 3: on the structure of a 2,000-row table (streams of 2,000 elements,
 * some 130 kB each) it writes 2 % less than zlib's level 4 with the filtered strategy did,
 * in half its time. Level 5 writes 13 % less again (2 kB on the 24-page capac report) but
 * takes half as long again: 3 ms of the some 75 ms of that table's whole process. */
#define LEVEL 3

/* Appends the stream object `number` whose dictionary starts with `dict` (without its
 * closing >>) and whose data is `z`, deflated, of `size` bytes. */
static void put_stream(struct rp_buf *out, unsigned number, const char *dict,
                       const unsigned char *z, size_t size)
{
    char head[96];
    snprintf(head, sizeof head, "%u 0 obj\n", number);
    rp_buf_adds(out, head);
    rp_buf_adds(out, dict);
    snprintf(head, sizeof head, " /Filter /FlateDecode /Length %lu>>\nstream\r\n",
             (unsigned long)size);
    rp_buf_adds(out, head);
    rp_buf_add(out, (const char *)z, size);
    rp_buf_adds(out, "\nendstream\nendobj\n");
}

/* Appends `data` compressed as a stream object `number` whose dictionary starts with
 * `dict` (without its closing >>). */
static int add_stream(struct rp_buf *out, unsigned number, const char *dict, const char *data,
                      size_t len)
{
    unsigned char *z;
    size_t size;
    if (rp_pdf_deflate(data, len, LEVEL, &z, &size) != 0)
        return -1;
    put_stream(out, number, dict, z, size);
    free(z);
    return 0;
}

/* The catalog as libharu wrote it, with the tree's root. */
static int write_catalog(struct pdf *p, unsigned root, struct rp_buf *out)
{
    HPDF_Doc d = p->doc;
    HPDF_Stream s = HPDF_MemStream_New(d->mmgr, 4096);
    if (!s || HPDF_Dict_Write(d->catalog, s, NULL) != HPDF_OK) {
        if (s)
            HPDF_Stream_Free(s);
        return -1;
    }
    char buf[96];
    snprintf(buf, sizeof buf, "%u 0 obj\n", obj_number(d->catalog));
    rp_buf_adds(out, buf);
    HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET);
    size_t from = out->len;
    for (;;) {
        HPDF_BYTE chunk[4096];
        HPDF_UINT len = sizeof chunk;
        HPDF_STATUS st = HPDF_Stream_Read(s, chunk, &len);
        rp_buf_add(out, (const char *)chunk, len);
        if (st != HPDF_OK)
            break;
    }
    HPDF_Stream_Free(s);
    /* Reopen the dictionary: it ends with ">>". */
    while (out->len > from && out->data[out->len - 1] != '>')
        out->len--;
    if (out->len < from + 2)
        return -1;
    out->len -= 2;
    snprintf(buf, sizeof buf, "/StructTreeRoot %u 0 R\n>>\nendobj\n", root);
    rp_buf_adds(out, buf);
    return 0;
}

static void put_entry(unsigned char *e, unsigned type, unsigned long a, unsigned c)
{
    e[0] = (unsigned char)type;
    for (int i = 0; i < 4; i++)
        e[1 + i] = (unsigned char)(a >> (8 * (3 - i)));
    e[5] = (unsigned char)(c >> 8);
    e[6] = (unsigned char)c;
}

/* The compressed objects: the elements, the root, the parent tree, the identifiers. */
static size_t compressed_count(const struct rp_pdf_tags *t)
{
    return t->elem_count - 1 + 2 + (t->ids ? 1 : 0);
}

int rp_pdf_tags_prepare(struct pdf *p, unsigned first)
{
    struct rp_pdf_tags *t = p->tags;
    if (!t || t->elem_count < 2)
        return 0;
    prepared_free(&t->prepared);
    t->first = first;
    size_t compressed = compressed_count(t);
    size_t streams = (compressed + OBJECTS_PER_STREAM - 1) / OBJECTS_PER_STREAM;
    struct prepared *pr = &t->prepared;
    pr->dicts = calloc(streams, sizeof *pr->dicts);
    pr->z = calloc(streams, sizeof *pr->z);
    struct rp_buf *made = calloc(streams, sizeof *made), objects = {0};
    if (!pr->dicts || !pr->z || !made) {
        free(made);
        prepared_free(pr);
        return -1;
    }
    pr->streams = streams;
    /* Every object stream is made, then all are deflated at once (in two threads where the
     * page content was). */
    for (size_t k = 0; k < streams; k++) {
        objects.len = 0;
        struct rp_buf *h = &made[k];
        size_t from = k * OBJECTS_PER_STREAM;
        size_t to = from + OBJECTS_PER_STREAM < compressed ? from + OBJECTS_PER_STREAM : compressed;
        for (size_t i = from; i < to; i++) {
            if (i > from)
                rp_buf_adds(h, " ");
            add_u(h, first + (unsigned)i);
            rp_buf_adds(h, " ");
            add_u(h, (unsigned)objects.len);
            size_t e = i + 1;
            if (e < t->elem_count)
                write_elem(t, p, e, &objects);
            else if (e == t->elem_count)
                write_root(t, p, &objects);
            else if (e == t->elem_count + 1)
                write_parent_tree(t, p, &objects);
            else
                write_id_tree(t, &objects);
            rp_buf_adds(&objects, "\n");
        }
        rp_buf_adds(h, "\n");
        rp_buf_adds(&pr->dicts[k], "<</Type /ObjStm /N ");
        add_u(&pr->dicts[k], (unsigned)(to - from));
        rp_buf_adds(&pr->dicts[k], " /First ");
        add_u(&pr->dicts[k], (unsigned)h->len);
        rp_buf_add(h, objects.data, objects.len);
        pr->z[k] = (struct rp_pdf_deflation){.data = h->data, .len = h->len};
    }
    rp_pdf_deflate_all(pr->z, streams, LEVEL, rp_pdf_threads());
    int rc = 0;
    for (size_t k = 0; k < streams; k++) {
        rc |= pr->z[k].rc;
        free(made[k].data);
        pr->z[k].data = NULL;
    }
    free(made);
    free(objects.data);
    if (rc != 0) {
        prepared_free(pr);
        return -1;
    }
    return 0;
}

int rp_pdf_tags_update(struct pdf *p, size_t base, size_t xref_at, unsigned first,
                       struct rp_buf *out)
{
    struct rp_pdf_tags *t = p->tags;
    HPDF_Doc d = p->doc;
    if (!t || t->elem_count < 2)
        return 0;
    if (!first)
        first = (unsigned)(d->xref->start_offset + d->xref->entries->count);
    /* Made ahead for other numbers (or not at all): made again. */
    if ((!t->prepared.z || t->first != first) && rp_pdf_tags_prepare(p, first) != 0)
        return -1;
    size_t compressed = compressed_count(t), streams = t->prepared.streams;
    unsigned first_stream = t->first + (unsigned)compressed;
    unsigned xref = first_stream + (unsigned)streams, size = xref + 1;
    unsigned long *offsets = calloc(streams + 1, sizeof *offsets);
    if (!offsets)
        return -1;
    int rc = -1;
    struct rp_buf dict = {0};
    /* The catalog again, then the object streams. */
    offsets[streams] = base + out->len;
    if (write_catalog(p, root_number(t), out) != 0)
        goto done;
    for (size_t k = 0; k < streams; k++) {
        offsets[k] = base + out->len;
        put_stream(out, first_stream + (unsigned)k, t->prepared.dicts[k].data, t->prepared.z[k].z,
                   t->prepared.z[k].size);
    }
    prepared_free(&t->prepared);
    /* The cross-reference stream: the catalog, then every new object, itself last. */
    size_t entries = 1 + (size - t->first);
    unsigned char *table = calloc(entries, 7);
    if (!table)
        goto done;
    put_entry(table, 1, offsets[streams], 0);
    for (size_t i = 0; i < compressed; i++)
        put_entry(table + 7 * (1 + i), 2, first_stream + i / OBJECTS_PER_STREAM,
                  (unsigned)(i % OBJECTS_PER_STREAM));
    for (size_t k = 0; k < streams; k++)
        put_entry(table + 7 * (1 + compressed + k), 1, offsets[k], 0);
    unsigned long xref_offset = base + out->len;
    put_entry(table + 7 * (entries - 1), 1, xref_offset, 0);
    dict.len = 0;
    char buf[160];
    snprintf(buf, sizeof buf,
             "<</Type /XRef /Size %u /Index [%u 1 %u %u] /W [1 4 2] /Root %u 0 R /Prev %lu", size,
             obj_number(d->catalog), t->first, size - t->first, obj_number(d->catalog),
             (unsigned long)xref_at);
    rp_buf_adds(&dict, buf);
    if (d->info) {
        snprintf(buf, sizeof buf, " /Info %u 0 R", obj_number(d->info));
        rp_buf_adds(&dict, buf);
    }
    /* The update's trailer repeats the file's identifier. */
    HPDF_Array id = HPDF_Dict_GetItem(d->trailer, "ID", HPDF_OCLASS_ARRAY);
    if (id) {
        rp_buf_adds(&dict, " /ID [");
        for (HPDF_UINT i = 0; i < id->list->count; i++) {
            HPDF_Binary part = HPDF_Array_GetItem(id, i, HPDF_OCLASS_BINARY);
            rp_buf_adds(&dict, "<");
            for (HPDF_UINT j = 0; part && j < part->len; j++) {
                snprintf(buf, sizeof buf, "%02X", part->value[j]);
                rp_buf_adds(&dict, buf);
            }
            rp_buf_adds(&dict, ">");
        }
        rp_buf_adds(&dict, "]");
    }
    /* Each row after the PNG "Up" predictor's tag, as its difference with the row above:
     * the rows of objects compressed in one stream differ in their last byte only. */
    unsigned char *rows = malloc(entries * 8);
    int st = -1;
    if (rows) {
        for (size_t r = 0; r < entries; r++) {
            rows[r * 8] = 2;
            for (size_t c = 0; c < 7; c++)
                rows[r * 8 + 1 + c] =
                    (unsigned char)(table[r * 7 + c] - (r ? table[(r - 1) * 7 + c] : 0));
        }
        rp_buf_adds(&dict, " /DecodeParms <</Predictor 12 /Columns 7>>");
        st = add_stream(out, xref, dict.data, (const char *)rows, entries * 8);
    }
    free(rows);
    free(table);
    if (st != 0)
        goto done;
    snprintf(buf, sizeof buf, "startxref\n%lu\n%%%%EOF\n", xref_offset);
    rp_buf_adds(out, buf);
    rc = 0;
done:
    free(offsets);
    free(dict.data);
    return rc;
}
