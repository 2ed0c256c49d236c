#include "cli/cli.h"

#include "model/dump.h"

#include <stdio.h>

int rp_cmd_dump(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: rapport dump FILE\n");
        return RP_EXIT_USAGE;
    }
    struct rp_session s;
    rp_session_init(&s);
    const struct rp_file *f = rp_session_load(&s, argv[1]);
    int status = RP_EXIT_FAILED;
    if (f) {
        if (f->kind == RP_FILE_PLAN)
            rp_plan_dump(f->plan, stdout);
        else
            rp_evaluation_dump(f->evaluation, stdout);
        status = RP_EXIT_OK;
    }
    rp_diags_print(&s.diags, stderr);
    rp_session_free(&s);
    return status;
}
