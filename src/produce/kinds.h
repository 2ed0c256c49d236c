/* The document kinds: one table, one line per kind.
 *
 * A kind says which sources its documents need and how to build a document tree from them;
 * everything else (naming, scheduling, incremental rebuilds, the manifest, the index) is
 * common to all kinds. */
#ifndef RP_PRODUCE_KINDS_H
#define RP_PRODUCE_KINDS_H

#include "doc/doc.h"
#include "model/model.h"
#include "util/diag.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct rp_arena;
struct rp_doc;
struct rp_templates;

/* PLAN: one document per plan, named by its period (budget-2022-2024.fr.pdf).
 * YEAR: one document per evaluation file, named by its year (evaluation-2023.fr.pdf). */
enum rp_kind_scope { RP_SCOPE_PLAN, RP_SCOPE_YEAR };

/* Which evaluations a document reads besides the plan. NONE: the plan only. LATEST: the
 * latest evaluation of the plan, when there is one. HISTORY: the evaluation of the
 * document's year and the earlier ones of the same plan. */
enum rp_kind_evals { RP_EVALS_NONE, RP_EVALS_LATEST, RP_EVALS_HISTORY };

/* What a builder receives; everything belongs to the worker's session. */
struct rp_kind_input {
    const struct rp_plan *plan;               /* NULL for a stand-alone annual report */
    const struct rp_evaluation *const *evals; /* by year; the document's year last */
    size_t eval_count;
};

/* Which edition of a document to build, and what a review edition reports on. */
struct rp_kind_edition {
    enum rp_lang lang;
    enum rp_edition edition;
    const struct rp_diags *diags; /* the sources' diagnostics, listed by a review edition */
};

struct rp_kind {
    const char *name;    /* --kind value, file name prefix, documents.xml's kind */
    const char *summary; /* what it is, for --help: "the plan's budget and staffing tables" */
    enum rp_kind_scope scope;
    enum rp_kind_evals evals;
    /* Whether the sources call for this document at all (a plan without a communication
     * plan has no communication summary); NULL: always. */
    bool (*applies)(const struct rp_kind_input *in);
    const char *why_not; /* when it does not apply, why: "the plan has no communication plan" */
    /* The document tree in `arena`, worded by the templates `t`, or NULL when the builder
     * fails. */
    struct rp_doc *(*build)(const struct rp_kind_input *in, const struct rp_kind_edition *ed,
                            const struct rp_templates *t, struct rp_arena *arena);
};

/* The kinds this build of rapport can render, in a fixed order. */
extern const struct rp_kind *const rp_kinds;
extern const size_t rp_kind_count;

/* The kind called `name`, or NULL. */
const struct rp_kind *rp_kind_find(const char *name);

/* Checks the templates against the kinds: each kind is described in documents.xml, and
 * documents.xml describes no other. Problems are located errors in `diags`; returns their
 * number. */
size_t rp_kinds_check(const struct rp_templates *t, struct rp_diags *diags);

/* Prints the kinds for --help, one "  NAME  SUMMARY" line each, indented by `indent`. */
void rp_kinds_help(FILE *out, int indent);

#endif
