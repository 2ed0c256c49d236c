/* A job's result as it travels from a worker process to the parent through a pipe.
 *
 * One "key value" line per field, values escaped (backslash, newline), so that any model
 * text or diagnostic crosses intact. A worker that dies before writing everything leaves a
 * record without its final "end" line: the parent then knows the job did not finish. */
#ifndef RP_BATCH_RESULT_H
#define RP_BATCH_RESULT_H

#include "batch/jobs.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

/* The record of `r` (malloc'd; the caller frees it) and its size. */
char *rp_result_encode(const struct rp_result *r, size_t *size);

/* Parses `size` bytes into `r` (strings in `arena`). Returns true when the record is complete
 * (ends with its "end" line). */
bool rp_result_decode(const char *data, size_t size, struct rp_arena *arena,
                      struct rp_result *r);

#endif
