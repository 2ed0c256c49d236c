#define _POSIX_C_SOURCE 200809L
/* Templates: the built-in set loads and is complete; a directory missing a label, or with
 * an invalid theme, is refused at load time with a located error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void test_default_set(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    const struct rp_templates *t = rp_templates_load(NULL, a, &d);
    assert_non_null(t);
    assert_int_equal(d.count, 0);
    assert_string_equal(t->theme.font_family, "Liberation Sans");
    assert_float_equal(t->theme.page_width, 595.276, 1e-9);
    assert_true(t->catalogues[RP_LANG_FR].count > 100);
    /* Every language defines exactly the keys French defines. */
    for (int l = 0; l < RP_LANG__MAX; l++) {
        assert_int_equal(t->catalogues[l].count, t->catalogues[RP_LANG_FR].count);
        for (size_t i = 0; i < t->catalogues[RP_LANG_FR].count; i++)
            assert_true(rp_label_exists(t, (enum rp_lang)l, t->catalogues[RP_LANG_FR].items[i].key));
    }
    assert_non_null(rp_templates_part(t, RP_DOC_EVALUATION, "dashboard"));
    assert_null(rp_templates_part(t, RP_DOC_EVALUATION, "no-such-part"));
    rp_diags_free(&d);
    rp_arena_free(a);
}

static void test_fill(void **state)
{
    (void)state;
    struct rp_label fr[] = {{"greeting", "Bonjour {1}, {2}{3}!"}};
    struct rp_templates t = {0};
    t.catalogues[RP_LANG_FR].items = fr;
    t.catalogues[RP_LANG_FR].count = 1;
    struct rp_arena *a = rp_arena_new();
    assert_string_equal(rp_label_fill(&t, a, RP_LANG_FR, "greeting", "Anne", "2022", NULL),
                        "Bonjour Anne, 2022!");
    assert_string_equal(rp_label(&t, RP_LANG_FR, "unknown.key"), "unknown.key");
    rp_arena_free(a);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A copy of the source tree's default templates with one label removed. */
static void test_missing_label_is_an_error(void **state)
{
    (void)state;
    const char *src = getenv("RAPPORT_SOURCE_DIR");
    if (!src)
        skip();
    char dir[] = "/tmp/rapport-templates-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -r '%s/templates/default/.' '%s/' && "
             "sed -i '0,/<label key=/{/<label key=/d}' '%s/labels/nl.xml'", src, dir, dir);
    assert_int_equal(system(cmd), 0);
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    assert_null(rp_templates_load(dir, a, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].message, "the nl catalogue lacks the label"));
    assert_non_null(strstr(d.items[0].file, "labels/nl.xml"));
    rp_diags_free(&d);

    /* An invalid colour is a schema error located in theme.xml. */
    char path[512];
    snprintf(path, sizeof path, "%s/theme.xml", dir);
    write_file(path, "<theme><page width='1' height='1' margin-top='0' margin-bottom='0' "
                     "margin-left='0' margin-right='0'/></theme>");
    rp_diags_init(&d);
    assert_null(rp_templates_load(dir, a, &d));
    assert_non_null(strstr(d.items[0].file, "theme.xml"));
    rp_diags_free(&d);
    rp_arena_free(a);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_set),
        cmocka_unit_test(test_fill),
        cmocka_unit_test(test_missing_label_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
