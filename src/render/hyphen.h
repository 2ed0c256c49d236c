/* Hyphenation of French and Dutch words through libhyphen (hyphen-fr, hyphen-nl).
 *
 * Optional: without libhyphen at build time, or without the dictionary of a language at
 * run time, rp_hyphenator_open() returns NULL and the layout simply never hyphenates. */
#ifndef RP_HYPHEN_H
#define RP_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

struct rp_hyphenator;

/* The hyphenator of `lang` ("fr", "nl", ...), or NULL when none is available. Each
 * language's dictionary is loaded once per process and shared (not thread-safe); call
 * rp_hyphenator_close() when done all the same. The patterns are parsed only when the
 * first word is hyphenated: opening a hyphenator costs no more than finding its file. */
struct rp_hyphenator *rp_hyphenator_open(const char *lang);

void rp_hyphenator_close(struct rp_hyphenator *hyphenator);

/* Opens the hyphenator of `lang` and parses its patterns now: a batch's parent does it
 * before forking, so that its workers share the parsed dictionaries instead of each
 * parsing its own. */
void rp_hyphenator_preload(const char *lang);

/* Whether the patterns of `hyphenator` have been parsed (tests). */
bool rp_hyphenator_loaded(const struct rp_hyphenator *hyphenator);

/* The byte offsets inside `word` (`len` bytes of UTF-8 text) after which a hyphen may be
 * inserted, ascending, at most `max` of them; returns how many were stored. Each run of
 * letters is hyphenated on its own, keeping at least two letters before a break and three
 * after it; a run of 64 letters or more is no word and is never hyphenated. Only runs that
 * start before byte `reach` are looked at (a line cannot use a later break): the work is
 * bounded by `reach` plus one run, whatever `len`; pass `len` for the whole word. */
size_t rp_hyphenate(const struct rp_hyphenator *hyphenator, const char *word, size_t len,
                    size_t reach, size_t *points, size_t max);

#endif
