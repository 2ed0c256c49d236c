/* Sources → checked models → document tree → backend → committed file (see produce.h). */
#define _POSIX_C_SOURCE 200809L
#include "produce/produce.h"

#include "util/arena.h"
#include "util/atomic.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file being written, for the signal handler: a ^C, a kill or a closed
 * terminal must not leave it behind. */
static char pending_temp[PATH_MAX];
static const int guarded[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (pending_temp[0])
        unlink(pending_temp); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the handler for the time `temp` exists (previous handlers saved in `old`), or
 * restores them (temp NULL). */
static void guard_temp(const char *temp, struct sigaction old[3])
{
    if (!temp) {
        for (size_t i = 0; i < 3; i++)
            sigaction(guarded[i], &old[i], NULL);
        pending_temp[0] = '\0';
        return;
    }
    snprintf(pending_temp, sizeof pending_temp, "%s", temp);
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

/* Renders into the open temporary file and commits it; false with a diagnostic. */
static bool write_into(const struct rp_produce_request *req, const struct rp_doc *doc,
                       struct rp_atomic *out, struct rp_session *s, struct rp_produce_info *info)
{
    const char *path = out->final;
    size_t errors = s->diags.errors;
    if (req->backend->render(doc, req->templates, out->fd, path, &s->diags, &info->pages) != 0) {
        if (s->diags.errors == errors)
            rp_diag_add(&s->diags, RP_ERROR, path, 0, 0, "the %s backend failed",
                        req->backend->name);
        rp_atomic_abort(out);
        return false;
    }
    /* Size and digest of what was written, read back before the commit makes it visible. */
    struct stat st;
    bool measured = req->digest ? rp_sha256_file(out->temp, info->sha256, &info->bytes) == 0
                                : fstat(out->fd, &st) == 0;
    if (measured && !req->digest)
        info->bytes = (long long)st.st_size;
    if (!measured || rp_atomic_commit(out) != 0) {
        rp_diag_add(&s->diags, RP_ERROR, path, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
        rp_atomic_abort(out);
        return false;
    }
    return true;
}

/* Standard output: no temporary file, nothing to commit. */
static bool write_stdout(const struct rp_produce_request *req, const struct rp_doc *doc,
                         struct rp_session *s, struct rp_produce_info *info)
{
    fflush(stdout);
    return req->backend->render(doc, req->templates, STDOUT_FILENO, "-", &s->diags, &info->pages) ==
           0;
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
    const struct rp_doc *doc = req->kind->build(&info->in, &ed, req->templates, s->arena);
    if (!doc) {
        rp_diag_add(&s->diags, RP_ERROR, path, 0, 0,
                    "the %s document could not be built from its sources", req->kind->name);
        return RP_PRODUCE_FAILED;
    }
    info->texts_shown = doc->coverage.shown;
    info->texts_missing = doc->coverage.fallback;
    if (publication && !req->allow_fallback && info->texts_missing > 0)
        return RP_PRODUCE_INCOMPLETE;
    if (strcmp(path, "-") == 0)
        return write_stdout(req, doc, s, info) ? RP_PRODUCED : RP_PRODUCE_FAILED;
    struct rp_atomic out;
    if ((req->make_parent && make_parent(path) != 0) || rp_atomic_open(&out, path) != 0) {
        rp_diag_add(&s->diags, RP_ERROR, path, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
        return RP_PRODUCE_FAILED;
    }
    struct sigaction old[3];
    guard_temp(out.temp, old);
    bool ok = write_into(req, doc, &out, s, info);
    guard_temp(NULL, old);
    return ok ? RP_PRODUCED : RP_PRODUCE_FAILED;
}
