/* rapport build --merge-manifests: the shards of a job array gathered into one publication. */
#define _POSIX_C_SOURCE 200809L
#include "batch/batch.h"

#include "batch/lock.h"
#include "batch/log.h"
#include "batch/manifest.h"
#include "batch/publish.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/hash.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether `path` exists with the digest `sha256`. */
static bool has_content(const char *path, const char *sha256)
{
    char hex[RP_SHA256_HEX];
    return rp_sha256_file(path, hex, NULL) == 0 && strcmp(hex, sha256) == 0;
}

/* Brings the document of `e`, beside the manifest in `from`, into `out_dir`. Returns 0, or
 * -1 with a message. */
static int bring(const char *from, const char *out_dir, const struct rp_entry *e)
{
    char src[PATH_MAX], dst[PATH_MAX], dir[PATH_MAX];
    int n1 = snprintf(src, sizeof src, "%s/%s", from, e->file);
    int n2 = snprintf(dst, sizeof dst, "%s/%s", out_dir, e->file);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof src || (size_t)n2 >= sizeof dst) {
        fprintf(stderr, "rapport build: path too long for %s\n", e->file);
        return -1;
    }
    if (has_content(dst, e->sha256))
        return 0; /* already there: the shard wrote into out_dir, or an earlier merge */
    if (!has_content(src, e->sha256)) {
        fprintf(stderr, "rapport build: %s is missing or differs from its manifest entry\n", src);
        return -1;
    }
    memcpy(dir, dst, strlen(dst) + 1);
    *strrchr(dir, '/') = '\0';
    if (rp_mkdir_p(dir) != 0 || rp_atomic_copy(src, dst) != 0) {
        fprintf(stderr, "rapport build: cannot copy %s to %s: %s\n", src, dst, strerror(errno));
        return -1;
    }
    return 0;
}

/* An entry of one of the merged manifests, and where it came from. */
struct listed {
    const struct rp_entry *entry;
    size_t part;  /* index of its manifest on the command line */
    size_t order; /* position over all manifests, to keep the first of equal documents */
};

static int cmp_listed(const void *a, const void *b)
{
    const struct listed *x = a, *y = b;
    int c = rp_entry_cmp_identity(x->entry, y->entry);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two entries of one identity say the same: one file with one digest, or the same
 * reason for not producing it. */
static bool agree(const struct rp_entry *a, const struct rp_entry *b)
{
    if (a->file || b->file)
        return same_str(a->file, b->file) && same_str(a->sha256, b->sha256);
    return same_str(a->reason, b->reason) && a->incomplete == b->incomplete &&
           (!a->incomplete || a->coverage == b->coverage);
}

/* Keeps, of entries sharing an identity in the sorted `m`, those with a file: after a failed
 * merge an old published document stays rather than a shard's word that it is not
 * produced, which only a clean merge may act upon. */
static void prefer_documents(struct rp_manifest *m)
{
    size_t kept = 0;
    for (size_t i = 0; i < m->count; i++) {
        struct rp_entry *e = &m->items[i];
        if (kept > 0 && rp_entry_cmp_identity(&m->items[kept - 1], e) == 0) {
            if (!e->file)
                continue;
            if (!m->items[kept - 1].file) {
                m->items[kept - 1] = *e;
                continue;
            }
        }
        m->items[kept++] = *e;
    }
    m->count = kept;
}

/* The log line of a merged entry. */
static void log_merged(struct rp_log *log, const struct rp_entry *e)
{
    char label[512], why[256], line[1024];
    rp_entry_label(e, label, sizeof label);
    if (e->file)
        rp_log_line(log, false, "merged", label);
    else {
        snprintf(line, sizeof line, "%s  not produced: %s", label,
                 rp_entry_why(e, why, sizeof why));
        rp_log_line(log, false, "merged", line);
    }
}

/* Whether two entries of the merge name one file (only hand-edited manifests do); each is
 * reported. */
static bool files_clash(const struct rp_manifest *m)
{
    size_t n;
    const char **files = rp_manifest_files(m, &n);
    bool clash = false;
    for (size_t i = 1; i < n; i++)
        if (strcmp(files[i - 1], files[i]) == 0) {
            fprintf(stderr, "rapport build: %s is named by two different documents\n", files[i]);
            clash = true;
        }
    free(files);
    return clash;
}

/* The directory of a manifest path. */
static void dir_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == path)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

int rp_batch_merge(const char *out_dir, const char *const *manifests, size_t count,
                   enum rp_verbosity verbosity)
{
    if (rp_mkdir_p(out_dir) != 0) {
        fprintf(stderr, "rapport build: cannot create the output directory %s: %s\n", out_dir,
                strerror(errno));
        return RP_EXIT_OUTPUT;
    }
    int lock_fd;
    long holder;
    enum rp_lock_status ls = rp_lock_take(out_dir, &lock_fd, &holder);
    if (ls != RP_LOCK_TAKEN) {
        if (ls == RP_LOCK_BUSY)
            fprintf(stderr, "rapport build: another build is writing to %s\n", out_dir);
        else
            fprintf(stderr, "rapport build: the output directory %s is not writable: %s\n", out_dir,
                    strerror(errno));
        return RP_EXIT_OUTPUT;
    }
    rp_temp_sweep(out_dir, 0);
    char review[PATH_MAX];
    snprintf(review, sizeof review, "%s/%s", out_dir, RP_REVIEW_DIR);
    rp_temp_sweep(review, 0); /* the review tree lies one level deeper */

    int status = RP_EXIT_OK;
    struct rp_diags diags;
    rp_diags_init(&diags);
    struct rp_manifest old, merged;
    rp_manifest_init(&old);
    rp_manifest_init(&merged);
    char path[PATH_MAX], from[PATH_MAX], line[4096];
    snprintf(path, sizeof path, "%s/%s", out_dir, RP_MANIFEST_NAME);
    if (rp_manifest_read(&old, path, &diags) != 0)
        rp_diag_add(&diags, RP_WARNING, path, 0, 0, "unreadable: nothing will be pruned");

    /* Every entry of every manifest, ordered by document then by the order given: the first
     * manifest that lists a document provides it, a later one must agree (same file and
     * SHA-256, or the same reason for not producing it). */
    struct rp_manifest *parts = rp_xmalloc((count ? count : 1) * sizeof *parts);
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        rp_manifest_init(&parts[i]);
        struct stat st;
        if (stat(manifests[i], &st) != 0 ||
            rp_manifest_read(&parts[i], manifests[i], &diags) != 0) {
            fprintf(stderr, "rapport build: cannot read the manifest %s\n", manifests[i]);
            status = RP_EXIT_FAILED;
        }
        total += parts[i].count;
    }
    struct listed *all = rp_xmalloc((total ? total : 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        for (size_t j = 0; j < parts[i].count; j++, n++)
            all[n] = (struct listed){&parts[i].items[j], i, n};
    qsort(all, n, sizeof *all, cmp_listed);

    struct rp_log log;
    rp_log_init(&log, verbosity, 0);
    char label[512];
    for (size_t k = 0; k < n; k++) {
        const struct rp_entry *e = all[k].entry;
        if (k > 0 && rp_entry_cmp_identity(all[k - 1].entry, e) == 0) {
            if (!agree(all[k - 1].entry, e)) {
                fprintf(stderr,
                        "rapport build: %s differs between %s and %s; the first is "
                        "kept\n",
                        rp_entry_label(e, label, sizeof label), manifests[all[k - 1].part],
                        manifests[all[k].part]);
                status = RP_EXIT_FAILED;
            }
            all[k].entry = all[k - 1].entry; /* later duplicates compare with the winner */
            continue;
        }
        dir_of(manifests[all[k].part], from, sizeof from);
        /* A publication not produced has nothing to bring: its entry says why. */
        if (e->file && bring(from, out_dir, e) != 0) {
            status = RP_EXIT_FAILED;
            continue;
        }
        rp_manifest_add(&merged, e);
        log_merged(&log, e);
    }
    free(all);
    for (size_t i = 0; i < count; i++)
        rp_manifest_free(&parts[i]);
    free(parts);
    rp_manifest_sort(&merged);
    if (files_clash(&merged))
        status = RP_EXIT_FAILED;
    for (size_t i = 0; i < diags.count; i++)
        fprintf(stderr, "%s\n", rp_diag_format(&diags.items[i], line, sizeof line));
    /* After a clean merge the previous documents that no shard lists go, and so do those
     * whose publication a shard no longer produces; otherwise they stay listed, so that a
     * missing or broken shard never unpublishes its documents. */
    if (status == RP_EXIT_OK) {
        rp_publish_prune(out_dir, &old, &merged, &log);
    } else {
        size_t nfiles;
        const char **files = rp_manifest_files(&merged, &nfiles);
        /* Decided first, added after: adding unsorts `merged`, which the search needs. */
        bool *keep = rp_xmalloc((old.count + 1) * sizeof *keep);
        for (size_t i = 0; i < old.count; i++) {
            const struct rp_entry *e = &old.items[i];
            keep[i] = e->file ? !rp_files_contain(files, nfiles, e->file)
                              : !rp_manifest_find(&merged, e->org, e->kind, e->year, e->lang,
                                                  e->edition, e->format);
        }
        for (size_t i = 0; i < old.count; i++)
            if (keep[i])
                rp_manifest_add(&merged, &old.items[i]);
        free(keep);
        free(files);
        rp_manifest_sort(&merged);
        prefer_documents(&merged);
    }
    rp_log_end(&log);
    /* The index is worded by the built-in templates (a merge takes no --templates). */
    struct rp_arena *words = rp_arena_new();
    const struct rp_templates *t = rp_templates_load(NULL, words, &diags);
    if (!t || rp_publish_write(out_dir, &merged, t) != 0)
        status = RP_EXIT_OUTPUT;
    rp_arena_free(words);
    size_t files;
    free(rp_manifest_files(&merged, &files));
    if (verbosity >= RP_NORMAL || status != RP_EXIT_OK)
        fprintf(stderr,
                "rapport build: %zu documents (and %zu not produced) from %zu manifests "
                "in %s\n",
                files, merged.count - files, count, out_dir);
    rp_manifest_free(&old);
    rp_manifest_free(&merged);
    rp_diags_free(&diags);
    rp_lock_release(lock_fd);
    return status;
}
