/* The pieces of a table cell that never break (a status symbol with its word, a date), the
 * tables that share a grid, and the decision of a table's size and orientation. */
#include "render/table_width.h"

#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The next token of `s` from *p up to a space or a no-break space: [*start, *end). */
static bool next_token(const char *s, size_t *p, size_t *start, size_t *end)
{
    size_t i = *p, len = strlen(s);
    if (i >= len)
        return false;
    *start = i;
    while (i < len && s[i] != ' ' && !(s[i] == '\xc2' && s[i + 1] == '\xa0'))
        i++;
    *end = i;
    if (i < len)
        i += s[i] == ' ' ? 1 : 2;
    *p = i;
    return *end > *start;
}

static bool is_day(const char *s, size_t a, size_t b)
{
    size_t digits = 0;
    while (a + digits < b && is_digit(s[a + digits]))
        digits++;
    if (digits < 1 || digits > 2)
        return false;
    return a + digits == b || (b - a - digits == 2 && !strncmp(s + a + digits, "er", 2));
}

/* The months of the four languages of the documents, with their lengths; an abbreviation
 * ends with a dot. */
#define MONTH(name)                                                                                \
    {                                                                                              \
        name, sizeof name - 1                                                                      \
    }
static const struct {
    const char *name;
    size_t len;
} months[] = {
    MONTH("janvier"),  MONTH("février"),  MONTH("mars"),     MONTH("avril"),     MONTH("mai"),
    MONTH("juin"),     MONTH("juillet"),  MONTH("août"),     MONTH("septembre"), MONTH("octobre"),
    MONTH("novembre"), MONTH("décembre"), MONTH("januari"),  MONTH("februari"),  MONTH("maart"),
    MONTH("mei"),      MONTH("juni"),     MONTH("juli"),     MONTH("augustus"),  MONTH("oktober"),
    MONTH("december"), MONTH("january"),  MONTH("february"), MONTH("march"),     MONTH("may"),
    MONTH("june"),     MONTH("july"),     MONTH("august"),   MONTH("october"),   MONTH("januar"),
    MONTH("februar"),  MONTH("märz"),     MONTH("dezember"), MONTH("april"),     MONTH("september"),
    MONTH("november"),
};

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_month(const char *s, size_t a, size_t b)
{
    bool abbreviated = b > a && s[b - 1] == '.';
    if (abbreviated)
        b--;
    /* Every month starts with a letter: figures and signs are told apart at once. */
    if (b - a < 3 || lower(s[a]) < 'a' || lower(s[a]) > 'z')
        return false;
    for (size_t k = 0; k < sizeof months / sizeof months[0]; k++) {
        size_t len = months[k].len, i = 0;
        if (abbreviated ? b - a > len : b - a != len)
            continue;
        while (a + i < b && lower(s[a + i]) == months[k].name[i])
            i++;
        if (a + i == b)
            return true;
    }
    return false;
}

static bool is_year(const char *s, size_t a, size_t b)
{
    if (b - a != 4)
        return false;
    for (size_t i = a; i < b; i++)
        if (!is_digit(s[i]))
            return false;
    return true;
}

bool rp_text_is_date(const char *text)
{
    size_t p = 0, a[4], b[4], n = 0;
    /* A date is two words at least: most cells (figures) have no space, and are told apart
     * at once. */
    if (!text || (!strchr(text, ' ') && !strstr(text, "\xc2\xa0")))
        return false;
    while (n < 4 && next_token(text, &p, &a[n], &b[n]))
        n++;
    if (n < 2 || n > 3 || p < strlen(text))
        return false;
    size_t m = n - 2; /* the month's token */
    return (n == 2 || is_day(text, a[0], b[0])) && is_month(text, a[m], b[m]) &&
           is_year(text, a[m + 1], b[m + 1]);
}

/* Symbols that head a word in a cell: arrows, technical and geometric shapes, dingbats
 * (status ■ ◐ ◊ ●, trends ↑ → ↓). */
static bool is_symbol(uint32_t cp)
{
    return cp >= 0x2190 && cp <= 0x2BFF;
}

/* Appends `len` bytes of `s` to out[*n]. */
static void put(char *out, size_t *n, const char *s, size_t len)
{
    memcpy(out + *n, s, len);
    *n += len;
}

bool rp_cell_whole_if_fits(const char *text, unsigned flags)
{
    return (flags & RP_CELL_LABEL) || rp_text_is_date(text);
}

char *rp_cell_bind(const char *text, unsigned flags, bool whole)
{
    if (!text || !*text)
        return NULL;
    size_t len = strlen(text);
    const char *p = text, *end = text + len;
    /* A status symbol may be two glyphs (the partial "●○"): the whole leading run of them
     * is the symbol. */
    bool symbol = is_symbol(rp_utf8_next(&p, end));
    for (const char *q = p; symbol && q < end && *q != ' '; p = q)
        if (!is_symbol(rp_utf8_next(&q, end)))
            symbol = false;
    symbol = symbol && p < end && *p == ' ';
    bool all = whole && rp_cell_whole_if_fits(text, flags);
    if (!symbol && !all)
        return NULL;
    /* Each bound space grows by one byte. */
    size_t spaces = 0;
    for (size_t i = 0; i < len; i++)
        spaces += text[i] == ' ';
    char *out = malloc(len + spaces + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        bool bind = text[i] == ' ' && (all || (symbol && text + i == p));
        if (bind)
            put(out, &n, NBSP, 2);
        else
            put(out, &n, text + i, 1);
    }
    out[n] = 0;
    return out;
}

/* ---------------------------------------------------------------- grids */

static bool same_text(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

static bool same_grid(const struct rp_doc_table *a, const struct rp_doc_table *b)
{
    if (a->column_count != b->column_count || a->header_count != b->header_count)
        return false;
    for (size_t c = 0; c < a->column_count; c++)
        if (a->columns[c].align != b->columns[c].align)
            return false;
    for (size_t h = 0; h < a->header_count; h++) {
        const struct rp_doc_header_row *x = &a->header[h], *y = &b->header[h];
        if (x->count != y->count)
            return false;
        for (size_t i = 0; i < x->count; i++)
            if (x->cells[i].span != y->cells[i].span ||
                !same_text(x->cells[i].text, y->cells[i].text))
                return false;
    }
    return true;
}

static void collect(const struct rp_nodes *nodes, const struct rp_doc_table *t,
                    const struct rp_doc_table **out, size_t cap, size_t *n)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        if (node->kind == RP_NODE_SECTION)
            collect(&node->u.section.children, t, out, cap, n);
        else if (node->kind == RP_NODE_TABLE && same_grid(&node->u.table, t)) {
            if (*n < cap)
                out[*n] = &node->u.table;
            (*n)++;
        }
    }
}

size_t rp_table_grid(const struct rp_doc *doc, const struct rp_doc_table *t,
                     const struct rp_doc_table **out, size_t cap)
{
    size_t n = 0;
    if (doc && t->header_count)
        collect(&doc->body, t, out, cap, &n);
    if (n == 0) {
        /* Not in the document's tree (or no header): a grid of its own. */
        if (cap)
            out[0] = t;
        n = 1;
    }
    return n;
}

/* ---------------------------------------------------------------- the decision */

static bool fits_at(const struct rp_doc_table *const *tables, size_t n, const struct rp_metrics *m,
                    const struct rp_table_geometry *g, double size, double avail,
                    struct rp_column_plan *plan)
{
    rp_table_measure_memo(tables, n, m, size, g->padding, g->sep, g->memo, plan);
    return rp_table_fits(tables[0], plan, avail);
}

bool rp_table_decide(const struct rp_doc_table *const *tables, size_t n, const struct rp_metrics *m,
                     const struct rp_table_geometry *g, struct rp_column_plan *plan,
                     struct rp_table_decision *out)
{
    if (!n || !tables[0]->column_count)
        return false;
    for (size_t i = 1; i < n; i++)
        if (tables[i]->column_count != tables[0]->column_count)
            return false;
    double min_size = g->min_size < g->size ? g->min_size : g->size;
    /* In order: portrait at the document's size, portrait at the smallest allowed size
     * (one table a little smaller rather than a page turned), landscape at the document's
     * size, landscape at the smallest. */
    const struct {
        bool landscape;
        double size;
    } tries[] = {{false, g->size}, {false, min_size}, {true, g->size}, {true, min_size}};
    /* An imposed orientation keeps its two tries: [0, 2) portrait, [2, 4) landscape. */
    size_t k = g->force == RP_TABLE_LANDSCAPE ? 2 : 0;
    size_t last = g->force == RP_TABLE_PORTRAIT ? 1 : sizeof tries / sizeof tries[0] - 1;
    for (; k < last; k++)
        if (fits_at(tables, n, m, g, tries[k].size, tries[k].landscape ? g->landscape : g->portrait,
                    plan))
            break;
    if (k == last)
        rp_table_measure_memo(tables, n, m, tries[k].size, g->padding, g->sep, g->memo, plan);
    out->landscape = tries[k].landscape;
    out->size = tries[k].size;
    rp_table_fit(tables[0], plan, out->landscape ? g->landscape : g->portrait);
    return true;
}
