/* Producing one document: the one path from sources to a written file.
 *
 * rp_produce() loads and checks the sources a document reads, builds the document tree of
 * its kind, renders it with a backend into a fresh temporary file beside the final name and
 * commits it (util/atomic.h). `rapport render` and the batch worker both call it, and
 * nothing else does that work; they differ only in where the sources come from (the command
 * line, an organisation directory), which the caller's picker decides. */
#ifndef RP_PRODUCE_H
#define RP_PRODUCE_H

#include "produce/kinds.h"
#include "produce/session.h"
#include "render/render.h"
#include "util/hash.h"

#include <stdbool.h>

/* What a picker found. PICKED: `in` and the path are set. FAILED: a source is missing or
 * has errors (in the session's diagnostics). SKIPPED: the caller's own reason to produce
 * nothing (the batch's --year outside the plan's period). */
enum rp_pick { RP_PICKED, RP_PICK_FAILED, RP_PICK_SKIPPED };

/* Where a document's sources come from: `pick` loads and checks them through `s`
 * (rp_session_load()), fills `in` (pointing into the session) and names the file to write in
 * `*path` (the caller's, or in the session's arena; "-" is standard output). */
struct rp_picker {
    enum rp_pick (*pick)(void *ctx, struct rp_session *s, struct rp_kind_input *in,
                         const char **path);
    void *ctx;
};

struct rp_produce_request {
    const struct rp_templates *templates; /* wording, parts and look; outlives the call */
    const struct rp_kind *kind;
    enum rp_lang lang;
    enum rp_edition edition; /* publication (for readers) or review (for the authors) */
    bool allow_fallback;     /* produce a publication edition whose texts are not all in `lang` */
    /* The formats to write, each from the one document tree into its own file: every file is
     * written before any is committed, so a backend that fails leaves all of them as they
     * were. With `path_is_stem`, the picker's path is completed by each backend's suffix
     * ("out/capac/budget-2022-2025.fr" + ".pdf", + ".html"); without it there is one backend
     * and the path is the file's. */
    const struct rp_backend *backends[RP_BACKENDS_MAX];
    size_t backend_count;
    bool path_is_stem;
    struct rp_picker sources;
    bool make_parent; /* create the final file's directory (and its parents) when missing */
    bool digest;      /* fill info.sha256 (the batch's manifest needs it; render does not) */
    /* Names the sources the document is built from (their paths and contents), for the
     * side-by-side editions' shapes to be kept for the next request of this process with
     * the same key, kind, edition and templates (editions.h); NULL: nothing kept. Two
     * requests with one key must build the same documents from their sources. */
    const char *editions_key;
};

/* PRODUCED: the file is written. FAILED: nothing changed under the final name (the reasons
 * are in the session's diagnostics). SKIPPED: the picker's. NOT_APPLICABLE: the sources call
 * for no such publication (a plan without a communication plan; info.why_not says so).
 * INCOMPLETE: a publication edition that would show texts in another language than its own
 * (info.coverage counts them), and the request does not allow fallback. Nothing is written
 * in the last two cases either. */
enum rp_produced {
    RP_PRODUCED,
    RP_PRODUCE_FAILED,
    RP_PRODUCE_SKIPPED,
    RP_PRODUCE_NOT_APPLICABLE,
    RP_PRODUCE_INCOMPLETE
};

/* One file written: its name and what the manifest says of it. */
struct rp_produce_output {
    const char *path; /* in the session's arena */
    long pages;       /* as the backend laid them out (0: a format without pages) */
    long long bytes;
    char sha256[RP_SHA256_HEX]; /* when the request asked for it */
};

struct rp_produce_info {
    const char *path;        /* the file or stem named by the picker (NULL when none was) */
    struct rp_kind_input in; /* what the document was built from (when picked) */
    const char *why_not;     /* NOT_APPLICABLE: the kind's reason */
    size_t texts_shown;      /* model texts the document shows (once built) */
    size_t texts_missing;    /* of which not in the edition's language */
    /* PRODUCED: one per backend of the request, in its order. */
    struct rp_produce_output out[RP_BACKENDS_MAX];
};

/* The share of a document's texts in its own language, in whole percent rounded down (so
 * 100 only when complete; a document without model texts is complete). */
int rp_produce_coverage_percent(const struct rp_produce_info *info);

/* Produces the document `req` describes, loading through `s` (the caller's session: it keeps
 * every diagnostic, and `info` points into it). */
__attribute__((warn_unused_result)) enum rp_produced
rp_produce(const struct rp_produce_request *req, struct rp_session *s,
           struct rp_produce_info *info);

#endif
