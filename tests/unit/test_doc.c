/* The document tree: building, ownership of strings, roles, walking, text rendering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "render/render.h"
#include "util/arena.h"

static struct rp_doc *sample(struct rp_arena *arena)
{
    struct rp_doc *doc = rp_doc_new(arena);
    doc->title = "Tableaux budgétaires 2022-2024";
    doc->organisation = "SPF Chancellerie";
    doc->lang = "fr";
    doc->year = 2022;
    doc->month = 2;
    doc->day = 22;
    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    struct rp_node *s = rp_doc_add_section(doc, &doc->body, 1, "2", "Budget");
    struct rp_nodes *in = &s->u.section.children;
    struct rp_node *p = rp_doc_add_paragraph(doc, in, RP_PARA_BODY, "Voir ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_LINK, 0, "le site", "https://example.be");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG, " maintenant", NULL);
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_PLACEHOLDER, 0, "XX jours", NULL);
    struct rp_node *t = rp_doc_add_table(doc, in, 3, "Tableau 1");
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    rp_doc_table_column(t, 2, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "CE", 2, RP_ALIGN_CENTER);
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "Personnel", NULL, 0);
    rp_doc_table_cell(doc, t, r, 1, "8.293", NULL, 0);
    r = rp_doc_table_row(doc, t, RP_DOC_ROW_OF_WHICH);
    rp_doc_table_cell(doc, t, r, 0, "dont ICT", NULL, 0);
    r = rp_doc_table_row(doc, t, RP_DOC_ROW_TOTAL);
    rp_doc_table_cell(doc, t, r, 0, "Totaux", NULL, 0);
    rp_doc_table_cell(doc, t, r, 1, "135.003", "calculé : 132.981", RP_CELL_DIFFERS);
    rp_doc_table_note(doc, t, "*", "Budget séparé");
    struct rp_node *c = rp_doc_add_chart(doc, in, RP_CHART_BAR_GROUPED, "Évolution", 2, 1);
    rp_doc_chart_category(doc, c, 0, "2022");
    rp_doc_chart_category(doc, c, 1, "2023");
    rp_doc_chart_series(doc, c, 0, "CE");
    rp_doc_chart_value(c, 0, 0, 31661);
    struct rp_node *l = rp_doc_add_list(doc, in, true);
    rp_doc_list_add(doc, l, "un");
    rp_doc_list_add(doc, l, "deux");
    struct rp_node *k = rp_doc_add_key_figures(doc, in, "Chiffres");
    rp_doc_add_figure(doc, k, "87", "Conseils des ministres", NULL);
    rp_doc_add_note(doc, in, "1", "au sens des arrêtés royaux");
    rp_doc_add(doc, in, RP_NODE_PAGE_BREAK);
    return doc;
}

static void test_build_and_roles(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = sample(arena);
    assert_int_equal(doc->body.count, 2);
    const struct rp_node *s = doc->body.items[1];
    assert_int_equal(s->kind, RP_NODE_SECTION);
    assert_int_equal(s->role, RP_ROLE_SECT);
    assert_string_equal(rp_role_name(s->role), "Sect");
    const struct rp_nodes *in = &s->u.section.children;
    assert_int_equal(in->count, 7);
    assert_int_equal(in->items[0]->role, RP_ROLE_P);
    assert_int_equal(in->items[1]->role, RP_ROLE_TABLE);
    assert_int_equal(in->items[2]->role, RP_ROLE_FIGURE);
    assert_int_equal(in->items[6]->role, RP_ROLE_ARTIFACT);
    const struct rp_doc_table *t = &in->items[1]->u.table;
    assert_int_equal(t->column_count, 3);
    assert_int_equal(t->row_count, 3);
    assert_int_equal(t->rows[1].kind, RP_DOC_ROW_OF_WHICH);
    assert_null(t->rows[1].cells[1].text); /* cells start empty */
    assert_int_equal(t->rows[2].cells[1].flags, RP_CELL_DIFFERS);
    assert_string_equal(t->rows[2].cells[1].detail, "calculé : 132.981");
    assert_int_equal(t->header[0].cells[1].span, 2);
    /* Out-of-range cells are ignored, not written past the row. */
    rp_doc_table_cell(doc, in->items[1], 9, 0, "x", NULL, 0);
    rp_doc_table_cell(doc, in->items[1], 0, 9, "x", NULL, 0);
    assert_string_equal(rp_spans_join(doc, &in->items[0]->u.paragraph.text),
                        "Voir le site maintenantXX jours");
    const struct rp_doc_chart *c = &in->items[2]->u.chart;
    assert_true(c->series[0].present[0]);
    assert_false(c->series[0].present[1]);
    assert_string_equal(rp_node_kind_name(RP_NODE_KEY_FIGURES), "key-figures");
    assert_string_equal(rp_doc_row_kind_name(RP_DOC_ROW_SUBTOTAL), "subtotal");
    assert_string_equal(rp_align_name(RP_ALIGN_DECIMAL), "decimal");
    rp_arena_free(arena);
}

static void test_strings_are_copied(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = rp_doc_new(arena);
    char buf[32];
    strcpy(buf, "Première");
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, buf);
    strcpy(buf, "changed");
    assert_string_equal(p->u.paragraph.text.items[0].text, "Première");
    struct rp_spans empty = rp_spans_plain(doc, "");
    assert_int_equal(empty.count, 0);
    rp_arena_free(arena);
}

/* The words of a document, looked up as whole words: what an abbreviations annex lists. */
static void test_words_mention(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = rp_doc_new(arena);
    struct rp_node *s = rp_doc_add_section(doc, &doc->body, 1, NULL, "Les IPSS et l'ONEM");
    rp_doc_add_paragraph(doc, &s->u.section.children, RP_PARA_BODY, "Budget des SPFs.");
    struct rp_node *t = rp_doc_add_table(doc, &s->u.section.children, 1, "Effectifs");
    size_t row = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, row, 0, "12 ETP", NULL, 0);
    const char *words = rp_doc_words(doc);
    assert_true(rp_words_mention(words, "IPSS"));
    assert_true(rp_words_mention(words, "ONEM"));   /* after an apostrophe */
    assert_true(rp_words_mention(words, "ETP"));    /* in a table cell */
    assert_false(rp_words_mention(words, "SPF"));   /* only inside "SPFs" */
    assert_false(rp_words_mention(words, "IPS"));   /* only inside "IPSS" */
    assert_false(rp_words_mention(words, "CAPAC")); /* absent */
    assert_false(rp_words_mention(words, ""));
    rp_arena_free(arena);
}

static void test_many_rows_grow(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = rp_doc_new(arena);
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Big");
    char label[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(label, sizeof label, "Ligne %d", i);
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, label, NULL, 0);
    }
    assert_int_equal(t->u.table.row_count, 5000);
    assert_string_equal(t->u.table.rows[4321].cells[0].text, "Ligne 4321");
    rp_arena_free(arena);
}

struct visit_log {
    char kinds[256];
    int max_depth;
};

static int visit(const struct rp_node *node, int depth, void *ctx)
{
    struct visit_log *log = ctx;
    size_t n = strlen(log->kinds);
    if (n + 2 < sizeof log->kinds) {
        log->kinds[n] = rp_node_kind_name(node->kind)[0];
        log->kinds[n + 1] = '\0';
    }
    if (depth > log->max_depth)
        log->max_depth = depth;
    return 0;
}

static void test_walk_order(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = sample(arena);
    struct visit_log log = {"", 0};
    assert_int_equal(rp_doc_walk(doc, visit, &log), 0);
    /* toc, section, then its children: paragraph table chart list key-figures note break */
    assert_string_equal(log.kinds, "tsptclknp");
    assert_int_equal(log.max_depth, 1);
    rp_arena_free(arena);
}

static void test_text_backend(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = sample(arena);
    FILE *f = tmpfile();
    assert_non_null(f);
    rp_render_text(doc, f);
    long n = ftell(f);
    rewind(f);
    char *out = calloc(1, (size_t)n + 1);
    assert_int_equal(fread(out, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    assert_non_null(strstr(out, "document: Tableaux budgétaires 2022-2024\n"));
    assert_non_null(strstr(out, "  date: 22 février 2022\n"));
    assert_non_null(strstr(out, "section 1 2: Budget\n"));
    assert_non_null(strstr(out, "[le site](https://example.be)** maintenant**{{XX jours}}"));
    assert_non_null(strstr(out, "header: |  | CE <2> |"));
    assert_non_null(strstr(out, "total     | Totaux     | 135.003 [!= calculé : 132.981] |"));
    assert_non_null(strstr(out, "of-which  |   dont ICT |"));
    assert_non_null(strstr(out, "series CE: | 31.661 | - |"));
    assert_non_null(strstr(out, "2. deux\n"));
    assert_non_null(strstr(out, "87: Conseils des ministres\n"));
    free(out);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_and_roles), cmocka_unit_test(test_strings_are_copied),
        cmocka_unit_test(test_many_rows_grow),  cmocka_unit_test(test_walk_order),
        cmocka_unit_test(test_text_backend),    cmocka_unit_test(test_words_mention),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
