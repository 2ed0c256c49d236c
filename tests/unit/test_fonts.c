/* Locating the faces (src/render/fonts.c): the four TrueType files of a family, and the
 * answers remembered for the process, given to each caller as its own copies. */
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

/* A family found once is answered from memory, with files of the caller's own; a family
 * that needs a fallback asks fontconfig again and warns every time. */
static void test_fonts_found_once(void **state)
{
    (void)state;
    struct rp_diags diags = {0};
    struct rp_font_files again;
    struct rp_font_files files;
    rp_fonts_warm_up("Liberation Sans"); /* as the batch's parent does */
    size_t asked = rp_fonts_matches();
    assert_int_equal(rp_fonts_find("Liberation Sans", &files, &diags), 0);
    assert_int_equal(rp_fonts_find("Liberation Sans", &again, &diags), 0);
    assert_int_equal(rp_fonts_matches(), asked);
    for (int face = 0; face < RP_FACE__MAX; face++) {
        assert_string_equal(again.path[face], files.path[face]);
        assert_ptr_not_equal(again.path[face], files.path[face]);
    }
    rp_font_files_free(&again);
    rp_font_files_free(&files);
    for (size_t round = 1; round <= 2; round++) {
        assert_int_equal(rp_fonts_find("No Such Family Rapport", &again, &diags), 0);
        assert_int_equal(diags.warnings, round * RP_FACE__MAX);
        assert_int_equal(rp_fonts_matches(), asked + round);
        rp_font_files_free(&again);
    }
    rp_diags_free(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_faces_of_the_family),
        cmocka_unit_test(test_fonts_found_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
