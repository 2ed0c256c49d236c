/* Discovery: the organisations and source files under INPUT_DIR.
 *
 * The layout is INPUT_DIR/<organisation>/plan.xml and evaluation-<year>.xml. The directory
 * name is the organisation's id in output paths: it is checked against a safe pattern, so
 * nothing read from a model ever steers where a file is written.
 *
 * Ownership: everything returned lives in the arena passed in. */
#ifndef RP_BATCH_DISCOVER_H
#define RP_BATCH_DISCOVER_H

#include "util/hash.h"
#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

struct rp_source {
    const char *name;   /* in its directory: "plan.xml", "evaluation-2023.xml" */
    const char *path;   /* INPUT_DIR/<org>/<name> as given, for reading and diagnostics */
    const char *rel;    /* <org>/<name>, as recorded in the manifest */
    int year;           /* evaluations: the year of the file name; 0 for the plan */
    char sha256[RP_SHA256_HEX];
    bool unreadable;    /* it exists but cannot be read (permissions, not a regular file, a
                           link to nothing): its documents are neither rendered nor removed */
};

struct rp_org {
    const char *id;            /* the directory name */
    struct rp_source *plan;    /* NULL when the directory has no plan.xml */
    struct rp_source *evals;   /* by increasing year */
    size_t eval_count;
    bool unreadable;           /* the directory exists but cannot be listed: nothing of it is
                                  known, so its published documents all stay */
};

struct rp_inputs {
    struct rp_org *orgs;       /* by id (byte order) */
    size_t org_count;
};

/* Whether `name` may be used as a path component: 1 to 64 characters among letters, digits,
 * '.', '_' and '-', not starting with '.' or '-'. */
bool rp_safe_name(const char *name);

/* Walks `input_dir` and hashes every source. Problems (an unsafe directory name, an
 * unreadable file or directory, a second name for one directory) become errors in `diags`
 * and leave the rest discovered; unreadable sources and organisations are kept, marked, so
 * that a read error is never taken for a removal. Other files and hidden entries are
 * mentioned as notes. Returns 0, or -1 when `input_dir` itself cannot be read. */
__attribute__((warn_unused_result)) int rp_discover(const char *input_dir, struct rp_arena *arena,
                                                    struct rp_inputs *out,
                                                    struct rp_diags *diags);

/* The digest of every regular file under `dir` (names and contents, in byte order of their
 * relative paths) into `hex`: how a template set is identified. Returns 0, or -1 when `dir`
 * cannot be read. */
__attribute__((warn_unused_result)) int rp_hash_tree(const char *dir, char hex[RP_SHA256_HEX]);

#endif
