/* rapport coverage: which texts of the models lack a language, and how many have it. */
#include "cli/cli.h"
#include "load/texts.h"
#include "util/arena.h"
#include "util/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How much of a missing text is quoted: enough to find it, short enough for one line. */
#define EXCERPT_CHARS 60

static void usage(FILE *out)
{
    fputs("usage: rapport coverage --lang LANG FILE...\n"
          "\n"
          "Lists the texts of plans and evaluations that have no variant in LANG, one line\n"
          "each in file order, 'file:line:col: missing LANG: the start of the text', then\n"
          "one line 'LANG: N of M texts (P %)': N texts of the M texts in the files' own\n"
          "language have a non-empty LANG variant, P rounded down (100 only when complete).\n"
          "\n"
          "Options:\n"
          "  --lang LANG     the language looked for: fr, nl, en or de\n"
          "  -h, --help      show this help\n"
          "\n"
          "A file that cannot be read or is not valid is reported as\n"
          "'file:line:col: error: message'; the other files are still counted.\n"
          "\n"
          "Exit status:\n"
          "  0  every text has a LANG variant\n"
          "  1  some text has none, or a file has errors\n"
          "  2  usage error\n",
          out);
}

int rp_cmd_coverage(int argc, char **argv)
{
    const char *lang = NULL;
    int first_file = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return RP_EXIT_OK;
        } else if ((v = rp_cli_value(argc, argv, &i, "--lang", NULL))) {
            lang = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return rp_cli_bad_usage("coverage", "unknown option '%s'", argv[i]);
        } else {
            /* Files are gathered in place: argv is ours to reorder. */
            argv[first_file + files++ + 1] = argv[i];
        }
    }
    if (!lang)
        return rp_cli_bad_usage("coverage", "%s", "--lang is required");
    if (!rp_cli_lang_ok(lang))
        return rp_cli_bad_usage("coverage", "unknown language '%s' (fr, nl, en or de)", lang);
    if (files == 0)
        return rp_cli_bad_usage("coverage", "%s", "no input file");

    size_t have = 0, total = 0;
    bool failed = false;
    for (int i = 1; i <= files; i++) {
        struct rp_arena *arena = rp_arena_new();
        struct rp_diags diags;
        rp_diags_init(&diags);
        struct rp_text_file f;
        if (rp_text_file_read(argv[i], lang, arena, &diags, &f) == 0) {
            for (size_t k = 0; k < f.count; k++) {
                const struct rp_text_unit *u = &f.units[k];
                if (u->has_variant) {
                    have++;
                    continue;
                }
                printf("%s:%ld:%ld: missing %s: %s\n", argv[i], u->line, u->col, lang,
                       rp_text_excerpt(arena, u->plain, EXCERPT_CHARS));
            }
            total += f.count;
        } else {
            failed = true;
        }
        fflush(stdout); /* the diagnostics of a file follow its lines */
        rp_diags_print(&diags, stderr);
        rp_diags_free(&diags);
        rp_arena_free(arena);
    }
    int percent = total ? (int)(have * 100 / total) : 100;
    printf("%s: %zu of %zu texts (%d %%)\n", lang, have, total, percent);
    return failed || have < total ? RP_EXIT_FAILED : RP_EXIT_OK;
}
