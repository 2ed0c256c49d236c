/* The organisation id rule: the C function and the schema's org-id type say the same. */
#include "model/org_id.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void accepts_what_the_schema_accepts(void **state)
{
    (void)state;
    assert_true(rp_org_id_valid("capac"));
    assert_true(rp_org_id_valid("spf-interieur"));
    assert_true(rp_org_id_valid("2024"));
    assert_true(rp_org_id_valid("a"));
    char longest[65];
    memset(longest, 'a', 64);
    longest[64] = '\0';
    assert_true(rp_org_id_valid(longest));
}

static void refuses_the_rest(void **state)
{
    (void)state;
    assert_false(rp_org_id_valid(""));
    assert_false(rp_org_id_valid(NULL));
    assert_false(rp_org_id_valid("Capac"));     /* upper case */
    assert_false(rp_org_id_valid("-capac"));    /* leading hyphen */
    assert_false(rp_org_id_valid("cap_ac"));    /* underscore */
    assert_false(rp_org_id_valid("cap.ac"));    /* dot */
    assert_false(rp_org_id_valid("review/x"));  /* a path */
    assert_false(rp_org_id_valid("spf intérieur"));
    char too_long[66];
    memset(too_long, 'a', 65);
    too_long[65] = '\0';
    assert_false(rp_org_id_valid(too_long));
}

/* The schema states the rule; the C code must state the same pattern. */
static void schema_states_the_same_pattern(void **state)
{
    (void)state;
    const char *dir = getenv("RAPPORT_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/schema/rapport.xsd", dir ? dir : ".");
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char xsd[1 << 20];
    size_t n = fread(xsd, 1, sizeof xsd - 1, f);
    fclose(f);
    xsd[n] = '\0';
    const char *type = strstr(xsd, "<xs:simpleType name=\"org-id\">");
    assert_non_null(type);
    const char *pattern = strstr(type, "<xs:pattern value=\"");
    assert_non_null(pattern);
    pattern += strlen("<xs:pattern value=\"");
    const char *end = strchr(pattern, '"');
    assert_non_null(end);
    assert_int_equal((size_t)(end - pattern), strlen(RP_ORG_ID_PATTERN));
    assert_memory_equal(pattern, RP_ORG_ID_PATTERN, strlen(RP_ORG_ID_PATTERN));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_what_the_schema_accepts),
        cmocka_unit_test(refuses_the_rest),
        cmocka_unit_test(schema_states_the_same_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
