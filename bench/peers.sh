#!/usr/bin/env bash
# rapport beside its peers on one table: a budget table of 2,000 rows and 3 year columns
# (bench/gen-plan.sh), set on A4 in Liberation Sans by
#   - rapport (`render --kind budget`: the whole process, load, check, layout, PDF; its
#     document also has a cover, contents and an introduction page),
#   - Apache FOP, from an XSL-FO file written here, fonts embedded through a FOP config,
#   - WeasyPrint, from an HTML file with CSS written here,
#   - libharu alone (bench/minimal-libharu.c, compiled here): the same lines of text with one
#     embedded face, the floor under anything rapport can do with libharu.
# The peers set the very rows of rapport's table (read back from the plan), with its
# derived change columns, repeated header and bold group and subtotal rows.
#
# It prints per tool the median wall time, CPU time and peak resident memory over the
# runs, the output's size and page count, the table rows found in its text (all of them, or
# the comparison is void), and the wall time as a multiple of libharu alone's. Runs are
# paired: each round runs every tool once, so that the load of a shared machine falls on
# all of them alike; one warm-up round (file cache, JVM classes) is not counted.
#
#   bench/peers.sh [-n RUNS] [-r ROWS] [-k DIR] [-l] [RAPPORT...]
#     -n RUNS  timed rounds (default 5)
#     -r ROWS  table rows (default 2000)
#     -k DIR   keep the inputs, outputs and the log in DIR
#     -l       rapport and libharu alone: FOP and WeasyPrint take seconds a run, and the
#              target (#17) compares rapport with libharu
#     RAPPORT  one or more rapport binaries, each a row (default build/rapport): a branch
#              and main in the same run compare fairly
#
# The peers are not needed by rapport nor by its tests; install them to compare:
#   apt-get install -y fop weasyprint time poppler-utils libhpdf-dev
# A tool that is not installed is reported as such and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C # '.' decimal points in awk; EPOCHREALTIME below relies on it too

runs=5 rows=2000 keep= light=
rapports=()

usage() {
  sed -n '/^#   bench\/peers.sh/,/compare fairly$/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

parse_args() {
  local opt
  while getopts 'n:r:k:lh' opt; do
    case $opt in
      l) light=1 ;;
      n) runs=$OPTARG ;;
      r) rows=$OPTARG ;;
      k) keep=$OPTARG ;;
      *) usage ;;
    esac
  done
  shift $((OPTIND - 1))
  [[ $runs =~ ^[1-9][0-9]*$ && $rows =~ ^[1-9][0-9]*$ ]] || usage
  rapports=("$@")
  ((${#rapports[@]})) || rapports=(build/rapport)
}

# ------------------------------------------------------------------ the inputs

# The table's rows as tab-separated fields: kind, label, one value per year, then the
# changes from year to year, formatted as rapport formats them in French (1.089, +133,3 %,
# U+2212 for a minus). Reads the plan gen-plan.sh wrote, one element per line, so that
# the peers set the rows rapport sets; its subtotals are stated as "-" and stay so.
write_rows() {
  awk '
    function num(v,   s, out) {
      if (v == "-") return "-"
      s = sprintf("%d", v < 0 ? -v : v); out = ""
      while (length(s) > 3) { out = "." substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
      return (v < 0 ? "\342\210\222" : "") s out
    }
    function change(a, b,   p) {
      if (a == "-" || b == "-" || a == 0) return "-"
      p = sprintf("%.1f", (b - a) * 100 / a); sub(/\./, ",", p)
      if (p ~ /^-/) p = "\342\210\222" substr(p, 2); else p = "+" p
      return p "\302\240%"
    }
    function inner(s, tag,   from, to) {
      from = index(s, "<" tag ">"); to = index(s, "</" tag ">")
      return from && to ? substr(s, from + length(tag) + 2, to - from - length(tag) - 2) : ""
    }
    /<column / { year[++years] = inner($0, "label") }
    /<row / {
      kind = "line"
      if (match($0, /kind="[a-z-]+"/)) kind = substr($0, RSTART + 6, RLENGTH - 7)
      line = kind "\t" inner($0, "label")
      n = split(inner($0, "values"), v, " ")
      for (c = 1; c <= years; c++) line = line "\t" (c <= n ? num(v[c]) : "")
      for (c = 2; c <= years; c++) line = line "\t" (c <= n ? change(v[c - 1], v[c]) : "")
      print line
    }
    END {
      # The header goes to its own file: the years, then the pairs of the changes.
      h = ""
      for (c = 1; c <= years; c++) h = h "\t" year[c]
      for (c = 2; c <= years; c++) h = h "\t" year[c] "/" year[c - 1]
      print substr(h, 2) >HEADER
    }' HEADER="$tmp/header.tsv" "$tmp/plan.xml" >"$tmp/rows.tsv"
}

# The lines libharu alone writes: each row without its kind, entities of the plan decoded.
write_lines() {
  cut -f 2- "$tmp/rows.tsv" | sed 's/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' >"$tmp/lines.tsv"
}

# The face file fontconfig gives for a style of Liberation Sans, as rapport finds its faces.
face() {
  fc-match -f '%{file}' "Liberation Sans:style=$1"
}

# FOP embeds only the faces its config names (subset, kerning on, as FOP does by default).
write_fop_config() {
  local style weight file
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>'
    for style in Regular Bold; do
      weight=normal
      [[ $style == Bold ]] && weight=bold
      file=$(face "$style")
      echo "  <font kerning=\"yes\" embed-url=\"file:$file\" embedding-mode=\"subset\">"
      echo "    <font-triplet name=\"Liberation Sans\" style=\"normal\" weight=\"$weight\"/></font>"
    done
    echo '</fonts></renderer></renderers></fop>'
  } >"$tmp/fop.xconf"
}

# The table in XSL-FO: rapport's page (A4, its margins), table size and row pitch; the
# header repeats on every page (FOP's default for fo:table-header).
write_fo() {
  awk -F '\t' '
    function cell(text, align, bold) {
      printf "<fo:table-cell padding=\"2.4pt 4pt\"><fo:block text-align=\"%s\"%s>%s</fo:block></fo:table-cell>", \
        align, bold ? " font-weight=\"bold\"" : "", text
    }
    FNR == NR { header = $0; next }
    FNR == 1 {
      n = split(header, h, "\t"); years = (n + 1) / 2
      print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      print "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"Liberation Sans\" font-size=\"8.5pt\" line-height=\"1.32\" language=\"fr\">"
      print "<fo:layout-master-set><fo:simple-page-master master-name=\"A4\" page-width=\"210mm\" page-height=\"297mm\" margin=\"72pt 62pt 64pt 62pt\">"
      print "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
      print "<fo:page-sequence master-reference=\"A4\"><fo:flow flow-name=\"xsl-region-body\">"
      print "<fo:block font-size=\"13pt\" font-weight=\"bold\" space-after=\"6pt\">Budget synthétique</fo:block>"
      print "<fo:block font-weight=\"bold\" space-after=\"6pt\">Tableau 1 – montants en milliers d\342\200\231euros (k€)</fo:block>"
      print "<fo:table table-layout=\"fixed\" width=\"100%\" border-collapse=\"collapse\">"
      printf "<fo:table-column column-width=\"proportional-column-width(%d)\"/>\n", 40
      for (i = 1; i <= n; i++)
        printf "<fo:table-column column-width=\"proportional-column-width(%d)\"/>\n", i <= years ? 6 : 10
      print "<fo:table-header font-weight=\"bold\" border-bottom=\"0.5pt solid #888\"><fo:table-row>"
      cell("", "start", 0)
      printf "<fo:table-cell number-columns-spanned=\"%d\"><fo:block/></fo:table-cell>", years
      printf "<fo:table-cell padding=\"2.4pt 4pt\" number-columns-spanned=\"%d\"><fo:block text-align=\"center\">Évolution annuelle</fo:block></fo:table-cell>\n", n - years
      print "</fo:table-row><fo:table-row>"
      cell("", "start", 0)
      for (i = 1; i <= n; i++) cell(h[i], "end", 0)
      print "</fo:table-row></fo:table-header><fo:table-body>"
    }
    {
      bold = $1 != "line"
      printf "<fo:table-row border-bottom=\"0.25pt solid #ccc\">"
      cell($2, "start", bold)
      for (i = 3; i <= NF; i++) cell($i, "end", bold)
      print "</fo:table-row>"
    }
    END { print "</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>" }
  ' "$tmp/header.tsv" "$tmp/rows.tsv" >"$tmp/table.fo"
}

# The same table in HTML and CSS; WeasyPrint repeats a thead on every page.
write_html() {
  awk -F '\t' '
    FNR == NR { header = $0; next }
    FNR == 1 {
      n = split(header, h, "\t"); years = (n + 1) / 2
      print "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Budget synthétique</title><style>"
      print "@page { size: A4; margin: 72pt 62pt 64pt 62pt; }"
      print "body { font-family: \"Liberation Sans\"; font-size: 8.5pt; line-height: 1.32; margin: 0; }"
      print "h1 { font-size: 13pt; margin: 0 0 6pt; } p { font-weight: bold; margin: 0 0 6pt; }"
      print "table { width: 100%; border-collapse: collapse; table-layout: fixed; }"
      print "th, td { padding: 2.4pt 4pt; text-align: right; border-bottom: 0.25pt solid #ccc; }"
      print "th:first-child, td:first-child { text-align: left; } thead th { border-bottom-color: #888; }"
      print "tr.group td, tr.subtotal td { font-weight: bold; }"
      print "</style></head><body><h1>Budget synthétique</h1><p>Tableau 1 – montants en milliers d\342\200\231euros (k€)</p>"
      printf "<table><colgroup><col style=\"width: 40%%\">"
      for (i = 1; i <= n; i++) printf "<col style=\"width: %.2f%%\">", (i <= years ? 6 : 10) * 60 / (6 * years + 10 * (n - years))
      printf "</colgroup>\n<thead><tr><th></th><th colspan=\"%d\"></th><th colspan=\"%d\" style=\"text-align: center\">Évolution annuelle</th></tr>\n<tr><th></th>", years, n - years
      for (i = 1; i <= n; i++) printf "<th>%s</th>", h[i]
      print "</tr></thead><tbody>"
    }
    {
      printf "<tr class=\"%s\"><td>%s</td>", $1, $2
      for (i = 3; i <= NF; i++) printf "<td>%s</td>", $i
      print "</tr>"
    }
    END { print "</tbody></table></body></html>" }
  ' "$tmp/header.tsv" "$tmp/rows.tsv" >"$tmp/table.html"
}

# ------------------------------------------------------------------ the tools

tools=() # ids, in the order of the table: rapport0.., fop, weasyprint, libharu
labels=()
skipped=()

# Where to read why a tool failed: the work folder goes at exit unless -k keeps it.
log_hint() {
  if [[ -n $keep ]]; then
    echo "see $tmp/log"
  else
    echo "rerun with -k DIR to keep its log"
  fi
}

# Adds a tool, or records why it is skipped: never a reason to stop the script.
add_tool() {
  tools+=("$1")
  labels+=("$2")
}

skip_tool() {
  skipped+=("$(printf '%-40s %s' "$1" "$2")")
}

find_tools() {
  local i version
  for i in "${!rapports[@]}"; do
    if [[ -x ${rapports[i]} ]]; then
      add_tool "rapport$i" "rapport (${rapports[i]})"
    else
      skip_tool "rapport (${rapports[i]})" "not built (cmake --build build)"
    fi
  done
  if [[ -n $light ]]; then
    skip_tool "Apache FOP" "left out (-l)"
  elif command -v fop >/dev/null; then
    version=$(fop -version 2>/dev/null | awk '/FOP Version/ { print $3 }')
    add_tool fop "Apache FOP ${version:-?}"
  else
    skip_tool "Apache FOP" "not installed (apt-get install fop)"
  fi
  if [[ -n $light ]]; then
    skip_tool "WeasyPrint" "left out (-l)"
  elif command -v weasyprint >/dev/null; then
    version=$(weasyprint --version 2>/dev/null | awk '{ print $NF }')
    add_tool weasyprint "WeasyPrint ${version:-?}"
  else
    skip_tool "WeasyPrint" "not installed (apt-get install weasyprint)"
  fi
  # Debian ships no pkg-config file for libharu (see CMakeLists.txt): ask when there is one.
  local hpdf_flags=(-lhpdf)
  if command -v pkg-config >/dev/null && pkg-config --exists libhpdf 2>/dev/null; then
    read -ra hpdf_flags <<<"$(pkg-config --cflags --libs libhpdf)"
  fi
  if command -v cc >/dev/null &&
    cc -std=c11 -O2 -Wall -Wextra -o "$tmp/minimal-libharu" bench/minimal-libharu.c \
      "${hpdf_flags[@]}" 2>>"$tmp/log"; then
    version=$(dpkg-query -W -f '${Version}' libhpdf-dev 2>/dev/null | sed 's/[+-].*//')
    add_tool libharu "libharu ${version:-} alone"
  else
    skip_tool "libharu alone" "not built (apt-get install libhpdf-dev; $(log_hint))"
  fi
}

# Sets `cmd` to the command line of tool $1 writing the PDF $2.
command_of() {
  local id=$1 out=$2
  case $id in
    rapport*) cmd=("${rapports[${id#rapport}]}" render --kind budget --lang fr "$tmp/plan.xml" -o "$out") ;;
    fop) cmd=(fop -q -c "$tmp/fop.xconf" -fo "$tmp/table.fo" -pdf "$out") ;;
    weasyprint) cmd=(weasyprint "$tmp/table.html" "$out") ;;
    libharu) cmd=("$tmp/minimal-libharu" "$(face Regular)" "$tmp/lines.tsv" "$out") ;;
  esac
}

# Runs tool $1 once; appends "microseconds kilobytes cpu-milliseconds" to its file of
# figures. Wall time is taken around /usr/bin/time (EPOCHREALTIME: microseconds, where %e
# gives hundredths); the peak resident set and the CPU time (user + system, all threads:
# the figure a loaded machine disturbs least) come from it. Returns non-zero when the tool
# failed.
run_once() {
  local id=$1 out=$tmp/$1.pdf start end figures='- -'
  local -a cmd
  command_of "$id" "$out"
  if [[ -x /usr/bin/time ]]; then
    start=${EPOCHREALTIME/./}
    /usr/bin/time -f '%M %U %S' -o "$tmp/$id.time" "${cmd[@]}" >>"$tmp/log" 2>&1 || return 1
    end=${EPOCHREALTIME/./}
    figures=$(awk 'END { printf "%d %.0f", $1, ($2 + $3) * 1000 }' "$tmp/$id.time")
  else
    start=${EPOCHREALTIME/./}
    "${cmd[@]}" >>"$tmp/log" 2>&1 || return 1
    end=${EPOCHREALTIME/./}
  fi
  echo "$((end - start)) $figures" >>"$tmp/$id.runs"
}

# The warm-up round: a tool that fails here is reported and dropped from the timed rounds.
warm_up() {
  local i kept=() kept_labels=()
  for i in "${!tools[@]}"; do
    if run_once "${tools[i]}"; then
      kept+=("${tools[i]}")
      kept_labels+=("${labels[i]}")
    else
      skip_tool "${labels[i]}" "failed ($(log_hint))"
    fi
    rm -f "$tmp/${tools[i]}.runs"
  done
  tools=("${kept[@]}")
  labels=("${kept_labels[@]}")
}

# The median of column $1 of the figures of tool $2 (the mean of the middle two for an
# even count).
median() {
  sort -n -k "$1,$1" "$tmp/$2.runs" | awk -v c="$1" '
    { v[NR] = $c }
    END { if (v[1] == "-") print "-"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# The rows of the table that the text of a PDF holds ("Ligne N", each once): a check that a
# tool set the whole table, not a figure of speed.
rows_in() {
  if command -v pdftotext >/dev/null; then
    { pdftotext "$1" - 2>/dev/null || true; } | { grep -o 'Ligne [0-9]*' || true; } | sort -u | wc -l
  else
    echo -
  fi
}

report() {
  local i id us kb cpu base='' pages size found
  [[ -s $tmp/libharu.runs ]] && base=$(median 1 libharu)
  # %11s: '×' takes two bytes and one column.
  printf '%-40s %9s %8s %8s %8s %6s %6s %11s\n' tool "median ms" "CPU ms" "peak MB" "size kB" pages rows "× libharu"
  for i in "${!tools[@]}"; do
    id=${tools[i]}
    if [[ ! -s $tmp/$id.runs ]]; then
      printf '%-40s %s\n' "${labels[i]}" "failed in every round ($(log_hint))"
      continue
    fi
    us=$(median 1 "$id")
    kb=$(median 2 "$id")
    cpu=$(median 3 "$id")
    size=$(stat -c %s "$tmp/$id.pdf")
    pages=-
    if command -v pdfinfo >/dev/null; then
      pages=$({ pdfinfo "$tmp/$id.pdf" 2>/dev/null || true; } | awk '/^Pages:/ { print $2 }')
    fi
    found=$(rows_in "$tmp/$id.pdf")
    awk -v l="${labels[i]}" -v us="$us" -v kb="$kb" -v cpu="$cpu" -v b="$size" -v p="${pages:--}" \
      -v r="$found" -v base="$base" 'BEGIN {
      printf "%-40s %9.0f %8s %8s %8.0f %6s %6s %10s\n", l, us / 1000, cpu, kb == "-" ? "-" : sprintf("%.1f", kb / 1024), \
        b / 1024, p, r, base ? sprintf("%.2f", us / base) : "-"
    }'
    [[ $found == - || $found == "$rows" ]] || echo "  (${labels[i]} lost rows: $found of $rows in its text)"
  done
  for i in "${!skipped[@]}"; do
    echo "${skipped[i]}"
  done
  [[ -x /usr/bin/time ]] || echo "peak memory not measured: no /usr/bin/time (apt-get install time)"
}

main() {
  parse_args "$@"
  if [[ -n $keep ]]; then
    mkdir -p "$keep"
    tmp=$(cd "$keep" && pwd)
  else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
  fi
  : >"$tmp/log"
  bash bench/gen-plan.sh 1 1 "$rows" 3 >"$tmp/plan.xml"
  write_rows
  write_lines
  write_fop_config
  write_fo
  write_html
  find_tools
  warm_up
  local round id load
  load=$(cut -d ' ' -f 1 /proc/loadavg) # figures vary with it: say it beside them
  for ((round = 1; round <= runs; round++)); do
    for id in "${tools[@]}"; do
      run_once "$id" || echo "$id failed in round $round ($(log_hint))" >&2
    done
  done
  echo "$rows-row table ($(($(wc -l <"$tmp/rows.tsv") - rows)) group and subtotal rows more), $runs paired runs, $(nproc) cores, load average $load at the start"
  report
}

main "$@"
