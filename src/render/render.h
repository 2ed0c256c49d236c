/* Backends: the document tree rendered as PDF, HTML, plain text or a layout record, behind one
 * table.
 *
 * A backend writes a whole document to a descriptor its caller opened (the produce layer
 * handles temporary names and the commit). Adding a format is one file and one line of the
 * table in render/backend.c. */
#ifndef RP_RENDER_H
#define RP_RENDER_H

#include <stdbool.h>
#include <stdio.h>

struct rp_doc;
struct rp_diags;
struct rp_templates;
struct rp_theme;

/* How many backends the table holds at most (render/backend.c). */
#define RP_BACKENDS_MAX 4

struct rp_backend {
    const char *name;       /* as --format names it: "pdf", "html", "text", "layout" */
    const char *suffix;     /* of the files it writes, dot included: ".pdf" */
    const char *media_type; /* "application/pdf" */
    const char *label;      /* how a link names the format to a reader: "PDF" */
    /* Writes `doc` to `fd` in the look of the templates `t`; `path` names the output in
     * diagnostics. Returns 0 with the number of pages in *pages (0 for a format without
     * pages), or -1 with the reasons in `diags` (the caller discards what was written). */
    int (*render)(const struct rp_doc *doc, const struct rp_templates *t, int fd, const char *path,
                  struct rp_diags *diags, long *pages);
    /* Whether it draws the layout engine's pages, so that the document's page plan (the
     * page structure shared with its other language editions) matters to it. */
    bool paged;
};

/* The backend called `name` ("pdf", "html", "text", "layout"), or NULL. */
const struct rp_backend *rp_backend_find(const char *name);

/* The backend whose files end with the suffix of `file`, or NULL. */
const struct rp_backend *rp_backend_of_file(const char *file);

/* Every backend, in a fixed order; `count` receives how many. */
const struct rp_backend *rp_backends(size_t *count);

/* Writes `doc` as a PDF in `theme` to the descriptor `fd`; the pages it has go to *pages
 * (when not NULL). The same document gives the same bytes: dates come from the document,
 * never from the clock. Returns 0, or -1 with the reasons in `diags`. */
__attribute__((warn_unused_result)) int rp_render_pdf(const struct rp_doc *doc,
                                                      const struct rp_theme *theme, int fd,
                                                      const char *path, struct rp_diags *diags,
                                                      long *pages);

/* How many threads a PDF's page content is deflated in (1 or 2; by default 2 where the
 * machine has two processors or more). A batch's worker processes already keep the
 * processors busy and set 1. The setting is the process's, not a document's: the backends
 * take no options, and the PDF's bytes are the same either way. */
void rp_render_pdf_threads(int threads);

/* Writes `doc` as one self-contained, accessible HTML5 file in the look of `t` (its theme;
 * its labels for the words the page itself adds) to the descriptor `fd`. The same document
 * gives the same bytes. Returns 0, or -1 with the reasons in `diags`. */
__attribute__((warn_unused_result)) int rp_render_html(const struct rp_doc *doc,
                                                       const struct rp_templates *t, int fd,
                                                       const char *path, struct rp_diags *diags);

/* Writes the layout record of `doc` (render/layout_record.h): the pages rp_render_pdf() would
 * draw, as text a checker reads. Deterministic. Returns 0 with the page count in *pages, or
 * -1 with the reasons in `diags`. */
int rp_render_layout(const struct rp_doc *doc, const struct rp_theme *theme, FILE *out,
                     const char *path, struct rp_diags *diags, long *pages);

/* Writes a deterministic plain-text rendering of the tree to `out` (golden tests). */
void rp_render_text(const struct rp_doc *doc, FILE *out);

#endif
