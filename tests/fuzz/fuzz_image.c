/* libFuzzer harness: bytes → the logo checker (PNG when they start with the PNG signature,
 * JPEG otherwise). Every input must be accepted or refused with a reason, never crash, hang,
 * abort or leak. tests/fuzz/run.sh SECONDS JOBS image runs it; the suite replays the logos
 * of tests/data/ and past findings. */
#include "load/image.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    bool is_png = size >= 8 && memcmp(data, png, 8) == 0;
    char why[256] = "";
    if (!rp_image_check(data, size, is_png ? RP_IMAGE_PNG : RP_IMAGE_JPEG, why, sizeof why) &&
        why[0] == '\0')
        __builtin_trap(); /* a refusal always says why */
    return 0;
}
