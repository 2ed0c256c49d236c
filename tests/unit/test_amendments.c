/* Amendments and the consolidated text: the loader keeps out of the model every text an
 * amendment removed or replaced (paragraphs, list items, single-valued variants, table notes,
 * messages with their kinds), keeps the trace of every marked text, the checks pair
 * replacements and name unknown amendments, the translation units leave removed texts out,
 * and the amendments' counts are per text, not per language variant. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "check/check.h"
#include "compose/amendments.h"
#include "load/load.h"
#include "load/texts.h"
#include "util/arena.h"

#include <string.h>

static const char PLAN[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2022' "
    "xml:lang='fr'>\n"
    "  <title>Contrat</title>\n"
    "  <organisation id='o' kind='federal-public-service'><name>O</name></organisation>\n"
    "  <amendment id='av-1' signed='2023-06-15' effective='2023-07-01'>"
    "<title>Avenant 1</title><title xml:lang='nl'>Addendum 1</title></amendment>\n"
    "  <strategic-objectives><strategic-objective id='so-1'>"
    "<title amended-by='av-1' change='replaced'>Ancien titre</title>"
    "<title amended-by='av-1' change='replacement'>Nouveau titre</title>"
    "<title xml:lang='nl'>Titel</title>"
    "</strategic-objective></strategic-objectives>\n"
    "  <tables><table id='t' kind='budget' unit='EUR'><caption>B</caption>"
    "<column id='c1' year='2022'><label>2022</label></column>"
    "<row id='r1'><label>L</label><values>1</values></row>"
    "<note amended-by='av-1' change='removed'>Note retirée</note><note>Note</note>"
    "</table></tables>\n"
    "  <communication-plan><action id='a-1'>"
    "<message kind='main' amended-by='av-1' change='removed'>Retiré</message>"
    "<message kind='secondary'>Second</message></action></communication-plan>\n"
    "  <section id='s'><title>S</title>"
    "<p amended-by='av-1' change='removed'>Paragraphe retiré</p>"
    "<p xml:lang='nl' amended-by='av-1' change='removed'>Geschrapte alinea</p>"
    "<p>Gardé</p><p amended-by='av-1' change='inserted'>Inséré</p>"
    "<list><item>Un</item><item amended-by='av-1' change='removed'>Deux</item></list>"
    "<list><item xml:lang='nl' amended-by='av-1' change='removed'>Twee</item></list>"
    "</section>\n"
    "</plan>\n";

static void test_consolidated(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(PLAN, sizeof PLAN - 1, "mem.xml", a, &d, &f), 0);
    const struct rp_plan *p = f.plan;
    /* A replaced title is gone; its replacement is the one variant in French. */
    const struct rp_texts *title = &p->objectives[0].title;
    assert_int_equal(title->count, 2);
    assert_string_equal(title->items[0].plain, "Nouveau titre");
    assert_string_equal(title->items[0].amendment, "av-1");
    assert_int_equal(title->items[0].change, RP_CHANGE_REPLACEMENT);
    assert_null(title->items[1].amendment);
    /* A removed note, and a removed message with its kind. */
    assert_int_equal(p->tables[0].note_count, 1);
    assert_string_equal(p->tables[0].notes[0].text.plain, "Note");
    const struct rp_comm_action *act = &p->communication.actions[0];
    assert_int_equal(act->messages.count, 1);
    assert_int_equal(act->message_kinds[0], RP_MESSAGE_SECONDARY);
    /* Blocks: the kept paragraph, the inserted one, one list of one item; a list whose
     * items were all removed keeps its place, empty. */
    const struct rp_section *s = &p->sections[0];
    assert_int_equal(s->block_count, 4);
    assert_string_equal(s->blocks[0].paragraph.plain, "Gardé");
    assert_int_equal(s->blocks[1].paragraph.change, RP_CHANGE_INSERTED);
    assert_int_equal(s->blocks[2].list_items.count, 1);
    assert_string_equal(s->blocks[2].list_items.items[0].plain, "Un");
    assert_int_equal(s->blocks[3].list_items.count, 0);
    /* The trace keeps every marked text, shown or not. */
    assert_int_equal(p->change_count, 9);
    assert_string_equal(p->changes[0].plain, "Ancien titre");
    assert_int_equal(p->changes[0].change, RP_CHANGE_REPLACED);
    assert_string_equal(p->changes[0].element, "title");
    assert_int_equal(p->changes[0].group, p->changes[1].group);
    assert_string_equal(p->changes[5].lang, "nl");
    size_t counts[RP_CHANGE__MAX];
    rp_amendment_counts(p, &p->amendments[0], counts);
    assert_int_equal(counts[RP_CHANGE_INSERTED], 1);
    assert_int_equal(counts[RP_CHANGE_REPLACED], 1);
    assert_int_equal(counts[RP_CHANGE_REPLACEMENT], 1);
    assert_int_equal(counts[RP_CHANGE_REMOVED], 4); /* note, message, paragraph, item */
    rp_check_plan(p, a, &d);
    assert_int_equal(d.count, 0);
    rp_diags_free(&d);
    rp_arena_free(a);
}

static size_t check_count(const char *xml, const char *needle)
{
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(xml, strlen(xml), "mem.xml", a, &d, &f), 0);
    rp_check_plan(f.plan, a, &d);
    size_t n = 0;
    for (size_t i = 0; i < d.count; i++)
        n += strstr(d.items[i].message, needle) != NULL;
    rp_diags_free(&d);
    rp_arena_free(a);
    return n;
}

#define HEAD                                                                                       \
    "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>"        \
    "<title>P</title>"                                                                             \
    "<organisation id='o' kind='federal-public-service'><name>O</name></organisation>"

static void test_checks(void **state)
{
    (void)state;
    /* A replacement in another language does not pair with a replaced French text. */
    assert_int_equal(check_count(HEAD
                                 "<amendment id='av' signed='2023'><title>A</title></amendment>"
                                 "<section id='s'><title>S</title>"
                                 "<p amended-by='av' change='replaced'>X</p>"
                                 "<p amended-by='av' change='replacement' xml:lang='nl'>Y</p>"
                                 "</section></plan>",
                                 "has no replacement"),
                     1);
    assert_int_equal(check_count(HEAD
                                 "<section id='s'><title>S</title>"
                                 "<p amended-by='nope' change='inserted'>X</p></section></plan>",
                                 "amendment 'nope' is not defined"),
                     1);
    /* Year precision: signed in May 2023, effective in 2023 is no contradiction. */
    assert_int_equal(check_count(HEAD "<amendment id='av' signed='2023-05' effective='2023'>"
                                      "<title>A</title></amendment></plan>",
                                 "retroactive"),
                     0);
    assert_int_equal(check_count(HEAD "<amendment id='av' signed='2023-05-02' "
                                      "effective='2023-05-01'><title>A</title></amendment></plan>",
                                 "retroactive"),
                     1);
    assert_int_equal(check_count(HEAD "<amendment id='av' signed='2025-01-10'>"
                                      "<title>A</title></amendment></plan>",
                                 "outside the plan period 2022-2024"),
                     1);
}

/* A removed or replaced text is no unit to translate; the texts after it keep their keys. */
static void test_translation_units(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_text_file f;
    assert_int_equal(rp_text_file_read_memory(PLAN, sizeof PLAN - 1, "m.xml", "nl", a, &d, &f), 0);
    for (size_t i = 0; i < f.count; i++) {
        assert_string_not_equal(f.units[i].plain, "Paragraphe retiré");
        assert_string_not_equal(f.units[i].plain, "Ancien titre");
        assert_string_not_equal(f.units[i].plain, "Deux");
    }
    const struct rp_text_unit *u = rp_text_file_unit(&f, "s/p[2]");
    assert_non_null(u);
    assert_string_equal(u->plain, "Gardé");
    assert_non_null(rp_text_file_unit(&f, "so-1/title[2]"));
    assert_null(rp_text_file_unit(&f, "so-1/title[1]"));
    rp_diags_free(&d);
    rp_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_consolidated),
        cmocka_unit_test(test_checks),
        cmocka_unit_test(test_translation_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
