#!/usr/bin/env bash
# A stated total that sums no line (every addend nil or absent) is a warning at check time,
# and the budget document's audit (review edition) never calls its table consistent.
set -u
rapport=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
plan=tests/fail/total-sums-nothing.xml
# lang: the audit line of table 1 must carry WORDS and not OK (the "consistent" label).
while read -r lang words ok; do
  if ! timeout 60 "$rapport" render --kind budget --lang "$lang" --edition review --text "$plan" -o "$tmp/b.$lang.txt" 2>/dev/null; then
    echo "FAIL $lang: the budget document was not rendered"; failed=1; continue
  fi
  line=$(grep -m1 -E '\| (\{[a-z]+\})?1\. ' "$tmp/b.$lang.txt")
  case $line in
    *"${words//_/ }"*) ;;
    *) echo "FAIL $lang: the audit does not say the total sums nothing: $line"; failed=1 ;;
  esac
  case $line in
    *"| $ok "*) echo "FAIL $lang: the audit says '$ok': $line"; failed=1 ;;
  esac
done <<'LIST'
fr sans_ligne_à_additionner conformes
nl zonder_onderliggende_lijnen correct
en with_no_line_to_add_up consistent
de ohne_zugrunde_liegende_Zeilen stimmig
LIST
exit $failed
