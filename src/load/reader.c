#include "load/reader.h"

#include "util/arena.h"
#include "util/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t rp_xcount(const struct rp_xnode *node, const char *name)
{
    size_t n = 0;
    RP_XEACH (c, node, name)
        n++;
    return n;
}

const struct rp_xnode *rp_xchild(const struct rp_xnode *node, const char *name)
{
    RP_XEACH (c, node, name)
        return c;
    return NULL;
}

/* ---------------------------------------------------------------- inline text */

/* Builds runs while collapsing XML whitespace (space, tab, CR, LF) to single spaces across
 * run boundaries; no-break spaces are content and stay. */
struct run_builder {
    struct rp_reader *reader;
    struct rp_arena *arena;
    struct rp_run *runs;
    size_t count, cap;
    char *buf; /* the current run's text */
    size_t len, buf_cap;
    int pending_space; /* a collapsed space not yet written */
    int at_start;      /* nothing written yet: leading spaces are dropped */
    int in_footnote;   /* the runs of a footnote */
};

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void buf_put(struct run_builder *b, char c)
{
    if (b->len + 1 >= b->buf_cap) {
        b->buf_cap = b->buf_cap ? b->buf_cap * 2 : 256;
        b->buf = rp_xrealloc(b->buf, b->buf_cap);
    }
    b->buf[b->len++] = c;
}

static void append_chars(struct run_builder *b, const char *s)
{
    for (; *s; s++) {
        if (is_xml_space(*s)) {
            b->pending_space = !b->at_start;
            continue;
        }
        if (b->pending_space) {
            buf_put(b, ' ');
            b->pending_space = 0;
        }
        buf_put(b, *s);
        b->at_start = 0;
    }
}

/* A space collapsed at a run boundary goes to the end of the run before it, so that an
 * emphasised word does not start with a space. */
static void flush_run(struct run_builder *b, enum rp_run_kind kind, unsigned style,
                      const char *href)
{
    if (b->pending_space && b->len > 0 && kind == RP_RUN_TEXT) {
        buf_put(b, ' ');
        b->pending_space = 0;
    }
    if (b->len == 0 && kind == RP_RUN_TEXT)
        return;
    if (b->count == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 4;
        struct rp_run *grown = rp_arena_array(b->arena, b->cap, sizeof *grown);
        if (b->count)
            memcpy(grown, b->runs, b->count * sizeof *grown);
        b->runs = grown;
    }
    struct rp_run *run = &b->runs[b->count++];
    run->kind = kind;
    run->style = style;
    run->text = rp_arena_strndup(b->arena, b->buf ? b->buf : "", b->len);
    run->href = href;
    run->runs = NULL;
    run->run_count = 0;
    run->plain = NULL;
    b->len = 0;
}

/* The runs' text joined (a footnote adds nothing: its mark is the document's). */
static const char *join_runs(struct rp_arena *arena, const struct rp_run *runs, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += strlen(runs[i].text);
    char *plain = rp_arena_alloc(arena, total + 1);
    for (size_t i = 0, at = 0; i < count; i++) {
        size_t n = strlen(runs[i].text);
        memcpy(plain + at, runs[i].text, n);
        at += n;
    }
    return plain;
}

static void note_placeholder(struct rp_reader *r, const struct rp_xnode *node, const char *text,
                             size_t len)
{
    if (r->placeholder_count == r->placeholder_cap) {
        r->placeholder_cap = r->placeholder_cap ? r->placeholder_cap * 2 : 16;
        struct rp_placeholder *grown = rp_arena_array(r->arena, r->placeholder_cap, sizeof *grown);
        if (r->placeholder_count)
            memcpy(grown, r->placeholders, r->placeholder_count * sizeof *grown);
        r->placeholders = grown;
    }
    struct rp_placeholder *ph = &r->placeholders[r->placeholder_count++];
    ph->loc = node->loc;
    ph->text = rp_arena_strndup(r->arena, text, len);
}

bool rp_href_allowed(const char *href)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:"};
    for (size_t i = 0; href && i < sizeof schemes / sizeof *schemes; i++) {
        size_t n = strlen(schemes[i]), k = 0;
        while (k < n && href[k] &&
               (href[k] >= 'A' && href[k] <= 'Z' ? href[k] + 32 : href[k]) == schemes[i][k])
            k++;
        if (k == n && href[n])
            return true;
    }
    return false;
}

/* The schema refuses other schemes already; this keeps a PDF link annotation from carrying
 * javascript:, file: or a network path whatever the schema becomes. */
static const char *read_href(struct rp_reader *r, const struct rp_xnode *node)
{
    const char *v = rp_xnode_attr(node, "href");
    if (!v)
        return NULL;
    /* Surrounding whitespace is not part of an anyURI (the schema collapses it). */
    while (is_xml_space(*v))
        v++;
    size_t n = strlen(v);
    while (n > 0 && is_xml_space(v[n - 1]))
        n--;
    const char *href = rp_arena_strndup(r->arena, v, n);
    if (!rp_href_allowed(href)) {
        rp_diag_add(r->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                    RP_HREF_REFUSED, href);
        return NULL;
    }
    return href;
}

static void walk_inline(struct run_builder *b, const struct rp_xnode *node, unsigned style);

/* A footnote's own runs, read with a builder of its own so that the note's words stay out
 * of the text around it. */
static void read_footnote(struct run_builder *b, const struct rp_xnode *node, unsigned style)
{
    if (b->in_footnote) {
        rp_diag_add(b->reader->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                    "<footnote> inside a footnote: a note holds no note");
        return;
    }
    struct run_builder nb = {
        .reader = b->reader, .arena = b->arena, .at_start = 1, .in_footnote = 1};
    walk_inline(&nb, node, 0);
    nb.pending_space = 0;
    flush_run(&nb, RP_RUN_TEXT, 0, NULL);
    free(nb.buf);
    if (nb.count == 0)
        rp_diag_add(b->reader->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                    "<footnote> without text: a note says something");
    flush_run(b, RP_RUN_FOOTNOTE, style, NULL);
    struct rp_run *run = &b->runs[b->count - 1];
    run->runs = nb.runs;
    run->run_count = nb.count;
    run->plain = join_runs(b->arena, nb.runs, nb.count);
}

static void walk_inline(struct run_builder *b, const struct rp_xnode *node, unsigned style)
{
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (!c->name) {
            append_chars(b, c->text);
            continue;
        }
        if (strcmp(c->name, "footnote") == 0) /* its mark sits right after the word before it */
            b->pending_space = 0;
        flush_run(b, RP_RUN_TEXT, style, NULL);
        unsigned inner = strcmp(c->name, "em") == 0       ? RP_STYLE_EM
                         : strcmp(c->name, "strong") == 0 ? RP_STYLE_STRONG
                         : strcmp(c->name, "sup") == 0    ? RP_STYLE_SUP
                                                          : 0;
        if (inner) {
            walk_inline(b, c, style | inner);
            flush_run(b, RP_RUN_TEXT, style | inner, NULL);
        } else if (strcmp(c->name, "link") == 0) {
            walk_inline(b, c, style);
            flush_run(b, RP_RUN_LINK, style, read_href(b->reader, c));
        } else if (strcmp(c->name, "placeholder") == 0) {
            walk_inline(b, c, style);
            note_placeholder(b->reader, c, b->buf ? b->buf : "", b->len);
            flush_run(b, RP_RUN_PLACEHOLDER, style, NULL);
        } else if (strcmp(c->name, "footnote") == 0) {
            read_footnote(b, c, style);
        }
        flush_run(b, RP_RUN_TEXT, style, NULL);
    }
}

/* Records the characters of `s` that the check must ask the installed fonts about: above
 * Cyrillic (U+0590 on), but for the general punctuation and the variation selectors, which
 * the document's faces draw or which draw nothing. */
static void note_rare_chars(struct rp_reader *r, const struct rp_xnode *node, const char *s)
{
    for (const char *q = s, *end = s + strlen(s); q < end;) {
        if ((unsigned char)*q < 0xD6) {
            q++;
            continue;
        }
        uint32_t cp = rp_utf8_next(&q, end);
        if (cp < 0x0590 || (cp >= 0x2000 && cp < 0x2070) || (cp >= 0xFE00 && cp < 0xFE10) ||
            cp == 0xFEFF)
            continue;
        size_t i = 0;
        while (i < r->rare_char_count && r->rare_chars[i].cp != cp)
            i++;
        if (i < r->rare_char_count || i == RP_RARE_CHARS_MAX)
            continue;
        if (!r->rare_chars)
            r->rare_chars = rp_arena_array(r->arena, RP_RARE_CHARS_MAX, sizeof *r->rare_chars);
        r->rare_chars[r->rare_char_count++] = (struct rp_char_use){node->loc, cp};
    }
}

struct rp_text rp_read_text(struct rp_reader *r, const struct rp_xnode *node)
{
    struct rp_text t = {0};
    struct run_builder b = {.reader = r, .arena = r->arena, .at_start = 1};
    walk_inline(&b, node, 0);
    b.pending_space = 0; /* trailing whitespace is dropped */
    flush_run(&b, RP_RUN_TEXT, 0, NULL);
    free(b.buf);
    t.runs = b.runs;
    t.run_count = b.count;
    const char *lang = rp_xnode_attr(node, "xml:lang");
    t.lang = lang ? rp_arena_strdup(r->arena, lang) : r->lang;
    t.loc = node->loc;
    t.plain = join_runs(r->arena, t.runs, t.run_count);
    note_rare_chars(r, node, t.plain);
    for (size_t i = 0; i < t.run_count; i++)
        if (t.runs[i].plain)
            note_rare_chars(r, node, t.runs[i].plain);
    t.amendment = rp_read_str(r, node, "amended-by");
    RP_READ_ENUM(t.change, r, node, "change", rp_change_name, RP_CHANGE__MAX, RP_CHANGE_NONE);
    return t;
}

bool rp_text_removed(const struct rp_xnode *node)
{
    const char *change = rp_xnode_attr(node, "change");
    return change && (strcmp(change, "removed") == 0 || strcmp(change, "replaced") == 0);
}

size_t rp_xcount_shown(const struct rp_xnode *node, const char *name)
{
    size_t n = 0;
    RP_XEACH (c, node, name)
        n += !rp_text_removed(c);
    return n;
}

/* The one place the consolidated text is made: a text an amendment removed or replaced
 * never reaches the model's texts, so no builder has to know about amendments. */
struct rp_texts rp_read_texts(struct rp_reader *r, const struct rp_xnode *node, const char *name)
{
    struct rp_texts ts = {0};
    ts.items = rp_arena_array(r->arena, rp_xcount_shown(node, name), sizeof *ts.items);
    RP_XEACH (c, node, name)
        if (!rp_text_removed(c))
            ts.items[ts.count++] = rp_read_text(r, c);
    return ts;
}

struct rp_texts rp_read_variants(struct rp_reader *r, const struct rp_xnode *node, const char *name)
{
    struct rp_texts ts = rp_read_texts(r, node, name);
    for (size_t i = 1; i < ts.count; i++)
        for (size_t k = 0; k < i; k++) {
            if (!rp_lang_same(ts.items[i].lang, ts.items[k].lang))
                continue;
            const struct rp_loc *at = &ts.items[i].loc;
            rp_diag_add(r->diags, RP_ERROR, at->file, at->line, at->col,
                        "<%s> given twice in language '%s' (first at line %ld): one <%s> per "
                        "language",
                        name, ts.items[i].lang, ts.items[k].loc.line, name);
            break;
        }
    return ts;
}

/* ---------------------------------------------------------------- attributes */

struct rp_refs rp_read_refs(struct rp_reader *r, const struct rp_xnode *node, const char *attr)
{
    struct rp_refs refs = {0};
    refs.loc = node->loc;
    const char *v = rp_xnode_attr(node, attr);
    if (!v)
        return refs;
    size_t n = 0;
    for (const char *p = v; *p;) {
        while (*p && is_xml_space(*p))
            p++;
        if (*p)
            n++;
        while (*p && !is_xml_space(*p))
            p++;
    }
    refs.ids = rp_arena_array(r->arena, n, sizeof *refs.ids);
    for (const char *p = v; *p;) {
        while (*p && is_xml_space(*p))
            p++;
        const char *start = p;
        while (*p && !is_xml_space(*p))
            p++;
        if (p > start)
            refs.ids[refs.count++] = rp_arena_strndup(r->arena, start, (size_t)(p - start));
    }
    return refs;
}

const char *rp_read_str(struct rp_reader *r, const struct rp_xnode *node, const char *attr)
{
    return rp_arena_strdup(r->arena, rp_xnode_attr(node, attr));
}

/* The digits from the first non-zero one to the last non-zero one, the decimal point
 * skipped: "0.0125" has 3, "120000" has 2, "1234567890.123456" has 16. */
static size_t significant_digits(const char *s)
{
    bool seen = false;
    size_t since_first = 0, count = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        seen |= *p != '0';
        if (seen)
            since_first++;
        if (*p != '0')
            count = since_first;
    }
    return count;
}

const char *rp_number_refusal(const char *s)
{
    char *end;
    if (s && *s && (strtod(s, &end), end != s) && significant_digits(s) > RP_NUMBER_DIGITS)
        return "has more than 15 significant digits, more than rapport can print exactly";
    return "is not a number";
}

bool rp_parse_number(const char *s, double *out)
{
    if (!s || !*s || significant_digits(s) > RP_NUMBER_DIGITS)
        return false;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    while (*end && is_xml_space(*end))
        end++;
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    *out = v == 0 ? 0 : v; /* "-0" is 0 */
    return true;
}

static void bad_number(struct rp_reader *r, const struct rp_xnode *node, const char *attr,
                       const char *v)
{
    rp_diag_add(r->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                "attribute %s: '%s' %s", attr, v, rp_number_refusal(v));
}

double rp_read_num(struct rp_reader *r, const struct rp_xnode *node, const char *attr,
                   double fallback)
{
    const char *v = rp_xnode_attr(node, attr);
    double d;
    if (!v)
        return fallback;
    if (!rp_parse_number(v, &d)) {
        bad_number(r, node, attr, v);
        return fallback;
    }
    return d;
}

struct rp_opt_num rp_read_opt_num(struct rp_reader *r, const struct rp_xnode *node,
                                  const char *attr)
{
    struct rp_opt_num n = {false, 0};
    const char *v = rp_xnode_attr(node, attr);
    if (v) {
        if (rp_parse_number(v, &n.value))
            n.present = true;
        else
            bad_number(r, node, attr, v);
    }
    return n;
}

long rp_read_long(struct rp_reader *r, const struct rp_xnode *node, const char *attr, long fallback)
{
    double d = rp_read_num(r, node, attr, (double)fallback);
    if (d < -1e15 || d > 1e15 || d != (double)(long)d) {
        bad_number(r, node, attr, rp_xnode_attr(node, attr));
        return fallback;
    }
    return (long)d;
}

bool rp_read_bool(const struct rp_xnode *node, const char *attr, bool fallback)
{
    const char *v = rp_xnode_attr(node, attr);
    if (!v)
        return fallback;
    return strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* The schema checks the shape (day 01-31, month 01-12); the calendar is checked here so that
 * 2023-02-29 is a located error at check time rather than a rendering failure. */
struct rp_date rp_read_date(struct rp_reader *r, const struct rp_xnode *node, const char *attr)
{
    struct rp_date d = {0, 0, 0};
    const char *v = rp_xnode_attr(node, attr);
    if (v && sscanf(v, "%4d-%2d-%2d", &d.year, &d.month, &d.day) < 1)
        d.year = 0;
    bool bad_month = d.month < 0 || d.month > 12;
    if (v && (bad_month || d.day < 0 || (d.day > 0 && d.day > days_in_month(d.year, d.month)))) {
        if (bad_month || d.day > 31 || d.day < 0)
            rp_diag_add(r->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                        "attribute %s: '%s' is not a calendar date", attr, v);
        else
            rp_diag_add(r->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                        "attribute %s: '%s' is not a calendar date (%04d-%02d has %d days)", attr,
                        v, d.year, d.month, days_in_month(d.year, d.month));
        d.month = d.day = 0;
    }
    return d;
}

/* ---------------------------------------------------------------- shared composites */

void rp_read_organisation(struct rp_reader *r, const struct rp_xnode *node,
                          struct rp_organisation *org)
{
    org->id = rp_read_str(r, node, "id");
    org->loc = node->loc;
    RP_READ_ENUM(org->kind, r, node, "kind", rp_org_kind_name, RP_ORG_KIND__MAX, RP_ORG_OTHER);
    org->name = rp_read_variants(r, node, "name");
    org->short_name = rp_read_variants(r, node, "short-name");
    org->abbr = rp_read_variants(r, node, "abbr");
    org->slogan = rp_read_variants(r, node, "slogan");
    org->unit_count = rp_xcount(node, "unit");
    org->units = rp_arena_array(r->arena, org->unit_count, sizeof *org->units);
    size_t i = 0;
    RP_XEACH (u, node, "unit") {
        struct rp_unit *unit = &org->units[i++];
        unit->id = rp_read_str(r, u, "id");
        unit->loc = u->loc;
        RP_READ_ENUM(unit->kind, r, u, "kind", rp_unit_kind_name, RP_UNIT_KIND__MAX,
                     RP_UNIT_SERVICE);
        unit->parent = rp_read_str(r, u, "parent");
        unit->name = rp_read_variants(r, u, "name");
        unit->abbr = rp_read_variants(r, u, "abbr");
        unit->text = rp_read_texts(r, u, "text");
        struct rp_texts aliases = rp_read_texts(r, u, "alias");
        unit->alias_count = aliases.count;
        unit->aliases = rp_arena_array(r->arena, aliases.count, sizeof *unit->aliases);
        for (size_t k = 0; k < aliases.count; k++)
            unit->aliases[k] = aliases.items[k].plain;
    }
}

struct rp_key_figures *rp_read_key_figures(struct rp_reader *r, const struct rp_xnode *node)
{
    struct rp_key_figures *kf = rp_arena_alloc(r->arena, sizeof *kf);
    kf->id = rp_read_str(r, node, "id");
    kf->loc = node->loc;
    kf->title = rp_read_variants(r, node, "title");
    kf->figure_count = rp_xcount(node, "figure");
    kf->figures = rp_arena_array(r->arena, kf->figure_count, sizeof *kf->figures);
    size_t i = 0;
    RP_XEACH (f, node, "figure") {
        struct rp_figure *fig = &kf->figures[i++];
        fig->id = rp_read_str(r, f, "id");
        fig->loc = f->loc;
        fig->value = rp_read_num(r, f, "value", 0);
        fig->unit = rp_read_str(r, f, "unit");
        if (!fig->unit)
            fig->unit = "count";
        fig->scale = rp_read_long(r, f, "scale", 1);
        RP_READ_ENUM(fig->qualifier, r, f, "qualifier", rp_qualifier_name, RP_QUAL__MAX,
                     RP_QUAL_EXACT);
        fig->raw = rp_read_str(r, f, "raw");
        fig->relates_to = rp_read_refs(r, f, "relates-to");
        fig->label = rp_read_variants(r, f, "label");
        fig->comment = rp_read_texts(r, f, "comment");
    }
    return kf;
}

/* A paragraph an amendment removed is no block of the consolidated text. */
static bool is_block(const struct rp_xnode *node)
{
    static const char *const blocks[] = {"p", "list", "key-figures", "section", "figure"};
    for (size_t i = 0; node->name && i < sizeof blocks / sizeof *blocks; i++)
        if (strcmp(node->name, blocks[i]) == 0)
            return !rp_text_removed(node);
    return false;
}

/* The language of a list item: its own xml:lang, else its list's, else the document's. */
static const char *item_lang(const struct rp_reader *r, const struct rp_xnode *list,
                             const struct rp_xnode *item)
{
    const char *lang = rp_xnode_attr(item, "xml:lang");
    if (!lang)
        lang = rp_xnode_attr(list, "xml:lang");
    return lang ? lang : r->lang;
}

/* The distinct languages of a list's items, in order of first appearance. A list translated
 * item by item (each <item xml:lang="nl"> after the item it translates) is read as one list
 * block per language, since the builders choose a section's blocks by language as they do its
 * paragraphs. Writes at most `cap` languages to `langs` (when not NULL); returns the count. */
static size_t list_langs(const struct rp_reader *r, const struct rp_xnode *list, const char **langs,
                         size_t cap)
{
    size_t n = 0;
    RP_XEACH (item, list, "item") {
        if (rp_text_removed(item))
            continue;
        const char *lang = item_lang(r, list, item);
        bool seen = false;
        RP_XEACH (prev, list, "item") {
            if (prev == item)
                break;
            seen |= !rp_text_removed(prev) && strcmp(item_lang(r, list, prev), lang) == 0;
        }
        if (seen)
            continue;
        if (langs && n < cap)
            langs[n] = lang;
        n++;
    }
    return n ? n : 1;
}

static size_t count_blocks(const struct rp_reader *r, const struct rp_xnode *node)
{
    size_t n = 0;
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (c->name && strcmp(c->name, "list") == 0)
            n += list_langs(r, c, NULL, 0);
        else
            n += is_block(c);
    }
    return n;
}

/* Reads a <list> into one block per language of its items; returns the number of blocks. */
static size_t read_lists(struct rp_reader *r, const struct rp_xnode *c, struct rp_block *out)
{
    size_t count = list_langs(r, c, NULL, 0);
    const char **langs = rp_arena_array(r->arena, count, sizeof *langs);
    struct rp_reader local = *r;
    const char *lang = rp_xnode_attr(c, "xml:lang");
    if (lang)
        local.lang = rp_arena_strdup(r->arena, lang);
    langs[0] = local.lang; /* an empty list keeps the list's language */
    list_langs(r, c, langs, count);
    struct rp_texts items = rp_read_texts(&local, c, "item");
    for (size_t k = 0; k < count; k++) {
        struct rp_block *b = &out[k];
        b->loc = c->loc;
        b->kind = RP_BLOCK_LIST;
        b->ordered = rp_read_bool(c, "ordered", false);
        b->list_lang = rp_arena_strdup(r->arena, langs[k]);
        b->list_items.items = rp_arena_array(r->arena, items.count, sizeof *items.items);
        for (size_t i = 0; i < items.count; i++)
            if (strcmp(items.items[i].lang, langs[k]) == 0)
                b->list_items.items[b->list_items.count++] = items.items[i];
    }
    return count;
}

static void read_block(struct rp_reader *r, const struct rp_xnode *c, struct rp_block *b)
{
    b->loc = c->loc;
    if (strcmp(c->name, "p") == 0) {
        b->kind = RP_BLOCK_PARAGRAPH;
        b->paragraph = rp_read_text(r, c);
    } else if (strcmp(c->name, "key-figures") == 0) {
        b->kind = RP_BLOCK_KEY_FIGURES;
        b->figures = rp_read_key_figures(r, c);
    } else if (strcmp(c->name, "section") == 0) {
        b->kind = RP_BLOCK_SECTION;
        b->section = rp_arena_alloc(r->arena, sizeof *b->section);
        rp_read_section(r, c, b->section);
    } else {
        b->kind = RP_BLOCK_MEDIA;
        RP_READ_ENUM(b->media.kind, r, c, "kind", rp_media_kind_name, RP_MEDIA_KIND__MAX,
                     RP_MEDIA_PHOTO);
        b->media.href = read_href(r, c);
        b->media.missing = rp_read_bool(c, "missing", false);
        b->media.caption = rp_read_variants(r, c, "caption");
    }
}

void rp_read_section(struct rp_reader *r, const struct rp_xnode *node, struct rp_section *s)
{
    s->id = rp_read_str(r, node, "id");
    s->loc = node->loc;
    RP_READ_ENUM(s->role, r, node, "role", rp_section_role_name, RP_SECTION_ROLE__MAX,
                 RP_SECTION_BODY);
    s->signed_by = rp_read_variants(r, node, "signed-by");
    s->relates_to = rp_read_refs(r, node, "relates-to");
    s->title = rp_read_variants(r, node, "title");
    s->teaser = rp_read_variants(r, node, "teaser");
    s->lead = rp_read_texts(r, node, "lead");
    s->block_count = count_blocks(r, node);
    s->blocks = rp_arena_array(r->arena, s->block_count, sizeof *s->blocks);
    size_t k = 0;
    for (size_t i = 0; i < node->child_count && k < s->block_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (c->name && strcmp(c->name, "list") == 0)
            k += read_lists(r, c, &s->blocks[k]);
        else if (is_block(c))
            read_block(r, c, &s->blocks[k++]);
    }
}

void rp_read_all_key_figures(struct rp_reader *r, const struct rp_xnode *node,
                             struct rp_key_figures **out, size_t *count)
{
    *count = rp_xcount(node, "key-figures");
    *out = rp_arena_array(r->arena, *count, sizeof **out);
    size_t i = 0;
    RP_XEACH (c, node, "key-figures")
        (*out)[i++] = *rp_read_key_figures(r, c);
}

void rp_read_all_sections(struct rp_reader *r, const struct rp_xnode *node, struct rp_section **out,
                          size_t *count)
{
    *count = rp_xcount(node, "section");
    *out = rp_arena_array(r->arena, *count, sizeof **out);
    size_t i = 0;
    RP_XEACH (c, node, "section")
        rp_read_section(r, c, &(*out)[i++]);
}

struct rp_translations rp_read_translations(struct rp_reader *r, const struct rp_xnode *node)
{
    struct rp_translations t = {0};
    t.count = rp_xcount(node, "translation");
    t.items = rp_arena_array(r->arena, t.count, sizeof *t.items);
    size_t i = 0;
    RP_XEACH (c, node, "translation") {
        struct rp_translation *tr = &t.items[i++];
        tr->lang = rp_read_str(r, c, "lang");
        tr->official = strcmp(rp_read_str(r, c, "status"), "official") == 0;
        tr->loc = c->loc;
    }
    return t;
}
