/* The model as indented text (`rapport dump`): the shared printing of texts and references,
 * and the evaluation; the plan is printed by dump_plan.c, its tables and narrative by
 * dump_content.c. */
#include "model/dump_internal.h"

#include <string.h>

void rp_dump_indent(struct printer *p)
{
    for (int i = 0; i < p->depth; i++)
        fputs("  ", p->out);
}

/* Placeholders in [[…]], links as text<href>, emphasis in *…*, footnotes in ^[…]. */
void rp_dump_runs(struct printer *p, const struct rp_run *run, size_t count)
{
    for (size_t r = 0; r < count; r++, run++) {
        const char *mark = run->style & RP_STYLE_STRONG ? "**"
                           : run->style & RP_STYLE_EM   ? "*"
                                                        : "";
        if (run->kind == RP_RUN_PLACEHOLDER)
            fprintf(p->out, "[[%s]]", run->text);
        else if (run->kind == RP_RUN_LINK)
            fprintf(p->out, "%s%s%s<%s>", mark, run->text, mark, run->href);
        else if (run->kind == RP_RUN_FOOTNOTE) {
            fputs("^[", p->out);
            rp_dump_runs(p, run->runs, run->run_count);
            fputc(']', p->out);
        } else
            fprintf(p->out, "%s%s%s", mark, run->text, mark);
    }
}

/* One line per text. */
void rp_dump_texts(struct printer *p, const char *field, const struct rp_texts *t)
{
    for (size_t i = 0; i < t->count; i++) {
        rp_dump_indent(p);
        fprintf(p->out, "%s[%s]: ", field, t->items[i].lang);
        rp_dump_runs(p, t->items[i].runs, t->items[i].run_count);
        if (t->items[i].amendment)
            fprintf(p->out, " {%s %s}", rp_change_name(t->items[i].change),
                    t->items[i].amendment);
        fputc('\n', p->out);
    }
}

void rp_dump_refs(struct printer *p, const char *field, const struct rp_refs *r)
{
    if (!r->count)
        return;
    rp_dump_indent(p);
    fprintf(p->out, "%s:", field);
    for (size_t i = 0; i < r->count; i++)
        fprintf(p->out, " %s", r->ids[i]);
    fputc('\n', p->out);
}

static void opt_num(FILE *out, const char *name, struct rp_opt_num n)
{
    if (n.present)
        fprintf(out, " %s=%g", name, n.value);
}

void rp_evaluation_dump(const struct rp_evaluation *e, FILE *out)
{
    struct printer p = {out, 0};
    char d[RP_DATE_TEXT];
    rp_date_text(d, e->date);
    OPEN(&p, "evaluation %s plan=%s year=%d date=%s sample=%d lang=%s", e->id, OPT(e->plan_ref),
         e->year, d, e->sample, e->lang);
    rp_dump_texts(&p, "title", &e->title);
    rp_dump_translations(&p, &e->translations);
    if (e->has_organisation)
        rp_dump_organisation(&p, &e->organisation);
    for (size_t i = 0; i < e->result_count; i++) {
        const struct rp_indicator_result *r = &e->results[i];
        OPEN(&p, "indicator-result %s", r->ref);
        for (size_t k = 0; k < r->value_count; k++) {
            rp_dump_indent(&p);
            fprintf(out, "value %g threshold=%s unit=%s\n", r->values[k].value,
                    OPT(r->values[k].threshold), OPT(r->values[k].unit));
        }
        rp_dump_texts(&p, "comment", &r->comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->progress_count; i++) {
        const struct rp_progress *pr = &e->progress[i];
        rp_dump_indent(&p);
        fprintf(out, "progress %s %s", pr->ref, rp_progress_status_name(pr->status));
        opt_num(out, "percent", pr->percent);
        fputc('\n', out);
        p.depth++;
        for (size_t k = 0; k < pr->milestone_count; k++) {
            rp_date_text(d, pr->milestones[k].date);
            rp_dump_indent(&p);
            fprintf(out, "milestone %s done=%d\n", d, pr->milestones[k].done);
            p.depth++;
            rp_dump_texts(&p, "text", &pr->milestones[k].text);
            p.depth--;
        }
        rp_dump_texts(&p, "comment", &pr->comment);
        p.depth--;
    }
    for (size_t i = 0; i < e->maturity_count; i++) {
        const struct rp_maturity_reached *m = &e->maturity[i];
        OPEN(&p, "maturity %s scale=%s level=%d", m->ref, m->scale, m->level);
        rp_dump_texts(&p, "comment", &m->comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->transversal_count; i++) {
        OPEN(&p, "transversal-result %s %g", e->transversal[i].ref, e->transversal[i].value);
        rp_dump_texts(&p, "comment", &e->transversal[i].comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->budget_count; i++) {
        const struct rp_budget_execution *b = &e->budget[i];
        rp_dump_indent(&p);
        fprintf(out, "budget-execution %s %s", b->row, b->column);
        opt_num(out, "initial", b->initial);
        opt_num(out, "adjusted", b->adjusted);
        opt_num(out, "committed", b->committed);
        opt_num(out, "liquidated", b->liquidated);
        fputc('\n', out);
        p.depth++;
        rp_dump_texts(&p, "explanation", &b->explanation);
        p.depth--;
    }
    for (size_t i = 0; i < e->risk_review_count; i++) {
        OPEN(&p, "risk-review %s rank=%d trend=%s", e->risk_reviews[i].ref, e->risk_reviews[i].rank,
             rp_trend_name(e->risk_reviews[i].trend));
        rp_dump_texts(&p, "comment", &e->risk_reviews[i].comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->comm_count; i++) {
        rp_date_text(d, e->comm[i].date);
        rp_dump_indent(&p);
        fprintf(out, "communication-execution %s %s date=%s", e->comm[i].ref,
                rp_comm_status_name(e->comm[i].status), d);
        opt_num(out, "reach", e->comm[i].reach);
        fputc('\n', out);
        p.depth++;
        rp_dump_texts(&p, "comment", &e->comm[i].comment);
        p.depth--;
    }
    rp_dump_narrative(&p, e->key_figures, e->key_figures_count, e->sections, e->section_count);
    CLOSE(&p);
}
