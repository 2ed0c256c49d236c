#define _POSIX_C_SOURCE 200809L
#include "batch/publish.h"

#include "batch/index.h"
#include "util/atomic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t rp_publish_prune(const char *dir, const struct rp_manifest *old,
                        const struct rp_manifest *now, struct rp_log *log)
{
    size_t removed = 0, nkept;
    char path[4096];
    const char **kept = rp_manifest_files(now, &nkept);
    for (size_t i = 0; i < old->count; i++) {
        const struct rp_entry *e = &old->items[i];
        /* Only safe relative names ever reach here (rp_manifest_read() drops the others).
         * A file that `now` no longer lists is gone at the source, or its publication is
         * not produced any more (an entry without a file): either way it is stale. */
        if (!e->file || rp_files_contain(kept, nkept, e->file) || !rp_manifest_safe_file(e->file))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->file);
        if (unlink(path) == 0 || errno == ENOENT) {
            removed++;
            rp_log_line(log, false, "removed", e->file);
            if (rp_fsync_parent(path) != 0) {
                /* The removal stands; only its durability is uncertain. */
            }
        }
        /* The organisation's directory goes when its last document went, and the review
         * tree when its last organisation went; rmdir() leaves a directory that is not
         * empty, and the file name has at most two directories above it. */
        size_t top = strlen(dir);
        for (char *slash = strrchr(path, '/'); slash && (size_t)(slash - path) > top;
             slash = strrchr(path, '/')) {
            *slash = '\0';
            if (rmdir(path) != 0)
                break;
        }
    }
    free(kept);
    return removed;
}

/* Whether `path` holds exactly `size` bytes of `data`. */
static bool same_content(const char *path, const char *data, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool same = true;
    char buf[65536];
    size_t off = 0, n;
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        same = off + n <= size && memcmp(buf, data + off, n) == 0;
        off += n;
    }
    same = same && !ferror(f) && off == size;
    fclose(f);
    return same;
}

static int store(const char *dir, const char *name, const char *data, size_t size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (same_content(path, data, size))
        return 0;
    if (rp_atomic_write(path, data, size) != 0) {
        fprintf(stderr, "rapport build: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int rp_publish_write(const char *dir, const struct rp_manifest *m,
                     const struct rp_templates *index_words)
{
    char *data = NULL;
    size_t size = 0;
    int rc = -1;
    if (rp_manifest_serialize(m, &data, &size) != 0)
        fprintf(stderr, "rapport build: cannot serialise the manifest\n");
    else
        rc = store(dir, RP_MANIFEST_NAME, data, size);
    free(data);
    if (rc != 0 || !index_words)
        return rc;
    rc = -1;
    if (rp_index_serialize(m, index_words, &data, &size) != 0)
        fprintf(stderr, "rapport build: cannot serialise the index page\n");
    else
        rc = store(dir, RP_INDEX_NAME, data, size);
    free(data);
    return rc;
}
