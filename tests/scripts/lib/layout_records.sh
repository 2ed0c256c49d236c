# Records the layout (rapport render --format layout) of every document of input/ and of the
# stress model, for bench/layout-invariants.sh (figures) and tests/scripts/layout_invariants.sh
# (verdict). Source it, then call:
#   layout_records RAPPORT SRC OUT
# which writes OUT/input/NAME-LANG.layout for every document of SRC/input/ (every kind its
# sources call for, every evaluation year, in French and Dutch, publication editions with
# --allow-fallback) and OUT/stress/stress-KIND-LANG.layout for SRC/tests/stress/stress-plan.xml
# (plan and budget). A document its sources do not call for (no communication plan) is
# skipped.

# layout_record RAPPORT DIR NAME KIND LANG [--year Y] FILE...: one document's record.
layout_record() {
  local rapport=$1 dir=$2 name=$3 kind=$4 lang=$5
  shift 5
  "$rapport" render --kind "$kind" --lang "$lang" --allow-fallback --format layout "$@" \
    -o "$dir/$name-$lang.layout" 2>/dev/null || rm -f "$dir/$name-$lang.layout"
}

layout_records() {
  local rapport=$1 src=$2 out=$3 org name lang kind evaluation year
  local -a files
  mkdir -p "$out/input" "$out/stress"
  for org in "$src"/input/*/; do
    org=${org%/}
    name=$(basename "$org")
    files=("$org"/*.xml)
    for lang in fr nl; do
      for kind in plan budget communication; do
        layout_record "$rapport" "$out/input" "$name-$kind" "$kind" "$lang" "${files[@]}"
      done
      for evaluation in "$org"/evaluation-*.xml; do
        [ -e "$evaluation" ] || continue
        year=${evaluation##*/evaluation-}
        year=${year%.xml}
        layout_record "$rapport" "$out/input" "$name-evaluation-$year" evaluation "$lang" \
          --year "$year" "${files[@]}"
      done
    done
  done
  for lang in fr nl; do
    for kind in plan budget; do
      layout_record "$rapport" "$out/stress" "stress-$kind" "$kind" "$lang" \
        "$src/tests/stress/stress-plan.xml"
    done
  done
}
