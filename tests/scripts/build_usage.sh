#!/usr/bin/env bash
# Usage errors exit 2 with a message on stderr; --help exits 0 on stdout.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
in="$src/input"
expect2() {
  "$rapport" build "$@" >out 2>err
  local rc=$?
  [ $rc -eq 2 ] || fail "'build $*' exited $rc, expected 2"
  [ -s err ] || fail "'build $*' gave no message"
  [ ! -e o ] || fail "'build $*' created the output directory"
}
expect2
expect2 "$in"
expect2 -o o
expect2 "$in" "$in" -o o
expect2 --bogus "$in" -o o
expect2 -j 0 "$in" -o o
expect2 -j x "$in" -o o
expect2 --jobs=999 "$in" -o o
expect2 --lang it "$in" -o o
expect2 --lang "" "$in" -o o
expect2 --kind poster "$in" -o o
expect2 --year 22 "$in" -o o
expect2 --edition draft "$in" -o o
expect2 --edition "" "$in" -o o
expect2 --edition=publication,bogus "$in" -o o
expect2 --shard 3/2 "$in" -o o
expect2 --shard 0/2 "$in" -o o
expect2 --shard 1 "$in" -o o
expect2 -q -v "$in" -o o
expect2 "$tmp/no-such-dir" -o o
expect2 --templates "$tmp/no-such-dir" "$in" -o o
expect2 "$in" -o o --merge-manifests
expect2 --merge-manifests o
"$rapport" build --help >out 2>err || fail "--help exit $?"
grep -q "^usage: rapport build" out || fail "--help on stdout"
grep -q "Exit status" out || fail "--help documents the exit status"
grep -q -- "--edition E,..." out && grep -q -- "--allow-fallback" out || fail "--help: editions"
grep -q "not produced" out || fail "--help does not say when a publication is not produced"
[ ! -s err ] || fail "--help wrote on stderr"
echo "ok"
