/* Shared by the files that print the model as text (dump*.c); not used elsewhere. */
#ifndef RP_MODEL_DUMP_INTERNAL_H
#define RP_MODEL_DUMP_INTERNAL_H

#include "model/dump.h"
#include "model/model.h"

#include <stdio.h>

struct printer {
    FILE *out;
    int depth; /* indentation, two spaces per level */
};

void rp_dump_indent(struct printer *p);

/* Placeholders in [[…]], links as text<href>, emphasis in *…*, footnotes in ^[…]. */
void rp_dump_runs(struct printer *p, const struct rp_run *run, size_t count);

/* One line per text: "field[lang]: runs", with its amendment when one changed it. */
void rp_dump_texts(struct printer *p, const char *field, const struct rp_texts *t);

/* "field: id id id", nothing when empty. */
void rp_dump_refs(struct printer *p, const char *field, const struct rp_refs *r);

/* An organisation with its units, and the languages a model was translated into: printed
 * by the dumps of a plan and of a stand-alone evaluation. */
void rp_dump_organisation(struct printer *p, const struct rp_organisation *o);
void rp_dump_translations(struct printer *p, const struct rp_translations *t);

void rp_dump_table(struct printer *p, const struct rp_table *t);
void rp_dump_narrative(struct printer *p, const struct rp_key_figures *kf, size_t nkf,
                       const struct rp_section *s, size_t ns);

#define OPEN(p, ...)                                                                               \
    do {                                                                                           \
        rp_dump_indent(p);                                                                                 \
        fprintf((p)->out, __VA_ARGS__);                                                            \
        fputc('\n', (p)->out);                                                                     \
        (p)->depth++;                                                                              \
    } while (0)
#define CLOSE(p) ((p)->depth--)
#define OPT(s) ((s) ? (s) : "-")

#endif
