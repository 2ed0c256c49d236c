/* The parties' commitments as the contract sets them out. A contract gives its commitments
 * under numbered articles ("Partie IV > 16. … > 16.9. Engagements de l'État concernant le
 * financement", then 16.9.1); the model keeps those articles as narrative sections that are
 * titles only and relate to their commitments. Such a section heads its commitments here,
 * in the tree of its ancestors, and the context chapter leaves it out: printed there it
 * would be an empty heading, far from what it heads. A commitment no such section relates
 * to stays in the plan's order. */
#include "compose/plan.h"
#include "util/arena.h"

#include <string.h>

static bool is_commitment(const struct rp_plan *p, const char *id)
{
    for (size_t i = 0; i < p->commitment_count; i++)
        if (strcmp(p->commitments[i].id, id) == 0)
            return true;
    return false;
}

static bool relates(const struct rp_section *s, const char *id)
{
    for (size_t i = 0; i < s->relates_to.count; i++)
        if (strcmp(s->relates_to.ids[i], id) == 0)
            return true;
    return false;
}

/* A title and subsections, nothing of its own to read. */
static bool title_only(const struct rp_section *s)
{
    if (s->lead.count || s->signed_by.count || s->role == RP_SECTION_PENDING)
        return false;
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind != RP_BLOCK_SECTION)
            return false;
    return true;
}

/* An article of commitments: title only, and it relates to some commitment or every
 * subsection of it is such an article. */
static bool article(const struct rp_plan *p, const struct rp_section *s)
{
    if (!title_only(s))
        return false;
    bool direct = false;
    for (size_t i = 0; i < s->relates_to.count && !direct; i++)
        direct = is_commitment(p, s->relates_to.ids[i]);
    if (!direct && s->block_count == 0)
        return false;
    for (size_t i = 0; i < s->block_count; i++)
        if (!article(p, s->blocks[i].section))
            return false;
    return true;
}

/* Printed in the commitments' tree rather than in the context chapter: an article, or a
 * section whose subsections all are, its own text introducing them ("Partie IV. Chapitres
 * communs", "18. Volet budgétaire, financier et comptable"). */
static bool moved(const struct rp_plan *p, const struct rp_section *s)
{
    if (article(p, s))
        return true;
    size_t subsections = 0;
    for (size_t i = 0; i < s->block_count; i++) {
        if (s->blocks[i].kind != RP_BLOCK_SECTION)
            continue;
        if (!moved(p, s->blocks[i].section))
            return false;
        subsections++;
    }
    return subsections > 0;
}

/* Whether `s` is moved or holds a moved section: its heading belongs to the tree. */
static bool in_tree(const struct rp_plan *p, const struct rp_section *s)
{
    if (moved(p, s))
        return true;
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind == RP_BLOCK_SECTION && in_tree(p, s->blocks[i].section))
            return true;
    return false;
}

bool rp_plan_elsewhere(const struct rp_report *r, const struct rp_section *s)
{
    return r->plan->commitment_count && moved(r->plan, s);
}

/* Whether the article `s` or one beneath it relates to commitment `id`. (Such an article is
 * moved, so it and every section above it are in the tree: no need to ask. The cheap
 * relation is tested first; a plan has hundreds of commitments, each asked of every
 * section.) */
static bool heads(const struct rp_plan *p, const struct rp_section *s, const char *id)
{
    if (relates(s, id) && article(p, s))
        return true;
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind == RP_BLOCK_SECTION && heads(p, s->blocks[i].section, id))
            return true;
    return false;
}

/* "Engagements – État fédéral, CAPAC": who commits, several for a joint commitment. The
 * names are the parties' own, each counted; the line takes the first other language. */
static void parties(struct rp_report *r, struct rp_nodes *into, const struct rp_refs *ids)
{
    const char *names = "", *lang = NULL;
    for (size_t i = 0; i < ids->count; i++) {
        const struct rp_party *party = rp_plan_party(r->plan, ids->ids[i]);
        if (!party)
            continue;
        const char *l;
        const char *name = rp_report_text_in(r, &party->name, " ", &l);
        names = rp_doc_printf(r->doc, "%s%s%s", names, *names ? ", " : "", name);
        lang = lang ? lang : l;
    }
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_LEAD, NULL);
    rp_report_lf_spans(r, &p->u.paragraph.text, 0, "plan.committed_by", names, lang, NULL);
}

static bool same_parties(const struct rp_refs *a, const struct rp_refs *b)
{
    if (!a || a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->ids[i], b->ids[i]) != 0)
            return false;
    return true;
}

struct walk {
    struct rp_report *r;
    bool *done;                /* per commitment: printed */
    const struct rp_refs *last; /* the parties said last under the current heading */
};

/* Who commits, said once for a run of commitments of the same parties under one heading;
 * each commitment opened by its number, then by when and on what conditions. */
static void one(struct rp_report *r, struct rp_nodes *into, const struct rp_commitment *c,
                const struct rp_refs **last)
{
    if (c->parties.count && !same_parties(*last, &c->parties))
        parties(r, into, &c->parties);
    *last = &c->parties;
    rp_plan_numbered_paragraphs(r, into, c->number, &c->text);
    if (c->deadline.year)
        rp_plan_field(r, into, "col.due", rp_report_date(r, &c->deadline), NULL);
    rp_plan_field_texts(r, into, "label.conditions", &c->conditions);
}

static void commitment(struct walk *w, struct rp_nodes *into, size_t i)
{
    w->done[i] = true;
    one(w->r, into, &w->r->plan->commitments[i], &w->last);
}

void rp_plan_commitment_list(struct rp_report *r, struct rp_nodes *into,
                             const struct rp_commitment *commitments, size_t count)
{
    const struct rp_refs *last = NULL;
    for (size_t i = 0; i < count; i++)
        one(r, into, &commitments[i], &last);
}

static void tree(struct walk *w, struct rp_nodes *into, int level, const struct rp_section *s);

static void subsection(struct rp_report *r, void *ctx, struct rp_nodes *into, int level,
                       const struct rp_section *s)
{
    (void)r;
    tree(ctx, into, level, s);
}

/* The tree down to each article, each article's commitments in the plan's order under it; a
 * moved section with text of its own is printed whole, its subsections as the tree's. */
static void tree(struct walk *w, struct rp_nodes *into, int level, const struct rp_section *s)
{
    const struct rp_plan *p = w->r->plan;
    if (!in_tree(p, s))
        return;
    if (moved(p, s) && !title_only(s)) {
        rp_report_narrative_section(w->r, into, level, s, subsection, w);
        return;
    }
    struct rp_nodes *kids = &rp_report_section_heading(w->r, into, level, s)->u.section.children;
    w->last = NULL;
    bool heads_some = article(p, s);
    for (size_t i = 0; heads_some && i < p->commitment_count; i++)
        if (!w->done[i] && relates(s, p->commitments[i].id))
            commitment(w, kids, i);
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind == RP_BLOCK_SECTION)
            tree(w, kids, level + 1, s->blocks[i].section);
}

/* Those no article heads first, in the plan's order (printed after a tree, they would read
 * as its last article's); then each tree, brought in by the first commitment it heads, from
 * its top section. */
void rp_plan_commitments(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->commitment_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.plan_commitments");
    struct walk w = {r, rp_arena_alloc(r->doc->arena, p->commitment_count * sizeof(bool)), NULL};
    size_t *top = rp_arena_alloc(r->doc->arena, p->commitment_count * sizeof(size_t));
    for (size_t i = 0; i < p->commitment_count; i++) {
        w.done[i] = false;
        top[i] = 0;
        while (top[i] < p->section_count && !heads(p, &p->sections[top[i]], p->commitments[i].id))
            top[i]++;
    }
    for (size_t i = 0; i < p->commitment_count; i++)
        if (top[i] == p->section_count)
            commitment(&w, kids, i);
    for (size_t i = 0; i < p->commitment_count; i++)
        if (!w.done[i])
            tree(&w, kids, 2, &p->sections[top[i]]);
}
