/* Walks INPUT_DIR: one directory per organisation, its plan and its yearly evaluations. */
#define _POSIX_C_SOURCE 200809L
#include "batch/discover.h"

#include "batch/batch.h"
#include "model/org_id.h"
#include "util/arena.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A growable list of names, sorted before use so that discovery never depends on the
 * order in which the file system lists a directory. */
struct names {
    char **items;
    size_t count, cap;
};

static void names_add(struct names *n, const char *s)
{
    if (n->count == n->cap) {
        n->cap = n->cap ? n->cap * 2 : 16;
        n->items = rp_xrealloc(n->items, n->cap * sizeof *n->items);
    }
    size_t len = strlen(s) + 1;
    n->items[n->count++] = memcpy(rp_xmalloc(len), s, len);
}

static void names_free(struct names *n)
{
    for (size_t i = 0; i < n->count; i++)
        free(n->items[i]);
    free(n->items);
    memset(n, 0, sizeof *n);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of `dir` but "." and "..", sorted; -1 when it cannot be opened. */
static int list_dir(const char *dir, struct names *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            names_add(out, e->d_name);
    closedir(d);
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, cmp_names);
    return 0;
}

bool rp_safe_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64 || name[0] == '.' || name[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* The year of "evaluation-YYYY.xml", or 0 when `name` is not such a file name. */
static int evaluation_year(const char *name)
{
    static const char prefix[] = "evaluation-";
    size_t plen = sizeof prefix - 1;
    if (strlen(name) != plen + 8 || strncmp(name, prefix, plen) != 0 ||
        strcmp(name + plen + 4, ".xml") != 0)
        return 0;
    int year = 0;
    for (size_t i = plen; i < plen + 4; i++) {
        if (name[i] < '0' || name[i] > '9')
            return 0;
        year = year * 10 + (name[i] - '0');
    }
    return year >= 1000 ? year : 0;
}

static char *join(struct rp_arena *arena, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    bool slash = n > 0 && dir[n - 1] == '/';
    return rp_arena_printf(arena, "%s%s%s", dir, slash ? "" : "/", name);
}

/* Fills `src` and hashes the file. A source that exists but cannot be read is kept,
 * marked unreadable, with an error: its documents must stay as they are. */
static void source_init(struct rp_source *src, struct rp_arena *arena, const char *org_dir,
                        const char *org, const char *name, int year, struct rp_diags *diags)
{
    src->name = rp_arena_strdup(arena, name);
    src->path = join(arena, org_dir, name);
    src->rel = rp_arena_printf(arena, "%s/%s", org, name);
    src->year = year;
    struct stat st;
    const char *why = NULL;
    if (stat(src->path, &st) != 0)
        why = errno == ENOENT ? "a link to nothing" : strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (rp_sha256_file(src->path, src->sha256, NULL) != 0)
        why = strerror(errno);
    if (why) {
        src->unreadable = true;
        rp_diag_add(diags, RP_ERROR, src->path, 0, 0,
                    "cannot read (%s): its documents are not rendered, their published "
                    "versions stay",
                    why);
    }
}

static void discover_org(struct rp_org *org, struct rp_arena *arena, const char *org_dir,
                         struct rp_diags *diags)
{
    struct names files = {0};
    if (list_dir(org_dir, &files) != 0) {
        org->unreadable = true;
        rp_diag_add(diags, RP_ERROR, org_dir, 0, 0,
                    "cannot read the directory (%s): its published documents stay",
                    strerror(errno));
        return;
    }
    org->evals = rp_arena_array(arena, files.count ? files.count : 1, sizeof *org->evals);
    for (size_t i = 0; i < files.count; i++) {
        const char *name = files.items[i];
        char *path = join(arena, org_dir, name);
        int year = evaluation_year(name);
        bool is_plan = strcmp(name, "plan.xml") == 0;
        struct stat st;
        if (name[0] == '.') {
            rp_diag_add(diags, RP_NOTE, path, 0, 0, "ignored (a hidden file)");
        } else if (is_plan) {
            org->plan = rp_arena_alloc(arena, sizeof *org->plan);
            source_init(org->plan, arena, org_dir, org->id, name, 0, diags);
        } else if (year) {
            /* The names are sorted and the year has four digits: years come in order. */
            source_init(&org->evals[org->eval_count++], arena, org_dir, org->id, name, year, diags);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            rp_diag_add(diags, RP_NOTE, path, 0, 0,
                        "ignored (neither plan.xml nor evaluation-YYYY.xml)");
        }
    }
    names_free(&files);
}

/* A candidate organisation directory: its name and what it is, looked at once. */
struct candidate {
    const char *name, *path;
    struct stat st; /* of what the name leads to, when `reached` */
    bool reached;   /* stat() succeeded */
    int err;        /* else its errno */
    bool link;      /* the name is a symbolic link */
    bool usable;    /* a directory that stat() reached */
};

/* Whether candidate `c` is a second name (a link) for a directory another candidate already
 * names: rendering it would publish a second copy of one organisation. The real directory
 * wins over links, and the first link in byte order over later ones. */
static const struct candidate *duplicate_of(const struct candidate *all, size_t n,
                                            const struct candidate *c)
{
    if (!c->link || !c->usable)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const struct candidate *o = &all[i];
        if (o == c || !o->usable || o->st.st_dev != c->st.st_dev || o->st.st_ino != c->st.st_ino)
            continue;
        if (!o->link || o < c)
            return o;
    }
    return NULL;
}

int rp_discover(const char *input_dir, struct rp_arena *arena, struct rp_inputs *out,
                struct rp_diags *diags)
{
    memset(out, 0, sizeof *out);
    struct names dirs = {0};
    if (list_dir(input_dir, &dirs) != 0)
        return -1;
    struct candidate *cand = rp_arena_array(arena, dirs.count ? dirs.count : 1, sizeof *cand);
    for (size_t i = 0; i < dirs.count; i++) {
        struct candidate *c = &cand[i];
        struct stat lst;
        c->name = dirs.items[i];
        c->path = join(arena, input_dir, c->name);
        c->link = lstat(c->path, &lst) == 0 && S_ISLNK(lst.st_mode);
        c->reached = stat(c->path, &c->st) == 0;
        c->err = c->reached ? 0 : errno;
        c->usable = c->reached && S_ISDIR(c->st.st_mode);
    }
    out->orgs = rp_arena_array(arena, dirs.count ? dirs.count : 1, sizeof *out->orgs);
    for (size_t i = 0; i < dirs.count; i++) {
        const struct candidate *c = &cand[i];
        const char *name = c->name, *path = c->path;
        if (name[0] == '.') {
            rp_diag_add(diags, RP_NOTE, path, 0, 0, "ignored (a hidden entry)");
            continue;
        }
        if (c->reached && !c->usable) {
            rp_diag_add(diags, RP_NOTE, path, 0, 0,
                        "ignored (sources live in one directory per organisation)");
            continue;
        }
        if (!rp_org_id_valid(name)) {
            rp_diag_add(diags, RP_ERROR, path, 0, 0,
                        "organisation directory name not allowed: an organisation id is "
                        RP_ORG_ID_RULE " (it becomes part of output paths)");
            continue;
        }
        if (strcmp(name, RP_REVIEW_DIR) == 0) {
            rp_diag_add(diags, RP_ERROR, path, 0, 0,
                        "organisation directory name not allowed: '%s' is where the review "
                        "editions are published (OUTPUT_DIR/%s/); rename the directory",
                        RP_REVIEW_DIR, RP_REVIEW_DIR);
            continue;
        }
        const struct candidate *same = duplicate_of(cand, dirs.count, c);
        if (same) {
            rp_diag_add(diags, RP_ERROR, path, 0, 0,
                        "a link to the directory of organisation '%s': ignored (one "
                        "organisation is published once, under its directory's own name)",
                        same->name);
            continue;
        }
        struct rp_org *org = &out->orgs[out->org_count];
        memset(org, 0, sizeof *org);
        org->id = rp_arena_strdup(arena, name);
        if (!c->reached) {
            if (c->err == ENOENT && !c->link)
                continue; /* removed while we looked */
            /* A link to nothing (an unmounted share) or a directory we may not reach. */
            org->unreadable = true;
            rp_diag_add(diags, RP_ERROR, path, 0, 0,
                        "cannot reach the directory (%s): its published documents stay",
                        c->err == ENOENT ? "a link to nothing" : strerror(c->err));
        } else {
            discover_org(org, arena, path, diags);
        }
        if (org->plan || org->eval_count || org->unreadable)
            out->org_count++;
    }
    names_free(&dirs);
    return 0;
}

/* Adds every regular file under `dir` (relative names prefixed by `prefix`) to `out`. */
static int collect_tree(const char *dir, const char *prefix, struct names *out, int depth)
{
    struct names here = {0};
    if (depth > 16 || list_dir(dir, &here) != 0)
        return -1;
    int rc = 0;
    char path[4096], rel[4096];
    for (size_t i = 0; i < here.count && rc == 0; i++) {
        int n1 = snprintf(path, sizeof path, "%s/%s", dir, here.items[i]);
        int n2 = snprintf(rel, sizeof rel, "%s%s", prefix, here.items[i]);
        if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof path || (size_t)n2 >= sizeof rel)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            names_add(out, rel);
        } else if (S_ISDIR(st.st_mode)) {
            size_t len = strlen(rel);
            if (len + 1 >= sizeof rel)
                continue;
            rel[len] = '/';
            rel[len + 1] = '\0';
            rc = collect_tree(path, rel, out, depth + 1);
        }
    }
    names_free(&here);
    return rc;
}

int rp_hash_tree(const char *dir, char hex[RP_SHA256_HEX])
{
    struct names files = {0};
    if (collect_tree(dir, "", &files, 0) != 0) {
        names_free(&files);
        return -1;
    }
    if (files.count > 1)
        qsort(files.items, files.count, sizeof *files.items, cmp_names);
    struct rp_sha256 h;
    rp_sha256_init(&h);
    int rc = 0;
    char path[4096], file_hex[RP_SHA256_HEX];
    for (size_t i = 0; i < files.count && rc == 0; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files.items[i]);
        rc = rp_sha256_file(path, file_hex, NULL);
        rp_sha256_str(&h, files.items[i]);
        rp_sha256_update(&h, "", 1);
        rp_sha256_str(&h, file_hex);
        rp_sha256_update(&h, "\n", 1);
    }
    rp_sha256_hex(&h, hex);
    names_free(&files);
    return rc;
}
