/* Typography: each rule on concrete French and Dutch strings, what it must leave alone
 * (numbers, times, addresses), spans in another language, and a second pass changing
 * nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "doc/doc.h"
#include "doc/typography.h"
#include "util/arena.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static struct rp_arena *arena;
static struct rp_doc *doc;

static int setup(void **state)
{
    (void)state;
    arena = rp_arena_new();
    doc = rp_doc_new(arena);
    doc->lang = "fr";
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rp_arena_free(arena);
    return 0;
}

/* `text` in `lang` becomes `want`, and `want` stays as it is (the pass is idempotent). */
static void expect(const char *lang, const char *text, const char *want)
{
    const char *got = rp_typography_text(doc, text, lang);
    if (strcmp(got, want) != 0)
        print_message("%s: \"%s\" gave \"%s\", not \"%s\"\n", lang, text, got, want);
    assert_string_equal(got, want);
    assert_string_equal(rp_typography_text(doc, got, lang), want);
}

static void test_french_spaces_before_marks(void **state)
{
    (void)state;
    expect("fr", "porté:", "porté" NBSP ":");
    expect("fr", "Montant porté: 12", "Montant porté" NBSP ": 12");
    expect("fr", "Contexte : signature", "Contexte" NBSP ": signature");
    expect("fr", "il est atteint ; sinon", "il est atteint" NNBSP "; sinon");
    expect("fr", "il est atteint; sinon", "il est atteint" NNBSP "; sinon");
    expect("fr", "Vraiment? Oui!", "Vraiment" NNBSP "? Oui" NNBSP "!");
    expect("fr", "Quoi ?!", "Quoi" NNBSP "?!");
    expect("fr", "(voir plus haut):", "(voir plus haut)" NBSP ":");
}

static void test_french_leaves_numbers_and_addresses(void **state)
{
    (void)state;
    expect("fr", "à 10:30 précises", "à 10:30 précises");
    expect("fr", "un rapport de 1:2", "un rapport de 1:2");
    expect("fr", "voir https://example.be/a?b=1", "voir https://example.be/a?b=1");
    expect("fr", "mailto:info@example.be", "mailto:info@example.be");
    expect("fr", "66,7 %", "66,7 %");
    /* A character reference quoted as text keeps its semicolon. */
    expect("fr", "Ligne &lt;b&gt; échappée", "Ligne &lt;b&gt; échappée");
    expect("fr", "le signe &#233; puis", "le signe &#233; puis");
    expect("fr", "Dupont & Cie; ensuite", "Dupont & Cie" NNBSP "; ensuite");
}

static void test_french_guillemets(void **state)
{
    (void)state;
    expect("fr", "une « performance phénoménale »",
           "une «" NBSP "performance phénoménale" NBSP "»");
    expect("fr", "une «performance»", "une «" NBSP "performance" NBSP "»");
}

static void test_apostrophes(void **state)
{
    (void)state;
    expect("fr", "l'usager d'aujourd'hui", "l’usager d’aujourd’hui");
    expect("nl", "'s avonds en 't is", "’s avonds en ’t is");
    expect("nl", "de auto's van 's morgens", "de auto’s van ’s morgens");
    expect("en", "the user's rights", "the user’s rights");
    expect("fr", "le mot 'test'", "le mot 'test'"); /* a quote, not an apostrophe */
}

static void test_dutch_has_no_french_spaces(void **state)
{
    (void)state;
    expect("nl", "Context: ondertekening; klaar? Ja!", "Context: ondertekening; klaar? Ja!");
    expect(NULL, "Context: klaar", "Context: klaar");
}

/* The spans of a paragraph of `text` in the document's language after the pass. */
static struct rp_spans typeset(const char *text)
{
    struct rp_spans spans = rp_spans_plain(doc, text);
    rp_typography_spans(doc, &spans, doc->lang);
    return spans;
}

static void test_french_ordinals_in_superscript(void **state)
{
    (void)state;
    struct rp_spans s = typeset("Le 1er janvier, la 2e année et le XXIe siècle");
    assert_int_equal(s.count, 7);
    assert_string_equal(s.items[0].text, "Le 1");
    assert_string_equal(s.items[1].text, "er");
    assert_true(s.items[1].style & RP_SPAN_SUP);
    assert_string_equal(s.items[2].text, " janvier, la 2");
    assert_string_equal(s.items[3].text, "e");
    assert_string_equal(s.items[5].text, "e");
    assert_string_equal(s.items[6].text, " siècle");
    assert_false(s.items[6].style & RP_SPAN_SUP);
    /* A second pass finds nothing more to raise. */
    rp_typography_spans(doc, &s, doc->lang);
    assert_int_equal(s.count, 7);

    /* Not ordinals: words and numbers that merely look like them. */
    s = typeset("Vers 2024, Le Ve, 1,5e et 2e3 ou 12ex");
    assert_int_equal(s.count, 3); /* only "Ve" */
    assert_string_equal(s.items[1].text, "e");
}

static void test_dutch_ordinals(void **state)
{
    (void)state;
    doc->lang = "nl";
    struct rp_spans s = typeset("de 1ste en de 2de keer");
    doc->lang = "fr";
    assert_int_equal(s.count, 5);
    assert_string_equal(s.items[1].text, "ste");
    assert_string_equal(s.items[3].text, "de");
    assert_true(s.items[3].style & RP_SPAN_SUP);
}

/* Each span follows its own language, and a rule sees across spans. */
static void test_spans_in_their_language(void **state)
{
    (void)state;
    struct rp_spans s = {0};
    rp_spans_add(doc, &s, RP_SPAN_TEXT, RP_SPAN_STRONG, "Porté", NULL);
    rp_spans_add(doc, &s, RP_SPAN_TEXT, 0, ": ", NULL);
    rp_spans_add(doc, &s, RP_SPAN_TEXT, 0, "Context: klaar? ", NULL);
    s.items[2].lang = "nl";
    rp_spans_add(doc, &s, RP_SPAN_TEXT, 0, "fin !", NULL);
    rp_typography_spans(doc, &s, doc->lang);
    assert_int_equal(s.count, 4);
    assert_string_equal(s.items[0].text, "Porté");
    assert_string_equal(s.items[1].text, NBSP ": ");
    assert_string_equal(s.items[2].text, "Context: klaar? ");
    assert_string_equal(s.items[3].text, "fin" NNBSP "!");
}

/* The whole tree: titles, cells, details and the backends' labels. */
static void test_tree(void **state)
{
    (void)state;
    doc->title = "Rapport d'évaluation";
    doc->labels.continued = "(suite)";
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 1, "Tableau: l'essentiel");
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "l'écart", "calculé : 132.981", 0);
    rp_typography_apply(doc);
    assert_string_equal(doc->title, "Rapport d’évaluation");
    assert_string_equal(t->u.table.caption.items[0].text, "Tableau" NBSP ": l’essentiel");
    assert_string_equal(t->u.table.rows[r].cells[0].text, "l’écart");
    assert_string_equal(t->u.table.rows[r].cells[0].detail, "calculé" NBSP ": 132.981");
}

/* A cell of a Dutch edition whose text is a Dutch label before a French message: French
 * rules would put a space before the label's colon; the builder typesets each part and
 * marks the cell, and the pass leaves it; an unmarked French cell still gets them. */
static void test_typeset_cell_left_alone(void **state)
{
    (void)state;
    doc->lang = "nl";
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Acties");
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    const char *message = rp_typography_text(doc, "le plan est signé; voilà", "fr");
    rp_doc_table_cell(doc, t, r, 0, rp_doc_printf(doc, "Hoofdboodschap: %s", message), NULL,
                      RP_CELL_TYPESET);
    rp_doc_cell_lang(doc, t, r, 0, "fr");
    rp_doc_table_cell(doc, t, r, 1, "Message: le plan", NULL, 0);
    rp_doc_cell_lang(doc, t, r, 1, "fr");
    rp_typography_apply(doc);
    doc->lang = "fr";
    assert_string_equal(t->u.table.rows[r].cells[0].text,
                        "Hoofdboodschap: le plan est signé" NNBSP "; voilà");
    assert_string_equal(t->u.table.rows[r].cells[1].text, "Message" NBSP ": le plan");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_french_spaces_before_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_french_leaves_numbers_and_addresses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_french_guillemets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_apostrophes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dutch_has_no_french_spaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_french_ordinals_in_superscript, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dutch_ordinals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spans_in_their_language, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typeset_cell_left_alone, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
