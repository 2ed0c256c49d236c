/* Language editions sharing one page structure: the plan derived from their shapes
 * (produce/editions.c), and the layout honouring it (render/layout_edition.c): a table
 * turned landscape, a chapter and the contents stretched over more pages. The layout runs
 * with fixed-width fake metrics, as in test_layout.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "fake_metrics.h"
#include "produce/editions.h"
#include "render/layout.h"
#include "render/page_plan.h"
#include "util/arena.h"

/* ------------------------------------------------------------------ deriving the plan */

static struct rp_node nodes[2][8]; /* stand-ins: the plan only compares their addresses */

/* A shape of `n` pages given as a string, one letter a page: c cover, f front (portrait),
 * p portrait body, l landscape body; parts start at the pages of `starts` (count `k`). */
static struct rp_page_shape shape(int ed, const char *pages, const size_t *starts, size_t k)
{
    struct rp_page_shape s = {0};
    s.page_count = strlen(pages);
    s.pages = calloc(s.page_count, sizeof *s.pages);
    for (size_t i = 0; i < s.page_count; i++)
        s.pages[i] = (struct rp_shape_page){pages[i] == 'c'   ? RP_PAGE_COVER
                                            : pages[i] == 'f' ? RP_PAGE_FRONT
                                                              : RP_PAGE_BODY,
                                            pages[i] == 'l'};
    s.part_count = k;
    s.parts = calloc(k ? k : 1, sizeof *s.parts);
    for (size_t i = 0; i < k; i++)
        s.parts[i] = (struct rp_shape_part){i == 0 ? NULL : &nodes[ed][i], starts[i]};
    return s;
}

static void with_tables(struct rp_page_shape *s, int ed, const char *orient)
{
    s->table_count = strlen(orient);
    s->tables = calloc(s->table_count ? s->table_count : 1, sizeof *s->tables);
    for (size_t i = 0; i < s->table_count; i++)
        s->tables[i] = (struct rp_shape_table){&nodes[ed][i], orient[i] == 'l'};
}

/* A table goes landscape in every edition when one edition needs it: the plan of an edition
 * lists the tables it must turn, as its own nodes, and nothing it turns already. */
static void test_plan_tables(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_page_shape s[2] = {shape(0, "p", (size_t[]){0}, 1), shape(1, "p", (size_t[]){0}, 1)};
    with_tables(&s[0], 0, "plpp");
    with_tables(&s[1], 1, "llpp");
    struct rp_page_plan plan = {0};
    assert_int_equal(rp_editions_plan_tables(s, 2, 0, arena, &plan), 1);
    assert_int_equal(plan.landscape_count, 1);
    assert_ptr_equal(plan.landscape[0], &nodes[0][0]);
    assert_true(rp_page_plan_landscape(&plan, &nodes[0][0]));
    assert_false(rp_page_plan_landscape(&plan, &nodes[0][1])); /* landscape already */
    assert_false(rp_page_plan_landscape(NULL, &nodes[0][0]));
    assert_int_equal(rp_editions_plan_tables(s, 2, 1, arena, &plan), 0);
    /* Editions that do not have the same tables are not compared. */
    s[1].table_count = 3;
    assert_int_equal(rp_editions_plan_tables(s, 2, 0, arena, &plan), -1);
    for (int i = 0; i < 2; i++)
        rp_page_shape_free(&s[i]);
    rp_arena_free(arena);
}

/* Each part takes, run by run, the most pages any edition gives it; an edition gets a plan
 * for the parts where it gives fewer. The cover (before the first part) is not planned. */
static void test_plan_pages(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    /* Contents (part 0), chapter 1 with a landscape table inside, chapter 2. */
    struct rp_page_shape s[2] = {
        shape(0, "cfpplpp", (size_t[]){1, 2, 6}, 3),
        shape(1, "cffppplppp", (size_t[]){1, 3, 8}, 3),
    };
    struct rp_page_plan plan = {0};
    assert_int_equal(rp_editions_plan_pages(s, 2, 0, arena, &plan), 3);
    assert_int_equal(plan.part_count, 3);
    const struct rp_plan_part *contents = rp_page_plan_part(&plan, NULL);
    assert_non_null(contents);
    assert_int_equal(contents->run_count, 1);
    assert_int_equal(contents->pages[0], 2);
    const struct rp_plan_part *ch1 = rp_page_plan_part(&plan, &nodes[0][1]);
    assert_non_null(ch1);
    assert_int_equal(ch1->run_count, 3);
    assert_int_equal(ch1->pages[0], 3); /* portrait run: 2 in fr, 3 in nl */
    assert_int_equal(ch1->pages[1], 1); /* the landscape table */
    assert_int_equal(ch1->pages[2], 1);
    const struct rp_plan_part *ch2 = rp_page_plan_part(&plan, &nodes[0][2]);
    assert_non_null(ch2);
    assert_int_equal(ch2->pages[0], 2);
    assert_null(rp_page_plan_part(&plan, &nodes[1][2])); /* the plan names its own nodes */
    /* The longer edition has nothing to stretch. */
    assert_int_equal(rp_editions_plan_pages(s, 2, 1, arena, &plan), 0);
    assert_null(rp_page_plan_part(&plan, NULL));
    /* A part whose runs differ (a landscape run here, none there) is left out; the others
     * are still planned. */
    s[1].pages[6].landscape = false;
    assert_int_equal(rp_editions_plan_pages(s, 2, 0, arena, &plan), 2);
    assert_null(rp_page_plan_part(&plan, &nodes[0][1]));
    /* Editions with different parts are not compared. */
    s[1].part_count = 2;
    assert_int_equal(rp_editions_plan_pages(s, 2, 0, arena, &plan), -1);
    for (int i = 0; i < 2; i++)
        rp_page_shape_free(&s[i]);
    rp_arena_free(arena);
}

/* Which editions are laid out together: French and Dutch, not English or German. */
static void test_side_by_side(void **state)
{
    (void)state;
    size_t self, n;
    assert_true(rp_editions_side_by_side(RP_LANG_FR, &self, &n));
    assert_int_equal(rp_editions_lang(self), RP_LANG_FR);
    assert_true(rp_editions_side_by_side(RP_LANG_NL, &self, &n));
    assert_int_equal(rp_editions_lang(self), RP_LANG_NL);
    assert_int_equal(n, 2);
    assert_false(rp_editions_side_by_side(RP_LANG_DE, &self, &n));
    assert_false(rp_editions_side_by_side(RP_LANG_EN, &self, &n));
}

/* ------------------------------------------------------------------ the layout */

struct fixture {
    struct rp_arena *arena;
    struct rp_theme theme;
    struct rp_layout_env env;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    fx->arena = rp_arena_new();
    rp_theme_default(&fx->theme);
    fx->theme.chapter_new_page = true;
    fx->theme.justify = false; /* ragged lines: one text item each */
    fx->env = (struct rp_layout_env){.theme = &fx->theme, .metrics = &metrics, .arena = fx->arena};
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    rp_arena_free(fx->arena);
    free(fx);
    return 0;
}

/* What the pages held: per page, the lines of body text ("w.." words) and where its lowest
 * content line stands, as a share of the content box (the layout record's "fill"). */
struct pages_seen {
    const struct rp_theme *theme;
    int lines[32];
    double fill[32];
    bool landscape[32];
    size_t count;
};

static int see_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct pages_seen *ps = ctx;
    if (overlay || page->index >= 32)
        return 0;
    ps->count = page->index + 1;
    ps->landscape[page->index] = page->width > page->height;
    double top = ps->theme->margin_top, bottom = page->height - ps->theme->margin_bottom;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT || !it->elem)
            continue;
        double fill = (it->y - top) / (bottom - top);
        if (fill > ps->fill[page->index])
            ps->fill[page->index] = fill;
        if (it->len > 1 && it->text[0] == 'w')
            ps->lines[page->index]++;
    }
    return 0;
}

/* Lays `doc` out with its plan into `ps`; returns its shape (the caller frees it). */
static struct rp_page_shape lay_out(struct fixture *fx, const struct rp_doc *doc,
                                    struct pages_seen *ps)
{
    memset(ps, 0, sizeof *ps);
    ps->theme = &fx->theme;
    struct rp_layout_sink sink = {ps, see_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    assert_non_null(res.shape);
    struct rp_page_shape s = *res.shape;
    free(res.shape);
    res.shape = NULL;
    rp_layout_result_free(&res);
    return s;
}

/* Three-line paragraphs of numbered words: `paragraphs` of them in chapter 1, two in
 * chapter 2. */
static struct rp_doc *two_chapters(struct fixture *fx, int paragraphs, bool contents)
{
    static char text[1024];
    size_t pos = 0;
    for (int w = 0; w < 27 * 3 - 5; w++)
        pos += (size_t)snprintf(text + pos, sizeof text - pos, "w%02d ", w);
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    if (contents)
        rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre un");
    for (int p = 0; p < paragraphs; p++)
        rp_doc_add_paragraph(doc, &ch->u.section.children, RP_PARA_BODY, text);
    ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre deux");
    for (int p = 0; p < 2; p++)
        rp_doc_add_paragraph(doc, &ch->u.section.children, RP_PARA_BODY, text);
    return doc;
}

static size_t part_pages(const struct rp_page_shape *s, size_t k)
{
    size_t end = k + 1 < s->part_count ? s->parts[k + 1].first_page : s->page_count;
    return end - s->parts[k].first_page;
}

/* A chapter stretched to one page more than it needs takes exactly that many, sets every
 * line once, leaves no page of it under 35 % but its last, and gives its last page more
 * than a stranded line; the next chapter moves one page on and is not stretched. */
static void test_stretch_chapter(void **state)
{
    struct fixture *fx = *state;
    for (int paragraphs = 24; paragraphs <= 44; paragraphs += 5) {
        struct rp_doc *doc = two_chapters(fx, paragraphs, false);
        struct pages_seen free_pages, planned_pages;
        struct rp_page_shape s = lay_out(fx, doc, &free_pages);
        assert_int_equal(s.part_count, 2);
        size_t natural = part_pages(&s, 0);
        assert_true(natural >= 2);
        size_t want = natural + 1;
        struct rp_plan_part part = {s.parts[0].node, &want, 1};
        struct rp_page_plan plan = {NULL, 0, &part, 1, NULL};
        doc->page_plan = &plan;
        struct rp_page_shape t = lay_out(fx, doc, &planned_pages);
        assert_int_equal(t.part_count, 2);
        assert_int_equal(part_pages(&t, 0), want);
        assert_int_equal(part_pages(&t, 1), part_pages(&s, 1));
        int total = 0;
        for (size_t p = 0; p < planned_pages.count; p++)
            total += planned_pages.lines[p];
        assert_int_equal(total, 3 * (paragraphs + 2));
        for (size_t p = 0; p + 1 < want; p++)
            if (planned_pages.fill[p] < 0.35)
                fail_msg("%d paragraphs: page %zu of %zu filled %.2f", paragraphs, p + 1, want,
                         planned_pages.fill[p]);
        if (planned_pages.lines[want - 1] < 4)
            fail_msg("%d paragraphs: %d line(s) alone on the chapter's last page", paragraphs,
                     planned_pages.lines[want - 1]);
        rp_page_shape_free(&s);
        rp_page_shape_free(&t);
    }
}

/* A stretch that would leave pages nearly empty (a chapter of a page and a half over six)
 * is not made: the chapter is laid out as it would be without a plan. */
static void test_stretch_refused(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = two_chapters(fx, 24, false);
    struct pages_seen seen;
    struct rp_page_shape s = lay_out(fx, doc, &seen);
    size_t want = part_pages(&s, 0) + 4;
    struct rp_plan_part part = {s.parts[0].node, &want, 1};
    struct rp_page_plan plan = {NULL, 0, &part, 1, NULL};
    doc->page_plan = &plan;
    struct rp_page_shape t = lay_out(fx, doc, &seen);
    assert_int_equal(t.page_count, s.page_count);
    assert_int_equal(t.parts[1].first_page, s.parts[1].first_page);
    rp_page_shape_free(&s);
    rp_page_shape_free(&t);
}

/* The contents, one page when free, take the two pages another edition's take. */
static void test_stretch_contents(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    char title[64];
    for (int i = 0; i < 24; i++) {
        snprintf(title, sizeof title, "Chapitre %d", i + 1);
        struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, title);
        rp_doc_add_paragraph(doc, &ch->u.section.children, RP_PARA_BODY, "w00 w01 w02");
    }
    struct pages_seen seen;
    struct rp_page_shape s = lay_out(fx, doc, &seen);
    assert_null(s.parts[0].node);
    assert_int_equal(part_pages(&s, 0), 1);
    size_t want = 2;
    struct rp_plan_part part = {NULL, &want, 1};
    struct rp_page_plan plan = {NULL, 0, &part, 1, NULL};
    doc->page_plan = &plan;
    struct rp_page_shape t = lay_out(fx, doc, &seen);
    assert_int_equal(part_pages(&t, 0), 2);
    assert_int_equal(t.pages[0].kind, RP_PAGE_FRONT);
    assert_int_equal(t.pages[1].kind, RP_PAGE_FRONT);
    assert_int_equal(t.pages[2].kind, RP_PAGE_BODY);
    assert_true(seen.fill[0] >= 0.35); /* the first page is not a stranded heading */
    assert_true(seen.fill[1] > 0);
    assert_int_equal(t.page_count, s.page_count + 1);
    rp_page_shape_free(&s);
    rp_page_shape_free(&t);
}

/* A table that fits portrait goes landscape when the plan turns it, with the heading before
 * it (which goes on the table's page); its shape says so. */
static void test_turned_table(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
    struct rp_node *table = rp_doc_add_table(doc, &ch->u.section.children, 2, "Tableau");
    for (int r = 0; r < 3; r++) {
        size_t row = rp_doc_table_row(doc, table, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, table, row, 0, "w00", NULL, 0);
        rp_doc_table_cell(doc, table, row, 1, "12", NULL, 0);
    }
    struct pages_seen seen;
    struct rp_page_shape s = lay_out(fx, doc, &seen);
    assert_int_equal(s.table_count, 1);
    assert_ptr_equal(s.tables[0].node, table);
    assert_false(s.tables[0].landscape);
    assert_false(seen.landscape[0]);
    const struct rp_node *turned[] = {table};
    struct rp_page_plan plan = {turned, 1, NULL, 0, NULL};
    doc->page_plan = &plan;
    struct rp_page_shape t = lay_out(fx, doc, &seen);
    assert_true(t.tables[0].landscape);
    assert_int_equal(t.page_count, 1); /* the heading went with the table */
    assert_true(t.pages[0].landscape);
    assert_true(seen.landscape[0]);
    rp_page_shape_free(&s);
    rp_page_shape_free(&t);
}

/* ------------------------------------------------------------------ a layout kept */

/* Every page given to a sink, written out: what drawing it depends on. */
struct written {
    char *text;
    size_t len, cap;
};

static void put(struct written *w, const char *s, size_t n)
{
    if (w->len + n + 1 > w->cap) {
        w->cap = (w->len + n + 1) * 2;
        w->text = realloc(w->text, w->cap);
    }
    memcpy(w->text + w->len, s, n);
    w->len += n;
    w->text[w->len] = '\0';
}

static int write_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct written *w = ctx;
    char line[256];
    put(w, line,
        (size_t)snprintf(line, sizeof line, "page %zu %d %d %.2f %.2f %zu\n", page->index, overlay,
                         (int)page->kind, page->width, page->height, page->count));
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        put(w, line,
            (size_t)snprintf(line, sizeof line, "%d %.3f %.3f %.3f %.3f %u %u %d %s ",
                             (int)it->kind, it->x, it->y, it->w, it->h, it->elem, it->seq,
                             (int)it->face,
                             it->elem ? rp_struct_type_name(page->elems[it->elem].type) : "-"));
        if (it->kind == RP_ITEM_TEXT)
            put(w, it->text, it->len);
        else if (it->text)
            put(w, it->text, strlen(it->text));
        put(w, "\n", 1);
    }
    return 0;
}

/* A document laid out into a keeper, then drawn from it once the layout and its pages'
 * arenas are gone, gives its sink the very pages and result a new layout gives. */
static void test_kept_layout_draws_as_laid_out(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = two_chapters(fx, 30, true);
    struct rp_node *ch = doc->body.items[doc->body.count - 1];
    struct rp_node *t = rp_doc_add_table(doc, &ch->u.section.children, 2, NULL);
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_RIGHT, false);
    for (int r = 0; r < 80; r++) {
        size_t i = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, i, 0, "Projet de ligne", NULL, 0);
        rp_doc_table_cell(doc, t, i, 1, "1.234,5", NULL, 0);
    }

    struct written fresh = {0}, drawn = {0};
    struct rp_layout_sink to_fresh = {&fresh, write_page};
    struct rp_layout_result a;
    assert_int_equal(rp_layout_document(doc, &fx->env, &to_fresh, &a), 0);

    struct rp_arena *arena = rp_arena_new();
    struct rp_laid_out *kept = rp_laid_out_new(arena);
    struct rp_layout_sink keep = rp_laid_out_sink(kept);
    struct rp_layout_env env = fx->env;
    env.arena = arena;
    struct rp_layout_result b;
    assert_int_equal(rp_layout_document(doc, &env, &keep, &b), 0);
    rp_laid_out_finish(kept, &b);
    rp_layout_result_free(&b);

    struct rp_layout_sink to_drawn = {&drawn, write_page};
    struct rp_layout_result c;
    assert_int_equal(rp_laid_out_draw(kept, &to_drawn, &c), 0);
    assert_true(a.page_count > 3);
    assert_non_null(fresh.text);
    assert_string_equal(drawn.text, fresh.text);
    assert_int_equal(c.page_count, a.page_count);
    assert_int_equal(c.front_count, a.front_count);
    assert_int_equal(c.outline_count, a.outline_count);
    for (size_t i = 0; i < a.outline_count; i++) {
        assert_string_equal(c.outline[i].title, a.outline[i].title);
        assert_int_equal(c.outline[i].page, a.outline[i].page);
    }
    assert_int_equal(c.elem_count, a.elem_count);
    for (size_t e = 1; e < a.elem_count; e++) {
        assert_int_equal(c.elems[e].type, a.elems[e].type);
        assert_int_equal(c.elems[e].parent, a.elems[e].parent);
        assert_int_equal(c.elems[e].seq, a.elems[e].seq);
    }
    assert_null(c.shape);
    rp_layout_result_free(&a);
    free(fresh.text);
    free(drawn.text);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_tables),
        cmocka_unit_test(test_plan_pages),
        cmocka_unit_test(test_side_by_side),
        cmocka_unit_test_setup_teardown(test_stretch_chapter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stretch_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stretch_contents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_turned_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kept_layout_draws_as_laid_out, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
