/* Risks with this year's review: the ranked risk register of the plan (rank in the plan,
 * rank of the year, trend) and the risk domains of plans that work by domain. */
#include "compose/report.h"

#include <stdio.h>
#include <string.h>

static const struct rp_risk_review *review_of(const struct rp_evaluation *e, const char *id)
{
    for (size_t i = 0; id && i < e->risk_review_count; i++)
        if (strcmp(e->risk_reviews[i].ref, id) == 0)
            return &e->risk_reviews[i];
    return NULL;
}

/* "↑ En hausse": a rising risk points up whatever its rank. */
static const char *trend_text(struct rp_report *r, const struct rp_risk_review *rv)
{
    static const char *const symbols[RP_TREND__MAX] = {"\xe2\x86\x91", "\xe2\x86\x92",
                                                       "\xe2\x86\x93", "+", "\xc3\x97"};
    static const char *const keys[RP_TREND__MAX] = {"trend.up", "trend.stable", "trend.down",
                                                    "trend.new", "trend.closed"};
    if (!rv || (unsigned)rv->trend >= RP_TREND__MAX)
        return rp_report_l(r, "trend.unreported");
    return rp_doc_printf(r->doc, "%s %s", symbols[rv->trend], rp_report_l(r, keys[rv->trend]));
}

static const char *rank_text(struct rp_report *r, int rank)
{
    return rank > 0 ? rp_doc_printf(r->doc, "%d", rank) : RP_NIL_TEXT;
}

static struct rp_node *review_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                                    const char *const *heads, size_t ncol)
{
    struct rp_node *t = rp_doc_add_table(r->doc, into, ncol, caption);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    for (size_t c = 0; c < ncol; c++)
        rp_doc_header_cell(r->doc, h, heads[c], 1, RP_ALIGN_LEFT);
    return t;
}

static void register_table(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    char year[32];
    snprintf(year, sizeof year, "%d", r->eval->year);
    const char *heads[] = {
        rp_report_l(r, "col.rank_plan"), rp_report_l(r, "col.code"), rp_report_l(r, "col.risk"),
        rp_report_lf(r, "col.rank_year", year, NULL, NULL), rp_report_l(r, "col.trend")};
    /* No caption: the section heading right above says the same ("Registre des risques"). */
    struct rp_node *t = review_table(r, into, NULL, heads, 5);
    rp_doc_table_column(t, 0, RP_ALIGN_RIGHT, false);
    rp_doc_table_column(t, 2, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 3, RP_ALIGN_RIGHT, false);
    for (size_t i = 0; i < plan->risk_count; i++) {
        const struct rp_risk *k = &plan->risks[i];
        const struct rp_risk_review *rv = review_of(r->eval, k->id);
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, rank_text(r, k->rank), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 1, k->code ? k->code : "", NULL, 0);
        rp_report_cell(r, t, row, 2, &k->title, NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 3, rank_text(r, rv ? rv->rank : 0), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 4, trend_text(r, rv), NULL, 0);
        if (rv && rv->comment.count)
            rp_report_note_texts(r, t, k->code ? k->code : rank_text(r, k->rank), &rv->comment);
    }
}

const char *rp_report_objective_numbers(struct rp_report *r, const struct rp_refs *refs)
{
    const char *out = "";
    for (size_t i = 0; i < refs->count; i++) {
        const char *num = refs->ids[i];
        for (size_t s = 0; s < r->plan->objective_count; s++)
            if (strcmp(r->plan->objectives[s].id, refs->ids[i]) == 0 &&
                r->plan->objectives[s].number)
                num = r->plan->objectives[s].number;
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? ", " : "", num);
    }
    return out;
}

static void domains_table(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    char year[32];
    snprintf(year, sizeof year, "%d", r->eval->year);
    const char *heads[] = {rp_report_l(r, "col.number"), rp_report_l(r, "col.domain"),
                           rp_report_l(r, "col.objectives"),
                           rp_report_lf(r, "col.rank_year", year, NULL, NULL),
                           rp_report_l(r, "col.trend")};
    struct rp_node *t = review_table(r, into, NULL, heads, 5); /* the heading names it */
    rp_doc_table_column(t, 0, RP_ALIGN_RIGHT, false);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 3, RP_ALIGN_RIGHT, false);
    for (size_t i = 0; i < plan->risk_domain_count; i++) {
        const struct rp_risk_domain *d = &plan->risk_domains[i];
        const struct rp_risk_review *rv = review_of(r->eval, d->id);
        const char *mark = rp_doc_printf(r->doc, "%zu", i + 1);
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, mark, NULL, 0);
        rp_report_cell(r, t, row, 1, &d->title, NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 2, rp_report_objective_numbers(r, &d->objectives), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 3, rank_text(r, rv ? rv->rank : 0), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 4, trend_text(r, rv), NULL, 0);
        if (rv && rv->comment.count) {
            const char *lang;
            const char *comment = rp_report_text_in(r, &rv->comment, " ", &lang);
            rp_spans_lang(r->doc, rp_doc_table_note(r->doc, t, mark, comment), 0, lang);
        }
    }
}

void rp_eval_risks(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    if (plan->risk_count == 0 && plan->risk_domain_count == 0)
        return;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.risks"));
    struct rp_nodes *kids = &sec->u.section.children;
    char year[32];
    snprintf(year, sizeof year, "%d", r->eval->year);
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                         rp_doc_printf(r->doc, "%s %s",
                                       rp_report_lf(r, "risks.review", year, NULL, NULL),
                                       rp_report_l(r, "risks.rank_rule")));
    if (plan->risk_count) {
        struct rp_node *s =
            rp_doc_add_section(r->doc, kids, 2, NULL, rp_report_l(r, "sec.risk_register"));
        register_table(r, &s->u.section.children);
    }
    if (plan->risk_domain_count) {
        struct rp_node *s =
            rp_doc_add_section(r->doc, kids, 2, NULL, rp_report_l(r, "sec.risk_domains"));
        domains_table(r, &s->u.section.children);
    }
}
