/* The translatable texts of a model file, and their variants in one language.
 *
 * A *text* is an element of the schema's inline type (a title, a paragraph, an item, a
 * label...) that is not inside another text. The texts in the file's own language (the
 * root's xml:lang) are its *units*. A unit's *key* is stable across languages and edits
 * elsewhere in the file: the id of its nearest ancestor that has one, then one `name[k]` step
 * per element down to the text, k counting the preceding siblings of the same name in the
 * same language:
 *
 *     so-1/title[1]                       the first title of objective so-1
 *     s-organisation/list[1]/item[3]      the third item of that section's first list
 *     eval-capac-2023/progress[4]/comment[1]
 *
 * so that the k-th French <text> of an objective pairs with its k-th Dutch <text>, and the
 * items of <list xml:lang="nl"> with those of <list xml:lang="fr"> by position. The *L
 * variant* of a unit is the text of language L with the same key.
 *
 * Files are read with the loader's safety (no network, no DTD, no entity; the markup scan;
 * the size limit) and validated against the schema; every problem is a located diagnostic.
 *
 * Ownership: everything reachable from a struct rp_text_file belongs to the arena given to
 * rp_text_file_read(), the file's bytes included. */
#ifndef RP_LOAD_TEXTS_H
#define RP_LOAD_TEXTS_H

#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;
struct rp_xnode;

/* The names of the text elements (the schema's inline type, but its inline children em,
 * strong and sup), and of the elements that give their language to the texts they hold
 * (<list xml:lang="fr">). tests/unit/test_texts.c compares both with schema/rapport.xsd. */
extern const char *const rp_text_element_names[];
extern const size_t rp_text_element_count;
extern const char *const rp_text_container_names[];
extern const size_t rp_text_container_count;

bool rp_is_text_element(const char *name);
bool rp_is_text_container(const char *name);

/* Where an element lies in the file's bytes. */
struct rp_text_span {
    size_t start;       /* the '<' of its start tag */
    size_t open_end;    /* just after its start tag */
    size_t close_start; /* the '<' of its end tag; open_end for an empty-element tag */
    size_t end;         /* just after its end tag */
};

/* A text or a container, in any language. */
struct rp_text_elem {
    const char *key;
    const char *name;
    const char *where;    /* what it is: "strategic-objective so-1, title" */
    const char *lang;     /* effective language: its xml:lang, or its nearest ancestor's */
    bool own_lang;        /* it carries xml:lang itself */
    bool container;       /* a container (list), not a text */
    size_t k;             /* the index of its last key step */
    const char *prev_key; /* the key of the same step with k - 1; NULL when k is 1 */
    long line, col;
    size_t order; /* its rank among the texts and containers, in document order */
    const struct rp_xnode *node;
    struct rp_text_span span;
    const char *indent; /* the whitespace before it since the end of the previous line */
    /* The container it sits in directly (a list), which gives its language to all it holds:
     * the translation of an item goes into the container's copy in that language, not
     * beside the item. NULL for a text outside a container. */
    const struct rp_text_elem *holder;
};

/* One unit and what the file holds of it in the requested language. */
struct rp_text_unit {
    const char *key;
    const char *where;   /* what it is: "strategic-objective so-1, title" */
    long line, col;      /* the start of its element */
    const char *plain;   /* its text, whitespace collapsed */
    bool variant_exists; /* an element of the language with the same key */
    bool has_variant;    /* ... that is not empty */
    const char *variant_plain;
    long variant_line, variant_col;
    const struct rp_text_elem *elem, *variant;
};

struct rp_text_file {
    const char *path;
    const char *source_lang;    /* the root's xml:lang */
    const char *lang;           /* the language asked for */
    struct rp_text_unit *units; /* in document order */
    size_t count;
    /* For rewriting the file: its bytes, and whether every element was found in them
     * (false for an encoding other than UTF-8 or ASCII, which is never rewritten). */
    const char *data;
    size_t size;
    bool spans_ok;
    /* Every text and container of every language, sorted by key and language. */
    const struct rp_text_elem **index;
    size_t index_count;
    const struct rp_text_unit **unit_index; /* the units sorted by key */
};

/* Reads `path` and finds its units and their `lang` variants. Returns 0, or -1 with every
 * problem in `diags` (unreadable, not well-formed, not valid, two texts with one key). */
__attribute__((warn_unused_result)) int rp_text_file_read(const char *path, const char *lang,
                                                          struct rp_arena *arena,
                                                          struct rp_diags *diags,
                                                          struct rp_text_file *out);

/* The same from memory; `name` is used in diagnostics. The bytes are copied. */
__attribute__((warn_unused_result)) int
rp_text_file_read_memory(const char *data, size_t size, const char *name, const char *lang,
                         struct rp_arena *arena, struct rp_diags *diags, struct rp_text_file *out);

/* The text or container of `lang` with `key`, or NULL. */
const struct rp_text_elem *rp_text_file_find(const struct rp_text_file *f, const char *key,
                                             const char *lang);

/* The unit with `key`, or NULL. */
const struct rp_text_unit *rp_text_file_unit(const struct rp_text_file *f, const char *key);

/* `text` with XML whitespace collapsed and trimmed, cut after about `max` characters (never
 * inside a UTF-8 sequence) with "…" appended; into the arena. */
const char *rp_text_excerpt(struct rp_arena *arena, const char *text, size_t max);

/* A growable NUL-terminated string (malloc'd: free `p`), for the texts and XLIFF writers. */
struct rp_textbuf {
    char *p;
    size_t n, cap;
};

/* Appends `len` bytes of `s`; aborts on out-of-memory like every allocation of rapport. */
void rp_textbuf_add(struct rp_textbuf *b, const char *s, size_t len);

#endif
