/* Identical notes printed once. A table whose rows share a comment (the same explanation
 * given for eight actions) used to carry eight copies of it under the table: a reader takes
 * them for eight remarks, compares them and finds nothing, and the table's page fills with
 * repetition. Identical note texts of one table, or of one run of notes in a section, become
 * one note whose mark lists every mark the copies had ("1-3, 5"): each reference in the rows
 * (a row's number, a label's "(2)") still finds its mark on that one note. Done on the
 * document tree, so that every backend (PDF and HTML) prints the same notes. */
#include "doc/doc.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool same_str(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : b && strcmp(a, b) == 0;
}

static bool same_spans(const struct rp_spans *a, const struct rp_spans *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++) {
        const struct rp_span *x = &a->items[i], *y = &b->items[i];
        if (x->kind != y->kind || x->style != y->style || !same_str(x->text, y->text) ||
            !same_str(x->href, y->href) || !same_str(x->lang, y->lang))
            return false;
    }
    return true;
}

/* Whether a mark is a plain decimal number, and its value. */
static bool number(const char *s, long *v)
{
    if (!s || *s < '0' || *s > '9')
        return false;
    char *end;
    *v = strtol(s, &end, 10);
    return *end == '\0';
}

/* The marks joined: runs of consecutive numbers as ranges ("1–3"), others as given. */
static const char *join_marks(struct rp_doc *doc, const char **marks, size_t n)
{
    size_t cap = 16;
    for (size_t i = 0; i < n; i++)
        cap += strlen(marks[i]) + 4;
    char *out = rp_arena_alloc(doc->arena, cap), *p = out;
    *p = '\0';
    for (size_t i = 0; i < n;) {
        long a, b;
        size_t j = i;
        if (number(marks[i], &a))
            while (j + 1 < n && number(marks[j + 1], &b) && b == a + (long)(j + 1 - i))
                j++;
        if (p > out)
            p += snprintf(p, cap - (size_t)(p - out), ", ");
        if (j >= i + 2) /* three or more in a row: a range, with an en dash */
            p += snprintf(p, cap - (size_t)(p - out), "%s\xe2\x80\x93%s", marks[i], marks[j]);
        else if (j == i + 1)
            p += snprintf(p, cap - (size_t)(p - out), "%s, %s", marks[i], marks[j]);
        else
            p += snprintf(p, cap - (size_t)(p - out), "%s", marks[i]);
        i = j + 1;
    }
    return out;
}

/* Merges notes[0..*count) in place: each text kept where it first appears. */
static void merge(struct rp_doc *doc, struct rp_doc_note **notes, size_t *count)
{
    size_t n = *count, kept = 0;
    const char **marks = n ? rp_arena_array(doc->arena, n, sizeof *marks) : NULL;
    bool *gone = n ? rp_arena_array(doc->arena, n, sizeof *gone) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (gone[i])
            continue;
        bool marked = notes[i]->mark && *notes[i]->mark;
        size_t m = 0;
        if (marked)
            marks[m++] = notes[i]->mark;
        for (size_t j = i + 1; j < n; j++) {
            bool jm = notes[j]->mark && *notes[j]->mark;
            if (gone[j] || jm != marked || !same_spans(&notes[i]->text, &notes[j]->text))
                continue;
            gone[j] = true;
            if (marked)
                marks[m++] = notes[j]->mark;
        }
        if (m > 1)
            notes[i]->mark = join_marks(doc, marks, m);
        notes[kept++] = notes[i];
    }
    *count = kept;
}

static void table_notes(struct rp_doc *doc, struct rp_doc_table *t)
{
    if (t->note_count < 2)
        return;
    struct rp_doc_note **p = rp_arena_array(doc->arena, t->note_count, sizeof *p);
    for (size_t i = 0; i < t->note_count; i++)
        p[i] = &t->notes[i];
    size_t n = t->note_count;
    merge(doc, p, &n);
    /* p[] is in order and p[k] >= &notes[k]: copying forward never overwrites one unread. */
    for (size_t k = 0; k < n; k++)
        t->notes[k] = *p[k];
    t->note_count = n;
}

static void walk(struct rp_doc *doc, struct rp_nodes *nodes)
{
    for (size_t i = 0; i < nodes->count; i++) {
        struct rp_node *node = nodes->items[i];
        if (node->kind == RP_NODE_TABLE)
            table_notes(doc, &node->u.table);
        else if (node->kind == RP_NODE_SECTION)
            walk(doc, &node->u.section.children);
        if (node->kind != RP_NODE_NOTE)
            continue;
        /* A run of notes: nodes[i..end). */
        size_t end = i;
        while (end < nodes->count && nodes->items[end]->kind == RP_NODE_NOTE)
            end++;
        size_t n = end - i;
        struct rp_doc_note **p = rp_arena_array(doc->arena, n, sizeof *p);
        for (size_t k = 0; k < n; k++)
            p[k] = &nodes->items[i + k]->u.note;
        size_t kept = n;
        merge(doc, p, &kept);
        /* The nodes kept, in order, then the ones after the run. */
        size_t w = i;
        for (size_t k = i; k < end; k++)
            for (size_t q = 0; q < kept; q++)
                if (&nodes->items[k]->u.note == p[q])
                    nodes->items[w++] = nodes->items[k];
        memmove(&nodes->items[w], &nodes->items[end], (nodes->count - end) * sizeof *nodes->items);
        nodes->count -= end - w;
        i = w - 1;
    }
}

void rp_doc_merge_notes(struct rp_doc *doc)
{
    walk(doc, &doc->body);
}
