/* What the batch writes: atomic files, the manifest (written, read back, unsafe entries
 * refused, editions and publications not produced), the index page, and the XML writer's
 * HTML flavour. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four above first. */
#include <cmocka.h>

#include "batch/index.h"
#include "batch/manifest.h"
#include "default_templates.h"
#include "load/xml_write.h"
#include "util/atomic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NBSP "\xc2\xa0"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rapport-test-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void test_atomic_write_and_sweep(void **state)
{
    (void)state;
    char path[128], stale[160];
    snprintf(path, sizeof path, "%s/sub/file.txt", dir);
    snprintf(stale, sizeof stale, "%s/sub", dir);
    assert_int_equal(rp_mkdir_p(stale), 0);
    assert_int_equal(rp_mkdir_p(stale), 0); /* an existing directory is fine */
    assert_int_equal(rp_atomic_write(path, "hello", 5), 0);
    assert_string_equal(slurp(path), "hello");
    assert_int_equal(rp_atomic_write(path, "again", 5), 0);
    assert_string_equal(slurp(path), "again");
    /* Leftovers of killed processes: only temporary names go, and only the asked pid's. */
    char t1[200], t2[200];
    assert_int_equal(rp_temp_name(t1, sizeof t1, path, 111, "t"), 0);
    assert_int_equal(rp_temp_name(t2, sizeof t2, path, 222, "t"), 0);
    FILE *f = fopen(t1, "w");
    fclose(f);
    f = fopen(t2, "w");
    fclose(f);
    assert_int_equal(rp_temp_sweep(dir, 111), 1);
    assert_int_equal(access(t1, F_OK), -1);
    assert_int_equal(access(t2, F_OK), 0);
    assert_int_equal(rp_temp_sweep(dir, 0), 1);
    assert_int_equal(access(t2, F_OK), -1);
    assert_int_equal(access(path, F_OK), 0);
    /* A directory that cannot hold the file: nothing is left behind. */
    char bad[200];
    snprintf(bad, sizeof bad, "%s/file.txt/x", stale);
    assert_int_equal(rp_atomic_write(bad, "x", 1), -1);
    assert_int_equal(rp_temp_sweep(dir, 0), 0);
}

static struct rp_entry entry(const char *org, const char *kind, int year, const char *lang)
{
    static struct rp_entry_source src = {
        "capac/plan.xml", "dfdb5c68379b48ab5b60232d623c391394f96a3a90f5e3950e15c9392a0e5ec2"};
    static char files[8][64];
    static int next;
    char *file = files[next++ % 8];
    if (year)
        snprintf(file, 64, "%s/%s-%d.%s.pdf", org, kind, year, lang);
    else
        snprintf(file, 64, "%s/%s-2022-2025.%s.pdf", org, kind, lang);
    return (struct rp_entry){.org = org,
                             .org_name = "Caisse & <co>",
                             .kind = kind,
                             .year = year,
                             .period = year ? NULL : "2022-2025",
                             .lang = lang,
                             .file = file,
                             .pages = 5,
                             .bytes = 183177,
                             .sha256 =
                                 "21f4bf6105df6d039fc7c2bad971be20d88ccdbb24cf07d1558d7cae39d8663a",
                             .version = "0.1.0",
                             .date = "2024-05-17",
                             .inputs = "be39",
                             .sources = &src,
                             .source_count = 1};
}

/* Only regular files are replaced, never through a link; temporary names are fresh. */
static void test_atomic_refuses_links_and_special_files(void **state)
{
    (void)state;
    char target[160], link[160], fifo[160], plain[160];
    snprintf(target, sizeof target, "%s/target", dir);
    snprintf(link, sizeof link, "%s/link.pdf", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.pdf", dir);
    snprintf(plain, sizeof plain, "%s/plain.pdf", dir);
    assert_int_equal(rp_atomic_write(target, "precious", 8), 0);
    assert_int_equal(symlink(target, link), 0);
    errno = 0;
    assert_int_equal(rp_atomic_write(link, "x", 1), -1);
    assert_int_equal(errno, EEXIST);
    assert_string_equal(slurp(target), "precious");
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(rp_atomic_write(fifo, "x", 1), -1);
    assert_int_equal(errno, EEXIST);
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_string_equal(rp_atomic_strerror(EEXIST),
                        "exists and is not a regular file (not replaced)");

    /* Two writers of one name get two unpredictable temporary files of their own pid. */
    struct rp_atomic a, b;
    assert_int_equal(rp_atomic_open(&a, plain), 0);
    assert_int_equal(rp_atomic_open(&b, plain), 0);
    assert_string_not_equal(a.temp, b.temp);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "/" RP_TEMP_PREFIX "%ld.", (long)getpid());
    assert_non_null(strstr(a.temp, prefix));
    assert_int_equal(write(a.fd, "one", 3), 3);
    assert_int_equal(rp_atomic_commit(&a), 0);
    char temp_b[sizeof b.temp];
    memcpy(temp_b, b.temp, sizeof temp_b);
    rp_atomic_abort(&b);
    assert_int_equal(access(temp_b, F_OK), -1);
    assert_string_equal(slurp(plain), "one");
    /* A link planted under a temporary name is removed by the sweep, never followed. */
    char planted[200];
    assert_int_equal(rp_temp_name(planted, sizeof planted, plain, 999, "zz"), 0);
    assert_int_equal(symlink(target, planted), 0);
    assert_int_equal(rp_temp_sweep(dir, 999), 1);
    assert_string_equal(slurp(target), "precious");
    unlink(link);
    unlink(fifo);
    unlink(plain);
    unlink(target);
}

static void test_manifest_round_trip(void **state)
{
    (void)state;
    struct rp_manifest m;
    rp_manifest_init(&m);
    struct rp_entry e1 = entry("capac", "evaluation", 2023, "nl");
    rp_manifest_add(&m, &e1);
    struct rp_entry e2 = entry("capac", "budget", 0, "fr");
    rp_manifest_add(&m, &e2);
    struct rp_entry e3 = entry("capac", "evaluation", 2022, "fr");
    rp_manifest_add(&m, &e3);
    rp_manifest_sort(&m);
    assert_string_equal(m.items[0].kind, "budget");
    assert_int_equal(m.items[1].year, 2022);
    char *data;
    size_t size;
    assert_int_equal(rp_manifest_serialize(&m, &data, &size), 0);
    assert_non_null(strstr(data, "<organisation-name>Caisse &amp; &lt;co&gt;</organisation-name>"));
    char path[128];
    snprintf(path, sizeof path, "%s/manifest.xml", dir);
    assert_int_equal(rp_atomic_write(path, data, size), 0);

    struct rp_manifest back;
    rp_manifest_init(&back);
    struct rp_diags d;
    rp_diags_init(&d);
    assert_int_equal(rp_manifest_read(&back, path, &d), 0);
    assert_int_equal(back.count, 3);
    assert_non_null(
        rp_manifest_find(&back, "capac", "evaluation", 2023, "nl", RP_EDITION_PUBLICATION, "pdf"));
    assert_null(
        rp_manifest_find(&back, "capac", "evaluation", 2023, "fr", RP_EDITION_PUBLICATION, "pdf"));
    char *again;
    size_t again_size;
    assert_int_equal(rp_manifest_serialize(&back, &again, &again_size), 0);
    assert_int_equal(again_size, size);
    assert_memory_equal(again, data, size);
    free(again);
    free(data);
    rp_manifest_free(&back);
    rp_manifest_free(&m);

    /* Entries steering files outside the output directory are dropped with a warning. */
    FILE *f = fopen(path, "w");
    fputs("<manifest format=\"1\"><document organisation=\"x\" kind=\"budget\" year=\"1\" "
          "lang=\"fr\" file=\"../../etc/passwd.pdf\" sha256=\"21f4bf6105df6d039fc7c2bad971be2"
          "0d88ccdbb24cf07d1558d7cae39d8663a\" inputs=\"1\"/></manifest>",
          f);
    fclose(f);
    rp_manifest_init(&back);
    assert_int_equal(rp_manifest_read(&back, path, &d), 0);
    assert_int_equal(back.count, 0);
    assert_int_equal(d.warnings, 1);
    rp_manifest_free(&back);
    /* A document type declaration is refused, as in inputs. */
    f = fopen(path, "w");
    fputs("<!DOCTYPE manifest [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><manifest>&e;</manifest>",
          f);
    fclose(f);
    rp_manifest_init(&back);
    assert_int_equal(rp_manifest_read(&back, path, &d), -1);
    rp_manifest_free(&back);
    /* No manifest yet: an empty one. */
    snprintf(path, sizeof path, "%s/none.xml", dir);
    rp_manifest_init(&back);
    assert_int_equal(rp_manifest_read(&back, path, &d), 0);
    assert_int_equal(back.count, 0);
    rp_manifest_free(&back);
    rp_diags_free(&d);
}

/* A review edition of `e`, under review/. */
static struct rp_entry review_of(struct rp_entry e)
{
    static char files[4][96];
    static int next;
    char *file = files[next++ % 4];
    snprintf(file, 96, "review/%s", e.file);
    e.file = file;
    e.edition = RP_EDITION_REVIEW;
    return e;
}

/* A publication not produced: no file, a reason. */
static struct rp_entry withheld(struct rp_entry e, const char *reason, int coverage)
{
    e.file = NULL;
    e.sha256 = NULL;
    e.pages = 0;
    e.bytes = 0;
    e.reason = reason;
    e.incomplete = coverage >= 0;
    e.coverage = coverage >= 0 ? coverage : 0;
    return e;
}

static int read_text(const char *path, const char *text, struct rp_manifest *m, struct rp_diags *d)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    rp_manifest_init(m);
    return rp_manifest_read(m, path, d);
}

static void test_manifest_editions(void **state)
{
    (void)state;
    struct rp_manifest m;
    rp_manifest_init(&m);
    struct rp_entry pub = entry("capac", "budget", 0, "fr");
    struct rp_entry rev = review_of(pub);
    struct rp_entry na = withheld(entry("capac", "communication", 0, "fr"),
                                  "the plan has no communication plan", -1);
    struct rp_entry nl =
        withheld(entry("capac", "evaluation", 2022, "nl"), "translation incomplete", 41);
    rp_manifest_add(&m, &rev);
    rp_manifest_add(&m, &nl);
    rp_manifest_add(&m, &na);
    rp_manifest_add(&m, &pub);
    rp_manifest_sort(&m);
    /* Canonical order: identity, then the publication before the review edition. */
    assert_int_equal(m.items[0].edition, RP_EDITION_PUBLICATION);
    assert_string_equal(m.items[1].file, "review/capac/budget-2022-2025.fr.pdf");
    assert_string_equal(m.items[2].kind, "communication");
    char *data;
    size_t size;
    assert_int_equal(rp_manifest_serialize(&m, &data, &size), 0);
    /* Every entry names its format and media type, whether it has a file or not. */
    assert_non_null(strstr(data, "edition=\"review\" format=\"pdf\" media-type=\"application/pdf\" "
                                 "file=\"review/capac/budget-2022-2025.fr.pdf\""));
    assert_non_null(strstr(data, "lang=\"fr\" edition=\"publication\" format=\"pdf\" "
                                 "media-type=\"application/pdf\" reason=\"the plan has no "
                                 "communication plan\" rapport="));
    assert_non_null(strstr(data, "reason=\"translation incomplete\" coverage=\"41\""));
    char path[128];
    snprintf(path, sizeof path, "%s/manifest.xml", dir);
    assert_int_equal(rp_atomic_write(path, data, size), 0);
    struct rp_manifest back;
    rp_manifest_init(&back);
    struct rp_diags d;
    rp_diags_init(&d);
    assert_int_equal(rp_manifest_read(&back, path, &d), 0);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(back.count, 4);
    const struct rp_entry *e =
        rp_manifest_find(&back, "capac", "budget", 0, "fr", RP_EDITION_REVIEW, "pdf");
    assert_non_null(e);
    assert_string_equal(e->file, "review/capac/budget-2022-2025.fr.pdf");
    e = rp_manifest_find(&back, "capac", "evaluation", 2022, "nl", RP_EDITION_PUBLICATION, "pdf");
    assert_non_null(e);
    assert_null(e->file);
    assert_true(e->incomplete);
    assert_int_equal(e->coverage, 41);
    char label[128], why[128];
    assert_string_equal(rp_entry_label(e, label, sizeof label), "capac/evaluation-2022.nl");
    assert_string_equal(rp_entry_why(e, why, sizeof why), "translation incomplete: 41 %");
    e = rp_manifest_find(&back, "capac", "communication", 0, "fr", RP_EDITION_PUBLICATION, "pdf");
    assert_non_null(e);
    assert_false(e->incomplete);
    assert_string_equal(rp_entry_label(e, label, sizeof label), "capac/communication-2022-2025.fr");
    assert_null(
        rp_manifest_find(&back, "capac", "communication", 0, "fr", RP_EDITION_REVIEW, "pdf"));
    size_t nfiles;
    const char **files = rp_manifest_files(&back, &nfiles);
    assert_int_equal(nfiles, 2);
    free(files);
    char *again;
    size_t again_size;
    assert_int_equal(rp_manifest_serialize(&back, &again, &again_size), 0);
    assert_int_equal(again_size, size);
    assert_memory_equal(again, data, size);
    free(again);
    free(data);
    rp_manifest_free(&back);
    rp_manifest_free(&m);

    /* A manifest from before editions: its entries are publications. */
    assert_int_equal(read_text(path,
                               "<manifest format=\"1\"><document organisation=\"capac\" "
                               "kind=\"budget\" period=\"2022-2025\" lang=\"fr\" "
                               "file=\"capac/budget-2022-2025.fr.pdf\" sha256=\"21f4bf6105df6d0"
                               "39fc7c2bad971be20d88ccdbb24cf07d1558d7cae39d8663a\" "
                               "inputs=\"1\"/></manifest>",
                               &back, &d),
                     0);
    assert_int_equal(back.count, 1);
    assert_non_null(
        rp_manifest_find(&back, "capac", "budget", 0, "fr", RP_EDITION_PUBLICATION, "pdf"));
    rp_manifest_free(&back);

    /* Entries that do not hold together are dropped with a warning each: a file outside
     * the tree of its edition or organisation, a review edition without a file, an entry
     * with neither file nor reason, an unknown edition, a coverage that is no percentage. */
    static const char *const bad[] = {
        "edition=\"review\" file=\"capac/budget-2022-2025.fr.pdf\" sha256=\"%s\"",
        "edition=\"publication\" file=\"review/capac/budget-2022-2025.fr.pdf\" sha256=\"%s\"",
        "file=\"interieur/budget-2022-2025.fr.pdf\" sha256=\"%s\"",
        "edition=\"review\" reason=\"no\"",
        "edition=\"publication\"",
        "edition=\"draft\" file=\"capac/budget-2022-2025.fr.pdf\" sha256=\"%s\"",
        "reason=\"translation incomplete\" coverage=\"141\"",
        "reason=\"\"",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char attrs[256], text[512];
        snprintf(attrs, sizeof attrs, bad[i],
                 "21f4bf6105df6d039fc7c2bad971be20d88ccdbb24cf07d1558d7cae39d8663a");
        snprintf(text, sizeof text,
                 "<manifest format=\"2\"><document organisation=\"capac\" kind=\"budget\" "
                 "period=\"2022-2025\" lang=\"fr\" %s inputs=\"1\"/></manifest>",
                 attrs);
        size_t before = d.warnings;
        assert_int_equal(read_text(path, text, &back, &d), 0);
        if (back.count != 0)
            fail_msg("accepted: %s", attrs);
        assert_int_equal(d.warnings, before + 1);
        rp_manifest_free(&back);
    }
    rp_diags_free(&d);
}

static void test_index(void **state)
{
    (void)state;
    struct rp_manifest m;
    rp_manifest_init(&m);
    struct rp_entry e1 = entry("capac", "budget", 0, "fr");
    rp_manifest_add(&m, &e1);
    struct rp_entry e2 = entry("capac", "evaluation", 2023, "nl");
    rp_manifest_add(&m, &e2);
    rp_manifest_sort(&m);
    char *html;
    size_t size;
    assert_int_equal(rp_index_serialize(&m, default_templates(), &html, &size), 0);
    assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(html, "<html lang=\"fr\">"));
    assert_non_null(strstr(html, ">Tableaux budgétaires 2022-2025 (PDF, français)</a>"));
    assert_non_null(strstr(html, ">Jaarlijks evaluatieverslag 2023 (PDF, Nederlands)</a>"));
    /* The missing editions say so rather than leaving an empty cell. */
    assert_non_null(strstr(html, "niet beschikbaar"));
    assert_non_null(strstr(html, "non disponible"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<td/>"));
    assert_non_null(strstr(html, "Caisse &amp; &lt;co&gt;"));
    assert_non_null(strstr(html, "2 documents"));

    /* Review editions are never linked, and do not change the page; a publication not
     * produced says why in its cell, in the column's language. */
    struct rp_entry e3 = review_of(entry("capac", "budget", 0, "fr"));
    rp_manifest_add(&m, &e3);
    rp_manifest_sort(&m);
    char *same;
    size_t same_size;
    assert_int_equal(rp_index_serialize(&m, default_templates(), &same, &same_size), 0);
    assert_int_equal(same_size, size);
    assert_memory_equal(same, html, size);
    free(html);
    struct rp_entry e4 =
        withheld(entry("capac", "evaluation", 2023, "fr"), "translation incomplete", 41);
    rp_manifest_add(&m, &e4);
    struct rp_entry e5 = withheld(entry("capac", "communication", 0, "fr"),
                                  "the plan has no communication plan", -1);
    rp_manifest_add(&m, &e5);
    struct rp_entry e6 = withheld(entry("capac", "communication", 0, "nl"),
                                  "the plan has no communication plan", -1);
    rp_manifest_add(&m, &e6);
    rp_manifest_sort(&m);
    assert_int_equal(rp_index_serialize(&m, default_templates(), &html, &size), 0);
    assert_null(strstr(same, "review/"));
    assert_null(strstr(html, "review/"));
    /* (French punctuation may take a no-break space before it: only the words are checked.) */
    assert_non_null(strstr(html, "<span class=\"missing\">traduction incomplète"));
    assert_non_null(strstr(html, "41" NBSP "%</span>"));
    /* A kind none of whose languages applies says so once, across the columns. */
    assert_non_null(strstr(html, "<td colspan=\"2\">"));
    assert_non_null(strstr(html, "<span lang=\"fr\">non publié"));
    assert_non_null(strstr(html, "le plan ne comporte pas de plan de communication</span>"));
    assert_non_null(strstr(html, "<span lang=\"nl\">niet gepubliceerd: het plan bevat geen "
                                 "communicatieplan</span>"));
    assert_non_null(strstr(html, "2 documents"));
    assert_null(strstr(html, "<td/>"));
    free(same);
    free(html);
    rp_manifest_free(&m);
}

static void test_html_writer(void **state)
{
    (void)state;
    struct rp_xml_writer *w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_start(w, "p");
    rp_xml_start(w, "br");
    rp_xml_end(w);
    rp_xml_start(w, "span");
    rp_xml_end(w);
    rp_xml_attrf(w, "x", "%d", 1); /* after content: libxml2 refuses, the writer fails */
    char *data;
    size_t size;
    assert_int_equal(rp_xml_writer_finish(w, &data, &size), -1);
    assert_null(data);
    rp_xml_writer_free(w);

    w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_start(w, "p");
    rp_xml_start(w, "br");
    rp_xml_end(w);
    rp_xml_start(w, "span");
    rp_xml_attr(w, "class", "a\"b");
    rp_xml_end(w);
    rp_xml_text(w, "x < y & z");
    assert_int_equal(rp_xml_writer_finish(w, &data, &size), 0);
    assert_non_null(strstr(data, "<!DOCTYPE html>"));
    assert_non_null(strstr(data, "<br/>"));
    assert_non_null(strstr(data, "<span class=\"a&quot;b\"></span>"));
    assert_non_null(strstr(data, "x &lt; y &amp; z"));
    assert_null(strstr(data, "<?xml"));
    free(data);
    rp_xml_writer_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atomic_write_and_sweep),
        cmocka_unit_test(test_atomic_refuses_links_and_special_files),
        cmocka_unit_test(test_manifest_round_trip),
        cmocka_unit_test(test_manifest_editions),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_html_writer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
