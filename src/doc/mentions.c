/* Whether a document's text mentions a word: what an annex of abbreviations needs to list
 * only the terms its document uses. The text is gathered once (rp_doc_words) and each term
 * looked up in it, rather than the tree walked once per term. */
#include "doc/doc.h"

#include "util/arena.h"

#include <string.h>

struct gather {
    struct rp_arena *arena;
    char *buf;
    size_t len, cap;
};

static void add(struct gather *g, const char *text)
{
    if (!text || !*text)
        return;
    size_t n = strlen(text);
    if (g->len + n + 2 > g->cap) {
        size_t cap = g->cap ? g->cap : 4096;
        while (g->len + n + 2 > cap)
            cap *= 2;
        char *bigger = rp_arena_alloc(g->arena, cap);
        if (g->len)
            memcpy(bigger, g->buf, g->len);
        g->buf = bigger, g->cap = cap;
    }
    memcpy(g->buf + g->len, text, n);
    g->len += n;
    g->buf[g->len++] = '\n'; /* texts never run into one another */
    g->buf[g->len] = '\0';
}

static void add_spans(struct gather *g, const struct rp_spans *spans)
{
    for (size_t i = 0; i < spans->count; i++)
        add(g, spans->items[i].text);
}

static void add_table(struct gather *g, const struct rp_doc_table *t)
{
    add_spans(g, &t->caption);
    for (size_t h = 0; h < t->header_count; h++)
        for (size_t c = 0; c < t->header[h].count; c++)
            add(g, t->header[h].cells[c].text);
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->column_count; c++)
            add(g, t->rows[r].cells[c].text);
    for (size_t n = 0; n < t->note_count; n++)
        add_spans(g, &t->notes[n].text);
}

static int visit(const struct rp_node *n, int depth, void *ctx)
{
    (void)depth;
    struct gather *g = ctx;
    switch (n->kind) {
    case RP_NODE_SECTION:
        add_spans(g, &n->u.section.title);
        break;
    case RP_NODE_PARAGRAPH:
        add_spans(g, &n->u.paragraph.text);
        break;
    case RP_NODE_LIST:
        for (size_t i = 0; i < n->u.list.count; i++)
            add_spans(g, &n->u.list.items[i]);
        break;
    case RP_NODE_TABLE:
        add_table(g, &n->u.table);
        break;
    case RP_NODE_KEY_FIGURES:
        add_spans(g, &n->u.figures.title);
        for (size_t i = 0; i < n->u.figures.count; i++) {
            add_spans(g, &n->u.figures.items[i].label);
            add_spans(g, &n->u.figures.items[i].comment);
        }
        break;
    case RP_NODE_CHART:
        add_spans(g, &n->u.chart.title);
        break;
    case RP_NODE_NOTE:
        add_spans(g, &n->u.note.text);
        break;
    default:
        break;
    }
    return 0;
}

const char *rp_doc_words(const struct rp_doc *doc)
{
    struct gather g = {.arena = doc->arena};
    rp_doc_walk(doc, visit, &g);
    return g.buf ? g.buf : "";
}

/* A word character: ASCII letters and digits, and any byte of a multi-byte UTF-8 sequence
 * (accented letters), so that "ETP" is not found in "ETPs" nor "SPF" in "SPFs". */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool rp_words_mention(const char *words, const char *word)
{
    size_t len = word ? strlen(word) : 0;
    if (!words || len == 0)
        return false;
    for (const char *p = strstr(words, word); p; p = strstr(p + 1, word)) {
        bool starts = p == words || !word_byte((unsigned char)p[-1]);
        bool ends = !word_byte((unsigned char)p[len]);
        if (starts && ends)
            return true;
    }
    return false;
}
