/* The manifest: OUTPUT_DIR/manifest.xml, what the output directory holds and why.
 *
 * One entry per file: organisation, kind, period or year, language, edition, format (with
 * its media type), file, pages, bytes, SHA-256, the sources it was built from with their SHA-256,
 * rapport's version, the model's date (never the clock), and the digest of everything that went
 * into it (`inputs`), which is how a later run knows the document is up to date. A publication that
 * was not produced (its sources call for no such document, or its translation is incomplete) has an
 * entry too, without a file, saying why: the index page tells readers, and a later run knows it is
 * up to date. Entries are kept in one canonical order so that the file depends only on the
 * documents, never on the run that wrote it.
 *
 * Ownership: entries and their strings belong to the manifest's arena. */
#ifndef RP_BATCH_MANIFEST_H
#define RP_BATCH_MANIFEST_H

#include "doc/doc.h"
#include "util/diag.h"
#include "util/hash.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

struct rp_entry_source {
    const char *path; /* relative to INPUT_DIR: "capac/plan.xml" */
    const char *sha256;
};

/* The reason of a publication withheld because some of its texts are not in its language. */
#define RP_REASON_INCOMPLETE "translation incomplete"

struct rp_entry {
    const char *org;      /* organisation id (its directory name) */
    const char *org_name; /* the organisation's name in the document's language */
    const char *kind;     /* "budget", "evaluation", "communication" */
    int year;             /* yearly documents; 0 for a plan's documents */
    const char *period;   /* a plan's documents: "2022-2024"; else NULL */
    const char *lang;     /* "fr", "nl" */
    enum rp_edition edition;
    const char *format; /* the backend that wrote it: "pdf", "html" (render/render.h) */
    /* Relative to OUTPUT_DIR: "capac/budget-2022-2025.fr.pdf", a review edition under
     * "review/": "review/capac/budget-2022-2025.fr.pdf". NULL: not produced (see reason). */
    const char *file;
    const char *reason; /* not produced: why ("the plan has no communication plan", or
                           RP_REASON_INCOMPLETE); NULL for a document */
    bool incomplete;    /* not produced for an incomplete translation, of which... */
    int coverage;       /* ...this whole percent of the texts is in the document's language */
    long pages;
    long long bytes;
    const char *sha256;  /* NULL when not produced */
    const char *version; /* rapport's version that rendered it */
    const char *date;    /* the model's date, ISO 8601 with the precision the model gives */
    const char *inputs;  /* digest of sources, templates, version, kind and language */
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
                                        const char *kind, int year, const char *lang,
                                        enum rp_edition edition, const char *format);

/* The file names of `m` (entries without a file have none), sorted, for many membership
 * tests (rp_files_contain()): a malloc'd array of *count pointers into m, which the caller
 * frees. */
const char **rp_manifest_files(const struct rp_manifest *m, size_t *count);

/* Whether the sorted `files` (rp_manifest_files()) hold `file`. */
bool rp_files_contain(const char *const *files, size_t count, const char *file);

/* Sorts entries by organisation, kind, year (a plan's documents first), language, edition
 * (the publication first), format: the formats of one document are neighbours. */
void rp_manifest_sort(struct rp_manifest *m);

/* Canonical order of two entries (<0, 0, >0), as rp_manifest_sort() uses. */
int rp_entry_cmp(const struct rp_entry *a, const struct rp_entry *b);

/* The canonical order of the identities of two entries (organisation, kind, year, language,
 * edition, format), whatever their files: 0 when both are the same file of a document. */
int rp_entry_cmp_identity(const struct rp_entry *a, const struct rp_entry *b);

/* The same without the format: 0 when both are about the same document. */
int rp_entry_cmp_document(const struct rp_entry *a, const struct rp_entry *b);

/* The entry's document for messages: its file, or for a publication not produced its name
 * without suffix ("capac/communication-2022-2025.fr"). */
const char *rp_entry_label(const struct rp_entry *e, char *buf, size_t size);

/* Why the entry's publication was not produced, for the log: "the plan has no
 * communication plan", "translation incomplete: 41 %". */
const char *rp_entry_why(const struct rp_entry *e, char *buf, size_t size);

/* The XML text of the manifest (malloc'd, the caller frees it). Returns 0 or -1. */
__attribute__((warn_unused_result)) int rp_manifest_serialize(const struct rp_manifest *m,
                                                              char **data, size_t *size);

/* Whether `file` is a safe relative document path: "<safe name>/<safe name><suffix>", the
 * suffix of a backend (".pdf", ".html"), or the same under "review/" (a review edition). */
bool rp_manifest_safe_file(const char *file);

/* Whether `file` lies where documents of this organisation and edition go:
 * "<org>/..." for a publication, "review/<org>/..." for a review edition. */
bool rp_manifest_file_fits(const char *file, const char *org, enum rp_edition edition);

#endif
