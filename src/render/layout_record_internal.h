/* Private to the layout record (layout_record.c collects, layout_record_write.c writes):
 * what is kept of each page. */
#ifndef RP_LAYOUT_RECORD_INTERNAL_H
#define RP_LAYOUT_RECORD_INTERNAL_H

#include "render/layout.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A box in points from the top-left corner of the page; empty while x0 > x1. */
struct rp_record_box {
    float x0, y0, x1, y1;
};

struct rp_record_text {
    struct rp_record_box box;
    uint32_t elem;
    int artifact; /* enum rp_artifact, or -1 for content */
};

/* A measure bar: the box of its drawing and its filled share. */
struct rp_record_bar {
    struct rp_record_box box;
    const struct rp_doc_bar *bar;
};

struct rp_record_block {
    uint32_t elem;
    enum rp_struct_type type;
    struct rp_record_box box;
    unsigned rows;     /* a table's body rows on the page */
    uint32_t last_row; /* the last of them seen (rows are counted once) */
    char *title;       /* a chapter heading's text, for the record's chapter lines */
};

struct rp_record_page {
    enum rp_page_kind kind;
    double width, height;
    bool has_content;
    double content_bottom;          /* the lowest edge of content in the flow */
    struct rp_record_block *blocks; /* in reading order */
    size_t block_count, block_cap;
    struct rp_record_text *texts;
    size_t text_count, text_cap;
    struct rp_record_bar *bars;
    size_t bar_count, bar_cap;
};

#endif
