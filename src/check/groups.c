/* References a reader sees as words: the group a stakeholder or a strategic objective belongs
 * to (its name heads the members), and the item a communication action is about (its
 * number and title stand in the action's row). */
#include "check/internal.h"

static const enum rp_entity STAKEHOLDER_GROUP[] = {RP_ENT_STAKEHOLDER_GROUP, RP_ENT__MAX};
static const enum rp_entity OBJECTIVE_GROUP[] = {RP_ENT_OBJECTIVE_GROUP, RP_ENT__MAX};
/* What a communication plan pairs with a message: an item of the plan's strategy. */
static const enum rp_entity ITEM[] = {RP_ENT_STRATEGIC_OBJECTIVE,
                                      RP_ENT_OPERATIONAL_OBJECTIVE,
                                      RP_ENT_PROJECT,
                                      RP_ENT_PROCESS,
                                      RP_ENT_KEY_PROCESS,
                                      RP_ENT__MAX};

static void check_about(struct checker *c, const struct rp_comm_action *a)
{
    if (!a->about)
        return;
    const struct rp_index_entry *e = rp_index_get(c->index, a->about);
    if (!e) {
        rp_check_report(c, RP_ERROR, &a->loc,
                        "communication action '%s' is about '%s', which is not defined", a->id,
                        a->about);
        return;
    }
    for (const enum rp_entity *k = ITEM; *k != RP_ENT__MAX; k++)
        if (*k == e->kind)
            return;
    rp_check_report(c, RP_ERROR, &a->loc,
                    "communication action '%s' is about '%s', a %s (defined at line %ld), not an "
                    "objective, a project or a process",
                    a->id, a->about, rp_entity_name(e->kind), e->loc->line);
}

void rp_check_groups(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->stakeholder_count; i++)
        rp_check_ref(c, &p->stakeholders[i].loc, "stakeholder group", p->stakeholders[i].group,
                     STAKEHOLDER_GROUP);
    for (size_t i = 0; i < p->objective_count; i++)
        rp_check_ref(c, &p->objectives[i].loc, "objective group", p->objectives[i].group,
                     OBJECTIVE_GROUP);
    for (size_t i = 0; i < p->communication.action_count; i++)
        check_about(c, &p->communication.actions[i]);
}
