/* The plan of work: one job per document (organisation × kind × year × language ×
 * edition), what each one depends on, and whether it must be rendered again.
 *
 * Ownership: jobs live in the arena passed to rp_jobs_plan(); they point into the inputs and
 * the previous manifest, which must outlive them. */
#ifndef RP_BATCH_JOBS_H
#define RP_BATCH_JOBS_H

#include "batch/batch.h"
#include "batch/discover.h"
#include "batch/manifest.h"
#include "produce/kinds.h"

#include <stddef.h>

struct rp_arena;

/* FILTERED: outside --year; its previous document stays as it is. UP_TO_DATE: the previous
 * document was made from the same inputs. HELD: a source it reads exists but cannot be
 * read; its previous document stays as it is. RUN: to be rendered. */
enum rp_job_state { RP_JOB_FILTERED, RP_JOB_UP_TO_DATE, RP_JOB_HELD, RP_JOB_RUN };

/* What a worker reports. NOT_APPLICABLE: the sources call for no such publication (a plan
 * without a communication plan). INCOMPLETE: a publication some of whose texts are not in
 * its language (and no --allow-fallback). Neither is a failure: the document is "not
 * produced", its entry says why and a previously published file of it goes. SKIPPED:
 * outside --year once the plan period is known. INTERRUPTED: stopped by a signal before it
 * finished. */
enum rp_outcome {
    RP_OUTCOME_NONE,
    RP_OUTCOME_BUILT,
    RP_OUTCOME_FAILED,
    RP_OUTCOME_NOT_APPLICABLE,
    RP_OUTCOME_INCOMPLETE,
    RP_OUTCOME_SKIPPED,
    RP_OUTCOME_INTERRUPTED
};

/* Whether `o` is one of the outcomes that leave a publication not produced. */
static inline bool rp_outcome_not_produced(enum rp_outcome o)
{
    return o == RP_OUTCOME_NOT_APPLICABLE || o == RP_OUTCOME_INCOMPLETE;
}

/* One file of a document as a worker wrote it. */
struct rp_result_file {
    const char *file; /* relative to OUTPUT_DIR; FAILED: may name it, or NULL */
    long pages;
    long long bytes;
    const char *sha256;
};

struct rp_result {
    enum rp_outcome outcome;
    /* What the manifest says of the document in every format: names, dates, sources and
     * (NOT_APPLICABLE, INCOMPLETE) why it is not produced. Its file, format, pages, bytes
     * and sha256 are not set: rp_job_entry() takes them from `files`. */
    struct rp_entry entry;
    /* BUILT: one per format of the build, in the order of the options' formats. */
    struct rp_result_file files[RP_BACKENDS_MAX];
    const char *log;      /* errors to print with the document's line ("" when none) */
    const char *warn_log; /* warnings and notes, printed with -v ("" when none) */
    /* A warning about the organisation rather than the document (its plan names another
     * id than its directory): printed once per build at any verbosity ("" when none). */
    const char *notice;
    size_t errors, warnings;
    double seconds;
};

struct rp_job {
    const struct rp_org *org;
    const struct rp_kind *kind;
    int year; /* RP_SCOPE_YEAR: the evaluation's year; RP_SCOPE_PLAN: 0 */
    enum rp_lang lang;
    enum rp_edition edition;
    char inputs[RP_SHA256_HEX];
    /* Per format of the build (the options' order): the previous document with this
     * identity in that format, or NULL. */
    const struct rp_entry *old[RP_BACKENDS_MAX];
    enum rp_job_state state;
    struct rp_result result;
};

struct rp_jobs {
    /* Publications first (an interrupted night has published what readers see), then
     * review editions; each by organisation, kind, year, language. */
    struct rp_job *items;
    size_t count;
};

/* The digest of what renders the documents besides their sources: rapport's version, the
 * running executable (a rebuilt rapport, its embedded default templates included, renders
 * again even under the same version) and the template set of `templates_dir` (NULL: none).
 * Written into `hex`; returns 0, or -1 when `templates_dir` cannot be read. */
__attribute__((warn_unused_result)) int rp_jobs_renderer_digest(const char *templates_dir,
                                                                char hex[RP_SHA256_HEX]);

/* Builds the plan of work for the organisations of `in` that fall in the options' shard,
 * the selected kinds, languages and editions. `renderer` is the digest of
 * rp_jobs_renderer_digest(). Output paths are checked against OUTPUT_DIR (a previous
 * document whose file is missing or has another size is rendered again; a publication not
 * produced from the same inputs stays not produced). */
void rp_jobs_plan(struct rp_jobs *out, const struct rp_inputs *in,
                  const struct rp_batch_options *opt, const char *renderer,
                  const struct rp_manifest *old, struct rp_arena *arena);

/* The manifest entry of what `job` ran to in format `f` (an index into the options'
 * formats): its result's entry with that format's file (none when not produced). */
void rp_job_entry(const struct rp_job *job, const struct rp_batch_options *opt, size_t f,
                  struct rp_entry *out);

/* The first previous document of `job` in any format, or NULL. */
const struct rp_entry *rp_job_any_old(const struct rp_job *job);

/* Whether organisation `org` belongs to the options' shard (always without sharding). */
bool rp_jobs_in_shard(const struct rp_batch_options *opt, const char *org);

/* Whether the sources of a previous document may still exist in `in`: its organisation is
 * discovered and either unreadable (nothing is known of it) or holding its plan or its
 * year's evaluation (readable or not). False means positively gone. */
bool rp_jobs_sources_exist(const struct rp_inputs *in, const struct rp_entry *e);

/* The sources a job may read, in the order of its digest, into `out` (room for the
 * organisation's evaluations and its plan); returns their number. */
size_t rp_job_candidates(const struct rp_job *job, const struct rp_source **out);

#endif
