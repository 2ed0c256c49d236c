/* rapport: the command dispatcher. Each command lives in src/cli/. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} COMMANDS[] = {
    {"check", rp_cmd_check},
    {"dump", rp_cmd_dump},
    {"stats", rp_cmd_stats},
    {"render", rp_cmd_render},
    {"build", rp_cmd_build},
    {"coverage", rp_cmd_coverage},
    {"xliff", rp_cmd_xliff},
};

/* glibc hands blocks of 128 kB and more to mmap and gives freed memory at the top of the
 * heap back to the kernel at 128 kB: a document's buffers (arena blocks, page content, the
 * packed file) are freed and allocated again at every stage, and each time the kernel
 * faults in and zeroes fresh pages (a sixth of the faults of a 2,000-row table). A process
 * renders one document or, in a batch worker, one after another: keeping its memory is
 * what it wants. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

int main(int argc, char **argv)
{
    keep_freed_memory();
    if (argc < 2) {
        rp_cli_usage(stderr);
        return RP_EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        rp_cli_usage(stdout);
        return RP_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rapport %s\n", RAPPORT_VERSION);
        return RP_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0)
            return COMMANDS[i].run(argc - 1, argv + 1);
    fprintf(stderr, "rapport: unknown command '%s' (see rapport --help)\n", argv[1]);
    return RP_EXIT_USAGE;
}
