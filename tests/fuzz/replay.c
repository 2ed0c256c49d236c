/* Runs the fuzz harness over files given on the command line, without libFuzzer: the seed
 * corpus and every past finding become a regression test of the normal (and sanitizer)
 * build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, size = 0, n;
        uint8_t *buf = malloc(cap);
        while (buf && (n = fread(buf + size, 1, cap - size, f)) > 0) {
            size += n;
            if (size == cap)
                buf = realloc(buf, cap *= 2);
        }
        fclose(f);
        if (!buf)
            return 1;
        LLVMFuzzerTestOneInput(buf, size);
        free(buf);
    }
    printf("%d inputs replayed\n", argc - 1);
    return 0;
}
