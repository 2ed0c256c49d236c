/* rapport's exit statuses: one list for every command (documented in --help, README.md and
 * rapport(1), tested by tests/scripts/cli.sh and the build tests). */
#ifndef RP_UTIL_EXIT_H
#define RP_UTIL_EXIT_H

enum rp_exit {
    RP_EXIT_OK = 0,     /* success (warnings allowed); build: every document produced or
                           already up to date */
    RP_EXIT_FAILED = 1, /* an input has errors or a document could not be produced; build:
                           some documents failed, a source could not be read, INPUT_DIR
                           holds no organisation, or the run was interrupted */
    RP_EXIT_USAGE = 2,  /* usage error */
    RP_EXIT_OUTPUT = 3  /* build: OUTPUT_DIR cannot be written, or another build holds its
                           lock */
};

#endif
