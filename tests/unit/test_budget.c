/* The budget-tables builder: labels, flagged totals, changes, charts, language fallback;
 * rows as a tree under the names of their dimensions, a unit per column, year rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/compose.h"
#include "templates/templates.h"
#include "load/load.h"
#include "util/arena.h"
#include "default_templates.h"
#include "plan_fixture.h"
#include "util/diag.h"

static const char PLAN[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2023\" date=\"2022-02-22\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan de test</title>\n"
    "  <organisation id=\"org\" kind=\"other\"><name>Organisation de test</name>"
    "<name xml:lang=\"nl\">Testorganisatie</name></organisation>\n"
    "  <tables>\n"
    "    <table id=\"t-budget\" kind=\"budget\" unit=\"EUR\" scale=\"1000\">\n"
    "      <caption>Fonctionnement</caption>\n"
    "      <column id=\"c22\" year=\"2022\" credit=\"CE\"><label>2022</label></column>\n"
    "      <column id=\"c23\" year=\"2023\" credit=\"CE\"><label>2023</label></column>\n"
    "      <row id=\"r1\"><label>Personnel</label><values>100 110</values></row>\n"
    "      <row id=\"r1a\" kind=\"of-which\"><label>dont ICT</label><values>- -</values></row>\n"
    "      <row id=\"r2\" mark=\"*\"><label>IPC</label><values>50 -</values></row>\n"
    "      <row id=\"r3\"><label>Réseau</label><values>25 25</values></row>\n"
    "      <row id=\"tot\" kind=\"total\"><label>Totaux</label><values>2197 135</values></row>\n"
    "      <note mark=\"*\">Budget séparé</note>\n"
    "    </table>\n"
    "    <table id=\"t-staff\" kind=\"staffing\" unit=\"FTE\" tolerance=\"0.01\" decimals=\"2\">\n"
    "      <caption>Personnel</caption>\n"
    "      <column-group id=\"g22\" columns=\"s22 t22\"><label>2022</label></column-group>\n"
    "      <column-group id=\"g23\" columns=\"s23 t23\"><label>2023</label></column-group>\n"
    "      <column id=\"s22\" year=\"2022\"><label>S</label></column>\n"
    "      <column id=\"t22\" year=\"2022\" sums=\"s22\"><label>Total</label></column>\n"
    "      <column id=\"s23\" year=\"2023\"><label>S</label></column>\n"
    "      <column id=\"t23\" year=\"2023\" sums=\"s23\"><label>Total</label></column>\n"
    "      <row id=\"a\"><label>A</label><values>1.5 1.5 2 2</values></row>\n"
    "      <row id=\"b\"><label>B</label><values>3 3.01 4 5</values></row>\n"
    "    </table>\n"
    "  </tables>\n"
    "</plan>\n";

static int setup(void **state)
{
    struct plan_fixture *fx = calloc(1, sizeof *fx);
    *state = fx;
    return plan_fixture_load(fx, PLAN, "test.xml");
}

static int teardown(void **state)
{
    struct plan_fixture *fx = *state;
    plan_fixture_free(fx);
    free(fx);
    return 0;
}

/* The node at `path` of section indices below the body (the TOC is body item 0). */
static const struct rp_node *section(const struct rp_doc *doc, size_t chapter, size_t sub)
{
    const struct rp_node *n = doc->body.items[chapter];
    return n->u.section.children.items[sub];
}

static const struct rp_node *find_kind(const struct rp_nodes *nodes, enum rp_node_kind kind,
                                       size_t skip)
{
    for (size_t i = 0; i < nodes->count; i++)
        if (nodes->items[i]->kind == kind && skip-- == 0)
            return nodes->items[i];
    return NULL;
}

static void test_labels_complete(void **state)
{
    (void)state;
    /* Completeness of every catalogue is checked at load time (test_templates); here the
     * budget document's words are read from the one key space. */
    assert_string_equal(rp_label(default_templates(), RP_LANG_NL, "doc.title"), "Begrotingstabellen");
    assert_string_equal(rp_label(default_templates(), RP_LANG_FR, "no.such.key"), "no.such.key");
    struct rp_arena *a = rp_arena_new();
    assert_string_equal(rp_label_fill(default_templates(), a, RP_LANG_FR, "table.caption", "3", "k€", NULL),
                        "Tableau 3 – k€");
    rp_arena_free(a);
}

static void test_document_frame(void **state)
{
    struct plan_fixture *fx = *state;
    struct rp_doc *doc = rp_build_budget(fx->file.plan, "nl", RP_EDITION_REVIEW, default_templates(), fx->arena);
    assert_non_null(doc);
    assert_string_equal(doc->title, "Begrotingstabellen 2022-2023");
    assert_string_equal(doc->organisation, "Testorganisatie");
    assert_string_equal(doc->lang, "nl");
    assert_int_equal(doc->year, 2022);
    assert_int_equal(doc->body.items[0]->kind, RP_NODE_TOC);
    assert_int_equal(doc->body.count, 4); /* contents, about, budget, staffing */
    assert_null(rp_build_budget(NULL, "fr", RP_EDITION_REVIEW, default_templates(), fx->arena));
}

static void test_wrong_total_is_flagged(void **state)
{
    struct plan_fixture *fx = *state;
    struct rp_doc *doc = rp_build_budget(fx->file.plan, "fr", RP_EDITION_REVIEW, default_templates(), fx->arena);
    const struct rp_node *sec = section(doc, 2, 0);
    const struct rp_node *tn = find_kind(&sec->u.section.children, RP_NODE_TABLE, 0);
    assert_non_null(tn);
    const struct rp_doc_table *t = &tn->u.table;
    assert_string_equal(rp_spans_join(doc, &t->caption),
                        "Tableau 1 – montants en milliers d’euros (k€), crédits d’engagement (CE)");
    assert_int_equal(t->column_count, 4); /* label, 2022, 2023, one change */
    assert_int_equal(t->row_count, 5);
    const struct rp_doc_row *total = &t->rows[4];
    assert_int_equal(total->kind, RP_DOC_ROW_TOTAL);
    /* 2022: 100 + 50 + 25 = 175, not 2.197 (the of-which row is not added). */
    assert_string_equal(total->cells[1].text, "2.197");
    assert_int_equal(total->cells[1].flags, RP_CELL_DIFFERS);
    assert_string_equal(total->cells[1].detail, "calculé\xc2\xa0: 175");
    /* 2023: 110 + 25 (nil skipped, not 0) = 135: as stated. */
    assert_int_equal(total->cells[2].flags, 0);
    assert_null(total->cells[2].detail);
    assert_int_equal(t->rows[1].kind, RP_DOC_ROW_OF_WHICH);
    assert_string_equal(t->rows[1].cells[1].text, "-");
    assert_string_equal(t->rows[2].cells[0].text, "IPC*");
    assert_string_equal(t->rows[0].cells[3].text, "+10,0\xc2\xa0%");
    assert_string_equal(t->rows[2].cells[3].text, "-"); /* nil in 2023 */
    /* Said in words under the table. */
    const struct rp_node *remark = find_kind(&sec->u.section.children, RP_NODE_PARAGRAPH, 0);
    assert_non_null(remark);
    assert_int_equal(remark->u.paragraph.style, RP_PARA_REMARK);
    assert_non_null(strstr(rp_spans_join(doc, &remark->u.paragraph.text),
                           "2022\xc2\xa0: indiqué\xc2\xa0"
                           "2.197, calculé\xc2\xa0"
                           "175"));
    assert_string_equal(t->notes[0].mark, "*");
    /* Charts: a distribution of three lines and an evolution over two years. */
    const struct rp_node *donut = find_kind(&sec->u.section.children, RP_NODE_CHART, 0);
    assert_int_equal(donut->u.chart.kind, RP_CHART_DONUT);
    assert_int_equal(donut->u.chart.category_count, 3);
    assert_string_equal(donut->u.chart.categories[0], "Personnel");
    const struct rp_node *bars = find_kind(&sec->u.section.children, RP_NODE_CHART, 1);
    assert_int_equal(bars->u.chart.kind, RP_CHART_BAR_STACKED);
    assert_int_equal(bars->u.chart.category_count, 2);
}

static void test_staffing_columns(void **state)
{
    struct plan_fixture *fx = *state;
    struct rp_doc *doc = rp_build_budget(fx->file.plan, "nl", RP_EDITION_REVIEW, default_templates(), fx->arena);
    const struct rp_node *sec = section(doc, 3, 0);
    const struct rp_doc_table *t = &find_kind(&sec->u.section.children, RP_NODE_TABLE, 0)->u.table;
    assert_int_equal(t->header_count, 2);
    assert_string_equal(t->header[0].cells[1].text, "2022");
    assert_int_equal(t->header[0].cells[1].span, 2);
    assert_string_equal(t->header[1].cells[2].text, "Total");
    /* B 2022: 3,01 for S = 3 is within the tolerance; B 2023: 5 for S = 4 is not. */
    assert_int_equal(t->rows[1].cells[2].flags, 0);
    assert_int_equal(t->rows[1].cells[4].flags, RP_CELL_DIFFERS);
    assert_string_equal(t->rows[1].cells[4].detail, "berekend: 4,00");
    /* Several columns a year: the changes are a table of their own, for the totals. */
    const struct rp_doc_table *e = &find_kind(&sec->u.section.children, RP_NODE_TABLE, 1)->u.table;
    assert_int_equal(e->column_count, 2);
    assert_string_equal(e->header[0].cells[1].text, "Total");
    assert_string_equal(e->rows[0].cells[1].text, "+33,3%");
    /* French captions shown in the Dutch edition are announced. */
    const struct rp_node *about = doc->body.items[1];
    bool announced = false;
    for (size_t i = 0; i < about->u.section.children.count; i++) {
        const struct rp_node *n = about->u.section.children.items[i];
        if (n->kind == RP_NODE_PARAGRAPH &&
            strstr(rp_spans_join(doc, &n->u.paragraph.text), "in het Frans"))
            announced = true;
    }
    assert_true(announced);
}

static const char TREE_PLAN[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2023\" date=\"2022-02-22\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan de test</title>\n"
    "  <organisation id=\"org\" kind=\"other\"><name>Organisation de test</name></organisation>\n"
    "  <tables>\n"
    "    <table id=\"t-eff\" kind=\"staffing\" unit=\"count\">\n"
    "      <caption>Effectifs</caption>\n"
    "      <row-dimension id=\"d-niv\"><label>Niveau</label></row-dimension>\n"
    "      <row-dimension id=\"d-sexe\"><label>Sexe</label></row-dimension>\n"
    "      <column id=\"n\"><label>Effectif</label></column>\n"
    "      <column id=\"etp\" unit=\"FTE\"><label>Temps plein</label></column>\n"
    "      <column id=\"part\" unit=\"percent\"><label>Part</label></column>\n"
    "      <row id=\"a\" kind=\"subtotal\" dimension=\"d-niv\"><label>Niveau A</label>"
    "<values>10 9.5 40</values></row>\n"
    "      <row id=\"a-f\" dimension=\"d-sexe\"><label>femmes</label>"
    "<values>6 5.5 24</values></row>\n"
    "      <row id=\"a-f-dont\" kind=\"of-which\"><label>dont stagiaires</label>"
    "<values>1 1 4</values></row>\n"
    "      <row id=\"a-h\" dimension=\"d-sexe\"><label>hommes</label>"
    "<values>4 4 16</values></row>\n"
    "      <row id=\"tot\" kind=\"total\"><label>Total</label><values>10 9.5 100</values></row>\n"
    "    </table>\n"
    "    <table id=\"t-ans\" kind=\"staffing\" unit=\"FTE\" decimals=\"1\">\n"
    "      <caption>Par année</caption>\n"
    "      <column id=\"s\"><label>S</label></column>\n"
    "      <row id=\"y22\" year=\"2022\"><values>1.5</values></row>\n"
    "      <row id=\"y23\" year=\"2023\"><values>2</values></row>\n"
    "    </table>\n"
    "  </tables>\n"
    "</plan>\n";

static void test_tree_units_and_years(void **state)
{
    (void)state;
    struct plan_fixture fx;
    assert_int_equal(plan_fixture_load(&fx, TREE_PLAN, "tree.xml"), 0);
    struct rp_doc *doc = rp_build_budget(fx.file.plan, "fr", RP_EDITION_REVIEW,
                                         default_templates(), fx.arena);
    const struct rp_node *sec = section(doc, 2, 0);
    const struct rp_doc_table *t = &find_kind(&sec->u.section.children, RP_NODE_TABLE, 0)->u.table;
    /* The dimensions head the label column; each row is indented as deep as its own. */
    assert_string_equal(t->header[t->header_count - 1].cells[0].text, "Niveau / Sexe");
    assert_string_equal(t->header[t->header_count - 1].cells[2].text, "Temps plein (ETP)");
    static const unsigned level[] = {0, 1, 1, 1, 0};
    for (size_t r = 0; r < 5; r++)
        assert_int_equal(t->rows[r].level, level[r]);
    assert_int_equal(t->rows[2].kind, RP_DOC_ROW_OF_WHICH);
    /* Each column in its unit: heads whole, FTE to the hundredth, a percentage signed. */
    assert_string_equal(t->rows[1].cells[1].text, "6");
    assert_string_equal(t->rows[1].cells[2].text, "5,50");
    assert_string_equal(t->rows[1].cells[3].text, "24,0\xc2\xa0%");
    /* The subtotal adds its children, the total the leaves; the shares are not added. */
    for (size_t r = 0; r < 5; r++)
        for (size_t c = 1; c < 4; c++)
            assert_int_equal(t->rows[r].cells[c].flags, 0);
    /* Year rows are labelled by their year, under "Année". */
    sec = section(doc, 2, 1);
    t = &find_kind(&sec->u.section.children, RP_NODE_TABLE, 0)->u.table;
    assert_string_equal(t->header[t->header_count - 1].cells[0].text, "Année");
    assert_string_equal(t->rows[0].cells[0].text, "2022");
    assert_string_equal(t->rows[1].cells[1].text, "2,0");
    plan_fixture_free(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_complete),
        cmocka_unit_test_setup_teardown(test_document_frame, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_total_is_flagged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_staffing_columns, setup, teardown),
        cmocka_unit_test(test_tree_units_and_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
