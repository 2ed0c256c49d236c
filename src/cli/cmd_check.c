#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int rp_cmd_check(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "rapport check: no input file\nusage: rapport check FILE...\n");
        return RP_EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "rapport check: unknown option '%s'\n", argv[i]);
            return RP_EXIT_USAGE;
        }
    struct rp_session s;
    rp_session_init(&s);
    for (int i = 1; i < argc; i++)
        (void)rp_session_load(&s, argv[i]);
    rp_diags_print(&s.diags, stderr);
    int status = s.diags.errors ? RP_EXIT_FAILED : RP_EXIT_OK;
    /* Always, so that a clean run says so too. */
    fprintf(stderr, "%zu error(s), %zu warning(s)\n", s.diags.errors, s.diags.warnings);
    rp_session_free(&s);
    return status;
}
