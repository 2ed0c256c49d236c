/* Files read ahead (produce/session.h: rp_session_preload()): every session takes the model
 * loaded before, with the diagnostics its loading gave, until the files read ahead are
 * forgotten; a session after that reads the file again. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "produce/session.h"

static char dir[64];
static char copy[128];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rapport-session-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    const char *src = getenv("RAPPORT_SOURCE_DIR");
    char from[512];
    snprintf(from, sizeof from, "%s/input/capac/plan.xml", src ? src : ".");
    snprintf(copy, sizeof copy, "%s/plan.xml", dir);
    FILE *in = fopen(from, "rb"), *out = fopen(copy, "wb");
    if (!in || !out)
        return -1;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    return fclose(out);
}

static int teardown(void **state)
{
    (void)state;
    rp_session_preload_free();
    unlink(copy);
    return rmdir(dir);
}

static void same_diags(const struct rp_diags *a, const struct rp_diags *b)
{
    assert_int_equal(a->count, b->count);
    assert_int_equal(a->errors, b->errors);
    assert_int_equal(a->warnings, b->warnings);
    for (size_t i = 0; i < a->count; i++) {
        assert_string_equal(a->items[i].message, b->items[i].message);
        assert_int_equal(a->items[i].line, b->items[i].line);
    }
}

static void test_preloaded_file_is_given_as_loaded(void **state)
{
    (void)state;
    struct rp_session direct, first, second;
    rp_session_init(&direct);
    const struct rp_file *d = rp_session_load(&direct, copy);
    assert_non_null(d);
    assert_int_equal(d->kind, RP_FILE_PLAN);

    rp_session_preload(copy);
    /* From now on, only the copy read ahead can serve it. */
    assert_int_equal(unlink(copy), 0);
    rp_session_init(&first);
    const struct rp_file *f = rp_session_load(&first, copy);
    assert_non_null(f);
    assert_int_equal(f->kind, RP_FILE_PLAN);
    assert_string_equal(f->plan->id, d->plan->id);
    assert_int_equal(f->plan->party_count, d->plan->party_count);
    assert_int_equal(f->plan->start, d->plan->start);
    same_diags(&first.diags, &direct.diags);

    /* To every session: the next one gets the same model and diagnostics, unparsed. */
    rp_session_init(&second);
    const struct rp_file *g = rp_session_load(&second, copy);
    assert_non_null(g);
    assert_ptr_equal(g->plan, f->plan);
    same_diags(&second.diags, &direct.diags);
    rp_session_free(&second);

    /* Forgotten: the next session reads the file, which is gone. */
    rp_session_preload_free();
    rp_session_init(&second);
    assert_null(rp_session_load(&second, copy));
    assert_true(second.diags.errors > 0);

    rp_session_free(&direct);
    rp_session_free(&first);
    rp_session_free(&second);
    /* setup's copy again, for teardown */
    FILE *out = fopen(copy, "wb");
    assert_non_null(out);
    fclose(out);
}

static void test_file_that_does_not_load_is_not_kept(void **state)
{
    (void)state;
    FILE *out = fopen(copy, "wb");
    assert_non_null(out);
    fputs("<plan", out);
    fclose(out);
    rp_session_preload(copy);
    struct rp_session s;
    rp_session_init(&s);
    assert_null(rp_session_load(&s, copy));
    assert_true(s.diags.errors > 0);
    rp_session_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_preloaded_file_is_given_as_loaded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_that_does_not_load_is_not_kept, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
