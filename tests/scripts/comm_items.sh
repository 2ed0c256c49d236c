#!/usr/bin/env bash
# A communication plan that pairs plan items with messages, and nothing else
# (tests/data/comm-items/plan.xml), gives a summary and a plan chapter that look made for
# it: one table item → message, each item as its number and title in the edition's
# language, and no view the data leaves empty (matrix, timeline, counts per objective).
# The dump of the synthetic model shows what an action is about, the groups and the place.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
nb=$'\xc2\xa0' # French sets a no-break space before a colon
plan=$src/tests/data/comm-items/plan.xml
expect() { grep -qF -- "$2" "$1" || { echo "FAIL: $(basename "$1"): no '$2'"; fail=1; }; }
refuse() { ! grep -qF -- "$2" "$1" || { echo "FAIL: $(basename "$1"): '$2'"; fail=1; }; }

for kind in communication plan; do
  for lang in fr nl; do
    out=$tmp/$kind.$lang.txt
    if ! "$rapport" render --kind "$kind" --lang "$lang" "$plan" --text -o "$out" 2>"$tmp/err"; then
      echo "FAIL: $kind $lang: $(tail -3 "$tmp/err")"
      fail=1
      continue
    fi
    "$rapport" render --kind "$kind" --lang "$lang" "$plan" -o "$tmp/$kind.$lang.pdf" 2>/dev/null ||
      { echo "FAIL: $kind $lang: no PDF"; fail=1; }
  done
done
for kind in communication plan; do
  expect "$tmp/$kind.fr.txt" "header: | Sujet | Message |"
  expect "$tmp/$kind.fr.txt" "| Objectif stratégique 1${nb}: Des services numériques par défaut | Toutes les démarches"
  expect "$tmp/$kind.fr.txt" "| Objectif opérationnel 1.1${nb}: Un guichet unique en ligne"
  expect "$tmp/$kind.fr.txt" "| Projet${nb}: Refonte du site"
  expect "$tmp/$kind.fr.txt" "| Processus clé P1${nb}: Traitement des demandes"
  expect "$tmp/$kind.nl.txt" "header: | Onderwerp | Boodschap |"
  expect "$tmp/$kind.nl.txt" "| Strategische doelstelling 1: Digitale diensten als standaard | Alle stappen"
  for lang in fr nl; do
    refuse "$tmp/$kind.$lang.txt" "table 3x"        # no matrix, no timeline, no count table
    refuse "$tmp/$kind.$lang.txt" "chart bar-grouped"
  done
done
refuse "$tmp/communication.fr.txt" "| N° |"
refuse "$tmp/communication.fr.txt" "objectifs de communication"
"$rapport" dump "$src/tests/models/every-element.xml" >"$tmp/dump.txt" 2>/dev/null
for line in "action ca-2 about=so-1" "group sg-1" "stakeholder sh-1 group=sg-1" "group og-1" \
  "strategic-objective so-1 number=1 group=og-1" "place[fr]: Bruxelles" "place[nl]: Brussel" \
  "name[nl]: Luik bewaring"; do
  expect "$tmp/dump.txt" "$line"
done
[ $fail = 0 ] && echo ok
exit $fail
