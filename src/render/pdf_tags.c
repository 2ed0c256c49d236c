/* Tagged PDF over libharu 2.3.0, which has no marked-content API and no structure tree.
 *
 * While pages are drawn, every item's content goes into a marked-content sequence: with an
 * MCID for content of a structure element, as an /Artifact otherwise; each MCID and each
 * link annotation is recorded with its element and its place in reading order. Once the
 * layout is done, the structure tree is written: one indirect object per element, whose
 * kids (sub-elements, marked content, annotations) are put in reading order, and the parent
 * tree that maps each page's MCIDs and each annotation back to its element.
 *
 * A document of 100,000 table rows has half a million elements. libharu would spend about a
 * kilobyte on each as a dictionary of its own objects (every key takes 136 bytes), so each
 * element is an empty libharu dictionary, which gives it an object number, whose body this
 * file writes itself when libharu saves it (the dictionary's write_fn hook). */
#include "render/pdf_internal.h"

#include "render/layout.h"
#include "util/arena.h"
#include "util/utf8.h"

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

    /* Filled by rp_pdf_tags_write(), read while libharu saves. */
    struct pdf *pdf;
    const struct rp_struct_elem *elems;
    size_t elem_count;
    struct rp_pdf_tags **self; /* per element: its dictionary's attr, pointing back here */
    HPDF_Dict *dicts;          /* per element */
    size_t *kid_start;         /* elem_count + 1 offsets into kids */
    kid *kids;
    HPDF_Dict root, doc_elem;
    char lang[16]; /* the document's tag */
    char buf[256];
};

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
    free(t->self);
    free(t->dicts);
    free(t->kid_start);
    free(t->kids);
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
                      const struct rp_item *it, struct rp_pdf_mark *open)
{
    if (!rp_pdf_tags_changes(it, open))
        return;
    struct rp_pdf_tags *t = p->tags;
    HPDF_Stream s = ((HPDF_PageAttr)page->attr)->stream;
    if (open->open)
        HPDF_Stream_WriteStr(s, "EMC\n");
    *open = (struct rp_pdf_mark){true, it->elem, (int)it->artifact};
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
    snprintf(t->buf, sizeof t->buf, "/%s <</MCID %u>> BDC\n", type ? type : "Span",
             (unsigned)c->mcid);
    HPDF_Stream_WriteStr(s, t->buf);
}

void rp_pdf_tags_end_page(HPDF_Page page, struct rp_pdf_mark *open)
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

static unsigned obj_number(void *obj)
{
    return (unsigned)(((HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF);
}

static void write_ref(HPDF_Stream s, char *buf, size_t size, void *obj)
{
    snprintf(buf, size, "%u 0 R", obj_number(obj));
    HPDF_Stream_WriteStr(s, buf);
}

/* A text string in UTF-16BE (any text, no escaping needed), as PDF text strings allow. */
static void write_text(HPDF_Stream s, const char *text)
{
    const char *q = text, *end = text + strlen(text);
    char hex[16];
    HPDF_Stream_WriteStr(s, "<FEFF");
    while (q < end) {
        uint32_t cp = rp_utf8_next(&q, end);
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            snprintf(hex, sizeof hex, "%04X%04X", 0xD800 + (unsigned)(cp >> 10),
                     0xDC00 + (unsigned)(cp & 0x3FF));
        } else
            snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
        HPDF_Stream_WriteStr(s, hex);
    }
    HPDF_Stream_WriteStr(s, ">");
}

static HPDF_STATUS write_elem(HPDF_Dict dict, HPDF_Stream s)
{
    struct rp_pdf_tags **self = dict->attr, *t = *self;
    size_t i = (size_t)(self - t->self);
    const struct rp_struct_elem *e = &t->elems[i];
    struct pdf *p = t->pdf;
    char *buf = t->buf;
    size_t size = sizeof t->buf;
    /* /Type is optional: left out, as every byte counts half a million times over. */
    snprintf(buf, size, "/S /%s /P ", rp_struct_type_name(e->type));
    HPDF_Stream_WriteStr(s, buf);
    write_ref(s, buf, size, e->parent ? (void *)t->dicts[e->parent] : (void *)t->root);
    if (e->lang) {
        char tag[16];
        rp_pdf_lang_tag(e->lang, tag, sizeof tag);
        snprintf(buf, size, "\n/Lang (%s)", tag);
        HPDF_Stream_WriteStr(s, buf);
    }
    if (e->alt && *e->alt && e->type == RP_ST_FIGURE) {
        HPDF_Stream_WriteStr(s, "\n/Alt ");
        write_text(s, e->alt);
    }
    if (e->id) {
        snprintf(buf, size, "\n/ID (%s)", e->id);
        HPDF_Stream_WriteStr(s, buf);
    }
    if (e->scope != RP_SCOPE_NONE || e->col_span > 1) {
        HPDF_Stream_WriteStr(s, "\n/A <</O /Table");
        if (e->scope != RP_SCOPE_NONE)
            HPDF_Stream_WriteStr(s, e->scope == RP_SCOPE_ROW ? " /Scope /Row" : " /Scope /Column");
        if (e->col_span > 1) {
            snprintf(buf, size, " /ColSpan %u", (unsigned)e->col_span);
            HPDF_Stream_WriteStr(s, buf);
        }
        HPDF_Stream_WriteStr(s, ">>");
    }
    /* /Pg: the page of the first content; content on other pages names its page. */
    size_t from = t->kid_start[i], to = t->kid_start[i + 1];
    long pg = -1;
    for (size_t k = from; k < to && pg < 0; k++)
        if (t->kids[k] < 0)
            pg = (long)t->content[-t->kids[k] - 1].page;
    if (pg >= 0) {
        HPDF_Stream_WriteStr(s, "\n/Pg ");
        write_ref(s, buf, size, p->pages[pg]);
    }
    if (from == to)
        return HPDF_Stream_WriteStr(s, "\n");
    HPDF_Stream_WriteStr(s, to - from > 1 ? "\n/K [" : "\n/K ");
    for (size_t k = from; k < to; k++) {
        if (k > from)
            HPDF_Stream_WriteStr(s, " ");
        if (t->kids[k] > 0) {
            write_ref(s, buf, size, t->dicts[t->kids[k]]);
            continue;
        }
        const struct content *c = &t->content[-t->kids[k] - 1];
        if (c->annot) {
            snprintf(buf, size, "<</Type /OBJR /Pg %u 0 R /Obj %u 0 R>>",
                     obj_number(p->pages[c->page]), obj_number(c->annot));
        } else if ((long)c->page == pg)
            snprintf(buf, size, "%u", (unsigned)c->mcid);
        else
            snprintf(buf, size, "<</Type /MCR /Pg %u 0 R /MCID %u>>", obj_number(p->pages[c->page]),
                     (unsigned)c->mcid);
        HPDF_Stream_WriteStr(s, buf);
    }
    return HPDF_Stream_WriteStr(s, to - from > 1 ? "]\n" : "\n");
}

/* The parent tree: page i's key is i (its /StructParents), mapping its MCIDs in order to
 * their elements; the annotations' keys follow, each mapping to its Link. */
static HPDF_STATUS write_parent_tree(HPDF_Dict dict, HPDF_Stream s)
{
    struct rp_pdf_tags **self = dict->attr, *t = *self;
    struct pdf *p = t->pdf;
    char *buf = t->buf;
    size_t size = sizeof t->buf;
    /* Content of one page is recorded with its MCIDs in increasing order, but the page's
     * overlay comes after all pages: gather each page's MCIDs first. */
    size_t pages = p->page_count;
    size_t *start = calloc(pages + 1, sizeof *start);
    uint32_t *elem_of = malloc((t->content_count + 1) * sizeof *elem_of);
    if (!start || !elem_of) {
        free(start);
        free(elem_of);
        return HPDF_SetError(dict->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    }
    for (size_t pg = 0; pg < pages; pg++)
        start[pg + 1] = start[pg] + (pg < t->page_cap ? t->mcids[pg] : 0);
    for (size_t c = 0; c < t->content_count; c++)
        if (!t->content[c].annot)
            elem_of[start[t->content[c].page] + t->content[c].mcid] = t->content[c].elem;
    HPDF_Stream_WriteStr(s, "/Nums [");
    for (size_t pg = 0; pg < pages; pg++) {
        snprintf(buf, size, "\n%zu [", pg);
        HPDF_Stream_WriteStr(s, buf);
        for (size_t m = start[pg]; m < start[pg + 1]; m++) {
            HPDF_Stream_WriteStr(s, m > start[pg] ? " " : "");
            write_ref(s, buf, size, t->dicts[elem_of[m]]);
        }
        HPDF_Stream_WriteStr(s, "]");
    }
    size_t key = pages;
    for (size_t c = 0; c < t->content_count; c++)
        if (t->content[c].annot) {
            snprintf(buf, size, "\n%zu ", key++);
            HPDF_Stream_WriteStr(s, buf);
            write_ref(s, buf, size, t->dicts[t->content[c].elem]);
        }
    free(start);
    free(elem_of);
    return HPDF_Stream_WriteStr(s, "]\n");
}

/* The notes' identifiers, which PDF/UA asks for, in a name tree (they are made in
 * increasing order). */
static HPDF_STATUS write_id_tree(HPDF_Dict dict, HPDF_Stream s)
{
    struct rp_pdf_tags **self = dict->attr, *t = *self;
    HPDF_Stream_WriteStr(s, "/Names [");
    for (size_t e = 1; e < t->elem_count; e++)
        if (t->elems[e].id) {
            snprintf(t->buf, sizeof t->buf, "\n(%s) ", t->elems[e].id);
            HPDF_Stream_WriteStr(s, t->buf);
            write_ref(s, t->buf, sizeof t->buf, t->dicts[e]);
        }
    return HPDF_Stream_WriteStr(s, "]\n");
}

/* A dictionary that libharu numbers and saves, whose entries `write` writes. */
static HPDF_Dict own_dict(struct pdf *p, struct rp_pdf_tags **self,
                          HPDF_STATUS (*write)(HPDF_Dict, HPDF_Stream))
{
    HPDF_Dict d = HPDF_Dict_New(p->doc->mmgr);
    if (!d || HPDF_Xref_Add(p->doc->xref, d) != HPDF_OK)
        return NULL;
    d->write_fn = write;
    d->attr = self;
    return d;
}

void rp_pdf_tags_write(struct pdf *p, const struct rp_struct_elem *elems, size_t count)
{
    struct rp_pdf_tags *t = p->tags;
    HPDF_Doc d = p->doc;
    if (count < 2 || p->errors)
        return;
    t->pdf = p;
    t->elems = elems;
    t->elem_count = count;
    order_kids(t);
    t->self = malloc(count * sizeof *t->self);
    t->dicts = calloc(count, sizeof *t->dicts);
    if (!t->self || !t->dicts) {
        fprintf(stderr, "rapport: out of memory\n");
        abort();
    }
    /* The element array lives until the document is saved: the caller keeps it. */
    for (size_t e = 0; e < count; e++)
        t->self[e] = t;
    t->root = HPDF_Dict_New(d->mmgr);
    if (!t->root || HPDF_Xref_Add(d->xref, t->root) != HPDF_OK)
        return;
    for (size_t e = 1; e < count; e++)
        if (!(t->dicts[e] = own_dict(p, &t->self[e], write_elem)))
            return;
    HPDF_Dict parents = own_dict(p, &t->self[0], write_parent_tree);
    if (!parents)
        return;
    HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(t->root, "K", t->dicts[1]);
    HPDF_Dict_Add(t->root, "ParentTree", parents);
    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", (HPDF_INT32)(p->page_count + t->annot_count));
    bool ids = false;
    for (size_t e = 1; e < count && !ids; e++)
        ids = elems[e].id != NULL;
    if (ids) {
        HPDF_Dict tree = own_dict(p, &t->self[0], write_id_tree);
        if (tree)
            HPDF_Dict_Add(t->root, "IDTree", tree);
    }
    HPDF_Dict_Add(d->catalog, "StructTreeRoot", t->root);
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
