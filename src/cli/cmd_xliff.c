/* rapport xliff: the translation round trip of a model's texts through XLIFF 1.2. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"
#include "load/xliff.h"
#include "util/atomic.h"
#include "util/fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *out)
{
    fputs("usage: rapport xliff export --lang LANG FILE... -o OUT.xlf\n"
          "       rapport xliff import FILE... IN.xlf\n"
          "\n"
          "export  writes the texts of plans and evaluations (in their own language) as an\n"
          "        XLIFF 1.2 document for translation into LANG: one <file> per model, one\n"
          "        <trans-unit> per text, with its translation as <target> when the model\n"
          "        has it, and a <note> saying where the text is used. Inline markup is\n"
          "        XLIFF's <g>/<x/>: italic, bold, x-sup, x-link (the address stays in the\n"
          "        model), x-placeholder. '-o -' writes to standard output.\n"
          "import  writes every non-empty <target> of IN.xlf into the model its <file>\n"
          "        names (its original: the path given to export, or the file's name), as\n"
          "        the text's variant in the <file>'s target-language: in place of the\n"
          "        translation the model has, or beside the text it translates. Nothing\n"
          "        else of a model changes. A unit whose id the model does not know, whose\n"
          "        <source> is no longer the model's text, or whose <target> does not carry\n"
          "        the markup of its <source> is refused with an error located in IN.xlf;\n"
          "        a model with a refused unit, or that would not be valid, is not written.\n"
          "\n"
          "Options:\n"
          "  --lang LANG     export: the language to translate into: fr, nl, en or de\n"
          "  -o OUT.xlf      export: the file to write (atomically)\n"
          "  -h, --help      show this help\n"
          "\n"
          "See docs/translation.md for the round trip with translate-toolkit.\n"
          "\n"
          "Exit status:\n"
          "  0  success (warnings allowed)\n"
          "  1  a model or the XLIFF document has errors, or a unit was refused\n"
          "  2  usage error\n",
          out);
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    return false;
}

/* Whether `path` is the file `out` (through any name or link). */
static bool same_file(const char *path, const struct stat *out)
{
    struct stat in;
    return stat(path, &in) == 0 && in.st_dev == out->st_dev && in.st_ino == out->st_ino;
}

static int finish(struct rp_diags *diags, int rc)
{
    rp_diags_print(diags, stderr);
    int status = rc == 0 && diags->errors == 0 ? RP_EXIT_OK : RP_EXIT_FAILED;
    rp_diags_free(diags);
    return status;
}

static int export_cmd(int argc, char **argv)
{
    const char *lang = NULL, *out = NULL;
    const char **files = calloc((size_t)argc, sizeof *files);
    size_t count = 0;
    int status = -1;
    for (int i = 1; i < argc && status < 0; i++) {
        const char *a = argv[i], *v;
        if ((v = rp_cli_value(argc, argv, &i, "--lang", NULL))) {
            lang = v;
        } else if ((v = rp_cli_value(argc, argv, &i, "--output", "-o"))) {
            out = v;
        } else if (a[0] == '-' && a[1]) {
            status = rp_cli_bad_usage("xliff", "unknown option '%s'", a);
        } else {
            files[count++] = a;
        }
    }
    struct stat st;
    if (status >= 0) {
        /* reported */
    } else if (!lang) {
        status = rp_cli_bad_usage("xliff", "%s", "--lang is required");
    } else if (!rp_cli_lang_ok(lang)) {
        status = rp_cli_bad_usage("xliff", "unknown language '%s' (fr, nl, en or de)", lang);
    } else if (!out || !*out) {
        status = rp_cli_bad_usage("xliff", "%s", "-o OUT.xlf is required");
    } else if (count == 0) {
        status = rp_cli_bad_usage("xliff", "%s", "no input file");
    } else if (strcmp(out, "-") != 0 && stat(out, &st) == 0) {
        for (size_t i = 0; i < count && status < 0; i++)
            if (same_file(files[i], &st))
                status = rp_cli_bad_usage(
                    "xliff", "the output %s is one of the inputs: not overwritten", out);
        if (status < 0 && rp_atomic_target_ok(out) != 0 && errno == EEXIST)
            status = rp_cli_bad_usage(
                "xliff", "the output %s exists and is not a regular file: not replaced", out);
    }
    if (status < 0) {
        struct rp_diags diags;
        rp_diags_init(&diags);
        status = finish(&diags, rp_xliff_export(files, count, lang, out, &diags));
    }
    free(files);
    return status;
}

static int import_cmd(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && argv[i][1])
            return rp_cli_bad_usage("xliff", "unknown option '%s'", argv[i]);
    if (argc < 3)
        return rp_cli_bad_usage("xliff", "%s", "import needs the models and, last, the XLIFF file");
    struct rp_diags diags;
    rp_diags_init(&diags);
    int rc = rp_xliff_import((const char *const *)argv + 1, (size_t)argc - 2, argv[argc - 1],
                             &diags, stdout);
    fflush(stdout);
    return finish(&diags, rc);
}

int rp_cmd_xliff(int argc, char **argv)
{
    if (argc < 2 || wants_help(argc, argv)) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? RP_EXIT_USAGE : RP_EXIT_OK;
    }
    if (strcmp(argv[1], "export") == 0)
        return export_cmd(argc - 1, argv + 1);
    if (strcmp(argv[1], "import") == 0)
        return import_cmd(argc - 1, argv + 1);
    return rp_cli_bad_usage("xliff", "unknown action '%s' (export or import)", argv[1]);
}
