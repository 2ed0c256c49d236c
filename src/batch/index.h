/* index.html: the page the intranet serves at the top of OUTPUT_DIR.
 *
 * Built from the manifest alone (so that a merge of sharded manifests writes the same page):
 * one section per organisation, one table per organisation with a row per document and a
 * column per language, grouped by plan period and year (newest first), each link naming its
 * document and language, with page count and size. Only publications appear: a review
 * edition is never linked, and a publication not produced shows why in place of its link
 * ("traduction incomplète : 41 %"; a kind that no language has, once across the columns). French
 * and Dutch side by side, `lang` on every Dutch fragment, headings in order, inline CSS, no script,
 * no date of generation (the page depends on the documents only). */
#ifndef RP_BATCH_INDEX_H
#define RP_BATCH_INDEX_H

#include "batch/manifest.h"

#include <stddef.h>

struct rp_templates;

/* The page for `m` (whose entries must be sorted; see rp_manifest_sort()), worded by the
 * templates `t` (labels "index.*", the kinds' names of documents.xml), into *data (malloc'd,
 * the caller frees it). Returns 0, or -1 when the writer failed. */
__attribute__((warn_unused_result)) int rp_index_serialize(const struct rp_manifest *m,
                                                           const struct rp_templates *t,
                                                           char **data, size_t *size);

#endif
