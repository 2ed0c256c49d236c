#!/usr/bin/env bash
# Writes a synthetic plan of growing size to stdout, valid against schema/rapport.xsd:
#   bench/gen-plan.sh OBJECTIVES INDICATORS_PER_OBJECTIVE TABLE_ROWS [YEAR_COLUMNS]
# Sizes used by bench-check.sh: S 10×5×100, M 100×10×10000, L 1000×10×50000, XL 1000×10×100000.
# The table has one column per year from 2022 (4 by default, at most 8); bench/peers.sh asks
# for 3 and reads the rows back from this output, so the peers set the very same table.
set -euo pipefail
objectives=${1:?objectives} indicators=${2:?indicators per objective} rows=${3:?table rows}
columns=${4:-4}
case $columns in [1-8]) ;; *) echo "gen-plan.sh: YEAR_COLUMNS must be 1 to 8" >&2; exit 2 ;; esac
awk -v O="$objectives" -v I="$indicators" -v R="$rows" -v C="$columns" 'BEGIN {
  # Each column its own prime factor, so that the values of a row differ.
  split("3 7 11 13 17 19 23 29", factor, " ")
  last = C > 4 ? 2021 + C : 2025
  print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  printf "<plan id=\"synthetic\" kind=\"administration-contract\" start=\"2022\" end=\"%d\" date=\"2022-01-01\" xml:lang=\"fr\">\n", last
  print "  <title>Plan synthétique</title><title xml:lang=\"nl\">Synthetisch plan</title>"
  print "  <organisation id=\"synthetic\" kind=\"other\"><name>Organisation synthétique</name>"
  for (u = 1; u <= 20; u++) printf "    <unit id=\"u-%d\" kind=\"service\"><name>Service %d</name></unit>\n", u, u
  print "  </organisation>"
  print "  <strategic-objectives>"
  for (o = 1; o <= O; o++) {
    printf "    <strategic-objective id=\"so-%d\" number=\"%d\" owners=\"u-%d\"><title>Objectif stratégique %d</title>\n", o, o, o % 20 + 1, o
    printf "      <operational-objective id=\"oo-%d.1\" number=\"%d.1\"><title>Objectif opérationnel %d.1</title>\n", o, o, o
    for (i = 1; i <= I; i++) {
      printf "        <indicator id=\"ind-%d.%d\" unit=\"percent\"><title>Indicateur %d.%d</title>", o, i, o, i
      printf "<norm kind=\"tiered\"><threshold id=\"ind-%d.%d-t1\" value=\"80\" within=\"5\" within-unit=\"working-day\"/>", o, i
      printf "<threshold id=\"ind-%d.%d-t2\" value=\"100\" within=\"1\" within-unit=\"month\"/><text>80 %% en 5 jours, 100 %% dans le mois</text></norm></indicator>\n", o, i
    }
    print "      </operational-objective>"
    print "    </strategic-objective>"
  }
  print "  </strategic-objectives>"
  print "  <tables><table id=\"t-big\" kind=\"budget\" unit=\"EUR\" scale=\"1000\"><caption>Budget synthétique</caption>"
  for (y = 2022; y < 2022 + C; y++) printf "    <column id=\"big-%d\" year=\"%d\"><label>%d</label></column>\n", y, y, y
  g = 0
  for (r = 1; r <= R; r++) {
    if ((r - 1) % 100 == 0) { g++; printf "    <row id=\"g-%d\" kind=\"group\"><label>Groupe %d</label></row>\n", g, g }
    printf "    <row id=\"r-%d\"><label>Ligne %d</label><values>", r, r
    for (c = 1; c <= C; c++) printf "%s%d", (c > 1 ? " " : ""), r * factor[c] % 9973
    print "</values></row>"
    if (r % 100 == 0 || r == R) {
      printf "    <row id=\"st-%d\" kind=\"subtotal\"><label>Sous-total %d</label><values>", g, g
      for (c = 1; c <= C; c++) printf "%s-", (c > 1 ? " " : "")
      print "</values></row>"
    }
  }
  print "  </table></tables>"
  print "</plan>"
}'
