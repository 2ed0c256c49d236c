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

/* Owners and parties (check.c): each a defined entity of `kinds`, none named twice. */
void rp_check_holders(struct checker *c, const struct rp_refs *refs, const char *what,
                      const enum rp_entity *kinds);

/* Maturity assessments and transversal objectives of a plan, and what an evaluation reports
 * on them (maturity.c). */
void rp_check_maturity(struct checker *c, const struct rp_plan *plan);
void rp_check_evaluation_maturity(struct checker *c, const struct rp_evaluation *e,
                                  const struct rp_plan *plan, struct rp_arena *arena);

/* The groups of stakeholders and objectives, and the items communication actions are about
 * (groups.c). */
void rp_check_groups(struct checker *c, const struct rp_plan *p);

/* Table arithmetic and periods (tables.c). */
void rp_check_tables(struct checker *c, const struct rp_plan *plan);

/* A table's column in messages, "2022 Total" (tables.c), written into `buf` when composed. */
const char *rp_check_column_name(struct checker *c, const struct rp_table *t, size_t col,
                                 char *buf, size_t size);

/* A table's rows: their tree (dimensions, levels), years and of-which rows (table_rows.c). */
void rp_check_table_rows(struct checker *c, const struct rp_table *t, const struct rp_plan *p);

/* Amendments: their dates, and the texts they mark (amendments.c). */
void rp_check_amendments(struct checker *c, const struct rp_plan *p);

#endif
