/* What the files of the HTML backend share: one writing context and the functions each file
 * gives the others. Private to src/render/html*.c.
 *
 * The backend writes through the XML writer of src/load/ (libxml2 escapes every text and
 * attribute), unindented: indenting would put spaces between inline elements. A newline goes
 * before each block element instead (html_block), where whitespace means nothing, so that
 * the file still reads line by line. */
#ifndef RP_RENDER_HTML_INTERNAL_H
#define RP_RENDER_HTML_INTERNAL_H

#include "doc/doc.h"
#include "templates/theme.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;
struct rp_templates;
struct rp_xml_writer;

/* Ids of the file: each given once, whatever the builders named their nodes. */
struct html_ids {
    struct rp_arena *arena;
    const char **slots; /* open addressing; NULL is free */
    size_t cap, count;
};

/* Section ids, in document order (the order html_blocks.c and the contents walk the tree). */
struct html_section_id {
    const struct rp_node *node;
    const char *id;      /* of the <section>; the contents link to it */
    const char *heading; /* of its heading, which labels the section */
};

struct html_ctx {
    struct rp_xml_writer *w;
    const struct rp_doc *doc;
    const struct rp_templates *t;
    const struct rp_theme *theme;
    enum rp_lang lang; /* of the labels the backend itself prints */
    bool review;       /* a review edition: placeholders and other-language text marked */
    struct rp_arena *arena;
    struct html_ids ids;
    struct html_section_id *sections;
    size_t section_count, section_next;
    unsigned tables, figures, charts; /* counters behind generated ids */
    /* Names of the regions (titled sections, captioned tables), sorted: a name two regions
     * share is told apart by the heading of the section around it. */
    const char **region_names;
    size_t region_count;
    const char *heading; /* id of the heading of the titled section being written */
};

/* ------------------------------------------------------------- html.c */

/* A newline, then element `name` opened: for block elements only (see above). */
void html_block(struct html_ctx *c, const char *name);

/* ------------------------------------------------------------- html_ids.c */

void html_ids_init(struct html_ids *ids, struct rp_arena *arena);

/* `wanted` (its whitespace made hyphens) when no id of the file has it yet, else `wanted`
 * followed by "-2", "-3"...; `fallback` when `wanted` is NULL or empty. Either way the id is
 * now taken. */
const char *html_id(struct html_ids *ids, const char *wanted, const char *fallback);

/* Gives every section of the document its ids, in document order: the node's own id when
 * the builder set one, else its position ("s-2-1": the first section of the second). */
void html_ids_sections(struct html_ctx *c);

/* The ids of `node`, the next section in document order. */
const struct html_section_id *html_section_ids(struct html_ctx *c, const struct rp_node *node);

/* The text of a section's title (its number first) or of a caption, in the arena. */
const char *html_plain(struct html_ctx *c, const char *number, const struct rp_spans *spans);

/* Gathers the names of every region of the document (html_region_label). */
void html_regions_collect(struct html_ctx *c);

/* Writes aria-labelledby for a region called `name` labelled by `label_id`: that id alone
 * when no other region has the name, else preceded by the enclosing section's heading
 * ("Objectif 2 › Indicateurs"), so that landmarks keep distinct names. */
void html_region_label(struct html_ctx *c, const char *name, const char *label_id);

/* ------------------------------------------------------------- html_css.c */

/* The stylesheet: the theme's colours (made readable where they are text), a layout that
 * reads at 360 px, and a print stylesheet (the header on a page of its own when `cover`).
 * In `arena`; holds no '<', '>', '&' or '"' (a
 * <style> element is raw text, yet the writer escapes those). */
const char *html_css(const struct rp_theme *theme, bool cover, struct rp_arena *arena);

/* ------------------------------------------------------------- html_inline.c */

/* Whether `href` may be a link: http, https, mailto, a fragment or a relative reference.
 * Any other scheme (javascript:, data:, vbscript:...) may not, however it is spelt. */
bool html_href_safe(const char *href);

/* A measure bar as a small inline SVG in the theme's primary colour, hidden from assistive
 * technology: the text written after it states its figure. */
void html_bar(struct html_ctx *c, const struct rp_doc_bar *bar);

/* The spans as inline HTML. */
void html_spans(struct html_ctx *c, const struct rp_spans *spans);

/* `text` in language `lang` (NULL: the document's), a placeholder when `placeholder`: bare,
 * or in a <span lang> (and marked in a review edition). */
void html_text_in(struct html_ctx *c, const char *text, const char *lang, bool placeholder);

/* Whether the spans hold any visible text. */
bool html_spans_empty(const struct rp_spans *spans);

/* Whether `lang` is a well-formed language tag ("fr", "nl-BE") that may be written. */
bool html_lang_ok(const char *lang);

/* ------------------------------------------------------------- html_blocks.c */

/* The nodes of `nodes`; headings inside are of `level` (2 to 6). */
void html_nodes(struct html_ctx *c, const struct rp_nodes *nodes, int level);

/* A note (under a table or on its own): its mark in bold before its text, as the PDF sets
 * it in the margin. */
void html_note(struct html_ctx *c, const struct rp_doc_note *n);

/* The contents as a <nav>, when the document has a contents node. */
void html_contents(struct html_ctx *c);

/* ------------------------------------------------------------- html_table.c */

/* A table in its scrolling wrapper, with its notes. */
void html_table(struct html_ctx *c, const struct rp_node *node);

#endif
