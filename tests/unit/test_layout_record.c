/* The layout record on hand-made pages: blocks grouped by element, a table's body rows per
 * page (its header's not counted) and its parts, a heading left last on a page, chapters
 * and their ends, the fill of a page without its footer, text boxes from the metrics. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/layout.h"
#include "render/layout_record.h"
#include "templates/theme.h"

/* Every character half an em wide: "Titre" at 10 points is 25 points wide. */
static double fake_advance(void *ctx, enum rp_face face, uint32_t cp)
{
    (void)ctx;
    (void)face;
    (void)cp;
    return 500;
}

static const struct rp_metrics metrics = {NULL, fake_advance, 800, -200, NULL, NULL};

/* The elements of the test document, in the order a layout would create them. */
enum {
    E_DOC = 1,
    E_H1,
    E_P,
    E_TABLE,
    E_THEAD,
    E_HEAD_ROW,
    E_TH,
    E_TBODY,
    E_ROW1,
    E_TD1,
    E_ROW2,
    E_TD2,
    E_ROW3,
    E_TD3,
    E_ROW4,
    E_TD4,
    E_H2,
    E_H1B,
    E_COUNT
};

static void elements(struct rp_struct_elem *el)
{
    static const struct {
        enum rp_struct_type type;
        uint32_t parent;
    } tree[E_COUNT] = {
        [E_DOC] = {RP_ST_DOCUMENT, 0},      [E_H1] = {RP_ST_H1, E_DOC},
        [E_P] = {RP_ST_P, E_DOC},           [E_TABLE] = {RP_ST_TABLE, E_DOC},
        [E_THEAD] = {RP_ST_THEAD, E_TABLE}, [E_HEAD_ROW] = {RP_ST_TR, E_THEAD},
        [E_TH] = {RP_ST_TH, E_HEAD_ROW},    [E_TBODY] = {RP_ST_TBODY, E_TABLE},
        [E_ROW1] = {RP_ST_TR, E_TBODY},     [E_TD1] = {RP_ST_TD, E_ROW1},
        [E_ROW2] = {RP_ST_TR, E_TBODY},     [E_TD2] = {RP_ST_TD, E_ROW2},
        [E_ROW3] = {RP_ST_TR, E_TBODY},     [E_TD3] = {RP_ST_TD, E_ROW3},
        [E_ROW4] = {RP_ST_TR, E_TBODY},     [E_TD4] = {RP_ST_TD, E_ROW4},
        [E_H2] = {RP_ST_H2, E_DOC},         [E_H1B] = {RP_ST_H1, E_DOC},
    };
    for (int i = 1; i < E_COUNT; i++)
        el[i] = (struct rp_struct_elem){.type = tree[i].type, .parent = tree[i].parent};
}

static struct rp_item text(uint32_t elem, float x, float y, const char *s)
{
    return (struct rp_item){.kind = RP_ITEM_TEXT,
                            .x = x,
                            .y = y,
                            .size = 10,
                            .text = s,
                            .len = (uint32_t)strlen(s),
                            .elem = elem};
}

static void feed(struct rp_layout_record *rec, size_t index, struct rp_item *items, size_t n,
                 const struct rp_struct_elem *el, bool overlay)
{
    struct rp_page page = {index, RP_PAGE_BODY, 595, 842, items, n, el};
    assert_int_equal(rp_layout_record_page(rec, &page, overlay), 0);
}

static void test_record(void **state)
{
    (void)state;
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_struct_elem el[E_COUNT];
    elements(el);
    struct rp_layout_record rec = {.theme = &theme, .metrics = &metrics};

    /* Page 1: a chapter's heading, a paragraph, the table's header and three rows. */
    struct rp_item p1[] = {
        text(E_H1, 100, 100, "Titre"), text(E_P, 100, 130, "Un mot "),
        text(E_TH, 100, 160, "Poste"), text(E_TD1, 100, 180, "a"),
        text(E_TD1, 300, 180, "1"),    text(E_TD2, 100, 200, "b"),
        text(E_TD3, 100, 220, "c"),
    };
    feed(&rec, 0, p1, sizeof p1 / sizeof *p1, el, false);
    /* Page 2: the header repeated (an artifact), the last row, a heading left alone. */
    struct rp_item p2[] = {text(0, 100, 100, "Poste"), text(E_TD4, 100, 120, "d"),
                           text(E_H2, 100, 300, "Sous-titre")};
    p2[0].artifact = RP_ART_PAGINATION;
    feed(&rec, 1, p2, sizeof p2 / sizeof *p2, el, false);
    /* Page 3: the next chapter. */
    struct rp_item p3[] = {text(E_H1B, 100, 100, "Suite")};
    feed(&rec, 2, p3, 1, el, false);
    /* The overlay: a footer far down, which must not count as content. */
    struct rp_item footer[] = {text(0, 100, 820, "Page 1 / 3")};
    footer[0].artifact = RP_ART_FOOTER;
    feed(&rec, 0, footer, 1, el, true);

    struct rp_layout_result res = {.page_count = 3, .elems = el, .elem_count = E_COUNT};
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    rp_layout_record_write(&rec, &res, "fr", f);
    fclose(f);

    assert_non_null(strstr(out, "document lang=fr pages=3 front=0\n"));
    assert_non_null(strstr(out, "chapter n=1 page=1 title=Titre\n"));
    assert_non_null(strstr(out, "chapter n=2 page=3 title=Suite\n"));
    assert_non_null(strstr(out, " chapter=1 chapter_end=0 "));
    assert_non_null(strstr(out, "page n=2 kind=body orient=portrait"));
    assert_non_null(strstr(out, " chapter=1 chapter_end=1 "));
    assert_non_null(strstr(out, " chapter=2 chapter_end=1 "));
    assert_non_null(strstr(out, "block page=1 type=H1 elem=2 box=100.0,92.0,125.0,102.0 last=0\n"));
    /* The paragraph's box ends at its last letter, not at its trailing space. */
    assert_non_null(strstr(out, "block page=1 type=P elem=3 box=100.0,122.0,130.0,132.0\n"));
    assert_non_null(strstr(out, "type=Table elem=4 box=100.0,152.0,305.0,222.0 rows=3 "
                                "table_rows=4 part=1/2\n"));
    assert_non_null(strstr(out, "block page=2 type=Table elem=4 box=100.0,112.0,105.0,122.0 "
                                "rows=1 table_rows=4 part=2/2\n"));
    assert_non_null(strstr(out, "block page=2 type=H2 elem=17 box=100.0,292.0,150.0,302.0 "
                                "last=1\n"));
    assert_non_null(strstr(out, "text page=1 elem=0 art=footer box=100.0,812.0,150.0,822.0\n"));
    assert_non_null(strstr(out, "text page=2 elem=0 art=pagination "));
    /* Page 1's content stops at the last row (y 222), not at the footer. */
    char fill[32];
    snprintf(fill, sizeof fill, "fill=%.3f\n",
             (222.0 - theme.margin_top) / (842 - theme.margin_bottom - theme.margin_top));
    assert_non_null(strstr(out, fill));
    free(out);
    rp_layout_record_free(&rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_record)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
