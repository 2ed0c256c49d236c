#include "util/diag.h"

#include "util/arena.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const severity_names[RP_SEVERITY__MAX] = {"note", "warning", "error"};

const char *rp_severity_name(enum rp_severity sev)
{
    return sev < RP_SEVERITY__MAX ? severity_names[sev] : "?";
}

void rp_diags_init(struct rp_diags *d)
{
    memset(d, 0, sizeof *d);
}

void rp_diags_free(struct rp_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    rp_diags_init(d);
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(rp_xmalloc(n), s, n);
}

void rp_diag_add(struct rp_diags *d, enum rp_severity sev, const char *file, long line, long col,
                 const char *fmt, ...)
{
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = rp_xrealloc(d->items, d->cap * sizeof *d->items);
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = rp_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    /* Messages are one line each: a newline inside would break `file:line:` parsing. */
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    struct rp_diag *item = &d->items[d->count++];
    item->severity = sev;
    item->file = file ? xstrdup(file) : NULL;
    item->line = line;
    item->col = col;
    item->message = msg;
    if (sev == RP_ERROR)
        d->errors++;
    else if (sev == RP_WARNING)
        d->warnings++;
}

/* Control characters of a file name or of a model's text written as C escapes: one
 * diagnostic stays one line of a log, whatever a directory or a title holds. */
static void escape_controls(char *buf, size_t size)
{
    size_t extra = 0, n = strlen(buf);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
            extra += 3;
    if (extra == 0)
        return;
    char *copy = rp_xmalloc(n + extra + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '\n' || c == '\t') {
            copy[o++] = '\\';
            copy[o++] = c == '\n' ? 'n' : 't';
        } else if (c < 0x20 || c == 0x7f) {
            o += (size_t)sprintf(copy + o, "\\x%02x", c);
        } else {
            copy[o++] = (char)c;
        }
    }
    copy[o] = '\0';
    snprintf(buf, size, "%s", copy);
    free(copy);
}

char *rp_diag_format(const struct rp_diag *diag, char *buf, size_t size)
{
    const char *file = diag->file ? diag->file : "rapport";
    if (diag->line > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s: %s", file, diag->line, diag->col > 0 ? diag->col : 1,
                 rp_severity_name(diag->severity), diag->message);
    else
        snprintf(buf, size, "%s: %s: %s", file, rp_severity_name(diag->severity), diag->message);
    escape_controls(buf, size);
    return buf;
}

void rp_diags_print(const struct rp_diags *d, FILE *out)
{
    char buf[4096];
    for (size_t i = 0; i < d->count; i++)
        fprintf(out, "%s\n", rp_diag_format(&d->items[i], buf, sizeof buf));
}
