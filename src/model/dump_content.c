/* Tables and narrative (key figures, sections) as indented text: shared by the dumps of a
 * plan and of an evaluation. */
#include "model/dump_internal.h"

#include <string.h>

void rp_dump_table(struct printer *p, const struct rp_table *t)
{
    OPEN(p, "table %s (%s, %s, scale %ld, tolerance %g, %d decimals)", t->id,
         rp_table_kind_name(t->kind), rp_table_unit_name(t->unit), t->scale, t->tolerance,
         t->decimals);
    rp_dump_texts(p, "caption", &t->caption);
    for (size_t i = 0; i < t->dimension_count; i++) {
        OPEN(p, "row-dimension %s", t->dimensions[i].id);
        rp_dump_texts(p, "label", &t->dimensions[i].label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->group_count; i++) {
        OPEN(p, "column-group %s", t->groups[i].id);
        rp_dump_refs(p, "columns", &t->groups[i].columns);
        rp_dump_texts(p, "label", &t->groups[i].label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->column_count; i++) {
        const struct rp_column *c = &t->columns[i];
        /* A column's unit and decimals only where they are its own: the table's otherwise. */
        char unit[32] = "", decimals[32] = "";
        if (c->unit != t->unit)
            snprintf(unit, sizeof unit, " unit=%s", rp_table_unit_name(c->unit));
        if (c->decimals != t->decimals)
            snprintf(decimals, sizeof decimals, " decimals=%d", c->decimals);
        OPEN(p, "column %s year=%d credit=%s stage=%s%s%s", c->id, c->year,
             rp_credit_name(c->credit), OPT(c->stage), unit, decimals);
        rp_dump_refs(p, "sums", &c->sums);
        rp_dump_texts(p, "label", &c->label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->row_count; i++) {
        const struct rp_row *r = &t->rows[i];
        /* The tree and the year only where the row states them. */
        char tree[160] = "", level[32] = "", year[32] = "";
        if (r->dimension)
            snprintf(tree, sizeof tree, " dimension=%s", r->dimension);
        if (r->level >= 0)
            snprintf(level, sizeof level, " level=%d", r->level);
        if (r->year)
            snprintf(year, sizeof year, " year=%d", r->year);
        OPEN(p, "row %s (%s) mark=%s unit=%s%s%s%s", r->id, rp_row_kind_name(r->kind),
             OPT(r->mark), OPT(r->unit), tree, level, year);
        rp_dump_texts(p, "label", &r->label);
        rp_dump_indent(p);
        fputs("values:", p->out);
        for (size_t k = 0; k < r->value_count; k++)
            r->values[k].nil ? fputs(" -", p->out)
                             : fprintf(p->out, " %.*f",
                                       k < t->column_count ? t->columns[k].decimals : t->decimals,
                                       r->values[k].value);
        fputc('\n', p->out);
        rp_dump_refs(p, "sums", &r->sums);
        rp_dump_texts(p, "note", &r->notes);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->note_count; i++) {
        struct rp_texts one = {(struct rp_text *)&t->notes[i].text, 1};
        rp_dump_indent(p);
        fprintf(p->out, "note mark=%s\n", OPT(t->notes[i].mark));
        p->depth++;
        rp_dump_texts(p, "text", &one);
        p->depth--;
    }
    CLOSE(p);
}

static void key_figures(struct printer *p, const struct rp_key_figures *kf)
{
    OPEN(p, "key-figures %s", kf->id);
    rp_dump_texts(p, "title", &kf->title);
    for (size_t i = 0; i < kf->figure_count; i++) {
        const struct rp_figure *f = &kf->figures[i];
        OPEN(p, "figure %s value=%g unit=%s scale=%ld qualifier=%s raw=%s", f->id, f->value,
             f->unit, f->scale, rp_qualifier_name(f->qualifier), OPT(f->raw));
        rp_dump_refs(p, "relates-to", &f->relates_to);
        rp_dump_texts(p, "label", &f->label);
        rp_dump_texts(p, "comment", &f->comment);
        CLOSE(p);
    }
    CLOSE(p);
}

static void section(struct printer *p, const struct rp_section *s)
{
    OPEN(p, "section %s role=%s", s->id, rp_section_role_name(s->role));
    rp_dump_texts(p, "signed-by", &s->signed_by);
    rp_dump_refs(p, "relates-to", &s->relates_to);
    rp_dump_texts(p, "title", &s->title);
    rp_dump_texts(p, "teaser", &s->teaser);
    rp_dump_texts(p, "lead", &s->lead);
    for (size_t i = 0; i < s->block_count; i++) {
        const struct rp_block *b = &s->blocks[i];
        struct rp_texts one = {(struct rp_text *)&b->paragraph, 1};
        switch (b->kind) {
        case RP_BLOCK_PARAGRAPH:
            rp_dump_texts(p, "p", &one);
            break;
        case RP_BLOCK_LIST:
            OPEN(p, "list ordered=%d", b->ordered);
            rp_dump_texts(p, "item", &b->list_items);
            CLOSE(p);
            break;
        case RP_BLOCK_KEY_FIGURES:
            key_figures(p, b->figures);
            break;
        case RP_BLOCK_SECTION:
            section(p, b->section);
            break;
        default:
            OPEN(p, "figure %s href=%s missing=%d", rp_media_kind_name(b->media.kind),
                 OPT(b->media.href), b->media.missing);
            rp_dump_texts(p, "caption", &b->media.caption);
            CLOSE(p);
        }
    }
    CLOSE(p);
}

void rp_dump_narrative(struct printer *p, const struct rp_key_figures *kf, size_t nkf,
                      const struct rp_section *s, size_t ns)
{
    for (size_t i = 0; i < nkf; i++)
        key_figures(p, &kf[i]);
    for (size_t i = 0; i < ns; i++)
        section(p, &s[i]);
}

/* The amendments, then every text they mark, shown or not (the texts above are the
 * consolidated ones). */
