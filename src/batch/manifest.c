/* manifest.xml: read, kept in canonical order, written through the XML writer. */
#define _POSIX_C_SOURCE 200809L
#include "batch/manifest.h"

#include "batch/batch.h"
#include "batch/discover.h"
#include "load/xml.h"
#include "load/xml_write.h"
#include "render/render.h"
#include "util/arena.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *rp_batch_edition_name(enum rp_edition e)
{
    return e == RP_EDITION_REVIEW ? "review" : "publication";
}

enum rp_edition rp_batch_edition_find(const char *name)
{
    for (int e = 0; e < RP_EDITION__MAX; e++)
        if (strcmp(name, rp_batch_edition_name((enum rp_edition)e)) == 0)
            return (enum rp_edition)e;
    return RP_EDITION__MAX;
}

/* A manifest lists a few thousand documents at most: anything far beyond is not ours. */

void rp_manifest_init(struct rp_manifest *m)
{
    memset(m, 0, sizeof *m);
    m->arena = rp_arena_new();
}

void rp_manifest_free(struct rp_manifest *m)
{
    rp_arena_free(m->arena);
    free(m->items);
    memset(m, 0, sizeof *m);
}

static const char *dup(struct rp_manifest *m, const char *s)
{
    return s ? rp_arena_strdup(m->arena, s) : NULL;
}

struct rp_entry *rp_manifest_add(struct rp_manifest *m, const struct rp_entry *e)
{
    if (m->count == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 32;
        m->items = rp_xrealloc(m->items, m->cap * sizeof *m->items);
    }
    struct rp_entry *c = &m->items[m->count++];
    *c = *e;
    c->org = dup(m, e->org);
    c->org_name = dup(m, e->org_name);
    c->kind = dup(m, e->kind);
    c->period = dup(m, e->period);
    c->lang = dup(m, e->lang);
    c->format = dup(m, e->format);
    c->file = dup(m, e->file);
    c->reason = dup(m, e->reason);
    c->sha256 = dup(m, e->sha256);
    c->version = dup(m, e->version);
    c->date = dup(m, e->date);
    c->inputs = dup(m, e->inputs);
    c->sources =
        rp_arena_array(m->arena, e->source_count ? e->source_count : 1, sizeof *c->sources);
    for (size_t i = 0; i < e->source_count; i++) {
        c->sources[i].path = dup(m, e->sources[i].path);
        c->sources[i].sha256 = dup(m, e->sources[i].sha256);
    }
    return c;
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_identity(const struct rp_entry *a, const struct rp_entry *b);

int rp_entry_cmp(const struct rp_entry *a, const struct rp_entry *b)
{
    int c = cmp_identity(a, b);
    return c ? c : cmp_str(a->file, b->file);
}

static int cmp_entries(const void *a, const void *b)
{
    return rp_entry_cmp(a, b);
}

void rp_manifest_sort(struct rp_manifest *m)
{
    if (m->count > 1)
        qsort(m->items, m->count, sizeof *m->items, cmp_entries);
}

/* The canonical order without the file name: the identity of a file. */
static int cmp_identity(const struct rp_entry *a, const struct rp_entry *b)
{
    int c = rp_entry_cmp_document(a, b);
    return c ? c : cmp_str(a->format, b->format);
}

int rp_entry_cmp_document(const struct rp_entry *a, const struct rp_entry *b)
{
    int c = cmp_str(a->org, b->org);
    if (c == 0)
        c = cmp_str(a->kind, b->kind);
    if (c == 0)
        c = (a->year > b->year) - (a->year < b->year);
    if (c == 0)
        c = cmp_str(a->lang, b->lang);
    if (c == 0)
        c = (a->edition > b->edition) - (a->edition < b->edition);
    return c;
}

int rp_entry_cmp_identity(const struct rp_entry *a, const struct rp_entry *b)
{
    return cmp_identity(a, b);
}

const char *rp_entry_label(const struct rp_entry *e, char *buf, size_t size)
{
    if (e->file)
        snprintf(buf, size, "%s", e->file);
    else if (e->period)
        snprintf(buf, size, "%s/%s-%s.%s", e->org, e->kind, e->period, e->lang);
    else
        snprintf(buf, size, "%s/%s-%d.%s", e->org, e->kind, e->year, e->lang);
    return buf;
}

const char *rp_entry_why(const struct rp_entry *e, char *buf, size_t size)
{
    if (e->incomplete)
        snprintf(buf, size, "%s: %d %%", RP_REASON_INCOMPLETE, e->coverage);
    else
        snprintf(buf, size, "%s", e->reason ? e->reason : "");
    return buf;
}

static int cmp_key(const void *key, const void *item)
{
    return cmp_identity(key, item);
}

const struct rp_entry *rp_manifest_find(const struct rp_manifest *m, const char *org,
                                        const char *kind, int year, const char *lang,
                                        enum rp_edition edition, const char *format)
{
    if (m->count == 0)
        return NULL;
    struct rp_entry key = {
        .org = org, .kind = kind, .year = year, .lang = lang, .edition = edition, .format = format};
    return bsearch(&key, m->items, m->count, sizeof *m->items, cmp_key);
}

static int cmp_file_ptrs(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **rp_manifest_files(const struct rp_manifest *m, size_t *count)
{
    const char **files = rp_xmalloc((m->count ? m->count : 1) * sizeof *files);
    size_t n = 0;
    for (size_t i = 0; i < m->count; i++)
        if (m->items[i].file)
            files[n++] = m->items[i].file;
    qsort(files, n, sizeof *files, cmp_file_ptrs);
    *count = n;
    return files;
}

bool rp_files_contain(const char *const *files, size_t count, const char *file)
{
    return count > 0 && bsearch(&file, files, count, sizeof *files, cmp_file_ptrs) != NULL;
}

bool rp_manifest_safe_file(const char *file)
{
    static const char review[] = RP_REVIEW_DIR "/";
    if (strncmp(file, review, sizeof review - 1) == 0)
        file += sizeof review - 1;
    const char *slash = strchr(file, '/');
    if (!slash || slash == file || strchr(slash + 1, '/'))
        return false;
    char org[80];
    size_t n = (size_t)(slash - file);
    if (n >= sizeof org)
        return false;
    memcpy(org, file, n);
    org[n] = '\0';
    return rp_safe_name(org) && rp_safe_name(slash + 1) && rp_backend_of_file(slash + 1);
}

bool rp_manifest_file_fits(const char *file, const char *org, enum rp_edition edition)
{
    static const char review[] = RP_REVIEW_DIR "/";
    if (edition == RP_EDITION_REVIEW) {
        if (strncmp(file, review, sizeof review - 1) != 0)
            return false;
        file += sizeof review - 1;
    }
    size_t n = strlen(org);
    return strncmp(file, org, n) == 0 && file[n] == '/' && !strchr(file + n + 1, '/');
}

/* ---------------------------------------------------------------- reading */

static const char *attr(const struct rp_xnode *n, const char *name)
{
    return rp_xnode_attr(n, name);
}

static bool is_hex64(const char *s)
{
    if (!s || strlen(s) != 64)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

/* The concatenated text children of `n`. */
static const char *text_of(struct rp_arena *arena, const struct rp_xnode *n)
{
    const char *out = "";
    for (size_t i = 0; i < n->child_count; i++)
        if (!n->children[i].name && n->children[i].text)
            out = rp_arena_printf(arena, "%s%s", out, n->children[i].text);
    return out;
}

/* Whether `s` is a whole percent, 0 to 100. */
static bool is_percent(const char *s, int *out)
{
    if (!s || !*s || strlen(s) > 3 || strspn(s, "0123456789") != strlen(s))
        return false;
    *out = atoi(s);
    return *out <= 100;
}

/* Whether the document part of an entry holds together: a file in the tree of its edition
 * and organisation with its digest, or (a publication only: a review edition is always
 * produced) no file and a reason. */
static bool document_ok(const struct rp_entry *e)
{
    const struct rp_backend *be = e->format ? rp_backend_find(e->format) : NULL;
    if (!be)
        return false;
    if (e->file)
        return !e->reason && rp_manifest_safe_file(e->file) && rp_backend_of_file(e->file) == be &&
               rp_manifest_file_fits(e->file, e->org, e->edition) && is_hex64(e->sha256);
    return e->reason && *e->reason && e->edition == RP_EDITION_PUBLICATION;
}

static bool read_entry(struct rp_manifest *m, const struct rp_xnode *n, struct rp_arena *tmp,
                       struct rp_entry *e)
{
    memset(e, 0, sizeof *e);
    e->org = attr(n, "organisation");
    e->kind = attr(n, "kind");
    e->lang = attr(n, "lang");
    e->file = attr(n, "file");
    /* Manifests from before formats list PDF files only. */
    e->format = attr(n, "format");
    if (!e->format)
        e->format = "pdf";
    e->reason = attr(n, "reason");
    e->period = attr(n, "period");
    e->sha256 = attr(n, "sha256");
    e->version = attr(n, "rapport");
    e->date = attr(n, "date");
    e->inputs = attr(n, "inputs");
    const char *year = attr(n, "year"), *pages = attr(n, "pages"), *bytes = attr(n, "bytes");
    const char *edition = attr(n, "edition"), *coverage = attr(n, "coverage");
    /* Manifests from before editions list publications only. */
    e->edition = edition ? rp_batch_edition_find(edition) : RP_EDITION_PUBLICATION;
    e->incomplete = coverage != NULL;
    if (!e->org || !rp_safe_name(e->org) || !e->kind || !rp_safe_name(e->kind) || !e->lang ||
        !rp_safe_name(e->lang) || e->edition == RP_EDITION__MAX || !document_ok(e) ||
        (coverage && !is_percent(coverage, &e->coverage)) || !e->inputs || (!year && !e->period))
        return false;
    e->year = year ? atoi(year) : 0;
    e->pages = pages ? atol(pages) : 0;
    e->bytes = bytes ? atoll(bytes) : 0;
    size_t ns = 0;
    for (size_t i = 0; i < n->child_count; i++)
        ns += n->children[i].name && strcmp(n->children[i].name, "source") == 0;
    e->sources = rp_arena_array(tmp, ns ? ns : 1, sizeof *e->sources);
    for (size_t i = 0; i < n->child_count; i++) {
        const struct rp_xnode *c = &n->children[i];
        if (!c->name)
            continue;
        if (strcmp(c->name, "organisation-name") == 0)
            e->org_name = text_of(tmp, c);
        else if (strcmp(c->name, "source") == 0 && attr(c, "path") && attr(c, "sha256"))
            e->sources[e->source_count++] =
                (struct rp_entry_source){attr(c, "path"), attr(c, "sha256")};
    }
    (void)m;
    return true;
}

/* Sorts `m` and keeps the first of entries sharing an identity or a file name: a manifest
 * written by rapport has none, an edited one must not make two documents of one file. */
static void dedupe(struct rp_manifest *m, const char *path, struct rp_diags *diags)
{
    rp_manifest_sort(m);
    size_t kept = 0;
    for (size_t i = 0; i < m->count; i++) {
        if (kept > 0 && cmp_identity(&m->items[kept - 1], &m->items[i]) == 0) {
            char label[512];
            rp_diag_add(diags, RP_WARNING, path, 0, 0, "repeated entry for %s ignored",
                        rp_entry_label(&m->items[i], label, sizeof label));
            continue;
        }
        m->items[kept++] = m->items[i];
    }
    m->count = kept;
    size_t nfiles;
    const char **files = rp_manifest_files(m, &nfiles);
    const char **twice = rp_xmalloc((nfiles ? nfiles : 1) * sizeof *twice);
    size_t ntwice = 0;
    for (size_t i = 1; i < nfiles; i++)
        if (strcmp(files[i - 1], files[i]) == 0 &&
            (ntwice == 0 || strcmp(twice[ntwice - 1], files[i]) != 0)) {
            rp_diag_add(diags, RP_WARNING, path, 0, 0,
                        "%s is named by two entries: both documents are rendered again", files[i]);
            twice[ntwice++] = files[i];
        }
    kept = 0;
    for (size_t i = 0; i < m->count; i++)
        if (!m->items[i].file || !rp_files_contain(twice, ntwice, m->items[i].file))
            m->items[kept++] = m->items[i];
    m->count = kept;
    free(twice);
    free(files);
}

int rp_manifest_read(struct rp_manifest *m, const char *path, struct rp_diags *diags)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return 0;
    struct rp_arena *tmp = rp_arena_new();
    const struct rp_xnode *root = rp_xml_read(path, RP_SCHEMA_NONE, tmp, diags);
    int rc = -1;
    if (root && strcmp(root->name, "manifest") != 0) {
        rp_diag_add(diags, RP_ERROR, path, root->loc.line, 1, "not a rapport manifest");
    } else if (root) {
        rc = 0;
        for (size_t i = 0; i < root->child_count; i++) {
            const struct rp_xnode *n = &root->children[i];
            if (!n->name || strcmp(n->name, "document") != 0)
                continue;
            struct rp_entry e;
            if (read_entry(m, n, tmp, &e))
                rp_manifest_add(m, &e);
            else
                rp_diag_add(diags, RP_WARNING, path, n->loc.line, 1,
                            "document entry ignored: incomplete, or a file name that is "
                            "unsafe or outside its organisation's directory");
        }
        dedupe(m, path, diags);
    }
    rp_arena_free(tmp);
    return rc;
}

/* ---------------------------------------------------------------- writing */

/* The backend of an entry: its format's, else its file's, else PDF's (the only format
 * before there were several). */
static const struct rp_backend *entry_backend(const struct rp_entry *e)
{
    const struct rp_backend *be = e->format ? rp_backend_find(e->format) : NULL;
    if (!be && e->file)
        be = rp_backend_of_file(e->file);
    return be ? be : rp_backend_find("pdf");
}

int rp_manifest_serialize(const struct rp_manifest *m, char **data, size_t *size)
{
    struct rp_xml_writer *w = rp_xml_writer_new(RP_XML_FLAVOUR_XML);
    rp_xml_start(w, "manifest");
    /* 2: editions, and publications not produced (entries without a file); 3: formats. */
    rp_xml_attr(w, "format", "3");
    for (size_t i = 0; i < m->count; i++) {
        const struct rp_entry *e = &m->items[i];
        rp_xml_start(w, "document");
        rp_xml_attr(w, "organisation", e->org);
        rp_xml_attr(w, "kind", e->kind);
        if (e->year)
            rp_xml_attrf(w, "year", "%d", e->year);
        if (e->period)
            rp_xml_attr(w, "period", e->period);
        rp_xml_attr(w, "lang", e->lang);
        rp_xml_attr(w, "edition", rp_batch_edition_name(e->edition));
        /* Every entry names its format, produced or not; the manifest only holds entries
         * of a known backend. */
        const struct rp_backend *be = entry_backend(e);
        rp_xml_attr(w, "format", be->name);
        rp_xml_attr(w, "media-type", be->media_type);
        if (e->file) {
            rp_xml_attr(w, "file", e->file);
            rp_xml_attrf(w, "pages", "%ld", e->pages);
            rp_xml_attrf(w, "bytes", "%lld", e->bytes);
            rp_xml_attr(w, "sha256", e->sha256);
        } else {
            rp_xml_attr(w, "reason", e->reason ? e->reason : "");
            if (e->incomplete)
                rp_xml_attrf(w, "coverage", "%d", e->coverage);
        }
        if (e->version)
            rp_xml_attr(w, "rapport", e->version);
        if (e->date)
            rp_xml_attr(w, "date", e->date);
        rp_xml_attr(w, "inputs", e->inputs);
        if (e->org_name && *e->org_name)
            rp_xml_element(w, "organisation-name", e->org_name);
        for (size_t s = 0; s < e->source_count; s++) {
            rp_xml_start(w, "source");
            rp_xml_attr(w, "path", e->sources[s].path);
            rp_xml_attr(w, "sha256", e->sources[s].sha256);
            rp_xml_end(w);
        }
        rp_xml_end(w);
    }
    rp_xml_end(w);
    int rc = rp_xml_writer_finish(w, data, size);
    rp_xml_writer_free(w);
    return rc;
}
