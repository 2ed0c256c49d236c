/* Builds an rp_plan from a validated <plan> element tree. */
#include "load/plan.h"
#include "load/maturity.h"

#include "util/arena.h"

#include <string.h>

/* Allocates `count` elements for every child named `tag` and fills them with `read`. */
static void read_numbered(struct rp_reader *r, const struct rp_xnode *n, struct rp_numbered *o)
{
    o->id = rp_read_str(r, n, "id");
    o->loc = n->loc;
    o->number = rp_read_str(r, n, "number");
    o->rank = (int)rp_read_long(r, n, "rank", 0);
    o->title = rp_read_variants(r, n, "title");
    o->text = rp_read_texts(r, n, "text");
    o->items = rp_read_texts(r, n, "item");
}

static void read_mission(struct rp_reader *r, const struct rp_xnode *n, struct rp_mission *m)
{
    m->id = rp_read_str(r, n, "id");
    m->loc = n->loc;
    m->number = rp_read_str(r, n, "number");
    m->legal_basis = rp_read_str(r, n, "legal-basis");
    m->title = rp_read_variants(r, n, "title");
    m->text = rp_read_texts(r, n, "text");
    m->items = rp_read_texts(r, n, "item");
    RP_READ_ALL(r, n, "mission", m->children, m->child_count, read_mission);
}

static void read_party(struct rp_reader *r, const struct rp_xnode *n, struct rp_party *p)
{
    p->id = rp_read_str(r, n, "id");
    p->loc = n->loc;
    RP_READ_ENUM(p->role, r, n, "role", rp_party_role_name, RP_PARTY_ROLE__MAX, RP_PARTY_OTHER);
    p->name = rp_read_variants(r, n, "name");
}

static void read_legal(struct rp_reader *r, const struct rp_xnode *n, struct rp_legal_basis *l)
{
    l->id = rp_read_str(r, n, "id");
    l->loc = n->loc;
    l->date = rp_read_date(r, n, "date");
    l->published = rp_read_date(r, n, "published");
    l->title = rp_read_variants(r, n, "title");
}

static void read_approval(struct rp_reader *r, const struct rp_xnode *n, struct rp_approval *a)
{
    a->loc = n->loc;
    a->date = rp_read_date(r, n, "date");
    a->body = rp_read_variants(r, n, "body");
}

static void read_signatory(struct rp_reader *r, const struct rp_xnode *n, struct rp_signatory *s)
{
    s->loc = n->loc;
    s->name = rp_read_str(r, n, "name");
    s->party = rp_read_str(r, n, "party");
    s->role = rp_read_variants(r, n, "role");
}

static void read_group(struct rp_reader *r, const struct rp_xnode *n, struct rp_group *g)
{
    g->id = rp_read_str(r, n, "id");
    g->loc = n->loc;
    g->name = rp_read_variants(r, n, "name");
}

static void read_stakeholder(struct rp_reader *r, const struct rp_xnode *n,
                             struct rp_stakeholder *s)
{
    s->id = rp_read_str(r, n, "id");
    s->loc = n->loc;
    s->group = rp_read_str(r, n, "group");
    s->name = rp_read_variants(r, n, "name");
}

static void read_risk(struct rp_reader *r, const struct rp_xnode *n, struct rp_risk *k)
{
    k->id = rp_read_str(r, n, "id");
    k->loc = n->loc;
    k->code = rp_read_str(r, n, "code");
    k->rank = (int)rp_read_long(r, n, "rank", 0);
    k->title = rp_read_variants(r, n, "title");
    k->justification = rp_read_texts(r, n, "justification");
}

static void read_risk_domain(struct rp_reader *r, const struct rp_xnode *n,
                             struct rp_risk_domain *d)
{
    d->id = rp_read_str(r, n, "id");
    d->loc = n->loc;
    d->title = rp_read_variants(r, n, "title");
    d->weaknesses = rp_read_texts(r, n, "weakness");
    d->threats = rp_read_texts(r, n, "threat");
    d->notes = rp_read_texts(r, n, "note");
    d->objectives = rp_read_refs(r, n, "objectives");
}

static void read_action(struct rp_reader *r, const struct rp_xnode *n, struct rp_action *a)
{
    a->id = rp_read_str(r, n, "id");
    a->loc = n->loc;
    a->kind = strcmp(n->name, "process") == 0 ? RP_ACTION_PROCESS : RP_ACTION_PROJECT;
    a->owners = rp_read_refs(r, n, "owners");
    a->objectives = rp_read_refs(r, n, "objectives");
    a->due = rp_read_date(r, n, "due");
    a->title = rp_read_variants(r, n, "title");
    a->text = rp_read_texts(r, n, "text");
    a->maturity = rp_read_maturities(r, n);
}

static void read_threshold(struct rp_reader *r, const struct rp_xnode *n, struct rp_threshold *t)
{
    t->id = rp_read_str(r, n, "id");
    t->loc = n->loc;
    t->value = rp_read_num(r, n, "value", 0);
    t->within = rp_read_opt_num(r, n, "within");
    RP_READ_ENUM(t->within_unit, r, n, "within-unit", rp_within_unit_name, RP_WITHIN__MAX,
                 RP_WITHIN_NONE);
}

static void read_milestone(struct rp_reader *r, const struct rp_xnode *n, struct rp_milestone *m)
{
    m->id = rp_read_str(r, n, "id");
    m->loc = n->loc;
    m->date = rp_read_date(r, n, rp_xnode_attr(n, "due") ? "due" : "date");
    m->done = rp_read_bool(n, "done", false);
    m->text = rp_read_variants(r, n, "text");
}

static void read_indicator(struct rp_reader *r, const struct rp_xnode *n, struct rp_indicator *ind)
{
    ind->id = rp_read_str(r, n, "id");
    ind->loc = n->loc;
    ind->number = rp_read_str(r, n, "number");
    ind->unit = rp_read_str(r, n, "unit");
    RP_READ_ENUM(ind->direction, r, n, "direction", rp_direction_name, RP_DIR__MAX,
                 RP_DIR_INCREASE);
    ind->title = rp_read_variants(r, n, "title");
    ind->definition = rp_read_texts(r, n, "definition");
    const struct rp_xnode *base = rp_xchild(n, "baseline");
    if (base) {
        ind->baseline = rp_read_opt_num(r, base, "value");
        ind->baseline_year = (int)rp_read_long(r, base, "year", 0);
    }
    const struct rp_xnode *norm = rp_xchild(n, "norm");
    if (norm) {
        RP_READ_ENUM(ind->norm.kind, r, norm, "kind", rp_norm_kind_name, RP_NORM_KIND__MAX,
                     RP_NORM_UNDEFINED);
        RP_READ_ALL(r, norm, "threshold", ind->norm.thresholds,
                  ind->norm.threshold_count, read_threshold);
        RP_READ_ALL(r, norm, "milestone", ind->norm.milestones,
                  ind->norm.milestone_count, read_milestone);
        ind->norm.text = rp_read_variants(r, norm, "text");
    }
    const struct rp_xnode *rep = rp_xchild(n, "reporting");
    if (rep) {
        RP_READ_ENUM(ind->frequency, r, rep, "frequency", rp_frequency_name, RP_FREQ__MAX,
                     RP_FREQ_UNSPECIFIED);
        ind->frequency_raw = rp_read_str(r, rep, "raw");
    }
}

/* Projects and processes come in one mixed list in the source order. */
static void read_actions(struct rp_reader *r, const struct rp_xnode *n, struct rp_action **out,
                         size_t *count)
{
    *count = rp_xcount(n, "project") + rp_xcount(n, "process");
    *out = rp_arena_array(r->arena, *count, sizeof **out);
    size_t k = 0;
    for (size_t i = 0; i < n->child_count; i++) {
        const struct rp_xnode *c = &n->children[i];
        if (c->name && (strcmp(c->name, "project") == 0 || strcmp(c->name, "process") == 0))
            read_action(r, c, &(*out)[k++]);
    }
}

static void read_operational(struct rp_reader *r, const struct rp_xnode *n,
                             struct rp_operational_objective *o)
{
    o->id = rp_read_str(r, n, "id");
    o->loc = n->loc;
    o->number = rp_read_str(r, n, "number");
    o->owners = rp_read_refs(r, n, "owners");
    o->title = rp_read_variants(r, n, "title");
    o->text = rp_read_texts(r, n, "text");
    o->maturity = rp_read_maturities(r, n);
    RP_READ_ALL(r, n, "indicator", o->indicators, o->indicator_count,
              read_indicator);
    read_actions(r, n, &o->actions, &o->action_count);
}

static void read_ambition(struct rp_reader *r, const struct rp_xnode *n, struct rp_ambition *a)
{
    a->id = rp_read_str(r, n, "id");
    a->loc = n->loc;
    a->owners = rp_read_refs(r, n, "owners");
    a->owners_raw = rp_read_str(r, n, "owners-raw");
    a->text = rp_read_texts(r, n, "text");
}

static void read_strategic(struct rp_reader *r, const struct rp_xnode *n,
                           struct rp_strategic_objective *o)
{
    o->id = rp_read_str(r, n, "id");
    o->loc = n->loc;
    o->number = rp_read_str(r, n, "number");
    o->group = rp_read_str(r, n, "group");
    o->owners = rp_read_refs(r, n, "owners");
    o->priorities = rp_read_refs(r, n, "priorities");
    o->title = rp_read_variants(r, n, "title");
    o->text = rp_read_texts(r, n, "text");
    o->maturity = rp_read_maturities(r, n);
    RP_READ_ALL(r, n, "ambition", o->ambitions, o->ambition_count, read_ambition);
    RP_READ_ALL(r, n, "operational-objective", o->operational,
              o->operational_count, read_operational);
    read_actions(r, n, &o->actions, &o->action_count);
}

static void read_process(struct rp_reader *r, const struct rp_xnode *n, struct rp_key_process *p)
{
    p->id = rp_read_str(r, n, "id");
    p->loc = n->loc;
    p->number = rp_read_str(r, n, "number");
    RP_READ_ENUM(p->type, r, n, "type", rp_process_type_name, RP_PROCESS_TYPE__MAX,
                 RP_PROCESS_OPERATIONAL);
    p->type_raw = rp_read_str(r, n, "type-raw");
    p->owners = rp_read_refs(r, n, "owners");
    p->name = rp_read_variants(r, n, "name");
    p->sub_processes = rp_read_texts(r, n, "sub-process");
    p->triggers = rp_read_texts(r, n, "trigger");
    p->outputs = rp_read_texts(r, n, "output");
    p->clients = rp_read_texts(r, n, "client");
}

void rp_read_commitment(struct rp_reader *r, const struct rp_xnode *n, struct rp_commitment *c)
{
    c->id = rp_read_str(r, n, "id");
    c->loc = n->loc;
    c->number = rp_read_str(r, n, "number");
    c->parties = rp_read_refs(r, n, "parties");
    c->deadline = rp_read_date(r, n, "deadline");
    c->text = rp_read_texts(r, n, "text");
    c->conditions = rp_read_texts(r, n, "condition");
}

static void read_measure_unit(struct rp_reader *r, const struct rp_xnode *n,
                              struct rp_measure_unit *u)
{
    u->id = rp_read_str(r, n, "id");
    u->loc = n->loc;
    u->name = rp_read_variants(r, n, "name");
}

static void read_glossary_entry(struct rp_reader *r, const struct rp_xnode *n,
                                struct rp_glossary_entry *g)
{
    g->id = rp_read_str(r, n, "id");
    g->loc = n->loc;
    g->term = rp_read_variants(r, n, "term");
    g->expansion = rp_read_variants(r, n, "expansion");
    g->definition = rp_read_variants(r, n, "definition");
}

static void read_comm_objective(struct rp_reader *r, const struct rp_xnode *n,
                                struct rp_comm_objective *o)
{
    o->id = rp_read_str(r, n, "id");
    o->loc = n->loc;
    o->name = rp_read_variants(r, n, "name");
}

/* An action's timing in each language. The date belongs to the moment, not to one wording:
 * the first variant that gives one sets it, and a variant that gives another is an error. */
static void read_timing(struct rp_reader *r, const struct rp_xnode *n, struct rp_comm_action *a)
{
    a->timings = rp_read_variants(r, n, "timing");
    if (a->timings.count == 0)
        return;
    a->has_timing = true;
    a->timing = a->timings.items[0];
    const struct rp_xnode *dated = NULL;
    RP_XEACH (t, n, "timing") {
        if (!rp_xnode_attr(t, "date") || rp_text_removed(t))
            continue;
        struct rp_date d = rp_read_date(r, t, "date");
        if (!dated) {
            dated = t;
            a->timing_date = d;
        } else if (d.year != a->timing_date.year || d.month != a->timing_date.month ||
                   d.day != a->timing_date.day)
            rp_diag_add(r->diags, RP_ERROR, t->loc.file, t->loc.line, t->loc.col,
                        "<timing> date '%s' differs from the date of the variant at line %ld",
                        rp_xnode_attr(t, "date"), dated->loc.line);
    }
}

static void read_comm_action(struct rp_reader *r, const struct rp_xnode *n,
                             struct rp_comm_action *a)
{
    a->id = rp_read_str(r, n, "id");
    a->loc = n->loc;
    a->about = rp_read_str(r, n, "about");
    size_t no = rp_xcount(n, "objective");
    a->objectives.ids = rp_arena_array(r->arena, no, sizeof *a->objectives.ids);
    a->objectives.loc = n->loc;
    RP_XEACH (o, n, "objective")
        a->objectives.ids[a->objectives.count++] = rp_read_str(r, o, "ref");
    a->audiences = rp_read_texts(r, n, "audience");
    a->target_groups = rp_read_texts(r, n, "target-group");
    a->messages = rp_read_texts(r, n, "message");
    a->message_kinds = rp_arena_array(r->arena, a->messages.count, sizeof *a->message_kinds);
    size_t i = 0;
    RP_XEACH (m, n, "message") {
        if (rp_text_removed(m)) /* parallel to the consolidated messages */
            continue;
        RP_READ_ENUM(a->message_kinds[i], r, m, "kind", rp_message_kind_name, RP_MESSAGE__MAX,
                     RP_MESSAGE_PLAIN);
        i++;
    }
    a->channels = rp_read_texts(r, n, "channel");
    a->materials = rp_read_texts(r, n, "material");
    a->responsibles = rp_read_texts(r, n, "responsible");
    read_timing(r, n, a);
}

static void read_communication(struct rp_reader *r, const struct rp_xnode *n,
                               struct rp_comm_plan *cp)
{
    cp->text = rp_read_texts(r, n, "text");
    RP_READ_ALL(r, n, "communication-objective", cp->objectives,
              cp->objective_count, read_comm_objective);
    RP_READ_ALL(r, n, "action", cp->actions, cp->action_count,
              read_comm_action);
}

/* The list element `wrapper` (e.g. <stakes>) holding children `tag`, read with `read`. */
#define READ_WRAPPED(r, root, wrapper, tag, items, count, read)                                    \
    do {                                                                                           \
        const struct rp_xnode *w_ = rp_xchild((root), (wrapper));                                  \
        if (w_)                                                                                    \
            RP_READ_ALL(r, w_, tag, items, count, read);                                           \
    } while (0)

static struct rp_texts wrapper_text(struct rp_reader *r, const struct rp_xnode *root,
                                    const char *wrapper)
{
    const struct rp_xnode *w = rp_xchild(root, wrapper);
    struct rp_texts none = {0};
    return w ? rp_read_texts(r, w, "text") : none;
}

struct rp_plan *rp_read_plan(struct rp_reader *r, const struct rp_xnode *root)
{
    struct rp_plan *p = rp_arena_alloc(r->arena, sizeof *p);
    p->id = rp_read_str(r, root, "id");
    p->loc = root->loc;
    RP_READ_ENUM(p->kind, r, root, "kind", rp_plan_kind_name, RP_PLAN_KIND__MAX, RP_PLAN_STRATEGIC);
    p->start = (int)rp_read_long(r, root, "start", 0);
    p->end = (int)rp_read_long(r, root, "end", 0);
    p->date = rp_read_date(r, root, "date");
    p->lang = r->lang;
    p->title = rp_read_variants(r, root, "title");
    p->translations = rp_read_translations(r, root);
    rp_read_organisation(r, rp_xchild(root, "organisation"), &p->organisation);
    RP_READ_ALL(r, root, "party", p->parties, p->party_count, read_party);
    RP_READ_ALL(r, root, "legal-basis", p->legal_bases, p->legal_basis_count,
              read_legal);
    RP_READ_ALL(r, root, "approval", p->approvals, p->approval_count,
              read_approval);
    const struct rp_xnode *sig = rp_xchild(root, "signature");
    if (sig) {
        p->signature.present = true;
        p->signature.loc = sig->loc;
        p->signature.place = rp_read_variants(r, sig, "place");
        p->signature.date = rp_read_date(r, sig, "date");
        RP_READ_ALL(r, sig, "signatory", p->signature.signatories,
                  p->signature.signatory_count, read_signatory);
    }
    RP_READ_ALL(r, root, "amendment", p->amendments, p->amendment_count,
              rp_read_amendment);
    p->change_count = rp_read_changes(r, root, &p->changes);
    p->missions_text = wrapper_text(r, root, "missions");
    READ_WRAPPED(r, root, "missions", "mission", p->missions, p->mission_count,
                 read_mission);
    p->vision_text = wrapper_text(r, root, "vision");
    READ_WRAPPED(r, root, "vision", "pillar", p->pillars, p->pillar_count,
                 read_numbered);
    p->values_text = wrapper_text(r, root, "values");
    READ_WRAPPED(r, root, "values", "value", p->values, p->value_count,
                 read_numbered);
    READ_WRAPPED(r, root, "stakes", "stake", p->stakes, p->stake_count,
                 read_numbered);
    READ_WRAPPED(r, root, "stakeholders", "group", p->stakeholder_groups,
                 p->stakeholder_group_count, read_group);
    READ_WRAPPED(r, root, "stakeholders", "stakeholder", p->stakeholders,
                 p->stakeholder_count, read_stakeholder);
    p->risks_text = wrapper_text(r, root, "risks");
    READ_WRAPPED(r, root, "risks", "risk", p->risks, p->risk_count, read_risk);
    READ_WRAPPED(r, root, "risk-domains", "risk-domain", p->risk_domains,
                 p->risk_domain_count, read_risk_domain);
    READ_WRAPPED(r, root, "priorities", "priority", p->priorities,
                 p->priority_count, read_numbered);
    p->success_factors_text = wrapper_text(r, root, "success-factors");
    READ_WRAPPED(r, root, "success-factors", "success-factor", p->success_factors, p->success_factor_count, read_numbered);
    READ_WRAPPED(r, root, "units", "unit", p->units, p->unit_count,
                 read_measure_unit);
    rp_read_maturity_scales(r, root, p);
    READ_WRAPPED(r, root, "strategic-objectives", "group", p->objective_groups,
                 p->objective_group_count, read_group);
    READ_WRAPPED(r, root, "strategic-objectives", "strategic-objective", p->objectives, p->objective_count, read_strategic);
    READ_WRAPPED(r, root, "key-processes", "key-process", p->processes,
                 p->process_count, read_process);
    READ_WRAPPED(r, root, "projects", "project", p->projects, p->project_count,
                 read_action);
    READ_WRAPPED(r, root, "commitments", "commitment", p->commitments,
                 p->commitment_count, rp_read_commitment);
    rp_read_transversal(r, root, p);
    READ_WRAPPED(r, root, "tables", "table", p->tables, p->table_count,
                 rp_read_table);
    const struct rp_xnode *comm = rp_xchild(root, "communication-plan");
    if (comm) {
        p->has_communication = true;
        read_communication(r, comm, &p->communication);
    }
    READ_WRAPPED(r, root, "glossary", "entry", p->glossary,
                 p->glossary_count, read_glossary_entry);
    rp_read_all_key_figures(r, root, &p->key_figures, &p->key_figures_count);
    rp_read_all_sections(r, root, &p->sections, &p->section_count);
    return p;
}
