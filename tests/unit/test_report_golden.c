/* Golden text trees of the evaluation reports and communication summaries built from the
 * real inputs (input/<org>/), in French and Dutch, compared with tests/golden/. Run with
 * UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff.
 *
 * Besides the exact comparison, a few facts the documents must show are checked on the
 * rendered text, so that an update cannot silently bless their loss. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compose/compose.h"
#include "load/load.h"
#include "render/render.h"
#include "util/arena.h"
#include "default_templates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *source_dir(void)
{
    const char *dir = getenv("RAPPORT_SOURCE_DIR");
    return dir && *dir ? dir : ".";
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = read_all(f, len);
    fclose(f);
    return s;
}

static const void *load(struct rp_arena *arena, const char *org, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/input/%s/%s", source_dir(), org, name);
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    if (rp_load(path, arena, &d, &f) != 0) {
        rp_diags_print(&d, stderr);
        fail_msg("cannot load %s", path);
    }
    rp_diags_free(&d);
    return f.kind == RP_FILE_PLAN ? (const void *)f.plan : (const void *)f.evaluation;
}

static char *render(const struct rp_doc *doc, size_t *len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    rp_render_text(doc, f);
    rewind(f);
    char *s = read_all(f, len);
    fclose(f);
    return s;
}

/* A label the catalogue lacks comes out as its key ("col.status"): none may reach a
 * document. */
static void no_label_keys(const char *text, const char *what)
{
    static const char *const prefixes[] = {
        "doc.", "sec.", "about.", "ind.", "progress.", "trend.", "comm.", "msg.", "timing.",
        "col.", "label.", "caption.", "dash.", "kind.", "budget.", "credit.", "unit.", "abbr.",
        "iunit.", "within.", "dir.", "freq.", "qual.", "scale.", "fig.", "media.", "section.",
        "unitkind.", "lang.", "summary.", "milestone.", "risks.", "value.", "table.", "index."};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        for (const char *p = strstr(text, prefixes[i]); p; p = strstr(p + 1, prefixes[i])) {
            char before = p > text ? p[-1] : ' ';
            char after = p[strlen(prefixes[i])];
            bool word_start = !((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z'));
            if (word_start && after >= 'a' && after <= 'z')
                fail_msg("%s: label key '%.30s' in the output", what, p);
        }
}

static void compare(const char *text, size_t len, const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/golden/%s", source_dir(), rel);
    const char *update = getenv("UPDATE_GOLDEN");
    if (update && *update && strcmp(update, "0") != 0) {
        FILE *f = fopen(path, "wb");
        if (!f)
            fail_msg("cannot write %s", path);
        fwrite(text, 1, len, f);
        fclose(f);
        return;
    }
    size_t elen = 0;
    char *expected = read_file(path, &elen);
    if (!expected)
        fail_msg("missing %s (run with UPDATE_GOLDEN=1)", path);
    if (elen != len || memcmp(expected, text, len) != 0) {
        size_t line = 1, i = 0;
        while (i < len && i < elen && text[i] == expected[i])
            line += text[i++] == '\n';
        const char *e = expected + i, *g = text + i;
        while (e > expected && e[-1] != '\n')
            e--, g--;
        fail_msg("%s differs from line %zu:\n  expected: %.160s\n  got:      %.160s", rel, line, e,
                 g);
    }
    free(expected);
}

static size_t occurrences(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

struct eval_case {
    const char *org;
    int year;
    bool with_plan;
    const char *files[3]; /* evaluation files, earlier years first */
};

static char *evaluation_text(const struct eval_case *c, const char *lang, size_t *len)
{
    struct rp_arena *arena = rp_arena_new();
    const struct rp_plan *plan = c->with_plan ? load(arena, c->org, "plan.xml") : NULL;
    const struct rp_evaluation *evals[3];
    size_t n = 0;
    while (n < 3 && c->files[n]) {
        evals[n] = load(arena, c->org, c->files[n]);
        n++;
    }
    struct rp_doc *doc = rp_build_evaluation(plan, evals, n, lang, RP_EDITION_PUBLICATION, default_templates(), arena);
    assert_non_null(doc);
    char *text = render(doc, len);
    rp_arena_free(arena);
    return text;
}

static void run_evaluation(const struct eval_case *c)
{
    static const char *const langs[] = {"fr", "nl"};
    for (size_t l = 0; l < 2; l++) {
        size_t len;
        char *text = evaluation_text(c, langs[l], &len);
        char rel[256];
        snprintf(rel, sizeof rel, "evaluation/%s-%d.%s.tree.txt", c->org, c->year, langs[l]);
        no_label_keys(text, rel);
        compare(text, len, rel);
        free(text);
    }
}

static void test_chancellerie_2020(void **state)
{
    (void)state;
    const struct eval_case c = {"chancellerie", 2020, false, {"evaluation-2020.xml"}};
    run_evaluation(&c);
    size_t len;
    char *text = evaluation_text(&c, "fr", &len);
    /* The stand-alone annual report keeps its key figures. */
    assert_non_null(strstr(text, "87: Conseils des ministres"));
    assert_non_null(strstr(text, "448: communiqués"));
    assert_null(strstr(text, "Tableau de bord"));
    assert_int_equal(occurrences(text, "key-figures:"), 10); /* every block of the source */
    free(text);
}

static void test_chancellerie_2023(void **state)
{
    (void)state;
    const struct eval_case c = {"chancellerie", 2023, true,
                                {"evaluation-2022.xml", "evaluation-2023.xml"}};
    run_evaluation(&c);
}

static void test_interieur_2023(void **state)
{
    (void)state;
    const struct eval_case c = {"interieur", 2023, true,
                                {"evaluation-2022.xml", "evaluation-2023.xml"}};
    run_evaluation(&c);
}

static void test_capac_2023(void **state)
{
    (void)state;
    const struct eval_case c = {"capac", 2023, true, {"evaluation-2022.xml", "evaluation-2023.xml"}};
    run_evaluation(&c);
    size_t len;
    char *text = evaluation_text(&c, "fr", &len);
    /* All 27 indicators, each with a computed status in its table and a definition. */
    static const char *const statuses[] = {
        "| \xe2\x97\x8f Atteint", "| \xe2\x97\x8f\xe2\x97\x8b Partiellement atteint",
        "| \xe2\x96\xbc Non atteint", "| \xe2\x96\xa0 Réalisé", "| \xe2\x96\xa1 Non réalisé",
        "| \xe2\x80\x93 Non mesuré", "| \xe2\x97\x8a Norme à définir"};
    /* Table rows showing a status with its symbol: the legend sets symbol and word in
     * separate cells, and the dashboard donut is a chart, so only indicator rows count.
     * The dashboard, which sums them up (status changes, targets), is left out: counting
     * starts at the chapter after it. */
    size_t shown = 0;
    const char *dash = strstr(text, "section 1: Tableau de bord\n");
    assert_non_null(dash);
    for (const char *line = strstr(dash + 1, "section 1: "); line && *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char buf[4096];
        snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), line);
        const char *start = buf + strspn(buf, " ");
        for (size_t i = 0; strncmp(start, "line ", 5) == 0 && i < sizeof statuses / sizeof statuses[0]; i++)
            if (strstr(start, statuses[i])) {
                shown++;
                break;
            }
        line = end ? end + 1 : NULL;
    }
    assert_int_equal(shown, 27);
    /* The definitions table sits under its heading, which it does not repeat. */
    const char *defs = strstr(text, "section 2: Définitions des indicateurs\n");
    assert_non_null(defs);
    assert_non_null(strstr(defs, "table 5x27: \n"));
    free(text);
}

static void run_communication(const char *org)
{
    static const char *const langs[] = {"fr", "nl"};
    for (size_t l = 0; l < 2; l++) {
        struct rp_arena *arena = rp_arena_new();
        const struct rp_plan *plan = load(arena, org, "plan.xml");
        const struct rp_evaluation *eval = load(arena, org, "evaluation-2023.xml");
        struct rp_doc *doc = rp_build_communication(plan, eval, langs[l], RP_EDITION_PUBLICATION, default_templates(), arena);
        assert_non_null(doc);
        size_t len;
        char *text = render(doc, &len);
        char rel[256];
        snprintf(rel, sizeof rel, "communication/%s.%s.tree.txt", org, langs[l]);
        no_label_keys(text, rel);
        compare(text, len, rel);
        free(text);
        rp_arena_free(arena);
    }
}

static void test_communication_chancellerie(void **state)
{
    (void)state;
    run_communication("chancellerie");
}

static void test_communication_interieur(void **state)
{
    (void)state;
    run_communication("interieur");
}

static void test_communication_capac(void **state)
{
    (void)state;
    run_communication("capac");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chancellerie_2020),
        cmocka_unit_test(test_chancellerie_2023),
        cmocka_unit_test(test_interieur_2023),
        cmocka_unit_test(test_capac_2023),
        cmocka_unit_test(test_communication_chancellerie),
        cmocka_unit_test(test_communication_interieur),
        cmocka_unit_test(test_communication_capac),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
