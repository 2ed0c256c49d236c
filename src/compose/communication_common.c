/* Helpers shared by the parts of the communication summary and the evaluation report's
 * communication chapter: action numbers, joined texts, messages, timing, flagged cells. */
#include "compose/report.h"

#include "doc/typography.h"

#include <string.h>

/* In a review edition, a cell holding wording the source left unresolved says so in its
 * second line too, so that the flag survives in every backend. A publication edition sets
 * the wording as the source printed it. */
void rp_comm_cell(struct rp_report *r, struct rp_node *t, size_t row, size_t col, const char *text,
                  const char *detail, unsigned flags)
{
    rp_comm_cell_in(r, t, row, col, text, NULL, detail, flags);
}

void rp_comm_cell_in(struct rp_report *r, struct rp_node *t, size_t row, size_t col,
                     const char *text, const char *lang, const char *detail, unsigned flags)
{
    if ((flags & RP_CELL_PLACEHOLDER) && r->edition == RP_EDITION_REVIEW) {
        const char *mark = rp_report_l(r, "timing.placeholder");
        detail = detail ? rp_doc_printf(r->doc, "%s \xc2\xb7 %s", detail, mark) : mark;
    }
    rp_doc_table_cell(r->doc, t, row, col, text, detail, flags);
    rp_doc_cell_lang(r->doc, t, row, col, lang);
}

const char *rp_comm_number(struct rp_report *r, size_t i)
{
    return rp_doc_printf(r->doc, "%zu", i + 1);
}

const char *rp_comm_joined(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                           unsigned *flags)
{
    return rp_comm_joined_in(r, texts, sep, flags, NULL);
}

/* Every text of `texts` in the chosen language, joined; `flags` gains PLACEHOLDER when one
 * of them holds a placeholder. */
const char *rp_comm_joined_in(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                              unsigned *flags, const char **lang)
{
    const char *text = rp_report_text_in(r, texts, sep, lang);
    const char *shown = rp_report_peek_lang(r, texts);
    for (size_t i = 0; shown && i < texts->count; i++)
        if (rp_report_in(&texts->items[i], shown) && rp_report_has_placeholder(&texts->items[i]))
            *flags |= RP_CELL_PLACEHOLDER;
    return text;
}

const char *rp_comm_objectives(struct rp_report *r, const struct rp_comm_action *a)
{
    return rp_comm_objectives_in(r, a, NULL);
}

const char *rp_comm_objectives_in(struct rp_report *r, const struct rp_comm_action *a,
                                  const char **lang)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    const char *out = "", *joined = NULL;
    for (size_t i = 0; i < a->objectives.count; i++) {
        const char *name = a->objectives.ids[i], *one = NULL;
        for (size_t k = 0; k < cp->objective_count; k++)
            if (strcmp(cp->objectives[k].id, a->objectives.ids[i]) == 0)
                name = rp_report_text_in(r, &cp->objectives[k].name, " ", &one);
        joined = joined ? joined : one;
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? rp_report_semicolon(r) : "", name);
    }
    if (lang)
        *lang = joined;
    return out;
}

const char *rp_comm_messages(struct rp_report *r, const struct rp_comm_action *a, unsigned *flags)
{
    return rp_comm_messages_in(r, a, flags, NULL);
}

/* "Message principal : …" for messages the source marks as main or secondary. */
const char *rp_comm_messages_in(struct rp_report *r, const struct rp_comm_action *a,
                                unsigned *flags, const char **lang)
{
    const char *chosen = rp_report_text_lang(r, &a->messages);
    if (lang)
        *lang = rp_report_lang_of(r, chosen);
    const char *out = NULL;
    for (size_t i = 0; chosen && i < a->messages.count; i++) {
        const struct rp_text *t = &a->messages.items[i];
        if (!rp_report_in(t, chosen))
            continue;
        if (rp_report_has_placeholder(t))
            *flags |= RP_CELL_PLACEHOLDER;
        enum rp_message_kind kind = a->message_kinds ? a->message_kinds[i] : RP_MESSAGE_PLAIN;
        /* A label of the edition's language ("Hoofdboodschap: ") before a message of
         * another: each part is typeset in its own language here, since the cell has one. */
        const char *text = rp_typography_text(r->doc, t->plain, chosen);
        if (kind != RP_MESSAGE_PLAIN)
            *flags |= RP_CELL_TYPESET;
        const char *one =
            kind == RP_MESSAGE_PLAIN
                ? text
                : rp_doc_printf(
                      r->doc, "%s%s%s",
                      rp_report_l(r, kind == RP_MESSAGE_MAIN ? "msg.main" : "msg.secondary"),
                      rp_report_colon(r), text);
        out = out ? rp_doc_printf(r->doc, "%s \xc2\xb7 %s", out, one) : one;
    }
    return out ? out : "";
}

enum rp_comm_timing rp_comm_timing_kind(const struct rp_comm_action *a)
{
    if (!a->has_timing)
        return RP_TIMING_NONE;
    if (a->timing_date.year)
        return RP_TIMING_DATE;
    if (rp_report_has_placeholder(&a->timing))
        return RP_TIMING_PLACEHOLDER;
    return a->timing.plain && *a->timing.plain ? RP_TIMING_RELATIVE : RP_TIMING_NONE;
}

/* The wording of a relative or placeholder timing in the chosen language; the source's own
 * wording when the model gives no variants. */
static const struct rp_text *timing_wording(const struct rp_report *r,
                                            const struct rp_comm_action *a)
{
    const struct rp_text *t = a->timings.count ? rp_report_peek(r, &a->timings) : NULL;
    return t ? t : &a->timing;
}

const char *rp_comm_timing_wording(const struct rp_report *r, const struct rp_comm_action *a)
{
    const char *plain = timing_wording(r, a)->plain;
    return plain ? plain : "";
}

const char *rp_comm_timing_text(struct rp_report *r, const struct rp_comm_action *a)
{
    return rp_comm_timing_text_in(r, a, NULL);
}

const char *rp_comm_timing_text_in(struct rp_report *r, const struct rp_comm_action *a,
                                   const char **lang)
{
    if (lang)
        *lang = NULL;
    switch (rp_comm_timing_kind(a)) {
    case RP_TIMING_DATE:
        return rp_report_date(r, &a->timing_date);
    case RP_TIMING_RELATIVE:
    case RP_TIMING_PLACEHOLDER: {
        /* Chosen (and counted) like any model text; the model's single wording when it has
         * no variants. */
        if (a->timings.count) {
            const struct rp_text *t = rp_report_pick(r, &a->timings);
            if (t) {
                if (lang)
                    *lang = rp_report_lang_of(r, t->lang);
                return t->plain ? t->plain : "";
            }
        }
        if (lang)
            *lang = rp_report_lang_of(r, a->timing.lang);
        return a->timing.plain ? a->timing.plain : "";
    }
    default:
        return "";
    }
}
