/* French and Dutch typography over the document tree (see typography.h).
 *
 * A run of spans is decoded into one sequence of code points, each remembering its span, so
 * that a rule sees across span boundaries ("porté" in a label span, ":" in the next); the
 * result is encoded back span by span. Ordinals are split into superscript spans last. */
#include "doc/typography.h"

#include "util/arena.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NBSP 0xA0u
#define NNBSP 0x202Fu /* narrow no-break space: Liberation Sans has it */
#define LAQUO 0xABu
#define RAQUO 0xBBu
#define RSQUO 0x2019u

/* ---------------------------------------------------------------- characters */

static bool is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_nbsp(uint32_t c)
{
    return c == NBSP || c == NNBSP;
}

static bool is_blank(uint32_t c)
{
    return c == ' ' || c == '\n' || c == '\t' || is_nbsp(c);
}

/* Marks after which French punctuation still takes its space: "(voir ci-dessus) :". */
static bool is_closer(uint32_t c)
{
    return c == ')' || c == ']' || c == RAQUO || c == 0x201D || c == RSQUO || c == '%';
}

enum lang { LANG_OTHER, LANG_FR, LANG_NL };

/* The rules' language of a code such as "fr", "FR-be" or "nl". */
static enum lang lang_of(const char *code)
{
    if (!code || !code[0] || !code[1] || (code[2] && code[2] != '-' && code[2] != '_'))
        return LANG_OTHER;
    char a = (char)(code[0] | 0x20), b = (char)(code[1] | 0x20);
    if (a == 'f' && b == 'r')
        return LANG_FR;
    if (a == 'n' && b == 'l')
        return LANG_NL;
    return LANG_OTHER;
}

/* ---------------------------------------------------------------- a run of spans */

/* A code point and the span it belongs to. */
struct glyph {
    uint32_t cp;
    size_t span;
};

struct seq {
    struct glyph *items;
    size_t count, cap;
};

static void push(struct seq *s, uint32_t cp, size_t span)
{
    if (s->count == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->items = rp_xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->count++] = (struct glyph){cp, span};
}

static uint32_t last_cp(const struct seq *s)
{
    return s->count ? s->items[s->count - 1].cp : 0;
}

static uint32_t at(const struct seq *s, size_t i)
{
    return i < s->count ? s->items[i].cp : 0;
}

/* A straight apostrophe: typographic between letters ("l’usager", "don’t"); in Dutch also
 * the elided article at the start of a word ("’s avonds", "’t is"). */
static uint32_t apostrophe(const struct seq *in, size_t i, uint32_t before, enum lang lang)
{
    uint32_t next = at(in, i + 1);
    if (is_letter(before) && is_letter(next))
        return RSQUO;
    if (lang == LANG_NL && !is_letter(before) && !is_digit(before) &&
        (next == 's' || next == 't') && !is_letter(at(in, i + 2)))
        return RSQUO;
    return '\'';
}

/* Whether `out` ends with what a ";" would close as a character reference written out as
 * text ("&gt", "&#233", "&amp"): the semicolon is part of the reference, not punctuation. */
static bool ends_with_reference(const struct seq *out)
{
    size_t i = out->count;
    while (i > 0 && (is_letter(out->items[i - 1].cp) || is_digit(out->items[i - 1].cp) ||
                     out->items[i - 1].cp == '#'))
        i--;
    return i > 0 && i < out->count && out->items[i - 1].cp == '&';
}

/* French: the space before ":" ";" "!" "?", given what follows the mark. */
static void space_before_mark(struct seq *out, uint32_t mark, uint32_t next, size_t span)
{
    uint32_t space = mark == ':' ? NBSP : NNBSP;
    uint32_t before = last_cp(out);
    if (mark == ';' && ends_with_reference(out))
        return;
    if (before == ' ') {
        out->items[out->count - 1].cp = space;
        return;
    }
    if (!is_letter(before) && !is_closer(before))
        return; /* "10:30", "1:2", "?!", or a mark that starts the text */
    /* A colon or semicolon glued to what follows is no punctuation ("https://", "a;b"). */
    bool free_after = next == 0 || is_blank(next);
    if (mark == '!' || mark == '?')
        free_after = free_after || next == '!' || next == '?' || next == RAQUO || next == ')' ||
                     next == 0x201D || next == RSQUO || next == '.';
    if (free_after)
        push(out, space, span);
}

/* Rewrites the code points of `in` into `out` by the rules of each one's span. */
static void apply_rules(const struct seq *in, struct seq *out, const enum lang *langs)
{
    for (size_t i = 0; i < in->count; i++) {
        uint32_t c = in->items[i].cp;
        size_t span = in->items[i].span;
        enum lang lang = langs[span];
        uint32_t before = last_cp(out);
        if (c == '\'') {
            push(out, apostrophe(in, i, before, lang), span);
            continue;
        }
        if (lang == LANG_FR) {
            if (c == ':' || c == ';' || c == '!' || c == '?')
                space_before_mark(out, c, at(in, i + 1), span);
            else if (c == ' ' && before == LAQUO)
                c = NBSP;
            else if (c == RAQUO && before == ' ')
                out->items[out->count - 1].cp = NBSP;
            else if (c == RAQUO && before && !is_blank(before))
                push(out, NBSP, span);
            if (c == LAQUO && at(in, i + 1) && !is_blank(at(in, i + 1))) {
                push(out, c, span);
                push(out, NBSP, span);
                continue;
            }
        }
        push(out, c, span);
    }
}

/* The texts of `n` spans rewritten by the rules, each span in its language. */
static void fix_run(struct rp_doc *doc, const char **texts, const enum lang *langs, size_t n)
{
    struct seq in = {0}, out = {0};
    for (size_t s = 0; s < n; s++) {
        const char *p = texts[s] ? texts[s] : "", *end = p + strlen(p);
        while (p < end)
            push(&in, rp_utf8_next(&p, end), s);
    }
    apply_rules(&in, &out, langs);
    size_t k = 0;
    for (size_t s = 0; s < n; s++) {
        size_t from = k, bytes = 0;
        char buf[4];
        for (; k < out.count && out.items[k].span == s; k++)
            bytes += rp_utf8_encode(out.items[k].cp, buf);
        if (!texts[s])
            continue;
        char *text = rp_arena_alloc(doc->arena, bytes + 1), *o = text;
        for (size_t j = from; j < k; j++)
            o += rp_utf8_encode(out.items[j].cp, o);
        *o = '\0';
        if (strcmp(text, texts[s]) != 0)
            texts[s] = text;
    }
    free(in.items);
    free(out.items);
}

/* ---------------------------------------------------------------- ordinals */

/* The length of an ordinal suffix of `lang` at `s` ("er", "ème", "ste"), 0 if none. Longer
 * suffixes first, so that "ers" is not read as "er" followed by a letter. */
static size_t suffix_at(const char *s, enum lang lang, bool roman)
{
    static const char *const fr[] = {"\xc3\xa8mes", "\xc3\xa8me", "ndes", "ers", "res", "nde",
                                     "nds",         "er",         "re",   "es",  "nd",  "e"};
    /* Fewer after a roman numeral: "Vers" and "Ves" are words, "Ve" and "XXIe" ordinals. */
    static const char *const fr_roman[] = {"er", "re", "e"};
    static const char *const nl[] = {"ste", "de", "e"};
    const char *const *list = lang == LANG_NL ? nl : roman ? fr_roman : fr;
    size_t n = lang == LANG_NL ? 3 : roman ? 3 : 12;
    for (size_t i = 0; i < n; i++)
        if (strncmp(s, list[i], strlen(list[i])) == 0)
            return strlen(list[i]);
    return 0;
}

/* Whether the byte `c` may not follow an ordinal: it would be part of the same word or
 * number ("2e3", "12ex"). UTF-8 lead and continuation bytes count as letters. */
static bool glues_word(unsigned char c)
{
    return c >= 0x80 || is_letter(c) || is_digit(c) || c == '_';
}

/* Whether the byte `c` may not precede an ordinal: also a decimal separator ("1,5e"). */
static bool glues_before(unsigned char c)
{
    return glues_word(c) || c == ',' || c == '.' || c == '-';
}

/* Finds the first ordinal in `text` at or after `from`: its number starts at *num, its
 * suffix at *suf, of *suflen bytes. `before` and `after`: the bytes next to the text in the
 * neighbouring spans (0: none). */
static bool find_ordinal(const char *text, size_t from, enum lang lang, unsigned char before,
                         unsigned char after, size_t *num, size_t *suf, size_t *suflen)
{
    size_t len = strlen(text);
    for (size_t i = from; i < len; i++) {
        unsigned char prev = i ? (unsigned char)text[i - 1] : before;
        if (glues_before(prev))
            continue;
        size_t j = i;
        while (is_digit((unsigned char)text[j]))
            j++;
        bool roman = false;
        if (j == i && lang == LANG_FR) {
            while (text[j] == 'I' || text[j] == 'V' || text[j] == 'X')
                j++;
            roman = true;
        }
        if (j == i)
            continue;
        size_t n = suffix_at(text + j, lang, roman);
        unsigned char next = j + n < len ? (unsigned char)text[j + n] : after;
        if (n == 0 || glues_word(next))
            continue;
        *num = i;
        *suf = j;
        *suflen = n;
        return true;
    }
    return false;
}

static void copy_span(struct rp_doc *doc, struct rp_spans *into, const struct rp_span *like,
                      const char *text, size_t len, unsigned style)
{
    if (len == 0)
        return;
    rp_spans_add(doc, into, like->kind, style, rp_arena_strndup(doc->arena, text, len), like->href);
    into->items[into->count - 1].lang = like->lang;
}

/* Splits every ordinal suffix of the plain text spans of `spans` into a superscript span. */
static void superscript_ordinals(struct rp_doc *doc, struct rp_spans *spans, const enum lang *langs)
{
    struct rp_spans result = {0};
    bool changed = false;
    for (size_t s = 0; s < spans->count; s++) {
        const struct rp_span *sp = &spans->items[s];
        const char *text = sp->text ? sp->text : "";
        /* Links keep one span each; a span already raised is done. */
        bool eligible =
            sp->kind == RP_SPAN_TEXT && !(sp->style & RP_SPAN_SUP) && langs[s] != LANG_OTHER;
        const char *prev_text = s ? spans->items[s - 1].text : NULL;
        unsigned char before =
            prev_text && *prev_text ? (unsigned char)prev_text[strlen(prev_text) - 1] : 0;
        unsigned char after = s + 1 < spans->count && spans->items[s + 1].text
                                  ? (unsigned char)spans->items[s + 1].text[0]
                                  : 0;
        size_t from = 0, num, suf, suflen;
        while (eligible && find_ordinal(text, from, langs[s], before, after, &num, &suf, &suflen)) {
            copy_span(doc, &result, sp, text + from, suf - from, sp->style);
            copy_span(doc, &result, sp, text + suf, suflen, sp->style | RP_SPAN_SUP);
            from = suf + suflen;
            changed = true;
        }
        if (from == 0)
            rp_spans_add(doc, &result, sp->kind, sp->style, sp->text, sp->href),
                result.items[result.count - 1].lang = sp->lang;
        else
            copy_span(doc, &result, sp, text + from, strlen(text + from), sp->style);
    }
    if (changed)
        *spans = result;
}

/* ---------------------------------------------------------------- the tree */

void rp_typography_spans(struct rp_doc *doc, struct rp_spans *spans, const char *doc_lang)
{
    if (!spans->count)
        return;
    const char **texts = rp_xmalloc(spans->count * sizeof *texts);
    enum lang *langs = rp_xmalloc(spans->count * sizeof *langs);
    for (size_t s = 0; s < spans->count; s++) {
        texts[s] = spans->items[s].text;
        langs[s] = lang_of(spans->items[s].lang ? spans->items[s].lang : doc_lang);
    }
    fix_run(doc, texts, langs, spans->count);
    for (size_t s = 0; s < spans->count; s++)
        spans->items[s].text = texts[s];
    superscript_ordinals(doc, spans, langs);
    free(texts);
    free(langs);
}

const char *rp_typography_text(struct rp_doc *doc, const char *text, const char *lang)
{
    if (!text)
        return NULL;
    enum lang l = lang_of(lang);
    fix_run(doc, &text, &l, 1);
    return text;
}

/* A plain text of the document in `lang` (NULL: the document's). */
static void plain(struct rp_doc *doc, const char **text, const char *lang)
{
    *text = rp_typography_text(doc, *text, lang ? lang : doc->lang);
}

static void table(struct rp_doc *doc, struct rp_doc_table *t)
{
    rp_typography_spans(doc, &t->caption, doc->lang);
    plain(doc, &t->summary, NULL);
    for (size_t h = 0; h < t->header_count; h++)
        for (size_t c = 0; c < t->header[h].count; c++)
            plain(doc, &t->header[h].cells[c].text, t->header[h].cells[c].lang);
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->column_count; c++) {
            struct rp_doc_cell *cell = &t->rows[r].cells[c];
            if (!(cell->flags & RP_CELL_TYPESET))
                plain(doc, &cell->text, cell->lang);
            plain(doc, &cell->detail, NULL); /* the detail is the document's words */
        }
    for (size_t n = 0; n < t->note_count; n++)
        rp_typography_spans(doc, &t->notes[n].text, doc->lang);
}

static void chart(struct rp_doc *doc, struct rp_doc_chart *c)
{
    rp_typography_spans(doc, &c->title, doc->lang);
    plain(doc, &c->description, NULL);
    for (size_t i = 0; i < c->category_count; i++)
        plain(doc, &c->categories[i], c->category_langs ? c->category_langs[i] : NULL);
    for (size_t s = 0; s < c->series_count; s++)
        plain(doc, &c->series[s].name, c->series[s].lang);
}

static void nodes(struct rp_doc *doc, struct rp_nodes *list)
{
    for (size_t i = 0; i < list->count; i++) {
        struct rp_node *n = list->items[i];
        switch (n->kind) {
        case RP_NODE_SECTION:
            rp_typography_spans(doc, &n->u.section.title, doc->lang);
            nodes(doc, &n->u.section.children);
            break;
        case RP_NODE_PARAGRAPH:
            rp_typography_spans(doc, &n->u.paragraph.text, doc->lang);
            break;
        case RP_NODE_LIST:
            for (size_t k = 0; k < n->u.list.count; k++)
                rp_typography_spans(doc, &n->u.list.items[k], doc->lang);
            break;
        case RP_NODE_TABLE:
            table(doc, &n->u.table);
            break;
        case RP_NODE_KEY_FIGURES:
            rp_typography_spans(doc, &n->u.figures.title, doc->lang);
            for (size_t k = 0; k < n->u.figures.count; k++) {
                rp_typography_spans(doc, &n->u.figures.items[k].label, doc->lang);
                rp_typography_spans(doc, &n->u.figures.items[k].comment, doc->lang);
            }
            break;
        case RP_NODE_CHART:
            chart(doc, &n->u.chart);
            break;
        case RP_NODE_NOTE:
            rp_typography_spans(doc, &n->u.note.text, doc->lang);
            break;
        case RP_NODE_PAGE_BREAK:
        case RP_NODE_TOC:
        case RP_NODE__MAX:
            break;
        }
    }
}

void rp_typography_apply(struct rp_doc *doc)
{
    plain(doc, &doc->title, NULL);
    plain(doc, &doc->subtitle, doc->subtitle_lang);
    plain(doc, &doc->organisation, doc->organisation_lang);
    plain(doc, &doc->subject, NULL);
    struct rp_doc_labels *l = &doc->labels;
    const char **labels[] = {&l->contents, &l->continued, &l->page,
                             &l->sample,   &l->edition,   &l->draft};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        plain(doc, labels[i], NULL);
    nodes(doc, &doc->body);
}
