/* Backends: the document tree rendered as PDF or as plain text. */
#ifndef RP_RENDER_H
#define RP_RENDER_H

#include <stdio.h>

struct rp_doc;
struct rp_diags;
struct rp_theme;

/* Writes `doc` as a PDF to the descriptor `fd`, which the caller opened (the caller handles
 * temporary names and the commit); `path` is the name diagnostics give. Uses the active
 * theme. The same document gives the same bytes: dates come from the document, never from
 * the clock. Returns 0, or -1 with the reasons in `diags` (the caller then discards what was
 * written). */
__attribute__((warn_unused_result)) int rp_render_pdf(const struct rp_doc *doc, int fd,
                                                      const char *path, struct rp_diags *diags);

/* The same with an explicit theme. */
__attribute__((warn_unused_result)) int rp_render_pdf_themed(const struct rp_doc *doc,
                                                             const struct rp_theme *theme, int fd,
                                                             const char *path,
                                                             struct rp_diags *diags);

/* Writes a deterministic plain-text rendering of the tree to `out` (golden tests). */
void rp_render_text(const struct rp_doc *doc, FILE *out);

#endif
