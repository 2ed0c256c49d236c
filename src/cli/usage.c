#include "cli/cli.h"

void rp_cli_usage(FILE *out)
{
    fputs("usage: rapport COMMAND [OPTIONS] FILE...\n"
          "\n"
          "Turns XML models of multi-year plans and their yearly evaluations into documents.\n"
          "\n"
          "Commands:\n"
          "  check FILE...        validate plans and evaluations (schema and semantic rules);\n"
          "                       an evaluation is checked against the plan it names (loaded\n"
          "                       from the command line or from plan.xml beside it)\n"
          "  dump FILE            print the model of FILE as indented text\n"
          "  stats FILE           print one 'kind<TAB>count' line per entity kind\n"
          "  render --kind budget|evaluation|communication --lang fr|nl|en [--year Y]\n"
          "         PLAN.xml [EVALUATION.xml...] -o FILE.pdf [--text]\n"
          "                       render one document (--text: the document tree as text)\n"
          "\n"
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
          "  2  usage error\n",
          out);
}
