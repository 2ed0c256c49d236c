#!/usr/bin/env bash
# Hostile text comes out of the HTML edition as text, inert. A valid plan whose titles,
# names, paragraphs, list items, table captions and row labels (which charts show too), norm
# and glossary hold markup, quotes that would end an attribute, '</style>', '</title>',
# ']]>', '<!--', and whose links and figure carry hrefs that the schema lets through (http
# or https or mailto, then quotes, '<', 'javascript:' in the path), rendered as its plan
# document in HTML: tests/scripts/lib/htmlcheck.py inert finds no <script> (nor iframe,
# object...), no on* attribute, no javascript:/vbscript:/data: URL, no CSS expression, and
# finds each hostile text in the visible text; HTML Tidy finds no error (tidy_check).
# Links the schema refuses (javascript:, ' JaVaScRiPt:', java<TAB>script:, data:text/html,
# vbscript:, //host) must not be rendered, or come out inert.
# The checker is first shown to fail pages with a javascript: link (plain, and mixed case
# behind an encoded tab), an event handler, a script, a data: link, text written unescaped.
. "${BASH_SOURCE%/*}/lib/common.sh"
lib=$src/tests/scripts/lib
export LC_ALL=C.UTF-8
. "$lib/html.sh"
command -v python3 >/dev/null || fail "python3 is not installed"
require_tidy
check=$lib/htmlcheck.py

# The self-test.
mkdir "$tmp/fx"
html_fixtures "$tmp/fx"
printf '%s\n' 'Rapport d’évaluation 2023' >"$tmp/fx/expect"
out=$(python3 "$check" inert --expect "$tmp/fx/expect" "$tmp/fx/clean.html") ||
  { echo "$out"; fail "self-test: the inert check finds fault with the clean page"; }
for f in "$tmp"/fx/inert-*.html; do
  out=$(python3 "$check" inert --expect "$tmp/fx/expect" "$f") &&
    { echo "$out"; fail "self-test: the inert check passes $(basename "$f")"; }
done
echo "self-test: the inert check passes the clean page and fails its $(ls "$tmp"/fx/inert-*.html | wc -l) defective copies"

require_html "$rapport"

# The model: every hostile text in an element the plan document prints.
cat >"$tmp/hostile.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<plan id="hostile" kind="strategic-plan" start="2022" end="2024" date="2022-02-22" xml:lang="fr">
  <title>Plan &lt;script&gt;alert(1)&lt;/script&gt; titre</title>
  <organisation id="hostile-org" kind="federal-public-service">
    <name>SPF "onmouseover="alert(1) &amp; Cie</name>
    <unit id="u-a" kind="directorate-general"><name>Direction ' onfocus='x</name></unit>
  </organisation>
  <strategic-objectives>
    <strategic-objective id="so-1" number="1" owners="u-a">
      <title>Objectif &lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>
      <operational-objective id="oo-1.1" number="1.1">
        <title>Opérationnel ]]&gt; et &lt;!-- commentaire</title>
        <indicator id="ind-1" unit="percent">
          <title>Indicateur &lt;img src=x onerror=alert(3)&gt;</title>
          <norm kind="tiered">
            <threshold id="ind-1-t1" value="80" within="5" within-unit="working-day"/>
            <threshold id="ind-1-t2" value="100" within="1" within-unit="month"/>
            <text>80 % --&gt; &lt;![CDATA[ x ]]&gt;</text>
          </norm>
        </indicator>
      </operational-objective>
    </strategic-objective>
  </strategic-objectives>
  <tables>
    <table id="t-b" kind="budget" unit="EUR" scale="1000">
      <caption>Budget &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;</caption>
      <column id="b-2022" year="2022"><label>2022</label></column>
      <column id="b-2023" year="2023"><label>2023</label></column>
      <row id="b-x"><label>Ligne &lt;svg onload=alert(5)&gt;</label><values>10 20</values></row>
      <row id="b-y"><label>Ligne &amp;lt;b&amp;gt; échappée</label><values>5 -</values></row>
      <row id="b-total" kind="total"><label>Total</label><values>15 20</values></row>
    </table>
  </tables>
  <glossary>
    <entry id="g-x">
      <term>XSS</term>
      <expansion>&lt;a href="javascript:alert(6)"&gt;lien&lt;/a&gt;</expansion>
      <definition>Définition &lt;iframe src="javascript:alert(7)"&gt;</definition>
    </entry>
  </glossary>
  <section id="s-hostile">
    <title>Section &lt;style&gt;body{display:none}&lt;/style&gt;</title>
    <p>Texte <link href="https://example.be/&quot;onmouseover=&quot;alert(1)">lien guillemets</link>,
      <link href="https://example.be/'onfocus='x">lien apostrophe</link>,
      <link href="http://example.be/&lt;script&gt;alert(1)&lt;/script&gt;">lien chevrons</link>,
      <link href="HTTPS://EXAMPLE.BE/javascript:alert(1)">lien https</link>,
      <link href="mailto:a@example.be?subject=%3Cscript%3E">courriel</link>.</p>
    <list><item>Point &lt;/li&gt;&lt;/ul&gt;&lt;script&gt;alert(8)&lt;/script&gt;</item></list>
    <figure kind="photo" href="https://example.be/x.png&quot; onerror=&quot;alert(9)">
      <caption>Photo &lt;b onclick=alert(10)&gt;</caption>
    </figure>
  </section>
</plan>
EOF
# The texts as a reader must see them.
cat >"$tmp/expect" <<'EOF'
Plan <script>alert(1)</script> titre
SPF "onmouseover="alert(1) & Cie
Direction ' onfocus='x
Objectif </style><script>alert(2)</script>
Opérationnel ]]> et <!-- commentaire
Indicateur <img src=x onerror=alert(3)>
80 % --> <![CDATA[ x ]]>
Budget </title><script>alert(4)</script>
Ligne <svg onload=alert(5)>
Ligne &lt;b&gt; échappée
<a href="javascript:alert(6)">lien</a>
Définition <iframe src="javascript:alert(7)">
Section <style>body{display:none}</style>
Point </li></ul><script>alert(8)</script>
Photo <b onclick=alert(10)>
lien guillemets
lien apostrophe
lien chevrons
courriel
EOF
"$rapport" check "$tmp/hostile.xml" 2>"$tmp/err" || fail "the hostile model is invalid: $(head -3 "$tmp/err")"
status=0
if ! "$rapport" render --format html --kind plan --lang fr "$tmp/hostile.xml" -o "$tmp/hostile.html" 2>"$tmp/err"; then
  fail "render --format html of the hostile plan failed: $(grep -v ': warning: ' "$tmp/err" | tail -3)"
fi
python3 "$check" inert --expect "$tmp/expect" "$tmp/hostile.html" >"$tmp/out"
rc=$?
sed "s|$tmp/||" "$tmp/out"
[ $rc -eq 0 ] || { status=1; echo "FAIL: the hostile plan's HTML is not inert, or its texts are not shown as text"; }
(cd "$tmp" && tidy_check hostile.html) || { status=1; echo "FAIL: HTML Tidy finds errors in the hostile plan's HTML"; }

# Links the schema refuses: no document, or an inert one.
n=0
while IFS= read -r href; do
  n=$((n + 1))
  python3 -c 'import sys; m = open(sys.argv[1], encoding="utf-8").read()
old = "<link href=\"https://example.be/&quot;onmouseover=&quot;alert(1)\">"
sys.stdout.write(m.replace(old, "<link href=\"%s\">" % sys.argv[2]))' "$tmp/hostile.xml" "$href" >"$tmp/bad-$n.xml"
  grep -qF "<link href=\"$href\">" "$tmp/bad-$n.xml" || fail "could not put the link $href in the model"
  if "$rapport" render --format html --kind plan --lang fr "$tmp/bad-$n.xml" -o "$tmp/bad-$n.html" 2>"$tmp/err"; then
    if ! python3 "$check" inert "$tmp/bad-$n.html" >"$tmp/out"; then
      sed "s|$tmp/||" "$tmp/out"
      status=1
      echo "FAIL: a plan linking to $href is rendered, and its HTML is not inert"
    fi
  elif [ -e "$tmp/bad-$n.html" ]; then
    status=1
    echo "FAIL: render of a plan linking to $href failed but left $tmp/bad-$n.html"
  elif ! grep -q 'error' "$tmp/err"; then
    status=1
    echo "FAIL: render of a plan linking to $href failed without an error message"
  fi
done <<'EOF'
javascript:alert(1)
 JaVaScRiPt:alert(1)
java&#9;script:alert(1)
data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;
vbscript:msgbox(1)
//evil.example/x
EOF
[ $status -eq 0 ] && echo "ok: hostile texts shown as text, inert HTML, $n refused links neither rendered nor active"
exit $status
