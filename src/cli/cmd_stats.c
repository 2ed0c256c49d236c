#include "cli/cli.h"

#include "model/walk.h"

#include <stdio.h>

/* The kinds `rapport stats` prints, in this order, with their names. */
static const struct {
    const char *name;
    enum rp_entity kind;
} STAT_KINDS[] = {
    {"missions", RP_ENT_MISSION},
    {"vision-pillars", RP_ENT_PILLAR},
    {"values", RP_ENT_VALUE},
    {"stakes", RP_ENT_STAKE},
    {"stakeholders", RP_ENT_STAKEHOLDER},
    {"risks", RP_ENT_RISK},
    {"risk-domains", RP_ENT_RISK_DOMAIN},
    {"priorities", RP_ENT_PRIORITY},
    {"strategic-objectives", RP_ENT_STRATEGIC_OBJECTIVE},
    {"operational-objectives", RP_ENT_OPERATIONAL_OBJECTIVE},
    {"ambitions", RP_ENT_AMBITION},
    {"key-processes", RP_ENT_KEY_PROCESS},
    {"projects", RP_ENT_PROJECT},
    {"processes", RP_ENT_PROCESS},
    {"indicators", RP_ENT_INDICATOR},
    {"commitments", RP_ENT_COMMITMENT},
    {"tables", RP_ENT_TABLE},
    {"table-rows", RP_ENT_ROW},
    {"communication-actions", RP_ENT_COMM_ACTION},
    {"key-figures", RP_ENT_FIGURE},
    {"sections", RP_ENT_SECTION},
    {"success-factors", RP_ENT_SUCCESS_FACTOR},
    {"measure-units", RP_ENT_MEASURE_UNIT},
    {"glossary-entries", RP_ENT_GLOSSARY_ENTRY},
    {"amendments", RP_ENT_AMENDMENT},
    {"maturity-scales", RP_ENT_MATURITY_SCALE},
    {"transversal-themes", RP_ENT_TRANSVERSAL_THEME},
    {"transversal-objectives", RP_ENT_TRANSVERSAL_OBJECTIVE},
    {"transversal-targets", RP_ENT_TRANSVERSAL_TARGET},
    {"stakeholder-groups", RP_ENT_STAKEHOLDER_GROUP},
    {"objective-groups", RP_ENT_OBJECTIVE_GROUP},
};

static void count_visit(void *ctx, enum rp_entity kind, const char *id, const void *entity,
                        const struct rp_loc *loc, const void *parent)
{
    (void)id;
    (void)entity;
    (void)loc;
    (void)parent;
    ((size_t *)ctx)[kind]++;
}

int rp_cmd_stats(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: rapport stats FILE\n");
        return RP_EXIT_USAGE;
    }
    struct rp_session s;
    rp_session_init(&s);
    const struct rp_file *f = rp_session_load(&s, argv[1]);
    int status = RP_EXIT_FAILED;
    if (f) {
        size_t counts[RP_ENT__MAX] = {0};
        if (f->kind == RP_FILE_PLAN)
            rp_plan_walk(f->plan, count_visit, counts);
        else
            rp_evaluation_walk(f->evaluation, count_visit, counts);
        for (size_t i = 0; i < sizeof STAT_KINDS / sizeof *STAT_KINDS; i++)
            printf("%s\t%zu\n", STAT_KINDS[i].name, counts[STAT_KINDS[i].kind]);
        status = RP_EXIT_OK;
    }
    rp_diags_print(&s.diags, stderr);
    rp_session_free(&s);
    return status;
}
