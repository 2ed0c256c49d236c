/* Maturity scales and assessments, transversal objectives and what evaluations report on
 * them. The schema has checked the shapes; the checker checks the levels and references. */
#include "load/maturity.h"

#include "util/arena.h"

#include <string.h>

static void read_maturity(struct rp_reader *r, const struct rp_xnode *n, struct rp_maturity *m)
{
    m->loc = n->loc;
    m->scale = rp_read_str(r, n, "scale");
    m->level = (int)rp_read_long(r, n, "level", 0);
    m->target = (int)rp_read_long(r, n, "target", -1);
    m->as_of = rp_read_date(r, n, "as-of");
    m->horizon = rp_read_date(r, n, "horizon");
}

struct rp_maturities rp_read_maturities(struct rp_reader *r, const struct rp_xnode *node)
{
    struct rp_maturities out = {0};
    RP_READ_ALL(r, node, "maturity", out.items, out.count, read_maturity);
    return out;
}

static void read_level(struct rp_reader *r, const struct rp_xnode *n, struct rp_maturity_level *l)
{
    l->loc = n->loc;
    l->value = (int)rp_read_long(r, n, "value", 0);
    l->name = rp_read_variants(r, n, "name");
    l->description = rp_read_texts(r, n, "description");
}

static void read_scale(struct rp_reader *r, const struct rp_xnode *n, struct rp_maturity_scale *s)
{
    s->id = rp_read_str(r, n, "id");
    s->loc = n->loc;
    s->name = rp_read_variants(r, n, "name");
    RP_READ_ALL(r, n, "level", s->levels, s->level_count, read_level);
}

void rp_read_maturity_scales(struct rp_reader *r, const struct rp_xnode *root, struct rp_plan *p)
{
    const struct rp_xnode *w = rp_xchild(root, "maturity-scales");
    if (w)
        RP_READ_ALL(r, w, "maturity-scale", p->maturity_scales, p->maturity_scale_count, read_scale);
}

static void read_target(struct rp_reader *r, const struct rp_xnode *n,
                        struct rp_transversal_target *t)
{
    t->id = rp_read_str(r, n, "id");
    t->loc = n->loc;
    t->value = rp_read_num(r, n, "value", 0);
    t->unit = rp_read_str(r, n, "unit");
    RP_READ_ENUM(t->qualifier, r, n, "qualifier", rp_qualifier_name, RP_QUAL__MAX, RP_QUAL_EXACT);
    t->horizon = rp_read_date(r, n, "horizon");
    t->label = rp_read_variants(r, n, "label");
}

static void read_objective(struct rp_reader *r, const struct rp_xnode *n,
                           struct rp_transversal_objective *o)
{
    o->id = rp_read_str(r, n, "id");
    o->loc = n->loc;
    o->number = rp_read_str(r, n, "number");
    o->title = rp_read_variants(r, n, "title");
    o->text = rp_read_texts(r, n, "text");
    RP_READ_ALL(r, n, "commitment", o->commitments, o->commitment_count, rp_read_commitment);
    RP_READ_ALL(r, n, "target", o->targets, o->target_count, read_target);
}

static void read_theme(struct rp_reader *r, const struct rp_xnode *n,
                       struct rp_transversal_theme *t)
{
    t->id = rp_read_str(r, n, "id");
    t->loc = n->loc;
    t->number = rp_read_str(r, n, "number");
    t->title = rp_read_variants(r, n, "title");
    RP_READ_ALL(r, n, "transversal-objective", t->objectives, t->objective_count, read_objective);
}

void rp_read_transversal(struct rp_reader *r, const struct rp_xnode *root, struct rp_plan *p)
{
    const struct rp_xnode *w = rp_xchild(root, "transversal-objectives");
    if (!w)
        return;
    struct rp_transversal *t = &p->transversal;
    t->present = true;
    t->loc = w->loc;
    t->pending = rp_read_bool(w, "pending", false);
    t->text = rp_read_texts(r, w, "text");
    RP_READ_ALL(r, w, "theme", t->themes, t->theme_count, read_theme);
}

static void read_reached(struct rp_reader *r, const struct rp_xnode *n,
                         struct rp_maturity_reached *m)
{
    m->ref = rp_read_str(r, n, "ref");
    m->scale = rp_read_str(r, n, "scale");
    m->loc = n->loc;
    m->level = (int)rp_read_long(r, n, "level", 0);
    m->comment = rp_read_texts(r, n, "comment");
}

static void read_result(struct rp_reader *r, const struct rp_xnode *n,
                        struct rp_transversal_result *t)
{
    t->ref = rp_read_str(r, n, "ref");
    t->loc = n->loc;
    t->value = rp_read_num(r, n, "value", 0);
    t->comment = rp_read_texts(r, n, "comment");
}

void rp_read_evaluation_maturity(struct rp_reader *r, const struct rp_xnode *root,
                                 struct rp_evaluation *e)
{
    RP_READ_ALL(r, root, "maturity", e->maturity, e->maturity_count, read_reached);
    RP_READ_ALL(r, root, "transversal-result", e->transversal, e->transversal_count, read_result);
}
