/* Whether a document's text mentions a word: what an annex of abbreviations needs to list
 * only the terms its document uses. */
#include "doc/doc.h"

#include <string.h>

struct search {
    const char *word;
    size_t len;
};

/* A word character: ASCII letters and digits, and any byte of a multi-byte UTF-8 sequence
 * (accented letters), so that "ETP" is not found in "ETPs" nor "SPF" in "SPFs". */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool in_text(const char *text, const struct search *s)
{
    if (!text)
        return false;
    for (const char *p = strstr(text, s->word); p; p = strstr(p + 1, s->word)) {
        bool starts = p == text || !word_byte((unsigned char)p[-1]);
        bool ends = !word_byte((unsigned char)p[s->len]);
        if (starts && ends)
            return true;
    }
    return false;
}

static bool in_spans(const struct rp_spans *spans, const struct search *s)
{
    for (size_t i = 0; i < spans->count; i++)
        if (in_text(spans->items[i].text, s))
            return true;
    return false;
}

static bool in_table(const struct rp_doc_table *t, const struct search *s)
{
    if (in_spans(&t->caption, s))
        return true;
    for (size_t h = 0; h < t->header_count; h++)
        for (size_t c = 0; c < t->header[h].count; c++)
            if (in_text(t->header[h].cells[c].text, s))
                return true;
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->column_count; c++)
            if (in_text(t->rows[r].cells[c].text, s))
                return true;
    for (size_t n = 0; n < t->note_count; n++)
        if (in_spans(&t->notes[n].text, s))
            return true;
    return false;
}

static int visit(const struct rp_node *n, int depth, void *ctx)
{
    (void)depth;
    const struct search *s = ctx;
    switch (n->kind) {
    case RP_NODE_SECTION:
        return in_spans(&n->u.section.title, s);
    case RP_NODE_PARAGRAPH:
        return in_spans(&n->u.paragraph.text, s);
    case RP_NODE_LIST:
        for (size_t i = 0; i < n->u.list.count; i++)
            if (in_spans(&n->u.list.items[i], s))
                return 1;
        return 0;
    case RP_NODE_TABLE:
        return in_table(&n->u.table, s);
    case RP_NODE_KEY_FIGURES:
        for (size_t i = 0; i < n->u.figures.count; i++)
            if (in_spans(&n->u.figures.items[i].label, s) ||
                in_spans(&n->u.figures.items[i].comment, s))
                return 1;
        return in_spans(&n->u.figures.title, s);
    case RP_NODE_CHART:
        return in_spans(&n->u.chart.title, s);
    case RP_NODE_NOTE:
        return in_spans(&n->u.note.text, s);
    default:
        return 0;
    }
}

bool rp_doc_mentions(const struct rp_doc *doc, const char *word)
{
    if (!doc || !word || !*word)
        return false;
    struct search s = {word, strlen(word)};
    return rp_doc_walk(doc, visit, &s) != 0;
}
