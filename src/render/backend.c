/* The backend table: one line per output format. */
#define _POSIX_C_SOURCE 200809L /* fdopen, dup */
#include "render/render.h"

#include "templates/templates.h"
#include "util/diag.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

static int render_pdf(const struct rp_doc *doc, const struct rp_templates *t, int fd,
                      const char *path, struct rp_diags *diags, long *pages)
{
    return rp_render_pdf(doc, &t->theme, fd, path, diags, pages);
}

static int render_html(const struct rp_doc *doc, const struct rp_templates *t, int fd,
                       const char *path, struct rp_diags *diags, long *pages)
{
    *pages = 0; /* one scrolling page */
    return rp_render_html(doc, t, fd, path, diags);
}

/* A stdio stream on a duplicate of `fd`: the caller keeps its descriptor. */
static FILE *open_stream(int fd, const char *path, struct rp_diags *diags)
{
    int copy = dup(fd);
    FILE *f = copy >= 0 ? fdopen(copy, "w") : NULL;
    if (!f) {
        if (copy >= 0)
            close(copy);
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "cannot write: %s", strerror(errno));
    }
    return f;
}

/* Closes a stream of open_stream(); `rc` is the writer's result, kept when it failed. */
static int close_stream(FILE *f, int rc, const char *path, struct rp_diags *diags)
{
    bool written = fflush(f) == 0 && !ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && written) {
        written = false;
        saved = errno;
    }
    if (!written && rc == 0) {
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "cannot write: %s", strerror(saved));
        rc = -1;
    }
    return rc;
}

static int render_text(const struct rp_doc *doc, const struct rp_templates *t, int fd,
                       const char *path, struct rp_diags *diags, long *pages)
{
    (void)t; /* the text tree has no look */
    *pages = 0;
    FILE *f = open_stream(fd, path, diags);
    if (!f)
        return -1;
    rp_render_text(doc, f);
    return close_stream(f, 0, path, diags);
}

/* The pages the PDF would have, as a record for checking the layout (not for readers). */
static int render_layout(const struct rp_doc *doc, const struct rp_templates *t, int fd,
                         const char *path, struct rp_diags *diags, long *pages)
{
    *pages = 0;
    FILE *f = open_stream(fd, path, diags);
    if (!f)
        return -1;
    int rc = rp_render_layout(doc, &t->theme, f, path, diags, pages);
    return close_stream(f, rc, path, diags);
}

static const struct rp_backend backends[] = {
    {"pdf", ".pdf", "application/pdf", "PDF", render_pdf, true},
    {"html", ".html", "text/html; charset=utf-8", "HTML", render_html, false},
    {"text", ".txt", "text/plain; charset=utf-8", "text", render_text, false},
    {"layout", ".layout", "text/plain; charset=utf-8", "layout record", render_layout, true},
};

const struct rp_backend *rp_backends(size_t *count)
{
    *count = sizeof backends / sizeof *backends;
    return backends;
}

const struct rp_backend *rp_backend_find(const char *name)
{
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
        if (strcmp(backends[i].name, name) == 0)
            return &backends[i];
    return NULL;
}

const struct rp_backend *rp_backend_of_file(const char *file)
{
    size_t n = strlen(file);
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++) {
        size_t k = strlen(backends[i].suffix);
        if (n > k && strcmp(file + n - k, backends[i].suffix) == 0)
            return &backends[i];
    }
    return NULL;
}
