# Sourced by the golden tests: compare GOLDEN ACTUAL, or with UPDATE_GOLDEN=1 rewrite GOLDEN.
# Needs $tmp (a scratch directory) and a fail function from the caller.
compare() {
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$1")"
    cp "$2" "$1"
  elif [ ! -f "$1" ]; then
    fail "missing golden $1 (run with UPDATE_GOLDEN=1)"
  elif ! diff -u "$1" "$2" >"$tmp/diff"; then
    fail "$(basename "$1") differs from its golden:"
    head -40 "$tmp/diff"
  fi
}
