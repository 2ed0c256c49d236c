/* Builds rp_templates from theme.xml, documents.xml and labels/<lang>.xml, read from a
 * directory or from the default templates compiled into the binary. */
#include "load/image.h"
#include "load/reader.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char rp_default_theme[], rp_default_documents[], rp_default_labels_fr[],
    rp_default_labels_nl[], rp_default_labels_en[], rp_default_labels_de[];
extern const unsigned long rp_default_theme_len, rp_default_documents_len, rp_default_labels_fr_len,
    rp_default_labels_nl_len, rp_default_labels_en_len, rp_default_labels_de_len;

/* One file of a templates set: its name and, for the default set, its embedded text. */
struct source {
    const char *name;
    const unsigned char *data;
    unsigned long size;
};

/* The built-in files are not validated against the schema at run time: they are part of
 * the program, and a unit test (test_templates.c) validates every one of them, so that each
 * render does not pay for the templates schema and five validations. A directory's files
 * are validated, as anything a user writes. */
static const struct rp_xnode *read_default(const unsigned char *data, unsigned long size,
                                           const char *name, struct rp_arena *scratch,
                                           struct rp_diags *diags)
{
    return rp_xml_read_memory((const char *)data, size, name, RP_SCHEMA_NONE, scratch, diags);
}

static const struct rp_xnode *read_source(const char *dir, struct source src,
                                          struct rp_arena *scratch, struct rp_diags *diags)
{
    if (!dir)
        return read_default(src.data, src.size, rp_arena_printf(scratch, "<default>/%s", src.name),
                            scratch, diags);
    return rp_xml_read(rp_arena_printf(scratch, "%s/%s", dir, src.name), RP_SCHEMA_TEMPLATES,
                       scratch, diags);
}

static struct rp_rgb parse_colour(const char *hex)
{
    unsigned long v = strtoul(hex + 1, NULL, 16);
    struct rp_rgb c = {(float)((v >> 16) & 0xff) / 255.0f, (float)((v >> 8) & 0xff) / 255.0f,
                       (float)(v & 0xff) / 255.0f};
    return c;
}

static struct rp_rgb *colour_slot(struct rp_theme *t, const char *name)
{
    static const char *const names[] = {"text",        "muted",         "primary",
                                        "accent",      "rule",          "header-fill",
                                        "header-text", "subtotal-fill", "total-fill",
                                        "flag-fill",   "flag-text",     "placeholder-fill",
                                        "remark-fill", "figure-fill",   "grid",
                                        "status-good", "status-warn",   "status-bad"};
    struct rp_rgb *slots[] = {&t->text,        &t->muted,         &t->primary,
                              &t->accent,      &t->rule,          &t->header_fill,
                              &t->header_text, &t->subtotal_fill, &t->total_fill,
                              &t->flag_fill,   &t->flag_text,     &t->placeholder_fill,
                              &t->remark_fill, &t->figure_fill,   &t->grid,
                              &t->status_good, &t->status_warn,   &t->status_bad};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0)
            return slots[i];
    return NULL;
}

/* The logo of theme.xml, resolved against the templates directory and checked now, so
 * that a missing, foreign or corrupt file is a located error at load time, not a failed
 * render or a crash inside libharu: its every pixel is decoded here (see load/image.h). */
static void read_logo(struct rp_reader *r, const struct rp_xnode *logo, const char *dir,
                      struct rp_theme *t)
{
    const char *path =
        rp_arena_printf(r->arena, "%s/%s", dir ? dir : ".", rp_xnode_attr(logo, "file"));
    const struct rp_loc *at = &logo->loc;
    /* Read once: the bytes checked here are the bytes the PDF embeds. */
    struct rp_read file;
    rp_file_read(path, (size_t)RP_IMAGE_MAX_BYTES, &file);
    const unsigned char *d = (const unsigned char *)file.data;
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /* The schema allows .png, .jpg and .jpeg names; the backend decodes by the name. */
    size_t n = strlen(path);
    bool named_png =
        n > 4 && (strcmp(path + n - 4, ".png") == 0 || strcmp(path + n - 4, ".PNG") == 0);
    bool is_png = d && file.size >= 8 && memcmp(d, png, 8) == 0;
    bool is_jpeg = d && file.size >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
    char why[256];
    if (file.error == RP_READ_TOO_LARGE)
        rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                    "the logo %s cannot be used: the file has %zu bytes; at most %ld are accepted",
                    path, file.size, RP_IMAGE_MAX_BYTES);
    else if (!d)
        rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                    "the logo %s cannot be read: %s", path,
                    file.error == RP_READ_OPEN
                        ? strerror(file.err)
                        : rp_file_read_why(&file, (size_t)RP_IMAGE_MAX_BYTES, why, sizeof why));
    else if (!is_png && !is_jpeg)
        rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                    "the logo %s is neither a PNG nor a JPEG file", path);
    else if (is_png != named_png)
        rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                    "the logo %s is a %s file under another name", path, is_png ? "PNG" : "JPEG");
    else if (!rp_image_check(d, file.size, is_png ? RP_IMAGE_PNG : RP_IMAGE_JPEG, why, sizeof why))
        rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                    "the logo %s cannot be used: %s", path, why);
    else {
        t->logo = path;
        t->logo_data = memcpy(rp_arena_alloc(r->arena, file.size ? file.size : 1), d, file.size);
        t->logo_size = file.size;
        t->logo_png = is_png;
        t->logo_width = rp_read_num(r, logo, "width", 0);
        t->logo_height = rp_read_num(r, logo, "height", 0);
    }
    free(file.data);
}

/* The smallest body the layout can work in (a narrow table column, a chart, a heading with
 * its first lines), and the margins the running header (baseline 30 pt above the body) and
 * footer (36 pt below it), in 7.5 pt type, need to stay on the page. Without them a theme
 * could give thousands of blank pages or drop its page numbers off the edge. */
#define MIN_BODY 144.0
#define MIN_HEADER_MARGIN 40.0

static void check_geometry(struct rp_reader *r, const struct rp_xnode *page,
                           const struct rp_theme *t)
{
    /* Landscape pages swap width and height: the shorter side bounds both directions. */
    double side = t->page_width < t->page_height ? t->page_width : t->page_height;
    double body_w = side - t->margin_left - t->margin_right;
    double body_h = side - t->margin_top - t->margin_bottom;
    if (body_w < MIN_BODY || body_h < MIN_BODY)
        rp_diag_add(r->diags, RP_ERROR, page->loc.file, page->loc.line, page->loc.col,
                    "the margins leave a body of %g × %g pt on the page's shorter side "
                    "(%g pt; landscape pages turn it); at least %g × %g pt are needed",
                    body_w, body_h, side, MIN_BODY, MIN_BODY);
    if (t->margin_top < MIN_HEADER_MARGIN || t->margin_bottom < MIN_HEADER_MARGIN)
        rp_diag_add(r->diags, RP_ERROR, page->loc.file, page->loc.line, page->loc.col,
                    "margin-top and margin-bottom must be at least %g pt (the running header "
                    "and footer are set in them), not %g and %g",
                    MIN_HEADER_MARGIN, t->margin_top, t->margin_bottom);
}

static void read_theme(struct rp_reader *r, const struct rp_xnode *root, const char *dir,
                       struct rp_theme *t)
{
    rp_theme_default(t); /* colours the file does not name keep the default */
    const struct rp_xnode *page = rp_xchild(root, "page");
    t->page_width = rp_read_num(r, page, "width", t->page_width);
    t->page_height = rp_read_num(r, page, "height", t->page_height);
    t->margin_top = rp_read_num(r, page, "margin-top", t->margin_top);
    t->margin_bottom = rp_read_num(r, page, "margin-bottom", t->margin_bottom);
    t->margin_left = rp_read_num(r, page, "margin-left", t->margin_left);
    t->margin_right = rp_read_num(r, page, "margin-right", t->margin_right);
    check_geometry(r, page, t);
    t->font_family = rp_read_str(r, rp_xchild(root, "font"), "family");
    const struct rp_xnode *s = rp_xchild(root, "sizes");
    t->body_size = rp_read_num(r, s, "body", t->body_size);
    t->small_size = rp_read_num(r, s, "small", t->small_size);
    t->table_size = rp_read_num(r, s, "table", t->table_size);
    t->note_size = rp_read_num(r, s, "note", t->note_size);
    t->caption_size = rp_read_num(r, s, "caption", t->caption_size);
    t->heading_size[0] = rp_read_num(r, s, "heading1", t->heading_size[0]);
    t->heading_size[1] = rp_read_num(r, s, "heading2", t->heading_size[1]);
    t->heading_size[2] = rp_read_num(r, s, "heading3", t->heading_size[2]);
    t->min_table_size = rp_read_num(r, s, "min-table", t->min_table_size);
    t->leading = rp_read_num(r, s, "leading", t->leading);
    t->paragraph_gap = rp_read_num(r, s, "paragraph-gap", t->paragraph_gap);
    const struct rp_xnode *l = rp_xchild(root, "layout");
    t->justify = rp_read_bool(l, "justify", t->justify);
    t->chapter_new_page = rp_read_bool(l, "chapter-new-page", t->chapter_new_page);
    t->toc_depth = (int)rp_read_long(r, l, "toc-depth", t->toc_depth);
    const struct rp_xnode *logo = rp_xchild(root, "logo");
    if (logo)
        read_logo(r, logo, dir, t);
    RP_XEACH (c, root, "colour") {
        struct rp_rgb *slot = colour_slot(t, rp_xnode_attr(c, "name"));
        if (slot)
            *slot = parse_colour(rp_xnode_attr(c, "value"));
    }
    const char *series = rp_read_text(r, rp_xchild(root, "series")).plain;
    int given = 0;
    for (const char *hash; given < RP_THEME_SERIES && (hash = strchr(series, '#'));
         series = hash + 1)
        t->series[given++] = parse_colour(hash);
    for (int i = given; i < RP_THEME_SERIES && given > 0; i++)
        t->series[i] = t->series[i % given]; /* fewer than 8 given: repeat them */
    const struct rp_xnode *status = rp_xchild(root, "status-series");
    const char *statuses = status ? rp_read_text(r, status).plain : "";
    int k = 0; /* the schema asks for all seven */
    for (const char *hash; k < RP_THEME_STATUS && (hash = strchr(statuses, '#'));
         statuses = hash + 1)
        t->status_series[k++] = parse_colour(hash);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct rp_label *)a)->key, ((const struct rp_label *)b)->key);
}

/* Reads a catalogue; with a `reference` (sorted), a key it lacks is a located error: rapport
 * would never print it, so it is most likely a typo of a key that is then missing. */
static void read_labels(struct rp_reader *r, const struct rp_xnode *root,
                        const struct rp_catalogue *reference, struct rp_catalogue *c)
{
    c->count = rp_xcount(root, "label");
    c->items = rp_arena_array(r->arena, c->count, sizeof *c->items);
    size_t i = 0;
    RP_XEACH (l, root, "label") {
        c->items[i].key = rp_read_str(r, l, "key");
        if (reference &&
            (reference->count == 0 ||
             !bsearch(&c->items[i], reference->items, reference->count, sizeof *c->items, by_key)))
            rp_diag_add(r->diags, RP_ERROR, l->loc.file, l->loc.line, l->loc.col,
                        "unknown label '%s': rapport prints no label of that key", c->items[i].key);
        /* Labels keep their spaces as written (a leading space may be meaningful). */
        const char *text = l->child_count && !l->children[0].name ? l->children[0].text : "";
        c->items[i].text = rp_arena_strdup(r->arena, text);
        i++;
    }
    qsort(c->items, c->count, sizeof *c->items, by_key);
    for (size_t k = 1; k < c->count; k++)
        if (strcmp(c->items[k - 1].key, c->items[k].key) == 0)
            rp_diag_add(r->diags, RP_ERROR, root->loc.file, root->loc.line, root->loc.col,
                        "label '%s' defined twice", c->items[k].key);
}

/* The kinds of documents.xml, each with its names and parts. Which kinds rapport renders is
 * not the templates' to say: produce checks them against its table (rp_kinds_check()). */
static void read_documents(struct rp_reader *r, const struct rp_xnode *root, struct rp_templates *t)
{
    t->document_count = rp_xcount(root, "document");
    t->documents =
        rp_arena_array(r->arena, t->document_count ? t->document_count : 1, sizeof *t->documents);
    size_t n = 0;
    RP_XEACH (d, root, "document") {
        struct rp_document_spec *spec = &t->documents[n++];
        spec->kind = rp_read_str(r, d, "kind");
        spec->file = rp_arena_strdup(r->arena, d->loc.file);
        spec->line = d->loc.line;
        spec->col = d->loc.col;
        for (size_t k = 0; k + 1 < n; k++)
            if (strcmp(t->documents[k].kind, spec->kind) == 0)
                rp_diag_add(r->diags, RP_ERROR, d->loc.file, d->loc.line, d->loc.col,
                            "the document kind '%s' is described twice", spec->kind);
        RP_XEACH (name, d, "name") {
            enum rp_lang lang = rp_lang_from_code(rp_xnode_attr(name, "xml:lang"));
            if (lang != RP_LANG__MAX)
                spec->names[lang] = rp_arena_strdup(
                    r->arena,
                    name->child_count && !name->children[0].name ? name->children[0].text : "");
        }
        for (int lang = 0; lang < RP_LANG__MAX; lang++)
            if (!spec->names[lang])
                rp_diag_add(r->diags, RP_ERROR, d->loc.file, d->loc.line, d->loc.col,
                            "the document kind '%s' has no name in '%s'", spec->kind,
                            rp_lang_code((enum rp_lang)lang));
        spec->count = rp_xcount(d, "part");
        spec->parts = rp_arena_array(r->arena, spec->count, sizeof *spec->parts);
        size_t i = 0;
        RP_XEACH (p, d, "part") {
            struct rp_part *part = &spec->parts[i++];
            part->name = rp_read_str(r, p, "name");
            part->history_years = (int)rp_read_long(r, p, "history-years", -1);
            part->charts = rp_xnode_attr(p, "charts") ? rp_read_bool(p, "charts", true) : -1;
        }
    }
}

/* Every key of `reference` must be in `c`; each missing one is reported at the file. */
static void check_complete(struct rp_diags *diags, const char *file, const char *lang,
                           const struct rp_catalogue *reference, const struct rp_catalogue *c)
{
    for (size_t i = 0; i < reference->count; i++) {
        const char *key = reference->items[i].key;
        if (!bsearch(&reference->items[i], c->items, c->count, sizeof *c->items, by_key))
            rp_diag_add(diags, RP_ERROR, file, 1, 1, "the %s catalogue lacks the label '%s'", lang,
                        key);
    }
}

const struct rp_templates *rp_templates_load(const char *dir, struct rp_arena *arena,
                                             struct rp_diags *diags)
{
    static const struct source label_sources[RP_LANG__MAX] = {
        {"labels/fr.xml", rp_default_labels_fr, 0},
        {"labels/nl.xml", rp_default_labels_nl, 0},
        {"labels/en.xml", rp_default_labels_en, 0},
        {"labels/de.xml", rp_default_labels_de, 0}};
    const unsigned long label_sizes[RP_LANG__MAX] = {
        rp_default_labels_fr_len, rp_default_labels_nl_len, rp_default_labels_en_len,
        rp_default_labels_de_len};
    size_t errors = diags->errors;
    struct rp_arena *scratch = rp_arena_new();
    struct rp_templates *t = rp_arena_alloc(arena, sizeof *t);
    struct rp_reader r = {arena, diags, "fr", NULL, 0, 0, NULL, 0};
    t->dir = rp_arena_strdup(arena, dir);

    const struct rp_xnode *theme = read_source(
        dir, (struct source){"theme.xml", rp_default_theme, rp_default_theme_len}, scratch, diags);
    if (theme)
        read_theme(&r, theme, dir, &t->theme);
    const struct rp_xnode *docs = read_source(
        dir, (struct source){"documents.xml", rp_default_documents, rp_default_documents_len},
        scratch, diags);
    if (docs)
        read_documents(&r, docs, t);

    /* The keys rapport prints are those of the built-in French catalogue. */
    struct rp_catalogue reference = {0};
    const struct rp_xnode *ref_root = read_default(rp_default_labels_fr, rp_default_labels_fr_len,
                                                   "<default>/labels/fr.xml", scratch, diags);
    if (ref_root)
        read_labels(&r, ref_root, NULL, &reference);
    for (int lang = 0; lang < RP_LANG__MAX; lang++) {
        struct source src = label_sources[lang];
        src.size = label_sizes[lang];
        /* The default French catalogue is the reference itself: not parsed a second time. */
        const struct rp_xnode *root =
            !dir && lang == RP_LANG_FR ? ref_root : read_source(dir, src, scratch, diags);
        if (!root)
            continue;
        const char *declared = rp_xnode_attr(root, "xml:lang");
        if (declared && strcmp(declared, rp_lang_code((enum rp_lang)lang)) != 0)
            rp_diag_add(diags, RP_ERROR, root->loc.file, root->loc.line, root->loc.col,
                        "this catalogue is for xml:lang '%s', not '%s'", declared,
                        rp_lang_code((enum rp_lang)lang));
        read_labels(&r, root, &reference, &t->catalogues[lang]);
        check_complete(diags, root->loc.file, rp_lang_code((enum rp_lang)lang), &reference,
                       &t->catalogues[lang]);
    }
    rp_arena_free(scratch);
    return diags->errors == errors ? t : NULL;
}
