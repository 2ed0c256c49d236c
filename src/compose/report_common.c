/* The build context and the small formatting helpers every part of the two documents uses. */
#include "compose/report.h"

#include "templates/templates.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void rp_report_init(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                    const char *lang, const char *source)
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

const char *rp_report_lf(const struct rp_report *r, const char *key, const char *a1,
                         const char *a2, const char *a3)
{
    return rp_label_fill(r->t, r->doc->arena, r->lang, key, a1, a2, a3);
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

const char *rp_report_text_lang(struct rp_report *r, const struct rp_texts *texts)
{
    const struct rp_text *t = rp_texts_pick(texts, r->code, r->source);
    if (t && !rp_lang_same(t->lang, r->code))
        r->fell_back = true;
    return t ? t->lang : NULL;
}

const struct rp_text *rp_report_pick(struct rp_report *r, const struct rp_texts *texts)
{
    const char *lang = rp_report_text_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++)
        if (strcmp(texts->items[i].lang, lang) == 0)
            return &texts->items[i];
    return NULL;
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
    const struct rp_text *t = rp_report_pick(r, texts);
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
    const char *lang = rp_report_text_lang(r, texts);
    if (!lang)
        return "";
    size_t len = 1, seplen = strlen(sep);
    for (size_t i = 0; i < texts->count; i++)
        if (strcmp(texts->items[i].lang, lang) == 0)
            len += strlen(texts->items[i].plain) + seplen;
    char *out = rp_arena_alloc(r->doc->arena, len);
    char *o = out;
    bool first = true;
    for (size_t i = 0; i < texts->count; i++) {
        if (strcmp(texts->items[i].lang, lang) != 0)
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

void rp_report_add_runs(struct rp_report *r, struct rp_spans *spans, const struct rp_text *text)
{
    if (!text)
        return;
    for (size_t i = 0; i < text->run_count; i++) {
        const struct rp_run *run = &text->runs[i];
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
    if (text->run_count == 0 && text->plain && *text->plain)
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, text->plain, NULL);
}

void rp_report_paragraphs(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *texts,
                          enum rp_para_style style)
{
    const char *lang = rp_report_text_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++) {
        if (strcmp(texts->items[i].lang, lang) != 0)
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
    if (!label || strlen(label) <= 3) {
        rp_doc_table_note(r->doc, table, label, text);
        return;
    }
    struct rp_spans *s = rp_doc_table_note(r->doc, table, NULL, NULL);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG, label, NULL);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, 0, rp_doc_printf(r->doc, " %s", text), NULL);
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

#define FULL_CELL "\xe2\x96\xa0"  /* U+25A0 BLACK SQUARE */
#define EMPTY_CELL "\xe2\x96\xa1" /* U+25A1 WHITE SQUARE */

const char *rp_report_progress_bar(const struct rp_report *r, double percent)
{
    double p = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    int full = (int)floor(p / 10 + 0.5);
    char bar[10 * 3 + 1];
    char *o = bar;
    for (int i = 0; i < 10; i++) {
        memcpy(o, i < full ? FULL_CELL : EMPTY_CELL, 3);
        o += 3;
    }
    *o = '\0';
    return rp_doc_printf(r->doc, "%s %s", bar, rp_report_percent(r, percent, 0));
}

const char *rp_report_progress_word(const struct rp_report *r, int status)
{
    static const char *const keys[RP_PROGRESS_SLOTS] = {
        "progress.not-started", "progress.on-track", "progress.late",
        "progress.done",        "progress.cancelled", "progress.unreported",
    };
    return rp_report_l(r, status >= 0 && status < RP_PROGRESS_SLOTS ? keys[status]
                                                                     : "progress.unreported");
}

const char *rp_report_status_symbol(enum rp_indicator_status status)
{
    /* Glyphs the default font (Liberation Sans) draws well: filled for achieved, empty for
     * failed, one of each for partial (its half-circle glyphs lack their outline), a dash for
     * no value, a dotted circle for no norm. */
    static const char *const symbols[RP_IND_STATUS__MAX] = {
        "\xe2\x97\x8f",             /* ● met */
        "\xe2\x97\x8f\xe2\x97\x8b", /* ●○ partially met */
        "\xe2\x97\x8b",             /* ○ not met */
        "\xe2\x96\xa0",             /* ■ delivered */
        "\xe2\x96\xa1",             /* □ not delivered */
        "\xe2\x80\x93",             /* – not measured */
        "\xe2\x97\x8c",             /* ◌ norm not yet defined */
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
    const struct rp_unit *u = find_unit(r, id);
    if (!u)
        return id;
    if (u->abbr.count)
        return rp_report_text(r, &u->abbr, " ");
    return rp_report_text(r, &u->name, " ");
}

const char *rp_report_owners(struct rp_report *r, const struct rp_refs *owners)
{
    const char *out = "";
    for (size_t i = 0; owners && i < owners->count; i++)
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? ", " : "",
                            rp_report_unit_name(r, owners->ids[i]));
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

void rp_report_cover(struct rp_report *r, const char *title, const char *subtitle,
                     const struct rp_date *date, bool sample)
{
    struct rp_doc *doc = r->doc;
    doc->title = rp_doc_str(doc, title);
    /* A subtitle that repeats the title ("Rapport annuel 2020") says nothing. */
    doc->subtitle = subtitle && *subtitle && strcmp(subtitle, title) != 0 ? rp_doc_str(doc, subtitle)
                                                                          : NULL;
    doc->organisation = r->org ? rp_report_text(r, &r->org->name, " ") : "";
    doc->subject = doc->subtitle;
    doc->keywords = rp_report_l(r, "doc.keywords");
    if (date) {
        doc->year = date->year;
        doc->month = date->month;
        doc->day = date->day;
    }
    doc->sample = sample;
    doc->labels.edition = rp_report_l(r, sample ? "doc.edition_sample" : "doc.edition");
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
    return rp_report_l(r, status >= 0 && status <= RP_COMM__MAX ? keys[status]
                                                                 : "comm.unreported");
}

const struct rp_comm_execution *rp_eval_comm(const struct rp_evaluation *eval, const char *id)
{
    for (size_t i = 0; eval && id && i < eval->comm_count; i++)
        if (strcmp(eval->comm[i].ref, id) == 0)
            return &eval->comm[i];
    return NULL;
}
