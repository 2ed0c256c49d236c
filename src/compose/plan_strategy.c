/* The long-term strategy as the plans state it: missions (with their tasks and legal
 * bases), vision and its pillars, values, stakes (ranked) and stakeholders (grouped), and
 * the strategic priorities. */
#include "compose/plan.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

/* A pillar, a value, a priority or a stake: its number and title as a lead, else its
 * number opening its text; then its text and its items. */
static void numbered(struct rp_report *r, struct rp_nodes *into, const struct rp_numbered *n)
{
    if (n->title.count) {
        rp_plan_lead_para(r, into, RP_PARA_LEAD, n->number, &n->title);
        rp_report_paragraphs(r, into, &n->text, RP_PARA_BODY);
    } else {
        rp_plan_numbered_paragraphs(r, into, n->number, &n->text);
    }
    rp_plan_items(r, into, &n->items);
}

static void numbered_chapter(struct rp_report *r, struct rp_nodes *into, const char *key,
                             const struct rp_texts *text, const struct rp_numbered *items,
                             size_t count)
{
    if (text->count == 0 && count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, key);
    rp_report_paragraphs(r, kids, text, RP_PARA_BODY);
    for (size_t i = 0; i < count; i++)
        numbered(r, kids, &items[i]);
}

/* ---------------------------------------------------------------- missions */

/* "Base légale : Arrêté royal du 15 mai 2001 …", said once for a run of missions that
 * share it. */
static void legal_basis(struct rp_report *r, struct rp_nodes *into, const char *id,
                        const char **last)
{
    if (!id || (*last && strcmp(*last, id) == 0))
        return;
    *last = id;
    const char *lang;
    const char *title = rp_plan_legal_basis(r, id, &lang);
    rp_plan_field(r, into, "label.legal_basis", title, lang);
}

/* A mission's title opens it unless its text already does (the contracts set the title in
 * bold at the start of the text). */
static bool title_opens_text(struct rp_report *r, const struct rp_mission *m)
{
    const struct rp_text *title = rp_report_peek(r, &m->title);
    const struct rp_text *text = rp_report_peek(r, &m->text);
    return title && text && strncmp(text->plain, title->plain, strlen(title->plain)) == 0;
}

/* A task as one list item: its number, its title in bold when a text follows, its text, then
 * its items after a dash. */
static void task(struct rp_report *r, struct rp_spans *item, const struct rp_mission *c)
{
    if (c->number)
        rp_spans_add(r->doc, item, RP_SPAN_TEXT, RP_SPAN_STRONG,
                     rp_doc_printf(r->doc, "%s ", c->number), NULL);
    const char *lang;
    const char *title = rp_report_text_in(r, &c->title, " ", &lang);
    const char *sep = *title && (c->text.count || c->items.count) ? rp_report_colon(r) : "";
    rp_report_add_plain(r, item, c->text.count ? RP_SPAN_STRONG : 0,
                        rp_doc_printf(r->doc, "%s%s", title, sep), lang);
    rp_report_add_plain(r, item, 0, rp_report_text_in(r, &c->text, " ", &lang), lang);
    if (c->items.count)
        rp_report_add_plain(
            r, item, 0,
            rp_doc_printf(r->doc, "%s%s", c->text.count ? " \xe2\x80\x93 " : "",
                          rp_report_text_in(r, &c->items, rp_report_semicolon(r), &lang)),
            lang);
}

static void mission(struct rp_report *r, struct rp_nodes *into, const struct rp_mission *m,
                    const char **last_basis)
{
    legal_basis(r, into, m->legal_basis, last_basis);
    if (m->title.count && !title_opens_text(r, m)) {
        rp_plan_lead_para(r, into, RP_PARA_LEAD, m->number, &m->title);
        rp_report_paragraphs(r, into, &m->text, RP_PARA_BODY);
    } else {
        rp_plan_numbered_paragraphs(r, into, m->number, &m->text);
    }
    rp_plan_items(r, into, &m->items);
    /* Tasks: one list, each opened by its number; their legal basis before them when it is
     * not their mission's. */
    if (m->child_count == 0)
        return;
    const char *last = m->legal_basis;
    for (size_t i = 0; i < m->child_count; i++)
        legal_basis(r, into, m->children[i].legal_basis, &last);
    struct rp_node *list = rp_doc_add_list(r->doc, into, false);
    for (size_t i = 0; i < m->child_count; i++) {
        const struct rp_mission *c = &m->children[i];
        struct rp_spans *item = rp_doc_list_add(r->doc, list, NULL);
        task(r, item, c);
    }
}

void rp_plan_missions(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->missions_text.count == 0 && p->mission_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.plan_missions");
    rp_report_paragraphs(r, kids, &p->missions_text, RP_PARA_BODY);
    const char *last = NULL;
    for (size_t i = 0; i < p->mission_count; i++)
        mission(r, kids, &p->missions[i], &last);
}

/* ---------------------------------------------------------------- vision, values */

void rp_plan_vision(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    numbered_chapter(r, into, "sec.plan_vision", &p->vision_text, p->pillars, p->pillar_count);
}

void rp_plan_values(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    numbered_chapter(r, into, "sec.plan_values", &p->values_text, p->values, p->value_count);
}

void rp_plan_priorities(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    static const struct rp_texts none = {0};
    numbered_chapter(r, into, "sec.plan_priorities", &none, p->priorities, p->priority_count);
}

void rp_plan_success_factors(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    numbered_chapter(r, into, "sec.plan_success_factors", &p->success_factors_text,
                     p->success_factors, p->success_factor_count);
}

/* ---------------------------------------------------------------- stakes, stakeholders */

/* Ranked stakes first, by rank; unranked ones after, in the plan's order. */
static int by_rank(const void *a, const void *b)
{
    const struct rp_numbered *x = *(const struct rp_numbered *const *)a;
    const struct rp_numbered *y = *(const struct rp_numbered *const *)b;
    int rx = x->rank > 0 ? x->rank : 1 << 30, ry = y->rank > 0 ? y->rank : 1 << 30;
    return rx != ry ? (rx > ry) - (rx < ry) : (x > y) - (x < y);
}

static void stakes(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->stake_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_section(r, into, 2, "sec.plan_stakes");
    const struct rp_numbered **order =
        rp_arena_array(r->doc->arena, p->stake_count, sizeof *order);
    bool ranked = false;
    for (size_t i = 0; i < p->stake_count; i++) {
        order[i] = &p->stakes[i];
        ranked |= p->stakes[i].rank > 0;
    }
    qsort(order, p->stake_count, sizeof *order, by_rank);
    if (ranked)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_SMALL, rp_report_l(r, "plan.stakes.ranked"));
    for (size_t i = 0; i < p->stake_count; i++)
        numbered(r, kids, order[i]);
}

static void name_item(struct rp_report *r, struct rp_node *list, const struct rp_stakeholder *s)
{
    rp_report_add_runs(r, rp_doc_list_add(r->doc, list, NULL), rp_report_pick(r, &s->name));
}

/* Stakeholders without a group, then each group that has members, in the order the plan
 * declares them, under its name. */
static void stakeholders(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->stakeholder_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_section(r, into, 2, "sec.plan_stakeholders");
    struct rp_node *loose = NULL;
    for (size_t i = 0; i < p->stakeholder_count; i++)
        if (!p->stakeholders[i].group) {
            if (!loose)
                loose = rp_doc_add_list(r->doc, kids, false);
            name_item(r, loose, &p->stakeholders[i]);
        }
    for (size_t g = 0; g < p->stakeholder_group_count; g++) {
        const struct rp_group *group = &p->stakeholder_groups[g];
        struct rp_node *list = NULL;
        for (size_t k = 0; k < p->stakeholder_count; k++) {
            if (!p->stakeholders[k].group || strcmp(p->stakeholders[k].group, group->id) != 0)
                continue;
            if (!list) {
                struct rp_node *head = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
                rp_report_add_runs(r, &head->u.paragraph.text, rp_report_pick(r, &group->name));
                list = rp_doc_add_list(r->doc, kids, false);
            }
            name_item(r, list, &p->stakeholders[k]);
        }
    }
}

void rp_plan_environment(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->stake_count == 0 && p->stakeholder_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.plan_environment");
    stakes(r, kids);
    stakeholders(r, kids);
}
