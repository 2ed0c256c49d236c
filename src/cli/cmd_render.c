/* rapport render: one document from its sources, written atomically. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"
#include "produce/produce.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/fmt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(FILE *out)
{
    fputs("usage: rapport render --kind KIND --lang LANG [--year YEAR] [--edition EDITION]\n"
          "                      [--allow-fallback] [--format FORMAT] FILE... -o OUTPUT\n"
          "\n"
          "Renders one document from a plan and, for the kinds that use them, its evaluations.\n"
          "\n"
          "Options:\n"
          "  --kind KIND     the kind of document:\n",
          out);
    rp_kinds_help(out, 18);
    fputs("  --lang LANG     the edition's language: fr, nl, en or de\n"
          "  --year YEAR     evaluation: the year reported on (default: the latest given)\n"
          "  --edition EDITION\n"
          "                  publication (default): what a reader should see, nothing about\n"
          "                  the sources; review: for the authors, with the diagnostics of\n"
          "                  the inputs in an annex, the totals audit, placeholders and text\n"
          "                  in another language highlighted, and a draft mark on every page\n"
          "  --allow-fallback\n"
          "                  produce a publication edition even when some of its texts have\n"
          "                  no variant in LANG (they are shown in the model's language)\n"
          "  -o OUTPUT       the file to write; '-' writes HTML or text to standard output\n"
          "  --format FORMAT pdf (the default, unless OUTPUT ends in .html, .txt or\n"
          "                  .layout), html (one self-contained, accessible page: the same\n"
          "                  content, charts as SVG), text (the document tree, for tests)\n"
          "                  or layout (where the PDF places what, page by page, for\n"
          "                  checking the layout: tests/scripts/lib/layoutcheck.py)\n"
          "  --text          the same as --format text\n"
          "  --templates DIR the templates to use (theme.xml, documents.xml, labels/);\n"
          "                  default: the built-in copy of templates/default\n"
          "  -h, --help      show this help\n"
          "\n"
          "Inputs with errors are not rendered: their diagnostics are printed as\n"
          "'file:line:col: error: message'. OUTPUT appears complete or not at all; it is\n"
          "never one of the inputs, and only a regular file is ever replaced.\n"
          "\n"
          "A publication edition is not produced when a text it shows has no variant in\n"
          "LANG (rapport coverage --lang LANG FILE... lists them), or when its sources call\n"
          "for no such document (a plan without a communication plan, or without tables).\n"
          "\n"
          "Exit status:\n"
          "  0  the document was written\n"
          "  1  an input has errors, or the document was not produced (the reason is\n"
          "     printed)\n"
          "  2  usage error (OUTPUT one of the inputs or not a regular file included)\n",
          out);
}

struct options {
    const char *kind, *lang, *output, *templates;
    long year;
    enum rp_edition edition;
    const char *format; /* a backend's name; NULL: from OUTPUT's suffix, else pdf */
    bool allow_fallback;
    const char **inputs;
    size_t input_count;
};

static int parse(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof *o);
    o->inputs = calloc((size_t)argc, sizeof *o->inputs);
    if (!o->inputs)
        return RP_EXIT_FAILED;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return -1;
        } else if ((v = rp_cli_value(argc, argv, &i, "--kind", NULL)))
            o->kind = v;
        else if ((v = rp_cli_value(argc, argv, &i, "--lang", NULL)))
            o->lang = v;
        else if ((v = rp_cli_value(argc, argv, &i, "--year", NULL))) {
            char *end;
            errno = 0;
            o->year = strtol(v, &end, 10);
            if (errno || end == v || *end || o->year < 1900 || o->year > 2200)
                return rp_cli_bad_usage("render", "--year takes a year, not '%s'", v);
        } else if ((v = rp_cli_value(argc, argv, &i, "--output", "-o")))
            o->output = v;
        else if ((v = rp_cli_value(argc, argv, &i, "--templates", NULL)))
            o->templates = v;
        else if ((v = rp_cli_value(argc, argv, &i, "--edition", NULL))) {
            if (strcmp(v, "publication") == 0)
                o->edition = RP_EDITION_PUBLICATION;
            else if (strcmp(v, "review") == 0)
                o->edition = RP_EDITION_REVIEW;
            else
                return rp_cli_bad_usage("render", "unknown edition '%s' (publication or review)",
                                        v);
        } else if (strcmp(argv[i], "--allow-fallback") == 0)
            o->allow_fallback = true;
        else if (strcmp(argv[i], "--text") == 0)
            o->format = "text";
        else if ((v = rp_cli_value(argc, argv, &i, "--format", NULL))) {
            if (!rp_backend_find(v))
                return rp_cli_bad_usage("render", "unknown format '%s' (pdf, html, text or layout)",
                                        v);
            o->format = v;
        } else if (argv[i][0] == '-' && argv[i][1])
            return rp_cli_bad_usage("render", "unknown option '%s'", argv[i]);
        else
            o->inputs[o->input_count++] = argv[i];
    }
    if (!o->kind)
        return rp_cli_bad_usage("render", "%s", "--kind is required");
    if (!rp_kind_find(o->kind))
        return rp_cli_bad_usage("render", "unknown kind '%s' (rapport render --help lists them)",
                                o->kind);
    if (!o->lang)
        return rp_cli_bad_usage("render", "%s", "--lang is required");
    if (!rp_cli_lang_ok(o->lang))
        return rp_cli_bad_usage("render", "unknown language '%s' (fr, nl, en or de)", o->lang);
    if (!o->output || !*o->output)
        return rp_cli_bad_usage("render", "%s", "-o OUTPUT is required");
    if (!o->format) {
        const struct rp_backend *by_suffix = rp_backend_of_file(o->output);
        o->format = by_suffix ? by_suffix->name : "pdf";
    }
    if (strcmp(o->output, "-") == 0 && strcmp(o->format, "pdf") == 0)
        return rp_cli_bad_usage("render", "%s",
                                "a PDF cannot go to standard output ('-' needs --format html "
                                "or text)");
    if (o->input_count == 0)
        return rp_cli_bad_usage("render", "%s", "no input file");
    return 0;
}

/* Refuses an output that would destroy something: one of the inputs (through any name or
 * link), or a file that is not a regular file (a directory, a device, a FIFO, a socket, a
 * link). 0, or the usage status with the reason printed. */
static int check_output(const struct options *o)
{
    if (strcmp(o->output, "-") == 0)
        return 0;
    struct stat out;
    if (stat(o->output, &out) == 0) {
        for (size_t i = 0; i < o->input_count; i++) {
            struct stat in;
            if (stat(o->inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
                return rp_cli_bad_usage(
                    "render", "the output %s is one of the inputs: not overwritten", o->output);
        }
    }
    if (rp_atomic_target_ok(o->output) != 0 && errno == EEXIST)
        return rp_cli_bad_usage(
            "render", "the output %s exists and is not a regular file: not replaced", o->output);
    return 0;
}

static int by_year(const void *a, const void *b)
{
    const struct rp_evaluation *x = *(const struct rp_evaluation *const *)a;
    const struct rp_evaluation *y = *(const struct rp_evaluation *const *)b;
    return (x->year > y->year) - (x->year < y->year);
}

/* What the picker needs of the command line, and what it found wrong with it. */
struct render_ctx {
    const struct options *o;
    const struct rp_evaluation **evals; /* room for every input */
    bool usage;                         /* the inputs do not match the options (exit 2) */
};

/* The picker of rp_produce(): every input given must load cleanly; the builder reads the
 * plan (given, or the one the evaluations name) and the evaluations up to --year, oldest
 * first. */
static enum rp_pick pick(void *ctx, struct rp_session *s, struct rp_kind_input *in,
                         const char **path)
{
    struct render_ctx *c = ctx;
    const struct options *o = c->o;
    bool failed = false;
    for (size_t i = 0; i < o->input_count; i++)
        failed |= rp_session_load(s, o->inputs[i]) == NULL;
    if (failed || s->diags.errors)
        return RP_PICK_FAILED;
    memset(in, 0, sizeof *in);
    size_t n = 0;
    for (size_t i = 0; i < s->count; i++) {
        const struct rp_file *f = &s->files[i];
        if (f->kind == RP_FILE_PLAN && !in->plan)
            in->plan = f->plan;
        else if (f->kind == RP_FILE_EVALUATION && (!o->year || f->evaluation->year <= o->year))
            c->evals[n++] = f->evaluation;
    }
    for (size_t i = 0; !in->plan && i < s->count; i++)
        if (s->files[i].kind == RP_FILE_EVALUATION)
            in->plan = rp_session_plan_of(s, &s->files[i]);
    if (n > 1)
        qsort(c->evals, n, sizeof *c->evals, by_year);
    in->evals = c->evals;
    in->eval_count = n;
    const struct rp_kind *kind = rp_kind_find(o->kind);
    if (o->year && (n == 0 || c->evals[n - 1]->year != o->year) &&
        kind->evals == RP_EVALS_HISTORY) {
        char year[16];
        snprintf(year, sizeof year, "%ld", o->year);
        rp_cli_bad_usage("render", "no evaluation of year %s among the inputs", year);
        c->usage = true;
        return RP_PICK_FAILED;
    }
    if (!in->plan && kind->scope == RP_SCOPE_PLAN) {
        rp_diag_add(&s->diags, RP_ERROR, o->inputs[0], 0, 0, "a %s document needs a plan", o->kind);
        return RP_PICK_FAILED;
    }
    if (kind->evals == RP_EVALS_HISTORY && in->eval_count == 0) {
        rp_diag_add(&s->diags, RP_ERROR, o->inputs[0], 0, 0, "an %s document needs an evaluation",
                    o->kind);
        return RP_PICK_FAILED;
    }
    *path = o->output;
    return RP_PICKED;
}

/* Why a publication edition was not produced, after the diagnostics. */
static void explain(const struct options *o, enum rp_produced done,
                    const struct rp_produce_info *info)
{
    if (done == RP_PRODUCE_NOT_APPLICABLE)
        fprintf(stderr, "rapport render: %s not written: no %s document, since %s\n", o->output,
                o->kind, info->why_not);
    else if (done == RP_PRODUCE_INCOMPLETE) {
        fprintf(stderr,
                "rapport render: %s not written: the %s edition is incomplete: %zu of %zu texts "
                "it shows have no '%s' variant (%d %% translated)\n",
                o->output, o->lang, info->texts_missing, info->texts_shown, o->lang,
                rp_produce_coverage_percent(info));
        fprintf(stderr, "  list them with: rapport coverage --lang %s", o->lang);
        for (size_t i = 0; i < o->input_count; i++)
            fprintf(stderr, " %s", o->inputs[i]);
        fputs("\n  or render the review edition (--edition review), or allow the fallback "
              "(--allow-fallback)\n",
              stderr);
    }
}

int rp_cmd_render(int argc, char **argv)
{
    struct options o;
    int rc = parse(argc, argv, &o);
    if (rc) {
        free(o.inputs);
        return rc < 0 ? RP_EXIT_OK : rc;
    }
    if ((rc = check_output(&o)) != 0) {
        free(o.inputs);
        return rc;
    }
    struct rp_session s;
    rp_session_init(&s);
    struct render_ctx ctx = {&o, rp_arena_array(s.arena, o.input_count + 1, sizeof *ctx.evals),
                             false};
    rc = RP_EXIT_FAILED;
    /* --templates DIR, else the built-in set; problems go with the others. */
    const struct rp_templates *t = rp_templates_load(o.templates, s.arena, &s.diags);
    if (t && rp_kinds_check(t, &s.diags) == 0) {
        struct rp_produce_request req = {.templates = t,
                                         .kind = rp_kind_find(o.kind),
                                         .lang = rp_lang_from_code(o.lang),
                                         .edition = o.edition,
                                         .allow_fallback = o.allow_fallback,
                                         .backends = {rp_backend_find(o.format)},
                                         .backend_count = 1,
                                         .sources = {pick, &ctx}};
        struct rp_produce_info info;
        enum rp_produced done = rp_produce(&req, &s, &info);
        if (done == RP_PRODUCED)
            rc = RP_EXIT_OK;
        else if (ctx.usage)
            rc = RP_EXIT_USAGE;
        rp_diags_print(&s.diags, stderr);
        explain(&o, done, &info);
    } else
        rp_diags_print(&s.diags, stderr);
    rp_session_free(&s);
    free(o.inputs);
    return rc;
}
