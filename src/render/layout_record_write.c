/* The layout record, written: the pages collected by layout_record.c, with what only the
 * whole document tells (chapters, the parts of split tables), in the format of
 * layout_record.h. */
#include "render/layout_record.h"

#include "render/layout_record_internal.h"
#include "render/render.h"
#include "templates/theme.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

static const char *kind_name(enum rp_page_kind kind)
{
    return kind == RP_PAGE_COVER ? "cover" : kind == RP_PAGE_FRONT ? "front" : "body";
}

static const char *artifact_name(int artifact)
{
    switch (artifact) {
    case RP_ART_LAYOUT:
        return "layout";
    case RP_ART_HEADER:
        return "header";
    case RP_ART_FOOTER:
        return "footer";
    case RP_ART_WATERMARK:
        return "watermark";
    case RP_ART_PAGINATION:
        return "pagination";
    default:
        return "-";
    }
}

static void put_box(FILE *out, const struct rp_record_box *b)
{
    fprintf(out, "%.1f,%.1f,%.1f,%.1f", b->x0, b->y0, b->x1, b->y1);
}

/* The chapter heading that opens page `p`, if its first block is one. */
static const struct rp_record_block *opening_chapter(const struct rp_record_page *p)
{
    if (p->kind != RP_PAGE_BODY || !p->block_count || p->blocks[0].type != RP_ST_H1)
        return NULL;
    return &p->blocks[0];
}

/* Whether a chapter heading starts anywhere on page `p` (then the page is that chapter's). */
static const struct rp_record_block *chapter_on(const struct rp_record_page *p)
{
    for (size_t i = 0; p->kind == RP_PAGE_BODY && i < p->block_count; i++)
        if (p->blocks[i].type == RP_ST_H1)
            return &p->blocks[i];
    return NULL;
}

static bool ends_chapter(const struct rp_layout_record *rec, size_t i)
{
    if (i + 1 >= rec->count)
        return true;
    const struct rp_record_page *next = &rec->pages[i + 1];
    return next->kind != rec->pages[i].kind || opening_chapter(next) != NULL;
}

/* Per element: a table's body rows in the whole document, and on how many pages it lies. */
struct table_counts {
    unsigned *rows, *parts, *seen;
};

static struct table_counts count_tables(const struct rp_layout_record *rec,
                                        const struct rp_layout_result *res)
{
    size_t n = res->elem_count ? res->elem_count : 1;
    struct table_counts tc = {calloc(n, sizeof(unsigned)), calloc(n, sizeof(unsigned)),
                              calloc(n, sizeof(unsigned))};
    if (!tc.rows || !tc.parts || !tc.seen)
        abort();
    for (size_t e = 1; e < res->elem_count; e++) {
        const struct rp_struct_elem *el = &res->elems[e];
        if (el->type != RP_ST_TR || res->elems[el->parent].type == RP_ST_THEAD)
            continue;
        for (uint32_t up = el->parent; up; up = res->elems[up].parent)
            if (res->elems[up].type == RP_ST_TABLE) {
                tc.rows[up]++;
                break;
            }
    }
    for (size_t i = 0; i < rec->count; i++)
        for (size_t j = 0; j < rec->pages[i].block_count; j++) {
            const struct rp_record_block *b = &rec->pages[i].blocks[j];
            if (b->type == RP_ST_TABLE && b->elem < n)
                tc.parts[b->elem]++;
        }
    return tc;
}

static void put_block(FILE *out, size_t page, const struct rp_record_block *b, bool last,
                      struct table_counts *tc, size_t elem_count)
{
    const char *type = rp_struct_type_name(b->type);
    fprintf(out, "block page=%zu type=%s elem=%u box=", page, type ? type : "None", b->elem);
    put_box(out, &b->box);
    if (b->type == RP_ST_TABLE && b->elem < elem_count)
        fprintf(out, " rows=%u table_rows=%u part=%u/%u", b->rows, tc->rows[b->elem],
                ++tc->seen[b->elem], tc->parts[b->elem]);
    if (b->type == RP_ST_CAPTION || (b->type >= RP_ST_H1 && b->type <= RP_ST_H6))
        fprintf(out, " last=%d", last ? 1 : 0);
    fputc('\n', out);
}

static void put_page(FILE *out, const struct rp_layout_record *rec, size_t i, unsigned chapter)
{
    const struct rp_record_page *p = &rec->pages[i];
    const struct rp_theme *t = rec->theme;
    struct rp_record_box content = {(float)t->margin_left, (float)t->margin_top,
                                    (float)(p->width - t->margin_right),
                                    (float)(p->height - t->margin_bottom)};
    double height = content.y1 - content.y0, fill = 0;
    if (p->has_content && height > 0) {
        fill = (p->content_bottom - content.y0) / height;
        fill = fill < 0 ? 0 : fill > 1 ? 1 : fill;
    }
    fprintf(out, "page n=%zu kind=%s orient=%s width=%.1f height=%.1f box=", i + 1,
            kind_name(p->kind), p->width > p->height ? "landscape" : "portrait", p->width,
            p->height);
    put_box(out, &content);
    fprintf(out, " chapter=%u chapter_end=%d fill=%.3f\n", chapter, ends_chapter(rec, i) ? 1 : 0,
            fill);
}

void rp_layout_record_write(const struct rp_layout_record *rec, const struct rp_layout_result *res,
                            const char *lang, FILE *out)
{
    fprintf(out, "# rapport layout record 1 (format: src/render/layout_record.h)\n");
    fprintf(out, "document lang=%s pages=%zu front=%zu\n", lang ? lang : "-", rec->count,
            res->front_count);
    unsigned chapters = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const struct rp_record_block *h = chapter_on(&rec->pages[i]);
        if (h)
            fprintf(out, "chapter n=%u page=%zu title=%s\n", ++chapters, i + 1,
                    h->title ? h->title : "");
    }
    struct table_counts tc = count_tables(rec, res);
    chapters = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const struct rp_record_page *p = &rec->pages[i];
        if (chapter_on(p))
            chapters++;
        put_page(out, rec, i, p->kind == RP_PAGE_BODY ? chapters : 0);
        for (size_t j = 0; j < p->block_count; j++)
            put_block(out, i + 1, &p->blocks[j], j + 1 == p->block_count, &tc, res->elem_count);
        for (size_t j = 0; j < p->text_count; j++) {
            const struct rp_record_text *x = &p->texts[j];
            fprintf(out, "text page=%zu elem=%u art=%s box=", i + 1, x->elem,
                    artifact_name(x->artifact));
            put_box(out, &x->box);
            fputc('\n', out);
        }
        for (size_t j = 0; j < p->bar_count; j++) {
            fprintf(out, "bar page=%zu box=", i + 1);
            put_box(out, &p->bars[j].box);
            fprintf(out, " share=%.3f\n", rp_doc_bar_share(p->bars[j].bar));
        }
    }
    free(tc.rows);
    free(tc.parts);
    free(tc.seen);
}

int rp_render_layout(const struct rp_doc *doc, const struct rp_theme *theme, FILE *out,
                     const char *path, struct rp_diags *diags, long *pages)
{
    struct rp_layout_record rec = {.theme = theme};
    struct rp_layout_result res = {0};
    struct rp_arena *arena = rp_arena_new();
    struct rp_layout_sink sink = {&rec, rp_layout_record_page};
    int rc = rp_layout_as_pdf(doc, theme, arena, &sink, &rec.metrics, &res, path, diags);
    if (rc == 0) {
        rp_layout_record_write(&rec, &res, doc->lang, out);
        *pages = (long)res.page_count;
    }
    rp_layout_result_free(&res);
    rp_layout_record_free(&rec);
    rp_arena_free(arena);
    return rc;
}
