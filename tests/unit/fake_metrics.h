/* Metrics for layout unit tests that need no font: every character half an em wide, a space
 * (breaking or not) a quarter, so that widths are easy to reckon by hand. */
#ifndef RP_TEST_FAKE_METRICS_H
#define RP_TEST_FAKE_METRICS_H

#include "render/metrics.h"

#include <stdint.h>

static double fake_advance(void *ctx, enum rp_face face, uint32_t cp)
{
    (void)ctx;
    (void)face;
    return cp == ' ' || cp == 0xA0 ? 250 : 500;
}

static const struct rp_metrics metrics = {NULL, fake_advance, 800, -200, NULL, NULL};

#endif
