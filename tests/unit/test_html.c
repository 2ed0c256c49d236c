/* The HTML backend on documents built by hand: heading levels, unique ids, safe links,
 * escaping, languages, table header scopes, status cells, review marks, and identical bytes
 * for the same document. */
#define _POSIX_C_SOURCE 200809L /* fileno, strndup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "render/html_internal.h"
#include "render/render.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/diag.h"

struct fixture {
    struct rp_arena *arena;
    const struct rp_templates *t;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    fx->arena = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    fx->t = rp_templates_load(NULL, fx->arena, &d);
    rp_diags_free(&d);
    assert_non_null(fx->t);
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

/* The document rendered as HTML, NUL-terminated (the caller frees it). */
static char *render(const struct fixture *fx, const struct rp_doc *doc)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    struct rp_diags d;
    rp_diags_init(&d);
    assert_int_equal(rp_render_html(doc, fx->t, fileno(f), "test.html", &d), 0);
    assert_int_equal(d.count, 0);
    rp_diags_free(&d);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    assert_true(size > 0);
    rewind(f);
    char *out = malloc((size_t)size + 1);
    assert_int_equal(fread(out, 1, (size_t)size, f), (size_t)size);
    out[size] = '\0';
    fclose(f);
    return out;
}

static bool has(const char *html, const char *what)
{
    return strstr(html, what) != NULL;
}

static struct rp_doc *new_doc(const struct fixture *fx)
{
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->title = "Rapport <script>alert(1)</script>";
    doc->organisation = "SPF Test";
    doc->year = 2024;
    doc->month = 3;
    doc->day = 1;
    doc->labels.contents = "Table des matières";
    return doc;
}

/* A level-3 section directly under a level-1 one, an untitled section between levels, and
 * a section deeper than h6. */
static void test_headings_never_skip(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *chapter = rp_doc_add_section(doc, &doc->body, 1, "1", "Chapitre");
    struct rp_node *untitled = rp_doc_add_section(doc, &chapter->u.section.children, 2, NULL, "");
    struct rp_node *deep =
        rp_doc_add_section(doc, &untitled->u.section.children, 3, "1.1.1", "Profond");
    struct rp_nodes *into = &deep->u.section.children;
    for (int level = 4; level <= 8; level++) {
        char title[32];
        snprintf(title, sizeof title, "Niveau %d", level);
        into = &rp_doc_add_section(doc, into, level, NULL, title)->u.section.children;
    }
    char *html = render(fx, doc);
    int previous = 1, h1 = 0;
    for (const char *p = html; (p = strstr(p, "<h")) != NULL; p++) {
        if (p[2] < '1' || p[2] > '6' || (p[3] != ' ' && p[3] != '>'))
            continue;
        int level = p[2] - '0';
        h1 += level == 1;
        assert_true(level <= previous + 1);
        previous = level;
    }
    assert_int_equal(h1, 1);
    /* The level-3 section is one below the chapter: h3, not h4. */
    assert_true(has(html, "<span class=\"num\">1.1.1</span> Profond</h3>"));
    assert_true(has(html, "Niveau 8</h6>"));
    /* No heading for the untitled section, and no empty heading at all. */
    for (int level = 2; level <= 6; level++) {
        char empty[16];
        snprintf(empty, sizeof empty, "\"></h%d>", level);
        assert_false(has(html, empty));
    }
    free(html);
}

/* Every id="..." of the file once, whatever ids the builders gave their nodes. */
static void test_ids_unique(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    const char *names[] = {"dup", "dup", "main", "s-1", "s-1-title", "contents", "a b"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        struct rp_node *s = rp_doc_add_section(doc, &doc->body, 1, NULL, "Section");
        s->id = names[i];
        s->u.section.in_toc = true;
        struct rp_node *t = rp_doc_add_table(doc, &s->u.section.children, 1, "Tableau");
        t->id = "dup";
    }
    char *html = render(fx, doc);
    const char *ids[256];
    size_t n = 0;
    for (const char *p = html; (p = strstr(p, " id=\"")) != NULL; p += 5) {
        const char *start = p + 5, *end = strchr(start, '"');
        assert_non_null(end);
        char *id = strndup(start, (size_t)(end - start));
        assert_null(strpbrk(id, " \t\n"));
        for (size_t i = 0; i < n; i++)
            assert_string_not_equal(ids[i], id);
        assert_true(n < 256);
        ids[n++] = id;
    }
    assert_true(n > 20);
    /* The skip link and every contents link lead to an id of the file. */
    assert_true(has(html, "href=\"#main\"") && has(html, "<main id=\"main\""));
    for (const char *p = html; (p = strstr(p, "href=\"#")) != NULL; p += 7) {
        const char *end = strchr(p + 7, '"');
        char *target = strndup(p + 7, (size_t)(end - p - 7));
        bool found = false;
        for (size_t i = 0; i < n; i++)
            found = found || strcmp(ids[i], target) == 0;
        assert_true(found);
        free(target);
    }
    for (size_t i = 0; i < n; i++)
        free((char *)ids[i]);
    free(html);
}

static void test_href_safety(void **state)
{
    (void)state;
    const char *safe[] = {"https://example.org/", "HTTP://example.org", "mailto:a@b.be", "#s-1",
                          "annexe.html",          "../a/b?c=d:e",       "/plan#x"};
    const char *unsafe[] = {"javascript:alert(1)",
                            " JaVaScRiPt:alert(1)",
                            "java\tscript:x",
                            "\x01javascript:x",
                            "data:text/html,<b>",
                            "vbscript:x",
                            "&#106;avascript:x",
                            "file:///etc/passwd",
                            "",
                            NULL};
    for (size_t i = 0; i < sizeof safe / sizeof *safe; i++)
        assert_true(html_href_safe(safe[i]));
    for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++)
        assert_false(html_href_safe(unsafe[i]));
}

static void test_links_and_escaping(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Voir ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_LINK, 0, "le site", "https://example.org/");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0, " et ", NULL);
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_LINK, 0, "ceci", "javascript:alert(1)");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_LINK, 0, "cela", " DATA:text/html,x");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_EM, "<script>x</script>", NULL);
    char *html = render(fx, doc);
    assert_true(has(html, "<a href=\"https://example.org/\">le site</a>"));
    assert_false(has(html, "javascript:"));
    assert_false(has(html, "href=\" DATA"));
    assert_true(has(html, " et ceci"));
    assert_true(has(html, "cela<em>&lt;script&gt;x&lt;/script&gt;</em>"));
    assert_true(has(html, "<title>Rapport &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    assert_false(has(html, "<script"));
    /* Inline elements get no whitespace around them: the file is written unindented. */
    assert_true(has(html, "Voir <a href"));
    free(html);
}

static void test_languages_and_review_marks(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Texte ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0, "Nederlandse tekst", NULL);
    rp_spans_lang(doc, &p->u.paragraph.text, 1, "nl");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_PLACEHOLDER, 0, "XX jours", NULL);
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 1, "Tableau");
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Kolom", 1, RP_ALIGN_LEFT)->lang = rp_doc_lang(doc, "nl");
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "Cel", NULL, 0);
    rp_doc_cell_lang(doc, t, r, 0, "nl");

    char *publication = render(fx, doc);
    assert_true(has(publication, "<html lang=\"fr\">"));
    assert_true(has(publication, "<span lang=\"nl\">Nederlandse tekst</span>"));
    assert_true(has(publication, "<span lang=\"nl\">Kolom</span>"));
    assert_true(has(publication, "<span lang=\"nl\">Cel</span>"));
    assert_true(has(publication, "XX jours"));
    assert_false(has(publication, "<mark"));
    assert_false(has(publication, "class=\"draft\""));

    doc->edition = RP_EDITION_REVIEW;
    doc->labels.draft = "PROJET";
    char *review = render(fx, doc);
    assert_true(has(review, "<span class=\"foreign\" lang=\"nl\">Nederlandse tekst</span>"));
    assert_true(has(review, "<mark class=\"placeholder\">XX jours</mark>"));
    assert_true(has(review, "<p class=\"draft\">PROJET</p>"));
    free(publication);
    free(review);
}

/* Multi-level headers with scopes, row headers, a spanning group row, a flagged total and
 * status cells whose symbol and word stay together. */
static struct rp_doc *table_doc(const struct fixture *fx)
{
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 3, "Budget");
    t->u.table.summary = "Montants en k€.";
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "2023", 2, RP_ALIGN_CENTER);
    h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Poste", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Montant", 1, RP_ALIGN_DECIMAL);
    rp_doc_header_cell(doc, h, "Statut", 1, RP_ALIGN_LEFT);
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_GROUP);
    rp_doc_table_cell(doc, t, r, 0, "Personnel", NULL, 0);
    r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "Traitements", NULL, 0);
    rp_doc_table_cell(doc, t, r, 1, "1.234,5", NULL, 0);
    rp_doc_table_cell(doc, t, r, 2, "\xe2\x97\x8f Atteint", NULL, RP_CELL_GOOD);
    r = rp_doc_table_row(doc, t, RP_DOC_ROW_OF_WHICH);
    t->u.table.rows[r].level = 1;
    rp_doc_table_cell(doc, t, r, 0, "dont primes", NULL, 0);
    rp_doc_table_cell(doc, t, r, 2,
                      "\xe2\x97\x8c Norme \xc3\xa0 d\xc3\xa9"
                      "finir",
                      NULL, 0);
    r = rp_doc_table_row(doc, t, RP_DOC_ROW_TOTAL);
    rp_doc_table_cell(doc, t, r, 0, "Total", NULL, 0);
    rp_doc_table_cell(doc, t, r, 1, "135.003", "calculé : 132.981", RP_CELL_DIFFERS);
    rp_doc_table_cell(doc, t, r, 2, "\xe2\x97\x8b Non atteint", NULL, RP_CELL_BAD);
    rp_doc_table_note(doc, t, "*", "Une note.");
    return doc;
}

static void test_table(void **state)
{
    struct fixture *fx = *state;
    char *html = render(fx, table_doc(fx));
    assert_true(has(html, "role=\"region\" aria-labelledby=\"t-1-caption\" tabindex=\"0\""));
    assert_true(has(html, "<span id=\"t-1-caption\">Budget</span>"));
    assert_true(has(html, "aria-describedby=\"t-1-summary\""));
    assert_true(has(html, "<colgroup></colgroup>\n<colgroup span=\"2\"></colgroup>"));
    assert_true(has(html, "<td></td><th scope=\"colgroup\" colspan=\"2\" class=\"c\">2023</th>"));
    assert_true(
        has(html, "<th scope=\"col\">Poste</th><th scope=\"col\" class=\"d\">Montant</th>"));
    assert_true(has(html, "<th scope=\"rowgroup\" colspan=\"3\">Personnel</th>"));
    assert_true(has(html, "<th scope=\"row\">Traitements</th>"));
    assert_true(
        has(html, "<tr class=\"of-which\">\n"
                  "<th scope=\"row\" class=\"i2\">dont primes</th>") ||
        has(html, "<tr class=\"of-which\"><th scope=\"row\" class=\"i2\">dont primes</th>"));
    /* Status: symbol and word in one unbreakable span, coloured by its tone. */
    assert_true(has(html, "<span class=\"status good\">\xe2\x97\x8f Atteint</span>"));
    assert_true(has(html, "<span class=\"status bad\">\xe2\x97\x8b Non atteint</span>"));
    assert_true(has(html, "<span class=\"status\">\xe2\x97\x8c Norme"));
    assert_true(has(html, ".status{white-space:nowrap}"));
    assert_true(has(html, "<td class=\"d differs\">135.003 <span class=\"detail\">calculé : "
                          "132.981</span></td>"));
    assert_true(has(html, "<p class=\"note\" role=\"note\"><span class=\"mark\">*</span> Une "
                          "note.</p>"));
    free(html);
}

static void test_same_bytes(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = table_doc(fx);
    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    rp_doc_add_section(doc, &doc->body, 1, "1", "Chapitre")->u.section.in_toc = true;
    rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, "Graphique", 2, 1);
    char *a = render(fx, doc);
    char *b = render(fx, doc);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_headings_never_skip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_unique, setup, teardown),
        cmocka_unit_test(test_href_safety),
        cmocka_unit_test_setup_teardown(test_links_and_escaping, setup, teardown),
        cmocka_unit_test_setup_teardown(test_languages_and_review_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_bytes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
