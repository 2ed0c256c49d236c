#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/diag.h"

static void test_format_and_counts(void **state)
{
    (void)state;
    struct rp_diags d;
    rp_diags_init(&d);
    rp_diag_add(&d, RP_ERROR, "a.xml", 3, 7, "bad %s", "thing");
    rp_diag_add(&d, RP_WARNING, "a.xml", 4, 0, "line\nbreak");
    rp_diag_add(&d, RP_ERROR, NULL, 0, 0, "global");
    char buf[256];
    assert_string_equal(rp_diag_format(&d.items[0], buf, sizeof buf), "a.xml:3:7: error: bad thing");
    assert_string_equal(rp_diag_format(&d.items[1], buf, sizeof buf),
                        "a.xml:4:1: warning: line break");
    assert_string_equal(rp_diag_format(&d.items[2], buf, sizeof buf), "rapport: error: global");
    assert_int_equal(d.errors, 2);
    assert_int_equal(d.warnings, 1);
    rp_diags_free(&d);
    assert_int_equal(d.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_format_and_counts)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
