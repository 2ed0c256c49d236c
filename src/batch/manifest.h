/* The manifest: OUTPUT_DIR/manifest.xml, what the output directory holds and why.
 *
 * One entry per document: organisation, kind, period or year, language, file, pages, bytes,
 * SHA-256, the sources it was built from with their SHA-256, rapport's version, the model's
 * date (never the clock), and the digest of everything that went into it (`inputs`), which
 * is how a later run knows the document is up to date. Entries are kept in one canonical
 * order so that the file depends only on the documents, never on the run that wrote it.
 *
 * Ownership: entries and their strings belong to the manifest's arena. */
#ifndef RP_BATCH_MANIFEST_H
#define RP_BATCH_MANIFEST_H

#include "util/hash.h"
#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

struct rp_entry_source {
    const char *path; /* relative to INPUT_DIR: "capac/plan.xml" */
    const char *sha256;
};

struct rp_entry {
    const char *org;      /* organisation id (its directory name) */
    const char *org_name; /* the organisation's name in the document's language */
    const char *kind;     /* "budget", "evaluation", "communication" */
    int year;             /* yearly documents; 0 for a plan's documents */
    const char *period;   /* a plan's documents: "2022-2024"; else NULL */
    const char *lang;     /* "fr", "nl" */
    const char *file;     /* relative to OUTPUT_DIR: "capac/budget-2022-2025.fr.pdf" */
    long pages;
    long long bytes;
    const char *sha256;
    const char *version;  /* rapport's version that rendered it */
    const char *date;     /* the model's date, ISO 8601 with the precision the model gives */
    const char *inputs;   /* digest of sources, templates, version, kind and language */
    struct rp_entry_source *sources;
    size_t source_count;
};

struct rp_manifest {
    struct rp_arena *arena;
    struct rp_entry *items;
    size_t count, cap;
};

/* An empty manifest with its own arena. */
void rp_manifest_init(struct rp_manifest *m);
void rp_manifest_free(struct rp_manifest *m);

/* Reads `path` into `m` (appending), then sorts it. A missing file is an empty manifest
 * (returns 0); an unreadable or malformed one returns -1 with diagnostics; entries that do
 * not describe a safe relative file name, and repeated identities, are dropped with a
 * warning. */
__attribute__((warn_unused_result)) int rp_manifest_read(struct rp_manifest *m, const char *path,
                                                         struct rp_diags *diags);

/* Appends a copy of `e` (strings and sources copied into m's arena); returns the copy. */
struct rp_entry *rp_manifest_add(struct rp_manifest *m, const struct rp_entry *e);

/* The entry with this identity in the sorted `m`, or NULL (binary search). */
const struct rp_entry *rp_manifest_find(const struct rp_manifest *m, const char *org,
                                        const char *kind, int year, const char *lang);

/* The entry that names `file`, or NULL (a linear search: for single lookups). */
const struct rp_entry *rp_manifest_find_file(const struct rp_manifest *m, const char *file);

/* The file names of `m`, sorted, for many membership tests (rp_files_contain()): a
 * malloc'd array of m->count pointers into m, which the caller frees. */
const char **rp_manifest_files(const struct rp_manifest *m);

/* Whether the sorted `files` (rp_manifest_files()) hold `file`. */
bool rp_files_contain(const char *const *files, size_t count, const char *file);

/* Sorts entries by organisation, kind, year (a plan's documents first), language. */
void rp_manifest_sort(struct rp_manifest *m);

/* Canonical order of two entries (<0, 0, >0), as rp_manifest_sort() uses. */
int rp_entry_cmp(const struct rp_entry *a, const struct rp_entry *b);

/* The XML text of the manifest (malloc'd, the caller frees it). Returns 0 or -1. */
__attribute__((warn_unused_result)) int rp_manifest_serialize(const struct rp_manifest *m,
                                                              char **data, size_t *size);

/* Whether `file` is a safe relative document path: "<safe name>/<safe name><suffix>", the
 * suffix of a backend (".pdf"). */
bool rp_manifest_safe_file(const char *file);

#endif
