/* The bilingual index page, written through the XML writer in its HTML flavour. */
#define _POSIX_C_SOURCE 200809L
#include "batch/index.h"

#include "load/xml_write.h"
#include "render/render.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fixed wording of the page in one language, from the label catalogues ("index.*") and the
 * kinds' names of documents.xml. */
struct words {
    const char *title, *intro, *period, *document, *column, *language, *missing, *pages_one;
    const char *pages_many, *kb, *mb, *generated, *manifest, *orgs, *docs, *plan, *nav;
    const struct rp_templates *t; /* for the kinds' names and the caption's slot */
    enum rp_lang lang;
};

static void words_init(struct words *w, const struct rp_templates *t, enum rp_lang lang)
{
    w->t = t;
    w->lang = lang;
    w->title = rp_label(t, lang, "index.title");
    w->intro = rp_label(t, lang, "index.intro");
    w->period = rp_label(t, lang, "index.period");
    w->document = rp_label(t, lang, "index.document");
    w->column = rp_label(t, lang, "index.column");
    w->language = rp_label(t, lang, "index.language");
    w->missing = rp_label(t, lang, "index.missing");
    w->pages_one = rp_label(t, lang, "index.pages.one");
    w->pages_many = rp_label(t, lang, "index.pages.many");
    w->kb = rp_label(t, lang, "index.kb");
    w->mb = rp_label(t, lang, "index.mb");
    w->generated = rp_label(t, lang, "index.generated");
    w->manifest = rp_label(t, lang, "index.manifest");
    w->orgs = rp_label(t, lang, "index.organisations");
    w->docs = rp_label(t, lang, "index.documents");
    w->plan = rp_label(t, lang, "index.plan");
    w->nav = rp_label(t, lang, "index.nav");
}

/* Why a publication was not produced, in the page's language: "traduction incomplète :
 * 41 %", "non publié : le plan ne comporte pas de plan de communication". The reason a kind
 * gives is worded by the label "index.why-not.<kind>"; a kind without one shows the
 * manifest's own words. */
static const char *why_not(const struct words *w, const struct rp_entry *e, struct rp_arena *a)
{
    if (e->incomplete) {
        char pct[16];
        snprintf(pct, sizeof pct, "%d", e->coverage);
        return rp_label_fill(w->t, a, w->lang, "index.incomplete", pct, NULL, NULL);
    }
    const char *key = rp_arena_printf(a, "index.why-not.%s", e->kind);
    const char *reason =
        rp_label_exists(w->t, w->lang, key) ? rp_label(w->t, w->lang, key) : e->reason;
    return rp_label_fill(w->t, a, w->lang, "index.not-produced", reason, NULL, NULL);
}

/* What readers call a kind of document in the page's language (its id when the templates
 * do not describe it, which rp_kinds_check() prevents). */
static const char *kind_name(const struct words *w, const char *kind)
{
    const struct rp_document_spec *d = rp_templates_document(w->t, kind);
    return d && d->names[w->lang] ? d->names[w->lang] : kind;
}

/* Light, high-contrast, readable on a phone; no external resource. Table captions are for
 * assistive technology (the heading above says the same to the eye). The writer escapes
 * text, and a <style> element is raw text in HTML: the CSS holds no '<', '>' or '&'. */
static const char CSS[] =
    ":root{--ink:#1b2333;--muted:#5a6478;--navy:#1f3a68;--line:#d9dee8;--band:#f3f5f9;"
    "--link:#1d4ed8}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 'Liberation Sans',Arial,Helvetica,sans-serif;color:var(--ink);"
    "background:#fff}"
    "header{background:var(--navy);color:#fff;padding:2rem 1.5rem 1.5rem}"
    ".wrap,footer p{max-width:68rem;margin:0 auto}"
    "h1{margin:0 0 .25rem;font-size:1.9rem;line-height:1.2}"
    "h1 span,h2 span{display:block;font-weight:normal}"
    /* Lighter on the dark band only: over white, muted text must keep its 4.5:1 contrast. */
    "h1 span{font-size:1.35rem;opacity:.85}"
    "header p{margin:.75rem 0 0;max-width:52rem;color:#e4e9f2}"
    "header p span{display:block}"
    "nav ul{list-style:none;margin:1rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}"
    "nav a{display:inline-block;padding:.2rem .7rem;border:1px solid #8fa3c7;border-radius:1rem;"
    "color:#fff;text-decoration:none;font-size:.9rem}"
    "nav a:hover,nav a:focus{background:#fff;color:var(--navy)}"
    "main{max-width:71rem;margin:0 auto;padding:1rem 1.5rem 2rem}"
    "section{margin-top:2rem}"
    "h2{font-size:1.35rem;margin:0 0 .75rem;padding-bottom:.35rem;"
    "border-bottom:3px solid var(--navy)}"
    "h2 span{font-size:1.05rem;color:var(--muted)}"
    "table{width:100%;border-collapse:collapse;font-size:.95rem}"
    "caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}"
    "th,td{text-align:left;vertical-align:top;padding:.55rem .7rem;"
    "border-bottom:1px solid var(--line)}"
    "thead th{background:var(--band);font-size:.8rem;text-transform:uppercase;"
    "letter-spacing:.04em;color:var(--muted)}"
    "tbody th{font-weight:600}"
    "tbody+tbody{border-top:2px solid var(--line)}"
    "td.period{font-weight:700;color:var(--navy);white-space:nowrap}"
    "a{color:var(--link)}"
    "a:focus{outline:3px solid #f59e0b;outline-offset:2px}"
    "td a{font-weight:600;text-decoration-thickness:1px;text-underline-offset:2px}"
    ".meta{display:block;color:var(--muted);font-size:.85rem}"
    ".missing{color:var(--muted);font-style:italic}"
    ".kind span{display:block;font-weight:normal;color:var(--muted);font-size:.9rem}"
    "footer{padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.85rem;"
    "border-top:1px solid var(--line)}"
    "@media (max-width:40rem){thead{display:none}td,th{display:block;border:0;"
    "padding:.3rem .5rem}tbody tr{border-bottom:1px solid var(--line)}}";

/* The languages present, in the order of enum rp_lang. */
static size_t languages(const struct rp_manifest *m, enum rp_lang *out)
{
    bool seen[RP_LANG__MAX] = {false};
    for (size_t i = 0; i < m->count; i++) {
        enum rp_lang l = rp_lang_from_code(m->items[i].lang);
        if (l < RP_LANG__MAX)
            seen[l] = true;
    }
    /* The page is bilingual whatever the documents: fr and nl columns always. */
    seen[RP_LANG_FR] = seen[RP_LANG_NL] = true;
    size_t n = 0;
    for (int l = 0; l < RP_LANG__MAX; l++)
        if (seen[l])
            out[n++] = (enum rp_lang)l;
    return n;
}

/* "12 pages · 84 Ko" in `lang`; "52 Ko" for a format without pages. */
static void meta_text(char *buf, size_t size, const struct rp_entry *e, const struct words *w)
{
    enum rp_lang lang = w->lang;
    char num[32];
    char sz[48];
    if (e->bytes >= 1024 * 1024) {
        rp_fmt_number(num, sizeof num, (double)e->bytes / (1024.0 * 1024.0), 1, lang);
        snprintf(sz, sizeof sz, "%s" RP_NBSP "%s", num, w->mb);
    } else {
        rp_fmt_number(num, sizeof num, (double)((e->bytes + 1023) / 1024), 0, lang);
        snprintf(sz, sizeof sz, "%s" RP_NBSP "%s", num, w->kb);
    }
    if (e->pages == 0)
        snprintf(buf, size, "%s", sz);
    else
        snprintf(buf, size, "%ld" RP_NBSP "%s · %s", e->pages,
                 e->pages == 1 ? w->pages_one : w->pages_many, sz);
}

/* The files of the document whose entries begin at `first` (the manifest keeps a
 * document's formats together), in the order of the backends' table: PDF, then HTML. */
static size_t document_files(const struct rp_entry *first, const struct rp_entry *end,
                             const struct rp_entry **out)
{
    size_t count, n = 0;
    const struct rp_backend *all = rp_backends(&count);
    for (size_t b = 0; b < count; b++)
        for (const struct rp_entry *e = first; e < end && rp_entry_cmp_document(e, first) == 0; e++)
            if (e->file && rp_backend_of_file(e->file) == &all[b])
                out[n++] = e;
    return n;
}

/* Text in French, then the Dutch in a span of its own (when it differs). */
static void bilingual(struct rp_xml_writer *w, const char *fr, const char *nl)
{
    rp_xml_text(w, fr);
    if (nl && strcmp(fr, nl) != 0) {
        rp_xml_start(w, "span");
        rp_xml_attr(w, "lang", "nl");
        rp_xml_text(w, nl);
        rp_xml_end(w);
    }
}

/* The name of an organisation in `lang`, from its first document in that language. */
static const char *org_name(const struct rp_manifest *m, size_t from, size_t to, enum rp_lang lang)
{
    for (size_t i = from; i < to; i++)
        if (rp_lang_from_code(m->items[i].lang) == lang && m->items[i].org_name &&
            *m->items[i].org_name)
            return m->items[i].org_name;
    for (size_t i = from; i < to; i++)
        if (m->items[i].org_name && *m->items[i].org_name)
            return m->items[i].org_name;
    return m->items[from].org;
}

/* A row group: the documents of one period or year, one row per kind. */
struct group {
    const char *label; /* "Plan 2022-2024", "2023" */
    int sort;          /* plan periods first (by start year), then years, newest first */
    const struct rp_entry **cells; /* kinds × languages */
    const char **kinds;
    size_t kind_count;
};

static int cmp_groups(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    if (x->sort != y->sort)
        return x->sort > y->sort ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Whether no language of a row has its publication, because its sources call for none (a
 * plan without a communication plan): the same reason in every language. */
static bool none_applies(const struct rp_entry *const *row, size_t nlang)
{
    for (size_t l = 0; l < nlang; l++)
        if (!row[l] || row[l]->file || row[l]->incomplete)
            return false;
    return true;
}

/* Such a row says why once, across the language columns, in each language. */
static void not_produced_row(struct rp_xml_writer *w, const struct words *W,
                             const struct rp_entry *const *row, const enum rp_lang *langs,
                             size_t nlang, struct rp_arena *a)
{
    rp_xml_start(w, "td");
    if (nlang > 1)
        rp_xml_attrf(w, "colspan", "%zu", nlang);
    rp_xml_start(w, "span");
    rp_xml_attr(w, "class", "missing");
    for (size_t l = 0; l < nlang; l++) {
        if (l > 0)
            rp_xml_text(w, " · ");
        rp_xml_start(w, "span");
        rp_xml_attr(w, "lang", rp_lang_code(langs[l]));
        rp_xml_text(w, why_not(&W[langs[l]], row[l], a));
        rp_xml_end(w);
    }
    rp_xml_end(w);
    rp_xml_end(w);
}

static void org_table(struct rp_xml_writer *w, const struct words *W, const struct rp_manifest *m,
                      size_t from, size_t to, const enum rp_lang *langs, size_t nlang,
                      const char *name_fr, const char *name_nl)
{
    struct rp_arena *a = rp_arena_new();
    size_t n = to - from;
    struct group *groups = rp_arena_array(a, n, sizeof *groups);
    size_t ng = 0;
    for (size_t i = from; i < to; i++) {
        const struct rp_entry *e = &m->items[i];
        const char *label = e->period ? rp_arena_printf(a, "%s %s", W[RP_LANG_FR].plan, e->period)
                                      : rp_arena_printf(a, "%d", e->year);
        size_t g = 0;
        while (g < ng && strcmp(groups[g].label, label) != 0)
            g++;
        if (g == ng) {
            groups[ng].label = label;
            /* Plan periods sort above every year, newest plan first. */
            groups[ng].sort = e->period ? 100000 + atoi(e->period) : e->year;
            groups[ng].cells = rp_arena_array(a, n * nlang, sizeof *groups[ng].cells);
            groups[ng].kinds = rp_arena_array(a, n, sizeof *groups[ng].kinds);
            ng++;
        }
        struct group *gr = &groups[g];
        size_t k = 0;
        while (k < gr->kind_count && strcmp(gr->kinds[k], e->kind) != 0)
            k++;
        if (k == gr->kind_count)
            gr->kinds[gr->kind_count++] = e->kind;
        /* The first entry of the document stands for all its formats. */
        for (size_t l = 0; l < nlang; l++)
            if (rp_lang_from_code(e->lang) == langs[l] && !gr->cells[k * nlang + l])
                gr->cells[k * nlang + l] = e;
    }
    qsort(groups, ng, sizeof *groups, cmp_groups);

    rp_xml_start(w, "table");
    rp_xml_start(w, "caption");
    bilingual(w,
              rp_label_fill(W[RP_LANG_FR].t, a, RP_LANG_FR, "index.caption", name_fr, NULL, NULL),
              rp_arena_printf(a, " · %s",
                              rp_label_fill(W[RP_LANG_NL].t, a, RP_LANG_NL, "index.caption",
                                            name_nl, NULL, NULL)));
    rp_xml_end(w);
    rp_xml_start(w, "thead");
    rp_xml_start(w, "tr");
    rp_xml_start(w, "th");
    rp_xml_attr(w, "scope", "col");
    bilingual(w, W[RP_LANG_FR].period, rp_arena_printf(a, " · %s", W[RP_LANG_NL].period));
    rp_xml_end(w);
    rp_xml_start(w, "th");
    rp_xml_attr(w, "scope", "col");
    rp_xml_text(w, W[RP_LANG_FR].document);
    rp_xml_end(w);
    for (size_t l = 0; l < nlang; l++) {
        rp_xml_start(w, "th");
        rp_xml_attr(w, "scope", "col");
        rp_xml_attr(w, "lang", rp_lang_code(langs[l]));
        rp_xml_text(w, W[langs[l]].column);
        rp_xml_end(w);
    }
    rp_xml_end(w);
    rp_xml_end(w);

    for (size_t g = 0; g < ng; g++) {
        struct group *gr = &groups[g];
        rp_xml_start(w, "tbody");
        for (size_t k = 0; k < gr->kind_count; k++) {
            rp_xml_start(w, "tr");
            if (k == 0) {
                rp_xml_start(w, "td");
                rp_xml_attr(w, "class", "period");
                if (gr->kind_count > 1)
                    rp_xml_attrf(w, "rowspan", "%zu", gr->kind_count);
                rp_xml_text(w, gr->label);
                rp_xml_end(w);
            }
            rp_xml_start(w, "th");
            rp_xml_attr(w, "scope", "row");
            rp_xml_attr(w, "class", "kind");
            bilingual(w, kind_name(&W[RP_LANG_FR], gr->kinds[k]),
                      kind_name(&W[RP_LANG_NL], gr->kinds[k]));
            rp_xml_end(w);
            const struct rp_entry **row = &gr->cells[k * nlang];
            if (none_applies(row, nlang)) {
                not_produced_row(w, W, row, langs, nlang, a);
                rp_xml_end(w);
                continue;
            }
            for (size_t l = 0; l < nlang; l++) {
                enum rp_lang lang = langs[l];
                const struct rp_entry *e = row[l];
                rp_xml_start(w, "td");
                rp_xml_attr(w, "lang", rp_lang_code(lang));
                if (!e || !e->file) {
                    rp_xml_start(w, "span");
                    rp_xml_attr(w, "class", "missing");
                    rp_xml_text(w, e ? why_not(&W[lang], e, a) : W[lang].missing);
                    rp_xml_end(w);
                    rp_xml_end(w);
                    continue;
                }
                const char *when = e->period ? e->period : rp_arena_printf(a, "%d", e->year);
                const struct rp_entry *files[RP_BACKENDS_MAX];
                size_t nfiles = document_files(e, m->items + to, files);
                for (size_t f = 0; f < nfiles; f++) {
                    rp_xml_start(w, "a");
                    rp_xml_attr(w, "href", files[f]->file);
                    rp_xml_attr(w, "hreflang", rp_lang_code(lang));
                    /* The manifest only holds files of a known backend. */
                    const struct rp_backend *be = rp_backend_of_file(files[f]->file);
                    rp_xml_attr(w, "type", be->media_type);
                    /* The link says which document, which edition, and in which format. */
                    rp_xml_text(w,
                                rp_arena_printf(a, "%s %s (%s, %s)", kind_name(&W[lang], e->kind),
                                                when, be->label, W[lang].language));
                    rp_xml_end(w);
                    char meta[128];
                    meta_text(meta, sizeof meta, files[f], &W[lang]);
                    rp_xml_start(w, "span");
                    rp_xml_attr(w, "class", "meta");
                    rp_xml_text(w, meta);
                    rp_xml_end(w);
                }
                rp_xml_end(w);
            }
            rp_xml_end(w);
        }
        rp_xml_end(w);
    }
    rp_xml_end(w);
    rp_arena_free(a);
}

int rp_index_serialize(const struct rp_manifest *all, const struct rp_templates *t, char **data,
                       size_t *size)
{
    /* Readers see the publications, produced or not (then the page says why), never the
     * review tree: the page is the same whether review editions were made or not. The view
     * shares the entries of `all`, still sorted. */
    struct rp_manifest view = {.items = rp_xmalloc((all->count + 1) * sizeof *view.items)};
    for (size_t i = 0; i < all->count; i++)
        if (all->items[i].edition == RP_EDITION_PUBLICATION)
            view.items[view.count++] = all->items[i];
    const struct rp_manifest *m = &view;
    struct words W[RP_LANG__MAX];
    for (int l = 0; l < RP_LANG__MAX; l++)
        words_init(&W[l], t, (enum rp_lang)l);
    enum rp_lang langs[RP_LANG__MAX];
    size_t nlang = languages(m, langs);
    /* Documents, not files: the formats of a document count once. */
    size_t norgs = 0, ndocs = 0;
    const struct rp_entry *counted = NULL;
    for (size_t i = 0; i < m->count; i++) {
        const struct rp_entry *e = &m->items[i];
        norgs += i == 0 || strcmp(e->org, m->items[i - 1].org) != 0;
        if (e->file && (!counted || rp_entry_cmp_document(counted, e) != 0)) {
            ndocs++;
            counted = e;
        }
    }

    struct rp_xml_writer *w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_start(w, "html");
    rp_xml_attr(w, "lang", "fr");
    rp_xml_start(w, "head");
    rp_xml_start(w, "meta");
    rp_xml_attr(w, "charset", "utf-8");
    rp_xml_end(w);
    rp_xml_start(w, "meta");
    rp_xml_attr(w, "name", "viewport");
    rp_xml_attr(w, "content", "width=device-width, initial-scale=1");
    rp_xml_end(w);
    rp_xml_start(w, "meta");
    rp_xml_attr(w, "name", "generator");
    rp_xml_attr(w, "content", "rapport " RAPPORT_VERSION);
    rp_xml_end(w);
    char title[256];
    snprintf(title, sizeof title, "%s · %s", W[RP_LANG_FR].title, W[RP_LANG_NL].title);
    rp_xml_element(w, "title", title);
    rp_xml_element(w, "style", CSS);
    rp_xml_end(w);

    rp_xml_start(w, "body");
    rp_xml_start(w, "header");
    rp_xml_start(w, "div");
    rp_xml_attr(w, "class", "wrap");
    rp_xml_start(w, "h1");
    bilingual(w, W[RP_LANG_FR].title, W[RP_LANG_NL].title);
    rp_xml_end(w);
    rp_xml_start(w, "p");
    bilingual(w, W[RP_LANG_FR].intro, W[RP_LANG_NL].intro);
    rp_xml_end(w);
    char counts[160];
    snprintf(counts, sizeof counts, "%zu %s · %zu %s", norgs, W[RP_LANG_FR].orgs, ndocs,
             W[RP_LANG_FR].docs);
    rp_xml_element(w, "p", counts);
    if (norgs > 0) {
        rp_xml_start(w, "nav");
        rp_xml_attrf(w, "aria-label", "%s · %s", W[RP_LANG_FR].nav, W[RP_LANG_NL].nav);
        rp_xml_start(w, "ul");
    }
    for (size_t i = 0; i < m->count; i++) {
        if (i > 0 && strcmp(m->items[i].org, m->items[i - 1].org) == 0)
            continue;
        size_t to = i;
        while (to < m->count && strcmp(m->items[to].org, m->items[i].org) == 0)
            to++;
        rp_xml_start(w, "li");
        rp_xml_start(w, "a");
        rp_xml_attrf(w, "href", "#org-%s", m->items[i].org);
        rp_xml_text(w, org_name(m, i, to, RP_LANG_FR));
        rp_xml_end(w);
        rp_xml_end(w);
    }
    if (norgs > 0) {
        rp_xml_end(w);
        rp_xml_end(w);
    }
    rp_xml_end(w);
    rp_xml_end(w);

    rp_xml_start(w, "main");
    for (size_t i = 0; i < m->count;) {
        size_t to = i;
        while (to < m->count && strcmp(m->items[to].org, m->items[i].org) == 0)
            to++;
        const char *fr = org_name(m, i, to, RP_LANG_FR), *nl = org_name(m, i, to, RP_LANG_NL);
        rp_xml_start(w, "section");
        rp_xml_attrf(w, "aria-labelledby", "org-%s", m->items[i].org);
        rp_xml_start(w, "h2");
        rp_xml_attrf(w, "id", "org-%s", m->items[i].org);
        bilingual(w, fr, nl);
        rp_xml_end(w);
        org_table(w, W, m, i, to, langs, nlang, fr, nl);
        rp_xml_end(w);
        i = to;
    }
    rp_xml_end(w);

    rp_xml_start(w, "footer");
    rp_xml_start(w, "p");
    rp_xml_text(w, W[RP_LANG_FR].generated);
    rp_xml_text(w, " " RAPPORT_VERSION " · ");
    rp_xml_start(w, "span");
    rp_xml_attr(w, "lang", "nl");
    rp_xml_text(w, W[RP_LANG_NL].generated);
    rp_xml_text(w, " " RAPPORT_VERSION);
    rp_xml_end(w);
    rp_xml_text(w, " · ");
    rp_xml_start(w, "a");
    rp_xml_attr(w, "href", "manifest.xml");
    rp_xml_attr(w, "type", "application/xml");
    rp_xml_text(w, W[RP_LANG_FR].manifest);
    rp_xml_end(w);
    rp_xml_end(w);
    rp_xml_end(w);
    rp_xml_end(w);
    rp_xml_end(w);
    int rc = rp_xml_writer_finish(w, data, size);
    rp_xml_writer_free(w);
    free(view.items);
    return rc;
}
