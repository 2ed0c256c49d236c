/* The work of one document, as a worker process does it: its sources picked from its
 * organisation directory, the rest done by rp_produce(). */
#define _POSIX_C_SOURCE 200809L
#include "batch/worker.h"

#include "produce/produce.h"
#include "util/arena.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct work {
    const struct rp_job *job;
    const struct rp_batch_options *opt;
    struct rp_arena *arena; /* the result's */
    struct rp_result *r;
    struct rp_session s;
    const struct rp_evaluation **evals; /* room for the builder's evaluations */
    const struct rp_plan *plan;         /* the organisation's plan, once it loaded cleanly */
    const struct rp_source **used;      /* sources the document is built from */
    size_t used_count;
    const char *ignore_file; /* a plan whose problems do not concern this document */
    const char *stem;        /* the files' names without suffix, once known */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A run-level problem of this job (no file position). */
static void fail(struct work *w, const char *file, const char *fmt, const char *detail)
{
    rp_diag_add(&w->s.diags, RP_ERROR, file, 0, 0, fmt, detail);
    w->r->outcome = RP_OUTCOME_FAILED;
}

static void use(struct work *w, const struct rp_source *src)
{
    w->used[w->used_count++] = src;
}

/* Loads and checks `src`; the evaluation, or NULL when it has errors. */
static const struct rp_evaluation *load_eval(struct work *w, const struct rp_source *src)
{
    const struct rp_file *f = rp_session_load(&w->s, src->path);
    if (!f)
        return NULL;
    if (f->kind != RP_FILE_EVALUATION) {
        fail(w, src->path, "%s", "an evaluation file must hold an <evaluation>");
        return NULL;
    }
    if (f->evaluation->year != src->year) {
        rp_diag_add(&w->s.diags, RP_ERROR, src->path, f->evaluation->loc.line,
                    f->evaluation->loc.col,
                    "the evaluation is for year %d but the file is named for %d",
                    f->evaluation->year, src->year);
        return NULL;
    }
    return f->evaluation;
}

static bool same_plan(const struct rp_evaluation *a, const struct rp_evaluation *b)
{
    if (!a->plan_ref || !b->plan_ref)
        return !a->plan_ref && !b->plan_ref;
    return strcmp(a->plan_ref, b->plan_ref) == 0;
}

/* The directory's name is the organisation's id in output paths; an id inside the model that
 * says otherwise is a sign of a copied or renamed directory, which the build reports. */
static void check_org_id(struct work *w, const struct rp_organisation *org, const char *file)
{
    const char *dir = w->job->org->id;
    if (!org->id || strcmp(org->id, dir) == 0)
        return;
    rp_diag_add(&w->s.diags, RP_WARNING, file, org->loc.line, org->loc.col,
                "the organisation id '%s' differs from its directory's name '%s': its "
                "documents are published under '%s/'",
                org->id, dir, dir);
    char line[2048];
    rp_diag_format(&w->s.diags.items[w->s.diags.count - 1], line, sizeof line);
    w->r->notice = rp_arena_strdup(w->arena, line);
}

/* Loads what the job's kind reads into `in`; false when a source it needs has errors.
 * Sources are loaded in a fixed order and each one that the document may depend on must
 * load cleanly: a broken input fails the documents that read it and no other. */
static bool load_sources(struct work *w, struct rp_kind_input *in,
                         const struct rp_evaluation **evals)
{
    const struct rp_job *job = w->job;
    const struct rp_org *org = job->org;
    const struct rp_plan *plan = NULL;
    bool plan_ok = false;
    if (org->plan) {
        const struct rp_file *f = rp_session_load(&w->s, org->plan->path);
        if (f && f->kind == RP_FILE_PLAN) {
            plan = f->plan;
            plan_ok = true;
            w->plan = plan;
            check_org_id(w, &plan->organisation, org->plan->path);
        } else if (f) {
            fail(w, org->plan->path, "%s", "plan.xml must hold a <plan>");
        }
    }
    in->plan = NULL;
    in->evals = evals;
    in->eval_count = 0;
    if (job->kind->scope == RP_SCOPE_PLAN) {
        if (!plan_ok)
            return false;
        in->plan = plan;
        use(w, org->plan);
    }
    if (job->kind->evals == RP_EVALS_LATEST) {
        for (size_t i = org->eval_count; i-- > 0;) {
            const struct rp_evaluation *e = load_eval(w, &org->evals[i]);
            if (!e)
                return false;
            if (plan && e->plan_ref && strcmp(e->plan_ref, plan->id) == 0) {
                evals[in->eval_count++] = e;
                use(w, &org->evals[i]);
                break;
            }
        }
    } else if (job->kind->evals == RP_EVALS_HISTORY) {
        size_t target = 0;
        while (target < org->eval_count && org->evals[target].year != job->year)
            target++;
        if (target == org->eval_count) {
            fail(w, NULL, "evaluation of %s vanished during the build", org->id);
            return false;
        }
        const struct rp_evaluation *ev = load_eval(w, &org->evals[target]);
        if (!ev)
            return false;
        if (ev->plan_ref) {
            if (!plan_ok || strcmp(plan->id, ev->plan_ref) != 0) {
                if (plan_ok || !org->plan)
                    rp_diag_add(&w->s.diags, RP_ERROR, org->evals[target].path, ev->loc.line,
                                ev->loc.col,
                                "the plan '%s' this evaluation refers to is not the plan.xml "
                                "of its directory",
                                ev->plan_ref);
                return false;
            }
            in->plan = plan;
            use(w, org->plan);
        } else {
            w->ignore_file = org->plan ? org->plan->path : NULL; /* a stand-alone report */
            if (ev->has_organisation)
                check_org_id(w, &ev->organisation, org->evals[target].path);
        }
        /* Earlier years of the same plan, oldest first, then the document's year. */
        for (size_t i = 0; i < target; i++) {
            const struct rp_evaluation *e = load_eval(w, &org->evals[i]);
            if (!e)
                return false;
            if (same_plan(e, ev)) {
                evals[in->eval_count++] = e;
                use(w, &org->evals[i]);
            }
        }
        evals[in->eval_count++] = ev;
        use(w, &org->evals[target]);
    }
    return true;
}

static const char *iso_date(struct rp_arena *arena, struct rp_date d)
{
    if (d.year == 0)
        return NULL;
    if (d.month == 0)
        return rp_arena_printf(arena, "%04d", d.year);
    if (d.day == 0)
        return rp_arena_printf(arena, "%04d-%02d", d.year, d.month);
    return rp_arena_printf(arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* OUTPUT_DIR-relative name of the document without its suffix:
 * <org>/<kind>-<period or year>.<lang>, under review/ for a review edition. */
static const char *stem(struct work *w, const char *when)
{
    return rp_arena_printf(w->arena, "%s%s/%s-%s.%s",
                           w->job->edition == RP_EDITION_REVIEW ? RP_REVIEW_DIR "/" : "",
                           w->job->org->id, w->job->kind->name, when, rp_lang_code(w->job->lang));
}

/* Names the document's file in every format of the build, from its stem. */
static void name_files(struct work *w, const char *when)
{
    w->stem = stem(w, when);
    for (size_t f = 0; f < w->opt->format_count; f++)
        w->r->files[f].file =
            rp_arena_printf(w->arena, "%s%s", w->stem, w->opt->formats[f]->suffix);
}

/* Names, dates and sources of the manifest entry, from the loaded models. */
static void describe(struct work *w, const struct rp_kind_input *in)
{
    const struct rp_job *job = w->job;
    struct rp_entry *e = &w->r->entry;
    struct rp_arena *a = w->arena;
    const char *code = rp_lang_code(job->lang);
    const struct rp_evaluation *last = in->eval_count ? in->evals[in->eval_count - 1] : NULL;
    const struct rp_organisation *org = NULL;
    const char *source_lang = NULL;
    if (in->plan) {
        org = &in->plan->organisation;
        source_lang = in->plan->lang;
    } else if (last && last->has_organisation) {
        org = &last->organisation;
        source_lang = last->lang;
    }
    e->org_name = org ? rp_arena_strdup(a, rp_texts_plain(&org->name, code, source_lang)) : NULL;
    if (job->kind->scope == RP_SCOPE_PLAN)
        e->period = rp_arena_printf(a, "%d-%d", in->plan->start, in->plan->end);
    e->year = job->year;
    /* The date of the newest model the document shows: never the clock. */
    e->date = iso_date(a, last ? last->date : in->plan->date);
    name_files(w, e->period ? e->period : rp_arena_printf(a, "%d", job->year));
    e->sources = rp_arena_array(a, w->used_count ? w->used_count : 1, sizeof *e->sources);
    e->source_count = w->used_count;
    for (size_t i = 0; i < w->used_count; i++) {
        e->sources[i].path = w->used[i]->rel;
        e->sources[i].sha256 = w->used[i]->sha256;
    }
}

/* The picker of rp_produce(): the job's sources, from its organisation directory, and the
 * document's name under OUTPUT_DIR. */
static enum rp_pick pick(void *ctx, struct rp_session *s, struct rp_kind_input *in,
                         const char **path)
{
    struct work *w = ctx;
    (void)s; /* the same as w->s */
    if (!load_sources(w, in, w->evals)) {
        /* The plan loaded, so the document has its name although another source it reads
         * failed (an evaluation outside the plan's period): the log names it. */
        if (w->plan && w->job->kind->scope == RP_SCOPE_PLAN)
            name_files(w, rp_arena_printf(w->arena, "%d-%d", w->plan->start, w->plan->end));
        return RP_PICK_FAILED;
    }
    describe(w, in);
    const struct rp_plan *plan = in->plan;
    if (w->job->kind->scope == RP_SCOPE_PLAN && w->opt->year &&
        (w->opt->year < plan->start || w->opt->year > plan->end))
        return RP_PICK_SKIPPED;
    *path = rp_arena_printf(w->s.arena, "%s/%s", w->opt->output_dir, w->stem);
    return RP_PICKED;
}

/* At most this many lines of diagnostics per document in the log: a file with ten thousand
 * problems must not flood a cron mail; `rapport check FILE` lists them all. */
#define MAX_LOG_LINES 40

/* The diagnostics as printed lines: errors, or (errors false) warnings and notes. */
static const char *diag_text(struct work *w, bool errors)
{
    size_t cap = 4096, size = 0, shown = 0, hidden = 0;
    char *out = rp_arena_alloc(w->arena, cap);
    char line[2048];
    for (size_t i = 0; i < w->s.diags.count; i++) {
        const struct rp_diag *d = &w->s.diags.items[i];
        if ((d->severity == RP_ERROR) != errors)
            continue;
        if (w->ignore_file && d->file && strcmp(d->file, w->ignore_file) == 0)
            continue;
        if (shown == MAX_LOG_LINES) {
            hidden++;
            continue;
        }
        rp_diag_format(d, line, sizeof line);
        size_t n = strlen(line);
        if (size + n + 2 > cap) {
            while (size + n + 2 > cap)
                cap *= 2;
            char *bigger = rp_arena_alloc(w->arena, cap);
            memcpy(bigger, out, size);
            out = bigger;
        }
        memcpy(out + size, line, n);
        size += n;
        out[size++] = '\n';
        out[size] = '\0';
        shown++;
    }
    if (hidden)
        return rp_arena_printf(w->arena,
                               "%s(%zu more; run 'rapport check' on the file to see "
                               "them all)\n",
                               out, hidden);
    return out;
}

/* The key under which a publication's side-by-side editions keep their shapes for the next
 * job of the same document in this worker (produce/editions.h): everything its editions
 * are built from besides the kind, the edition and the templates (the key of editions.c has
 * those): its organisation, year, the --allow-fallback option and the sources it may read,
 * by path and digest, as the job's inputs name them (all languages alike). */
static const char *editions_key(const struct rp_job *job, const struct rp_batch_options *opt,
                                struct rp_arena *arena)
{
    if (job->edition != RP_EDITION_PUBLICATION)
        return NULL;
    const struct rp_source **cand = rp_arena_array(arena, job->org->eval_count + 1, sizeof *cand);
    size_t n = rp_job_candidates(job, cand);
    const char *key =
        rp_arena_printf(arena, "%s\n%d\n%d", job->org->id, job->year, (int)opt->allow_fallback);
    for (size_t i = 0; i < n; i++) {
        if (cand[i]->unreadable)
            return NULL;
        key = rp_arena_printf(arena, "%s\n%s %s", key, cand[i]->rel, cand[i]->sha256);
    }
    return key;
}

void rp_worker_job(const struct rp_job *job, const struct rp_batch_options *opt,
                   struct rp_arena *arena, struct rp_result *r)
{
    double start = now();
    memset(r, 0, sizeof *r);
    struct work w = {.job = job, .opt = opt, .arena = arena, .r = r};
    rp_session_init(&w.s);
    w.used = rp_arena_array(arena, job->org->eval_count + 1, sizeof *w.used);
    w.evals = rp_arena_array(arena, job->org->eval_count + 1, sizeof *w.evals);
    r->outcome = RP_OUTCOME_FAILED; /* until every step succeeded */
    struct rp_entry *e = &r->entry;
    e->org = job->org->id;
    e->kind = job->kind->name;
    e->lang = rp_lang_code(job->lang);
    e->edition = job->edition;
    e->version = RAPPORT_VERSION;
    e->inputs = job->inputs;
    e->year = job->year;

    struct rp_produce_request req = {.templates = opt->templates,
                                     .kind = job->kind,
                                     .lang = job->lang,
                                     .edition = job->edition,
                                     .allow_fallback = opt->allow_fallback,
                                     .backend_count = opt->format_count,
                                     .path_is_stem = true,
                                     .sources = {pick, &w},
                                     .make_parent = true,
                                     .digest = true,
                                     .editions_key = editions_key(job, opt, arena)};
    for (size_t f = 0; f < opt->format_count; f++)
        req.backends[f] = opt->formats[f];
    struct rp_produce_info info;
    switch (rp_produce(&req, &w.s, &info)) {
    case RP_PRODUCED:
        r->outcome = RP_OUTCOME_BUILT;
        for (size_t f = 0; f < opt->format_count; f++) {
            r->files[f].pages = info.out[f].pages;
            r->files[f].bytes = info.out[f].bytes;
            r->files[f].sha256 = rp_arena_strdup(arena, info.out[f].sha256);
        }
        break;
    case RP_PRODUCE_SKIPPED:
        r->outcome = RP_OUTCOME_SKIPPED;
        break;
    /* Not produced: the entry keeps its names and sources, without a file, and says why. */
    case RP_PRODUCE_NOT_APPLICABLE:
        r->outcome = RP_OUTCOME_NOT_APPLICABLE;
        e->reason = info.why_not ? info.why_not : "its sources call for no such document";
        break;
    case RP_PRODUCE_INCOMPLETE:
        r->outcome = RP_OUTCOME_INCOMPLETE;
        e->reason = RP_REASON_INCOMPLETE;
        e->incomplete = true;
        e->coverage = rp_produce_coverage_percent(&info);
        break;
    case RP_PRODUCE_FAILED:
        break;
    }
    if (r->outcome == RP_OUTCOME_FAILED && w.s.diags.errors == 0)
        fail(&w, NULL, "%s", "the document could not be produced");
    r->log = diag_text(&w, true);
    r->warn_log = diag_text(&w, false);
    if (!r->notice)
        r->notice = "";
    r->errors = w.s.diags.errors;
    r->warnings = w.s.diags.warnings;
    rp_session_free(&w.s);
    r->seconds = now() - start;
}
