# Sourced by the tests of the HTML edition (tests/scripts/html_*.sh, render_html.sh).
# Needs a fail function from the caller.

# require_html RAPPORT: rapport can write the HTML edition (`render --format`, `build
# --format`), else the test fails saying so.
require_html() {
  "$1" render --help 2>&1 | grep -q -- '--format' ||
    fail "rapport render has no --format option: the HTML edition (render --format html) is missing"
  "$1" build --help 2>&1 | grep -q -- '--format' ||
    fail "rapport build has no --format option: the HTML edition (build --format pdf,html) is missing"
}

# require_tidy: Debian's tidy (HTML Tidy 5.6 or later, which knows HTML5).
require_tidy() {
  command -v tidy >/dev/null || fail "tidy is not installed (apt-get install tidy; .ci/packages lists it)"
  local v
  v=$(tidy -v 2>&1 | grep -o 'version [0-9]*\.[0-9]*' | grep -o '[0-9].*')
  case "$v" in
    [5-9].*|[1-9][0-9].*) ;;
    *) fail "tidy $v does not know HTML5: HTML Tidy 5 or later is needed (Debian's tidy package)" ;;
  esac
}

# tidy_check FILE...: HTML Tidy reads each file. Prints the problems and a summary line;
# returns 1 when a file has one, 0 otherwise.
#
# What fails: every error, and every warning about markup that a browser has to repair or
# that is invalid HTML (TIDY_FAIL below: an element left open or closed twice, misnested or
# misplaced, a repeated attribute or id, an unknown or obsolete element or attribute, a bad
# character reference, broken quoting, style outside <head>...): Tidy itself classes most
# of those as warnings, an unclosed <div> among them. What is counted and summarised, not
# failed: Tidy's advice and its blind spots, namely optional end tags, trimmed empty
# elements, URIs with characters it would escape (any non-ASCII letter), and the SVG
# attributes it does not know (Tidy 5.6 checks <svg>'s own attributes against HTML's and
# takes SVG's <title id> for HTML's <title>).
# data, slot and search are HTML elements that Tidy 5.6 does not know: they are declared.
TIDY_FAIL=" MISSING_ENDTAG_FOR MISSING_ENDTAG_BEFORE MISSING_STARTTAG DISCARDING_UNEXPECTED
 NON_MATCHING_ENDTAG INSERTING_TAG TAG_NOT_ALLOWED_IN CANT_BE_NESTED ILLEGAL_NESTING
 COERCE_TO_ENDTAG REPLACING_ELEMENT REPLACING_UNEX_ELEMENT UNEXPECTED_ENDTAG
 UNEXPECTED_ENDTAG_IN UNEXPECTED_ENDTAG_ERR UNEXPECTED_END_OF_FILE UNEXPECTED_END_OF_FILE_ATTR
 ELEMENT_NOT_EMPTY TOO_MANY_ELEMENTS TOO_MANY_ELEMENTS_IN CONTENT_AFTER_BODY DOCTYPE_AFTER_TAGS
 MISSING_DOCTYPE MALFORMED_DOCTYPE MISSING_TITLE_ELEMENT MALFORMED_COMMENT MALFORMED_COMMENT_EOS
 MALFORMED_COMMENT_DROPPING MALFORMED_COMMENT_WARN BAD_CDATA_CONTENT REPEATED_ATTRIBUTE
 JOINING_ATTRIBUTE ANCHOR_NOT_UNIQUE UNKNOWN_ENTITY UNESCAPED_AMPERSAND MISSING_SEMICOLON
 MISSING_SEMICOLON_NCR INVALID_NCR APOS_UNDEFINED MISSING_QUOTEMARK MISSING_QUOTEMARK_OPEN
 UNEXPECTED_QUOTEMARK SUSPECTED_MISSING_QUOTE UNEXPECTED_GT UNEXPECTED_EQUALSIGN
 MISSING_ATTR_VALUE BAD_ATTRIBUTE_VALUE INVALID_ATTRIBUTE INVALID_SGML_CHARS FOUND_STYLE_IN_BODY
 MOVED_STYLE_TO_HEAD ENCODING_MISMATCH PROPRIETARY_ELEMENT OBSOLETE_ELEMENT MISSING_ATTRIBUTE
 ELEMENT_VERS_MISMATCH_WARN MISMATCHED_ATTRIBUTE_WARN PROPRIETARY_ATTR_VALUE BAD_SURROGATE_LEAD
 BAD_SURROGATE_PAIR BAD_SURROGATE_TAIL VENDOR_SPECIFIC_CHARS PROPRIETARY_ATTRIBUTE "
tidy_check() {
  local f out rc bad=0 files=0 warnings=0 errors=0 line id
  local -A counts=()
  for f in "$@"; do
    files=$((files + 1))
    out=$(tidy -q -e -utf8 --mute-id yes --show-errors 1000 --show-warnings yes \
      --new-inline-tags data,slot --new-blocklevel-tags search "$f" 2>&1)
    rc=$?
    local failed=0
    if [ $rc -gt 2 ]; then
      echo "$f: tidy exited $rc: $(head -3 <<<"$out")"
      failed=1
    fi
    while IFS= read -r line; do
      case "$line" in
        *" - Error: "*|*" - Warning: "*) ;;
        *) continue ;;
      esac
      id=${line##*(}
      id=${id%)}
      case "$line" in
        *" - Warning: <svg> proprietary attribute "*|*" - Warning: <title> proprietary attribute "*)
          counts[$id]=$((${counts[$id]:-0} + 1)); warnings=$((warnings + 1)); continue ;;
      esac
      if [[ $line == *" - Error: "* || " ${TIDY_FAIL//$'\n'/ } " == *" $id "* ]]; then
        echo "$f: $line"
        errors=$((errors + 1))
        failed=1
      else
        counts[$id]=$((${counts[$id]:-0} + 1))
        warnings=$((warnings + 1))
      fi
    done <<<"$out"
    bad=$((bad + failed))
  done
  local summary=""
  for id in "${!counts[@]}"; do summary+=" $id=${counts[$id]}"; done
  echo "tidy: $files files, $bad failed ($errors errors or invalid markup), $warnings other warnings${summary:+:$summary}"
  [ $bad -eq 0 ]
}

# html_fixtures DIR: small HTML files for the checkers' self-tests: DIR/clean.html (valid,
# accessible, inert HTML5 with the elements the HTML edition uses: landmarks, a table that
# scrolls in its own focusable box, an inline SVG chart with its title, a data: PNG logo)
# and defective ones, each with one kind of defect.
html_fixtures() {
  local d=$1 png='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
  local head='<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport d’évaluation 2023</title>
<style>
body { font-family: "Liberation Sans", sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #1a1a1a; background: #fff; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #595959; padding: .25rem .5rem; }
td { text-align: right; }
.pale { color: #c8c8c8; }
.wide { width: 900px; }
</style>
</head>'
  cat >"$d/clean.html" <<EOF
$head
<body>
<header><p><img src="$png" alt="Logo de l’organisation" width="150" height="50"></p></header>
<nav aria-label="Table des matières"><ol><li><a href="#s1">Budget</a></li></ol></nav>
<main>
<h1>Rapport d’évaluation 2023</h1>
<section id="s1" aria-labelledby="h-s1">
<h2 id="h-s1">Budget</h2>
<p>Les nombres suivent la présentation belge : 1.816.852 ; 5.919,97 ; 66,7 %. Voir <a href="https://www.example.be/budget">le site</a>.</p>
<div class="scroll" tabindex="0" role="region" aria-labelledby="c-t1">
<table>
<caption id="c-t1">Tableau 1 – montants en euros (€)</caption>
<thead><tr><td></td><th scope="col">2022</th><th scope="col">2023</th><th scope="col">2024</th><th scope="col">2025</th></tr></thead>
<tbody><tr><th scope="row">Dépenses de personnel</th><td>33.385.034</td><td>37.104.316</td><td>37.733.311</td><td>38.001.002</td></tr></tbody>
</table>
</div>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="g1-t" viewBox="0 0 300 120" width="300" height="120"><title id="g1-t">Évolution 2022–2023 (k€) : 2022, 10 ; 2023, 20</title><rect x="20" y="60" width="40" height="40" fill="#1f4e79"/><rect x="120" y="20" width="40" height="80" fill="#1f4e79"/><text x="20" y="115" font-size="12">2022</text><text x="120" y="115" font-size="12">2023</text></svg>
<figcaption>Évolution 2022–2023 (k€)</figcaption>
</figure>
</section>
</main>
<footer><p>31 mars 2024</p></footer>
</body>
</html>
EOF
  # axe: an image without alternative text, text of too low a contrast, a box wider than a
  # phone (horizontal scrolling at 360 px), a box that scrolls only when narrow and that no
  # keyboard reaches (scrollable-region-focusable at 360 px only).
  cat >"$d/axe-defects.html" <<EOF
$head
<body>
<main>
<h1>Rapport</h1>
<p class="pale">Texte trop pâle</p>
<p><img src="$png"></p>
<div class="scroll"><table style="width: 600px"><tr><th scope="row">A</th><td>1</td></tr></table></div>
<div class="wide">Bloc trop large</div>
</main>
</body>
</html>
EOF
  # tidy: a <div> left open.
  sed 's|<div class="scroll" tabindex="0" role="region" aria-labelledby="c-t1">|&<div>|' \
    "$d/clean.html" >"$d/tidy-unclosed.html"
  # tidy: an unknown element, two elements with one id.
  sed 's|<h2 id="h-s1">Budget</h2>|<h2 id="h-s1">Budget</h2><blink id="s1">x</blink>|' \
    "$d/clean.html" >"$d/tidy-unknown.html"
  # inert: a javascript: link (entity-encoded tab and mixed case too), an event handler,
  # a script element, a data: URL in a link.
  sed 's|<a href="https://www.example.be/budget">|<a href="javascript:alert(1)">|' \
    "$d/clean.html" >"$d/inert-javascript.html"
  sed 's|<a href="https://www.example.be/budget">|<a href=" JaVa\&#x09;ScRiPt:alert(1)">|' \
    "$d/clean.html" >"$d/inert-javascript-tab.html"
  sed 's|<h1>|<h1 onmouseover="alert(1)">|' "$d/clean.html" >"$d/inert-handler.html"
  sed 's|</main>|<script>alert(1)</script></main>|' "$d/clean.html" >"$d/inert-script.html"
  sed 's|<a href="https://www.example.be/budget">|<a href="data:text/html,\&lt;script\&gt;alert(1)\&lt;/script\&gt;">|' \
    "$d/clean.html" >"$d/inert-data.html"
  # inert: text that became markup: a hostile title written unescaped.
  sed 's|<h1>Rapport d’évaluation 2023</h1>|<h1>Plan <b onclick=alert(1)>titre</h1>|' \
    "$d/clean.html" >"$d/inert-unescaped.html"
}
