#!/usr/bin/env bash
# Nothing modelled is invisible: every text of every model (input/*/ and tests/models/), in
# every language its file carries, reaches the text tree of at least one document: every kind
# `rapport --help` lists, for the plan and each evaluation, publication edition, in each
# language, with --allow-fallback. Prints, per organisation and language, the share of the
# texts that reach a document; lists those that reach none as file:line: element (where):
# text; and fails when docs/model.md's table of element -> documents disagrees with what the
# documents show. `visibility.sh RAPPORT SRC --table` prints that table as observed.
# The comparison (tests/scripts/lib/visibility.py): whitespace, case, typographic quotes and
# inline markup folded on both sides; a text of 80+ characters not found whole is found when
# each of its sentences is; a short text must stand as a word of its own.
set -u
rapport=$1 src=$2
shift 2
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Deliberate exceptions: what is data rather than text to read. Element keys are
# parent/element (an element's texts), parent/element@attribute or element@attribute.
# Only xs:string content counts as a candidate text at all: numbers, dates, ids, codes,
# units and marks (xs:token) are data by their type.
cat >"$tmp/exceptions" <<'LIST'
unit/alias	other spellings of a unit in the source, used to match owners, never printed
key-figures/figure@raw	the source's wording of a figure; the document prints the value it was read as
figure@raw	the source's wording of a figure; the document prints the value it was read as
indicator/reporting@raw	the source's wording of the reporting frequency, kept for traceability; the frequency is printed
reporting@raw	the source's wording of the reporting frequency, kept for traceability; the frequency is printed
strategic-objective/ambition@owners-raw	the owner tags as printed in the source; the document names the owner units
ambition@owners-raw	the owner tags as printed in the source; the document names the owner units
key-processes/key-process@type-raw	the source's wording of the process type; the document prints the type
key-process@type-raw	the source's wording of the process type; the document prints the type
LIST

models=("$src"/input/*/)
[ -d "$src/tests/models" ] && ls "$src"/tests/models/*.xml >/dev/null 2>&1 && models+=("$src/tests/models")
args=(--rapport "$rapport" --src "$src" --exceptions "$tmp/exceptions")
if [ "${1:-}" = --table ]; then
  exec python3 "$src/tests/scripts/lib/visibility.py" "${args[@]}" --table "${models[@]}"
fi
python3 "$src/tests/scripts/lib/visibility.py" "${args[@]}" --docs "$src/docs/model.md" "${models[@]}"
rc=$?
[ $rc -eq 0 ] && echo "ok"
exit $rc
