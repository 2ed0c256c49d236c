/* Which documents exist, what each depends on, and which must be rendered again. */
#define _POSIX_C_SOURCE 200809L
#include "batch/jobs.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool rp_jobs_in_shard(const struct rp_batch_options *opt, const char *org)
{
    if (opt->shard_count <= 1)
        return true;
    /* A digest of the organisation id: stable across runs, machines and the arrival of
     * other organisations, and all documents of one organisation land in one shard. */
    struct rp_sha256 h;
    char hex[RP_SHA256_HEX];
    rp_sha256_init(&h);
    rp_sha256_str(&h, org);
    rp_sha256_hex(&h, hex);
    unsigned long v = strtoul(
        (char[9]){hex[0], hex[1], hex[2], hex[3], hex[4], hex[5], hex[6], hex[7], '\0'}, NULL, 16);
    return (int)(v % (unsigned long)opt->shard_count) == opt->shard_index - 1;
}

static bool kind_selected(const struct rp_batch_options *opt, const char *name)
{
    if (!opt->kinds[0])
        return true;
    for (size_t i = 0; i < sizeof opt->kinds / sizeof *opt->kinds && opt->kinds[i]; i++)
        if (strcmp(opt->kinds[i], name) == 0)
            return true;
    return false;
}

size_t rp_job_candidates(const struct rp_job *job, const struct rp_source **out)
{
    const struct rp_org *org = job->org;
    size_t n = 0;
    if (org->plan)
        out[n++] = org->plan;
    if (job->kind->evals == RP_EVALS_NONE)
        return n;
    for (size_t i = 0; i < org->eval_count; i++)
        if (job->kind->evals == RP_EVALS_LATEST || org->evals[i].year <= job->year)
            out[n++] = &org->evals[i];
    return n;
}

int rp_jobs_renderer_digest(const char *templates_dir, char hex[RP_SHA256_HEX])
{
    char templates[RP_SHA256_HEX] = "none", self[RP_SHA256_HEX] = "unknown";
    if (templates_dir && rp_hash_tree(templates_dir, templates) != 0)
        return -1;
    /* Linux names the running executable here; elsewhere the version alone speaks. */
    if (rp_sha256_file("/proc/self/exe", self, NULL) != 0)
        snprintf(self, sizeof self, "unknown");
    struct rp_sha256 h;
    rp_sha256_init(&h);
    rp_sha256_str(&h, "rapport " RAPPORT_VERSION "\nexecutable ");
    rp_sha256_str(&h, self);
    rp_sha256_str(&h, "\ntemplates ");
    rp_sha256_str(&h, templates);
    rp_sha256_hex(&h, hex);
    return 0;
}

/* Everything that goes into the document, hashed: when it is unchanged, so is the PDF (or
 * the decision not to produce it). --allow-fallback decides whether an incomplete
 * publication is produced, so it is part of a publication's inputs; a review edition does
 * not depend on it. Returns whether one of the sources it may read exists but cannot be
 * read: rendering without it would publish a wrong document, and its absence is no reason
 * to unpublish one. */
static bool job_digest(struct rp_job *job, bool allow_fallback, const char *renderer,
                       struct rp_arena *arena)
{
    struct rp_sha256 h;
    rp_sha256_init(&h);
    rp_sha256_str(&h, "rapport-inputs 2\nversion " RAPPORT_VERSION "\nkind ");
    rp_sha256_str(&h, job->kind->name);
    rp_sha256_str(&h, "\nlang ");
    rp_sha256_str(&h, rp_lang_code(job->lang));
    rp_sha256_str(&h, "\nedition ");
    rp_sha256_str(&h, rp_batch_edition_name(job->edition));
    if (job->edition == RP_EDITION_PUBLICATION)
        rp_sha256_str(&h, allow_fallback ? "\nfallback allowed" : "\nfallback refused");
    rp_sha256_str(&h, "\nrenderer ");
    rp_sha256_str(&h, renderer);
    const struct rp_source **cand = rp_arena_array(arena, job->org->eval_count + 1, sizeof *cand);
    size_t n = rp_job_candidates(job, cand);
    bool unreadable = false;
    for (size_t i = 0; i < n; i++) {
        unreadable |= cand[i]->unreadable;
        rp_sha256_str(&h, "\nsource ");
        rp_sha256_str(&h, cand[i]->rel);
        rp_sha256_str(&h, " ");
        rp_sha256_str(&h, cand[i]->sha256);
    }
    rp_sha256_hex(&h, job->inputs);
    return unreadable;
}

/* Whether the previous document is still there as the manifest describes it (a publication
 * not produced has nothing to look at). */
static bool output_intact(const struct rp_batch_options *opt, const struct rp_entry *e)
{
    if (!e->file)
        return true;
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", opt->output_dir, e->file);
    struct stat st;
    return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
           (long long)st.st_size == e->bytes;
}

struct growing {
    struct rp_job *items;
    size_t count, cap;
};

static struct rp_job *push(struct growing *g)
{
    if (g->count == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->items = rp_xrealloc(g->items, g->cap * sizeof *g->items);
    }
    struct rp_job *job = &g->items[g->count++];
    memset(job, 0, sizeof *job);
    return job;
}

static void add_job(struct growing *g, const struct rp_org *org, const struct rp_kind *kind,
                    int year, enum rp_lang lang, enum rp_edition edition,
                    const struct rp_batch_options *opt, const char *renderer,
                    const struct rp_manifest *old, struct rp_arena *arena)
{
    struct rp_job *job = push(g);
    job->org = org;
    job->kind = kind;
    job->year = year;
    job->lang = lang;
    job->edition = edition;
    bool reads_unreadable = job_digest(job, opt->allow_fallback, renderer, arena);
    /* Up to date only when every format is: the formats of a document come from one tree,
     * so a missing one renders them all again. */
    bool current = !opt->force;
    for (size_t f = 0; f < opt->format_count; f++) {
        const struct rp_entry *e = rp_manifest_find(
            old, org->id, kind->name, year, rp_lang_code(lang), edition, opt->formats[f]->name);
        job->old[f] = e;
        current = current && e && strcmp(e->inputs, job->inputs) == 0 && output_intact(opt, e);
    }
    if (kind->scope == RP_SCOPE_YEAR && opt->year && year != opt->year)
        job->state = RP_JOB_FILTERED;
    else if (reads_unreadable)
        job->state = RP_JOB_HELD;
    else if (current)
        job->state = RP_JOB_UP_TO_DATE;
    else
        job->state = RP_JOB_RUN;
}

void rp_job_entry(const struct rp_job *job, const struct rp_batch_options *opt, size_t f,
                  struct rp_entry *out)
{
    *out = job->result.entry;
    const struct rp_result_file *file = &job->result.files[f];
    out->format = opt->formats[f]->name;
    bool built = job->result.outcome == RP_OUTCOME_BUILT;
    out->file = built ? file->file : NULL;
    out->pages = built ? file->pages : 0;
    out->bytes = built ? file->bytes : 0;
    out->sha256 = built ? file->sha256 : NULL;
}

const struct rp_entry *rp_job_any_old(const struct rp_job *job)
{
    for (size_t f = 0; f < RP_BACKENDS_MAX; f++)
        if (job->old[f])
            return job->old[f];
    return NULL;
}

void rp_jobs_plan(struct rp_jobs *out, const struct rp_inputs *in,
                  const struct rp_batch_options *opt, const char *renderer,
                  const struct rp_manifest *old, struct rp_arena *arena)
{
    struct growing g = {0};
    for (int ed = 0; ed < RP_EDITION__MAX; ed++) {
        if (!(opt->editions & (1u << ed)))
            continue;
        for (size_t o = 0; o < in->org_count; o++) {
            const struct rp_org *org = &in->orgs[o];
            if (!rp_jobs_in_shard(opt, org->id))
                continue;
            /* In the manifest's order: kind (by name), year, language. */
            for (size_t k = 0; k < rp_kind_count; k++) {
                const struct rp_kind *kind = &rp_kinds[k];
                if (!kind_selected(opt, kind->name))
                    continue;
                /* A plan's documents have year 0; then one set per evaluation year. */
                size_t years = kind->scope == RP_SCOPE_PLAN ? (org->plan ? 1 : 0) : org->eval_count;
                for (size_t y = 0; y < years; y++)
                    for (int lang = 0; lang < RP_LANG__MAX; lang++)
                        if (opt->langs & (1u << lang))
                            add_job(&g, org, kind,
                                    kind->scope == RP_SCOPE_PLAN ? 0 : org->evals[y].year,
                                    (enum rp_lang)lang, (enum rp_edition)ed, opt, renderer, old,
                                    arena);
            }
        }
    }
    /* Copied into the arena so that the plan of work has one owner. */
    out->count = g.count;
    out->items = rp_arena_array(arena, g.count ? g.count : 1, sizeof *out->items);
    if (g.count)
        memcpy(out->items, g.items, g.count * sizeof *g.items);
    free(g.items);
}

bool rp_jobs_sources_exist(const struct rp_inputs *in, const struct rp_entry *e)
{
    const struct rp_kind *kind = rp_kind_find(e->kind);
    if (!kind || rp_lang_from_code(e->lang) == RP_LANG__MAX)
        return false;
    for (size_t o = 0; o < in->org_count; o++) {
        const struct rp_org *org = &in->orgs[o];
        if (strcmp(org->id, e->org) != 0)
            continue;
        if (org->unreadable)
            return true; /* not known to be gone */
        if (kind->scope == RP_SCOPE_PLAN)
            return org->plan != NULL && e->year == 0;
        for (size_t i = 0; i < org->eval_count; i++)
            if (org->evals[i].year == e->year)
                return true;
        return false;
    }
    return false;
}
