/* The produce layer: the backend table, and rp_produce() end to end on a real plan (loaded,
 * checked, built, rendered, committed), its failures leaving nothing behind. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "batch/manifest.h"
#include "default_templates.h"
#include "produce/editions.h"
#include "produce/produce.h"
#include "util/arena.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char plan_path[512];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rapport-produce-XXXXXX");
    const char *src = getenv("RAPPORT_SOURCE_DIR");
    snprintf(plan_path, sizeof plan_path, "%s/tests/fail/base-plan.xml", src ? src : ".");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d && (e = readdir(d)) != NULL) {
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(path);
    }
    if (d)
        closedir(d);
    return rmdir(dir);
}

static void test_backend_table(void **state)
{
    (void)state;
    const struct rp_backend *pdf = rp_backend_find("pdf");
    assert_non_null(pdf);
    assert_string_equal(pdf->suffix, ".pdf");
    assert_string_equal(pdf->media_type, "application/pdf");
    assert_ptr_equal(rp_backend_of_file("capac/budget-2022-2025.fr.pdf"), pdf);
    const struct rp_backend *text = rp_backend_find("text");
    assert_non_null(text);
    assert_ptr_equal(rp_backend_of_file("a/b.txt"), text);
    assert_null(rp_backend_find("html5"));
    assert_null(rp_backend_of_file("a/b.exe"));
    assert_null(rp_backend_of_file(".pdf")); /* a suffix alone names no file */
    size_t n;
    const struct rp_backend *all = rp_backends(&n);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++)
        assert_ptr_equal(rp_backend_find(all[i].name), &all[i]);
    /* The manifest accepts the files of every backend, and only those. */
    assert_true(rp_manifest_safe_file("capac/budget-2022-2025.fr.pdf"));
    assert_true(rp_manifest_safe_file("capac/budget-2022-2025.fr.txt"));
    assert_false(rp_manifest_safe_file("capac/budget-2022-2025.fr.sh"));
}

struct pick_ctx {
    const char *source, *out;
};

static enum rp_pick pick_plan(void *ctx, struct rp_session *s, struct rp_kind_input *in,
                              const char **path)
{
    struct pick_ctx *c = ctx;
    const struct rp_file *f = rp_session_load(s, c->source);
    if (!f || f->kind != RP_FILE_PLAN)
        return RP_PICK_FAILED;
    memset(in, 0, sizeof *in);
    in->plan = f->plan;
    *path = c->out;
    return RP_PICKED;
}

/* What varies between the requests of these tests; the rest is a budget in French. */
struct edition {
    const char *kind;
    enum rp_lang lang;
    enum rp_edition edition;
    bool allow_fallback;
};

static enum rp_produced produce_edition(const char *backend, const char *source, const char *out,
                                        const struct edition *e, struct rp_produce_info *info,
                                        size_t *errors)
{
    struct pick_ctx ctx = {source, out};
    struct rp_produce_request req = {.templates = default_templates(),
                                     .kind = rp_kind_find(e->kind),
                                     .lang = e->lang,
                                     .edition = e->edition,
                                     .allow_fallback = e->allow_fallback,
                                     .backends = {rp_backend_find(backend)},
                                     .backend_count = 1,
                                     .sources = {pick_plan, &ctx},
                                     .digest = true};
    struct rp_session s;
    rp_session_init(&s);
    enum rp_produced r = rp_produce(&req, &s, info);
    *errors = s.diags.errors;
    info->path = NULL; /* it pointed into the session */
    rp_session_free(&s);
    return r;
}

static enum rp_produced produce(const char *backend, const char *source, const char *out,
                                struct rp_produce_info *info, size_t *errors)
{
    static const struct edition french = {"budget", RP_LANG_FR, RP_EDITION_PUBLICATION, false};
    return produce_edition(backend, source, out, &french, info, errors);
}

/* Whether the text file `path` holds `needle`. */
static bool file_holds(const char *path, const char *needle)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[4096];
    bool found = false;
    while (!found && fgets(line, sizeof line, f))
        found = strstr(line, needle) != NULL;
    fclose(f);
    return found;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static void test_produce_pdf_and_text(void **state)
{
    (void)state;
    char out[256];
    size_t errors;
    struct rp_produce_info info;
    snprintf(out, sizeof out, "%s/budget.pdf", dir);
    assert_int_equal(produce("pdf", plan_path, out, &info, &errors), RP_PRODUCED);
    assert_int_equal(errors, 0);
    assert_true(info.out[0].pages >= 1);
    assert_int_equal(info.out[0].bytes, file_size(out));
    assert_int_equal(strlen(info.out[0].sha256), 64);
    char hex[RP_SHA256_HEX];
    long long bytes;
    assert_int_equal(rp_sha256_file(out, hex, &bytes), 0);
    assert_string_equal(hex, info.out[0].sha256);

    snprintf(out, sizeof out, "%s/budget.txt", dir);
    assert_int_equal(produce("text", plan_path, out, &info, &errors), RP_PRODUCED);
    assert_int_equal(info.out[0].pages, 0);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_memory_equal(line, "document: ", 10);
}

/* Two formats from one tree: both files named from the stem, or neither when one cannot be
 * written. */
static enum rp_produced produce_stem(const char *stem, struct rp_produce_info *info)
{
    struct pick_ctx ctx = {plan_path, stem};
    struct rp_produce_request req = {.templates = default_templates(),
                                     .kind = rp_kind_find("budget"),
                                     .lang = RP_LANG_FR,
                                     .backends = {rp_backend_find("pdf"), rp_backend_find("text")},
                                     .backend_count = 2,
                                     .path_is_stem = true,
                                     .sources = {pick_plan, &ctx},
                                     .digest = true};
    struct rp_session s;
    rp_session_init(&s);
    enum rp_produced r = rp_produce(&req, &s, info);
    rp_session_free(&s);
    return r;
}

static void test_produce_formats_all_or_none(void **state)
{
    (void)state;
    char stem[256], pdf[300], txt[300];
    struct rp_produce_info info;
    snprintf(stem, sizeof stem, "%s/both", dir);
    snprintf(pdf, sizeof pdf, "%s.pdf", stem);
    snprintf(txt, sizeof txt, "%s.txt", stem);
    assert_int_equal(produce_stem(stem, &info), RP_PRODUCED);
    assert_true(info.out[0].pages >= 1);
    assert_int_equal(info.out[0].bytes, file_size(pdf));
    assert_int_equal(info.out[1].pages, 0);
    assert_int_equal(info.out[1].bytes, file_size(txt));
    assert_int_equal(strlen(info.out[1].sha256), 64);
    assert_string_not_equal(info.out[0].sha256, info.out[1].sha256);
    assert_true(file_holds(txt, "document: "));
    unlink(pdf);
    unlink(txt);

    /* The second format's name is a directory: the first file is not committed either. */
    snprintf(stem, sizeof stem, "%s/half", dir);
    snprintf(pdf, sizeof pdf, "%s.pdf", stem);
    snprintf(txt, sizeof txt, "%s.txt", stem);
    assert_int_equal(mkdir(txt, 0700), 0);
    assert_int_equal(produce_stem(stem, &info), RP_PRODUCE_FAILED);
    assert_int_equal(file_size(pdf), -1);
    rmdir(txt);
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        assert_null(strstr(e->d_name, "rapport-tmp"));
    closedir(d);
}

static void test_produce_failures_leave_nothing(void **state)
{
    (void)state;
    char out[256], missing[256];
    size_t errors;
    struct rp_produce_info info;
    /* A source that does not load: failed, nothing written. */
    snprintf(out, sizeof out, "%s/none.pdf", dir);
    snprintf(missing, sizeof missing, "%s/no-such-plan.xml", dir);
    assert_int_equal(produce("pdf", missing, out, &info, &errors), RP_PRODUCE_FAILED);
    assert_true(errors > 0);
    assert_int_equal(file_size(out), -1);
    /* A directory under the final name is not replaced. */
    snprintf(out, sizeof out, "%s/dir.pdf", dir);
    assert_int_equal(mkdir(out, 0700), 0);
    assert_int_equal(produce("pdf", plan_path, out, &info, &errors), RP_PRODUCE_FAILED);
    assert_true(errors > 0);
    struct stat st;
    assert_int_equal(stat(out, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    rmdir(out);
    /* No temporary file stays behind. */
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        assert_null(strstr(e->d_name, "rapport-tmp"));
    closedir(d);
}

/* The French-only plan has no Dutch text: its Dutch publication is refused with the count,
 * written with --allow-fallback, and its review edition is always written, with the annex. */
static void test_incomplete_publication_is_not_written(void **state)
{
    (void)state;
    char out[256];
    size_t errors;
    struct rp_produce_info info;
    snprintf(out, sizeof out, "%s/budget.nl.txt", dir);
    struct edition e = {"budget", RP_LANG_NL, RP_EDITION_PUBLICATION, false};
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors),
                     RP_PRODUCE_INCOMPLETE);
    assert_int_equal(errors, 0);
    assert_int_equal(file_size(out), -1);
    assert_true(info.texts_shown > 0);
    assert_int_equal(info.texts_missing, info.texts_shown);
    assert_int_equal(rp_produce_coverage_percent(&info), 0);

    e.allow_fallback = true;
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors), RP_PRODUCED);
    assert_false(file_holds(out, "Bijlage: diagnose van de bronnen"));

    e.edition = RP_EDITION_REVIEW;
    e.allow_fallback = false;
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors), RP_PRODUCED);
    assert_true(file_holds(out, "Bijlage: diagnose van de bronnen"));

    /* The French publication is complete, and says nothing of the diagnostics. */
    e = (struct edition){"budget", RP_LANG_FR, RP_EDITION_PUBLICATION, false};
    snprintf(out, sizeof out, "%s/budget.fr.txt", dir);
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors), RP_PRODUCED);
    assert_int_equal(info.texts_missing, 0);
    assert_int_equal(rp_produce_coverage_percent(&info), 100);
    assert_false(file_holds(out, "diagnostics des sources"));
}

/* A plan without a communication plan has no communication publication, with the reason;
 * its review edition is written all the same. */
static void test_publication_without_content_is_not_written(void **state)
{
    (void)state;
    char out[256];
    size_t errors;
    struct rp_produce_info info;
    snprintf(out, sizeof out, "%s/communication.fr.txt", dir);
    struct edition e = {"communication", RP_LANG_FR, RP_EDITION_PUBLICATION, false};
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors),
                     RP_PRODUCE_NOT_APPLICABLE);
    assert_string_equal(info.why_not, "the plan has no communication plan");
    assert_int_equal(file_size(out), -1);
    e.edition = RP_EDITION_REVIEW;
    assert_int_equal(produce_edition("text", plan_path, out, &e, &info, &errors), RP_PRODUCED);
    assert_true(file_holds(out, "diagnostics des sources"));
}

/* A publication produced with an editions key (the batch's), its sha256 into `hex`; `out`
 * names the file under the test directory. */
static void produce_keyed(enum rp_lang lang, const char *key, const char *name,
                          char hex[RP_SHA256_HEX])
{
    char out[256], plan[512];
    snprintf(out, sizeof out, "%s/%s", dir, name);
    /* A plan whose editions have the same skeleton (the tests' base plan has not). */
    const char *src = getenv("RAPPORT_SOURCE_DIR");
    snprintf(plan, sizeof plan, "%s/input/capac/plan.xml", src ? src : ".");
    struct pick_ctx ctx = {plan, out};
    struct rp_produce_request req = {.templates = default_templates(),
                                     .kind = rp_kind_find("budget"),
                                     .lang = lang,
                                     .edition = RP_EDITION_PUBLICATION,
                                     .allow_fallback = true,
                                     .backends = {rp_backend_find("pdf")},
                                     .backend_count = 1,
                                     .sources = {pick_plan, &ctx},
                                     .digest = true,
                                     .editions_key = key};
    struct rp_session s;
    rp_session_init(&s);
    struct rp_produce_info info;
    assert_int_equal(rp_produce(&req, &s, &info), RP_PRODUCED);
    memcpy(hex, info.out[0].sha256, RP_SHA256_HEX);
    rp_session_free(&s);
}

/* The shapes of the side-by-side editions laid out for one publication serve the next
 * request with the same key (the batch's Dutch job after the French one), in either order,
 * and the file is the same bytes as without them; another key, or none, or a key after
 * rp_editions_forget(), lays the partner out again. */
static void test_editions_shapes_kept_by_key(void **state)
{
    (void)state;
    char fr[RP_SHA256_HEX], nl[RP_SHA256_HEX], hex[RP_SHA256_HEX];
    rp_editions_forget();
    produce_keyed(RP_LANG_NL, NULL, "nl.pdf", nl);
    assert_false(rp_editions_reused());
    produce_keyed(RP_LANG_FR, NULL, "fr.pdf", fr);
    assert_false(rp_editions_reused());

    produce_keyed(RP_LANG_FR, "sources-a", "fr-a.pdf", hex);
    assert_false(rp_editions_reused());
    assert_string_equal(hex, fr);
    produce_keyed(RP_LANG_NL, "sources-a", "nl-a.pdf", hex);
    assert_true(rp_editions_reused());
    assert_string_equal(hex, nl);
    produce_keyed(RP_LANG_NL, "sources-b", "nl-b.pdf", hex);
    assert_false(rp_editions_reused());
    assert_string_equal(hex, nl);
    produce_keyed(RP_LANG_FR, "sources-b", "fr-b.pdf", hex); /* the other way round */
    assert_true(rp_editions_reused());
    assert_string_equal(hex, fr);
    produce_keyed(RP_LANG_FR, NULL, "fr-none.pdf", hex);
    assert_false(rp_editions_reused());
    rp_editions_forget();
    produce_keyed(RP_LANG_NL, "sources-b", "nl-c.pdf", hex);
    assert_false(rp_editions_reused());
    assert_string_equal(hex, nl);
    rp_editions_forget();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backend_table),
        cmocka_unit_test(test_produce_pdf_and_text),
        cmocka_unit_test(test_produce_failures_leave_nothing),
        cmocka_unit_test(test_produce_formats_all_or_none),
        cmocka_unit_test(test_incomplete_publication_is_not_written),
        cmocka_unit_test(test_publication_without_content_is_not_written),
        cmocka_unit_test(test_editions_shapes_kept_by_key),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
