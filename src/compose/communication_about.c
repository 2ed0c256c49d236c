/* What a communication plan holds across its actions, so that its summary shows only the
 * views its data fills (a plan that pairs items with messages has no channel to cross with
 * target groups, no date to set on a timeline), and the plan item an action is about. */
#include "compose/report.h"

#include "doc/typography.h"

#include <string.h>

struct rp_comm_shape rp_comm_shape_of(const struct rp_comm_plan *cp)
{
    struct rp_comm_shape s = {false, false, false, false, false, false};
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        s.objectives |= a->objectives.count > 0;
        s.about |= a->about != NULL;
        s.target_groups |= a->target_groups.count > 0;
        s.audiences |= a->audiences.count > 0;
        s.channels |= a->channels.count > 0;
        s.timing |= a->has_timing;
    }
    return s;
}

/* "Objectif stratégique 2 : title", the kind and number in the edition's words, the title in
 * the language it is shown in (`lang`), each part typeset in its own language: the cell
 * (RP_CELL_TYPESET) has one. */
static const char *item(struct rp_report *r, const char *kind, const struct rp_texts *title,
                        const char **lang)
{
    const char *text = rp_report_text_in(r, title, " ", lang);
    text = rp_typography_text(r->doc, text, *lang ? *lang : r->doc->lang);
    return rp_doc_printf(r->doc, "%s%s%s", kind, rp_report_colon(r), text);
}

static const char *action_item(struct rp_report *r, const struct rp_action *a, size_t n,
                               const char *id, const char **lang)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i].id, id) == 0)
            return item(
                r, rp_report_l(r, a[i].kind == RP_ACTION_PROCESS ? "kind.process" : "item.project"),
                &a[i].title, lang);
    return NULL;
}

static const char *objective_item(struct rp_report *r, const struct rp_strategic_objective *so,
                                  const char *id, const char **lang)
{
    if (strcmp(so->id, id) == 0)
        return item(
            r, rp_report_lf(r, "heading.strategic", so->number ? so->number : so->id, NULL, NULL),
            &so->title, lang);
    const char *found = action_item(r, so->actions, so->action_count, id, lang);
    for (size_t k = 0; !found && k < so->operational_count; k++) {
        const struct rp_operational_objective *oo = &so->operational[k];
        found = strcmp(oo->id, id) == 0
                    ? item(r,
                           rp_report_lf(r, "item.operational", oo->number ? oo->number : oo->id,
                                        NULL, NULL),
                           &oo->title, lang)
                    : action_item(r, oo->actions, oo->action_count, id, lang);
    }
    return found;
}

const char *rp_comm_about_in(struct rp_report *r, const struct rp_comm_action *a, const char **lang)
{
    *lang = NULL;
    const struct rp_plan *p = r->plan;
    if (!a->about)
        return "";
    const char *found = NULL;
    for (size_t i = 0; !found && i < p->objective_count; i++)
        found = objective_item(r, &p->objectives[i], a->about, lang);
    if (!found)
        found = action_item(r, p->projects, p->project_count, a->about, lang);
    for (size_t i = 0; !found && i < p->process_count; i++)
        if (strcmp(p->processes[i].id, a->about) == 0)
            found = item(
                r,
                rp_report_lf(r, "item.key_process",
                             p->processes[i].number ? p->processes[i].number : p->processes[i].id,
                             NULL, NULL),
                &p->processes[i].name, lang);
    return found ? found : a->about; /* the checker reports an unknown item */
}
