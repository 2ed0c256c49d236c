/* The build's log on stderr: one line per document, failures with their diagnostics, a
 * progress bar when stderr is a terminal, a summary at the end.
 *
 * -q keeps failures only (cron mails only when something broke); -v adds timings and the
 * warnings of every document. */
#ifndef RP_BATCH_LOG_H
#define RP_BATCH_LOG_H

#include "batch/batch.h"
#include "batch/jobs.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_log {
    enum rp_verbosity verbosity;
    bool bar;          /* draw a progress bar (stderr is a terminal, not -q) */
    bool bar_visible;
    size_t total, done;
    /* Diagnostics printed for failed documents so far, each with the document it came
     * under: a broken plan fails all its documents with the same text, printed once. */
    char **printed, **printed_under;
    size_t printed_count;
};

void rp_log_init(struct rp_log *log, enum rp_verbosity verbosity, size_t total);

/* The line of a finished or skipped job, with its diagnostics as the verbosity asks. */
void rp_log_job(struct rp_log *log, const struct rp_job *job);

/* A line of `word` and `what` ("removed capac/x.pdf"); `failure` lines survive -q. */
void rp_log_line(struct rp_log *log, bool failure, const char *word, const char *what);

/* Diagnostics text (lines ending in '\n') printed as is; `failure` as for rp_log_line. */
void rp_log_text(struct rp_log *log, bool failure, const char *text);

/* Counts `done` more finished jobs and redraws the progress bar (lines printed since erased
 * it). */
void rp_log_progress(struct rp_log *log, size_t done);

/* Erases the progress bar and frees what the log kept. */
void rp_log_end(struct rp_log *log);

/* The document a job is about, for messages: its file when known, else its identity. */
const char *rp_job_label(const struct rp_job *job, char *buf, size_t size);

#endif
