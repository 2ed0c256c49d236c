#!/usr/bin/env bash
# The two editions of `rapport render`, over every document of input/:
# - a publication edition holds nothing meant for the authors (no totals audit, no
#   diagnostics annex, no draft mark, no remark about the source or its placeholders);
# - a review edition holds the diagnostics annex and the draft mark on every page;
# - a publication that its sources do not call for (capac has no communication plan) or
#   whose texts are not all in its language is not written: exit 1, the reason and the way
#   to list the missing texts on stderr, no file; --allow-fallback writes it;
# - --edition takes publication or review, nothing else (exit 2).
# - the review tree of one document of each kind matches its golden.
#   bash tests/scripts/render_editions.sh path/to/rapport path/to/source
set -u
rapport=$1 src=$2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
in=$src/input

# Words that only the authors need, per language (a publication must show none of them).
authors_words() {
  case $1 in
  fr) echo "Contrôle des totaux|non disponible dans la source|laissée\(s\) en attente|Annexe : diagnostics|PROJET" ;;
  nl) echo "Controle van de totalen|niet beschikbaar in de bron|Bijlage: diagnose|ONTWERP" ;;
  esac
}

# pages_with WORD PDF: how many pages of PDF show WORD, and how many pages it has.
pages_with() {
  local n pages
  pages=$(pdfinfo "$2" | awk '/^Pages:/ { print $2 }')
  n=0
  for ((p = 1; p <= pages; p++)); do
    pdftotext -f "$p" -l "$p" "$2" - 2>/dev/null | grep -q "$1" && n=$((n + 1))
  done
  echo "$n $pages"
}

# edition NAME LANG KIND FILE...: renders both editions and checks each.
edition() {
  local name=$1 lang=$2 kind=$3
  shift 3
  local pub=$tmp/$name.$lang.pdf rev=$tmp/$name.$lang.review.pdf
  local draft=PROJET annex="Annexe : diagnostics des sources"
  [ "$lang" = nl ] && draft=ONTWERP annex="Bijlage: diagnose van de bronnen"
  if "$rapport" render --kind "$kind" --lang "$lang" --edition review "$@" -o "$rev" \
    2>"$tmp/err"; then
    pdftotext "$rev" "$tmp/rev.txt"
    grep -qF "$annex" "$tmp/rev.txt" || fail "$name/$lang review: no diagnostics annex"
    read -r marked pages < <(pages_with "$draft" "$rev")
    [ "$marked" = "$pages" ] || fail "$name/$lang review: the mark on $marked of $pages pages"
    qpdf --check "$rev" >/dev/null 2>&1 || fail "$name/$lang review: qpdf --check"
  else
    fail "$name/$lang review: not produced: $(grep -v ': warning: ' "$tmp/err" | tail -2)"
  fi
  if "$rapport" render --kind "$kind" --lang "$lang" "$@" -o "$pub" 2>"$tmp/err"; then
    pdftotext "$pub" "$tmp/pub.txt"
    if grep -Eo "$(authors_words "$lang")" "$tmp/pub.txt" >"$tmp/found"; then
      fail "$name/$lang publication shows what its authors need: $(sort -u "$tmp/found" | head -3 | tr '\n' ' ')"
    fi
  elif grep -q "is incomplete" "$tmp/err"; then
    [ ! -e "$pub" ] || fail "$name/$lang: an incomplete publication was written"
    grep -q "rapport coverage --lang $lang" "$tmp/err" ||
      fail "$name/$lang: the refusal does not say how to list the missing texts"
    "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback "$@" -o "$pub" 2>/dev/null ||
      fail "$name/$lang: --allow-fallback does not produce it"
  else
    fail "$name/$lang publication: $(grep -v ': warning: ' "$tmp/err" | tail -2)"
  fi
}

for lang in fr nl; do
  edition chancellerie-2020 "$lang" evaluation "$in/chancellerie/evaluation-2020.xml"
  for org in chancellerie interieur capac; do
    edition "$org-budget" "$lang" budget "$in/$org/plan.xml"
    edition "$org-2023" "$lang" evaluation "$in/$org/plan.xml" "$in/$org/evaluation-2022.xml" \
      "$in/$org/evaluation-2023.xml"
    [ "$org" = capac ] && continue
    edition "$org-communication" "$lang" communication "$in/$org/plan.xml" \
      "$in/$org/evaluation-2023.xml"
  done
done

# Every French publication is complete: the models are written in French.
for f in "$tmp"/*.fr.pdf; do
  case $f in *.review.pdf) continue ;; esac
  [ -s "$f" ] || fail "$(basename "$f"): no French publication"
done

# The models whose Dutch texts are an unofficial translation say so on every Dutch cover,
# and only there.
for doc in "budget $in/interieur/plan.xml" "evaluation $in/chancellerie/evaluation-2020.xml"; do
  set -- $doc
  for lang in nl fr; do
    "$rapport" render --kind "$1" --lang "$lang" "$2" -o "$tmp/cover.pdf" 2>/dev/null ||
      { fail "$1/$lang: not rendered"; continue; }
    cover=$(pdftotext -l 1 "$tmp/cover.pdf" - 2>/dev/null)
    case $lang in
    nl) grep -q "niet-officiële vertaling" <<<"$cover" || fail "$1/nl: the cover does not say unofficial" ;;
    fr) grep -qi "non officielle" <<<"$cover" && fail "$1/fr: the French cover says unofficial" ;;
    esac
  done
done

# A publication its sources do not call for: exit 1, the reason, no file.
out=$tmp/capac-communication.pdf
"$rapport" render --kind communication --lang fr "$in/capac/plan.xml" -o "$out" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] || fail "capac communication publication: exit $rc, expected 1"
[ ! -e "$out" ] || fail "capac communication publication: a file was written"
grep -q "no communication plan" "$tmp/err" || fail "capac communication: no reason given"
"$rapport" render --kind communication --lang fr --edition review "$in/capac/plan.xml" \
  -o "$out" 2>/dev/null || fail "capac communication review: not produced"

# The review edition of one document of each kind, as a document tree, against its golden
# (tests/golden/review/; UPDATE_GOLDEN=1 rewrites them).
. "$(dirname "$0")/lib/golden.sh"
review_golden() {
  local name=$1 kind=$2
  shift 2
  # From the source directory: the annex names the sources as given (input/...).
  if (cd "$src" && "$rapport" render --kind "$kind" --lang fr --edition review "$@" --text \
    -o "$tmp/$name.tree" 2>/dev/null); then
    compare "$src/tests/golden/review/$name.fr.tree.txt" "$tmp/$name.tree"
  else
    fail "$name: review tree not rendered"
  fi
}
review_golden budget-chancellerie budget input/chancellerie/plan.xml
review_golden communication-interieur communication input/interieur/plan.xml \
  input/interieur/evaluation-2023.xml
review_golden evaluation-capac-2023 evaluation input/capac/plan.xml \
  input/capac/evaluation-2022.xml input/capac/evaluation-2023.xml

# --edition takes two values.
"$rapport" render --kind budget --lang fr --edition draft "$in/capac/plan.xml" -o "$tmp/x.pdf" \
  2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "--edition draft: exit $rc, expected 2"
grep -q "unknown edition 'draft'" "$tmp/err" || fail "--edition draft: $(cat "$tmp/err")"

exit $status
