#!/usr/bin/env bash
# Failure cases as data: tests/fail/<case>.xml beside <case>.expected (the exact diagnostics
# of `rapport check`) and <case>.exit (its exit status). <case>.args lists files given before
# the case (the plan an evaluation refers to). UPDATE_GOLDEN=1 rewrites the expectations.
set -u
rapport=$1
cd "$2" || exit 2
failed=0
for xml in tests/fail/*.xml; do
  case=${xml%.xml}
  [ -f "$case.exit" ] || continue
  args=()
  [ -f "$case.args" ] && mapfile -t args < "$case.args"
  actual=$(timeout 20 "$rapport" check "${args[@]}" "$xml" 2>&1 >/dev/null)
  status=$?
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$case.expected"
    echo "$status" > "$case.exit"
    continue
  fi
  if [ "$status" != "$(cat "$case.exit")" ]; then
    echo "FAIL $case: exit $status, expected $(cat "$case.exit")"
    failed=1
  fi
  if ! diff -u "$case.expected" <(printf '%s\n' "$actual"); then
    echo "FAIL $case: diagnostics differ"
    failed=1
  fi
done
# The external entity names /etc/passwd: its content must appear nowhere.
if "$rapport" dump tests/fail/external-entity.xml 2>&1 | grep -q 'root:'; then
  echo "FAIL external-entity: file content leaked"
  failed=1
fi
exit $failed
