/* Templates: the theme, the label catalogues and the parts of each document, loaded from a
 * templates directory (theme.xml, documents.xml, labels/<lang>.xml) or, by default, from
 * the copy of templates/default compiled into the binary.
 *
 * Ownership: everything reachable from an rp_templates belongs to the arena given to
 * rp_templates_load() and dies with it. */
#ifndef RP_TEMPLATES_H
#define RP_TEMPLATES_H

#include "templates/theme.h"
#include "util/diag.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

struct rp_label {
    const char *key, *text;
};

/* One language's labels, sorted by key. */
struct rp_catalogue {
    struct rp_label *items;
    size_t count;
};

struct rp_part {
    const char *name;
    int history_years; /* -1 when not given */
    int charts;        /* -1 when not given, else 0/1 */
};

/* One document kind as documents.xml describes it. */
struct rp_document_spec {
    const char *kind;                /* the kind's name: "budget" (produce/kinds.c) */
    const char *names[RP_LANG__MAX]; /* what readers call it in each language (the index) */
    struct rp_part *parts;
    size_t count;
    const char *file; /* where it is described, for diagnostics */
    long line, col;
};

struct rp_templates {
    const char *dir; /* NULL for the built-in default */
    struct rp_theme theme;
    struct rp_catalogue catalogues[RP_LANG__MAX];
    struct rp_document_spec *documents; /* in the order of documents.xml */
    size_t document_count;
};

/* Loads the templates of `dir`, or the built-in default when `dir` is NULL. Every catalogue
 * must define every key of the built-in French catalogue (the keys rapport prints); a
 * missing label, a missing file or an invalid one is a located error. Returns NULL on any
 * error. */
const struct rp_templates *rp_templates_load(const char *dir, struct rp_arena *arena,
                                             struct rp_diags *diags);

/* The text of `key` in `lang`. The catalogues are complete once loaded, so an unknown key
 * is a programming error: it returns the key itself, which the label tests catch. */
const char *rp_label(const struct rp_templates *t, enum rp_lang lang, const char *key);

/* rp_label() with the slots {1}, {2}, {3} replaced by a1..a3 (NULL: empty), in `arena`. */
const char *rp_label_fill(const struct rp_templates *t, struct rp_arena *arena,
                          enum rp_lang lang, const char *key, const char *a1, const char *a2,
                          const char *a3);

/* A label that depends on a count: `key`.one when `n` is singular in `lang` (1; in French
 * also 0), else `key`.many, with its slots filled as by rp_label_fill(). Catalogues word
 * plurals this way rather than "seuil(s)". */
const char *rp_label_count(const struct rp_templates *t, struct rp_arena *arena,
                           enum rp_lang lang, const char *key, size_t n, const char *a1,
                           const char *a2, const char *a3);

/* True when the catalogue of `lang` defines `key`. */
bool rp_label_exists(const struct rp_templates *t, enum rp_lang lang, const char *key);

/* The description of the kind called `kind`, or NULL. */
const struct rp_document_spec *rp_templates_document(const struct rp_templates *t,
                                                     const char *kind);

/* The part `name` of a document kind, or NULL: a part not listed is not rendered. */
const struct rp_part *rp_templates_part(const struct rp_templates *t, const char *kind,
                                        const char *name);


#endif
