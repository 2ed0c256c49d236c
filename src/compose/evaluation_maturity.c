/* The evaluation report's maturity tables and its transversal targets: what the year reached
 * against what the plan set. */
#include "compose/maturity.h"
#include "model/maturity.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

/* An assessed item: its number (NULL for an action: plans number none), title and
 * assessments. */
struct assessed {
    const char *id, *number;
    const struct rp_texts *title;
    const struct rp_maturities *maturity;
};

static void add(struct assessed *out, size_t *n, const char *id, const char *number,
                const struct rp_texts *title, const struct rp_maturities *m)
{
    if (m->count)
        out[(*n)++] = (struct assessed){id, number, title, m};
}

static void add_actions(struct assessed *out, size_t *n, const struct rp_action *a, size_t count)
{
    for (size_t i = 0; i < count; i++)
        add(out, n, a[i].id, NULL, &a[i].title, &a[i].maturity);
}

/* "2 – Défini", with the date under it when given. */
static void level_cell(struct rp_report *r, struct rp_node *t, size_t row, size_t col,
                       const struct rp_maturity_scale *s, int level, const struct rp_date *when)
{
    const char *lang;
    const char *text = rp_maturity_level_text(r, s, level, &lang);
    rp_doc_table_cell(r->doc, t, row, col, text,
                      when && when->year ? rp_report_date(r, when) : NULL, 0);
    rp_doc_cell_lang(r->doc, t, row, col, lang);
}

/* The strategic objective, its actions, its operational objectives and theirs: those
 * assessed on some scale, in the plan's order. */
static struct assessed *collect(struct rp_report *r, const struct rp_strategic_objective *so,
                                size_t *n)
{
    size_t cap = 1 + so->action_count + so->operational_count;
    for (size_t i = 0; i < so->operational_count; i++)
        cap += so->operational[i].action_count;
    struct assessed *items = rp_arena_array(r->doc->arena, cap, sizeof *items);
    *n = 0;
    add(items, n, so->id, so->number, &so->title, &so->maturity);
    add_actions(items, n, so->actions, so->action_count);
    for (size_t i = 0; i < so->operational_count; i++) {
        const struct rp_operational_objective *oo = &so->operational[i];
        add(items, n, oo->id, oo->number, &oo->title, &oo->maturity);
        add_actions(items, n, oo->actions, oo->action_count);
    }
    return items;
}

void rp_eval_maturity(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so)
{
    size_t n;
    struct assessed *items = collect(r, so, &n);
    if (n == 0)
        return;
    char year[16];
    snprintf(year, sizeof year, "%d", r->eval->year);
    struct rp_node *t = rp_report_table(
        r, into, rp_report_l(r, "caption.maturity"),
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.item"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.maturity_scale"), RP_ALIGN_LEFT, false, false},
            {rp_report_l(r, "col.maturity_start"), RP_ALIGN_LEFT, false, false},
            {rp_report_lf(r, "col.maturity_reached", year, NULL, NULL), RP_ALIGN_LEFT, false, false},
            {rp_report_l(r, "col.maturity_target"), RP_ALIGN_LEFT, false, false}},
        5);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < items[i].maturity->count; k++) {
            const struct rp_maturity *m = &items[i].maturity->items[k];
            const struct rp_maturity_scale *s = rp_maturity_scale_find(r->plan, m->scale);
            const struct rp_maturity_reached *got =
                rp_maturity_reached_find(r->eval, items[i].id, m->scale);
            size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
            rp_report_cell(r, t, row, 0, items[i].title, items[i].number, 0);
            if (s)
                rp_report_cell(r, t, row, 1, &s->name, NULL, 0);
            level_cell(r, t, row, 2, s, m->level, &m->as_of);
            if (got)
                level_cell(r, t, row, 3, s, got->level, NULL);
            if (m->target >= 0)
                level_cell(r, t, row, 4, s, m->target, &m->horizon);
            if (got && got->comment.count)
                rp_report_note_texts(r, t, items[i].number ? items[i].number : items[i].id,
                                     &got->comment);
        }
}

/* Per scale: the items assessed on it, those the year reports on, those at their target. */
void rp_eval_maturity_dashboard(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->maturity_scale_count == 0 || r->eval->maturity_count == 0)
        return;
    struct rp_node *t = rp_report_table(
        r, into, rp_report_l(r, "dash.maturity"),
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.maturity_scale"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.maturity_assessed"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.maturity_reported"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.maturity_at_target"), RP_ALIGN_RIGHT, false, false}},
        4);
    for (size_t i = 0; i < p->maturity_scale_count; i++) {
        const struct rp_maturity_scale *s = &p->maturity_scales[i];
        size_t assessed = 0, reported = 0, at_target = 0;
        for (size_t o = 0; o < p->objective_count; o++) {
            size_t n;
            struct assessed *items = collect(r, &p->objectives[o], &n);
            for (size_t k = 0; k < n; k++)
                for (size_t j = 0; j < items[k].maturity->count; j++) {
                    const struct rp_maturity *m = &items[k].maturity->items[j];
                    if (strcmp(m->scale, s->id) != 0)
                        continue;
                    const struct rp_maturity_reached *got =
                        rp_maturity_reached_find(r->eval, items[k].id, s->id);
                    assessed++;
                    reported += got != NULL;
                    at_target += got && m->target >= 0 && got->level >= m->target;
                }
        }
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_report_cell(r, t, row, 0, &s->name, NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 1, rp_doc_printf(r->doc, "%zu", assessed), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 2, rp_doc_printf(r->doc, "%zu", reported), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 3, rp_doc_printf(r->doc, "%zu", at_target), NULL, 0);
    }
}

/* ---------------------------------------------------------------- transversal targets */

static const char *met_word(struct rp_report *r, const struct rp_transversal_target *t,
                            const struct rp_transversal_result *got)
{
    int met = got ? rp_transversal_met(t, got->value) : -1;
    return met < 0 ? "" : rp_report_l(r, met ? "value.met" : "value.not_met");
}

/* One row per target of the plan: the target, its horizon, the value measured this year and
 * whether it meets a bound; the year's comments as notes. Only when the year reports some. */
void rp_eval_transversal(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_transversal *tv = &r->plan->transversal;
    if (!tv->present || r->eval->transversal_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.transversal"));
    char year[16];
    snprintf(year, sizeof year, "%d", r->eval->year);
    struct rp_node *t = rp_report_table(
        r, &sec->u.section.children, rp_report_l(r, "caption.transversal_results"),
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.number"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.target"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.target_value"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.horizon"), RP_ALIGN_LEFT, false, false},
            {rp_report_lf(r, "col.measured", year, NULL, NULL), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.status"), RP_ALIGN_LEFT, false, false}},
        6);
    size_t mark = 0;
    for (size_t i = 0; i < tv->theme_count; i++)
        for (size_t k = 0; k < tv->themes[i].objective_count; k++) {
            const struct rp_transversal_objective *o = &tv->themes[i].objectives[k];
            for (size_t j = 0; j < o->target_count; j++) {
                const struct rp_transversal_target *tg = &o->targets[j];
                const struct rp_transversal_result *got =
                    rp_transversal_result_find(r->eval, tg->id);
                size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
                const char *num = rp_doc_printf(r->doc, "%zu", ++mark);
                rp_doc_table_cell(r->doc, t, row, 0, num, NULL, 0);
                rp_report_cell(r, t, row, 1, &tg->label, o->number, 0);
                const char *lang;
                rp_doc_table_cell(r->doc, t, row, 2,
                                  rp_transversal_value(r, tg, tg->value, true, &lang), NULL, 0);
                rp_doc_cell_lang(r->doc, t, row, 2, lang);
                if (tg->horizon.year)
                    rp_doc_table_cell(r->doc, t, row, 3, rp_report_date(r, &tg->horizon), NULL, 0);
                if (!got)
                    continue;
                rp_doc_table_cell(r->doc, t, row, 4,
                                  rp_transversal_value(r, tg, got->value, false, &lang), NULL, 0);
                rp_doc_cell_lang(r->doc, t, row, 4, lang);
                rp_doc_table_cell(r->doc, t, row, 5, met_word(r, tg, got), NULL, 0);
                if (got->comment.count)
                    rp_report_note_texts(r, t, num, &got->comment);
            }
        }
}
