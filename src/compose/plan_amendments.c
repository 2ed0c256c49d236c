/* The amendments of the plan: what they are, when they were signed and take effect, and
 * how many texts each inserted, replaced or removed. The documents print the consolidated
 * text; this chapter is where a reader learns that it is one, and by which amendments. */
#include "compose/amendments.h"

#include <stdio.h>
#include <string.h>

void rp_amendment_counts(const struct rp_plan *p, const struct rp_amendment *a,
                         size_t counts[RP_CHANGE__MAX])
{
    memset(counts, 0, RP_CHANGE__MAX * sizeof *counts);
    /* One count per text, not per language variant: the plan's own language stands for all. */
    for (size_t i = 0; i < p->change_count; i++) {
        const struct rp_text_change *c = &p->changes[i];
        if (c->amendment && strcmp(c->amendment, a->id) == 0 && rp_lang_same(c->lang, p->lang))
            counts[c->change]++;
    }
}

/* "2 textes insérés, 1 texte remplacé"; a replacement is counted with the text it
 * replaces. */
static const char *changes_text(struct rp_report *r, const struct rp_amendment *a)
{
    size_t counts[RP_CHANGE__MAX];
    rp_amendment_counts(r->plan, a, counts);
    static const struct {
        enum rp_change change;
        const char *key;
    } parts[] = {{RP_CHANGE_INSERTED, "amendment.inserted"},
                 {RP_CHANGE_REPLACED, "amendment.replaced"},
                 {RP_CHANGE_REMOVED, "amendment.removed"}};
    const char *out = NULL;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!counts[parts[i].change])
            continue;
        char n[32], one[64];
        snprintf(n, sizeof n, "%zu", counts[parts[i].change]);
        snprintf(one, sizeof one, "%s_one", parts[i].key);
        const char *part = counts[parts[i].change] == 1
                               ? rp_report_l(r, one)
                               : rp_report_lf(r, parts[i].key, n, NULL, NULL);
        out = out ? rp_doc_printf(r->doc, "%s, %s", out, part) : part;
    }
    return out ? out : rp_report_l(r, "amendment.none");
}

static const char *date_or_blank(struct rp_report *r, const struct rp_date *d)
{
    return d->year ? rp_report_date(r, d) : "";
}

void rp_plan_amendments(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->amendment_count == 0)
        return;
    struct rp_nodes *kids =
        &rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.plan_amendments"))
             ->u.section.children;
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "plan.amendments"));
    struct rp_node *t = rp_report_table(
        r, kids, NULL,
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.number"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.amendment"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.signed"), RP_ALIGN_LEFT, false, false},
            {rp_report_l(r, "col.effective"), RP_ALIGN_LEFT, false, false},
            {rp_report_l(r, "col.changes"), RP_ALIGN_LEFT, true, false}},
        5);
    for (size_t i = 0; i < p->amendment_count; i++) {
        const struct rp_amendment *a = &p->amendments[i];
        const char *mark = rp_doc_printf(r->doc, "%zu", i + 1);
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, mark, NULL, 0);
        const struct rp_text *title = rp_report_peek(r, &a->title);
        rp_report_cell(r, t, row, 1, &a->title, NULL,
                       rp_report_has_placeholder(title) ? RP_CELL_PLACEHOLDER : 0);
        rp_doc_table_cell(r->doc, t, row, 2, date_or_blank(r, &a->signed_on), NULL, 0);
        /* Without a date of its own, an amendment takes effect when it is signed. */
        rp_doc_table_cell(r->doc, t, row, 3,
                          date_or_blank(r, a->effective.year ? &a->effective : &a->signed_on), NULL,
                          0);
        rp_doc_table_cell(r->doc, t, row, 4, changes_text(r, a), NULL, 0);
        if (a->text.count)
            rp_report_note_texts(r, t, mark, &a->text);
    }
}

void rp_report_amendments_note(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (!p || p->amendment_count == 0)
        return;
    rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, rp_report_l(r, "about.amendments"));
    /* Numbered as in the plan document, so that the marks "av. 1" point into this list. */
    struct rp_node *list = rp_doc_add_list(r->doc, into, true);
    for (size_t i = 0; i < p->amendment_count; i++) {
        const struct rp_amendment *a = &p->amendments[i];
        struct rp_spans *item = rp_doc_list_add(r->doc, list, NULL);
        rp_report_add_runs(r, item, rp_report_pick(r, &a->title));
        const struct rp_date *from = a->effective.year ? &a->effective : &a->signed_on;
        if (from->year)
            rp_spans_add(r->doc, item, RP_SPAN_TEXT, 0,
                         rp_doc_printf(r->doc, " (%s)",
                                       rp_report_lf(r, "amendment.effective_on",
                                                    rp_report_date(r, from), NULL, NULL)),
                         NULL);
    }
}

void rp_report_amendment_mark(struct rp_report *r, struct rp_spans *spans,
                              const struct rp_text *text)
{
    if (!text->amendment || !r->plan)
        return;
    for (size_t i = 0; i < r->plan->amendment_count; i++) {
        if (strcmp(r->plan->amendments[i].id, text->amendment) != 0)
            continue;
        char n[32];
        snprintf(n, sizeof n, "%zu", i + 1);
        /* The space keeps the mark from reading as the end of the text's last word. */
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, " ", NULL);
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, RP_SPAN_SUP,
                     rp_report_lf(r, "amendment.mark", n, NULL, NULL), NULL);
        return;
    }
}
