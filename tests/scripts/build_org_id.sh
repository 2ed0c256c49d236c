#!/usr/bin/env bash
# The organisation id rule: a directory name must be a valid organisation id (the schema's
# org-id type), and a directory whose plan names another id is published under the
# directory's name with one warning per build, at any verbosity.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
mkdir in
cp -r "$src/input/capac" in/capac-2022

"$rapport" build -j2 --edition publication in -o out 2>log || fail "build exited $?: $(cat log)"
warning="in/capac-2022/plan.xml:[0-9]*:[0-9]*: warning: the organisation id 'capac' differs from its directory's name 'capac-2022': its documents are published under 'capac-2022/'"
[ "$(grep -c "$warning" log)" = 1 ] || fail "the warning is not printed exactly once: $(cat log)"
[ -s out/capac-2022/budget-2022-2025.fr.pdf ] || fail "not published under the directory's name"
grep -q 'organisation="capac-2022"' out/manifest.xml || fail "manifest does not use the directory's name"

# Quiet runs print no warning; an up-to-date run renders nothing, so it repeats nothing.
"$rapport" build -q --edition publication in -o out 2>log2 || fail "quiet build exited $?"
[ ! -s log2 ] || fail "quiet build printed: $(cat log2)"

# Names outside the rule are refused with the rule, and the others still build.
for bad in Capac cap_ac cap.ac -capac; do
  rm -rf in2 out2 && mkdir in2
  cp -r "$src/input/capac" "in2/$bad"
  cp -r "$src/input/interieur" in2/interieur
  "$rapport" build --edition publication in2 -o out2 >/dev/null 2>log3
  rc=$?
  [ "$rc" = 1 ] || fail "'$bad': exit $rc, not 1"
  grep -q "in2/$bad: error: organisation directory name not allowed: an organisation id is 1 to 64 lower-case letters, digits or '-', starting with a letter or digit" log3 ||
    fail "'$bad' not refused with the rule: $(cat log3)"
  [ -s out2/interieur/budget-2022-2024.fr.pdf ] || fail "'$bad' stopped the other organisation"
done
echo "ok"
