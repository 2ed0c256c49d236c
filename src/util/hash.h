/* SHA-256 of files and strings (libnettle), as lower-case hexadecimal or as bytes. */
#ifndef RP_UTIL_HASH_H
#define RP_UTIL_HASH_H

#include <nettle/sha2.h>
#include <stddef.h>

/* 64 hexadecimal digits and a NUL. */
#define RP_SHA256_HEX 65
/* The digest's bytes. */
#define RP_SHA256_SIZE 32

/* An incremental SHA-256 (on the caller's stack). */
struct rp_sha256 {
    struct sha256_ctx ctx;
};

void rp_sha256_init(struct rp_sha256 *h);
void rp_sha256_update(struct rp_sha256 *h, const void *data, size_t size);
/* The NUL-terminated string `s` (without its NUL). */
void rp_sha256_str(struct rp_sha256 *h, const char *s);
/* Writes the digest as hex into `hex` (RP_SHA256_HEX bytes); `h` must be re-initialised
 * before further use. */
void rp_sha256_hex(struct rp_sha256 *h, char hex[RP_SHA256_HEX]);
/* Writes the digest's bytes into `out`; `h` must be re-initialised before further use. */
void rp_sha256_digest(struct rp_sha256 *h, unsigned char out[RP_SHA256_SIZE]);

/* The digest of the file at `path` into `hex`, its size into *bytes when not NULL. Returns 0,
 * or -1 with errno set when the file cannot be read. */
__attribute__((warn_unused_result)) int rp_sha256_file(const char *path, char hex[RP_SHA256_HEX],
                                                       long long *bytes);

#endif
