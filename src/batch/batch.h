/* `rapport build`: every document of every organisation under INPUT_DIR, rendered into
 * OUTPUT_DIR by worker processes, incrementally, atomically, under a lock, with a manifest
 * and an index page. See docs/operations.md and rapport(1).
 *
 * Exit statuses (enum rp_exit, the values rp_batch_run() and rp_batch_merge() return):
 *   0  every document produced (or already up to date); a publication that is not produced
 *      (its sources call for no such document, or its translation is incomplete) is no
 *      failure
 *   1  some documents failed (listed at the end of the log), a source could not be read
 *      (its published documents stay), INPUT_DIR holds no organisation (nothing is
 *      removed, unless --prune-all), or the run was interrupted
 *   2  usage error (OUTPUT_DIR equal to or inside INPUT_DIR included)
 *   3  OUTPUT_DIR cannot be written, or another build holds its lock */
#ifndef RP_BATCH_H
#define RP_BATCH_H

#include "doc/doc.h"
#include "render/render.h"
#include "util/exit.h"

#include <stdbool.h>
#include <stddef.h>

/* More workers than this are not useful on any machine rapport runs on. */
#define RP_MAX_WORKERS 256

/* -q: failures only; default: one line per document; -v: timings and warnings too. */
enum rp_verbosity { RP_QUIET = -1, RP_NORMAL = 0, RP_VERBOSE = 1 };

struct rp_templates;

struct rp_batch_options {
    const char *input_dir;
    const char *output_dir;
    const char *templates_dir; /* NULL: ./templates when it exists */
    /* The formats of the documents (render/render.h), each document written in every one
     * from one document tree: PDF and HTML by default. */
    const struct rp_backend *formats[RP_BACKENDS_MAX];
    size_t format_count;
    const struct rp_templates *templates; /* set by rp_batch_run(): loaded once, before the
                                             workers start (they inherit them) */
    int jobs;                             /* worker processes, >= 1 */
    unsigned langs;                       /* bit (1 << enum rp_lang) per language */
    unsigned editions;                    /* bit (1 << enum rp_edition) per edition */
    bool allow_fallback;  /* publish editions whose texts are not all in their language */
    const char *kinds[8]; /* NULL-terminated --kind list; empty: every kind */
    int year;             /* 0: every year */
    bool force;
    bool prune_all; /* an INPUT_DIR with no organisation unpublishes everything */
    enum rp_verbosity verbosity;
    int shard_index, shard_count; /* 1..count; count 0: no sharding */
};

/* A review edition is published under OUTPUT_DIR/review/<organisation>/: a tree apart, so
 * that a web server can keep the authors' drafts from the readers with one rule. */
#define RP_REVIEW_DIR "review"

/* "publication", "review" (the --edition words and the manifest's `edition` attribute). */
const char *rp_batch_edition_name(enum rp_edition e);

/* The edition called `name`, or RP_EDITION__MAX. */
enum rp_edition rp_batch_edition_find(const char *name);

/* Runs a build; returns the exit status. */
int rp_batch_run(const struct rp_batch_options *opt);

/* Merges the manifests of sharded builds into `out_dir`: copies each document beside its
 * manifest into out_dir (checking its SHA-256), removes documents of out_dir's previous
 * manifest that no longer appear, writes out_dir/manifest.xml and out_dir/index.html.
 * Returns the exit status. */
int rp_batch_merge(const char *out_dir, const char *const *manifests, size_t count,
                   enum rp_verbosity verbosity);

#endif
