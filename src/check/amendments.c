/* A plan's amendments: their dates against each other and the plan period, and the texts
 * they mark (the amendment named exists; a replaced text has its replacement beside it, and
 * a replacement the text it replaces). */
#include "check/internal.h"

#include <stdio.h>
#include <string.h>

static const enum rp_entity AMENDMENT[] = {RP_ENT_AMENDMENT, RP_ENT__MAX};

/* Compares two dates to the precision both give: -1, 0 (same, or not told apart) or 1. */
static int date_order(const struct rp_date *a, const struct rp_date *b)
{
    int pa[3] = {a->year, a->month, a->day}, pb[3] = {b->year, b->month, b->day};
    for (int i = 0; i < 3 && pa[i] && pb[i]; i++)
        if (pa[i] != pb[i])
            return pa[i] < pb[i] ? -1 : 1;
    return 0;
}

static void check_dates(struct checker *c, const struct rp_plan *p, const struct rp_amendment *a)
{
    char s[RP_DATE_TEXT], e[RP_DATE_TEXT];
    if (a->signed_on.year && a->effective.year && date_order(&a->effective, &a->signed_on) < 0)
        rp_check_report(c, RP_WARNING, &a->loc,
                        "amendment '%s' takes effect on %s, before it was signed on %s: a "
                        "retroactive amendment",
                        a->id, rp_date_text(e, a->effective),
                        rp_date_text(s, a->signed_on));
    /* Without a date of effect, an amendment takes effect when it is signed. */
    const struct rp_date *from = a->effective.year ? &a->effective : &a->signed_on;
    if (!from->year || !p->start || (from->year >= p->start && from->year <= p->end))
        return;
    if (a->effective.year)
        rp_check_report(c, RP_WARNING, &a->loc,
                        "amendment '%s' takes effect on %s, outside the plan period %d-%d", a->id,
                        rp_date_text(e, *from), p->start, p->end);
    else
        rp_check_report(c, RP_WARNING, &a->loc,
                        "amendment '%s', signed on %s without a date of effect, takes effect "
                        "outside the plan period %d-%d",
                        a->id, rp_date_text(e, *from), p->start, p->end);
}

/* Whether a text of `group` in `lang` is marked `change` by `amendment`. */
static bool has_partner(const struct rp_plan *p, const struct rp_text_change *t,
                        enum rp_change change)
{
    for (size_t i = 0; i < p->change_count; i++) {
        const struct rp_text_change *o = &p->changes[i];
        if (o->group == t->group && o->change == change && o->amendment && !o->inside &&
            strcmp(o->amendment, t->amendment) == 0 && strcmp(o->element, t->element) == 0 &&
            rp_lang_same(o->lang, t->lang))
            return true;
    }
    return false;
}

static void check_change(struct checker *c, const struct rp_plan *p, const struct rp_text_change *t)
{
    if (t->inside) {
        rp_check_report(c, RP_ERROR, &t->loc,
                        "<%s> inside a text marked amended-by or change: an amendment changes "
                        "a whole text, so the marks go on the text element",
                        t->element);
        return;
    }
    if (!t->amendment) {
        rp_check_report(c, RP_ERROR, &t->loc,
                        "<%s> marked change=\"%s\" without amended-by: name the amendment that "
                        "makes the change",
                        t->element, rp_change_name(t->change));
        return;
    }
    if (t->change == RP_CHANGE_NONE)
        rp_check_report(c, RP_ERROR, &t->loc,
                        "<%s> amended-by=\"%s\" without change: say whether the amendment "
                        "inserted, replaced or removed it",
                        t->element, t->amendment);
    if (!rp_check_ref(c, &t->loc, "amendment", t->amendment, AMENDMENT))
        return;
    if (t->change == RP_CHANGE_REPLACED && !has_partner(p, t, RP_CHANGE_REPLACEMENT))
        rp_check_report(c, RP_ERROR, &t->loc,
                        "<%s> replaced by amendment '%s' has no replacement: add beside it a "
                        "<%s> in language '%s' marked change=\"replacement\" amended-by=\"%s\"",
                        t->element, t->amendment, t->element, t->lang, t->amendment);
    if (t->change == RP_CHANGE_REPLACEMENT && !has_partner(p, t, RP_CHANGE_REPLACED))
        rp_check_report(c, RP_ERROR, &t->loc,
                        "<%s> is a replacement by amendment '%s' but replaces nothing: mark the "
                        "text it replaces change=\"replaced\" amended-by=\"%s\", or this one "
                        "change=\"inserted\"",
                        t->element, t->amendment, t->amendment);
}

void rp_check_amendments(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->amendment_count; i++)
        check_dates(c, p, &p->amendments[i]);
    for (size_t i = 0; i < p->change_count; i++)
        check_change(c, p, &p->changes[i]);
}
