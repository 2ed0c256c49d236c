/* The layout's record of the document's logical structure, for tagged output.
 *
 * Block layouts open an element before they draw its content; every item drawn meanwhile
 * belongs to it. Elements and items share one counter of reading order, so that a backend
 * can put each element's content and sub-elements in order even where they alternate (a
 * paragraph's words around a link). */
#include "render/layout_flow.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

const char *rp_struct_type_name(enum rp_struct_type type)
{
    static const char *const names[RP_ST__MAX] = {
        [RP_ST_NONE] = NULL,
        [RP_ST_DOCUMENT] = "Document",
        [RP_ST_SECT] = "Sect",
        [RP_ST_DIV] = "Div",
        [RP_ST_H1] = "H1",
        [RP_ST_H2] = "H2",
        [RP_ST_H3] = "H3",
        [RP_ST_H4] = "H4",
        [RP_ST_H5] = "H5",
        [RP_ST_H6] = "H6",
        [RP_ST_P] = "P",
        [RP_ST_L] = "L",
        [RP_ST_LI] = "LI",
        [RP_ST_LBL] = "Lbl",
        [RP_ST_LBODY] = "LBody",
        [RP_ST_TABLE] = "Table",
        [RP_ST_THEAD] = "THead",
        [RP_ST_TBODY] = "TBody",
        [RP_ST_TR] = "TR",
        [RP_ST_TH] = "TH",
        [RP_ST_TD] = "TD",
        [RP_ST_CAPTION] = "Caption",
        [RP_ST_FIGURE] = "Figure",
        [RP_ST_NOTE] = "Note",
        [RP_ST_TOC] = "TOC",
        [RP_ST_TOCI] = "TOCI",
        [RP_ST_REFERENCE] = "Reference",
        [RP_ST_LINK] = "Link",
        [RP_ST_SPAN] = "Span",
    };
    return (unsigned)type < RP_ST__MAX ? names[type] : NULL;
}

uint32_t rp_flow_elem(struct rp_flow *f, uint32_t parent, enum rp_struct_type type)
{
    if (f->elem_count == f->elem_cap) {
        f->elem_cap = f->elem_cap ? f->elem_cap * 2 : 256;
        f->elems = rp_xrealloc(f->elems, f->elem_cap * sizeof *f->elems);
    }
    if (f->elem_count == 0) /* index 0 stands for "no element" */
        f->elems[f->elem_count++] = (struct rp_struct_elem){.type = RP_ST_NONE};
    uint32_t n = (uint32_t)f->elem_count++;
    f->elems[n] = (struct rp_struct_elem){.type = type, .parent = parent, .seq = ++f->seq};
    return n;
}

struct rp_tagging rp_flow_enter(struct rp_flow *f, uint32_t elem)
{
    struct rp_tagging saved = {f->elem, f->artifact};
    f->elem = elem;
    return saved;
}

struct rp_tagging rp_flow_tag(struct rp_flow *f, enum rp_struct_type type)
{
    /* Content of an artifact stays an artifact: a table repeated on the page it continues
     * on is drawn by the same code as its first page. */
    if (!f->elem)
        return (struct rp_tagging){f->elem, f->artifact};
    return rp_flow_enter(f, rp_flow_elem(f, f->elem, type));
}

struct rp_tagging rp_flow_artifact(struct rp_flow *f, enum rp_artifact kind)
{
    struct rp_tagging saved = {f->elem, f->artifact};
    f->elem = 0;
    f->artifact = kind;
    return saved;
}

void rp_flow_untag(struct rp_flow *f, struct rp_tagging saved)
{
    f->elem = saved.elem;
    f->artifact = saved.artifact;
}

struct rp_struct_elem *rp_flow_elem_at(struct rp_flow *f, uint32_t elem)
{
    return &f->elems[elem];
}

enum rp_struct_type rp_flow_heading_type(const struct rp_flow *f)
{
    int depth = f->heading_depth + 1;
    return depth <= 1   ? RP_ST_H1
           : depth >= 6 ? RP_ST_H6
                        : (enum rp_struct_type)(RP_ST_H1 + depth - 1);
}

void rp_layout_result_free(struct rp_layout_result *result)
{
    free(result->elems);
    result->elems = NULL;
    result->elem_count = 0;
    if (result->shape) {
        rp_page_shape_free(result->shape);
        free(result->shape);
        result->shape = NULL;
    }
}
