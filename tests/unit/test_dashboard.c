/* The evaluation dashboard against the previous year, built from small in-memory models:
 * key figures with their change, the table of status changes, the sentence on indicators
 * that moved, targets beside results, and the first year, which compares with nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compose/compose.h"
#include "default_templates.h"
#include "load/load.h"
#include "templates/templates.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0"
#define MINUS "\xe2\x88\x92"

/* Four indicators, one per norm kind; one strategic objective and one project. */
static const char PLAN[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2022-02-22' "
    "xml:lang='fr'><title>Contrat</title>"
    "<organisation id='o' kind='other'><name>Org</name></organisation>"
    "<strategic-objectives><strategic-objective id='so-1' number='1'><title>Servir</title>"
    "<operational-objective id='oo-1' number='1.1'><title>Accueil</title>"
    "<indicator id='i-single' number='1.1.1' unit='percent'><title>Taux</title>"
    "<norm kind='single'><threshold id='i-single-t' value='66.66'/><text>66,66 %</text></norm>"
    "</indicator>"
    "<indicator id='i-tiered' number='1.1.2' unit='percent'><title>E-mails</title>"
    "<norm kind='tiered'><threshold id='t5' value='80' within='5' within-unit='working-day'/>"
    "<threshold id='t1m' value='100' within='1' within-unit='month'/>"
    "<text>80 % en 5 jours, 100 % en un mois</text></norm></indicator>"
    "<indicator id='i-deliv' number='1.1.3' unit='deliverable'><title>Plan</title>"
    "<norm kind='deliverable'><text>Un plan</text></norm></indicator>"
    "<indicator id='i-undef' number='1.1.4' unit='day' direction='decrease'><title>Délai</title>"
    "<norm kind='undefined'><text>À définir</text></norm></indicator>"
    "<project id='pj-1'><title>Projet un</title></project>"
    "</operational-objective></strategic-objective></strategic-objectives>"
    "</plan>";

static const char EVAL_2022[] =
    "<evaluation id='e22' plan='p' year='2022' date='2023-03-31' sample='true' xml:lang='fr'>"
    "<indicator-result ref='i-single'><value>50</value></indicator-result>"
    "<indicator-result ref='i-undef'><value>6</value></indicator-result>"
    "<progress ref='so-1' status='late'/>"
    "</evaluation>";

static const char EVAL_2023[] =
    "<evaluation id='e23' plan='p' year='2023' date='2024-03-31' sample='true' xml:lang='fr'>"
    "<indicator-result ref='i-single'><value>66.66</value></indicator-result>"
    "<indicator-result ref='i-tiered'><value threshold='t5'>83</value>"
    "<value threshold='t1m'>97</value></indicator-result>"
    "<indicator-result ref='i-deliv'><value>1</value></indicator-result>"
    "<indicator-result ref='i-undef'><value>4.5</value></indicator-result>"
    "<progress ref='so-1' status='on-track'/>"
    "<progress ref='pj-1' status='done'/>"
    "</evaluation>";

struct fixture {
    struct rp_arena *arena;
    struct rp_diags diags;
    const struct rp_plan *plan;
    const struct rp_evaluation *evals[2];
};

static const void *load(struct fixture *f, const char *xml, size_t size)
{
    struct rp_file file;
    assert_int_equal(rp_load_memory(xml, size, "mem.xml", f->arena, &f->diags, &file), 0);
    return file.kind == RP_FILE_PLAN ? (const void *)file.plan : (const void *)file.evaluation;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->arena = rp_arena_new();
    rp_diags_init(&f->diags);
    f->plan = load(f, PLAN, sizeof PLAN - 1);
    f->evals[0] = load(f, EVAL_2022, sizeof EVAL_2022 - 1);
    f->evals[1] = load(f, EVAL_2023, sizeof EVAL_2023 - 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    rp_diags_free(&f->diags);
    rp_arena_free(f->arena);
    free(f);
    return 0;
}

/* ---------------------------------------------------------------- tree helpers */

static const char *joined(const struct rp_spans *s)
{
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; s && i < s->count; i++)
        strncat(out, s->items[i].text, sizeof out - strlen(out) - 1);
    return out;
}

static const char *node_text(const struct rp_node *n)
{
    return joined(n->kind == RP_NODE_TABLE         ? &n->u.table.caption
                  : n->kind == RP_NODE_PARAGRAPH   ? &n->u.paragraph.text
                  : n->kind == RP_NODE_KEY_FIGURES ? &n->u.figures.title
                                                   : NULL);
}

struct find {
    enum rp_node_kind kind;
    const char *start;
    const struct rp_node *found;
};

static int visit(const struct rp_node *n, int depth, void *ctx)
{
    (void)depth;
    struct find *f = ctx;
    if (!f->found && n->kind == f->kind && strncmp(node_text(n), f->start, strlen(f->start)) == 0)
        f->found = n;
    return 0;
}

/* The first node of `kind` whose caption, title or text starts with `start`. */
static const struct rp_node *find(const struct rp_doc *doc, enum rp_node_kind kind,
                                  const char *start)
{
    struct find f = {kind, start, NULL};
    rp_doc_walk(doc, visit, &f);
    return f.found;
}

static const struct rp_doc_cell *cell(const struct rp_node *t, size_t row, size_t col)
{
    assert_non_null(t);
    assert_true(row < t->u.table.row_count);
    assert_true(col < t->u.table.column_count);
    return &t->u.table.rows[row].cells[col];
}

static const char *text(const struct rp_node *t, size_t row, size_t col)
{
    const char *s = cell(t, row, col)->text;
    return s ? s : "";
}

static struct rp_doc *build(struct fixture *f, size_t from, const char *lang, struct rp_arena *a)
{
    struct rp_doc *doc = rp_build_evaluation(f->plan, f->evals + from, 2 - from, lang,
                                             RP_EDITION_PUBLICATION, default_templates(), a);
    assert_non_null(doc);
    return doc;
}

/* ---------------------------------------------------------------- tests */

static void test_key_figures_against_the_previous_year(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = build(f, 0, "fr", a);
    const struct rp_node *box = find(doc, RP_NODE_KEY_FIGURES, "L’année 2023 en bref");
    assert_non_null(box);
    /* Met or delivered: 2 in 2023 (single, deliverable), 0 in 2022. */
    assert_string_equal(box->u.figures.items[0].value, "2");
    assert_string_equal(joined(&box->u.figures.items[0].label),
                        "indicateurs sur 4 ont atteint leur norme ou sont réalisés");
    assert_string_equal(joined(&box->u.figures.items[0].comment), "2 de plus qu’en 2022");
    /* One strategic objective on track, late in 2022: singular label, one more. */
    assert_string_equal(box->u.figures.items[1].value, "1");
    assert_string_equal(joined(&box->u.figures.items[1].label),
                        "objectif stratégique sur 1 avance dans les temps ou est terminé");
    assert_string_equal(joined(&box->u.figures.items[1].comment), "1 de plus qu’en 2022");
    assert_non_null(find(doc, RP_NODE_PARAGRAPH,
                         "Les évolutions sont calculées par rapport à l’évaluation de 2022."));
    rp_arena_free(a);
}

static void test_status_changes_table(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = build(f, 0, "fr", a);
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Ce qui a changé depuis 2022");
    assert_non_null(t);
    assert_string_equal(t->u.table.header[0].cells[1].text, "2022");
    assert_string_equal(t->u.table.header[0].cells[2].text, "2023");
    /* Indicators: 2022 not met 1, not measured 2 (tiered, deliverable), undefined 1; 2023
     * met, partial, delivered, undefined, 1 each. Statuses counted in neither year have no
     * row. */
    static const char *const rows[][4] = {
        {"Indicateurs", "", "", ""},
        {"\xe2\x97\x8f Atteint", "0", "1", "+1"},
        {"\xe2\x97\x8f\xe2\x97\x8b Partiellement atteint", "0", "1", "+1"},
        {"\xe2\x96\xbc Non atteint", "1", "0", MINUS "1"},
        {"\xe2\x96\xa0 Réalisé", "0", "1", "+1"},
        {"\xe2\x80\x93 Non mesuré", "2", "0", MINUS "2"},
        {"\xe2\x97\x8a Norme à définir", "1", "1", "inchangé"},
        {"Objectifs stratégiques", "", "", ""},
        {"Dans les temps", "0", "1", "+1"},
        {"En retard", "1", "0", MINUS "1"},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
        for (size_t c = 0; c < 4; c++)
            if (strcmp(text(t, r, c), rows[r][c]) != 0)
                fail_msg("row %zu col %zu: '%s', expected '%s'", r, c, text(t, r, c), rows[r][c]);
    /* Single: 50 -> 66.66, up as it aims; the undefined norm's 6 -> 4.5 days, down as its
     * `decrease` aims. The others have no 2022 value: not counted. */
    assert_non_null(
        find(doc, RP_NODE_PARAGRAPH, "2 indicateurs ont progressé dans le sens visé depuis 2022."));
    rp_arena_free(a);
}

static void test_targets_beside_results(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = build(f, 0, "fr", a);
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Les indicateurs face à leur cible");
    assert_non_null(t);
    /* Indicator, target, 2023, change since 2022, status; the undefined norm has no row. */
    assert_int_equal(t->u.table.column_count, 5);
    assert_int_equal(t->u.table.row_count, 3);
    assert_string_equal(text(t, 0, 0), "1.1.1" NBSP "Taux");
    assert_string_equal(text(t, 0, 1), "\xe2\x89\xa5" NBSP "66,66" NBSP "%");
    assert_string_equal(text(t, 0, 2), "66,66" NBSP "%");
    assert_string_equal(text(t, 0, 3), "en progrès");
    assert_string_equal(cell(t, 0, 3)->detail, "2022" NBSP ": 50" NBSP "%");
    assert_string_equal(text(t, 0, 4), "\xe2\x97\x8f Atteint");
    /* Tiered: every threshold, the delays under the title; not measured in 2022. */
    assert_string_equal(text(t, 1, 1),
                        "\xe2\x89\xa5" NBSP "80" NBSP "% / \xe2\x89\xa5" NBSP "100" NBSP "%");
    assert_string_equal(cell(t, 1, 0)->detail,
                        "délais de la norme" NBSP ": 5 jours ouvrables / 1 mois");
    assert_string_equal(text(t, 1, 2), "83" NBSP "% / 97" NBSP "%");
    assert_string_equal(text(t, 1, 3), "-");
    assert_null(cell(t, 1, 3)->detail);
    assert_string_equal(text(t, 2, 1), "à livrer");
    assert_string_equal(text(t, 2, 2), "Oui");
    assert_string_equal(text(t, 2, 4), "\xe2\x96\xa0 Réalisé");
    rp_arena_free(a);
}

/* The first evaluated year: said plainly, and no number of another year. */
static void test_first_year_compares_with_nothing(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = build(f, 1, "fr", a);
    const struct rp_node *box = find(doc, RP_NODE_KEY_FIGURES, "L’année 2023 en bref");
    assert_non_null(box);
    for (size_t i = 0; i < box->u.figures.count; i++)
        assert_int_equal(box->u.figures.items[i].comment.count, 0);
    assert_non_null(
        find(doc, RP_NODE_PARAGRAPH, "Aucune évaluation d’une année antérieure n’est disponible"));
    assert_null(find(doc, RP_NODE_TABLE, "Ce qui a changé"));
    assert_null(find(doc, RP_NODE_PARAGRAPH, "Les évolutions"));
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Les indicateurs face à leur cible");
    assert_int_equal(t->u.table.column_count, 4); /* no change column */
    rp_arena_free(a);
}

static void test_dutch_wording(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = build(f, 0, "nl", a);
    const struct rp_node *box = find(doc, RP_NODE_KEY_FIGURES, "Het jaar 2023 in het kort");
    assert_non_null(box);
    assert_string_equal(joined(&box->u.figures.items[0].label),
                        "van de 4 indicatoren hebben hun norm gehaald of zijn gerealiseerd");
    assert_string_equal(joined(&box->u.figures.items[0].comment), "2 meer dan in 2022");
    assert_string_equal(joined(&box->u.figures.items[1].label),
                        "van de 1 strategische doelstellingen ligt op schema of is afgerond");
    assert_non_null(find(doc, RP_NODE_TABLE, "Wat er sinds 2022 veranderd is"));
    assert_non_null(find(doc, RP_NODE_PARAGRAPH,
                         "Sinds 2022 zijn 2 indicatoren in de gewenste richting geëvolueerd."));
    rp_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_figures_against_the_previous_year),
        cmocka_unit_test(test_status_changes_table),
        cmocka_unit_test(test_targets_beside_results),
        cmocka_unit_test(test_first_year_compares_with_nothing),
        cmocka_unit_test(test_dutch_wording),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
