/* XLIFF 1.2 export and import of a model's texts (see xliff.h and docs/translation.md).
 *
 * Both directions see a text as a list of tokens: runs of characters, and the opening, the
 * closing or the whole of an inline element. The model's inline elements and XLIFF's g/x
 * elements map one to one through the table MARKUP, numbered in document order per text, so
 * the two sides compare token by token. Whitespace is collapsed the same way on both sides
 * before any comparison, so that neither a model's indentation nor a tool's reflowing counts
 * as a change.
 *
 * The import never serialises a parsed model: it splices the new texts into the model's own
 * bytes at the offsets texts.c found, so that everything else stays byte for byte. */
/* Internal to src/load/: what the XLIFF sources share (xliff_tokens.c, xliff_export.c,
 * xliff_import.c, xliff_splice.c): the growable-text helpers, the tokens, and the units and
 * checks the import's reading hands to the splicing of one model. Nothing outside src/load/
 * includes it; the public API is xliff.h. */
#ifndef RP_LOAD_XLIFF_INTERNAL_H
#define RP_LOAD_XLIFF_INTERNAL_H

#include "load/texts.h"
#include "load/xliff.h"
#include "load/xml.h"
#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

/* ---------------------------------------------------------------- growable text */

/* Whether `c` is XML whitespace. */
bool rp_xliff_is_space(char c);

/* Appends the string `s`. */
void rp_xliff_buf_str(struct rp_textbuf *b, const char *s);

/* The text of `b` copied into the arena; `b` is freed and emptied. */
const char *rp_xliff_buf_keep(struct rp_arena *arena, struct rp_textbuf *b);

/* Appends `s` escaped as XML character data, or as an attribute value in double quotes. */
void rp_xliff_escape_text(struct rp_textbuf *b, const char *s);
void rp_xliff_escape_attr(struct rp_textbuf *b, const char *s);

/* ---------------------------------------------------------------- tokens */

enum tok_kind { TOK_TEXT, TOK_OPEN, TOK_CLOSE, TOK_EMPTY };

struct tok {
    enum tok_kind kind;
    const char *text;            /* TOK_TEXT */
    const char *id, *ctype;      /* TOK_OPEN, TOK_EMPTY */
    const struct rp_xnode *node; /* the model's element of TOK_OPEN and TOK_EMPTY */
};

struct toks {
    struct tok *v;
    size_t n, cap;
};

/* The tokens of a model text, its inline elements numbered from *next (xliff_tokens.c). */
void rp_xliff_model_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
                         long *next);

/* The tokens of an XLIFF <source> or <target>; false, with located errors, on an element
 * rapport does not read. */
bool rp_xliff_xlf_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
                       struct rp_diags *diags);

/* The tokens with whitespace collapsed and trimmed. */
struct toks rp_xliff_normalize(struct rp_arena *arena, const struct toks *in);

/* The tokens as XLIFF inline content, malloc'd. */
char *rp_xliff_canonical(const struct toks *t);

bool rp_xliff_toks_empty(const struct toks *t);

/* Gives the inline elements of `target` the ids of their counterparts in `source`. */
void rp_xliff_assign_ids(struct rp_arena *arena, const struct toks *source, struct toks *target);

/* ---------------------------------------------------------------- import */

/* A <trans-unit> and a <file> of the XLIFF document being imported (xliff_import.c). */
struct xunit {
    const struct rp_xnode *node, *source, *target;
    const char *id;
};

struct xfile {
    const struct rp_xnode *node;
    const char *original, *source_lang, *target_lang;
    struct xunit *units;
    size_t count, cap;
};

/* Whether the target's inline elements are exactly the source's and nest as the model
 * allows; errors located at `at`. */
bool rp_xliff_check_markup(const struct toks *src, const struct toks *tgt,
                           const struct rp_xnode *at, const char *key, struct rp_diags *diags);

/* Sets the model element of each of the target's inline elements. */
void rp_xliff_resolve(struct toks *tgt, const struct toks *src, const struct toks *variant);

/* Appends the attributes of `node`, its xml:lang only when `keep_lang`. */
void rp_xliff_add_attrs(struct rp_textbuf *b, const struct rp_xnode *node, bool keep_lang);

/* The model's markup for tokens whose elements are known, into the arena. */
const char *rp_xliff_markup_of(struct rp_arena *arena, const struct toks *t);

/* Imports the units of `xf` into the model `m`, its new bytes into m->result
 * (xliff_splice.c). */
void rp_xliff_merge_model(struct rp_xliff_model *m, const struct xfile *xf, struct rp_diags *diags);

#endif
