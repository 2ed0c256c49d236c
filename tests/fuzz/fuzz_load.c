/* libFuzzer harness: bytes → loader → checker (plan or evaluation). Every input must give
 * either a model or located diagnostics, never a crash, a hang or a leak. */
#include "check/check.h"
#include "load/load.h"
#include "util/arena.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rp_arena *arena = rp_arena_new();
    struct rp_diags diags;
    rp_diags_init(&diags);
    struct rp_file f;
    if (rp_load_memory((const char *)data, size, "fuzz.xml", arena, &diags, &f) == 0) {
        if (f.kind == RP_FILE_PLAN)
            rp_check_plan(f.plan, arena, &diags);
        else
            rp_check_evaluation(f.evaluation, NULL, arena, &diags);
    }
    /* Every diagnostic is located in the input or names the whole run. */
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].line < 0 || diags.items[i].col < 0)
            __builtin_trap();
    rp_diags_free(&diags);
    rp_arena_free(arena);
    return 0;
}
