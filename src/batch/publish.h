/* Publishing a manifest: removing the documents it no longer lists, then writing
 * manifest.xml and index.html atomically, each only when its bytes change (a run that
 * changes nothing rewrites nothing). Shared by builds and manifest merges. */
#ifndef RP_BATCH_PUBLISH_H
#define RP_BATCH_PUBLISH_H

#include "batch/log.h"
#include "batch/manifest.h"

#include <stdbool.h>

#define RP_MANIFEST_NAME "manifest.xml"
#define RP_INDEX_NAME "index.html"

/* Removes from `dir` every file of `old` that `now` does not list (and the organisation
 * directories left empty), logging each one. Returns the number of files removed. */
size_t rp_publish_prune(const char *dir, const struct rp_manifest *old,
                        const struct rp_manifest *now, struct rp_log *log);

struct rp_templates;

/* Writes dir/manifest.xml and, when `index_words` is not NULL, dir/index.html for `m`
 * (sorted), worded by those templates. Returns 0, or -1 with a message on stderr when a
 * file cannot be written. */
__attribute__((warn_unused_result)) int rp_publish_write(const char *dir,
                                                         const struct rp_manifest *m,
                                                         const struct rp_templates *index_words);

#endif
