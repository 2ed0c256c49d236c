/* Typography: the conventions of French and Dutch print, applied to every text a reader
 * sees, once, between the builder and the backends, so that the PDF and the HTML edition
 * show the same characters.
 *
 * Each text follows the rules of its own language (a span's or a cell's `lang`, else the
 * document's):
 *  - French: a no-break space (U+00A0) before ":" and a narrow no-break space (U+202F)
 *    before ";", "!" and "?", replacing an ordinary space there or inserted after a letter
 *    or a closing mark; never inside "10:30", "https://" or "1:2" (a colon or semicolon
 *    followed by a non-space is left alone), nor before the ";" of a character reference
 *    quoted as text ("&gt;"). No-break spaces inside « ».
 *  - Every language: a straight apostrophe between letters becomes ’ ("l’usager"); in
 *    Dutch also the elided article of "’s avonds" and "’t".
 *  - Ordinals in French ("1er", "2e", "XXIe") and Dutch ("1ste", "2de") get their suffix
 *    as a superscript span where the text is spans; plain strings (table cells, chart
 *    names) keep them on the line.
 *
 * The pass is idempotent: running it on its own output changes nothing. */
#ifndef RP_DOC_TYPOGRAPHY_H
#define RP_DOC_TYPOGRAPHY_H

#include "doc/doc.h"

/* Applies the rules to every text of `doc` (spans, titles, cells, details, notes, chart
 * names, the fixed labels of the backends), in the document's arena. */
void rp_typography_apply(struct rp_doc *doc);

/* One plain text in `lang` ("fr"; NULL: French rules are not applied, only the common
 * ones) with the rules applied, in `doc`'s arena (NULL gives NULL). */
const char *rp_typography_text(struct rp_doc *doc, const char *text, const char *lang);

/* Applies the rules to `spans`, whose texts are in `doc_lang` unless a span says
 * otherwise; ordinal suffixes become superscript spans. */
void rp_typography_spans(struct rp_doc *doc, struct rp_spans *spans, const char *doc_lang);

#endif
