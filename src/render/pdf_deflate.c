/* Deflating PDF streams with libdeflate (see pdf_deflate.h).
 *
 * Every stream rapport deflates is whole in memory before it is written, so the streaming
 * interface of zlib buys nothing; libdeflate compresses a whole buffer two to three times
 * faster than zlib at the same size (on the page content and structure of a 2,000-row
 * table, a quarter of the time of the process went to zlib). */
#include "render/pdf_deflate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

/* One compressor per level and per thread of a batch (the calling thread is 0), kept: its
 * tables (some hundreds of kB) are reset for every buffer anyway, but allocated afresh for
 * each page they cost the kernel as much again in page faults. A compressor is used by one
 * thread at a time: the calling threads' (0) serve the thread that renders (the shaper's
 * cache of words is not thread-safe, so one document is rendered at a time in a process; a
 * batch's workers are processes), and the helper threads' (1) one batch of each level at a
 * time (helper_busy): the page content's and the structure's batches overlap. */
#define THREADS 2
static struct libdeflate_compressor *compressors[THREADS][13];

static struct libdeflate_compressor *compressor(int thread, int level)
{
    if (level < 0 || level > 12)
        return NULL;
    if (!compressors[thread][level])
        compressors[thread][level] = libdeflate_alloc_compressor(level);
    return compressors[thread][level];
}

/* Deflates `len` bytes of `data` with `c` into `*z`, of `bound` bytes already allocated;
 * frees it on failure. */
static int deflate_into(struct libdeflate_compressor *c, const char *data, size_t len,
                        unsigned char **z, size_t bound, size_t *size)
{
    size_t n = *z ? libdeflate_zlib_compress(c, data, len, *z, bound) : 0;
    if (n == 0) {
        free(*z);
        *z = NULL;
        return -1;
    }
    *size = n;
    return 0;
}

int rp_pdf_deflate(const char *data, size_t len, int level, unsigned char **z, size_t *size)
{
    *z = NULL;
    *size = 0;
    struct libdeflate_compressor *c = compressor(0, level);
    if (!c)
        return -1;
    size_t bound = libdeflate_zlib_compress_bound(c, len);
    *z = malloc(bound > 0 ? bound : 1);
    return deflate_into(c, data, len, z, bound, size);
}

/* A batch shared by its threads: each takes the next buffer not taken yet, so that the work
 * is shared whatever the sizes; where a buffer's output goes does not depend on who takes it. */
struct batch {
    struct rp_pdf_deflation *items;
    size_t *bounds;
    size_t n;
    atomic_size_t next;
};

static void run(struct batch *b, struct libdeflate_compressor *c)
{
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;) {
        struct rp_pdf_deflation *it = &b->items[i];
        if (it->rc == 0)
            it->rc = deflate_into(c, it->data, it->len, &it->z, b->bounds[i], &it->size);
    }
}

struct helper {
    struct batch *batch;
    struct libdeflate_compressor *c;
};

static void *helper_main(void *arg)
{
    struct helper *h = arg;
    run(h->batch, h->c);
    return NULL;
}

/* Allocates the outputs of `items` (by the calling thread: a thread of its own that
 * allocates gets a malloc arena of its own, whose fresh pages the kernel must fault in) and
 * fills `b`. Returns the total of bytes in, or 0 when there is no compressor or no memory
 * (every item then failed). */
static size_t prepare(struct batch *b, struct rp_pdf_deflation *items, size_t n, int level)
{
    struct libdeflate_compressor *c = compressor(0, level);
    *b = (struct batch){items, n && c ? malloc(n * sizeof *b->bounds) : NULL, n, 0};
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        struct rp_pdf_deflation *it = &items[i];
        it->z = NULL;
        it->size = 0;
        it->rc = -1;
        if (!b->bounds)
            continue;
        b->bounds[i] = libdeflate_zlib_compress_bound(c, it->len);
        it->z = malloc(b->bounds[i] > 0 ? b->bounds[i] : 1);
        it->rc = it->z ? 0 : -1;
        total += it->len;
    }
    if (!b->bounds)
        b->n = 0;
    return b->bounds ? total + 1 : 0;
}

struct rp_pdf_deflating {
    struct batch batch;
    struct helper helper;
    int level;
    bool helped;
    pthread_t thread;
};

/* Whether a batch's second thread holds the helper compressor of a level: two batches of
 * one level running at once (the page content's and another) must not share it; the later
 * one then runs in its caller's thread alone. */
static atomic_bool helper_busy[13];

/* Below this many bytes in all, a second thread costs more than it saves. */
#define THREAD_MIN_BYTES (64 * 1024)

struct rp_pdf_deflating *rp_pdf_deflate_start(struct rp_pdf_deflation *items, size_t n, int level,
                                              int threads)
{
    struct rp_pdf_deflating *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    size_t total = prepare(&d->batch, items, n, level);
    d->level = level;
    d->helper = (struct helper){&d->batch, NULL};
    d->helped = threads > 1 && n > 0 && total > THREAD_MIN_BYTES && level >= 0 && level <= 12 &&
                !atomic_exchange(&helper_busy[level], true);
    if (d->helped && ((d->helper.c = compressor(1, level)) == NULL ||
                      pthread_create(&d->thread, NULL, helper_main, &d->helper) != 0)) {
        atomic_store(&helper_busy[level], false);
        d->helped = false;
    }
    return d;
}

void rp_pdf_deflate_finish(struct rp_pdf_deflating *d)
{
    if (!d)
        return;
    if (d->batch.bounds)
        run(&d->batch, compressor(0, d->level));
    if (d->helped) {
        pthread_join(d->thread, NULL);
        atomic_store(&helper_busy[d->level], false);
    }
    free(d->batch.bounds);
    free(d);
}

void rp_pdf_deflate_all(struct rp_pdf_deflation *items, size_t n, int level, int threads)
{
    struct rp_pdf_deflating *d = rp_pdf_deflate_start(items, n, level, n > 1 ? threads : 1);
    if (!d) {
        for (size_t i = 0; i < n; i++)
            items[i] = (struct rp_pdf_deflation){items[i].data, items[i].len, NULL, 0, -1};
        return;
    }
    rp_pdf_deflate_finish(d);
}
