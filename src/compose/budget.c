/* The budget-tables document: cover, contents, what the document is (and, in the review
 * edition, how its totals were checked), then every budget table, then every staffing
 * table, each with its evolution and charts. This file assembles the document and holds
 * the helpers of budget.h; the common ones (labels, texts, numbers) are those of report.h. */
#include "compose/compose.h"

#include "compose/budget.h"
#include "model/table.h"
#include "templates/theme.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

const char *rp_budget_unit_long(const struct rp_report *b, const struct rp_table *t)
{
    if (t->unit == RP_TUNIT_FTE)
        return rp_report_l(b, "table.unit.fte");
    if (t->unit == RP_TUNIT_COUNT)
        return rp_report_l(b, "table.unit.count");
    if (t->scale == 1000)
        return rp_report_l(b, "table.unit.keur");
    if (t->scale == 1000000)
        return rp_report_l(b, "table.unit.meur");
    if (t->scale <= 1)
        return rp_report_l(b, "table.unit.eur");
    return rp_report_lf(b, "table.unit.eur.scaled", rp_report_num(b, (double)t->scale, 0), NULL,
                        NULL);
}

const char *rp_budget_unit_short(const struct rp_report *b, const struct rp_table *t)
{
    if (t->unit == RP_TUNIT_FTE)
        return rp_report_l(b, "short.fte");
    if (t->unit == RP_TUNIT_COUNT)
        return "";
    if (t->scale == 1000)
        return "k€";
    if (t->scale == 1000000)
        return "M€";
    if (t->scale <= 1)
        return "€";
    return rp_doc_printf(b->doc, "× %s €", rp_report_num(b, (double)t->scale, 0));
}

/* The length of the separator at `s` between a number and a title: spaces, no-break spaces,
 * '-', ':', '.', en and em dashes. */
static size_t separator(const char *s)
{
    size_t n = 0;
    for (;;) {
        if (s[n] == ' ' || s[n] == '-' || s[n] == ':' || s[n] == '.')
            n++;
        else if (strncmp(s + n, "\xc2\xa0", 2) == 0)
            n += 2;
        else if (strncmp(s + n, "\xe2\x80\x93", 3) == 0 || strncmp(s + n, "\xe2\x80\x94", 3) == 0)
            n += 3;
        else
            return n;
    }
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The word a source puts before a table's number ("TAB 1", "Tableau 2", "Tabel 3"). */
static size_t table_word(const char *s)
{
    static const char *const words[] = {"tableau", "tabelle", "tabel", "table", "tab"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]), k = 0;
        while (k < n && (s[k] | 0x20) == words[i][k])
            k++;
        if (k == n && (s[n] == ' ' || s[n] == '.'))
            return n + 1 + (s[n] == '.' && s[n + 1] == ' ');
    }
    return 0;
}

const char *rp_source_unnumbered(struct rp_doc *doc, const char *text)
{
    if (!text)
        return text;
    const char *p = text + table_word(text);
    bool word = p != text;
    /* Section numbers: "6.", "18.9.", "2.5.1"; parts of one or two digits, so that an
     * amount ("1.816 agents") or a year ("2022 : budget") is never taken for one. */
    size_t parts = 0, dots = 0;
    const char *q = p;
    while (digit(q[0])) {
        size_t d = digit(q[1]) ? 2 : 1;
        if (digit(q[d]))
            return text;
        q += d;
        parts++;
        if (q[0] != '.')
            break;
        q++;
        dots++;
    }
    if (parts == 0 || (!word && dots == 0))
        return text;
    size_t sep = separator(q);
    /* The numbering is cut only where a title follows it, after some separator. */
    unsigned char c = (unsigned char)q[sep];
    bool title = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if ((sep == 0 && q[-1] != '.') || !(title || c >= 0x80 || c == '('))
        return text;
    return rp_doc_str(doc, q + sep);
}

/* Whether `s` ends in a character that separates a number from a title: a space, '-', ':',
 * or an en or em dash. */
static size_t separator_before(const char *s, size_t n)
{
    if (n && (s[n - 1] == ' ' || s[n - 1] == '-' || s[n - 1] == ':'))
        return 1;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x93 || (unsigned char)s[n - 1] == 0x94))
        return 3;
    return 0;
}

/* The document numbers its tables itself ("Tableau 2 – …"), so the source's own number
 * goes; but a table the source named by a label ("TAB 2 - Budget …") keeps that label after
 * the title, since other texts refer to it ("voir le tableau TAB 2"). */
const char *rp_budget_caption(struct rp_report *b, const struct rp_table *t, const char **lang)
{
    const char *text = rp_report_plain_in(b, &t->caption, lang);
    const char *title = rp_source_unnumbered(b->doc, text);
    if (title == text || table_word(text) == 0)
        return title;
    size_t n = strlen(text) - strlen(title), cut;
    while ((cut = separator_before(text, n)) != 0)
        n -= cut;
    return rp_doc_printf(b->doc, "%s (%.*s)", title, (int)n, text);
}

const char *rp_budget_column_label_in(struct rp_report *b, const struct rp_table *t, size_t c,
                                      const char **lang)
{
    const struct rp_column *col = &t->columns[c];
    const char *label = rp_report_plain_in(b, &col->label, lang);
    bool ce = col->credit == RP_CREDIT_CE && strcmp(label, "CE") == 0;
    bool cl = col->credit == RP_CREDIT_CL && strcmp(label, "CL") == 0;
    if (ce || cl) {
        *lang = NULL;
        return rp_report_l(b, ce ? "table.credit.CE" : "table.credit.CL");
    }
    return label;
}

const char *rp_budget_column_label(struct rp_report *b, const struct rp_table *t, size_t c)
{
    const char *lang;
    return rp_budget_column_label_in(b, t, c, &lang);
}

/* Marks the label's slots with characters no label holds: "\x1e" then the slot's digit. */
void rp_budget_lf_spans(struct rp_report *b, struct rp_spans *spans, const char *key,
                        const char *const args[3], const char *const langs[3])
{
    const char *filled = rp_report_lf(b, key,
                                      "\x1e"
                                      "1",
                                      "\x1e"
                                      "2",
                                      "\x1e"
                                      "3");
    const char *from = filled;
    for (const char *p = filled; *p; p++) {
        if (p[0] != '\x1e' || p[1] < '1' || p[1] > '3')
            continue;
        if (p > from)
            rp_spans_add(b->doc, spans, RP_SPAN_TEXT, 0,
                         rp_doc_printf(b->doc, "%.*s", (int)(p - from), from), NULL);
        size_t i = (size_t)(p[1] - '1');
        rp_report_add_plain(b, spans, 0, args[i], langs ? langs[i] : NULL);
        from = p + 2;
        p++;
    }
    if (*from)
        rp_spans_add(b->doc, spans, RP_SPAN_TEXT, 0, from, NULL);
}

void rp_budget_year_grid(struct rp_report *b, const struct rp_table *t, struct rp_year_grid *g)
{
    struct rp_arena *a = b->doc->arena;
    size_t n = t->column_count;
    memset(g, 0, sizeof *g);
    g->year = rp_arena_array(a, n ? n : 1, sizeof *g->year);
    size_t *count = rp_arena_array(a, n ? n : 1, sizeof *count);
    g->regular = n > 0;
    for (size_t c = 0; c < n; c++) {
        int y = t->columns[c].year;
        if (y == 0) {
            g->regular = false;
            continue;
        }
        size_t i = 0;
        while (i < g->years && g->year[i] != y)
            i++;
        if (i == g->years)
            g->year[g->years++] = y;
        count[i]++;
    }
    for (size_t i = 0; i < g->years; i++)
        if (count[i] != count[0])
            g->regular = false;
    if (!g->regular || g->years == 0) {
        g->regular = false;
        return;
    }
    g->per_year = count[0];
    g->col = rp_arena_array(a, g->years * g->per_year, sizeof *g->col);
    size_t *fill = rp_arena_array(a, g->years, sizeof *fill);
    for (size_t c = 0; c < n; c++) {
        size_t i = 0;
        while (g->year[i] != t->columns[c].year)
            i++;
        g->col[i * g->per_year + fill[i]++] = c;
    }
}

const char *rp_budget_measure_name(struct rp_report *b, const struct rp_table *t,
                                   const struct rp_year_grid *g, size_t k)
{
    if (!g->regular || k >= g->per_year)
        return NULL;
    size_t c = g->col[k];
    const char *label = rp_budget_column_label(b, t, c);
    char year[16];
    snprintf(year, sizeof year, "%d", g->year[0]);
    if (g->per_year == 1 || !*label || strcmp(label, year) == 0)
        return NULL;
    return label;
}

int rp_budget_measure_color(const struct rp_table *t, const struct rp_year_grid *g, size_t k)
{
    enum { CE_COLOR, CL_COLOR, OTHER_COLORS };
    enum rp_credit credit = g->regular && k < g->per_year && g->col[k] < t->column_count
                                ? t->columns[g->col[k]].credit
                                : RP_CREDIT_NONE;
    if (credit == RP_CREDIT_CE)
        return CE_COLOR;
    if (credit == RP_CREDIT_CL)
        return CL_COLOR;
    return OTHER_COLORS + (int)(k % (RP_THEME_SERIES - OTHER_COLORS));
}

size_t rp_budget_key_measures(const struct rp_table *t, const struct rp_year_grid *g, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; g->regular && k < g->per_year; k++)
        if (t->columns[g->col[k]].sums.count > 0)
            out[n++] = k;
    if (n == 0)
        for (size_t k = 0; g->regular && k < g->per_year; k++)
            out[n++] = k;
    return n;
}

bool rp_budget_differs(const struct rp_table *t, size_t r, size_t c, double *computed,
                       bool *by_column)
{
    const struct rp_row *row = &t->rows[r];
    if (!row->values || c >= row->value_count || row->values[c].nil)
        return false;
    double stated = row->values[c].value, sum;
    if ((row->kind == RP_ROW_SUBTOTAL || row->kind == RP_ROW_TOTAL) &&
        rp_table_column_additive(t, c)) {
        size_t n = rp_table_row_sum(t, r, c, &sum);
        if (n > 0 && rp_table_total_differs(t, stated, sum, n)) {
            *computed = sum;
            *by_column = false;
            return true;
        }
    }
    if (t->columns[c].sums.count > 0) {
        size_t n = rp_table_column_sum(t, r, c, &sum);
        if (n > 0 && rp_table_total_differs(t, stated, sum, n)) {
            *computed = sum;
            *by_column = true;
            return true;
        }
    }
    return false;
}

size_t rp_budget_count_differences(const struct rp_table *t, bool *has_totals)
{
    size_t n = 0;
    *has_totals = false;
    for (size_t c = 0; c < t->column_count; c++)
        if (t->columns[c].sums.count > 0)
            *has_totals = true;
    for (size_t r = 0; r < t->row_count; r++) {
        if (t->rows[r].kind == RP_ROW_SUBTOTAL || t->rows[r].kind == RP_ROW_TOTAL)
            *has_totals = true;
        for (size_t c = 0; c < t->column_count; c++) {
            double computed;
            bool by_column;
            n += rp_budget_differs(t, r, c, &computed, &by_column);
        }
    }
    return n;
}

size_t rp_budget_count_unsummed(const struct rp_table *t)
{
    size_t n = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_row *row = &t->rows[r];
        bool total = row->kind == RP_ROW_SUBTOTAL || row->kind == RP_ROW_TOTAL;
        for (size_t c = 0; row->values && c < row->value_count && c < t->column_count; c++) {
            double sum;
            if (row->values[c].nil)
                continue;
            /* A percentage is stated, never summed (rp_table_column_additive). */
            bool summed = total && rp_table_column_additive(t, c);
            n += (summed && rp_table_row_sum(t, r, c, &sum) == 0) ||
                 (t->columns[c].sums.count > 0 && rp_table_column_sum(t, r, c, &sum) == 0);
        }
    }
    return n;
}

/* ------------------------------------------------------------------ chapters */

const char *rp_report_plan_kind(const struct rp_report *b)
{
    static const char *const keys[RP_PLAN_KIND__MAX] = {
        "plan.strategic-plan", "plan.administration-contract", "plan.operational-plan"};
    enum rp_plan_kind k = b->plan->kind < RP_PLAN_KIND__MAX ? b->plan->kind : RP_PLAN_STRATEGIC;
    return rp_report_l(b, keys[k]);
}

static const char *lang_name(const struct rp_report *b, const char *code)
{
    char key[16];
    snprintf(key, sizeof key, "lang.%.2s", code);
    return rp_report_l(b, key);
}

/* Tables are numbered in the document's order: budget tables first, then staffing. */
static bool first_pass(const struct rp_table *t)
{
    return t->kind == RP_TABLE_BUDGET;
}

static size_t table_number(const struct rp_plan *p, size_t i)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < p->table_count; k++) {
            if (first_pass(&p->tables[k]) != (pass == 0))
                continue;
            n++;
            if (k == i)
                return n;
        }
    return 0;
}

static void checks_table(struct rp_report *b, struct rp_nodes *into)
{
    const struct rp_plan *p = b->plan;
    struct rp_node *t = rp_doc_add_table(b->doc, into, 4, rp_report_l(b, "checks.caption"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, false);
    rp_doc_table_column(t, 2, RP_ALIGN_DECIMAL, false);
    rp_doc_table_column(t, 3, RP_ALIGN_LEFT, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(b->doc, t);
    rp_doc_header_cell(b->doc, h, rp_report_l(b, "checks.col.table"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(b->doc, h, rp_report_l(b, "checks.col.unit"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(b->doc, h, rp_report_l(b, "checks.col.rows"), 1, RP_ALIGN_DECIMAL);
    rp_doc_header_cell(b->doc, h, rp_report_l(b, "checks.col.result"), 1, RP_ALIGN_LEFT);
    for (size_t order = 0; order < p->table_count; order++) {
        size_t i = 0;
        while (i < p->table_count && table_number(p, i) != order + 1)
            i++;
        const struct rp_table *tab = &p->tables[i];
        bool has_totals;
        size_t diffs = rp_budget_count_differences(tab, &has_totals), lines = 0;
        for (size_t r = 0; r < tab->row_count; r++)
            lines += tab->rows[r].kind == RP_ROW_LINE;
        /* A total over no line is not consistent, merely unverifiable: said as such. */
        size_t unsummed = rp_budget_count_unsummed(tab);
        const char *result = !has_totals  ? rp_report_l(b, "checks.none")
                             : diffs == 0 ? rp_report_l(b, "checks.ok")
                             : diffs == 1
                                 ? rp_report_l(b, "checks.diff.one")
                                 : rp_report_lf(b, "checks.diff.many",
                                                rp_report_num(b, (double)diffs, 0), NULL, NULL);
        if (has_totals && unsummed) {
            const char *u = unsummed == 1
                                ? rp_report_l(b, "checks.unsummed.one")
                                : rp_report_lf(b, "checks.unsummed.many",
                                               rp_report_num(b, (double)unsummed, 0), NULL, NULL);
            result = diffs ? rp_report_lf(b, "checks.both", result, u, NULL) : u;
        }
        size_t row = rp_doc_table_row(b->doc, t, RP_DOC_ROW_LINE);
        const char *lang;
        const char *name =
            rp_doc_printf(b->doc, "%zu. %s", order + 1, rp_budget_caption(b, tab, &lang));
        rp_doc_table_cell(b->doc, t, row, 0, name, NULL, 0);
        rp_doc_cell_lang(b->doc, t, row, 0, lang);
        rp_doc_table_cell(b->doc, t, row, 1, rp_budget_unit_short(b, tab), NULL, 0);
        rp_doc_table_cell(b->doc, t, row, 2, rp_report_num(b, (double)lines, 0), NULL, 0);
        rp_doc_table_cell(b->doc, t, row, 3, result, NULL, diffs || unsummed ? RP_CELL_DIFFERS : 0);
    }
}

/* The first chapter; returns its section. Readers learn what the document is and how to
 * read its numbers; the review edition adds, for the authors, how the totals were checked
 * and the result of that check for every table. */
static struct rp_node *about(struct rp_report *b, struct rp_nodes *body, struct rp_node **lang_note)
{
    const struct rp_plan *p = b->plan;
    bool review = b->edition == RP_EDITION_REVIEW;
    struct rp_node *sec = rp_doc_add_section(b->doc, body, 1, "1", rp_report_l(b, "sec.about"));
    struct rp_nodes *in = &sec->u.section.children;
    char date[64];
    rp_fmt_date(date, sizeof date, p->date.year, p->date.month, p->date.day, b->lang);
    const char *title_lang;
    const char *title = rp_report_plain_in(b, &p->title, &title_lang);
    struct rp_node *text = rp_doc_add_paragraph(b->doc, in, RP_PARA_BODY, NULL);
    rp_budget_lf_spans(b, &text->u.paragraph.text, "about.text",
                       (const char *const[3]){title, date, NULL},
                       (const char *const[3]){title_lang, NULL, NULL});
    rp_doc_add_paragraph(b->doc, in, RP_PARA_BODY, rp_report_l(b, "about.units"));
    if (review)
        rp_doc_add_paragraph(b->doc, in, RP_PARA_BODY, rp_report_l(b, "about.totals"));
    /* Filled at the end, once we know whether any label fell back to the plan's language. */
    *lang_note = rp_doc_add_paragraph(b->doc, in, RP_PARA_BODY, NULL);
    if (!review || p->table_count == 0)
        return sec;
    struct rp_node *checks = rp_doc_add_section(b->doc, in, 2, "1.1", rp_report_l(b, "sec.checks"));
    rp_doc_add_paragraph(b->doc, &checks->u.section.children, RP_PARA_BODY,
                         rp_report_l(b, "checks.intro"));
    checks_table(b, &checks->u.section.children);
    return sec;
}

/* Removes `node` from `nodes` (it stays in the arena, unreferenced). */
static void drop(struct rp_nodes *nodes, const struct rp_node *node)
{
    for (size_t i = 0; i < nodes->count; i++)
        if (nodes->items[i] == node) {
            memmove(&nodes->items[i], &nodes->items[i + 1],
                    (nodes->count - i - 1) * sizeof *nodes->items);
            nodes->count--;
            return;
        }
}

static bool same_words(const char *a, const char *b)
{
    while (*a && ((unsigned char)*a | 0x20) == ((unsigned char)*b | 0x20))
        a++, b++;
    return !*a && !*b;
}

static size_t count_kind(const struct rp_plan *p, enum rp_table_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < p->table_count; i++)
        n += p->tables[i].kind == kind;
    return n;
}

/* One chapter per table kind; tables keep their number in the plan's order. Each table has
 * its own section, titled by its caption, except the only table of a chapter that bears the
 * chapter's name ("Personnel" in "Personnel"): a heading repeated under itself says nothing. */
void rp_budget_chapter(struct rp_report *b, struct rp_nodes *body, int level,
                       enum rp_table_kind kind, const char *number, const char *title_key)
{
    const struct rp_plan *p = b->plan;
    struct rp_node *sec = NULL;
    size_t n = 0, count = count_kind(p, kind);
    for (size_t i = 0; i < p->table_count; i++) {
        const struct rp_table *t = &p->tables[i];
        if (t->kind != kind)
            continue;
        const char *lang, *title = rp_report_l(b, title_key);
        const char *caption = rp_budget_caption(b, t, &lang);
        if (!sec)
            sec = rp_doc_add_section(b->doc, body, level, number, title);
        n++;
        struct rp_node *ts = sec;
        if (count > 1 || !same_words(caption, title)) {
            ts = rp_doc_add_section(b->doc, &sec->u.section.children, level + 1,
                                    number ? rp_doc_printf(b->doc, "%s.%zu", number, n) : NULL,
                                    caption);
            rp_spans_lang(b->doc, &ts->u.section.title, 0, lang);
        }
        ts->id = rp_doc_str(b->doc, t->id);
        rp_budget_table(b, &ts->u.section.children, t, table_number(p, i));
        rp_budget_charts(b, &ts->u.section.children, t, table_number(p, i));
    }
}

struct rp_doc *rp_build_budget(const struct rp_plan *plan, const char *lang,
                               enum rp_edition edition, const struct rp_templates *t,
                               struct rp_arena *arena)
{
    if (!plan || !arena || !t)
        return NULL;
    struct rp_report b;
    rp_report_init_plan(&b, t, arena, lang, edition, plan);
    struct rp_doc *doc = b.doc;

    const char *period = rp_doc_printf(doc, "%d-%d", plan->start, plan->end);
    /* The common cover (organisation, date, edition line: an unofficial translation says so),
     * then this document's own subject and keywords. */
    rp_report_cover(&b, rp_doc_printf(doc, "%s %s", rp_report_l(&b, "doc.title"), period),
                    rp_doc_printf(doc, "%s %s", rp_report_plan_kind(&b), period), &plan->date,
                    false);
    /* Keywords name the organisation briefly: its acronym, else its usual name. */
    const struct rp_organisation *o = &plan->organisation;
    const char *abbr = o->abbr.count ? rp_report_plain(&b, &o->abbr) : doc->organisation;
    doc->subject = rp_report_lf(&b, "doc.subject", doc->subtitle, NULL, NULL);
    doc->keywords = rp_report_lf(&b, "doc.keywords.budget", abbr, period, NULL);

    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    struct rp_node *lang_note = NULL;
    struct rp_node *first = about(&b, &doc->body, &lang_note);
    rp_budget_chapter(&b, &doc->body, 1, RP_TABLE_BUDGET, "2", "sec.budget-tables");
    rp_budget_chapter(&b, &doc->body, 1, RP_TABLE_STAFFING,
                      count_kind(plan, RP_TABLE_BUDGET) ? "3" : "2", "sec.staffing");
    rp_report_abbreviations(&b, &doc->body);
    if (b.fell_back)
        lang_note->u.paragraph.text = rp_spans_plain(
            doc, rp_report_lf(&b, "about.lang", lang_name(&b, b.source), NULL, NULL));
    else
        drop(&first->u.section.children, lang_note);
    return doc;
}
