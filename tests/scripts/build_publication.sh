#!/usr/bin/env bash
# manifest.xml and index.html: every field of the manifest checked against the files
# (edition, bytes, SHA-256, pages, sources and their hashes, version, the model's date; the
# reason of a publication not produced); the index is valid, bilingual, accessible (lang,
# headings, a real table, link texts naming the document and the language), links the
# publications only and has no script. The build allows the fallback so that the Dutch
# publications exist whatever the state of the translations of input/.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
"$rapport" build -q -j2 --allow-fallback "$src/input" -o out 2>log || fail "build exited $? ($(cat log))"
m=out/manifest.xml
xmllint --noout "$m" || fail "manifest.xml is not well-formed"
version=$("$rapport" --version | awk '{print $2}')
n=$(xmllint --xpath 'count(/manifest/document)' "$m")
[ "$n" -gt 0 ] || fail "empty manifest"
today=$(date +%Y-%m-%d)
for i in $(seq "$n"); do
  d="/manifest/document[$i]"
  get() { xmllint --xpath "string($d/@$1)" "$m"; }
  file=$(get file) kind=$(get kind) lang=$(get lang) org=$(get organisation)
  edition=$(get edition)
  ns=$(xmllint --xpath "count($d/source)" "$m")
  [ "$ns" -ge 1 ] || fail "$org/$kind.$lang: no source"
  [ "$(get rapport)" = "$version" ] || fail "$org/$kind.$lang: version"
  if [ -z "$file" ]; then
    # Not produced: a publication, a reason, nothing about a file.
    [ "$edition" = publication ] || fail "$org/$kind.$lang: a $edition edition without a file"
    [ -n "$(get reason)" ] || fail "$org/$kind.$lang: neither file nor reason"
    [ -z "$(get sha256)$(get pages)$(get bytes)" ] || fail "$org/$kind.$lang: file fields"
    continue
  fi
  format=$(get format)
  case "$format" in
    pdf) media="application/pdf" ;;
    html) media="text/html; charset=utf-8" ;;
    *) fail "$file: format '$format'" ;;
  esac
  [ "$(get media-type)" = "$media" ] || fail "$file: media type '$(get media-type)'"
  case "$edition/$file" in
    "publication/$org/$kind-"*".$lang.$format" | "review/review/$org/$kind-"*".$lang.$format") ;;
    *) fail "$file ($edition): name does not follow [review/]org/kind-period.lang.$format" ;;
  esac
  [ -f "out/$file" ] || fail "$file listed but missing"
  [ -z "$(get reason)" ] || fail "$file: a reason although produced"
  [ "$(get bytes)" = "$(stat -c %s "out/$file")" ] || fail "$file: bytes"
  [ "$(get sha256)" = "$(sha256sum "out/$file" | cut -d' ' -f1)" ] || fail "$file: sha256"
  if [ "$format" = pdf ]; then
    pages=$(pdfinfo "out/$file" 2>/dev/null | awk '/^Pages:/{print $2}')
  else
    pages=0 # a web page has no pages
  fi
  [ "$(get pages)" = "$pages" ] || fail "$file: pages $(get pages) vs $pages"
  date=$(get date)
  [ -n "$date" ] && [ "$date" != "$today" ] || fail "$file: date '$date' (the model's, not today)"
  [ -n "$(get period)$(get year)" ] || fail "$file: neither period nor year"
  for s in $(seq "$ns"); do
    p=$(xmllint --xpath "string($d/source[$s]/@path)" "$m")
    h=$(xmllint --xpath "string($d/source[$s]/@sha256)" "$m")
    [ "$h" = "$(sha256sum "$src/input/$p" | cut -d' ' -f1)" ] || fail "$file: source $p hash"
  done
done
grep -q 'date="2022-02-22"' "$m" || fail "chancellerie plan's date missing"
echo "manifest: $n documents checked"

h=out/index.html
xmllint --html --noout "$h" 2>err || fail "index.html does not parse: $(head -3 err)"
head -1 "$h" | grep -q '<!DOCTYPE html>' || fail "doctype"
grep -q '<html lang="fr">' "$h" || fail "html lang"
grep -q '<span lang="nl">Gepubliceerde documenten</span>' "$h" || fail "Dutch title"
grep -q '<h1>' "$h" && grep -q '<h2 id="org-' "$h" || fail "headings"
grep -q '<th scope="col"' "$h" && grep -q '<th scope="row"' "$h" || fail "table headers"
grep -q '<caption>' "$h" || fail "table captions"
grep -qi '<script' "$h" && fail "index.html has a script"
grep -q '<td></td>\|<td/>' "$h" && fail "empty or self-closed cells"
for format in pdf html; do
  npub=$(xmllint --xpath "count(/manifest/document[@edition='publication' and @file and @format='$format'])" "$m")
  [ "$npub" -gt 0 ] || fail "no $format publication"
  [ "$(grep -c "<a href=\"[^\"#]*\.$format\"" "$h")" -eq "$npub" ] || fail "not one $format link per publication"
done
grep -q 'href="review/' "$h" && fail "a link into the review tree"
# capac's plan has no communication plan: the page says so, in both languages.
grep -q 'le plan ne comporte pas de plan de communication' "$h" || fail "no French reason"
grep -q 'het plan bevat geen communicatieplan' "$h" || fail "no Dutch reason"
grep -q 'Tableaux budgétaires 2022-2024 (PDF, français)</a>' "$h" || fail "French link text"
grep -q 'Begrotingstabellen 2022-2024 (PDF, Nederlands)</a>' "$h" || fail "Dutch link text"
grep -q '<td lang="nl">' "$h" || fail "Dutch cells marked"
grep -q 'hreflang="nl"' "$h" || fail "hreflang"
echo "ok"
