/* The words a plan defines for itself: the annex of its glossary (terms and abbreviations,
 * sorted as a reader looks them up) and the names of its own units of measure. */
#include "compose/report.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Latin-1 letters (U+00C0-U+00FF, the second byte of a UTF-8 pair after 0xC3) without their
 * accent, lower case: "État" sorts with "etat", as in a dictionary. */
static const char FOLD[65] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
                             "aaaaaaaceeeeiiiidnooooo/ouuuuyty";

static char *fold(struct rp_arena *arena, const char *s)
{
    char *out = rp_arena_alloc(arena, strlen(s) + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
            *o++ = FOLD[*++p - 0x80];
        } else if (*p >= 'A' && *p <= 'Z') {
            *o++ = (char)(*p + 32);
        } else if (*p == ' ' || *p == '\'' || *p == '-' || (*p >= 0x80 && *p < 0xC0)) {
            continue; /* spaces, apostrophes and hyphens do not order words */
        } else {
            *o++ = (char)*p;
        }
    }
    *o = '\0';
    return out;
}

struct row {
    const struct rp_glossary_entry *entry;
    const char *key;   /* the folded term */
    const char *plain; /* the term as shown */
};

static int by_term(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->plain, y->plain);
    return c ? c : strcmp(x->entry->id, y->entry->id);
}

/* The plan's glossary entries sorted by term as shown in this edition (`*count` of them), or
 * NULL when it has none. */
static struct row *sorted_rows(struct rp_report *r, size_t *count)
{
    const struct rp_plan *plan = r->plan;
    *count = plan ? plan->glossary_count : 0;
    if (*count == 0)
        return NULL;
    struct row *rows = rp_arena_array(r->doc->arena, *count, sizeof *rows);
    for (size_t i = 0; i < *count; i++) {
        const struct rp_glossary_entry *g = &plan->glossary[i];
        const struct rp_text *term = rp_report_peek(r, &g->term); /* counted when shown */
        rows[i].entry = g;
        rows[i].plain = term ? term->plain : "";
        rows[i].key = fold(r->doc->arena, rows[i].plain);
    }
    qsort(rows, *count, sizeof *rows, by_term);
    return rows;
}

void rp_report_glossary(struct rp_report *r, struct rp_nodes *into, int level)
{
    size_t n;
    struct row *rows = sorted_rows(r, &n);
    if (!rows)
        return;
    bool expansions = false, definitions = false;
    for (size_t i = 0; i < n; i++) {
        expansions |= rows[i].entry->expansion.count > 0;
        definitions |= rows[i].entry->definition.count > 0;
    }
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, level, NULL, rp_report_l(r, "glossary.title"));
    /* The heading just above names the table: a caption would say it a second time. */
    struct rp_node *t = rp_report_table(
        r, &sec->u.section.children, NULL,
        (const struct rp_report_column[]){
            {rp_report_l(r, "glossary.col.term"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "glossary.col.expansion"), RP_ALIGN_LEFT, false, !expansions},
            {rp_report_l(r, "glossary.col.definition"), RP_ALIGN_LEFT, false, !definitions}},
        3);
    for (size_t i = 0; i < n; i++) {
        const struct rp_glossary_entry *g = rows[i].entry;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE), col = 0;
        rp_report_cell(r, t, row, col++, &g->term, NULL, 0);
        if (expansions)
            rp_report_cell(r, t, row, col++, &g->expansion, NULL, 0);
        if (definitions)
            rp_report_cell(r, t, row, col, &g->definition, NULL, 0);
    }
}

size_t rp_report_glossary_used(struct rp_report *r, struct rp_node *table)
{
    size_t n, added = 0;
    struct row *rows = sorted_rows(r, &n);
    const char *words = rows ? rp_doc_words(r->doc) : "";
    for (size_t i = 0; rows && i < n; i++) {
        const struct rp_glossary_entry *g = rows[i].entry;
        /* An abbreviation is an entry with an expansion; terms that are only defined stay
         * in the plan's own glossary. */
        if (g->expansion.count == 0 || !rp_words_mention(words, rows[i].plain))
            continue;
        size_t row = rp_doc_table_row(r->doc, table, RP_DOC_ROW_LINE);
        rp_report_cell(r, table, row, 0, &g->term, NULL, 0);
        rp_report_cell(r, table, row, 1, &g->expansion, NULL, 0);
        added++;
    }
    return added;
}

struct rp_node *rp_report_abbreviation_table(struct rp_report *r, struct rp_nodes *into)
{
    return rp_report_table(r, into, NULL,
                           (const struct rp_report_column[]){
                               {rp_report_l(r, "col.abbr"), RP_ALIGN_LEFT, true, false},
                               {rp_report_l(r, "col.meaning"), RP_ALIGN_LEFT, false, false}},
                           2);
}

void rp_report_abbreviations(struct rp_report *r, struct rp_nodes *into)
{
    /* Built detached: the chapter exists only when the document uses a term. */
    struct rp_nodes parts = {0};
    struct rp_node *t = rp_report_abbreviation_table(r, &parts);
    if (rp_report_glossary_used(r, t) == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.abbreviations"));
    sec->u.section.children = parts;
}

const char *rp_report_unit_word_in(struct rp_report *r, const char *unit, const char **lang)
{
    if (lang)
        *lang = NULL;
    if (!unit)
        return "";
    if (rp_schema_unit(unit)) {
        char key[96];
        snprintf(key, sizeof key, "iunit.%s", unit);
        return rp_report_l(r, key);
    }
    for (size_t i = 0; r->plan && i < r->plan->unit_count; i++)
        if (strcmp(r->plan->units[i].id, unit) == 0)
            return rp_report_plain_in(r, &r->plan->units[i].name, lang);
    return unit;
}
