/* Saving the finished PDF: libharu writes its objects, the packer (pdf_pack.c) packs them
 * and puts in the pages' content, which rapport keeps apart (pdf.c), and the structure tree
 * follows as an update (pdf_tags.c). With two threads, the page content and the structure
 * are deflated beside libharu's work. */
#include "render/pdf_deflate.h"
#include "render/pdf_internal.h"
#include "render/pdf_pack.h"
#include "render/render.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/file.h"

#include <errno.h>
#include <hpdf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool rp_pdf_detach_contents(struct pdf *p)
{
    bool closed = true;
    for (size_t i = 0; i < p->page_count; i++) {
        HPDF_PageAttr attr = (HPDF_PageAttr)p->pages[i]->attr;
        struct rp_pdf_content *c = p->contents[i];
        if (!c->writer)
            continue;
        closed &=
            attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION && (!attr->gstate || !attr->gstate->prev);
        attr->stream = attr->contents->stream;
        HPDF_Stream_Free(c->writer);
        c->writer = NULL;
    }
    return closed;
}

static int write_all(struct pdf *p, int fd, const void *data, size_t len)
{
    if (rp_fd_write_all(fd, data, len) == 0)
        return 0;
    rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0, "cannot write: %s", strerror(errno));
    return -1;
}

/* 0 until set: then as many threads as the machine has processors, 2 at most. */
static int deflate_threads;

void rp_render_pdf_threads(int threads)
{
    deflate_threads = threads > 1 ? 2 : 1;
}

int rp_pdf_threads(void)
{
    if (!deflate_threads) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        deflate_threads = cpus > 1 ? 2 : 1;
    }
    return deflate_threads;
}

/* The content of every page by the object number of its stream, for the packer, which
 * puts it in place of the stream libharu wrote empty. With two threads, a second one
 * deflates it while libharu writes the file; with one, the packer deflates it. */
struct early {
    struct rp_pdf_deflation *items, *batch; /* by object number; by page */
    size_t count, pages;
    unsigned *numbers; /* of the pages' content streams */
    struct rp_pdf_deflating *run;
};

static int deflate_early(struct pdf *p, struct early *e)
{
    *e = (struct early){0};
    if (!p->page_count)
        return 0;
    e->numbers = malloc(p->page_count * sizeof *e->numbers);
    e->batch = calloc(p->page_count, sizeof *e->batch);
    if (!e->numbers || !e->batch)
        return -1;
    for (size_t i = 0; i < p->page_count; i++) {
        HPDF_PageAttr attr = (HPDF_PageAttr)p->pages[i]->attr;
        unsigned n = (unsigned)(attr->contents->header.obj_id & 0x00FFFFFF);
        e->numbers[i] = n;
        /* Never NULL, even for an empty page: the packer tells its entries by their data. */
        const struct rp_buf *b = &p->contents[i]->bytes;
        e->batch[i] = (struct rp_pdf_deflation){.data = b->data ? b->data : "", .len = b->len};
        e->count = n + 1 > e->count ? n + 1 : e->count;
    }
    e->pages = p->page_count;
    e->items = calloc(e->count, sizeof *e->items);
    if (!e->items)
        return -1;
    /* Deflated in place in `batch`, then moved to their object numbers. */
    if (rp_pdf_threads() > 1)
        e->run = rp_pdf_deflate_start(e->batch, e->pages, RP_PDF_CONTENT_LEVEL, 2);
    return 0;
}

static void early_wait(struct early *e)
{
    if (!e->items)
        return;
    rp_pdf_deflate_finish(e->run);
    e->run = NULL;
    for (size_t k = 0; k < e->pages; k++) {
        e->items[e->numbers[k]] = e->batch[k];
        e->batch[k].z = NULL;
    }
}

static void early_free(struct early *e)
{
    rp_pdf_deflate_finish(e->run);
    for (size_t i = 0; e->items && i < e->count; i++)
        free(e->items[i].z);
    for (size_t k = 0; e->batch && k < e->pages; k++)
        free(e->batch[k].z);
    free(e->items), free(e->batch), free(e->numbers);
}

/* libharu's output, read from its memory stream into `raw`. */
static int libharu_save(struct pdf *p, struct rp_buf *raw)
{
    raw->len = 0;
    if (HPDF_SaveToStream(p->doc) != HPDF_OK || HPDF_ResetStream(p->doc) != HPDF_OK)
        return -1;
    size_t want = (size_t)HPDF_GetStreamSize(p->doc) + 1;
    if (raw->cap < want) {
        raw->data = rp_xrealloc(raw->data, want);
        raw->cap = want;
    }
    for (;;) {
        HPDF_UINT32 len = (HPDF_UINT32)(raw->cap - raw->len - 1);
        if (len == 0) {
            raw->cap *= 2;
            raw->data = rp_xrealloc(raw->data, raw->cap);
            continue;
        }
        HPDF_STATUS st = HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)raw->data + raw->len, &len);
        raw->len += len;
        if (st == HPDF_STREAM_EOF)
            return 0;
        if (st != HPDF_OK)
            return -1;
    }
}

/* Output the packer refuses (not of the form it knows) is written as libharu made it: the
 * page content then goes into libharu's own streams, and libharu saves again. */
static int save_unpacked(struct pdf *p, struct rp_buf *raw)
{
    for (size_t i = 0; i < p->page_count; i++) {
        const struct rp_buf *b = &p->contents[i]->bytes;
        HPDF_Stream own = ((HPDF_PageAttr)p->pages[i]->attr)->contents->stream;
        if (b->len &&
            HPDF_Stream_Write(own, (const HPDF_BYTE *)b->data, (HPDF_UINT)b->len) != HPDF_OK)
            return -1;
    }
    return libharu_save(p, raw);
}

/* The first object number the packer will leave free after libharu's objects: the
 * structure tree is numbered from there ahead of packing (checked after). */
static unsigned packed_next_object(struct pdf *p)
{
    HPDF_List entries = p->doc->xref->entries;
    size_t plain = 0;
    for (HPDF_UINT i = 1; i < entries->count; i++) {
        HPDF_XrefEntry e = HPDF_List_ItemAt(entries, i);
        HPDF_Obj_Header *h = e ? e->obj : NULL;
        plain += !h || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT ||
                 !((HPDF_Dict)e->obj)->stream;
    }
    return rp_pdf_pack_next_object(entries->count, plain);
}

int rp_pdf_save(struct pdf *p, int fd)
{
    if (!rp_pdf_detach_contents(p)) {
        rp_diag_add(p->diags, RP_ERROR, p->path, 0, 0,
                    "internal error: a page was left with a text object or state open");
        return -1;
    }
    struct early early;
    struct rp_buf raw = {0}, out = {0};
    int rc = -1;
    if (deflate_early(p, &early) != 0 || libharu_save(p, &raw) != 0)
        goto done;
    /* The structure tree is made while the second thread deflates the page content. */
    if (rp_pdf_tags_prepare(p, packed_next_object(p)) != 0)
        goto done;
    struct rp_pdf_packed packed = {(size_t)p->doc->xref->addr, 0};
    const struct rp_buf *file = &out;
    early_wait(&early);
    if (rp_pdf_pack(raw.data, raw.len, RP_PDF_PACK_LEVEL, rp_pdf_threads(), early.items,
                    early.count, &out, &packed) != 0) {
        if (save_unpacked(p, &raw) != 0)
            goto done;
        file = &raw;
        packed = (struct rp_pdf_packed){(size_t)p->doc->xref->addr, 0};
    }
    rc = write_all(p, fd, file->data, file->len);
    size_t base = file->len;
    raw.len = 0;
    if (rc == 0)
        rc = rp_pdf_tags_update(p, base, packed.xref_at, packed.next_object, &raw);
    if (rc == 0 && raw.len)
        rc = write_all(p, fd, raw.data, raw.len);
done:
    early_free(&early);
    free(raw.data);
    free(out.data);
    return rc;
}
