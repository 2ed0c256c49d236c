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
        fprintf(stderr, "rapport build: %s is missing or differs from its manifest entry\n",
                src);
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
    size_t order; /* position over all manifests, to keep the first of equal files */
};

static int cmp_listed(const void *a, const void *b)
{
    const struct listed *x = a, *y = b;
    int c = strcmp(x->entry->file, y->entry->file);
    return c ? c : (x->order > y->order) - (x->order < y->order);
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
            fprintf(stderr, "rapport build: the output directory %s is not writable: %s\n",
                    out_dir, strerror(errno));
        return RP_EXIT_OUTPUT;
    }
    rp_temp_sweep(out_dir, 0);

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

    /* Every entry of every manifest, ordered by file then by the order given: the first
     * manifest that lists a file provides it, a later one must agree on its SHA-256. */
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
    for (size_t k = 0; k < n; k++) {
        const struct rp_entry *e = all[k].entry;
        if (k > 0 && strcmp(all[k - 1].entry->file, e->file) == 0) {
            if (strcmp(all[k - 1].entry->sha256, e->sha256) != 0) {
                fprintf(stderr, "rapport build: %s differs between %s and %s; the first is "
                                "kept\n", e->file, manifests[all[k - 1].part],
                        manifests[all[k].part]);
                status = RP_EXIT_FAILED;
            }
            all[k].entry = all[k - 1].entry; /* later duplicates compare with the winner */
            continue;
        }
        dir_of(manifests[all[k].part], from, sizeof from);
        if (bring(from, out_dir, e) != 0) {
            status = RP_EXIT_FAILED;
            continue;
        }
        rp_manifest_add(&merged, e);
        rp_log_line(&log, false, "merged", e->file);
    }
    free(all);
    for (size_t i = 0; i < count; i++)
        rp_manifest_free(&parts[i]);
    free(parts);
    for (size_t i = 0; i < diags.count; i++)
        fprintf(stderr, "%s\n", rp_diag_format(&diags.items[i], line, sizeof line));
    /* After a clean merge the previous documents that no shard lists go; otherwise they
     * stay listed, so that a missing or broken shard never unpublishes its documents. */
    if (status == RP_EXIT_OK) {
        rp_publish_prune(out_dir, &old, &merged, &log);
    } else {
        const char **files = rp_manifest_files(&merged);
        size_t nfiles = merged.count;
        for (size_t i = 0; i < old.count; i++)
            if (!rp_files_contain(files, nfiles, old.items[i].file))
                rp_manifest_add(&merged, &old.items[i]);
        free(files);
    }
    rp_manifest_sort(&merged);
    rp_log_end(&log);
    /* The index is worded by the built-in templates (a merge takes no --templates). */
    struct rp_arena *words = rp_arena_new();
    const struct rp_templates *t = rp_templates_load(NULL, words, &diags);
    if (!t || rp_publish_write(out_dir, &merged, t) != 0)
        status = RP_EXIT_OUTPUT;
    rp_arena_free(words);
    if (verbosity >= RP_NORMAL || status != RP_EXIT_OK)
        fprintf(stderr, "rapport build: %zu documents from %zu manifests in %s\n",
                merged.count, count, out_dir);
    rp_manifest_free(&old);
    rp_manifest_free(&merged);
    rp_diags_free(&diags);
    rp_lock_release(lock_fd);
    return status;
}
