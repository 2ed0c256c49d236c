/* rapport build: the command line of the batch (src/batch/). */
#define _POSIX_C_SOURCE 200809L
#include "batch/batch.h"
#include "cli/cli.h"
#include "produce/kinds.h"
#include "render/render.h"
#include "util/fmt.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RP_STR_(x) #x
#define RP_STR(x) RP_STR_(x)

static void usage(FILE *out)
{
    fputs("usage: rapport build [OPTIONS] INPUT_DIR -o OUTPUT_DIR\n"
          "       rapport build --merge-manifests OUTPUT_DIR MANIFEST...\n"
          "\n"
          "Renders every document of every organisation under INPUT_DIR (one directory per\n"
          "organisation holding plan.xml and evaluation-YYYY.xml) into\n"
          "OUTPUT_DIR/<organisation>/<kind>-<period or year>.<lang>.pdf and .html (the\n"
          "publication edition, for readers, as a PDF and as an accessible web page saying\n"
          "the same) and OUTPUT_DIR/review/<organisation>/ (the same names: the review\n"
          "edition, for the authors), with OUTPUT_DIR/manifest.xml and OUTPUT_DIR/index.html,\n"
          "which links the publications only, in every format. Only documents whose\n"
          "sources, templates or rapport version changed are rendered again; documents whose\n"
          "sources no longer exist are removed (a source that exists but cannot be read keeps\n"
          "its documents). Files appear complete or not at all; an interrupted run is\n"
          "finished by the next one.\n"
          "\n"
          "A publication is not produced when its sources call for no such document (a plan\n"
          "without a communication plan) or when some of the texts it shows are not in its\n"
          "language (unless --allow-fallback): the log and the index say why, the manifest\n"
          "records it, and a previously published file of it is removed. That is no failure.\n"
          "A review edition is always produced.\n"
          "\n"
          "Options:\n"
          "  -o, --output DIR       the output directory (required)\n"
          "  -j, --jobs N           worker processes (default: the number of processors)\n"
          "      --lang L,...       languages among fr, nl, en, de (default: fr,nl)\n"
          "      --kind K,...       only these kinds of document (default: all; listed below)\n"
          "      --year Y           only the evaluations of year Y and the plans covering Y\n"
          "      --edition E,...    editions among publication, review (default: both); an\n"
          "                         edition left out keeps what it published before\n"
          "      --format F,...     formats among pdf, html (default: both); a format left\n"
          "                         out keeps what it published before\n"
          "      --allow-fallback   produce publications whose texts are not all in their\n"
          "                         language, those texts in the model's language\n"
          "      --force            render everything, up to date or not\n"
          "      --prune-all        accept an INPUT_DIR without any organisation and remove\n"
          "                         every published document (refused otherwise: an empty\n"
          "                         or unmounted INPUT_DIR must not empty the site)\n"
          "      --templates DIR    the template set (default: the one built into rapport)\n"
          "      --shard K/N        only the K-th of N stable slices of the organisations\n"
          "                         (1 <= K <= N), for job arrays; merge with --merge-manifests\n"
          "  -q, --quiet            print failures only\n"
          "  -v, --verbose          print timings and warnings too\n"
          "  -h, --help             show this help\n"
          "\n"
          "Document kinds:\n",
          out);
    rp_kinds_help(out, 2);
    fputs("\n"
          "--merge-manifests OUTPUT_DIR MANIFEST... gathers the documents listed by the\n"
          "manifests of sharded builds into OUTPUT_DIR (checking each SHA-256) and writes its\n"
          "manifest.xml and index.html.\n"
          "\n"
          "Exit status:\n"
          "  0  every document produced or already up to date (publications not produced,\n"
          "     with their reasons in the log, included)\n"
          "  1  some documents failed (listed at the end), a source could not be read (its\n"
          "     published documents stay), INPUT_DIR holds no organisation, or the run was\n"
          "     interrupted\n"
          "  2  usage error (an OUTPUT_DIR equal to or inside INPUT_DIR too)\n"
          "  3  OUTPUT_DIR is not writable, or another build holds its lock\n",
          out);
}

/* A whole decimal number in [min, max], else -1. */
static long parse_number(const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    return v;
}

static int parse_langs(struct rp_batch_options *o, const char *list)
{
    o->langs = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        enum rp_lang l = rp_lang_from_code(t);
        if (!rp_cli_lang_ok(t))
            return rp_cli_bad_usage("build", "unknown language '%s' (fr, nl, en or de)", t);
        o->langs |= 1u << l;
    }
    return o->langs ? 0 : rp_cli_bad_usage("build", "%s", "--lang needs at least one language");
}

static int parse_editions(struct rp_batch_options *o, const char *list)
{
    o->editions = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        enum rp_edition e = rp_batch_edition_find(t);
        if (e == RP_EDITION__MAX)
            return rp_cli_bad_usage("build", "unknown edition '%s' (publication or review)", t);
        o->editions |= 1u << e;
    }
    return o->editions ? 0
                       : rp_cli_bad_usage("build", "%s", "--edition needs at least one edition");
}

/* The formats named in `list`, kept in the backends' order whatever the list's, so that
 * every run names a document's files alike. */
static int parse_formats(struct rp_batch_options *o, const char *list)
{
    bool wanted[RP_BACKENDS_MAX] = {false};
    size_t count;
    const struct rp_backend *all = rp_backends(&count);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        const struct rp_backend *be = rp_backend_find(t);
        /* The text tree and the layout record are for tests and checks: not something to
         * publish. */
        if (!be || strcmp(t, "text") == 0 || strcmp(t, "layout") == 0)
            return rp_cli_bad_usage("build", "unknown format '%s' (pdf or html)", t);
        wanted[be - all] = true;
    }
    o->format_count = 0;
    for (size_t i = 0; i < count; i++)
        if (wanted[i])
            o->formats[o->format_count++] = &all[i];
    return o->format_count ? 0 : rp_cli_bad_usage("build", "%s", "--format needs a format");
}

static int parse_kinds(struct rp_batch_options *o, char *list)
{
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (!rp_kind_find(t))
            return rp_cli_bad_usage("build", "unknown kind '%s' (rapport build --help lists them)",
                                    t);
        if (n + 1 >= sizeof o->kinds / sizeof *o->kinds)
            return rp_cli_bad_usage("build", "%s", "too many --kind values");
        o->kinds[n++] = t;
    }
    return n ? 0 : rp_cli_bad_usage("build", "%s", "--kind needs at least one kind");
}

static int parse_shard(struct rp_batch_options *o, const char *s)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    char *slash = strchr(buf, '/');
    if (!slash)
        return rp_cli_bad_usage("build", "--shard takes K/N, not '%s'", s);
    *slash = '\0';
    long n = parse_number(slash + 1, 1, 100000);
    long k = parse_number(buf, 1, n > 0 ? n : 1);
    if (n < 0 || k < 0)
        return rp_cli_bad_usage("build", "--shard takes K/N with 1 <= K <= N, not '%s'", s);
    o->shard_index = (int)k;
    o->shard_count = (int)n;
    return 0;
}

int rp_cmd_build(int argc, char **argv)
{
    struct rp_batch_options o;
    memset(&o, 0, sizeof o);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cpus > 0 ? (int)(cpus < RP_MAX_WORKERS ? cpus : RP_MAX_WORKERS) : 1;
    o.langs = 1u << RP_LANG_FR | 1u << RP_LANG_NL;
    o.editions = 1u << RP_EDITION_PUBLICATION | 1u << RP_EDITION_REVIEW;
    o.verbosity = RP_NORMAL;
    o.formats[0] = rp_backend_find("pdf");
    o.formats[1] = rp_backend_find("html");
    o.format_count = 2;
    const char *input = NULL;
    bool quiet = false, verbose = false;

    if (argc >= 2 && strcmp(argv[1], "--merge-manifests") == 0) {
        if (argc < 4)
            return rp_cli_bad_usage("build", "%s",
                                    "--merge-manifests needs OUTPUT_DIR and at least one "
                                    "manifest");
        return rp_batch_merge(argv[2], (const char *const *)argv + 3, (size_t)(argc - 3),
                              RP_NORMAL);
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int rc = 0;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return RP_EXIT_OK;
        } else if ((v = rp_cli_value(argc, argv, &i, "--output", "-o"))) {
            if (!*v)
                return rp_cli_bad_usage("build", "%s", "-o needs a directory");
            o.output_dir = v;
        } else if ((v = rp_cli_value(argc, argv, &i, "--jobs", "-j"))) {
            long n = parse_number(v, 1, RP_MAX_WORKERS);
            if (n < 0)
                return rp_cli_bad_usage(
                    "build",
                    "-j takes a number of workers from 1 to " RP_STR(RP_MAX_WORKERS) ", not '%s'",
                    v);
            o.jobs = (int)n;
        } else if ((v = rp_cli_value(argc, argv, &i, "--lang", NULL))) {
            rc = parse_langs(&o, v);
        } else if ((v = rp_cli_value(argc, argv, &i, "--edition", NULL))) {
            rc = parse_editions(&o, v);
        } else if ((v = rp_cli_value(argc, argv, &i, "--format", NULL))) {
            rc = parse_formats(&o, v);
        } else if (strcmp(a, "--allow-fallback") == 0) {
            o.allow_fallback = true;
        } else if ((v = rp_cli_value(argc, argv, &i, "--kind", NULL))) {
            rc = parse_kinds(&o, (char *)v);
        } else if ((v = rp_cli_value(argc, argv, &i, "--year", NULL))) {
            long y = parse_number(v, 1000, 9999);
            if (y < 0)
                return rp_cli_bad_usage("build", "--year takes a four-digit year, not '%s'", v);
            o.year = (int)y;
        } else if ((v = rp_cli_value(argc, argv, &i, "--templates", NULL))) {
            if (!*v)
                return rp_cli_bad_usage("build", "%s", "--templates needs a directory");
            o.templates_dir = v;
        } else if ((v = rp_cli_value(argc, argv, &i, "--shard", NULL))) {
            rc = parse_shard(&o, v);
        } else if (strcmp(a, "--force") == 0) {
            o.force = true;
        } else if (strcmp(a, "--prune-all") == 0) {
            o.prune_all = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            verbose = true;
        } else if (strcmp(a, "--merge-manifests") == 0) {
            return rp_cli_bad_usage("build", "%s",
                                    "--merge-manifests comes first: rapport build "
                                    "--merge-manifests OUTPUT_DIR MANIFEST...");
        } else if (a[0] == '-' && a[1]) {
            return rp_cli_bad_usage("build", "unknown option '%s'", a);
        } else if (input) {
            return rp_cli_bad_usage("build", "one INPUT_DIR only ('%s' is one too many)", a);
        } else {
            input = a;
        }
        if (rc)
            return rc;
    }
    if (quiet && verbose)
        return rp_cli_bad_usage("build", "%s", "-q and -v exclude each other");
    o.verbosity = quiet ? RP_QUIET : verbose ? RP_VERBOSE : RP_NORMAL;
    if (!input)
        return rp_cli_bad_usage("build", "%s", "no INPUT_DIR");
    if (!o.output_dir)
        return rp_cli_bad_usage("build", "%s", "no output directory (-o OUTPUT_DIR)");
    o.input_dir = input;
    return rp_batch_run(&o);
}
