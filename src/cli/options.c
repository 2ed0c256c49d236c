/* Option parsing shared by the commands: one way to read a value, to name a language and to
 * refuse a command line. */
#include "cli/cli.h"

#include "util/fmt.h"

#include <string.h>

int rp_cli_bad_usage(const char *command, const char *fmt, const char *arg)
{
    fprintf(stderr, "rapport %s: ", command);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(see rapport %s --help)\n", command);
    return RP_EXIT_USAGE;
}

const char *rp_cli_value(int argc, char **argv, int *i, const char *name, const char *short_name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (strcmp(a, name) == 0 || (short_name && strcmp(a, short_name) == 0))
        return *i + 1 < argc ? argv[++*i] : "";
    if (short_name && strncmp(a, short_name, 2) == 0 && a[2])
        return a + 2;
    return NULL;
}

bool rp_cli_lang_ok(const char *code)
{
    enum rp_lang lang = rp_lang_from_code(code);
    return lang != RP_LANG__MAX && strcmp(rp_lang_code(lang), code) == 0;
}
