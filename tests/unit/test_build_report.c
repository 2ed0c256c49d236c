/* The evaluation report and the communication summary built from small in-memory models:
 * chapters, status cells, history columns, the sample flag, language fallback, Dutch
 * labels, placeholders, stand-alone reports, and the label catalogue itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compose/compose.h"
#include "templates/templates.h"
#include "load/load.h"
#include "util/arena.h"
#include "default_templates.h"

#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0"

static const char PLAN[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2022-02-22' "
    "xml:lang='fr'><title>Contrat</title><title xml:lang='nl'>Overeenkomst</title>"
    "<organisation id='o' kind='other'><name>Org</name><name xml:lang='nl'>Org NL</name>"
    "<unit id='u-bp' kind='service'><name>Bureaux de paiement</name><abbr>BP</abbr></unit>"
    "</organisation>"
    "<risks><risk id='r1' code='1.1' rank='1'><title>Budget</title></risk></risks>"
    "<strategic-objectives><strategic-objective id='so-1' number='1' owners='u-bp'>"
    "<title>Servir</title><title xml:lang='nl'>Dienen</title>"
    "<operational-objective id='oo-1' number='1.1'><title>Accueil</title>"
    "<indicator id='i-single' number='1.1.1' unit='percent'><title>Taux</title>"
    "<definition>Taux dans les <placeholder>XX</placeholder> jours</definition>"
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
    "<project id='pj-1' due='2025-12-31'><title>Projet un</title></project>"
    "</operational-objective></strategic-objective></strategic-objectives>"
    "<projects><project id='pj-free' owners='u-bp'><title>Projet libre</title></project>"
    "</projects>"
    "<tables><table id='t' kind='budget' unit='EUR' scale='1000'><caption>Budget</caption>"
    "<column id='c23' year='2023' credit='CL'><label>2023</label></column>"
    "<row id='r-a'><label>Personnel</label><values>100</values></row>"
    "<row id='r-b'><label>Fonctionnement</label><values>50</values></row>"
    "<row id='r-t' kind='total'><label>Total</label><values>150</values></row>"
    "</table></tables>"
    "<communication-plan><communication-objective id='co-1'><name>Informer</name>"
    "</communication-objective><communication-objective id='co-2'><name>Impliquer</name>"
    "</communication-objective>"
    "<action id='ca-1'><objective ref='co-1'/><target-group>Personnel</target-group>"
    "<message kind='main'>Le plan est signé</message><channel>Intranet</channel>"
    "<timing date='2022-03-15'>15 mars</timing></action>"
    "<action id='ca-2'><objective ref='co-1'/><objective ref='co-2'/>"
    "<target-group>Cadres</target-group><target-group>Personnel</target-group>"
    "<message>Voici le plan</message><channel>E-mail</channel>"
    "<timing><placeholder>**-**-****</placeholder></timing></action>"
    "<action id='ca-3'><objective ref='co-2'/><target-group>Cadres</target-group>"
    "<message>Réunion</message><channel>Intranet</channel><timing>Après signature</timing>"
    "</action></communication-plan>"
    "</plan>";

static const char EVAL_2022[] =
    "<evaluation id='e22' plan='p' year='2022' date='2023-03-31' sample='true' xml:lang='fr'>"
    "<indicator-result ref='i-single'><value>50</value></indicator-result>"
    "</evaluation>";

static const char EVAL_2023[] =
    "<evaluation id='e23' plan='p' year='2023' date='2024-03-31' sample='true' xml:lang='fr'>"
    "<title>Évaluation</title>"
    "<indicator-result ref='i-single'><value>66.66</value>"
    "<comment>Juste à la norme.</comment></indicator-result>"
    "<indicator-result ref='i-tiered'><value threshold='t5'>83</value>"
    "<value threshold='t1m'>97</value></indicator-result>"
    "<indicator-result ref='i-deliv'><value>1</value></indicator-result>"
    "<indicator-result ref='i-undef'><value>4.5</value></indicator-result>"
    "<progress ref='so-1' status='on-track' percent='45'><comment>En route.</comment></progress>"
    "<progress ref='pj-1' status='late' percent='20'>"
    "<milestone date='2023-06' done='true'><text>Analyse</text></milestone></progress>"
    "<budget-execution row='r-a' column='c23' initial='100' adjusted='110' committed='108' "
    "liquidated='105'><explanation>Indexation.</explanation></budget-execution>"
    "<budget-execution row='r-b' column='c23' initial='50' adjusted='50' committed='45' "
    "liquidated='40'/>"
    "<risk-review ref='r1' rank='2' trend='down'><comment>Moins aigu.</comment></risk-review>"
    "<communication-execution ref='ca-1' status='done' date='2022-03-15' reach='120'/>"
    "<key-figures id='kf'><title>Chiffres</title>"
    "<figure id='kf-1' value='90' unit='percent' qualifier='min'><label>touchés</label></figure>"
    "<figure id='kf-2' value='1.7' scale='1000000' qualifier='approx'><label>vues</label>"
    "</figure></key-figures>"
    "<section id='s-1'><title>Fait marquant</title><p>Un <link href='https://x.be'>lien</link>."
    "</p></section>"
    "</evaluation>";

static const char STANDALONE[] =
    "<evaluation id='e20' year='2020' date='2021' sample='false' xml:lang='fr'>"
    "<title>Rapport annuel 2020</title>"
    "<organisation id='org' kind='federal-public-service'><name>SPF X</name>"
    "<name xml:lang='nl'>FOD X</name>"
    "<unit id='u-po' kind='support-service'><name>Personnel</name><abbr>P&amp;O</abbr></unit>"
    "</organisation>"
    "<section id='s-fw' role='foreword'><title>Avant-propos</title>"
    "<p>Vous découvrirez :</p><p>Bonne lecture,</p><signed-by>Le comité</signed-by></section>"
    "<section id='s-a'><title>Réunions</title><teaser>les réunions</teaser>"
    "<key-figures id='kf-r'><title>Nombre de réunions</title>"
    "<figure id='kf-cm' value='87' unit='meeting'><label>Conseils des ministres</label></figure>"
    "</key-figures>"
    "<figure kind='photo' missing='true'><caption>Une photo</caption></figure>"
    "</section></evaluation>";

struct fixture {
    struct rp_arena *arena;
    struct rp_diags diags;
    const struct rp_plan *plan;
    const struct rp_evaluation *evals[2];
    const struct rp_evaluation *standalone;
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
    f->standalone = load(f, STANDALONE, sizeof STANDALONE - 1);
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

struct find {
    enum rp_node_kind kind;
    const char *title;  /* section title or table caption, matched from the start */
    const struct rp_node *found;
    size_t count;       /* nodes of `kind` (at `depth` when depth >= 0) */
    int depth;
};

static const char *node_title(const struct rp_node *n)
{
    const struct rp_spans *s = n->kind == RP_NODE_SECTION ? &n->u.section.title
                               : n->kind == RP_NODE_TABLE ? &n->u.table.caption
                               : n->kind == RP_NODE_PARAGRAPH ? &n->u.paragraph.text
                               : n->kind == RP_NODE_KEY_FIGURES ? &n->u.figures.title
                               : n->kind == RP_NODE_CHART ? &n->u.chart.title
                                                            : NULL;
    /* The spans joined: a title may mix languages, one span each. */
    static char joined[1024];
    joined[0] = '\0';
    for (size_t i = 0; s && i < s->count; i++)
        strncat(joined, s->items[i].text, sizeof joined - strlen(joined) - 1);
    return joined;
}

static int visit(const struct rp_node *n, int depth, void *ctx)
{
    struct find *f = ctx;
    if (n->kind != f->kind || (f->depth >= 0 && depth != f->depth))
        return 0;
    f->count++;
    if (!f->found && f->title && strncmp(node_title(n), f->title, strlen(f->title)) == 0)
        f->found = n;
    return 0;
}

static const struct rp_node *find(const struct rp_doc *doc, enum rp_node_kind kind,
                                  const char *title)
{
    struct find f = {kind, title, NULL, 0, -1};
    rp_doc_walk(doc, visit, &f);
    return f.found;
}

/* The first table right under the section titled `title`: a table whose heading names it
 * carries no caption of its own. */
static const struct rp_node *table_under(const struct rp_doc *doc, const char *title)
{
    const struct rp_node *sec = find(doc, RP_NODE_SECTION, title);
    assert_non_null(sec);
    for (size_t i = 0; i < sec->u.section.children.count; i++)
        if (sec->u.section.children.items[i]->kind == RP_NODE_TABLE)
            return sec->u.section.children.items[i];
    fail_msg("no table under '%s'", title);
    return NULL;
}

static size_t count_at(const struct rp_doc *doc, enum rp_node_kind kind, int depth)
{
    struct find f = {kind, NULL, NULL, 0, depth};
    rp_doc_walk(doc, visit, &f);
    return f.count;
}

static const struct rp_doc_cell *cell(const struct rp_node *table, size_t row, size_t col)
{
    assert_non_null(table);
    assert_true(row < table->u.table.row_count);
    assert_true(col < table->u.table.column_count);
    return &table->u.table.rows[row].cells[col];
}

static const char *cell_text(const struct rp_node *table, size_t row, size_t col)
{
    const char *t = cell(table, row, col)->text;
    return t ? t : "";
}

/* ---------------------------------------------------------------- evaluation */

static struct rp_doc *evaluation(struct fixture *f, const char *lang, struct rp_arena *a)
{
    struct rp_doc *doc = rp_build_evaluation(f->plan, f->evals, 2, lang, RP_EDITION_REVIEW, default_templates(), a);
    assert_non_null(doc);
    return doc;
}

static void test_evaluation_chapters(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    assert_string_equal(doc->title, "Rapport d’évaluation annuel 2023");
    assert_string_equal(doc->subtitle, "Contrat");
    assert_string_equal(doc->lang, "fr");
    assert_int_equal(doc->year, 2024);
    assert_int_equal(doc->body.items[0]->kind, RP_NODE_TOC);
    /* About, dashboard, objectives, projects, key figures and highlights, risks, budget,
     * communication, annex. */
    assert_int_equal(count_at(doc, RP_NODE_SECTION, 0), 9);
    static const char *const chapters[] = {
        "À propos de ce document", "Tableau de bord", "Réalisation des objectifs", "Projets",
        "L’année en chiffres et en faits", "Risques", "Exécution budgétaire",
        "Exécution du plan de communication", "Annexe"};
    for (size_t i = 0; i < 9; i++)
        assert_string_equal(node_title(doc->body.items[i + 1]), chapters[i]);
    /* Content in French: no language note. */
    assert_null(find(doc, RP_NODE_PARAGRAPH, "Certains textes"));
    rp_arena_free(a);
}

static void test_sample_flag_and_notice(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    assert_true(doc->sample);
    assert_string_equal(doc->labels.sample, "EXEMPLE");
    assert_string_equal(doc->labels.edition, "Édition française – données d’exemple");
    const struct rp_node *p = find(doc, RP_NODE_PARAGRAPH, "Données d’exemple");
    assert_non_null(p);
    assert_int_equal(p->u.paragraph.style, RP_PARA_REMARK);
    struct rp_doc *alone = rp_build_evaluation(NULL, &f->standalone, 1, "fr", RP_EDITION_REVIEW, default_templates(), a);
    assert_false(alone->sample);
    assert_null(find(alone, RP_NODE_PARAGRAPH, "Données d’exemple"));
    rp_arena_free(a);
}

static void test_indicator_statuses_and_history(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Indicateurs de l’objectif 1.1");
    assert_non_null(t);
    /* N°, indicator, norm, 2022, 2023, status. */
    assert_int_equal(t->u.table.column_count, 6);
    assert_string_equal(t->u.table.header[0].cells[3].text, "2022");
    assert_string_equal(t->u.table.header[0].cells[4].text, "2023");
    assert_int_equal(t->u.table.row_count, 4);
    assert_string_equal(cell_text(t, 0, 2), "66,66 %");
    assert_string_equal(cell_text(t, 0, 3), "50" NBSP "%");
    assert_string_equal(cell_text(t, 0, 4), "66,66" NBSP "%");
    assert_string_equal(cell_text(t, 0, 5), "\xe2\x97\x8f Atteint"); /* boundary meets */
    assert_string_equal(cell_text(t, 1, 3), "-");                     /* not measured in 2022 */
    assert_string_equal(cell_text(t, 1, 4), "83" NBSP "% / 97" NBSP "%");
    assert_string_equal(cell(t, 1, 4)->detail, "5 jours ouvrables / 1 mois");
    assert_string_equal(cell_text(t, 1, 5), "\xe2\x97\x8f\xe2\x97\x8b Partiellement atteint");
    assert_string_equal(cell(t, 1, 5)->detail, "1 seuil sur 2");
    assert_string_equal(cell_text(t, 2, 4), "Oui");
    assert_string_equal(cell_text(t, 2, 5), "\xe2\x96\xa0 Réalisé");
    assert_string_equal(cell_text(t, 3, 4), "4,5" NBSP "jours");
    assert_string_equal(cell_text(t, 3, 5), "\xe2\x97\x8a Norme à définir");
    assert_int_equal(t->u.table.note_count, 1);
    rp_arena_free(a);
}

static void test_dashboard(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    const struct rp_node *box = find(doc, RP_NODE_KEY_FIGURES, "L’année 2023 en bref");
    assert_non_null(box);
    assert_string_equal(box->u.figures.items[0].value, "2"); /* met + delivered */
    const struct rp_node *donut = find(doc, RP_NODE_CHART, "Indicateurs par statut");
    assert_non_null(donut);
    assert_int_equal(donut->u.chart.kind, RP_CHART_DONUT);
    assert_int_equal(donut->u.chart.category_count, 4);
    /* One budget table: its rate is in the year's box (145 liquidated of 160 adjusted), and
     * no table repeats it. */
    assert_int_equal(box->u.figures.count, 4);
    assert_string_equal(box->u.figures.items[3].value, "90,6" NBSP "%");
    assert_null(find(doc, RP_NODE_TABLE, "Exécution du budget par tableau"));
    rp_arena_free(a);
}

static void test_budget_risks_projects(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    assert_non_null(find(doc, RP_NODE_SECTION, "Budget – CL 2023"));
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Montants en milliers d’euros (k€)");
    assert_non_null(t);
    assert_int_equal(t->u.table.row_count, 3); /* two lines, the computed total */
    assert_string_equal(cell_text(t, 0, 0), "Personnel (1)");
    assert_string_equal(cell_text(t, 0, 5), "95,5" NBSP "%"); /* 105 of 110 */
    assert_string_equal(cell_text(t, 0, 6), "\xe2\x88\x92" "5");
    assert_int_equal(t->u.table.rows[2].kind, RP_DOC_ROW_TOTAL);
    assert_true(cell(t, 2, 2)->flags & RP_CELL_COMPUTED);
    const struct rp_node *risks = table_under(doc, "Registre des risques");
    assert_string_equal(cell_text(risks, 0, 3), "2");
    assert_string_equal(cell_text(risks, 0, 4), "\xe2\x86\x93 En baisse");
    const struct rp_node *projects = find(doc, RP_NODE_TABLE, "Projets du plan");
    assert_non_null(projects);
    assert_string_equal(cell_text(projects, 0, 1), "Projet libre");
    assert_string_equal(cell_text(projects, 0, 2), "BP");
    assert_string_equal(cell_text(projects, 0, 3), "Pas de suivi");
    const struct rp_node *actions = find(doc, RP_NODE_TABLE, "Projets et processus de l’objectif 1.1");
    assert_string_equal(cell_text(actions, 0, 3), "En retard");
    assert_int_equal(actions->u.table.note_count, 1); /* the milestone */
    rp_arena_free(a);
}

static void test_key_figures_keep_qualifiers(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "fr", a);
    const struct rp_node *kf = find(doc, RP_NODE_KEY_FIGURES, "Chiffres");
    assert_non_null(kf);
    assert_string_equal(kf->u.figures.items[0].value, "au minimum 90" NBSP "%");
    assert_string_equal(kf->u.figures.items[1].value, "environ 1,7 million");
    struct rp_doc *nl = evaluation(f, "nl", a);
    kf = find(nl, RP_NODE_KEY_FIGURES, "Chiffres");
    assert_string_equal(kf->u.figures.items[0].value, "minstens 90%");
    rp_arena_free(a);
}

static void test_dutch_edition(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = evaluation(f, "nl", a);
    assert_string_equal(doc->title, "Jaarlijks evaluatieverslag 2023");
    assert_string_equal(doc->subtitle, "Overeenkomst"); /* the nl variant of the title */
    assert_string_equal(doc->organisation, "Org NL");
    assert_string_equal(doc->labels.sample, "VOORBEELD");
    assert_string_equal(doc->labels.contents, "Inhoudstafel");
    assert_non_null(find(doc, RP_NODE_SECTION, "Boordtabel"));
    /* The heading names the objective's kind in Dutch, then its title in Dutch when given. */
    const struct rp_node *so = find(doc, RP_NODE_SECTION, "Strategische doelstelling 1: ");
    assert_non_null(so);
    assert_true(so->u.section.title.count == 2);
    assert_string_equal(so->u.section.title.items[1].text, "Dienen");
    /* Content without a Dutch variant falls back to French, and the document says so. */
    assert_non_null(find(doc, RP_NODE_PARAGRAPH, "Sommige teksten"));
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Indicatoren van doelstelling 1.1");
    assert_non_null(t);
    assert_string_equal(cell_text(t, 0, 4), "66,66%");
    assert_string_equal(cell_text(t, 0, 5), "\xe2\x97\x8f Behaald");
    assert_string_equal(cell_text(t, 2, 4), "Ja");
    assert_non_null(find(doc, RP_NODE_SECTION, "Budget – VEK 2023"));
    rp_arena_free(a);
}

static void test_standalone_report(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = rp_build_evaluation(NULL, &f->standalone, 1, "fr", RP_EDITION_REVIEW, default_templates(), a);
    assert_non_null(doc);
    assert_string_equal(doc->title, "Rapport annuel 2020");
    assert_null(doc->subtitle); /* the source title repeats the title */
    assert_string_equal(doc->organisation, "SPF X");
    /* About, the two narrative chapters, organisation, annex (abbreviations). */
    assert_int_equal(count_at(doc, RP_NODE_SECTION, 0), 5);
    assert_null(find(doc, RP_NODE_SECTION, "Tableau de bord"));
    const struct rp_node *kf = find(doc, RP_NODE_KEY_FIGURES, "Nombre de réunions");
    assert_string_equal(kf->u.figures.items[0].value, "87");
    /* The foreword lists the teasers of the other sections after its "… :" paragraph. */
    const struct rp_node *fw = find(doc, RP_NODE_SECTION, "Avant-propos");
    assert_int_equal(fw->u.section.children.items[1]->kind, RP_NODE_LIST);
    assert_non_null(find(doc, RP_NODE_PARAGRAPH, "Photo"));
    struct rp_doc *nl = rp_build_evaluation(NULL, &f->standalone, 1, "nl", RP_EDITION_REVIEW, default_templates(), a);
    assert_string_equal(nl->title, "Jaarverslag 2020");
    assert_string_equal(nl->organisation, "FOD X");
    rp_arena_free(a);
}

static void test_refuses_missing_input(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    assert_null(rp_build_evaluation(f->plan, NULL, 0, "fr", RP_EDITION_REVIEW, default_templates(), a));
    assert_null(rp_build_evaluation(f->plan, f->evals, 2, "fr", RP_EDITION_REVIEW, default_templates(), NULL));
    assert_null(rp_build_communication(NULL, NULL, "fr", RP_EDITION_REVIEW, default_templates(), a));
    rp_arena_free(a);
}

/* ---------------------------------------------------------------- communication */

static void test_communication_summary(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = rp_build_communication(f->plan, NULL, "fr", RP_EDITION_REVIEW, default_templates(), a);
    assert_non_null(doc);
    assert_string_equal(doc->title, "Synthèse du plan de communication");
    assert_false(doc->sample);
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Actions, groupes cibles et messages");
    assert_int_equal(t->u.table.column_count, 5); /* no status without an evaluation */
    assert_int_equal(t->u.table.row_count, 3);
    assert_string_equal(cell_text(t, 0, 3), "Message principal" NBSP ": Le plan est signé");
    assert_string_equal(cell_text(t, 0, 4), "15 mars 2022");
    assert_string_equal(cell_text(t, 1, 4), "**-**-****"); /* as in the source, flagged */
    assert_true(cell(t, 1, 4)->flags & RP_CELL_PLACEHOLDER);

    const struct rp_node *m = find(doc, RP_NODE_TABLE, "Groupes cibles × canaux");
    assert_int_equal(m->u.table.column_count, 3); /* groups + Intranet, E-mail */
    assert_string_equal(cell_text(m, 0, 0), "Personnel");
    assert_string_equal(cell_text(m, 0, 1), "1");
    assert_string_equal(cell_text(m, 0, 2), "2");
    assert_string_equal(cell_text(m, 1, 1), "3");

    const struct rp_node *tl = find(doc, RP_NODE_TABLE, "Calendrier des actions");
    assert_int_equal(tl->u.table.row_count, 3); /* a date, a relative moment, a placeholder */
    assert_string_equal(cell_text(tl, 1, 0), "Après signature");
    assert_string_equal(cell_text(tl, 2, 1), "À compléter");

    const struct rp_node *per = table_under(doc, "Actions par objectif");
    assert_string_equal(cell_text(per, 0, 1), "1, 2");
    assert_string_equal(cell_text(per, 1, 2), "2");
    assert_non_null(find(doc, RP_NODE_CHART, "Nombre d’actions par objectif"));
    rp_arena_free(a);
}

static void test_communication_with_execution(void **state)
{
    struct fixture *f = *state;
    struct rp_arena *a = rp_arena_new();
    struct rp_doc *doc = rp_build_communication(f->plan, f->evals[1], "nl", RP_EDITION_REVIEW, default_templates(), a);
    assert_true(doc->sample);
    assert_string_equal(doc->title, "Samenvatting van het communicatieplan – uitvoering 2023");
    const struct rp_node *t = find(doc, RP_NODE_TABLE, "Acties, doelgroepen en boodschappen");
    assert_int_equal(t->u.table.column_count, 6);
    assert_string_equal(cell_text(t, 0, 5), "Uitgevoerd");
    assert_string_equal(cell(t, 0, 5)->detail, "15 maart 2022");
    assert_string_equal(cell_text(t, 1, 5), "Geen opvolging");
    assert_non_null(find(doc, RP_NODE_SECTION, "Stand van uitvoering"));
    rp_arena_free(a);
}

static void test_plan_without_communication(void **state)
{
    (void)state;
    static const char BARE[] = "<plan id='b' kind='strategic-plan' start='2022' end='2024' "
                               "date='2022' xml:lang='fr'><title>Plan</title>"
                               "<organisation id='o' kind='other'><name>O</name></organisation>"
                               "</plan>";
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file file;
    assert_int_equal(rp_load_memory(BARE, sizeof BARE - 1, "b.xml", a, &d, &file), 0);
    struct rp_doc *doc = rp_build_communication(file.plan, NULL, "fr", RP_EDITION_REVIEW, default_templates(), a);
    assert_non_null(doc);
    assert_non_null(find(doc, RP_NODE_PARAGRAPH, "Ce plan ne contient pas"));
    assert_int_equal(count_at(doc, RP_NODE_SECTION, 0), 1);
    rp_diags_free(&d);
    rp_arena_free(a);
}

/* ---------------------------------------------------------------- labels */

static void test_every_label_in_every_language(void **state)
{
    (void)state;
    /* Every catalogue holds every key (checked at load time, test_templates); the report
     * key space reads through the active templates. */
    assert_true(rp_label_exists(default_templates(), RP_LANG_FR, "col.status"));
    assert_false(rp_label_exists(default_templates(), RP_LANG_FR, "no.such.key"));
    assert_string_equal(rp_label(default_templates(), RP_LANG_NL, "col.status"), "Status");
    assert_string_equal(rp_label(default_templates(), RP_LANG_FR, "no.such.key"), "no.such.key");
    struct rp_arena *a = rp_arena_new();
    assert_string_equal(rp_label_fill(default_templates(), a, RP_LANG_FR, "col.rank_year", "2023", NULL, NULL),
                        "Rang 2023");
    assert_string_equal(rp_label_fill(default_templates(), a, RP_LANG_NL, "about.period", "2022", "2024", "x"),
                        "Planperiode: 2022-2024. Evaluatie afgesloten op x.");
    rp_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evaluation_chapters),
        cmocka_unit_test(test_sample_flag_and_notice),
        cmocka_unit_test(test_indicator_statuses_and_history),
        cmocka_unit_test(test_dashboard),
        cmocka_unit_test(test_budget_risks_projects),
        cmocka_unit_test(test_key_figures_keep_qualifiers),
        cmocka_unit_test(test_dutch_edition),
        cmocka_unit_test(test_standalone_report),
        cmocka_unit_test(test_refuses_missing_input),
        cmocka_unit_test(test_communication_summary),
        cmocka_unit_test(test_communication_with_execution),
        cmocka_unit_test(test_plan_without_communication),
        cmocka_unit_test(test_every_label_in_every_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
