/* UTF-8: decoding one code point at a time, encoding one. Everything rapport handles is
 * UTF-8 (the loader makes it so); these are the only two places that know its bit layout. */
#ifndef RP_UTIL_UTF8_H
#define RP_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the UTF-8 code point at *p (never reading at or past `end`) and advances *p.
 * Invalid, overlong or truncated sequences and surrogates give U+FFFD and advance by one
 * byte. */
uint32_t rp_utf8_next(const char **p, const char *end);

/* Writes the UTF-8 encoding of `cp` (U+FFFD for a surrogate or a value past U+10FFFF) to
 * `out`, which has room for 4 bytes; returns its length. No NUL is written. */
size_t rp_utf8_encode(uint32_t cp, char out[4]);

#endif
