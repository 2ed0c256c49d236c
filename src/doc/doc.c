#include "doc/doc.h"

#include "util/arena.h"
#include "util/fmt.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const role_names[RP_ROLE__MAX] = {
    "Document", "Sect", "H",  "P",       "L",      "LI",   "Table", "THead",    "TBody",
    "TR",       "TH",   "TD", "Caption", "Figure", "Note", "TOC",   "Artifact",
};

const char *rp_role_name(enum rp_role role)
{
    return role < RP_ROLE__MAX ? role_names[role] : "?";
}

/* Arrays grow inside the arena by doubling: the abandoned copies stay in the arena until
 * it dies, which at most doubles the memory of an array and keeps appends amortised O(1). */
static void *grow(struct rp_arena *arena, void *items, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *n = rp_arena_array(arena, ncap, elem);
    if (count)
        memcpy(n, items, count * elem);
    *cap = ncap;
    return n;
}

struct rp_doc *rp_doc_new(struct rp_arena *arena)
{
    struct rp_doc *doc = rp_arena_alloc(arena, sizeof *doc);
    doc->arena = arena;
    doc->title = "";
    doc->organisation = "";
    doc->lang = "en";
    doc->cover = true;
    doc->labels.contents = "Contents";
    doc->labels.continued = "(continued)";
    doc->labels.page = "Page";
    doc->labels.sample = "SPECIMEN";
    return doc;
}

const char *rp_doc_str(struct rp_doc *doc, const char *s)
{
    return rp_arena_strdup(doc->arena, s);
}

const char *rp_doc_printf(struct rp_doc *doc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = rp_arena_alloc(doc->arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

const char *rp_doc_lang(struct rp_doc *doc, const char *lang)
{
    if (!lang || !*lang || rp_lang_same(lang, doc->lang))
        return NULL;
    /* The editions' languages are shared constants: text in them costs no copy, and equal
     * languages are equal pointers, which lets backends compare them cheaply. */
    static const char *const known[] = {"fr", "nl", "en", "de"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (rp_lang_same(lang, known[i]))
            return known[i];
    return rp_doc_str(doc, lang);
}

bool rp_doc_foreign(const struct rp_doc *doc, const char *lang)
{
    return lang && *lang && !rp_lang_same(lang, doc->lang);
}

void rp_spans_add(struct rp_doc *doc, struct rp_spans *spans, enum rp_span_kind kind,
                  unsigned style, const char *text, const char *href)
{
    spans->items = grow(doc->arena, spans->items, &spans->cap, spans->count, sizeof *spans->items);
    struct rp_span *s = &spans->items[spans->count++];
    s->kind = kind;
    s->style = style;
    s->text = rp_doc_str(doc, text ? text : "");
    s->href = rp_doc_str(doc, href);
    s->lang = NULL; /* a slot grown earlier may hold anything: set every field */
    s->bar = NULL;
}

static const struct rp_doc_bar *new_bar(struct rp_doc *doc, double value, double max)
{
    struct rp_doc_bar *bar = rp_arena_alloc(doc->arena, sizeof *bar);
    bar->value = value;
    bar->max = max;
    return bar;
}

double rp_doc_bar_share(const struct rp_doc_bar *bar)
{
    if (!bar || !(bar->max > 0) || !(bar->value > 0))
        return 0;
    return bar->value >= bar->max ? 1 : bar->value / bar->max;
}

void rp_spans_add_bar(struct rp_doc *doc, struct rp_spans *spans, double value, double max,
                      const char *label)
{
    rp_spans_add(doc, spans, RP_SPAN_TEXT, 0, label, NULL);
    spans->items[spans->count - 1].bar = new_bar(doc, value, max);
}

void rp_spans_lang(struct rp_doc *doc, struct rp_spans *spans, size_t from, const char *lang)
{
    const char *l = rp_doc_lang(doc, lang);
    for (size_t i = from; i < spans->count; i++)
        spans->items[i].lang = l;
}

struct rp_spans rp_spans_plain(struct rp_doc *doc, const char *text)
{
    struct rp_spans spans = {0};
    if (text && *text)
        rp_spans_add(doc, &spans, RP_SPAN_TEXT, 0, text, NULL);
    return spans;
}

const char *rp_spans_join(struct rp_doc *doc, const struct rp_spans *spans)
{
    size_t n = 0;
    for (size_t i = 0; i < spans->count; i++)
        n += strlen(spans->items[i].text);
    char *out = rp_arena_alloc(doc->arena, n + 1);
    char *p = out;
    for (size_t i = 0; i < spans->count; i++) {
        size_t k = strlen(spans->items[i].text);
        memcpy(p, spans->items[i].text, k);
        p += k;
    }
    *p = '\0';
    return out;
}

static const enum rp_role default_roles[RP_NODE__MAX] = {
    [RP_NODE_SECTION] = RP_ROLE_SECT,
    [RP_NODE_PARAGRAPH] = RP_ROLE_P,
    [RP_NODE_LIST] = RP_ROLE_L,
    [RP_NODE_TABLE] = RP_ROLE_TABLE,
    [RP_NODE_KEY_FIGURES] = RP_ROLE_FIGURE,
    [RP_NODE_CHART] = RP_ROLE_FIGURE,
    [RP_NODE_NOTE] = RP_ROLE_NOTE,
    [RP_NODE_PAGE_BREAK] = RP_ROLE_ARTIFACT,
    [RP_NODE_TOC] = RP_ROLE_TOC,
};

struct rp_node *rp_doc_add(struct rp_doc *doc, struct rp_nodes *into, enum rp_node_kind kind)
{
    struct rp_node *node = rp_arena_alloc(doc->arena, sizeof *node);
    node->kind = kind;
    node->role = kind < RP_NODE__MAX ? default_roles[kind] : RP_ROLE_ARTIFACT;
    into->items = grow(doc->arena, into->items, &into->cap, into->count, sizeof *into->items);
    into->items[into->count++] = node;
    return node;
}

struct rp_node *rp_doc_add_section(struct rp_doc *doc, struct rp_nodes *into, int level,
                                   const char *number, const char *title)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_SECTION);
    node->u.section.level = level < 1 ? 1 : level;
    node->u.section.number = rp_doc_str(doc, number);
    node->u.section.title = rp_spans_plain(doc, title);
    node->u.section.in_toc = true;
    return node;
}

struct rp_node *rp_doc_add_paragraph(struct rp_doc *doc, struct rp_nodes *into,
                                     enum rp_para_style style, const char *text)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_PARAGRAPH);
    node->u.paragraph.style = style;
    node->u.paragraph.text = rp_spans_plain(doc, text);
    return node;
}

struct rp_node *rp_doc_add_list(struct rp_doc *doc, struct rp_nodes *into, bool ordered)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_LIST);
    node->u.list.ordered = ordered;
    return node;
}

struct rp_spans *rp_doc_list_add(struct rp_doc *doc, struct rp_node *list, const char *text)
{
    struct rp_doc_list *l = &list->u.list;
    l->items = grow(doc->arena, l->items, &l->cap, l->count, sizeof *l->items);
    struct rp_spans *item = &l->items[l->count++];
    *item = rp_spans_plain(doc, text);
    return item;
}

struct rp_node *rp_doc_add_table(struct rp_doc *doc, struct rp_nodes *into, size_t columns,
                                 const char *caption)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_TABLE);
    struct rp_doc_table *t = &node->u.table;
    t->caption = rp_spans_plain(doc, caption);
    t->column_count = columns;
    t->columns = rp_arena_array(doc->arena, columns ? columns : 1, sizeof *t->columns);
    return node;
}

void rp_doc_table_column(struct rp_node *table, size_t col, enum rp_align align, bool is_header)
{
    struct rp_doc_table *t = &table->u.table;
    if (col >= t->column_count)
        return;
    t->columns[col].align = align;
    t->columns[col].is_header = is_header;
}

struct rp_doc_header_row *rp_doc_table_header_row(struct rp_doc *doc, struct rp_node *table)
{
    struct rp_doc_table *t = &table->u.table;
    t->header = grow(doc->arena, t->header, &t->header_cap, t->header_count, sizeof *t->header);
    struct rp_doc_header_row *row = &t->header[t->header_count++];
    memset(row, 0, sizeof *row);
    return row;
}

struct rp_doc_hcell *rp_doc_header_cell(struct rp_doc *doc, struct rp_doc_header_row *row,
                                        const char *text, size_t span, enum rp_align align)
{
    row->cells = grow(doc->arena, row->cells, &row->cap, row->count, sizeof *row->cells);
    struct rp_doc_hcell *c = &row->cells[row->count++];
    c->text = rp_doc_str(doc, text ? text : "");
    c->span = span ? span : 1;
    c->align = align;
    c->lang = NULL;
    return c;
}

size_t rp_doc_table_row(struct rp_doc *doc, struct rp_node *table, enum rp_doc_row_kind kind)
{
    struct rp_doc_table *t = &table->u.table;
    t->rows = grow(doc->arena, t->rows, &t->row_cap, t->row_count, sizeof *t->rows);
    struct rp_doc_row *row = &t->rows[t->row_count];
    row->kind = kind;
    row->level = 0;
    row->cells =
        rp_arena_array(doc->arena, t->column_count ? t->column_count : 1, sizeof *row->cells);
    return t->row_count++;
}

void rp_doc_table_cell(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                       const char *text, const char *detail, unsigned flags)
{
    struct rp_doc_table *t = &table->u.table;
    if (row >= t->row_count || col >= t->column_count)
        return;
    struct rp_doc_cell *c = &t->rows[row].cells[col];
    c->text = rp_doc_str(doc, text);
    c->detail = rp_doc_str(doc, detail);
    c->flags = flags;
}

void rp_doc_cell_bar(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                     double value, double max)
{
    struct rp_doc_table *t = &table->u.table;
    if (row < t->row_count && col < t->column_count)
        t->rows[row].cells[col].bar = new_bar(doc, value, max);
}

void rp_doc_cell_lang(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                      const char *lang)
{
    struct rp_doc_table *t = &table->u.table;
    if (row < t->row_count && col < t->column_count)
        t->rows[row].cells[col].lang = rp_doc_lang(doc, lang);
}

struct rp_spans *rp_doc_table_note(struct rp_doc *doc, struct rp_node *table, const char *mark,
                                   const char *text)
{
    struct rp_doc_table *t = &table->u.table;
    t->notes = grow(doc->arena, t->notes, &t->note_cap, t->note_count, sizeof *t->notes);
    struct rp_doc_note *n = &t->notes[t->note_count++];
    n->mark = rp_doc_str(doc, mark);
    n->text = rp_spans_plain(doc, text);
    return &n->text;
}

struct rp_node *rp_doc_add_key_figures(struct rp_doc *doc, struct rp_nodes *into, const char *title)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_KEY_FIGURES);
    node->u.figures.title = rp_spans_plain(doc, title);
    return node;
}

void rp_doc_add_figure(struct rp_doc *doc, struct rp_node *figures, const char *value,
                       const char *label, const char *comment)
{
    struct rp_doc_key_figures *f = &figures->u.figures;
    f->items = grow(doc->arena, f->items, &f->cap, f->count, sizeof *f->items);
    struct rp_doc_figure *fig = &f->items[f->count++];
    fig->value = rp_doc_str(doc, value ? value : "");
    fig->label = rp_spans_plain(doc, label);
    fig->comment = rp_spans_plain(doc, comment);
}

struct rp_node *rp_doc_add_chart(struct rp_doc *doc, struct rp_nodes *into, enum rp_chart_kind kind,
                                 const char *title, size_t categories, size_t series)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_CHART);
    struct rp_doc_chart *c = &node->u.chart;
    c->kind = kind;
    c->title = rp_spans_plain(doc, title);
    c->category_count = categories;
    c->categories = rp_arena_array(doc->arena, categories ? categories : 1, sizeof *c->categories);
    c->category_langs =
        rp_arena_array(doc->arena, categories ? categories : 1, sizeof *c->category_langs);
    c->category_colors =
        rp_arena_array(doc->arena, categories ? categories : 1, sizeof *c->category_colors);
    for (size_t i = 0; i < categories; i++) {
        c->categories[i] = "";
        c->category_colors[i] = RP_DOC_COLOR_AUTO;
    }
    c->series_count = series;
    c->series = rp_arena_array(doc->arena, series ? series : 1, sizeof *c->series);
    for (size_t s = 0; s < series; s++) {
        c->series[s].name = "";
        c->series[s].color = RP_DOC_COLOR_AUTO;
        c->series[s].values =
            rp_arena_array(doc->arena, categories ? categories : 1, sizeof(double));
        c->series[s].present =
            rp_arena_array(doc->arena, categories ? categories : 1, sizeof(bool));
    }
    return node;
}

void rp_doc_chart_category(struct rp_doc *doc, struct rp_node *chart, size_t i, const char *name)
{
    if (i < chart->u.chart.category_count)
        chart->u.chart.categories[i] = rp_doc_str(doc, name ? name : "");
}

void rp_doc_chart_series(struct rp_doc *doc, struct rp_node *chart, size_t s, const char *name)
{
    if (s < chart->u.chart.series_count)
        chart->u.chart.series[s].name = rp_doc_str(doc, name ? name : "");
}

void rp_doc_chart_value(struct rp_node *chart, size_t s, size_t i, double value)
{
    struct rp_doc_chart *c = &chart->u.chart;
    if (s >= c->series_count || i >= c->category_count)
        return;
    c->series[s].values[i] = value;
    c->series[s].present[i] = true;
}

void rp_doc_chart_series_color(struct rp_node *chart, size_t s, int color)
{
    if (s < chart->u.chart.series_count)
        chart->u.chart.series[s].color = color;
}

void rp_doc_chart_category_color(struct rp_node *chart, size_t i, int color)
{
    if (i < chart->u.chart.category_count)
        chart->u.chart.category_colors[i] = color;
}

void rp_doc_chart_others(struct rp_doc *doc, struct rp_node *chart, const char *name)
{
    chart->u.chart.others = name ? rp_doc_str(doc, name) : NULL;
}

void rp_doc_chart_stated_total(struct rp_node *chart, double total)
{
    chart->u.chart.has_stated_total = true;
    chart->u.chart.stated_total = total;
}

void rp_doc_chart_category_lang(struct rp_doc *doc, struct rp_node *chart, size_t i,
                                const char *lang)
{
    if (i < chart->u.chart.category_count)
        chart->u.chart.category_langs[i] = rp_doc_lang(doc, lang);
}

void rp_doc_chart_series_lang(struct rp_doc *doc, struct rp_node *chart, size_t s, const char *lang)
{
    if (s < chart->u.chart.series_count)
        chart->u.chart.series[s].lang = rp_doc_lang(doc, lang);
}

struct rp_node *rp_doc_add_note(struct rp_doc *doc, struct rp_nodes *into, const char *mark,
                                const char *text)
{
    struct rp_node *node = rp_doc_add(doc, into, RP_NODE_NOTE);
    node->u.note.mark = rp_doc_str(doc, mark);
    node->u.note.text = rp_spans_plain(doc, text);
    return node;
}

static const char *const node_kind_names[RP_NODE__MAX] = {
    "section", "paragraph", "list", "table", "key-figures", "chart", "note", "page-break", "toc",
};
static const char *const row_kind_names[RP_DOC_ROW__MAX] = {
    "line", "group", "subtotal", "total", "of-which",
};
static const char *const align_names[RP_ALIGN__MAX] = {"left", "center", "right", "decimal"};
static const char *const chart_kind_names[RP_CHART__MAX] = {"bar-grouped", "bar-stacked", "donut",
                                                            "timeline"};
static const char *const para_style_names[RP_PARA__MAX] = {"body", "lead", "small", "remark"};

const char *rp_node_kind_name(enum rp_node_kind kind)
{
    return kind < RP_NODE__MAX ? node_kind_names[kind] : "?";
}

const char *rp_doc_row_kind_name(enum rp_doc_row_kind kind)
{
    return kind < RP_DOC_ROW__MAX ? row_kind_names[kind] : "?";
}

const char *rp_align_name(enum rp_align align)
{
    return align < RP_ALIGN__MAX ? align_names[align] : "?";
}

const char *rp_chart_kind_name(enum rp_chart_kind kind)
{
    return kind < RP_CHART__MAX ? chart_kind_names[kind] : "?";
}

const char *rp_para_style_name(enum rp_para_style style)
{
    return style < RP_PARA__MAX ? para_style_names[style] : "?";
}

static int walk(const struct rp_nodes *nodes, int depth,
                int (*visit)(const struct rp_node *node, int depth, void *ctx), void *ctx)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        int rc = visit(node, depth, ctx);
        if (rc)
            return rc;
        if (node->kind == RP_NODE_SECTION) {
            rc = walk(&node->u.section.children, depth + 1, visit, ctx);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int rp_doc_walk(const struct rp_doc *doc,
                int (*visit)(const struct rp_node *node, int depth, void *ctx), void *ctx)
{
    return walk(&doc->body, 0, visit, ctx);
}
