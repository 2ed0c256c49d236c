/* Units of measure of indicators: the schema's enumeration indicator-unit, the list
 * rp_schema_units the checker uses, and the words of each unit (iunit.NAME) in every label
 * catalogue are one and the same set. */
/* cmocka.h needs these before it. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "load/xml.h"
#include "model/model.h"
#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *source_dir(void)
{
    const char *dir = getenv("RAPPORT_SOURCE_DIR");
    return dir ? dir : ".";
}

/* The <xs:enumeration value> children of <xs:simpleType name="indicator-unit">. */
static const struct rp_xnode *find_type(const struct rp_xnode *n, const char *name)
{
    for (size_t i = 0; i < n->child_count; i++) {
        const struct rp_xnode *c = &n->children[i];
        if (!c->name)
            continue;
        const char *own = rp_xnode_attr(c, "name");
        if (strcmp(c->name, "simpleType") == 0 && own && strcmp(own, name) == 0)
            return c;
        const struct rp_xnode *found = find_type(c, name);
        if (found)
            return found;
    }
    return NULL;
}

static void test_schema_units(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/schema/rapport.xsd", source_dir());
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_xnode *root = rp_xml_read(path, RP_SCHEMA_NONE, a, &d);
    assert_non_null(root);
    const struct rp_xnode *type = find_type(root, "indicator-unit");
    assert_non_null(type);
    size_t n = 0;
    for (size_t i = 0; i < type->child_count; i++) {
        const struct rp_xnode *r = &type->children[i];
        for (size_t k = 0; r->name && k < r->child_count; k++) {
            const struct rp_xnode *e = &r->children[k];
            if (!e->name || strcmp(e->name, "enumeration") != 0)
                continue;
            const char *value = rp_xnode_attr(e, "value");
            if (n >= rp_schema_unit_count || strcmp(rp_schema_units[n], value) != 0)
                fail_msg("schema unit '%s' is not rp_schema_units[%zu] (src/model/units.c)", value,
                         n);
            n++;
        }
    }
    assert_int_equal(n, rp_schema_unit_count);
    assert_true(rp_schema_unit("percent"));
    assert_false(rp_schema_unit("m2-per-fte"));
    assert_false(rp_schema_unit(NULL));
    rp_diags_free(&d);
    rp_arena_free(a);
}

static void test_unit_words(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    const struct rp_templates *t = rp_templates_load(NULL, a, &d);
    assert_non_null(t);
    for (int l = 0; l < RP_LANG__MAX; l++)
        for (size_t i = 0; i < rp_schema_unit_count; i++) {
            char key[96];
            snprintf(key, sizeof key, "iunit.%s", rp_schema_units[i]);
            if (!rp_label_exists(t, (enum rp_lang)l, key))
                fail_msg("templates/default/labels/%s.xml lacks the label %s",
                         rp_lang_code((enum rp_lang)l), key);
        }
    rp_diags_free(&d);
    rp_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_units),
        cmocka_unit_test(test_unit_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
