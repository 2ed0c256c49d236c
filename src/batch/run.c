/* rapport build: lock, discover, plan, render in workers, publish. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "batch/batch.h"

#include "batch/discover.h"
#include "batch/jobs.h"
#include "batch/lock.h"
#include "batch/log.h"
#include "batch/manifest.h"
#include "batch/pool.h"
#include "batch/publish.h"
#include "produce/kinds.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* While jobs run, the manifest is saved this often so that a run killed outright (SIGKILL,
 * power loss) loses at most these seconds of finished documents. */
#define CHECKPOINT_SECONDS 2.0

struct run {
    const struct rp_batch_options *opt;
    struct rp_arena *arena;
    struct rp_inputs in;
    struct rp_manifest old;
    struct rp_jobs jobs;
    struct rp_log log;
    size_t built, failed, unchanged, removed, interrupted, held;
    size_t worker_failures; /* workers that ended badly after their last document */
    size_t not_produced;    /* publications not produced (no failure: the log says why) */
    size_t unsaved;         /* documents built since the last checkpoint */
    double last_checkpoint;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The manifest as it stands: new documents replace their previous entries. `final` also
 * drops the entries whose sources vanished, and lets a publication not produced replace
 * its previously published file (removed at the end); a checkpoint keeps that file's entry,
 * since files are only removed at the end and a file no entry lists would never go. */
static void compose(const struct run *run, bool final, struct rp_manifest *out)
{
    /* The job that decides about each previous entry (NULL: none of this run does). */
    const struct rp_job **job_of = rp_xmalloc((run->old.count + 1) * sizeof *job_of);
    memset(job_of, 0, (run->old.count + 1) * sizeof *job_of);
    const struct rp_batch_options *opt = run->opt;
    for (size_t i = 0; i < run->jobs.count; i++) {
        const struct rp_job *job = &run->jobs.items[i];
        for (size_t f = 0; f < opt->format_count; f++) {
            const struct rp_entry *old = job->old[f];
            if (old)
                job_of[old - run->old.items] = job;
            if (job->state != RP_JOB_RUN)
                continue;
            enum rp_outcome o = job->result.outcome;
            if (o == RP_OUTCOME_BUILT ||
                (rp_outcome_not_produced(o) && (final || !old || !old->file))) {
                struct rp_entry e;
                rp_job_entry(job, opt, f, &e);
                rp_manifest_add(out, &e);
            }
        }
    }
    for (size_t i = 0; i < run->old.count; i++) {
        const struct rp_entry *e = &run->old.items[i];
        const struct rp_job *job = job_of[i];
        if (job && job->state == RP_JOB_RUN) {
            enum rp_outcome o = job->result.outcome;
            if (o == RP_OUTCOME_BUILT || (rp_outcome_not_produced(o) && (final || !e->file)))
                continue;
            /* A failed document keeps its last good version online: the log says it
             * failed, and the next run tries again since its inputs differ. A plan's
             * document outside --year (SKIPPED) stays as it is. */
        } else if (!job && final && rp_jobs_in_shard(run->opt, e->org) &&
                   !rp_jobs_sources_exist(&run->in, e)) {
            /* Gone at the source, in either tree. Another shard's documents are never this
             * run's to judge; an edition or a language this run does not make stays. */
            continue;
        }
        rp_manifest_add(out, e);
    }
    free(job_of);
    rp_manifest_sort(out);
}

static void checkpoint(struct run *run)
{
    struct rp_manifest m;
    rp_manifest_init(&m);
    compose(run, false, &m);
    if (rp_publish_write(run->opt->output_dir, &m, NULL) == 0)
        run->unsaved = 0;
    rp_manifest_free(&m);
    run->last_checkpoint = now();
}

static void on_done(void *ctx, struct rp_job *job)
{
    struct run *run = ctx;
    switch (job->result.outcome) {
    case RP_OUTCOME_BUILT:
        run->built++;
        run->unsaved++;
        break;
    case RP_OUTCOME_FAILED:
        run->failed++;
        break;
    case RP_OUTCOME_INTERRUPTED:
        run->interrupted++;
        break;
    case RP_OUTCOME_NOT_APPLICABLE:
    case RP_OUTCOME_INCOMPLETE:
        run->not_produced++;
        break;
    default:
        break;
    }
    rp_log_job(&run->log, job);
    rp_log_progress(&run->log, 1);
}

static void on_worker_failed(void *ctx, int status)
{
    struct run *run = ctx;
    run->worker_failures++;
    if (WIFSIGNALED(status))
        fprintf(stderr,
                "rapport build: error: a worker process died after its last document (%s)\n",
                strsignal(WTERMSIG(status)));
    else
        fprintf(stderr,
                "rapport build: error: a worker process exited with status %d after its last "
                "document\n",
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void on_tick(void *ctx)
{
    struct run *run = ctx;
    if (run->unsaved > 0 && now() - run->last_checkpoint >= CHECKPOINT_SECONDS)
        checkpoint(run);
}

/* Prints the diagnostics of discovery and of the previous manifest; returns the errors. */
static size_t report(const struct rp_diags *d, enum rp_verbosity v)
{
    char line[4096];
    for (size_t i = 0; i < d->count; i++) {
        const struct rp_diag *x = &d->items[i];
        if (x->severity == RP_ERROR || (x->severity == RP_WARNING && v >= RP_NORMAL) ||
            v == RP_VERBOSE)
            fprintf(stderr, "%s\n", rp_diag_format(x, line, sizeof line));
    }
    return d->errors;
}

/* Whether a file can be created in `dir` (a read-only mount, a full disk, permissions, an
 * immutable directory: whatever the reason, this is how it shows). */
static bool writable(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s%ld.probe", dir, RP_TEMP_PREFIX, (long)getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return false;
    close(fd);
    return unlink(path) == 0;
}

static int prepare_output(const char *dir, int *lock_fd)
{
    if (rp_mkdir_p(dir) != 0) {
        fprintf(stderr, "rapport build: cannot create the output directory %s: %s\n", dir,
                strerror(errno));
        return RP_EXIT_OUTPUT;
    }
    long holder = 0;
    switch (rp_lock_take(dir, lock_fd, &holder)) {
    case RP_LOCK_TAKEN:
        break;
    case RP_LOCK_BUSY:
        if (holder > 0)
            fprintf(stderr,
                    "rapport build: another build (process %ld) is writing to %s; "
                    "not starting a second one\n",
                    holder, dir);
        else
            fprintf(stderr,
                    "rapport build: another build is writing to %s; not starting a "
                    "second one\n",
                    dir);
        return RP_EXIT_OUTPUT;
    case RP_LOCK_ERROR:
        if (errno == EEXIST)
            fprintf(stderr,
                    "rapport build: %s/%s is not a regular file (a link?): it is "
                    "neither followed nor replaced; remove it\n",
                    dir, RP_LOCK_NAME);
        else
            fprintf(stderr, "rapport build: the output directory %s is not writable: %s\n", dir,
                    strerror(errno));
        return RP_EXIT_OUTPUT;
    }
    if (!writable(dir)) {
        fprintf(stderr, "rapport build: the output directory %s is not writable: %s\n", dir,
                strerror(errno));
        rp_lock_release(*lock_fd);
        *lock_fd = -1;
        return RP_EXIT_OUTPUT;
    }
    return RP_EXIT_OK;
}

/* The renderer's digest (see rp_jobs_renderer_digest()); NULL when --templates names a
 * directory that cannot be read. The built-in templates are part of the executable. */
static const char *renderer_digest(const struct rp_batch_options *opt, struct rp_arena *a)
{
    char hex[RP_SHA256_HEX];
    if (rp_jobs_renderer_digest(opt->templates_dir, hex) != 0) {
        fprintf(stderr, "rapport build: cannot read the templates directory %s: %s\n",
                opt->templates_dir, strerror(errno));
        return NULL;
    }
    return rp_arena_strdup(a, hex);
}

/* The template set, loaded and checked once before any worker starts (they inherit it);
 * NULL with the reasons printed when it is incomplete or invalid. */
static const struct rp_templates *load_templates(const struct rp_batch_options *opt,
                                                 struct rp_arena *a)
{
    struct rp_diags d;
    rp_diags_init(&d);
    const struct rp_templates *t = rp_templates_load(opt->templates_dir, a, &d);
    if (t && rp_kinds_check(t, &d) != 0)
        t = NULL;
    if (!t) {
        report(&d, RP_NORMAL);
        fprintf(stderr, "rapport build: the templates %s are not usable\n",
                opt->templates_dir ? opt->templates_dir : "built into rapport");
    }
    rp_diags_free(&d);
    return t;
}

static void summary(const struct run *run, size_t input_errors, bool write_failed)
{
    char label[512];
    bool bad = run->failed || run->interrupted || run->held || input_errors || write_failed;
    if (run->log.verbosity >= RP_NORMAL || bad)
        fprintf(
            stderr, "rapport build: %zu built, %zu unchanged, %zu removed, %zu failed%s%s%s\n",
            run->built, run->unchanged, run->removed, run->failed,
            run->not_produced ? rp_arena_printf(run->arena, ", %zu not produced", run->not_produced)
                              : "",
            run->held ? rp_arena_printf(run->arena, ", %zu kept (unreadable sources)", run->held)
                      : "",
            run->interrupted ? ", interrupted" : "");
    if (!run->failed)
        return;
    fprintf(stderr, "failed documents:\n");
    for (size_t i = 0; i < run->jobs.count; i++) {
        const struct rp_job *job = &run->jobs.items[i];
        if (job->state == RP_JOB_RUN && job->result.outcome == RP_OUTCOME_FAILED)
            fprintf(stderr, "  %s\n", rp_job_label(job, label, sizeof label));
    }
}

/* Plans, renders and publishes, holding the lock; returns the exit status. */
static int execute(struct run *run, const char *renderer)
{
    const struct rp_batch_options *opt = run->opt;
    struct rp_diags diags;
    rp_diags_init(&diags);
    char manifest_path[4096];
    snprintf(manifest_path, sizeof manifest_path, "%s/%s", opt->output_dir, RP_MANIFEST_NAME);
    if (rp_manifest_read(&run->old, manifest_path, &diags) != 0)
        rp_diag_add(&diags, RP_WARNING, manifest_path, 0, 0,
                    "the previous manifest is unreadable: every document is rendered again");
    if (rp_discover(opt->input_dir, run->arena, &run->in, &diags) != 0) {
        fprintf(stderr, "rapport build: cannot read %s: %s\n", opt->input_dir, strerror(errno));
        rp_diags_free(&diags);
        return RP_EXIT_USAGE;
    }
    size_t input_errors = report(&diags, opt->verbosity);
    rp_diags_free(&diags);
    if (run->in.org_count == 0 && !opt->prune_all) {
        /* An empty or unmounted share looks exactly like this: never empty the site for it. */
        fprintf(stderr,
                "rapport build: %s holds no organisation directory: nothing built, nothing "
                "removed (--prune-all removes every published document)\n",
                opt->input_dir);
        return RP_EXIT_FAILED;
    }
    rp_jobs_plan(&run->jobs, &run->in, opt, renderer, &run->old, run->arena);

    size_t to_run = 0;
    for (size_t i = 0; i < run->jobs.count; i++)
        to_run += run->jobs.items[i].state == RP_JOB_RUN;
    rp_log_init(&run->log, opt->verbosity, to_run);
    for (size_t i = 0; i < run->jobs.count; i++) {
        const struct rp_job *job = &run->jobs.items[i];
        /* A publication still not produced from the same inputs is counted as such, not as
         * an unchanged document: it has no file. */
        const struct rp_entry *old = rp_job_any_old(job);
        bool withheld = job->state == RP_JOB_UP_TO_DATE && old && !old->file;
        run->not_produced += withheld;
        run->unchanged += job->state == RP_JOB_UP_TO_DATE && !withheld;
        run->held += job->state == RP_JOB_HELD;
        if (job->state == RP_JOB_UP_TO_DATE || job->state == RP_JOB_HELD)
            rp_log_job(&run->log, job);
    }
    run->last_checkpoint = now();
    struct rp_pool_hooks hooks = {run, on_done, on_tick, on_worker_failed};
    bool complete = to_run == 0 || rp_pool_run(&run->jobs, opt, run->arena, &hooks);

    /* An interrupted run removes nothing: what it did not reach is not known to be gone. */
    struct rp_manifest final;
    rp_manifest_init(&final);
    compose(run, complete, &final);
    if (complete)
        run->removed = rp_publish_prune(opt->output_dir, &run->old, &final, &run->log);
    rp_log_end(&run->log);
    bool write_failed = rp_publish_write(opt->output_dir, &final, opt->templates) != 0;
    rp_manifest_free(&final);
    summary(run, input_errors, write_failed);
    if (!complete)
        fprintf(stderr, "rapport build: interrupted; the next run finishes the work\n");
    if (write_failed)
        return RP_EXIT_OUTPUT;
    return run->failed || run->worker_failures || run->interrupted || input_errors || !complete
               ? RP_EXIT_FAILED
               : RP_EXIT_OK;
}

/* `path` with symbolic links and dot components resolved, also when its last components do
 * not exist yet (they are appended as given); false when it cannot be resolved. */
static bool resolve(const char *path, char out[PATH_MAX])
{
    char head[PATH_MAX], tail[PATH_MAX] = "", real[PATH_MAX];
    if (snprintf(head, sizeof head, "%s", path) >= (int)sizeof head)
        return false;
    while (!realpath(head, real)) {
        if (errno != ENOENT)
            return false;
        /* The last component does not exist yet: resolve its parent, keep it as given. */
        char *slash = strrchr(head, '/');
        const char *last = slash ? slash + 1 : head;
        char joined[PATH_MAX];
        if (snprintf(joined, sizeof joined, "%s%s%s", last, *tail ? "/" : "", tail) >=
            (int)sizeof joined)
            return false;
        memcpy(tail, joined, sizeof tail);
        if (!slash)
            snprintf(head, sizeof head, ".");
        else if (slash == head)
            snprintf(head, sizeof head, "/");
        else
            *slash = '\0';
    }
    return snprintf(out, PATH_MAX, "%s%s%s", real, *tail ? "/" : "", tail) < PATH_MAX;
}

/* Whether the output directory is the input directory or lies inside it: documents would be
 * mixed into the sources (and discovered as organisations by the next run). */
static bool output_inside_input(const struct rp_batch_options *opt)
{
    char in[PATH_MAX], out[PATH_MAX];
    if (!resolve(opt->input_dir, in) || !resolve(opt->output_dir, out))
        return false;
    size_t n = strlen(in);
    return strncmp(in, out, n) == 0 && (out[n] == '\0' || out[n] == '/' || n == 1);
}

int rp_batch_run(const struct rp_batch_options *given)
{
    struct rp_batch_options options = *given; /* with the templates, once loaded */
    const struct rp_batch_options *opt = &options;
    struct stat st;
    if (stat(opt->input_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "rapport build: %s is not a directory\n", opt->input_dir);
        return RP_EXIT_USAGE;
    }
    if (output_inside_input(opt)) {
        fprintf(stderr,
                "rapport build: the output directory %s is inside the input directory "
                "%s: documents would be mixed with their sources\n",
                opt->output_dir, opt->input_dir);
        return RP_EXIT_USAGE;
    }
    struct run run;
    memset(&run, 0, sizeof run);
    run.opt = opt;
    run.arena = rp_arena_new();
    rp_manifest_init(&run.old);
    /* Checked before the output directory is touched: a usage error writes nothing. */
    const char *renderer = renderer_digest(opt, run.arena);
    const struct rp_templates *templates = renderer ? load_templates(opt, run.arena) : NULL;
    options.templates = templates;
    int lock_fd = -1;
    int status = templates ? prepare_output(opt->output_dir, &lock_fd) : RP_EXIT_USAGE;
    if (status == RP_EXIT_OK) {
        /* We hold the lock: any temporary file is a leftover of a killed run (the review
         * tree lies one level deeper). */
        rp_temp_sweep(opt->output_dir, 0);
        char review[4096];
        snprintf(review, sizeof review, "%s/%s", opt->output_dir, RP_REVIEW_DIR);
        rp_temp_sweep(review, 0);
        status = execute(&run, renderer);
        rp_lock_release(lock_fd);
    }
    rp_manifest_free(&run.old);
    rp_arena_free(run.arena);
    return status;
}
