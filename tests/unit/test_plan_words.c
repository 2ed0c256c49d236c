/* The words a plan defines for itself, as documents show them: footnotes (a superscript
 * number where the mark is, the note at the end of the enclosing section, numbered through
 * the document), the glossary annex (sorted by term, its columns) and the names of units. */
/* cmocka.h needs these before it. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "compose/report.h"
#include "default_templates.h"
#include "load/load.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

static const char PLAN[] =
    "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>\n"
    "  <title>Plan</title>\n"
    "  <organisation id='o' kind='other'><name>O</name></organisation>\n"
    "  <units><unit id='m2-fte'><name>m²/ETP</name><name xml:lang='nl'>m²/VTE</name></unit>"
    "</units>\n"
    "  <glossary>\n"
    "    <entry id='g-onem'><term>ONEM</term><term xml:lang='nl'>RVA</term>"
    "<definition>l'Office national de l'Emploi</definition></entry>\n"
    "    <entry id='g-etat'><term>État fédéral</term><definition>l'autorité</definition></entry>\n"
    "    <entry id='g-ipss'><term>IPSS</term><expansion>Institutions publiques</expansion>"
    "<definition>les organismes</definition></entry>\n"
    "  </glossary>\n"
    "  <section id='s-1'><title>Un</title>\n"
    "    <p>Avant<footnote>Première note.</footnote> la sous-section.</p>\n"
    "    <section id='s-1-1'><title>Deux</title><p>Dedans<footnote>Deuxième "
    "<em>note</em>.</footnote>.</p></section>\n"
    "    <p>Après<footnote>Troisième note.</footnote>.</p>\n"
    "  </section>\n"
    "</plan>\n";

struct fixture {
    struct rp_arena *arena;
    struct rp_file file;
    struct rp_report r;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->arena = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    assert_int_equal(rp_load_memory(PLAN, sizeof PLAN - 1, "mem.xml", f->arena, &d, &f->file), 0);
    rp_diags_free(&d);
    rp_report_init(&f->r, default_templates(), f->arena, "fr", RP_EDITION_PUBLICATION, "fr");
    f->r.plan = f->file.plan;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    rp_arena_free(f->arena);
    free(f);
    return 0;
}

static const char *span_text(const struct rp_spans *s, size_t i)
{
    assert_true(i < s->count);
    return s->items[i].text;
}

static void test_footnotes(void **state)
{
    struct fixture *f = *state;
    const struct rp_plan *p = f->file.plan;
    rp_report_narrative(&f->r, &f->r.doc->body, 1, p->sections, p->section_count);
    const struct rp_nodes *one = &f->r.doc->body.items[0]->u.section.children;
    /* Avant¹ la sous-section. / [Deux: Dedans² / note 2] / Après³. / note 1 / note 3 */
    assert_int_equal(one->count, 5);
    const struct rp_spans *avant = &one->items[0]->u.paragraph.text;
    assert_string_equal(span_text(avant, 0), "Avant");
    assert_string_equal(span_text(avant, 1), "1");
    assert_int_equal(avant->items[1].style, RP_SPAN_SUP);
    assert_string_equal(span_text(avant, 2), " la sous-section.");
    const struct rp_nodes *two = &one->items[1]->u.section.children;
    assert_int_equal(two->count, 2);
    assert_int_equal(two->items[1]->kind, RP_NODE_NOTE);
    assert_string_equal(two->items[1]->u.note.mark, "2");
    assert_string_equal(span_text(&two->items[1]->u.note.text, 1), "note");
    assert_int_equal(two->items[1]->u.note.text.items[1].style, RP_SPAN_EM);
    assert_int_equal(one->items[3]->kind, RP_NODE_NOTE);
    assert_string_equal(one->items[3]->u.note.mark, "1");
    assert_string_equal(span_text(&one->items[3]->u.note.text, 0), "Première note.");
    assert_string_equal(one->items[4]->u.note.mark, "3");
    assert_int_equal(f->r.footnote_count, 0);
}

static void test_glossary(void **state)
{
    struct fixture *f = *state;
    rp_report_glossary(&f->r, &f->r.doc->body, 2);
    const struct rp_node *sec = f->r.doc->body.items[0];
    assert_int_equal(sec->u.section.level, 2);
    assert_string_equal(span_text(&sec->u.section.title, 0), "Abréviations et définitions");
    const struct rp_doc_table *t = &sec->u.section.children.items[0]->u.table;
    assert_int_equal(t->column_count, 3);
    assert_string_equal(t->header[0].cells[1].text, "Signification");
    assert_int_equal(t->row_count, 3);
    /* État sorts as "etat", before IPSS and ONEM. */
    assert_string_equal(t->rows[0].cells[0].text, "État fédéral");
    assert_string_equal(t->rows[1].cells[0].text, "IPSS");
    assert_string_equal(t->rows[1].cells[1].text, "Institutions publiques");
    assert_string_equal(t->rows[2].cells[2].text, "l'Office national de l'Emploi");
    assert_int_equal(f->r.doc->coverage.fallback, 0);
}

static void test_unit_words(void **state)
{
    struct fixture *f = *state;
    const char *lang = "x";
    assert_string_equal(rp_report_unit_word_in(&f->r, "working-day", &lang), "jours ouvrables");
    assert_null(lang);
    assert_string_equal(rp_report_unit_word_in(&f->r, "m2-fte", &lang), "m²/ETP");
    assert_null(lang);
    assert_string_equal(rp_report_unit_word_in(&f->r, "m3", NULL), "m3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_footnotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_glossary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_words, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
