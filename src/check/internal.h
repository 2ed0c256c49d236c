/* Shared by the checker's files: the context and reference resolution. */
#ifndef RP_CHECK_INTERNAL_H
#define RP_CHECK_INTERNAL_H

#include "check/check.h"

struct checker {
    struct rp_diags *diags;
    const struct rp_index *index;
    const char *lang; /* the plan's language, for labels quoted in messages */
};

/* Reports a problem at `loc`. */
void rp_check_report(struct checker *c, enum rp_severity sev, const struct rp_loc *loc,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Resolves `id` to an entity of one of the `kinds` (RP_ENT__MAX-terminated); reports an
 * error naming `what` and returns NULL when it is missing or of another kind. */
const struct rp_index_entry *rp_check_ref(struct checker *c, const struct rp_loc *loc,
                                          const char *what, const char *id,
                                          const enum rp_entity *kinds);

/* The same for every id of a list. */
void rp_check_refs(struct checker *c, const struct rp_refs *refs, const char *what,
                   const enum rp_entity *kinds);

/* Table arithmetic and periods (tables.c). */
void rp_check_tables(struct checker *c, const struct rp_plan *plan);

#endif
