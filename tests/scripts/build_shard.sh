#!/usr/bin/env bash
# --shard K/N renders stable slices whose union is the whole build; --merge-manifests
# gathers them into one publication identical to an unsharded build.
. "${BASH_SOURCE%/*}/lib/common.sh"
cd "$tmp" || exit 2
bash "$src/bench/gen-tree.sh" 5 in "$src/input" || fail "generator"
"$rapport" build -q -j2 in -o full 2>/dev/null || fail "full build"
total=$(grep -c '<document ' full/manifest.xml)
sum=0
for k in 1 2 3; do
  "$rapport" build -q -j2 --shard $k/3 in -o shard$k 2>/dev/null || fail "shard $k/3"
  c=$(grep -c '<document ' shard$k/manifest.xml)
  sum=$((sum + c))
  # All documents of an organisation land in one shard.
  for o in $(sed -n 's/.*organisation="\([^"]*\)".*/\1/p' shard$k/manifest.xml | sort -u); do
    for j in 1 2 3; do
      [ $j = $k ] || ! grep -q "organisation=\"$o\"" shard$j/manifest.xml 2>/dev/null ||
        fail "$o in shards $k and $j"
    done
  done
done
[ $sum -eq "$total" ] || fail "shards hold $sum documents, the full build $total"
# Slices are stable: the same shard again renders nothing.
"$rapport" build -j2 --shard 2/3 in -o shard2 2>log || fail "shard rerun"
grep -q " 0 built," log || fail "shard rerun rendered again: $(tail -1 log)"

"$rapport" build --merge-manifests merged shard1/manifest.xml shard2/manifest.xml \
  shard3/manifest.xml 2>log || fail "merge exited $? ($(tail -3 log))"
diff -r -x .rapport.lock full merged >/dev/null || fail "merged publication differs from the full build"
# A corrupt shard document is refused (exit 1) and the previous publication stays listed.
f=$(sed -n 's/.*file="\([^"]*\)".*/\1/p' shard1/manifest.xml | head -1)
echo garbage >> "shard1/$f"
rm -rf merged2
"$rapport" build --merge-manifests merged2 shard1/manifest.xml 2>log
[ $? -eq 1 ] || fail "a corrupt document was merged"
grep -q "differs from its manifest entry" log || fail "message: $(cat log)"
# A shard run in a directory that holds other slices never removes them.
"$rapport" build -q --shard 1/3 in -o full 2>/dev/null || fail "shard over a full build"
[ "$(grep -c '<document ' full/manifest.xml)" -eq "$total" ] || fail "a shard removed other slices"
echo "ok: $total documents over 3 shards, merged identical"
