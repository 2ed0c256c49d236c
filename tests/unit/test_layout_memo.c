/* The memo of atoms: text cut with the memo gives the atoms it gives without, the first time
 * and every time after (spaces that start a span ending the atom before it included); the
 * key is the text's bytes, face, size, kind and link, so a buffer reused for other text, or
 * the same text in another face, size or link, is cut afresh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/layout.h"

#include <string.h>

static double advance(void *ctx, enum rp_face face, uint32_t cp)
{
    (void)ctx;
    return (cp == ' ' ? 250 : 500) + (face == RP_FACE_BOLD ? 50 : 0);
}

/* As if shaped: "AV" kerned by -80, so that widths are not the sums of the advances. */
static double width(void *ctx, enum rp_face face, const char *s, size_t len)
{
    double w = 0;
    for (size_t i = 0; i < len; i++) {
        if ((s[i] & 0xC0) == 0x80)
            continue;
        w += advance(ctx, face, (unsigned char)s[i]);
        if (i + 1 < len && s[i] == 'A' && s[i + 1] == 'V')
            w -= 80;
    }
    return w;
}

static void same_atoms(const struct rp_atoms *a, const struct rp_atoms *b)
{
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        const struct rp_atom *x = &a->items[i], *y = &b->items[i];
        assert_ptr_equal(x->text, y->text);
        assert_int_equal(x->len, y->len);
        assert_true(x->width == y->width && x->space == y->space && x->size == y->size);
        assert_int_equal(x->face, y->face);
        assert_int_equal(x->brk, y->brk);
        assert_int_equal(x->kind, y->kind);
        assert_ptr_equal(x->href, y->href);
    }
}

struct span {
    const char *text;
    enum rp_face face;
    double size;
    const char *href;
};

/* The spans cut one after the other with `m`. */
static void cut(struct rp_atoms *atoms, const struct rp_metrics *m, const struct span *spans,
                size_t n)
{
    for (size_t i = 0; i < n; i++)
        rp_atoms_add_text(atoms, m, spans[i].text, strlen(spans[i].text), spans[i].face,
                          spans[i].size, RP_SPAN_TEXT, spans[i].href);
}

static void same_with_and_without(void **state)
{
    (void)state;
    static const struct span spans[] = {
        {"AVANT-PROPOS du plan", RP_FACE_BOLD, 12, NULL},
        {" suite, après une espace", RP_FACE_REGULAR, 10, NULL},
        {"\nligne forcée", RP_FACE_REGULAR, 10, NULL},
        {"   ", RP_FACE_REGULAR, 10, NULL},
        {"e-premier 2022\xe2\x80\x93"
         "2023 a/b in\xc2\xad"
         "ter\xe2\x80\xa8suite",
         RP_FACE_ITALIC, 9, NULL},
        {"lien vers le site", RP_FACE_REGULAR, 10, "https://example.be/a"},
        {"lien vers le site", RP_FACE_REGULAR, 10, "https://example.be/b"},
        {"AVANT-PROPOS du plan", RP_FACE_REGULAR, 12, NULL},
        {"AVANT-PROPOS du plan", RP_FACE_BOLD, 11, NULL},
        {"  AVANT-PROPOS du plan  ", RP_FACE_BOLD, 12, NULL},
    };
    enum { N = sizeof spans / sizeof *spans };
    struct rp_metrics plain = {NULL, advance, 800, -200, width, NULL};
    struct rp_metrics memo = plain;
    memo.memo = rp_atoms_memo_new();
    assert_non_null(memo.memo);
    struct rp_atoms want = {0};
    cut(&want, &plain, spans, N);
    for (int round = 0; round < 3; round++) { /* cut, then replayed */
        struct rp_atoms got = {0};
        cut(&got, &memo, spans, N);
        same_atoms(&got, &want);
        rp_atoms_free(&got);
    }
    rp_atoms_free(&want);
    rp_atoms_memo_free(memo.memo);
}

static void a_reused_buffer_is_cut_again(void **state)
{
    (void)state;
    struct rp_metrics m = {NULL, advance, 800, -200, width, rp_atoms_memo_new()};
    struct rp_metrics plain = m;
    plain.memo = NULL;
    char buf[32];
    static const char *const texts[] = {"alpha beta-gamma", "AVAV  deltas xyz", "alpha beta-gamma"};
    for (size_t i = 0; i < 3; i++) {
        strcpy(buf, texts[i]);
        struct rp_atoms got = {0}, want = {0};
        rp_atoms_add_text(&got, &m, buf, strlen(buf), RP_FACE_REGULAR, 10, RP_SPAN_TEXT, NULL);
        rp_atoms_add_text(&want, &plain, buf, strlen(buf), RP_FACE_REGULAR, 10, RP_SPAN_TEXT, NULL);
        same_atoms(&got, &want);
        rp_atoms_free(&got), rp_atoms_free(&want);
    }
    rp_atoms_memo_free(m.memo);
}

static void replays_only_the_same_key(void **state)
{
    (void)state;
    struct rp_metrics m = {NULL, advance, 800, -200, width, rp_atoms_memo_new()};
    const char *text = "budget 2024 AV";
    struct rp_atoms a = {0};
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_REGULAR, 10,
                                      RP_SPAN_TEXT, NULL));
    rp_atoms_add_text(&a, &m, text, strlen(text), RP_FACE_REGULAR, 10, RP_SPAN_TEXT, "x");
    size_t n = a.count;
    assert_true(n > 0);
    assert_true(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_REGULAR, 10,
                                     RP_SPAN_TEXT, "x"));
    assert_int_equal(a.count, 2 * n);
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_REGULAR, 10,
                                      RP_SPAN_TEXT, NULL));
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_REGULAR, 10,
                                      RP_SPAN_TEXT, "y"));
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_REGULAR, 10.5,
                                      RP_SPAN_TEXT, "x"));
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text), RP_FACE_ITALIC, 10,
                                      RP_SPAN_TEXT, "x"));
    assert_false(rp_atoms_memo_replay(m.memo, &a, text, strlen(text) - 1, RP_FACE_REGULAR, 10,
                                      RP_SPAN_TEXT, "x"));
    assert_int_equal(a.count, 2 * n);
    rp_atoms_free(&a);
    rp_atoms_memo_free(m.memo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_with_and_without),
        cmocka_unit_test(a_reused_buffer_is_cut_again),
        cmocka_unit_test(replays_only_the_same_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
