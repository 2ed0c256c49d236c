/* Builds an rp_evaluation from a validated <evaluation> element tree. */
#include "load/plan.h"
#include "load/maturity.h"

#include "util/arena.h"

#include <string.h>

static void read_result(struct rp_reader *r, const struct rp_xnode *n,
                        struct rp_indicator_result *res)
{
    res->ref = rp_read_str(r, n, "ref");
    res->loc = n->loc;
    res->value_count = rp_xcount(n, "value");
    res->values = rp_arena_array(r->arena, res->value_count, sizeof *res->values);
    size_t i = 0;
    RP_XEACH (v, n, "value") {
        struct rp_result_value *rv = &res->values[i++];
        rv->loc = v->loc;
        rv->threshold = rp_read_str(r, v, "threshold");
        rv->unit = rp_read_str(r, v, "unit");
        const char *s = rp_read_text(r, v).plain;
        if (!rp_parse_number(s, &rv->value))
            rp_diag_add(r->diags, RP_ERROR, v->loc.file, v->loc.line, v->loc.col, "'%s' %s", s,
                        rp_number_refusal(s));
    }
    res->comment = rp_read_texts(r, n, "comment");
}

static void read_progress(struct rp_reader *r, const struct rp_xnode *n, struct rp_progress *p)
{
    p->ref = rp_read_str(r, n, "ref");
    p->loc = n->loc;
    RP_READ_ENUM(p->status, r, n, "status", rp_progress_status_name, RP_PROGRESS__MAX,
                 RP_PROGRESS_NOT_STARTED);
    p->percent = rp_read_opt_num(r, n, "percent");
    p->milestone_count = rp_xcount(n, "milestone");
    p->milestones = rp_arena_array(r->arena, p->milestone_count, sizeof *p->milestones);
    size_t i = 0;
    RP_XEACH (m, n, "milestone") {
        struct rp_milestone *ms = &p->milestones[i++];
        ms->loc = m->loc;
        ms->date = rp_read_date(r, m, "date");
        ms->done = rp_read_bool(m, "done", false);
        ms->text = rp_read_variants(r, m, "text");
    }
    p->comment = rp_read_texts(r, n, "comment");
}

static void read_budget(struct rp_reader *r, const struct rp_xnode *n,
                        struct rp_budget_execution *b)
{
    b->row = rp_read_str(r, n, "row");
    b->column = rp_read_str(r, n, "column");
    b->loc = n->loc;
    b->initial = rp_read_opt_num(r, n, "initial");
    b->adjusted = rp_read_opt_num(r, n, "adjusted");
    b->committed = rp_read_opt_num(r, n, "committed");
    b->liquidated = rp_read_opt_num(r, n, "liquidated");
    b->explanation = rp_read_texts(r, n, "explanation");
}

static void read_risk_review(struct rp_reader *r, const struct rp_xnode *n,
                             struct rp_risk_review *k)
{
    k->ref = rp_read_str(r, n, "ref");
    k->loc = n->loc;
    k->rank = (int)rp_read_long(r, n, "rank", 0);
    RP_READ_ENUM(k->trend, r, n, "trend", rp_trend_name, RP_TREND__MAX, RP_TREND_STABLE);
    k->comment = rp_read_texts(r, n, "comment");
}

static void read_comm(struct rp_reader *r, const struct rp_xnode *n, struct rp_comm_execution *c)
{
    c->ref = rp_read_str(r, n, "ref");
    c->loc = n->loc;
    RP_READ_ENUM(c->status, r, n, "status", rp_comm_status_name, RP_COMM__MAX, RP_COMM_PLANNED);
    c->date = rp_read_date(r, n, "date");
    c->reach = rp_read_opt_num(r, n, "reach");
    c->comment = rp_read_texts(r, n, "comment");
}

struct rp_evaluation *rp_read_evaluation(struct rp_reader *r, const struct rp_xnode *root)
{
    struct rp_evaluation *e = rp_arena_alloc(r->arena, sizeof *e);
    e->id = rp_read_str(r, root, "id");
    e->loc = root->loc;
    e->plan_ref = rp_read_str(r, root, "plan");
    e->year = (int)rp_read_long(r, root, "year", 0);
    e->date = rp_read_date(r, root, "date");
    e->sample = rp_read_bool(root, "sample", false);
    e->lang = r->lang;
    e->title = rp_read_variants(r, root, "title");
    e->translations = rp_read_translations(r, root);
    const struct rp_xnode *org = rp_xchild(root, "organisation");
    if (org) {
        e->has_organisation = true;
        rp_read_organisation(r, org, &e->organisation);
    }
    RP_READ_ALL(r, root, "indicator-result", e->results, e->result_count, read_result);
    RP_READ_ALL(r, root, "progress", e->progress, e->progress_count, read_progress);
    rp_read_evaluation_maturity(r, root, e);
    RP_READ_ALL(r, root, "budget-execution", e->budget, e->budget_count, read_budget);
    RP_READ_ALL(r, root, "risk-review", e->risk_reviews, e->risk_review_count, read_risk_review);
    RP_READ_ALL(r, root, "communication-execution", e->comm, e->comm_count, read_comm);
    rp_read_all_key_figures(r, root, &e->key_figures, &e->key_figures_count);
    rp_read_all_sections(r, root, &e->sections, &e->section_count);
    struct rp_text_change *changes;
    size_t change_count = rp_read_changes(r, root, &changes);
    for (size_t i = 0; i < change_count; i++)
        rp_diag_add(r->diags, RP_ERROR, changes[i].loc.file, changes[i].loc.line,
                    changes[i].loc.col,
                    "<%s> marked by an amendment in an evaluation: amendments change the texts "
                    "of the plan",
                    changes[i].element);
    return e;
}
