#define _POSIX_C_SOURCE 200809L
#include "batch/log.h"

#include "render/render.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BAR_WIDTH 30

void rp_log_init(struct rp_log *log, enum rp_verbosity verbosity, size_t total)
{
    memset(log, 0, sizeof *log);
    log->verbosity = verbosity;
    log->total = total;
    log->bar = verbosity >= RP_NORMAL && isatty(STDERR_FILENO) && total > 0;
}

static void erase(struct rp_log *log)
{
    if (log->bar_visible) {
        fputs("\r\033[K", stderr);
        log->bar_visible = false;
    }
}

static void draw(struct rp_log *log)
{
    if (!log->bar)
        return;
    size_t filled = log->total ? log->done * BAR_WIDTH / log->total : BAR_WIDTH;
    char bar[BAR_WIDTH + 1];
    for (size_t i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu documents", bar, log->done, log->total);
    fflush(stderr);
    log->bar_visible = true;
}

void rp_log_line(struct rp_log *log, bool failure, const char *word, const char *what)
{
    if (log->verbosity == RP_QUIET && !failure)
        return;
    erase(log);
    fprintf(stderr, "%-10s %s\n", word, what);
}

void rp_log_text(struct rp_log *log, bool failure, const char *text)
{
    if (!text || !*text || (log->verbosity == RP_QUIET && !failure))
        return;
    erase(log);
    /* Indented under the document's line, each line still `file:line:col: ...`. */
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "  %.*s\n", (int)n, p);
        p += n + (nl != NULL);
    }
}

/* The entry that says what became of a job: its result, or the previous one it kept. */
static const struct rp_entry *job_entry(const struct rp_job *job)
{
    return job->state == RP_JOB_RUN ? &job->result.entry : rp_job_any_old(job);
}

/* Whether the job leaves its publication not produced (this run decided so, or an earlier
 * run from the same inputs did). */
static bool not_produced(const struct rp_job *job)
{
    if (job->state == RP_JOB_RUN)
        return rp_outcome_not_produced(job->result.outcome);
    const struct rp_entry *old = rp_job_any_old(job);
    return job->state == RP_JOB_UP_TO_DATE && old && !old->file;
}

/* The files of the job, the first in full and the others by their suffix
 * ("capac/budget-2022-2025.fr.pdf, .html"), as this run named them or the previous run
 * did; false when none is known. */
static bool files_label(const struct rp_job *job, char *buf, size_t size)
{
    const char *first = NULL;
    size_t n = 0;
    for (size_t f = 0; f < RP_BACKENDS_MAX && n < size; f++) {
        const char *file = job->result.files[f].file;
        if (!file && job->old[f])
            file = job->old[f]->file;
        if (!file)
            continue;
        if (!first) {
            first = file;
            n += (size_t)snprintf(buf + n, size - n, "%s", file);
            continue;
        }
        const char *dot = strrchr(file, '.');
        n += (size_t)snprintf(buf + n, size - n, ", %s", dot ? dot : file);
    }
    return first != NULL;
}

const char *rp_job_label(const struct rp_job *job, char *buf, size_t size)
{
    if (not_produced(job))
        return rp_entry_label(job_entry(job), buf, size);
    const char *tree = job->edition == RP_EDITION_REVIEW ? RP_REVIEW_DIR "/" : "";
    if (files_label(job, buf, size))
        return buf;
    if (job->year)
        snprintf(buf, size, "%s%s/%s-%d.%s", tree, job->org->id, job->kind->name, job->year,
                 rp_lang_code(job->lang));
    else /* a plan that did not load: its period, hence the file name, is unknown */
        snprintf(buf, size, "%s%s/%s (%s, plan period unknown)", tree, job->org->id,
                 job->kind->name, rp_lang_code(job->lang));
    return buf;
}

/* The command that lists the texts missing from an incomplete publication: `rapport
 * coverage` over the sources it was made from, as this run found them. */
static void coverage_command(char *buf, size_t size, const struct rp_job *job,
                             const struct rp_entry *e)
{
    size_t n = (size_t)snprintf(buf, size, "rapport coverage --lang %s", e->lang);
    for (size_t i = 0; i < e->source_count && n < size; i++) {
        const struct rp_org *org = job->org;
        const char *path = e->sources[i].path;
        if (org->plan && strcmp(org->plan->rel, path) == 0)
            path = org->plan->path;
        for (size_t k = 0; k < org->eval_count; k++)
            if (strcmp(org->evals[k].rel, path) == 0)
                path = org->evals[k].path;
        n += (size_t)snprintf(buf + n, size - n, " %s", path);
    }
    /* INPUT_DIR is the caller's and may hold anything: the line stays one line. */
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
}

/* "capac/communication-2022-2025.fr  not produced: the plan has no communication plan" */
static void log_not_produced(struct rp_log *log, const struct rp_job *job, const char *label)
{
    const struct rp_entry *e = job_entry(job);
    char why[256], hint[2048], line[3072];
    rp_entry_why(e, why, sizeof why);
    if (e->incomplete) {
        coverage_command(hint, sizeof hint, job, e);
        snprintf(line, sizeof line, "%s  not produced: %s (%s)", label, why, hint);
    } else {
        snprintf(line, sizeof line, "%s  not produced: %s", label, why);
    }
    rp_log_line(log, false, "omitted", line);
}

/* "84 kB", "1.2 MB" */
static void describe_size(char *buf, size_t size, long long bytes)
{
    if (bytes >= 1024 * 1024)
        snprintf(buf, size, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
    else
        snprintf(buf, size, "%lld kB", (bytes + 1023) / 1024);
}

/* "12 pages, 84 kB; .html 31 kB": the first file in full, the others by suffix and size. */
static void describe_files(char *buf, size_t size, const struct rp_result *r)
{
    size_t n = 0;
    char sz[32];
    for (size_t f = 0; f < RP_BACKENDS_MAX && n < size; f++) {
        const struct rp_result_file *file = &r->files[f];
        if (!file->file)
            continue;
        describe_size(sz, sizeof sz, file->bytes);
        if (n == 0) {
            n += (size_t)snprintf(buf, size, "%ld page%s, %s", file->pages,
                                  file->pages == 1 ? "" : "s", sz);
            continue;
        }
        const char *dot = strrchr(file->file, '.');
        n += (size_t)snprintf(buf + n, size - n, "; %s %s", dot ? dot : file->file, sz);
    }
}

/* The document under which `text` was printed already, or NULL (then it is remembered
 * under `label`). */
static const char *printed_under(struct rp_log *log, const char *text, const char *label)
{
    if (!text || !*text)
        return NULL;
    for (size_t i = 0; i < log->printed_count; i++)
        if (strcmp(log->printed[i], text) == 0)
            return log->printed_under[i];
    size_t n = log->printed_count + 1;
    log->printed = rp_xrealloc(log->printed, n * sizeof *log->printed);
    log->printed_under = rp_xrealloc(log->printed_under, n * sizeof *log->printed_under);
    log->printed[log->printed_count] = rp_xstrdup(text);
    log->printed_under[log->printed_count++] = rp_xstrdup(label);
    return NULL;
}

void rp_log_job(struct rp_log *log, const struct rp_job *job)
{
    char label[512], line[1024], pdf[160];
    const struct rp_result *r = &job->result;
    rp_job_label(job, label, sizeof label);
    bool verbose = log->verbosity == RP_VERBOSE;
    switch (job->state == RP_JOB_RUN ? r->outcome : RP_OUTCOME_NONE) {
    case RP_OUTCOME_BUILT:
        describe_files(pdf, sizeof pdf, r);
        if (verbose)
            snprintf(line, sizeof line, "%s (%s; %.2f s)", label, pdf, r->seconds);
        else
            snprintf(line, sizeof line, "%s (%s)", label, pdf);
        rp_log_line(log, false, "built", line);
        break;
    case RP_OUTCOME_FAILED: {
        rp_log_line(log, true, "FAILED", label);
        const char *same = printed_under(log, r->log, label);
        if (same)
            snprintf(line, sizeof line, "(the same diagnostics as %s)", same);
        rp_log_text(log, true, same ? line : r->log);
        break;
    }
    case RP_OUTCOME_NOT_APPLICABLE:
    case RP_OUTCOME_INCOMPLETE:
        log_not_produced(log, job, label);
        break;
    case RP_OUTCOME_SKIPPED:
        if (verbose)
            rp_log_line(log, false, "skipped", label);
        break;
    case RP_OUTCOME_INTERRUPTED:
        rp_log_line(log, true, "stopped", label);
        break;
    case RP_OUTCOME_NONE:
        /* A publication still not produced says so every run, not "unchanged": the log
         * keeps telling why a document is missing until its sources change. */
        if (not_produced(job))
            log_not_produced(log, job, label);
        else if (job->state == RP_JOB_UP_TO_DATE)
            rp_log_line(log, false, "unchanged", label);
        if (job->state == RP_JOB_HELD) {
            snprintf(line, sizeof line, "%s (a source cannot be read: %s)", label,
                     rp_job_any_old(job) ? "the published version stays" : "not rendered");
            rp_log_line(log, true, "KEPT", line);
        }
        break;
    }
    if (verbose)
        rp_log_text(log, false, r->warn_log);
    else if (job->state == RP_JOB_RUN && r->notice && *r->notice &&
             !printed_under(log, r->notice, label))
        rp_log_text(log, false, r->notice); /* -v printed it with the warnings */
}

void rp_log_progress(struct rp_log *log, size_t done)
{
    log->done += done;
    draw(log);
}

void rp_log_end(struct rp_log *log)
{
    erase(log);
    fflush(stderr);
    for (size_t i = 0; i < log->printed_count; i++) {
        free(log->printed[i]);
        free(log->printed_under[i]);
    }
    free(log->printed);
    free(log->printed_under);
    log->printed = log->printed_under = NULL;
    log->printed_count = 0;
}
