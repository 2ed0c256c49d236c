/* rapport: the command dispatcher. Each command lives in src/cli/. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

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

int main(int argc, char **argv)
{
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
