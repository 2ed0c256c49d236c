/* Shared helpers of the model builders (plan.c, evaluation.c): they turn the generic
 * element tree into model structs. The schema has validated the tree, so the helpers trust
 * its shape; numbers and dates are still parsed defensively. */
#ifndef RP_LOAD_READER_H
#define RP_LOAD_READER_H

#include "load/xml.h"

#include "model/model.h"
#include "util/diag.h"
#include <string.h>

struct rp_arena;

struct rp_reader {
    struct rp_arena *arena;
    struct rp_diags *diags;
    const char *lang; /* the document's language: the default of every text */
    /* Every <placeholder> met, in document order (a growable array in the arena). */
    struct rp_placeholder *placeholders;
    size_t placeholder_count, placeholder_cap;
    /* The characters of other scripts, each where it first occurs (an arena array of
     * RP_RARE_CHARS_MAX, made on the first). */
    struct rp_char_use *rare_chars;
    size_t rare_char_count;
};

/* Child elements named `name`: count, and the i-th one. */
size_t rp_xcount(const struct rp_xnode *node, const char *name);
const struct rp_xnode *rp_xchild(const struct rp_xnode *node, const char *name);

/* Whether a text element is one an amendment removed or replaced (change="removed" or
 * "replaced"): not part of the consolidated text the model holds. */
bool rp_text_removed(const struct rp_xnode *node);
/* rp_xcount() without the texts rp_text_removed() leaves out. */
size_t rp_xcount_shown(const struct rp_xnode *node, const char *name);

/* Every text of the tree marked amended-by or change, in document order (amendments.c);
 * returns the count and stores an arena array in *out. Marks on elements that are not
 * texts are located errors. */
size_t rp_read_changes(struct rp_reader *r, const struct rp_xnode *root,
                       struct rp_text_change **out);
/* One <amendment> of a plan (amendments.c). */
void rp_read_amendment(struct rp_reader *r, const struct rp_xnode *n, struct rp_amendment *a);

/* Iterates over the children named `name` of `node`. */
#define RP_XEACH(child, node, tag)                                                                 \
    for (const struct rp_xnode *child = (node)->children;                                          \
         child < (node)->children + (node)->child_count; child++)                                  \
        if (child->name && strcmp(child->name, (tag)) == 0)

/* The <translation> children of a plan or an evaluation. */
struct rp_translations rp_read_translations(struct rp_reader *r, const struct rp_xnode *node);

/* Reads every child `tag` of `node` into a fresh arena array `items` of `count` entries, with
 * `read(r, child, &items[i])` in document order. */
#define RP_READ_ALL(r, node, tag, items, count, read)                                              \
    do {                                                                                           \
        (count) = rp_xcount((node), (tag));                                                        \
        (items) = rp_arena_array((r)->arena, (count), sizeof *(items));                            \
        size_t i_ = 0;                                                                             \
        RP_XEACH (c_, (node), (tag))                                                               \
            read((r), c_, &(items)[i_++]);                                                         \
    } while (0)

/* Inline text of an element (runs with emphasis, links, placeholders; whitespace
 * collapsed). */
struct rp_text rp_read_text(struct rp_reader *r, const struct rp_xnode *node);
/* All children named `name`, as texts: paragraphs or items, in one or more languages. */
struct rp_texts rp_read_texts(struct rp_reader *r, const struct rp_xnode *node, const char *name);
/* The language variants of a single-valued text (a title, a name, a caption, a label): all
 * children named `name`, at most one per language. A second one in a language already given
 * is a located error, since a builder would silently show only the first. */
struct rp_texts rp_read_variants(struct rp_reader *r, const struct rp_xnode *node,
                                 const char *name);
/* A space-separated id list attribute. */
struct rp_refs rp_read_refs(struct rp_reader *r, const struct rp_xnode *node, const char *attr);
/* Attribute copied into the arena; NULL when absent. */
const char *rp_read_str(struct rp_reader *r, const struct rp_xnode *node, const char *attr);
/* Numeric attributes; `fallback` when absent. */
double rp_read_num(struct rp_reader *r, const struct rp_xnode *node, const char *attr,
                   double fallback);
struct rp_opt_num rp_read_opt_num(struct rp_reader *r, const struct rp_xnode *node,
                                  const char *attr);
long rp_read_long(struct rp_reader *r, const struct rp_xnode *node, const char *attr,
                  long fallback);
bool rp_read_bool(const struct rp_xnode *node, const char *attr, bool fallback);
/* A date attribute ("2022", "2022-02", "2022-02-22"); year 0 when absent. A date that is not
 * in the calendar (2023-02-29) is a located error. */
struct rp_date rp_read_date(struct rp_reader *r, const struct rp_xnode *node, const char *attr);
/* Sets `var` to the enum value whose name (name_fn) is the attribute's value; `fallback`
 * when absent. The schema restricts the values, so an unknown one is an internal error. */
#define RP_READ_ENUM(var, r, node, attr, name_fn, max, fallback)                                   \
    do {                                                                                           \
        const char *value_ = rp_xnode_attr((node), (attr));                                        \
        (var) = (fallback);                                                                        \
        if (value_) {                                                                              \
            int i_ = 0;                                                                            \
            while (i_ < (int)(max) && strcmp(name_fn(i_), value_) != 0)                            \
                i_++;                                                                              \
            if (i_ < (int)(max))                                                                   \
                (var) = i_;                                                                        \
            else                                                                                   \
                rp_diag_add((r)->diags, RP_ERROR, (node)->loc.file, (node)->loc.line,              \
                            (node)->loc.col, "unknown %s '%s'", (attr), value_);                   \
        }                                                                                          \
    } while (0)

/* Whether a link may be followed from a document: http://, https:// or mailto: (any case)
 * and something after it. */
bool rp_href_allowed(const char *href);

/* Parses a canonical number ("-12.5"); false when it is not one, or when it has more than
 * RP_NUMBER_DIGITS significant digits. */
bool rp_parse_number(const char *s, double *out);

/* A double gives back exactly any decimal of up to 15 significant digits (DBL_DIG): the most
 * a model's number may have for rapport to print it exactly. */
#define RP_NUMBER_DIGITS 15

/* Why rp_parse_number() refused `s`, as the end of a sentence: "is not a number" or "has
 * more than 15 significant digits, ...". */
const char *rp_number_refusal(const char *s);

/* Composite parts shared by plans and evaluations. */
void rp_read_organisation(struct rp_reader *r, const struct rp_xnode *node,
                          struct rp_organisation *org);
struct rp_key_figures *rp_read_key_figures(struct rp_reader *r, const struct rp_xnode *node);
void rp_read_section(struct rp_reader *r, const struct rp_xnode *node, struct rp_section *s);
/* All <key-figures> / <section> children of `node`. */
void rp_read_all_key_figures(struct rp_reader *r, const struct rp_xnode *node,
                             struct rp_key_figures **out, size_t *count);
void rp_read_all_sections(struct rp_reader *r, const struct rp_xnode *node, struct rp_section **out,
                          size_t *count);

#endif
