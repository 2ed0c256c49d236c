#define _POSIX_C_SOURCE 200809L
#include "batch/pdfinfo.h"

#include "util/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool pdf_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/* A PDF "regular" character: anything but white space and delimiters. */
static bool pdf_regular(char c)
{
    return !pdf_space(c) && !strchr("()<>[]{}/%", c);
}

long rp_pdf_count_pages(const char *data, size_t size)
{
    static const char type[] = "/Type", page[] = "/Page";
    const size_t tl = sizeof type - 1, pl = sizeof page - 1;
    long pages = 0;
    for (size_t i = 0; i + tl <= size; i++) {
        if (data[i] != '/' || memcmp(data + i, type, tl) != 0)
            continue;
        size_t j = i + tl;
        while (j < size && pdf_space(data[j]))
            j++;
        /* "/Page" as a whole name: "/Pages" is the page tree, not a page. */
        if (j + pl <= size && memcmp(data + j, page, pl) == 0 &&
            (j + pl == size || !pdf_regular(data[j + pl])))
            pages++;
    }
    return pages;
}

int rp_pdfinfo_read(const char *path, struct rp_pdfinfo *info)
{
    memset(info, 0, sizeof *info);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t size = 0, cap = 1 << 20;
    char *data = rp_xmalloc(cap);
    for (;;) {
        if (size == cap) {
            cap *= 2;
            data = rp_xrealloc(data, cap);
        }
        ssize_t n = read(fd, data + size, cap - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            free(data);
            close(fd);
            errno = saved;
            return -1;
        }
        if (n == 0)
            break;
        size += (size_t)n;
    }
    close(fd);
    struct rp_sha256 h;
    rp_sha256_init(&h);
    rp_sha256_update(&h, data, size);
    rp_sha256_hex(&h, info->sha256);
    info->bytes = (long long)size;
    info->pages = rp_pdf_count_pages(data, size);
    free(data);
    return 0;
}
