/* Shaping and subsetting of the faces of one document (shape.c, the only file that
 * includes HarfBuzz).
 *
 * A word (text without spaces) is shaped once by HarfBuzz, with kerning and without
 * ligatures, and the result kept for the next time the word comes: the layout measures with
 * the shaped advances and the PDF layer draws the same glyphs with the same advances, so
 * that what is drawn is what was measured. The PDF layer shows glyphs by id and embeds, per
 * face, a subset of the font holding only the glyphs it drew (rp_shaper_use()), with their
 * original ids. Widths are in thousandths of the font size, as PDF's text space counts them. */
#ifndef RP_SHAPE_H
#define RP_SHAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rp_shaper;

/* One glyph of a shaped word: its id in the face, the kerning (or other positioning) added
 * to its advance after it, and the byte offset in the word of the characters it stands for. */
struct rp_glyph {
    uint16_t gid;
    int16_t kern;
    uint32_t cluster;
};

/* A shaped word: `width` is the sum of the nominal advances and the kerning of its glyphs. */
struct rp_shaped {
    uint32_t count;
    int64_t width; /* a 5 MB word is wider than 2^31 thousandths */
    struct rp_glyph g[];
};

/* What a font descriptor says of a face (FUnits scaled to thousandths). */
struct rp_face_info {
    char name[64]; /* PostScript name, letters and digits and '-' only */
    int bbox[4];
    int ascent, descent, cap_height;
    double italic_angle;
    bool fixed_pitch;
};

/* An empty shaper, or NULL out of memory. rp_shaper_free() releases it and its faces. */
struct rp_shaper *rp_shaper_new(void);
void rp_shaper_free(struct rp_shaper *s);

/* Loads face number `face` (0 to 7) from the TrueType file `path`. Returns 0, or -1 when the
 * file cannot be read or is not a font, and then says why in `why` (a clause to follow the
 * file's name: "cannot open: Too many open files", "is not a TrueType font"). */
__attribute__((warn_unused_result)) int
rp_shaper_load(struct rp_shaper *s, int face, const char *path, char *why, size_t why_size);

/* Whether face `face` is loaded. */
bool rp_shaper_has(const struct rp_shaper *s, int face);

/* The glyphs of the `len` bytes of UTF-8 `text` in `face` (loaded), from the cache when the
 * same word was shaped before with the same font file, by any shaper of the process (the
 * cache is shared: a render lays out with one shaper and draws with another). The result
 * belongs to the cache and stays valid until the next call of rp_shape(), on any shaper. Control
 * characters are dropped, as are default-ignorable ones (soft hyphen, zero-width space). */
const struct rp_shaped *rp_shape(struct rp_shaper *s, int face, const char *text, size_t len);

/* `text` shaped by HarfBuzz itself, outside the cache (malloc'd, the caller frees it):
 * rp_shape() sets words of figures alone (digits, separators, signs) from per-face tables
 * of their advances and kerning pairs, and this is what those must agree with. */
struct rp_shaped *rp_shape_by_harfbuzz(struct rp_shaper *s, int face, const char *text, size_t len);

/* The nominal advance of the glyph of code point `cp` (the .notdef glyph when the face has
 * none), and the id of that glyph. */
int32_t rp_shaper_advance(const struct rp_shaper *s, int face, uint32_t cp);
uint16_t rp_shaper_glyph(const struct rp_shaper *s, int face, uint32_t cp);

/* How many glyphs face `face` has (ids 0 to count - 1). */
unsigned rp_shaper_glyph_count(const struct rp_shaper *s, int face);

/* The nominal advance of glyph `gid`. */
int32_t rp_shaper_glyph_width(const struct rp_shaper *s, int face, uint16_t gid);

/* Records that `shaped` (of the `len` bytes of `text`) is drawn: its glyphs go into the
 * face's subset, and each glyph that starts a cluster maps back to the cluster's characters
 * (the first text seen for a glyph is kept). */
void rp_shaper_use(struct rp_shaper *s, int face, const struct rp_shaped *shaped, const char *text,
                   size_t len);

/* The glyphs drawn with `face`: their count, and one by one in increasing order from
 * `*gid` (start at -1), returning false after the last. */
size_t rp_shaper_used_count(const struct rp_shaper *s, int face);
bool rp_shaper_next_used(const struct rp_shaper *s, int face, long *gid);

/* The characters glyph `gid` stands for (UTF-8, NUL-terminated), or NULL. */
const char *rp_shaper_text_of(const struct rp_shaper *s, int face, uint16_t gid);

/* What the font descriptor of `face` needs. */
void rp_shaper_info(const struct rp_shaper *s, int face, struct rp_face_info *out);

/* A TrueType font program holding the glyphs used with `face`, renumbered from 0 in the
 * order of their ids, without hinting or layout tables. Sets new_gid[g] (an array of
 * rp_shaper_glyph_count() entries) to the id in the subset of each glyph g used. Returns the
 * bytes (heap-owned, free()) and sets *len, or NULL on failure. */
unsigned char *rp_shaper_subset(const struct rp_shaper *s, int face, size_t *len,
                                uint16_t *new_gid);

#endif
