/* The build context and the small formatting helpers every part of the two documents uses. */
#include "compose/amendments.h"
#include "compose/report.h"

#include "templates/templates.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void rp_report_init(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                    const char *lang, enum rp_edition edition, const char *source)
{
    memset(r, 0, sizeof *r);
    r->t = t;
    r->lang = rp_lang_from_code(lang);
    if (r->lang == RP_LANG__MAX)
        r->lang = RP_LANG_FR; /* the editions are French and Dutch; French first */
    r->code = rp_lang_code(r->lang);
    r->source = source && *source ? source : r->code;
    r->doc = rp_doc_new(arena);
    struct rp_doc *doc = r->doc;
    doc->lang = r->code;
    doc->labels.contents = rp_report_l(r, "doc.contents");
    doc->labels.continued = rp_report_l(r, "doc.continued");
    doc->labels.page = rp_report_l(r, "doc.page");
    doc->labels.sample = rp_report_l(r, "doc.sample");
    doc->labels.edition = rp_report_l(r, "doc.edition");
    r->edition = doc->edition = edition;
    if (edition == RP_EDITION_REVIEW)
        doc->labels.draft = rp_report_l(r, "doc.draft");
}

/* A key the catalogues lack comes out as itself (the golden tests catch it); a key built in
 * a caller's buffer must then outlive it. */
static const char *label_or_key(const struct rp_report *r, const char *key, const char *text)
{
    return text == key ? rp_doc_str(r->doc, key) : text;
}

const char *rp_report_l(const struct rp_report *r, const char *key)
{
    return label_or_key(r, key, rp_label(r->t, r->lang, key));
}

const char *rp_report_lf(const struct rp_report *r, const char *key, const char *a1, const char *a2,
                         const char *a3)
{
    return rp_label_fill(r->t, r->doc->arena, r->lang, key, a1, a2, a3);
}

const char *rp_report_lc(const struct rp_report *r, const char *key, size_t n, const char *a1,
                         const char *a2, const char *a3)
{
    return rp_label_count(r->t, r->doc->arena, r->lang, key, n, a1, a2, a3);
}

/* A byte no label and no model text holds: it marks the slot in the filled label. */
#define SLOT_MARK "\x1e"

void rp_report_lf_spans(struct rp_report *r, struct rp_spans *spans, unsigned style,
                        const char *key, const char *text, const char *lang, const char *after)
{
    text = text ? text : "";
    after = after ? after : "";
    const char *filled = rp_report_lf(r, key, SLOT_MARK, NULL, NULL);
    const char *at = strstr(filled, SLOT_MARK);
    if (!at || strstr(at + 1, SLOT_MARK) || !lang) { /* a label using the slot twice: one span */
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, style,
                     rp_report_lf(r, key, rp_doc_printf(r->doc, "%s%s", text, after), NULL, NULL),
                     NULL);
        return;
    }
    if (at > filled)
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, style,
                     rp_doc_printf(r->doc, "%.*s", (int)(at - filled), filled), NULL);
    rp_report_add_plain(r, spans, style, text, lang);
    if (*after || at[1])
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, style,
                     rp_doc_printf(r->doc, "%s%s", after, at + 1), NULL);
}

bool rp_report_has_label(const struct rp_report *r, const char *key)
{
    return rp_label_exists(r->t, RP_LANG_FR, key);
}

const char *rp_report_colon(const struct rp_report *r)
{
    return r->lang == RP_LANG_FR ? RP_NBSP ": " : ": ";
}

const char *rp_report_semicolon(const struct rp_report *r)
{
    return r->lang == RP_LANG_FR ? RP_NBSP "; " : "; ";
}

/* ---------------------------------------------------------------- choosing the language */

void rp_report_tally(const struct rp_report *r, struct rp_lang_tally *tally, const char *lang)
{
    if (!lang)
        return;
    tally->total++;
    if (!tally->first)
        tally->first = lang;
    if (rp_lang_same(lang, r->code)) {
        tally->edition++;
        tally->edition_lang = tally->edition_lang ? tally->edition_lang : lang;
    } else if (rp_lang_same(lang, r->source)) {
        tally->source++;
        tally->source_lang = tally->source_lang ? tally->source_lang : lang;
    }
}

/* The rule, without counting: the edition's items when it has at least as many as the
 * source (a full translation); else the source's, all of them, rather than a partial
 * translation that would silently drop paragraphs; else the first item's language. */
static const char *decide(const struct rp_lang_tally *t, bool *partial)
{
    *partial = false;
    if (t->total == 0)
        return NULL;
    if (t->edition > 0 && t->edition >= t->source)
        return t->edition_lang;
    *partial = t->edition > 0;
    return t->source ? t->source_lang : t->first;
}

const char *rp_report_choose(struct rp_report *r, const struct rp_lang_tally *tally)
{
    bool partial;
    const char *lang = decide(tally, &partial);
    if (!lang)
        return NULL;
    r->doc->coverage.shown++;
    if (!rp_lang_same(lang, r->code)) {
        r->doc->coverage.fallback++;
        r->doc->coverage.partial += partial;
        r->fell_back = true;
    }
    return lang;
}

static void tally_texts(const struct rp_report *r, const struct rp_texts *texts,
                        struct rp_lang_tally *tally)
{
    memset(tally, 0, sizeof *tally);
    for (size_t i = 0; texts && i < texts->count; i++)
        rp_report_tally(r, tally, texts->items[i].lang);
}

const char *rp_report_text_lang(struct rp_report *r, const struct rp_texts *texts)
{
    struct rp_lang_tally tally;
    tally_texts(r, texts, &tally);
    return rp_report_choose(r, &tally);
}

const char *rp_report_peek_lang(const struct rp_report *r, const struct rp_texts *texts)
{
    struct rp_lang_tally tally;
    bool partial;
    tally_texts(r, texts, &tally);
    return decide(&tally, &partial);
}

bool rp_report_in(const struct rp_text *text, const char *lang)
{
    return text && lang && rp_lang_same(text->lang, lang);
}

static const struct rp_text *first_in(const struct rp_texts *texts, const char *lang)
{
    for (size_t i = 0; lang && i < texts->count; i++)
        if (rp_report_in(&texts->items[i], lang))
            return &texts->items[i];
    return NULL;
}

const struct rp_text *rp_report_pick(struct rp_report *r, const struct rp_texts *texts)
{
    return first_in(texts, rp_report_text_lang(r, texts));
}

const struct rp_text *rp_report_peek(const struct rp_report *r, const struct rp_texts *texts)
{
    return first_in(texts, rp_report_peek_lang(r, texts));
}

const char *rp_report_lang_of(const struct rp_report *r, const char *lang)
{
    return rp_doc_lang(r->doc, lang);
}

const char *rp_report_one(struct rp_report *r, const char *lang)
{
    struct rp_lang_tally tally = {0};
    rp_report_tally(r, &tally, lang ? lang : r->source);
    return rp_doc_lang(r->doc, rp_report_choose(r, &tally));
}

/* Superscript digits that every Latin-1 font has. */
static const char *superscript(char c)
{
    switch (c) {
    case '1':
        return "\xc2\xb9";
    case '2':
        return "\xc2\xb2";
    case '3':
        return "\xc2\xb3";
    default:
        return NULL;
    }
}

const char *rp_report_plain(struct rp_report *r, const struct rp_texts *texts)
{
    return rp_report_plain_in(r, texts, NULL);
}

const char *rp_report_plain_in(struct rp_report *r, const struct rp_texts *texts, const char **lang)
{
    const struct rp_text *t = rp_report_pick(r, texts);
    if (lang)
        *lang = t ? rp_doc_lang(r->doc, t->lang) : NULL;
    if (!t)
        return "";
    size_t n = 0;
    for (size_t i = 0; i < t->run_count; i++)
        n += strlen(t->runs[i].text) * 2;
    char *out = rp_arena_alloc(r->doc->arena, n + 1), *p = out;
    for (size_t i = 0; i < t->run_count; i++)
        for (const char *s = t->runs[i].text; *s; s++) {
            const char *sup = t->runs[i].style & RP_STYLE_SUP ? superscript(*s) : NULL;
            if (sup) {
                memcpy(p, sup, 2);
                p += 2;
            } else
                *p++ = *s;
        }
    *p = '\0';
    /* The loader joins runs verbatim; collapse the whitespace it leaves between them. */
    char *w = out;
    for (char *c = out; *c; c++)
        if (!((*c == ' ' || *c == '\n' || *c == '\t') && (w == out || w[-1] == ' ')))
            *w++ = (*c == '\n' || *c == '\t') ? ' ' : *c;
    while (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    return out;
}

const char *rp_report_text(struct rp_report *r, const struct rp_texts *texts, const char *sep)
{
    return rp_report_text_in(r, texts, sep, NULL);
}

const char *rp_report_text_in(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                              const char **shown)
{
    const char *lang = rp_report_text_lang(r, texts);
    if (shown)
        *shown = rp_doc_lang(r->doc, lang);
    if (!lang)
        return "";
    size_t len = 1, seplen = strlen(sep);
    for (size_t i = 0; i < texts->count; i++)
        if (rp_report_in(&texts->items[i], lang))
            len += strlen(texts->items[i].plain) + seplen;
    char *out = rp_arena_alloc(r->doc->arena, len);
    char *o = out;
    bool first = true;
    for (size_t i = 0; i < texts->count; i++) {
        if (!rp_report_in(&texts->items[i], lang))
            continue;
        if (!first) {
            memcpy(o, sep, seplen);
            o += seplen;
        }
        size_t n = strlen(texts->items[i].plain);
        memcpy(o, texts->items[i].plain, n);
        o += n;
        first = false;
    }
    *o = '\0';
    return out;
}

void rp_report_cell(struct rp_report *r, struct rp_node *table, size_t row, size_t col,
                    const struct rp_texts *texts, const char *detail, unsigned flags)
{
    const char *lang;
    const char *text = rp_report_text_in(r, texts, " ", &lang);
    rp_doc_table_cell(r->doc, table, row, col, text, detail, flags);
    rp_doc_cell_lang(r->doc, table, row, col, lang);
}

/* A footnote's number in superscript where its mark is; its text waits in r->footnotes for
 * the end of the section (rp_report_footnotes). */
static void add_footnote(struct rp_report *r, struct rp_spans *spans, const struct rp_run *run,
                         const char *lang)
{
    if (r->footnote_count == r->footnote_cap) {
        r->footnote_cap = r->footnote_cap ? r->footnote_cap * 2 : 8;
        struct rp_report_footnote *grown =
            rp_arena_array(r->doc->arena, r->footnote_cap, sizeof *grown);
        if (r->footnote_count)
            memcpy(grown, r->footnotes, r->footnote_count * sizeof *grown);
        r->footnotes = grown;
    }
    const char *mark = rp_doc_printf(r->doc, "%d", ++r->footnote_number);
    r->footnotes[r->footnote_count++] = (struct rp_report_footnote){mark, run, lang};
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, RP_SPAN_SUP, mark, NULL);
}

static void add_run_spans(struct rp_report *r, struct rp_spans *spans, const struct rp_run *runs,
                          size_t count, const char *lang)
{
    for (size_t i = 0; i < count; i++) {
        const struct rp_run *run = &runs[i];
        if (run->kind == RP_RUN_FOOTNOTE) {
            add_footnote(r, spans, run, lang);
            continue;
        }
        unsigned style = 0;
        style |= (run->style & RP_STYLE_EM) ? RP_SPAN_EM : 0;
        style |= (run->style & RP_STYLE_STRONG) ? RP_SPAN_STRONG : 0;
        style |= (run->style & RP_STYLE_SUP) ? RP_SPAN_SUP : 0;
        enum rp_span_kind kind = run->kind == RP_RUN_LINK          ? RP_SPAN_LINK
                                 : run->kind == RP_RUN_PLACEHOLDER ? RP_SPAN_PLACEHOLDER
                                                                   : RP_SPAN_TEXT;
        rp_spans_add(r->doc, spans, kind, style, run->text,
                     kind == RP_SPAN_LINK ? run->href : NULL);
    }
}

void rp_report_add_runs(struct rp_report *r, struct rp_spans *spans, const struct rp_text *text)
{
    if (!text)
        return;
    size_t from = spans->count;
    add_run_spans(r, spans, text->runs, text->run_count, text->lang);
    if (text->run_count == 0 && text->plain && *text->plain)
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, text->plain, NULL);
    rp_spans_lang(r->doc, spans, from, text->lang);
    rp_report_amendment_mark(r, spans, text);
}

void rp_report_footnotes_from(struct rp_report *r, size_t from, struct rp_nodes *into)
{
    size_t count = r->footnote_count;
    r->footnote_count = from < count ? from : count; /* taken first: notes hold no note */
    for (size_t i = r->footnote_count; i < count; i++) {
        const struct rp_report_footnote *f = &r->footnotes[i];
        struct rp_node *n = rp_doc_add_note(r->doc, into, f->mark, NULL);
        add_run_spans(r, &n->u.note.text, f->run->runs, f->run->run_count, f->lang);
        rp_spans_lang(r->doc, &n->u.note.text, 0, f->lang);
    }
}

void rp_report_footnotes(struct rp_report *r, struct rp_nodes *into)
{
    rp_report_footnotes_from(r, 0, into);
}

void rp_report_add_plain(struct rp_report *r, struct rp_spans *spans, unsigned style,
                         const char *text, const char *lang)
{
    if (!text || !*text)
        return;
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, style, text, NULL);
    rp_spans_lang(r->doc, spans, spans->count - 1, lang);
}

void rp_report_paragraphs(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *texts,
                          enum rp_para_style style)
{
    const char *lang = rp_report_text_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++) {
        if (!rp_report_in(&texts->items[i], lang))
            continue;
        struct rp_node *p = rp_doc_add_paragraph(r->doc, into, style, NULL);
        rp_report_add_runs(r, &p->u.paragraph.text, &texts->items[i]);
    }
}

struct rp_node *rp_report_section(struct rp_report *r, struct rp_nodes *into, int level,
                                  const char *number, const struct rp_texts *title)
{
    struct rp_node *s = rp_doc_add_section(r->doc, into, level, number, NULL);
    rp_report_add_runs(r, &s->u.section.title, rp_report_pick(r, title));
    return s;
}

void rp_report_table_note(struct rp_report *r, struct rp_node *table, const char *label,
                          const char *text)
{
    rp_report_table_note_in(r, table, label, text, NULL);
}

void rp_report_table_note_in(struct rp_report *r, struct rp_node *table, const char *label,
                             const char *text, const char *lang)
{
    if (!label || strlen(label) <= 3) {
        struct rp_spans *s = rp_doc_table_note(r->doc, table, label, text);
        rp_spans_lang(r->doc, s, 0, lang);
        return;
    }
    struct rp_spans *s = rp_doc_table_note(r->doc, table, NULL, NULL);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG, label, NULL);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, 0, rp_doc_printf(r->doc, " %s", text), NULL);
    rp_spans_lang(r->doc, s, 1, lang);
}

void rp_report_note_texts(struct rp_report *r, struct rp_node *table, const char *label,
                          const struct rp_texts *texts)
{
    const char *lang;
    const char *text = rp_report_text_in(r, texts, " ", &lang);
    rp_report_table_note_in(r, table, label, text, lang);
}

bool rp_report_has_placeholder(const struct rp_text *text)
{
    for (size_t i = 0; text && i < text->run_count; i++)
        if (text->runs[i].kind == RP_RUN_PLACEHOLDER)
            return true;
    return false;
}

const char *rp_report_num(const struct rp_report *r, double value, int decimals)
{
    char buf[64];
    rp_fmt_number(buf, sizeof buf, value, decimals, r->lang);
    return rp_doc_str(r->doc, buf);
}

int rp_report_decimals(double value)
{
    double scale = 1;
    for (int d = 0; d < 3; d++, scale *= 10) {
        double x = value * scale;
        if (fabs(x - round(x)) < 1e-9 * (fabs(x) + 1))
            return d;
    }
    return 3;
}

const char *rp_report_num_auto(const struct rp_report *r, double value)
{
    return rp_report_num(r, value, rp_report_decimals(value));
}

const char *rp_report_percent(const struct rp_report *r, double value, int decimals)
{
    char buf[64];
    rp_fmt_percent(buf, sizeof buf, value, decimals, r->lang);
    return rp_doc_str(r->doc, buf);
}

const char *rp_report_date(const struct rp_report *r, const struct rp_date *date)
{
    char buf[64];
    rp_fmt_date(buf, sizeof buf, date->year, date->month, date->day, r->lang);
    return rp_doc_str(r->doc, buf);
}

const char *rp_report_progress_word(const struct rp_report *r, int status)
{
    static const char *const keys[RP_PROGRESS_SLOTS] = {
        "progress.not-started", "progress.on-track",  "progress.late",
        "progress.done",        "progress.cancelled", "progress.unreported",
    };
    return rp_report_l(r, status >= 0 && status < RP_PROGRESS_SLOTS ? keys[status]
                                                                    : "progress.unreported");
}

const char *rp_report_status_symbol(enum rp_indicator_status status)
{
    /* Shapes that differ in outline, not only in fill, so that they stay apart in grey and
     * at small sizes, all in the default font (Liberation Sans): a filled circle for met, a
     * filled and an empty one for partly met (half-circle glyphs lack their outline), a
     * falling triangle for not met, squares for deliverables, a dash for no value, a lozenge
     * for no norm. */
    static const char *const symbols[RP_IND_STATUS__MAX] = {
        "\xe2\x97\x8f",             /* ● met */
        "\xe2\x97\x8f\xe2\x97\x8b", /* ●○ partially met */
        "\xe2\x96\xbc",             /* ▼ not met */
        "\xe2\x96\xa0",             /* ■ delivered */
        "\xe2\x96\xa1",             /* □ not delivered */
        "\xe2\x80\x93",             /* – not measured */
        "\xe2\x97\x8a",             /* ◊ norm not yet defined */
    };
    return (unsigned)status < RP_IND_STATUS__MAX ? symbols[status] : "?";
}

const char *rp_report_status_word(const struct rp_report *r, enum rp_indicator_status status)
{
    char key[64];
    snprintf(key, sizeof key, "ind.%s", rp_indicator_status_name(status));
    return rp_report_l(r, key);
}

unsigned rp_report_status_tone(enum rp_indicator_status s)
{
    switch (s) {
    case RP_IND_MET:
    case RP_IND_DELIVERED:
        return RP_CELL_GOOD;
    case RP_IND_PARTIAL:
        return RP_CELL_WARN;
    case RP_IND_NOT_MET:
    case RP_IND_NOT_DELIVERED:
        return RP_CELL_BAD;
    default:
        return 0;
    }
}

const char *rp_report_status_label(const struct rp_report *r, enum rp_indicator_status s)
{
    return rp_doc_printf(r->doc, "%s %s", rp_report_status_symbol(s), rp_report_status_word(r, s));
}

static const struct rp_unit *find_unit(const struct rp_report *r, const char *id)
{
    for (size_t i = 0; r->org && id && i < r->org->unit_count; i++)
        if (strcmp(r->org->units[i].id, id) == 0)
            return &r->org->units[i];
    return NULL;
}

const char *rp_report_unit_name(struct rp_report *r, const char *id)
{
    return rp_report_unit_name_in(r, id, NULL);
}

const char *rp_report_unit_name_in(struct rp_report *r, const char *id, const char **lang)
{
    const struct rp_unit *u = find_unit(r, id);
    if (lang)
        *lang = NULL;
    if (!u)
        return id;
    if (u->abbr.count)
        return rp_report_text_in(r, &u->abbr, " ", lang);
    return rp_report_text_in(r, &u->name, " ", lang);
}

const char *rp_report_owners(struct rp_report *r, const struct rp_refs *owners)
{
    return rp_report_owners_in(r, owners, NULL);
}

const char *rp_report_owners_in(struct rp_report *r, const struct rp_refs *owners,
                                const char **lang)
{
    const char *out = "", *joined = NULL;
    for (size_t i = 0; owners && i < owners->count; i++) {
        const char *one;
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? ", " : "",
                            rp_report_unit_name_in(r, owners->ids[i], &one));
        joined = joined ? joined : one;
    }
    if (lang)
        *lang = joined;
    return out;
}

void rp_report_begin(struct rp_report *r)
{
    rp_doc_add(r->doc, &r->doc->body, RP_NODE_TOC);
}

void rp_report_note_slot(struct rp_report *r, struct rp_nodes *into)
{
    /* The note's wording depends on what the whole document shows: keep its place now and
     * fill it (or drop it) in rp_report_finish(). */
    r->lang_note = rp_doc_add_paragraph(r->doc, into, RP_PARA_REMARK, NULL);
    r->lang_note_parent = into;
}

void rp_report_finish(struct rp_report *r)
{
    rp_report_footnotes(r, &r->doc->body); /* notes no section placed: none is lost */
    rp_doc_merge_notes(r->doc);
    if (!r->lang_note)
        return;
    if (r->fell_back) {
        char key[32];
        snprintf(key, sizeof key, "lang.%s", r->source);
        const char *name = rp_report_has_label(r, key) ? rp_report_l(r, key) : r->source;
        r->lang_note->u.paragraph.text =
            rp_spans_plain(r->doc, rp_report_lf(r, "doc.lang_note", name, NULL, NULL));
        return;
    }
    struct rp_nodes *p = r->lang_note_parent;
    for (size_t i = 0; i < p->count; i++)
        if (p->items[i] == r->lang_note) {
            memmove(&p->items[i], &p->items[i + 1], (p->count - i - 1) * sizeof *p->items);
            p->count--;
            break;
        }
    r->lang_note = NULL;
}

const struct rp_texts *rp_report_org_name(const struct rp_organisation *org)
{
    return org->short_name.count ? &org->short_name : &org->name;
}

void rp_report_cover(struct rp_report *r, const char *title, const char *subtitle,
                     const struct rp_date *date, bool sample)
{
    struct rp_doc *doc = r->doc;
    doc->title = rp_doc_str(doc, title);
    /* A subtitle that repeats the title ("Rapport annuel 2020") says nothing. */
    doc->subtitle =
        subtitle && *subtitle && strcmp(subtitle, title) != 0 ? rp_doc_str(doc, subtitle) : NULL;
    doc->organisation =
        r->org ? rp_report_text_in(r, rp_report_org_name(r->org), " ", &doc->organisation_lang)
               : "";
    doc->subject = doc->subtitle;
    doc->keywords = rp_report_l(r, "doc.keywords");
    if (date) {
        doc->year = date->year;
        doc->month = date->month;
        doc->day = date->day;
    }
    doc->sample = sample;
    doc->labels.edition = rp_report_l(r, sample ? "doc.edition_sample" : "doc.edition");
    /* A translation its authors did not make is labelled as such where readers look first. */
    if ((r->plan && rp_translation_unofficial(&r->plan->translations, r->code)) ||
        (r->eval && rp_translation_unofficial(&r->eval->translations, r->code)))
        doc->labels.edition = rp_report_l(r, "doc.edition_unofficial");
}

void rp_report_keywords(struct rp_report *r, const char *key)
{
    r->doc->keywords = rp_report_l(r, key);
}

const char *rp_report_comm_word(const struct rp_report *r, int status)
{
    static const char *const keys[RP_COMM__MAX + 1] = {
        "comm.planned", "comm.done", "comm.late", "comm.cancelled", "comm.unreported",
    };
    return rp_report_l(r, status >= 0 && status <= RP_COMM__MAX ? keys[status] : "comm.unreported");
}

const struct rp_comm_execution *rp_eval_comm(const struct rp_evaluation *eval, const char *id)
{
    for (size_t i = 0; eval && id && i < eval->comm_count; i++)
        if (strcmp(eval->comm[i].ref, id) == 0)
            return &eval->comm[i];
    return NULL;
}

void rp_report_init_plan(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                         const char *lang, enum rp_edition edition, const struct rp_plan *plan)
{
    rp_report_init(r, t, arena, lang, edition, plan->lang);
    r->plan = plan;
    r->org = &plan->organisation;
}
