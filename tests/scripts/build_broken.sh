#!/usr/bin/env bash
# Isolation: a broken plan among good ones fails its own documents only, in both editions
# (exit 1, with its diagnostics), the other organisations' documents are produced, no
# temporary file remains, and the broken organisation's last good documents stay published.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
cp -r "$src/input" in

# From scratch: interieur's plan is not well-formed.
printf '<?xml version="1.0"?>\n<plan id="x">\n  <oops>\n</plan>\n' > in/interieur/plan.xml
"$rapport" build -j2 in -o out 2>log
rc=$?
[ $rc -eq 1 ] || fail "exit $rc, expected 1"
grep -q "^FAILED *interieur/budget" log || fail "no FAILED line for interieur's budget"
grep -Eq "in/interieur/plan.xml:[0-9]+:[0-9]+: error: " log || fail "no located diagnostic"
grep -q "^failed documents:" log || fail "no list of failed documents"
# The plan's diagnostics once, under its first failed document; the others point there.
n=$(grep -Ec "in/interieur/plan.xml:[0-9]+:[0-9]+: error: Opening and ending tag mismatch" log)
[ "$n" -eq 1 ] || fail "the plan's diagnostics printed $n times"
failed=$(grep -c "^FAILED *\(review/\)\?interieur/" log)
same=$(grep -c "^  (the same diagnostics as interieur/" log)
[ "$failed" -ge 4 ] && [ "$same" -eq $((failed - 1)) ] || fail "$failed failed, $same pointers"
grep -q "^FAILED *review/interieur/budget" log || fail "no FAILED line for interieur's review budget"
[ -s out/chancellerie/budget-2022-2024.fr.pdf ] || fail "chancellerie not produced"
[ -s out/capac/budget-2022-2025.fr.pdf ] || fail "capac not produced"
[ -s out/review/capac/budget-2022-2025.nl.pdf ] || fail "capac's review edition not produced"
[ ! -e out/interieur/budget-2022-2024.fr.pdf ] || fail "a document from a broken plan"
[ ! -e out/review/interieur ] || fail "a review edition from a broken plan"
grep -q 'organisation="interieur"' out/manifest.xml && fail "interieur in the manifest"
[ -z "$(find out -name '.rapport-tmp.*')" ] || fail "temporary files left"

# -q still prints the failure (cron mails it), and nothing else.
"$rapport" build -q in -o out 2>log2
[ $? -eq 1 ] || fail "-q run: expected exit 1"
grep -q "^FAILED" log2 || fail "-q hid the failure"
grep -q "^unchanged\|^built" log2 && fail "-q printed successes"

# After a good build, breaking an evaluation keeps its last good documents online.
cp "$src/input/interieur/plan.xml" in/interieur/plan.xml
"$rapport" build -q -j2 in -o out 2>/dev/null || fail "repaired build failed"
good=$(sha256sum out/interieur/evaluation-2023.fr.pdf out/review/interieur/evaluation-2023.fr.pdf)
sed -i 's/<evaluation /<evaluation bogus="1" /' in/interieur/evaluation-2023.xml
"$rapport" build -j2 in -o out 2>log3
[ $? -eq 1 ] || fail "broken evaluation: expected exit 1"
grep -q "^FAILED *interieur/evaluation-2023.fr.pdf" log3 || fail "no FAILED line for the evaluation"
grep -Eq "^  .*in/interieur/evaluation-2023.xml:[0-9]+:[0-9]+: error: " log3 || fail "diagnostic"
grep -q "^unchanged *interieur/budget-2022-2024.fr.pdf" log3 || fail "budget should be unaffected"
grep -q "^FAILED *review/interieur/evaluation-2023.fr.pdf" log3 || fail "no FAILED line for its review"
[ "$(sha256sum out/interieur/evaluation-2023.fr.pdf out/review/interieur/evaluation-2023.fr.pdf)" = "$good" ] ||
  fail "last good version lost"
grep -q 'file="interieur/evaluation-2023.fr.pdf"' out/manifest.xml || fail "entry dropped"
[ -z "$(find out -name '.rapport-tmp.*')" ] || fail "temporary files left"
# A directory name that cannot be a path component: refused, never used for output.
mkdir "in/bad name" && cp "$src/input/capac/plan.xml" "in/bad name/"
"$rapport" build -q in -o out 2>log4
[ $? -eq 1 ] || fail "an unsafe directory name: expected exit 1"
grep -q "in/bad name: error: organisation directory name not allowed" log4 || fail "$(cat log4)"
[ ! -e "out/bad name" ] || fail "an unsafe name reached the output"
# An evaluation outside its plan's period fails the documents that read it, and the log
# names them by the plan's period, which is known (the plan loaded).
mkdir -p in2/org && cp "$src/tests/fail/base-plan.xml" in2/org/plan.xml
cp "$src/tests/fail/year-outside-period.xml" in2/org/evaluation-2026.xml
"$rapport" build -q --kind communication --lang fr in2 -o out2 2>log5
[ $? -eq 1 ] || fail "evaluation outside the period: expected exit 1"
grep -q "^FAILED *org/communication-2022-2024.fr.pdf" log5 ||
  fail "the failed communication summary is not named by its plan's period: $(head -3 log5)"
grep -q "plan period unknown" log5 && fail "'plan period unknown' although the plan loaded"
grep -q "in2/org/evaluation-2026.xml:2:1: error: year 2026 is outside the plan period 2022-2024" log5 ||
  fail "no located diagnostic: $(cat log5)"
echo "ok"
