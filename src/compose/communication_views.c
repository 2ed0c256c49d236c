/* The communication plan seen across actions: the target-group × channel matrix, the
 * timeline, and the count of actions per communication objective. */
#include "compose/report.h"

#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- matrix */

/* Distinct strings in order of first appearance, with the language each is shown in (NULL:
 * the edition's). */
struct names {
    const char **items;
    const char **langs;
    bool *placeholder;
    size_t count;
};

static size_t names_add(struct names *n, const char *s, const char *lang, bool placeholder)
{
    for (size_t i = 0; i < n->count; i++)
        if (strcmp(n->items[i], s) == 0)
            return i;
    n->items[n->count] = s;
    n->langs[n->count] = lang;
    n->placeholder[n->count] = placeholder;
    return n->count++;
}

static void collect(struct rp_report *r, struct names *n, const struct rp_texts *texts)
{
    const char *lang = rp_report_text_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++)
        if (rp_report_in(&texts->items[i], lang))
            names_add(n, texts->items[i].plain, rp_report_lang_of(r, lang),
                      rp_report_has_placeholder(&texts->items[i]));
}

static struct names names_new(struct rp_report *r, size_t cap)
{
    struct names n = {rp_arena_array(r->doc->arena, cap + 1, sizeof(char *)),
                      rp_arena_array(r->doc->arena, cap + 1, sizeof(char *)),
                      rp_arena_array(r->doc->arena, cap + 1, sizeof(bool)), 0};
    return n;
}

/* A lookup: shows nothing, so it does not count the texts (collect() did). */
static bool texts_have(struct rp_report *r, const struct rp_texts *texts, const char *s)
{
    const char *lang = rp_report_peek_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++)
        if (rp_report_in(&texts->items[i], lang) && strcmp(texts->items[i].plain, s) == 0)
            return true;
    return false;
}

void rp_comm_matrix(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    size_t cap_g = 1, cap_c = 1;
    for (size_t i = 0; i < cp->action_count; i++) {
        cap_g += cp->actions[i].target_groups.count;
        cap_c += cp->actions[i].channels.count;
    }
    struct names groups = names_new(r, cap_g), channels = names_new(r, cap_c);
    bool untargeted = false, unchannelled = false;
    for (size_t i = 0; i < cp->action_count; i++) {
        collect(r, &groups, &cp->actions[i].target_groups);
        collect(r, &channels, &cp->actions[i].channels);
        untargeted |= cp->actions[i].target_groups.count == 0;
        unchannelled |= cp->actions[i].channels.count == 0;
    }
    if (untargeted)
        names_add(&groups, rp_report_l(r, "comm.not_targeted"), NULL, false);
    if (unchannelled)
        names_add(&channels, rp_report_l(r, "comm.no_channel"), NULL, false);
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.comm_matrix"));
    struct rp_nodes *kids = &sec->u.section.children;
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "comm.matrix_rule"));
    struct rp_node *t =
        rp_doc_add_table(r->doc, kids, channels.count + 1, rp_report_l(r, "caption.comm_matrix"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.target_groups"), 1, RP_ALIGN_LEFT);
    for (size_t c = 0; c < channels.count; c++) {
        rp_doc_table_column(t, c + 1, RP_ALIGN_CENTER, false);
        rp_doc_header_cell(r->doc, h, channels.items[c], 1, RP_ALIGN_CENTER)->lang =
            channels.langs[c];
    }
    for (size_t g = 0; g < groups.count; g++) {
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_comm_cell_in(r, t, row, 0, groups.items[g], groups.langs[g], NULL,
                        groups.placeholder[g] ? RP_CELL_PLACEHOLDER : 0);
        bool no_group = untargeted && g == groups.count - 1;
        for (size_t c = 0; c < channels.count; c++) {
            bool no_channel = unchannelled && c == channels.count - 1;
            const char *numbers = NULL;
            for (size_t i = 0; i < cp->action_count; i++) {
                const struct rp_comm_action *a = &cp->actions[i];
                bool in_g = no_group ? a->target_groups.count == 0
                                     : texts_have(r, &a->target_groups, groups.items[g]);
                bool in_c = no_channel ? a->channels.count == 0
                                       : texts_have(r, &a->channels, channels.items[c]);
                if (in_g && in_c)
                    numbers = numbers ? rp_doc_printf(r->doc, "%s, %zu", numbers, i + 1)
                                      : rp_comm_number(r, i);
            }
            if (numbers)
                rp_doc_table_cell(r->doc, t, row, c + 1, numbers, NULL, 0);
        }
    }
}

/* ---------------------------------------------------------------- timeline */

struct dated {
    size_t index;
    const struct rp_date *date;
};

static int by_date(const void *a, const void *b)
{
    const struct dated *x = a, *y = b;
    const struct rp_date *p = x->date, *q = y->date;
    if (p->year != q->year)
        return p->year < q->year ? -1 : 1;
    if (p->month != q->month)
        return p->month < q->month ? -1 : 1;
    if (p->day != q->day)
        return p->day < q->day ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void timeline_row(struct rp_report *r, struct rp_node *t, const char *moment,
                         const char *lang, const char *kind, const char *actions, unsigned flags)
{
    size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
    /* The kind column already says "to be completed": no second mark on the moment. */
    rp_doc_table_cell(r->doc, t, row, 0, moment, NULL, flags);
    rp_doc_cell_lang(r->doc, t, row, 0, lang);
    rp_doc_table_cell(r->doc, t, row, 1, kind, NULL, 0);
    rp_doc_table_cell(r->doc, t, row, 2, actions, NULL, 0);
}

/* Dated actions in date order, then each relative moment, each placeholder and the
 * actions without timing, listed as such rather than guessed into the calendar. */
void rp_comm_timeline(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.comm_timeline"));
    struct rp_node *t = rp_doc_add_table(r->doc, &sec->u.section.children, 3,
                                         rp_report_l(r, "caption.comm_timeline"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.moment"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.kind"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.actions"), 1, RP_ALIGN_LEFT);

    struct dated *dated = rp_arena_array(r->doc->arena, cp->action_count + 1, sizeof *dated);
    size_t nd = 0;
    for (size_t i = 0; i < cp->action_count; i++)
        if (rp_comm_timing_kind(&cp->actions[i]) == RP_TIMING_DATE)
            dated[nd++] = (struct dated){i, &cp->actions[i].timing_date};
    qsort(dated, nd, sizeof *dated, by_date);
    for (size_t k = 0; k < nd;) {
        const char *list = rp_comm_number(r, dated[k].index);
        size_t j = k + 1;
        while (j < nd &&
               by_date(&(struct dated){0, dated[k].date}, &(struct dated){0, dated[j].date}) == 0)
            list = rp_doc_printf(r->doc, "%s, %s", list, rp_comm_number(r, dated[j++].index));
        timeline_row(r, t, rp_report_date(r, dated[k].date), NULL, rp_report_l(r, "timing.date"),
                     list, 0);
        k = j;
    }
    static const enum rp_comm_timing order[] = {RP_TIMING_RELATIVE, RP_TIMING_PLACEHOLDER};
    static const char *const kinds[] = {"timing.relative", "timing.placeholder"};
    for (size_t o = 0; o < 2; o++) {
        /* One row per distinct wording, shown (and counted) through the first action that
         * has it. */
        struct names moments = names_new(r, cp->action_count);
        size_t *first = rp_arena_array(r->doc->arena, cp->action_count + 1, sizeof *first);
        for (size_t i = 0; i < cp->action_count; i++)
            if (rp_comm_timing_kind(&cp->actions[i]) == order[o]) {
                size_t before = moments.count;
                size_t m =
                    names_add(&moments, rp_comm_timing_wording(r, &cp->actions[i]), NULL, o == 1);
                if (moments.count > before)
                    first[m] = i;
            }
        for (size_t m = 0; m < moments.count; m++) {
            const char *list = NULL;
            for (size_t i = 0; i < cp->action_count; i++)
                if (rp_comm_timing_kind(&cp->actions[i]) == order[o] &&
                    strcmp(rp_comm_timing_wording(r, &cp->actions[i]), moments.items[m]) == 0)
                    list = list ? rp_doc_printf(r->doc, "%s, %s", list, rp_comm_number(r, i))
                                : rp_comm_number(r, i);
            const char *lang;
            const char *moment = rp_comm_timing_text_in(r, &cp->actions[first[m]], &lang);
            timeline_row(r, t, moment, lang, rp_report_l(r, kinds[o]), list,
                         o == 1 ? RP_CELL_PLACEHOLDER : 0);
        }
    }
    const char *none = NULL;
    for (size_t i = 0; i < cp->action_count; i++)
        if (rp_comm_timing_kind(&cp->actions[i]) == RP_TIMING_NONE)
            none = none ? rp_doc_printf(r->doc, "%s, %s", none, rp_comm_number(r, i))
                        : rp_comm_number(r, i);
    if (none)
        timeline_row(r, t, RP_NIL_TEXT, NULL, rp_report_l(r, "timing.none"), none, 0);
}

/* ---------------------------------------------------------------- per objective */

void rp_comm_per_objective(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    size_t n = cp->objective_count;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.comm_objectives"));
    struct rp_nodes *kids = &sec->u.section.children;
    struct rp_node *t = rp_doc_add_table(r->doc, kids, 3, NULL); /* the section heading names it */
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 2, RP_ALIGN_RIGHT, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.objective"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.actions"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.count"), 1, RP_ALIGN_RIGHT);
    size_t orphans = 0;
    for (size_t i = 0; i < cp->action_count; i++)
        orphans += cp->actions[i].objectives.count == 0;
    struct rp_node *ch =
        rp_doc_add_chart(r->doc, kids, RP_CHART_BAR_GROUPED,
                         rp_report_l(r, "chart.comm_objectives"), n + (orphans > 0), 1);
    /* The series is the table's count column: one name for one figure. */
    rp_doc_chart_series(r->doc, ch, 0, rp_report_l(r, "col.count"));
    const char *desc = "";
    for (size_t k = 0; k <= n; k++) {
        if (k == n && !orphans)
            break;
        const char *lang = NULL;
        const char *name = k < n ? rp_report_text_in(r, &cp->objectives[k].name, " ", &lang)
                                 : rp_report_l(r, "comm.no_objective");
        const char *list = NULL;
        size_t count = 0;
        for (size_t i = 0; i < cp->action_count; i++) {
            const struct rp_refs *o = &cp->actions[i].objectives;
            bool in = k == n ? o->count == 0 : false;
            for (size_t j = 0; k < n && j < o->count; j++)
                in |= strcmp(o->ids[j], cp->objectives[k].id) == 0;
            if (!in)
                continue;
            count++;
            list = list ? rp_doc_printf(r->doc, "%s, %s", list, rp_comm_number(r, i))
                        : rp_comm_number(r, i);
        }
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, name, NULL, 0);
        rp_doc_cell_lang(r->doc, t, row, 0, lang);
        rp_doc_table_cell(r->doc, t, row, 1, list ? list : RP_NIL_TEXT, NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 2, rp_doc_printf(r->doc, "%zu", count), NULL, 0);
        rp_doc_chart_category(r->doc, ch, k, name);
        rp_doc_chart_category_lang(r->doc, ch, k, lang);
        rp_doc_chart_value(ch, 0, k, (double)count);
        desc = rp_doc_printf(r->doc, "%s%s%s%s%zu", desc, k ? rp_report_semicolon(r) : "", name,
                             rp_report_colon(r), count);
    }
    ch->u.chart.description = desc;
}
