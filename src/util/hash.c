/* SHA-256 through libnettle: a maintained library rather than a hand-written digest. */
#define _POSIX_C_SOURCE 200809L
#include "util/hash.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

void rp_sha256_init(struct rp_sha256 *h)
{
    sha256_init(&h->ctx);
}

void rp_sha256_update(struct rp_sha256 *h, const void *data, size_t size)
{
    sha256_update(&h->ctx, size, data);
}

void rp_sha256_str(struct rp_sha256 *h, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    sha256_update(&h->ctx, n, (const uint8_t *)s);
}

_Static_assert(RP_SHA256_SIZE == SHA256_DIGEST_SIZE, "RP_SHA256_SIZE is nettle's digest size");

void rp_sha256_digest(struct rp_sha256 *h, unsigned char out[RP_SHA256_SIZE])
{
    sha256_digest(&h->ctx, RP_SHA256_SIZE, out);
}

void rp_sha256_hex(struct rp_sha256 *h, char hex[RP_SHA256_HEX])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[RP_SHA256_SIZE];
    rp_sha256_digest(h, d);
    for (size_t i = 0; i < sizeof d; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * sizeof d] = '\0';
}

int rp_sha256_file(const char *path, char hex[RP_SHA256_HEX], long long *bytes)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct rp_sha256 h;
    rp_sha256_init(&h);
    unsigned char buf[65536];
    long long total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (n == 0)
            break;
        rp_sha256_update(&h, buf, (size_t)n);
        total += n;
    }
    close(fd);
    rp_sha256_hex(&h, hex);
    if (bytes)
        *bytes = total;
    return 0;
}
