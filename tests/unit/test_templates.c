#define _POSIX_C_SOURCE 200809L
/* Templates: the built-in set loads and is complete; a directory missing a label, or with
 * an invalid theme, is refused at load time with a located error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "load/image.h"
#include "load/xml.h"
#include "produce/kinds.h"
#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern const unsigned char rp_default_theme[], rp_default_documents[], rp_default_labels_fr[],
    rp_default_labels_nl[], rp_default_labels_en[], rp_default_labels_de[];
extern const unsigned long rp_default_theme_len, rp_default_documents_len, rp_default_labels_fr_len,
    rp_default_labels_nl_len, rp_default_labels_en_len, rp_default_labels_de_len;

/* The built-in files match the templates schema: rapport reads them without validating
 * (templates_read.c), on the strength of this test. */
static void test_default_files_match_the_schema(void **state)
{
    (void)state;
    const struct {
        const unsigned char *data;
        const unsigned long *size;
    } files[] = {{rp_default_theme, &rp_default_theme_len},
                 {rp_default_documents, &rp_default_documents_len},
                 {rp_default_labels_fr, &rp_default_labels_fr_len},
                 {rp_default_labels_nl, &rp_default_labels_nl_len},
                 {rp_default_labels_en, &rp_default_labels_en_len},
                 {rp_default_labels_de, &rp_default_labels_de_len}};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        struct rp_arena *arena = rp_arena_new();
        struct rp_diags diags;
        rp_diags_init(&diags);
        const struct rp_xnode *root =
            rp_xml_read_memory((const char *)files[i].data, *files[i].size, "default",
                               RP_SCHEMA_TEMPLATES, arena, &diags);
        for (size_t d = 0; d < diags.count; d++)
            fprintf(stderr, "default file %zu: %s\n", i, diags.items[d].message);
        assert_non_null(root);
        assert_int_equal(diags.count, 0);
        rp_diags_free(&diags);
        rp_arena_free(arena);
    }
}

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
            assert_true(
                rp_label_exists(t, (enum rp_lang)l, t->catalogues[RP_LANG_FR].items[i].key));
    }
    assert_non_null(rp_templates_part(t, "evaluation", "dashboard"));
    assert_null(rp_templates_part(t, "evaluation", "no-such-part"));
    assert_null(rp_templates_part(t, "no-such-kind", "about"));
    /* Every kind rapport renders is described, with its name in every language, and
     * documents.xml describes no other kind. */
    assert_int_equal(rp_kinds_check(t, &d), 0);
    const struct rp_document_spec *budget = rp_templates_document(t, "budget");
    assert_non_null(budget);
    assert_string_equal(budget->names[RP_LANG_NL], "Begrotingstabellen");
    assert_string_equal(budget->names[RP_LANG_DE], "Haushaltstabellen");
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
    snprintf(cmd, sizeof cmd,
             "cp -r '%s/templates/default/.' '%s/' && "
             "sed -i '0,/<label key=/{/<label key=/d}' '%s/labels/nl.xml'",
             src, dir, dir);
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

/* A copy of the source tree's default templates in a new temporary directory (`dir` holds
 * its name); NULL when RAPPORT_SOURCE_DIR is not set. */
static char *copy_default(char *dir)
{
    const char *src = getenv("RAPPORT_SOURCE_DIR");
    if (!src)
        return NULL;
    assert_non_null(mkdtemp(dir));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -r '%s/templates/default/.' '%s/'", src, dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

static void remove_dir(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Loads `dir`, expecting it refused with a first error in `file` whose message holds
 * `message`; returns that error's line. */
static long expect_refused(const char *dir, const char *file, const char *message)
{
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    assert_null(rp_templates_load(dir, a, &d));
    assert_true(d.errors >= 1);
    if (!strstr(d.items[0].message, message) || !strstr(d.items[0].file, file))
        fail_msg("%s: %s", d.items[0].file, d.items[0].message);
    long line = d.items[0].line;
    rp_diags_free(&d);
    rp_arena_free(a);
    return line;
}

/* A catalogue with a key rapport does not know (a typo) is refused at that label, beside
 * the label the typo then lacks. */
static void test_unknown_label_is_an_error(void **state)
{
    (void)state;
    char dir[] = "/tmp/rapport-templates-XXXXXX";
    if (!copy_default(dir))
        skip();
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "sed -i 's/key=\"sec.dashboard\"/key=\"sec.dashbord\"/' "
             "'%s/labels/en.xml'",
             dir);
    assert_int_equal(system(cmd), 0);
    long line = expect_refused(dir, "labels/en.xml",
                               "unknown label 'sec.dashbord': rapport prints no label");
    assert_true(line > 3); /* the label's own line, not the file's */
    expect_refused(dir, "labels/en.xml", "unknown label");
    remove_dir(dir);
}

static void write_theme_page(const char *dir, const char *page)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sed -i 's|<page [^>]*/>|%s|' '%s/theme.xml'", page, dir);
    assert_int_equal(system(cmd), 0);
}

/* Page sizes outside 72..14400 pt are schema errors; margins that leave no body, or no room
 * for the running header and footer, are located load-time errors. */
static void test_theme_geometry(void **state)
{
    (void)state;
    char dir[] = "/tmp/rapport-templates-XXXXXX";
    if (!copy_default(dir))
        skip();
    write_theme_page(dir, "<page width=\"1\" height=\"841.89\" margin-top=\"72\" "
                          "margin-bottom=\"64\" margin-left=\"62\" margin-right=\"62\"/>");
    expect_refused(dir, "theme.xml", "minimum value allowed ('72')");
    write_theme_page(dir, "<page width=\"20000\" height=\"841.89\" margin-top=\"72\" "
                          "margin-bottom=\"64\" margin-left=\"62\" margin-right=\"62\"/>");
    expect_refused(dir, "theme.xml", "maximum value allowed ('14400')");
    write_theme_page(dir, "<page width=\"595.276\" height=\"841.89\" margin-top=\"2000\" "
                          "margin-bottom=\"2000\" margin-left=\"2000\" margin-right=\"2000\"/>");
    assert_int_equal(expect_refused(dir, "theme.xml", "the margins leave a body of"), 4);
    /* 600 pt tall but only 420 wide: landscape pages turn it, so 420 - 144 - 144 < 144. */
    write_theme_page(dir, "<page width=\"420\" height=\"600\" margin-top=\"144\" "
                          "margin-bottom=\"144\" margin-left=\"62\" margin-right=\"62\"/>");
    expect_refused(dir, "theme.xml", "a body of 296 × 132 pt");
    write_theme_page(dir, "<page width=\"595.276\" height=\"841.89\" margin-top=\"20\" "
                          "margin-bottom=\"64\" margin-left=\"62\" margin-right=\"62\"/>");
    expect_refused(dir, "theme.xml", "margin-top and margin-bottom must be at least 40 pt");
    /* The smallest accepted page: a 72 pt wide page cannot hold a body, a letter page can. */
    write_theme_page(dir, "<page width=\"612\" height=\"792\" margin-top=\"40\" "
                          "margin-bottom=\"40\" margin-left=\"0\" margin-right=\"0\"/>");
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    assert_non_null(rp_templates_load(dir, a, &d));
    rp_diags_free(&d);
    rp_arena_free(a);
    remove_dir(dir);
}

/* ------------------------------------------------------------------ the logo checker */

static unsigned char *read_data(const char *name, size_t *size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/%s", getenv("RAPPORT_SOURCE_DIR"), name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *size = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffu;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* Checks `data` and expects it refused with `message` in the reason (NULL: accepted). */
static void expect_image(const unsigned char *data, size_t size, enum rp_image_format format,
                         const char *message)
{
    char why[256] = "";
    bool ok = rp_image_check(data, size, format, why, sizeof why);
    if (!message && !ok)
        fail_msg("refused: %s", why);
    if (message && (ok || !strstr(why, message)))
        fail_msg("expected '%s', got %s '%s'", message, ok ? "accepted" : "refused", why);
}

static void test_png_checked_in_full(void **state)
{
    (void)state;
    if (!getenv("RAPPORT_SOURCE_DIR"))
        skip();
    size_t size;
    unsigned char *png = read_data("logo.png", &size);
    expect_image(png, size, RP_IMAGE_PNG, NULL);
    /* Cut in its IDAT, or just before IEND: libharu aborted the process on the first. */
    expect_image(png, size / 2, RP_IMAGE_PNG, "the PNG data is invalid (the file ends too early)");
    expect_image(png, size - 12, RP_IMAGE_PNG, "the file ends too early");
    expect_image(png, 8, RP_IMAGE_PNG, "the file ends too early");
    expect_image(png, 0, RP_IMAGE_PNG, "not a PNG");
    /* A flipped byte: the CRC of the palette catches it; in the compressed pixels, zlib
     * fails before the CRC is reached. */
    png[100] ^= 0x55;
    expect_image(png, size, RP_IMAGE_PNG, "the PNG data is invalid (PLTE: CRC error)");
    png[100] ^= 0x55;
    png[700] ^= 0x55;
    expect_image(png, size, RP_IMAGE_PNG, "the PNG data is invalid (IDAT: ");
    /* Garbage with a right CRC: zlib refuses it. The IDAT chunk is at 636. */
    uint32_t len = (uint32_t)png[636] << 24 | (uint32_t)png[637] << 16 | png[638] << 8 | png[639];
    memset(png + 644, 0xA5, len); /* garbage instead of a zlib stream */
    put32(png + 644 + len, crc32_of(png + 640, len + 4));
    expect_image(png, size, RP_IMAGE_PNG, "the PNG data is invalid");
    free(png);

    /* A valid IHDR claiming 20000 × 20000 with a few bytes of data is refused from its
     * header alone (libharu spent 20 s and 1.2 GB on it, per document). */
    png = read_data("logo.png", &size);
    put32(png + 16, 20000);
    put32(png + 20, 20000);
    put32(png + 29, crc32_of(png + 12, 17));
    expect_image(png, size, RP_IMAGE_PNG, "it is 20000 × 20000 pixels; at most 10000 a side");
    put32(png + 16, 10001);
    put32(png + 20, 1);
    put32(png + 29, crc32_of(png + 12, 17));
    expect_image(png, size, RP_IMAGE_PNG, "it is 10001 × 1 pixels");
    /* 16-bit samples: libharu 2.3.0 writes them corrupt. */
    put32(png + 16, 360);
    put32(png + 20, 120);
    png[24] = 16, png[25] = 2; /* RGB 16 */
    put32(png + 29, crc32_of(png + 12, 17));
    expect_image(png, size, RP_IMAGE_PNG, "16-bit samples");
    png[24] = 8, png[25] = 3, png[28] = 1; /* palette 8, interlaced */
    put32(png + 29, crc32_of(png + 12, 17));
    expect_image(png, size, RP_IMAGE_PNG, "interlaced");
    free(png);
}

static void test_jpeg_checked_in_full(void **state)
{
    (void)state;
    if (!getenv("RAPPORT_SOURCE_DIR"))
        skip();
    size_t size;
    unsigned char *jpg = read_data("logo.jpg", &size);
    expect_image(jpg, size, RP_IMAGE_JPEG, NULL);
    /* libharu only reads the header and embeds the bytes: a cut file made a PDF whose image
     * could not be decoded. */
    expect_image(jpg, size - 100, RP_IMAGE_JPEG, "Premature end of JPEG file");
    expect_image(jpg, size - 2, RP_IMAGE_JPEG, "Premature end of JPEG file"); /* no EOI */
    expect_image(jpg, 200, RP_IMAGE_JPEG, "the JPEG data is invalid");
    expect_image(jpg, 0, RP_IMAGE_JPEG, "empty");
    unsigned char *sof = NULL;
    for (size_t i = 0; i + 1 < size && !sof; i++)
        if (jpg[i] == 0xFF && jpg[i + 1] == 0xC0)
            sof = jpg + i;
    assert_non_null(sof);
    sof[5] = sof[7] = 20000 >> 8, sof[6] = sof[8] = 20000 & 0xFF;
    expect_image(jpg, size, RP_IMAGE_JPEG, "it is 20000 × 20000 pixels");
    sof[5] = 0, sof[6] = 120, sof[7] = 360 >> 8, sof[8] = 360 & 0xFF;
    expect_image(jpg, size, RP_IMAGE_JPEG, NULL);
    /* Garbage in the entropy-coded data: libjpeg only warns, which is refused too. */
    memset(jpg + size - 600, 0xFF, 300);
    expect_image(jpg, size, RP_IMAGE_JPEG, "the JPEG data is invalid");
    free(jpg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_files_match_the_schema),
        cmocka_unit_test(test_default_set),
        cmocka_unit_test(test_fill),
        cmocka_unit_test(test_missing_label_is_an_error),
        cmocka_unit_test(test_unknown_label_is_an_error),
        cmocka_unit_test(test_theme_geometry),
        cmocka_unit_test(test_png_checked_in_full),
        cmocka_unit_test(test_jpeg_checked_in_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
