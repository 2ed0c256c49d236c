/* The batch's small pieces: digests, safe names (the review tree included), page counting,
 * temporary names, the worker-to-parent result record, shard slices. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four above first. */
#include <cmocka.h>

#include "batch/discover.h"
#include "batch/jobs.h"
#include "batch/manifest.h"
#include "batch/result.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

static void test_sha256(void **state)
{
    (void)state;
    struct rp_sha256 h;
    char hex[RP_SHA256_HEX];
    rp_sha256_init(&h);
    rp_sha256_str(&h, "abc");
    rp_sha256_hex(&h, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    rp_sha256_init(&h);
    rp_sha256_update(&h, "a", 1);
    rp_sha256_update(&h, "bc", 2);
    rp_sha256_hex(&h, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(rp_sha256_file("/nonexistent/file", hex, NULL), -1);
}

static void test_safe_names(void **state)
{
    (void)state;
    assert_true(rp_safe_name("capac"));
    assert_true(rp_safe_name("org-001"));
    assert_true(rp_safe_name("budget-2022-2024.fr.pdf"));
    assert_false(rp_safe_name(""));
    assert_false(rp_safe_name("."));
    assert_false(rp_safe_name(".."));
    assert_false(rp_safe_name(".hidden"));
    assert_false(rp_safe_name("-rf"));
    assert_false(rp_safe_name("a/b"));
    assert_false(rp_safe_name("a b"));
    assert_false(rp_safe_name("a\nb"));
    assert_false(rp_safe_name("caf\xc3\xa9"));
    assert_false(rp_safe_name("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_true(rp_manifest_safe_file("capac/budget-2022-2025.fr.pdf"));
    assert_false(rp_manifest_safe_file("capac/budget.fr.xml"));
    assert_false(rp_manifest_safe_file("../etc/x.pdf"));
    assert_false(rp_manifest_safe_file("/abs/x.pdf"));
    assert_false(rp_manifest_safe_file("a/b/c.pdf"));
    assert_false(rp_manifest_safe_file("x.pdf"));
    assert_false(rp_manifest_safe_file("capac/.pdf"));
    /* The review tree: one level deeper, under review/ only. */
    assert_true(rp_manifest_safe_file("review/capac/budget-2022-2025.fr.pdf"));
    assert_false(rp_manifest_safe_file("review/../x.pdf"));
    assert_false(rp_manifest_safe_file("review/x.pdf"));
    assert_false(rp_manifest_safe_file("drafts/capac/x.pdf"));
    assert_false(rp_manifest_safe_file("review/review/capac/x.pdf"));
    assert_true(rp_manifest_file_fits("capac/x.pdf", "capac", RP_EDITION_PUBLICATION));
    assert_false(rp_manifest_file_fits("capac/x.pdf", "capac", RP_EDITION_REVIEW));
    assert_false(rp_manifest_file_fits("interieur/x.pdf", "capac", RP_EDITION_PUBLICATION));
    assert_false(rp_manifest_file_fits("capacity/x.pdf", "capac", RP_EDITION_PUBLICATION));
    assert_true(rp_manifest_file_fits("review/capac/x.pdf", "capac", RP_EDITION_REVIEW));
    assert_false(rp_manifest_file_fits("review/capac/x.pdf", "capac", RP_EDITION_PUBLICATION));
}

static void test_temp_names(void **state)
{
    (void)state;
    char buf[256];
    assert_int_equal(rp_temp_name(buf, sizeof buf, "out/capac/budget.fr.pdf", 42, "k3x"), 0);
    assert_string_equal(buf, "out/capac/" RP_TEMP_PREFIX "42.k3x.budget.fr.pdf");
    assert_int_equal(rp_temp_name(buf, sizeof buf, "manifest.xml", 7, "a"), 0);
    assert_string_equal(buf, RP_TEMP_PREFIX "7.a.manifest.xml");
    assert_int_equal(rp_temp_name(buf, 8, "out/capac/budget.fr.pdf", 42, "a"), -1);
}

static void test_result_round_trip(void **state)
{
    (void)state;
    struct rp_entry_source sources[2] = {{"capac/plan.xml", "aa"},
                                         {"capac/evaluation-2023.xml", "bb"}};
    struct rp_result r;
    memset(&r, 0, sizeof r);
    r.outcome = RP_OUTCOME_BUILT;
    r.errors = 0;
    r.warnings = 3;
    r.seconds = 1.25;
    r.log = "a.xml:1:2: error: back\\slash\nsecond line\n";
    r.warn_log = "";
    r.entry = (struct rp_entry){.org = "capac",
                                .org_name = "Caisse \"auxiliaire\"",
                                .kind = "communication",
                                .period = "2022-2025",
                                .lang = "nl",
                                .version = "0.1.0",
                                .date = "2024-03-31",
                                .inputs = "ef",
                                .sources = sources,
                                .source_count = 2};
    /* Two formats, each file with its own figures. */
    r.files[0] = (struct rp_result_file){"capac/communication-2022-2025.nl.pdf", 3, 171867, "cd"};
    r.files[1] = (struct rp_result_file){"capac/communication-2022-2025.nl.html", 0, 52011, "ce"};
    size_t size;
    char *data = rp_result_encode(&r, &size);
    struct rp_arena *arena = rp_arena_new();
    struct rp_result back;
    assert_true(rp_result_decode(data, size, arena, &back));
    assert_int_equal(back.outcome, RP_OUTCOME_BUILT);
    assert_int_equal(back.warnings, 3);
    assert_string_equal(back.log, r.log);
    assert_string_equal(back.entry.org_name, r.entry.org_name);
    assert_string_equal(back.files[0].file, r.files[0].file);
    assert_int_equal(back.files[0].pages, 3);
    assert_int_equal(back.files[0].bytes, 171867);
    assert_string_equal(back.files[0].sha256, "cd");
    assert_string_equal(back.files[1].file, r.files[1].file);
    assert_int_equal(back.files[1].pages, 0);
    assert_int_equal(back.files[1].bytes, 52011);
    assert_string_equal(back.files[1].sha256, "ce");
    assert_null(back.files[2].file);
    assert_int_equal(back.entry.source_count, 2);
    assert_string_equal(back.entry.sources[1].path, "capac/evaluation-2023.xml");
    assert_string_equal(back.entry.sources[1].sha256, "bb");
    /* A worker that died half-way: the record is incomplete and a "built" claim void. */
    assert_false(rp_result_decode(data, size / 2, arena, &back));
    assert_int_equal(back.outcome, RP_OUTCOME_FAILED);
    free(data);

    /* A publication not produced: no file, its reason and coverage cross intact. */
    r.outcome = RP_OUTCOME_INCOMPLETE;
    memset(r.files, 0, sizeof r.files);
    r.entry.reason = "translation incomplete";
    r.entry.incomplete = true;
    r.entry.coverage = 41;
    data = rp_result_encode(&r, &size);
    assert_true(rp_result_decode(data, size, arena, &back));
    assert_int_equal(back.outcome, RP_OUTCOME_INCOMPLETE);
    assert_null(back.files[0].file);
    assert_string_equal(back.entry.reason, "translation incomplete");
    assert_true(back.entry.incomplete);
    assert_int_equal(back.entry.coverage, 41);
    assert_int_equal(back.entry.edition, RP_EDITION_PUBLICATION);
    /* Cut short, it decided nothing. */
    assert_false(rp_result_decode(data, size / 2, arena, &back));
    assert_int_equal(back.outcome, RP_OUTCOME_FAILED);
    free(data);
    /* A review edition. */
    r.outcome = RP_OUTCOME_BUILT;
    r.files[0] = (struct rp_result_file){"review/capac/communication-2022-2025.nl.pdf", 3, 9, "cd"};
    r.entry.reason = NULL;
    r.entry.incomplete = false;
    r.entry.edition = RP_EDITION_REVIEW;
    data = rp_result_encode(&r, &size);
    assert_true(rp_result_decode(data, size, arena, &back));
    assert_int_equal(back.entry.edition, RP_EDITION_REVIEW);
    assert_null(back.entry.reason);
    assert_false(back.entry.incomplete);
    free(data);
    rp_arena_free(arena);
}

static void test_shards(void **state)
{
    (void)state;
    struct rp_batch_options o;
    memset(&o, 0, sizeof o);
    assert_true(rp_jobs_in_shard(&o, "capac"));
    o.shard_count = 4;
    char name[16];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "org-%03d", i);
        int hits = 0;
        for (o.shard_index = 1; o.shard_index <= 4; o.shard_index++)
            hits += rp_jobs_in_shard(&o, name);
        assert_int_equal(hits, 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256),     cmocka_unit_test(test_safe_names),
        cmocka_unit_test(test_temp_names), cmocka_unit_test(test_result_round_trip),
        cmocka_unit_test(test_shards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
