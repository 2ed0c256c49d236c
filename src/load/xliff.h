/* The translation round trip of a model's texts through XLIFF 1.2 (see docs/translation.md).
 *
 * Export: one <file> per model, one <trans-unit id="KEY"> per unit (texts.h), its <source>,
 * its <target state="translated"> when the model already has the translation, and a <note>
 * that says where the text is used. Inline markup becomes XLIFF's <g> (with content) and <x/>
 * (empty), numbered per unit: em "italic", strong "bold", sup "x-sup", link "x-link" (its
 * href stays in the model) and placeholder "x-placeholder".
 *
 * Import: each non-empty <target> becomes the text of its language in the model, beside the
 * text it translates, or in place of the translation the model had. A unit whose id the model
 * does not have, whose <source> is no longer the model's text, or whose <target> does not
 * carry exactly the markup of its <source> is refused with an error located in the XLIFF file;
 * a model with a refused unit is not changed at all. Every other byte of a model stays as it
 * was (comments, formatting, attribute order, character references). */
#ifndef RP_LOAD_XLIFF_H
#define RP_LOAD_XLIFF_H

#include "load/texts.h"
#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define RP_XLIFF_NS "urn:oasis:names:tc:xliff:document:1.2"

/* The XLIFF document of the units of `files` (read for one target language), as a malloc'd
 * buffer for the caller to free. Returns 0, or -1 when libxml2's writer failed. */
__attribute__((warn_unused_result)) int rp_xliff_write(const struct rp_text_file *files,
                                                       size_t count, char **data, size_t *size);

/* Reads `paths` for `lang` and writes their XLIFF document to `out` atomically ("-": standard
 * output). Nothing is written when a model cannot be read. Returns 0, or -1 with every
 * problem in `diags`. */
__attribute__((warn_unused_result)) int rp_xliff_export(const char *const *paths, size_t count,
                                                        const char *lang, const char *out,
                                                        struct rp_diags *diags);

/* One model of an import: given by the caller (path, and its bytes or NULL to read the
 * file), filled by rp_xliff_merge(). */
struct rp_xliff_model {
    const char *path;
    const char *data;
    size_t size;
    /* results */
    bool named;    /* a <file> of the XLIFF document names it */
    char lang[16]; /* the target language of that <file> */
    bool refused;  /* a unit was refused, or the model could not be read: unchanged */
    char *result;  /* its new bytes (malloc'd, the caller frees them); NULL when unchanged */
    size_t result_size;
    size_t added, replaced, same, untranslated;
};

/* Merges the targets of the XLIFF document `xlf` (its bytes; `xlf_name` for diagnostics) into
 * the models. Returns 0, or -1 when a problem was reported (a model with a refused unit keeps
 * result NULL; the others may still have results). */
__attribute__((warn_unused_result)) int rp_xliff_merge(struct rp_xliff_model *models, size_t count,
                                                       const char *xlf, size_t xlf_size,
                                                       const char *xlf_name,
                                                       struct rp_diags *diags);

/* rapport xliff import: reads `xlf_path` and the models, merges, and writes each changed model
 * atomically once the loader has read and validated its new bytes (a model that would not
 * validate is not written). One line per model on `report`. Returns 0, or -1 with every
 * problem in `diags`. */
__attribute__((warn_unused_result)) int rp_xliff_import(const char *const *paths, size_t count,
                                                        const char *xlf_path,
                                                        struct rp_diags *diags, FILE *report);

#endif
