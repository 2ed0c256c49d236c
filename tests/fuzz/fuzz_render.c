/* libFuzzer harness for the whole render path: bytes → loader → checker → every builder
 * that applies → text backend and PDF backend. A plan gives its budget and communication
 * documents; an evaluation without a plan gives the stand-alone annual report. */
#define _POSIX_C_SOURCE 200809L
#include "compose/compose.h"
#include "check/check.h"
#include "load/load.h"
#include "render/render.h"
#include "util/arena.h"
#include "../unit/default_templates.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void render(struct rp_doc *doc, const char *path)
{
    if (!doc)
        return;
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
        rp_render_text(doc, devnull);
        fclose(devnull);
    }
    struct rp_diags diags;
    rp_diags_init(&diags);
    /* A render error is a diagnostic, not a finding; crashes and leaks are. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
        int status = rp_render_pdf(doc, &default_templates()->theme, fd, path, &diags, NULL);
        (void)status;
        close(fd);
    }
    rp_diags_free(&diags);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/rapport-fuzz-%ld.pdf", (long)getpid());
    struct rp_arena *arena = rp_arena_new();
    struct rp_diags diags;
    rp_diags_init(&diags);
    struct rp_file f;
    if (rp_load_memory((const char *)data, size, "fuzz.xml", arena, &diags, &f) == 0) {
        if (f.kind == RP_FILE_PLAN) {
            rp_check_plan(f.plan, arena, &diags);
            if (diags.errors == 0) {
                render(rp_build_budget(f.plan, "fr", RP_EDITION_REVIEW, default_templates(), arena), path);
                render(rp_build_communication(f.plan, NULL, "nl", RP_EDITION_REVIEW, default_templates(), arena), path);
            }
        } else {
            rp_check_evaluation(f.evaluation, NULL, arena, &diags);
            const struct rp_evaluation *evals[1] = {f.evaluation};
            if (diags.errors == 0)
                render(rp_build_evaluation(NULL, evals, 1, "fr", RP_EDITION_REVIEW, default_templates(), arena), path);
        }
    }
    rp_diags_free(&diags);
    rp_arena_free(arena);
    return 0;
}
