#!/usr/bin/env bash
# --templates: a copied and edited templates directory changes the documents (a renamed
# label, a part left out, another page size) and a broken one is refused with a located error.
set -u
rapport=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
plan=input/capac/plan.xml
evals="input/capac/evaluation-2022.xml input/capac/evaluation-2023.xml"

"$rapport" render --kind evaluation --lang fr $plan $evals -o "$tmp/default.txt" --text 2>/dev/null ||
  { echo "FAIL: default render"; failed=1; }
grep -q 'Tableau de bord' "$tmp/default.txt" || { echo "FAIL: no dashboard by default"; failed=1; }

cp -r templates/default "$tmp/custom"
sed -i 's|<label key="sec.dashboard">[^<]*</label>|<label key="sec.dashboard">Vue d’ensemble</label>|' "$tmp/custom/labels/fr.xml"
sed -i '/<document kind="evaluation">/,/<\/document>/{/<part name="budget"\/>/d}' "$tmp/custom/documents.xml"
sed -i 's|width="595.276" height="841.89"|width="612" height="792"|' "$tmp/custom/theme.xml"
"$rapport" render --templates "$tmp/custom" --kind evaluation --lang fr $plan $evals \
  -o "$tmp/custom.txt" --text 2>/dev/null || { echo "FAIL: custom render"; failed=1; }
grep -q 'Vue d’ensemble' "$tmp/custom.txt" || { echo "FAIL: relabelled heading missing"; failed=1; }
grep -q 'Tableau de bord' "$tmp/custom.txt" && { echo "FAIL: old label still printed"; failed=1; }
grep -q '^section 1: Exécution budgétaire' "$tmp/default.txt" ||
  { echo "FAIL: no budget chapter by default"; failed=1; }
grep -q '^section 1: Exécution budgétaire' "$tmp/custom.txt" &&
  { echo "FAIL: the budget part was not left out"; failed=1; }
"$rapport" render --templates "$tmp/custom" --kind budget --lang fr $plan -o "$tmp/letter.pdf" 2>/dev/null
pdfinfo "$tmp/letter.pdf" 2>/dev/null | grep -q '612 x 792' || { echo "FAIL: theme page size ignored"; failed=1; }

# A catalogue lacking a label is refused before anything is rendered.
cp -r templates/default "$tmp/broken"
sed -i '/<label key="sec.dashboard">/d' "$tmp/broken/labels/nl.xml"
out=$("$rapport" render --templates "$tmp/broken" --kind budget --lang fr $plan -o "$tmp/x.pdf" 2>&1)
status=$?
[ "$status" = 1 ] || { echo "FAIL: broken templates exit $status, expected 1"; failed=1; }
echo "$out" | grep -q "broken/labels/nl.xml:1:1: error: the nl catalogue lacks the label 'sec.dashboard'" ||
  { echo "FAIL: missing label message: $out"; failed=1; }
[ ! -e "$tmp/x.pdf" ] || { echo "FAIL: a PDF was written with broken templates"; failed=1; }
# documents.xml describes every kind rapport renders and no other, each named in every
# language; the index page takes those names.
cp -r templates/default "$tmp/kinds"
sed -i 's|<document kind="communication">|<document kind="comms">|' "$tmp/kinds/documents.xml"
out=$("$rapport" render --templates "$tmp/kinds" --kind budget --lang fr $plan -o "$tmp/k.pdf" 2>&1)
status=$?
[ "$status" = 1 ] || { echo "FAIL: documents.xml with a foreign kind: exit $status"; failed=1; }
echo "$out" | grep -Eq "kinds/documents.xml:[0-9]+:[0-9]+: error: rapport renders no document kind 'comms'" ||
  { echo "FAIL: unknown kind message: $out"; failed=1; }
echo "$out" | grep -q "documents.xml does not describe the 'communication' documents" ||
  { echo "FAIL: missing kind message: $out"; failed=1; }
[ ! -e "$tmp/k.pdf" ] || { echo "FAIL: a PDF was written with a foreign kind"; failed=1; }
cp -r templates/default "$tmp/unnamed"
sed -i '/<name xml:lang="de">Haushaltstabellen/d' "$tmp/unnamed/documents.xml"
out=$("$rapport" render --templates "$tmp/unnamed" --kind budget --lang fr $plan -o "$tmp/k.pdf" 2>&1)
echo "$out" | grep -Eq "unnamed/documents.xml:[0-9]+:[0-9]+: error: the document kind 'budget' has no name in 'de'" ||
  { echo "FAIL: missing name message: $out"; failed=1; }
cp -r templates/default "$tmp/named"
sed -i 's|<name xml:lang="nl">Begrotingstabellen</name>|<name xml:lang="nl">Begroting in tabellen</name>|' "$tmp/named/documents.xml"
mkdir -p "$tmp/in" && cp -r input/capac "$tmp/in/"
"$rapport" build -q --templates "$tmp/named" --kind budget "$tmp/in" -o "$tmp/site" 2>/dev/null ||
  { echo "FAIL: build with renamed kinds"; failed=1; }
grep -q 'Begroting in tabellen' "$tmp/site/index.html" ||
  { echo "FAIL: the index does not take the kinds' names from documents.xml"; failed=1; }
"$rapport" render --templates "$tmp/nowhere" --kind budget --lang fr $plan -o "$tmp/y.pdf" 2>/dev/null
[ $? = 1 ] || { echo "FAIL: a missing templates directory is not an error"; failed=1; }
# A logo in the theme: drawn on the cover (PNG and JPEG), the same bytes twice; a logo
# that is missing, not an image or outside the templates directory is a located error.
for ext in png jpg; do
  rm -rf "$tmp/logo"
  cp -r templates/default "$tmp/logo"
  cp "tests/data/logo.$ext" "$tmp/logo/"
  sed -i "s|  <colour name=\"text\"|  <logo file=\"logo.$ext\" width=\"150\" height=\"50\"/>\n  <colour name=\"text\"|" \
    "$tmp/logo/theme.xml"
  for n in 1 2; do
    "$rapport" render --templates "$tmp/logo" --kind budget --lang fr $plan -o "$tmp/logo$n.pdf" \
      2>/dev/null || { echo "FAIL: render with a $ext logo"; failed=1; }
  done
  cmp -s "$tmp/logo1.pdf" "$tmp/logo2.pdf" || { echo "FAIL: $ext logo: two renders differ"; failed=1; }
  images=$(pdfimages -list "$tmp/logo1.pdf" 2>&1 | awk 'NR > 2 { print $1 "x" $4 "x" $5 }')
  [ "$images" = "1x360x120" ] || { echo "FAIL: $ext logo not on the cover: $images"; failed=1; }
  qpdf --check "$tmp/logo1.pdf" >/dev/null 2>&1 || { echo "FAIL: $ext logo: qpdf --check"; failed=1; }
done
logo_error() { # logo_error FILE MESSAGE
  sed -i "s|<logo file=\"[^\"]*\"|<logo file=\"$1\"|" "$tmp/logo/theme.xml"
  out=$("$rapport" render --templates "$tmp/logo" --kind budget --lang fr $plan -o "$tmp/z.pdf" 2>&1)
  status=$?
  [ "$status" = 1 ] || { echo "FAIL: logo $1: exit $status, expected 1"; failed=1; }
  echo "$out" | grep -q "logo/theme.xml:[0-9]*:[0-9]*: error: .*$2" ||
    { echo "FAIL: logo $1: message: $out"; failed=1; }
  [ ! -e "$tmp/z.pdf" ] || { echo "FAIL: logo $1: a PDF was written"; failed=1; }
}
cp "$tmp/logo/theme.xml" "$tmp/logo/fake.png"
logo_error nothere.png "cannot be read: No such file or directory"
logo_error fake.png "is neither a PNG nor a JPEG file"
logo_error ../logo.png "is not accepted by the pattern"
cp tests/data/logo.jpg "$tmp/logo/disguised.png"
logo_error disguised.png "is a JPEG file under another name"

# template_error DIR MESSAGE: render refuses the templates DIR with a located MESSAGE.
template_error() {
  out=$("$rapport" render --templates "$1" --kind budget --lang fr $plan -o "$tmp/g.pdf" 2>&1)
  status=$?
  [ "$status" = 1 ] || { echo "FAIL: $1: exit $status, expected 1"; failed=1; }
  echo "$out" | grep -q "$2" || { echo "FAIL: $1: message: $out"; failed=1; }
  [ ! -e "$tmp/g.pdf" ] || { echo "FAIL: $1: a PDF was written"; failed=1; }
}
# Margins that leave no body (9,183 blank pages before), a page libharu cannot make, a
# label key rapport does not know (a typo).
page() { # page DIR ATTRIBUTES
  rm -rf "$1" && cp -r templates/default "$1"
  sed -i "s|<page [^>]*/>|<page $2/>|" "$1/theme.xml"
}
page "$tmp/margins" 'width="595.276" height="841.89" margin-top="2000" margin-bottom="2000" margin-left="2000" margin-right="2000"'
template_error "$tmp/margins" "margins/theme.xml:4:3: error: the margins leave a body of -3404.72 × -3404.72 pt"
page "$tmp/narrow" 'width="1" height="841.89" margin-top="72" margin-bottom="64" margin-left="62" margin-right="62"'
template_error "$tmp/narrow" "narrow/theme.xml:4:3: error: .*'width': .*minimum value allowed ('72')"
rm -rf "$tmp/typo" && cp -r templates/default "$tmp/typo"
sed -i 's|<label key="sec.dashboard">|<label key="sec.dashbord">|' "$tmp/typo/labels/de.xml"
line=$(grep -n 'sec.dashbord' "$tmp/typo/labels/de.xml" | cut -d: -f1)
template_error "$tmp/typo" "typo/labels/de.xml:$line:3: error: unknown label 'sec.dashbord'"
exit $failed
