#define _POSIX_C_SOURCE 200809L
#include "batch/result.h"

#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void field(struct rp_buf *b, const char *key, const char *value)
{
    if (!value)
        return;
    rp_buf_add(b, key, strlen(key));
    rp_buf_add(b, " ", 1);
    for (const char *p = value; *p; p++) {
        if (*p == '\\')
            rp_buf_add(b, "\\\\", 2);
        else if (*p == '\n')
            rp_buf_add(b, "\\n", 2);
        else
            rp_buf_add(b, p, 1);
    }
    rp_buf_add(b, "\n", 1);
}

static void fieldf(struct rp_buf *b, const char *key, const char *fmt, long long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, fmt, v);
    field(b, key, tmp);
}

char *rp_result_encode(const struct rp_result *r, size_t *size)
{
    struct rp_buf b = {0};
    const struct rp_entry *e = &r->entry;
    fieldf(&b, "outcome", "%lld", (long long)r->outcome);
    fieldf(&b, "errors", "%lld", (long long)r->errors);
    fieldf(&b, "warnings", "%lld", (long long)r->warnings);
    fieldf(&b, "year", "%lld", e->year);
    fieldf(&b, "edition", "%lld", (long long)e->edition);
    if (e->incomplete)
        fieldf(&b, "coverage", "%lld", e->coverage);
    char secs[32];
    snprintf(secs, sizeof secs, "%.6f", r->seconds);
    field(&b, "seconds", secs);
    field(&b, "org", e->org);
    field(&b, "org_name", e->org_name);
    field(&b, "kind", e->kind);
    field(&b, "period", e->period);
    field(&b, "lang", e->lang);
    field(&b, "reason", e->reason);
    /* The files, one group per format: "file.N" opens format N's. */
    for (size_t f = 0; f < RP_BACKENDS_MAX; f++) {
        const struct rp_result_file *rf = &r->files[f];
        if (!rf->file)
            continue;
        fieldf(&b, "file.N", "%lld", (long long)f);
        field(&b, "file", rf->file);
        fieldf(&b, "pages", "%lld", rf->pages);
        fieldf(&b, "bytes", "%lld", rf->bytes);
        field(&b, "sha256", rf->sha256);
    }
    field(&b, "version", e->version);
    field(&b, "date", e->date);
    field(&b, "inputs", e->inputs);
    for (size_t i = 0; i < e->source_count; i++) {
        field(&b, "source_path", e->sources[i].path);
        field(&b, "source_sha256", e->sources[i].sha256);
    }
    field(&b, "log", r->log);
    field(&b, "warn_log", r->warn_log);
    field(&b, "notice", r->notice);
    field(&b, "end", "");
    *size = b.len;
    return b.data;
}

/* Unescapes `n` bytes of a value into the arena. */
static char *value(struct rp_arena *arena, const char *s, size_t n)
{
    char *out = rp_arena_alloc(arena, n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            *o++ = s[i] == 'n' ? '\n' : s[i];
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

bool rp_result_decode(const char *data, size_t size, struct rp_arena *arena, struct rp_result *r)
{
    memset(r, 0, sizeof *r);
    r->outcome = RP_OUTCOME_FAILED;
    struct rp_entry *e = &r->entry;
    size_t nsrc = 0;
    for (size_t i = 0; i + 12 < size; i++)
        nsrc += memcmp(data + i, "\nsource_path", 12) == 0;
    e->sources = rp_arena_array(arena, nsrc + 1, sizeof *e->sources);
    bool complete = false;
    struct rp_result_file *file = NULL; /* the format whose fields follow */
    size_t pos = 0;
    while (pos < size) {
        const char *line = data + pos;
        const char *nl = memchr(line, '\n', size - pos);
        if (!nl)
            break; /* a truncated last line: the worker died while writing */
        pos = (size_t)(nl - data) + 1;
        const char *sp = memchr(line, ' ', (size_t)(nl - line));
        if (!sp)
            continue;
        size_t klen = (size_t)(sp - line);
        char *v = value(arena, sp + 1, (size_t)(nl - sp - 1));
#define KEY(k) (klen == sizeof(k) - 1 && memcmp(line, k, klen) == 0)
        if (KEY("outcome"))
            r->outcome = (enum rp_outcome)atoi(v);
        else if (KEY("errors"))
            r->errors = (size_t)strtoull(v, NULL, 10);
        else if (KEY("warnings"))
            r->warnings = (size_t)strtoull(v, NULL, 10);
        else if (KEY("year"))
            e->year = atoi(v);
        else if (KEY("file.N")) {
            long f = atol(v);
            file = f >= 0 && f < RP_BACKENDS_MAX ? &r->files[f] : NULL;
        } else if (KEY("pages") && file)
            file->pages = atol(v);
        else if (KEY("bytes") && file)
            file->bytes = atoll(v);
        else if (KEY("edition"))
            e->edition = atoi(v) == RP_EDITION_REVIEW ? RP_EDITION_REVIEW : RP_EDITION_PUBLICATION;
        else if (KEY("coverage")) {
            e->incomplete = true;
            e->coverage = atoi(v);
        } else if (KEY("seconds"))
            r->seconds = strtod(v, NULL);
        else if (KEY("org"))
            e->org = v;
        else if (KEY("org_name"))
            e->org_name = v;
        else if (KEY("kind"))
            e->kind = v;
        else if (KEY("period"))
            e->period = v;
        else if (KEY("lang"))
            e->lang = v;
        else if (KEY("file") && file)
            file->file = v;
        else if (KEY("reason"))
            e->reason = v;
        else if (KEY("sha256") && file)
            file->sha256 = v;
        else if (KEY("version"))
            e->version = v;
        else if (KEY("date"))
            e->date = v;
        else if (KEY("inputs"))
            e->inputs = v;
        else if (KEY("source_path") && e->source_count < nsrc)
            e->sources[e->source_count++].path = v;
        else if (KEY("source_sha256") && e->source_count > 0)
            e->sources[e->source_count - 1].sha256 = v;
        else if (KEY("log"))
            r->log = v;
        else if (KEY("warn_log"))
            r->warn_log = v;
        else if (KEY("notice"))
            r->notice = v;
        else if (KEY("end"))
            complete = true;
#undef KEY
    }
    if (!r->log)
        r->log = "";
    if (!r->warn_log)
        r->warn_log = "";
    if (!r->notice)
        r->notice = "";
    /* A worker that died half-way decided nothing: neither a document nor its absence. */
    if (!complete && (r->outcome == RP_OUTCOME_BUILT || rp_outcome_not_produced(r->outcome)))
        r->outcome = RP_OUTCOME_FAILED;
    return complete;
}
