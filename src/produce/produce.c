/* Sources → checked models → document tree → backend → committed file (see produce.h). */
#define _POSIX_C_SOURCE 200809L
#include "produce/produce.h"

#include "doc/typography.h"
#include "produce/editions.h"

#include "util/arena.h"
#include "util/atomic.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files being written, for the signal handler: a ^C, a kill or a closed
 * terminal must not leave them behind. */
static char pending_temp[RP_BACKENDS_MAX][PATH_MAX];
static const int guarded[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    for (size_t i = 0; i < RP_BACKENDS_MAX; i++)
        if (pending_temp[i][0])
            unlink(pending_temp[i]); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the handler for the time the `count` temporary files of `out` exist (previous
 * handlers saved in `old`), or restores them (out NULL). */
static void guard_temps(const struct rp_atomic *out, size_t count, struct sigaction old[3])
{
    if (!out) {
        for (size_t i = 0; i < 3; i++)
            sigaction(guarded[i], &old[i], NULL);
        for (size_t i = 0; i < RP_BACKENDS_MAX; i++)
            pending_temp[i][0] = '\0';
        return;
    }
    for (size_t i = 0; i < count; i++)
        snprintf(pending_temp[i], sizeof pending_temp[i], "%s", out[i].temp);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < 3; i++)
        sigaction(guarded[i], &sa, &old[i]);
}

/* Creates the directory of `path` and its parents. */
static int make_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    return rp_mkdir_p(dir);
}

/* Renders into the open temporary file and measures what was written; false with a
 * diagnostic (the temporary file stays for the caller to abort). */
static bool write_into(const struct rp_produce_request *req, const struct rp_backend *backend,
                       const struct rp_doc *doc, struct rp_atomic *out, struct rp_session *s,
                       struct rp_produce_output *o)
{
    const char *path = out->final;
    size_t errors = s->diags.errors;
    if (backend->render(doc, req->templates, out->fd, path, &s->diags, &o->pages) != 0) {
        if (s->diags.errors == errors)
            rp_diag_add(&s->diags, RP_ERROR, path, 0, 0, "the %s backend failed", backend->name);
        return false;
    }
    /* Size and digest of what was written, read back before the commit makes it visible. */
    struct stat st;
    bool measured = req->digest ? rp_sha256_file(out->temp, o->sha256, &o->bytes) == 0
                                : fstat(out->fd, &st) == 0;
    if (measured && !req->digest)
        o->bytes = (long long)st.st_size;
    if (!measured)
        rp_diag_add(&s->diags, RP_ERROR, path, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
    return measured;
}

/* Writes every format into its temporary file, then commits them all; on any failure the
 * temporary files go and the final names keep what they held. */
static bool write_all(const struct rp_produce_request *req, const struct rp_doc *doc,
                      const char *path, struct rp_session *s, struct rp_produce_info *info)
{
    struct rp_atomic out[RP_BACKENDS_MAX];
    size_t n = req->backend_count, opened = 0;
    bool ok = true;
    for (; ok && opened < n; opened++) {
        const struct rp_backend *be = req->backends[opened];
        const char *file =
            req->path_is_stem ? rp_arena_printf(s->arena, "%s%s", path, be->suffix) : path;
        info->out[opened].path = file;
        if ((req->make_parent && make_parent(file) != 0) ||
            rp_atomic_open(&out[opened], file) != 0) {
            rp_diag_add(&s->diags, RP_ERROR, file, 0, 0, "cannot write: %s",
                        rp_atomic_strerror(errno));
            ok = false;
            break;
        }
    }
    struct sigaction old[3];
    guard_temps(out, opened, old);
    for (size_t i = 0; ok && i < n; i++)
        ok = write_into(req, req->backends[i], doc, &out[i], s, &info->out[i]);
    /* Files before `done` are committed, or (the one whose commit failed) already gone. A
     * commit that fails after others leaves those in place: each is whole, and the document
     * is reported failed, so the next run writes them all again. */
    size_t done = 0;
    while (ok && done < n)
        if (rp_atomic_commit(&out[done++]) != 0) {
            rp_diag_add(&s->diags, RP_ERROR, out[done - 1].final, 0, 0, "cannot write: %s",
                        rp_atomic_strerror(errno));
            ok = false;
        }
    for (size_t i = done; i < opened; i++)
        rp_atomic_abort(&out[i]);
    guard_temps(NULL, 0, old);
    return ok;
}

/* Standard output: no temporary file, nothing to commit. */
static bool write_stdout(const struct rp_produce_request *req, const struct rp_doc *doc,
                         struct rp_session *s, struct rp_produce_info *info)
{
    fflush(stdout);
    info->out[0].path = "-";
    return req->backends[0]->render(doc, req->templates, STDOUT_FILENO, "-", &s->diags,
                                    &info->out[0].pages) == 0;
}

int rp_produce_coverage_percent(const struct rp_produce_info *info)
{
    if (info->texts_shown == 0)
        return 100;
    return (int)(100 * (info->texts_shown - info->texts_missing) / info->texts_shown);
}

enum rp_produced rp_produce(const struct rp_produce_request *req, struct rp_session *s,
                            struct rp_produce_info *info)
{
    memset(info, 0, sizeof *info);
    const char *path = NULL;
    switch (req->sources.pick(req->sources.ctx, s, &info->in, &path)) {
    case RP_PICK_FAILED:
        return RP_PRODUCE_FAILED;
    case RP_PICK_SKIPPED:
        return RP_PRODUCE_SKIPPED;
    case RP_PICKED:
        break;
    }
    info->path = path;
    bool publication = req->edition == RP_EDITION_PUBLICATION;
    if (publication && req->kind->applies && !req->kind->applies(&info->in)) {
        info->why_not = req->kind->why_not;
        return RP_PRODUCE_NOT_APPLICABLE;
    }
    struct rp_kind_edition ed = {req->lang, req->edition, &s->diags};
    struct rp_doc *doc = req->kind->build(&info->in, &ed, req->templates, s->arena);
    if (!doc) {
        rp_diag_add(&s->diags, RP_ERROR, path, 0, 0,
                    "the %s document could not be built from its sources", req->kind->name);
        return RP_PRODUCE_FAILED;
    }
    /* Once, before any backend: the PDF and the HTML then print the very same characters. */
    rp_typography_apply(doc);
    info->texts_shown = doc->coverage.shown;
    info->texts_missing = doc->coverage.fallback;
    if (publication && !req->allow_fallback && info->texts_missing > 0)
        return RP_PRODUCE_INCOMPLETE;
    /* Laid out as its other language editions are: the same pages, whoever asks for it. */
    rp_editions_share_pages(req, &info->in, doc, s, path);
    if (strcmp(path, "-") == 0 && !req->path_is_stem)
        return write_stdout(req, doc, s, info) ? RP_PRODUCED : RP_PRODUCE_FAILED;
    return write_all(req, doc, path, s, info) ? RP_PRODUCED : RP_PRODUCE_FAILED;
}
