/* Locating the faces (src/render/fonts.c): the four TrueType files of a family, the
 * fallback family with its warning, and the answers remembered for the process given to
 * each caller as its own copies. */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/fonts.h"
#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

static size_t count_warnings(const struct rp_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->items[i].severity == RP_WARNING;
    return n;
}

static void test_four_faces_of_the_family(void **state)
{
    (void)state;
    struct rp_diags diags;
    rp_diags_init(&diags);
    struct rp_font_files files;
    assert_int_equal(rp_fonts_find("Liberation Sans", &files, &diags), 0);
    assert_int_equal(diags.count, 0);
    for (int face = 0; face < RP_FACE__MAX; face++) {
        assert_non_null(files.path[face]);
        assert_non_null(strstr(files.path[face], "LiberationSans"));
        assert_non_null(strstr(files.path[face], ".ttf"));
    }
    assert_string_not_equal(files.path[RP_FACE_REGULAR], files.path[RP_FACE_BOLD]);
    assert_string_not_equal(files.path[RP_FACE_ITALIC], files.path[RP_FACE_BOLD_ITALIC]);
    rp_font_files_free(&files);
    rp_diags_free(&diags);
}

/* The second answer comes from what the process remembers: the same files, in strings of
 * the caller's own, which outlive the first caller's. */
static void test_answers_remembered_as_copies(void **state)
{
    (void)state;
    struct rp_diags diags;
    rp_diags_init(&diags);
    rp_fonts_warm_up("Liberation Sans");
    struct rp_font_files first, second;
    assert_int_equal(rp_fonts_find("Liberation Sans", &first, &diags), 0);
    assert_int_equal(rp_fonts_find("Liberation Sans", &second, &diags), 0);
    for (int face = 0; face < RP_FACE__MAX; face++) {
        assert_string_equal(first.path[face], second.path[face]);
        assert_ptr_not_equal(first.path[face], second.path[face]);
    }
    char *kept = strdup(second.path[RP_FACE_BOLD]);
    rp_font_files_free(&first);
    assert_string_equal(second.path[RP_FACE_BOLD], kept);
    free(kept);
    rp_font_files_free(&second);
    assert_int_equal(diags.count, 0);
    rp_diags_free(&diags);
}

/* A family that is not installed falls back to Liberation Sans, and says so every time,
 * not only when fontconfig was asked. */
static void test_missing_family_warns_every_time(void **state)
{
    (void)state;
    for (int round = 0; round < 2; round++) {
        struct rp_diags diags;
        rp_diags_init(&diags);
        struct rp_font_files files;
        assert_int_equal(rp_fonts_find("No Such Family Anywhere", &files, &diags), 0);
        assert_int_equal(count_warnings(&diags), RP_FACE__MAX);
        assert_non_null(strstr(diags.items[0].message, "No Such Family Anywhere"));
        assert_non_null(strstr(files.path[RP_FACE_REGULAR], "LiberationSans"));
        rp_font_files_free(&files);
        rp_diags_free(&diags);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_faces_of_the_family),
        cmocka_unit_test(test_answers_remembered_as_copies),
        cmocka_unit_test(test_missing_family_warns_every_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
