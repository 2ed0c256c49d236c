# Sourced first by a script test, which ctest runs as `bash SCRIPT RAPPORT SOURCE_DIR`:
# $rapport and $src from those arguments, a scratch directory $tmp removed on exit, and
# fail MESSAGE, which prints the message and ends the test as failed.
set -u
rapport=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
