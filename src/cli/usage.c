#include "cli/cli.h"

#include "produce/kinds.h"

void rp_cli_usage(FILE *out)
{
    fputs("usage: rapport COMMAND [OPTIONS] FILE...\n"
          "\n"
          "Turns XML models of multi-year plans and their yearly evaluations into documents.\n"
          "\n"
          "Commands:\n"
          "  check FILE...        validate plans and evaluations (schema and semantic rules);\n"
          "                       an evaluation is checked against the plan it names (loaded\n"
          "                       from the command line or from plan.xml beside it, whose\n"
          "                       problems are reported too); ends with the counts\n"
          "  dump FILE            print the model of FILE as indented text\n"
          "  stats FILE           print one 'kind<TAB>count' line per entity kind\n"
          "  render --kind KIND --lang fr|nl|en|de [--year Y]\n"
          "         [--edition publication|review] [--allow-fallback]\n"
          "         PLAN.xml [EVALUATION.xml...] -o FILE.pdf [--text]\n"
          "                       render one document: the publication for readers, or\n"
          "                       the review edition for the authors (--text: the document\n"
          "                       tree as text; see rapport render --help)\n"
          "  build INPUT_DIR -o OUTPUT_DIR [OPTIONS]\n"
          "                       render every document of INPUT_DIR into OUTPUT_DIR, with a\n"
          "                       manifest and an index page (see rapport build --help)\n"
          "  coverage --lang LANG FILE...\n"
          "                       list the texts that have no variant in LANG, and how many\n"
          "                       do ('LANG: N of M texts (P %)')\n"
          "  xliff export --lang LANG FILE... -o OUT.xlf\n"
          "  xliff import FILE... IN.xlf\n"
          "                       the texts to translate into LANG as XLIFF 1.2, and the\n"
          "                       translations back into the models (see rapport xliff --help)\n"
          "\n"
          "Document kinds:\n",
          out);
    rp_kinds_help(out, 2);
    fputs("\n"
          "Options:\n"
          "  -h, --help           show this help\n"
          "  --version            show the version\n"
          "\n"
          "Diagnostics are printed on stderr as 'file:line:col: error|warning: message',\n"
          "every problem of every file in one run.\n"
          "\n"
          "Exit status:\n"
          "  0  success (warnings allowed)\n"
          "  1  an input has errors, or a document could not be produced\n"
          "  2  usage error\n"
          "  3  (build) OUTPUT_DIR not writable, or another build holds its lock\n",
          out);
}
