#!/usr/bin/env bash
# Nothing published is lost to a read error, nothing is written through a link: sources that
# exist but cannot be read keep their documents, an empty input directory removes nothing,
# a second name for an organisation publishes nothing, the output never lands inside the
# input, the lock is never followed, odd names never split a log line.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; if [ -n "${KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi' EXIT
chmod 755 "$tmp"
cd "$tmp" || exit 2
fail() { echo "FAIL: $*"; exit 1; }

# Permissions do not stop root: as root, the runs that meet an unreadable file run as nobody.
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
fi

cp -r "$src/input" in
mkdir out
[ "$(id -u)" = 0 ] && chown -R 65534:65534 in out
as_user "$rapport" build -q -j2 in -o out 2>/dev/null || fail "first build"
published=$(cd out && find . -name '*.pdf' | sort)
count=$(echo "$published" | wc -l)
[ "$count" -ge 20 ] || fail "only $count documents published"
all_there() {
  [ "$(cd out && find . -name '*.pdf' | sort)" = "$published" ] || fail "$1: documents lost"
  for f in $published; do grep -q "file=\"${f#./}\"" out/manifest.xml || fail "$1: $f unlisted"; done
}

# 1. An unreadable plan, then an unreadable organisation directory.
chmod 000 in/interieur/plan.xml
as_user "$rapport" build -j2 in -o out 2>log; rc=$?
[ $rc = 1 ] || fail "unreadable plan: exit $rc, expected 1"
grep -q "in/interieur/plan.xml: error: cannot read (Permission denied)" log ||
  fail "unreadable plan: no located error ($(head -3 log))"
grep -q "^KEPT *interieur/budget-2022-2024.fr.pdf" log || fail "unreadable plan: no KEPT line"
grep -q "^removed" log && fail "unreadable plan: something was removed"
all_there "unreadable plan"
chmod 644 in/interieur/plan.xml
chmod 000 in/capac
as_user "$rapport" build -j2 in -o out 2>log; rc=$?
[ $rc = 1 ] || fail "unreadable directory: exit $rc"
grep -q "in/capac: error: cannot read the directory (Permission denied)" log ||
  fail "unreadable directory: no error ($(head -3 log))"
all_there "unreadable directory"
chmod 755 in/capac

# A plan that became a directory, an organisation that is a link to nothing (an unmounted
# share): kept too.
mv in/capac/plan.xml capac-plan.xml && mkdir in/capac/plan.xml
"$rapport" build -q -j2 in -o out 2>log; rc=$?
[ $rc = 1 ] || fail "plan.xml a directory: exit $rc"
grep -q "in/capac/plan.xml: error: cannot read (not a regular file)" log || fail "plan dir: $(head -2 log)"
all_there "plan.xml a directory"
rmdir in/capac/plan.xml && mv capac-plan.xml in/capac/plan.xml
mv in/chancellerie chancellerie-away && ln -s /nonexistent/share/chancellerie in/chancellerie
"$rapport" build -q -j2 in -o out 2>log; rc=$?
[ $rc = 1 ] || fail "dangling link: exit $rc"
grep -q "in/chancellerie: error: cannot reach the directory (a link to nothing)" log ||
  fail "dangling link: $(head -2 log)"
all_there "organisation behind a dangling link"
rm in/chancellerie && mv chancellerie-away in/chancellerie
"$rapport" build -j2 in -o out 2>log || fail "recovered sources: exit $? ($(tail -2 log))"
grep -q "^built" log && fail "recovered sources rebuilt documents that did not change"
all_there "recovered"

# 2. An empty input directory (an unmounted share) removes nothing, says so, exits 1.
mkdir empty
cp out/manifest.xml manifest.before
"$rapport" build -q empty -o out 2>log; rc=$?
[ $rc = 1 ] || fail "empty input: exit $rc, expected 1"
grep -q "holds no organisation directory: nothing built, nothing removed" log || fail "empty: $(cat log)"
all_there "empty input"
cmp -s manifest.before out/manifest.xml || fail "empty input rewrote the manifest"
cp -r out out-prune
"$rapport" build -q --prune-all empty -o out-prune 2>log || fail "--prune-all: exit $?"
[ -z "$(find out-prune -name '*.pdf')" ] || fail "--prune-all kept documents"

# A second name for an organisation publishes no second copy.
ln -s capac in/capac-bis
"$rapport" build -j2 in -o out 2>log; rc=$?
[ $rc = 1 ] || fail "duplicate link: exit $rc"
grep -q "in/capac-bis: error: a link to the directory of organisation 'capac': ignored" log ||
  fail "duplicate link: $(head -2 log)"
[ ! -e out/capac-bis ] || fail "a second copy was published under the link's name"
all_there "duplicate link"
rm in/capac-bis

# A directory name with a newline or an escape stays on one line of the log.
mkdir $'in/bad\nname' "in/.hidden"
"$rapport" build -v -j2 in -o out 2>log
grep -q 'in/bad\\nname: error: organisation directory name not allowed' log ||
  fail "newline in a name: $(grep -a -A1 bad log | head -3)"
grep -q "in/.hidden: note: ignored (a hidden entry)" log || fail "hidden directory not mentioned with -v"
rmdir $'in/bad\nname' in/.hidden

# The output directory never lies inside the input directory.
for o in in in/out in/capac/../site "$tmp/in/x/y"; do
  "$rapport" build -q in -o "$o" 2>log; rc=$?
  [ $rc = 2 ] || fail "-o $o inside the input: exit $rc, expected 2"
  grep -q "is inside the input directory" log || fail "-o $o: $(cat log)"
done
[ ! -e in/out ] && [ ! -e in/site ] && [ ! -e in/x ] || fail "an output inside the input was created"

# The lock is never followed, truncated or waited on.
echo "precious" > victim
mkdir out-lock && ln -s "$tmp/victim" out-lock/.rapport.lock
"$rapport" build -q in -o out-lock 2>log; rc=$?
[ $rc = 3 ] || fail "symlinked lock: exit $rc, expected 3"
grep -q "is not a regular file" log || fail "symlinked lock: $(cat log)"
[ "$(cat victim)" = "precious" ] || fail "the lock's link target was written"
rm out-lock/.rapport.lock && mkfifo out-lock/.rapport.lock
timeout 20 "$rapport" build -q in -o out-lock 2>log; rc=$?
[ $rc = 3 ] || fail "FIFO lock: exit $rc, expected 3"

# A link planted under a document's name is not written through (nor replaced).
rm -f out-lock/.rapport.lock
"$rapport" build -q --kind budget --lang fr in -o out-lock 2>/dev/null || fail "lock dir build"
rm out-lock/capac/budget-2022-2025.fr.pdf && ln -s "$tmp/victim" out-lock/capac/budget-2022-2025.fr.pdf
"$rapport" build -q --force --kind budget --lang fr in -o out-lock 2>log; rc=$?
[ $rc = 1 ] || fail "link under a document's name: exit $rc"
grep -q "exists and is not a regular file" log || fail "link under a document's name: $(cat log)"
[ "$(cat victim)" = "precious" ] || fail "a document was written through a link"
[ -z "$(find out out-lock -name '.rapport-tmp.*')" ] || fail "temporary files left"
echo "ok: $count documents kept through every read error"
