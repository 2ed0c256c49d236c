/* Diagnostics: located messages collected during a run and printed together.
 *
 * Every stage appends to one list; nothing is printed while a stage runs, so the user sees
 * all problems of all files at once, in the order they were found. The list owns copies of
 * its strings. */
#ifndef RP_DIAG_H
#define RP_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum rp_severity { RP_NOTE, RP_WARNING, RP_ERROR, RP_SEVERITY__MAX };

struct rp_diag {
    enum rp_severity severity;
    char *file;    /* path as given by the user; may be NULL for whole-run messages */
    long line, col;/* 1-based; 0 when unknown */
    char *message;
};

struct rp_diags {
    struct rp_diag *items;
    size_t count, cap;
    size_t errors, warnings;
};

/* An empty list (a plain struct: zero-initialising it is equivalent). */
void rp_diags_init(struct rp_diags *d);

/* Frees every message. The struct itself may be reused after rp_diags_init(). */
void rp_diags_free(struct rp_diags *d);

/* Appends a message; `file` may be NULL, `line`/`col` 0. */
void rp_diag_add(struct rp_diags *d, enum rp_severity sev, const char *file, long line,
                 long col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Writes every message as `file:line:col: severity: message`, one per line. */
void rp_diags_print(const struct rp_diags *d, FILE *out);

/* The printed form of one diagnostic into buf (for tests); returns buf. */
char *rp_diag_format(const struct rp_diag *diag, char *buf, size_t size);

/* "note", "warning" or "error". */
const char *rp_severity_name(enum rp_severity sev);

#endif
