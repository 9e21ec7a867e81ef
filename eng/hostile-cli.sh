#!/usr/bin/env bash
# Runs the installed esf tool on hostile inputs, each beside a good page, and checks that every run finishes,
# prints the good page, reports the bad input with a diagnostic, exits 1 (a page with errors), never crashes, and
# peaks under 1 GB of memory (GNU time's maximum resident set size). Called by .ci/run; docs/hostile-input.md
# states the guarantees it checks.
#
#   eng/hostile-cli.sh <path to esf>
set -euo pipefail

esf=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
good="$work/good.txt"
cp "$root/seeds/000_196cdacd7e4f6bec.txt" "$good"
chmod 644 "$good"
limit_kb=$((1024 * 1024))
failures=0

# check <name> <expected diagnostic> <command...>: runs the command under GNU time with a ten-minute ceiling.
# The good page must be in the output: its title (JSON: "title": "Brytpunkt"; CSV: a cell Brytpunkt).
check() {
  local name="$1" expected="$2"; shift 2
  local status=0
  timeout 600 /usr/bin/time -f '%M' -o "$work/rss" "$@" > "$work/out" 2> "$work/err" || status=$?
  local rss
  rss=$(tail -n 1 "$work/rss")
  local problems=()
  [[ $status -eq 1 ]] || problems+=("exit $status, expected 1")
  grep -q -e '"title": "Brytpunkt"' -e ',Brytpunkt,' "$work/out" || problems+=("the good page is missing from the output")
  grep -q -- "$expected" "$work/err" || problems+=("no '$expected' on standard error")
  if grep -q -e 'Unhandled exception' -e '   at ' "$work/err"; then problems+=("a stack trace"); fi
  [[ "$rss" =~ ^[0-9]+$ && $rss -lt $limit_kb ]] || problems+=("peak memory ${rss} KB")
  if [[ ${#problems[@]} -eq 0 ]]; then
    printf 'ok    %-28s exit %s, %s MB peak\n' "$name" "$status" $((rss / 1024))
  else
    printf 'FAIL  %-28s %s\n' "$name" "$(IFS=';'; echo "${problems[*]}")"
    sed -n '1,5p' "$work/err"
    failures=$((failures + 1))
  fi
}

# A 1.1 GB file (sparse: zeros) beside a good page: read only as far as the input limit.
mkdir "$work/big" && cp "$good" "$work/big/a.txt" && truncate -s 1100M "$work/big/b.txt"
check "1.1 GB file" "ESF0006" "$esf" parse "$work/big"

# /dev/zero named on the command line: a device is not opened.
check "/dev/zero" "ESF0009" "$esf" parse "$good" /dev/zero

# Endless standard input: read up to the input limit, then ESF0006.
check "endless stdin" "ESF0006" bash -c '"$1" parse "$2" - < /dev/zero' _ "$esf" "$good"
check "endless stdin (a pipe)" "ESF0006" bash -c 'yes "Titel" | "$1" parse "$2" -; status=$?; exit $status' _ "$esf" "$good"

# A FIFO among the pages: never opened, reported.
mkdir "$work/fifo" && cp "$good" "$work/fifo/a.txt" && mkfifo "$work/fifo/b.txt"
check "FIFO" "not a regular file" "$esf" parse "$work/fifo"

# A symbolic link loop: not followed; with a FIFO beside it so that the run has an error to report.
mkdir -p "$work/loop/sub" && cp "$good" "$work/loop/sub/a.txt" && ln -s "$work/loop" "$work/loop/sub/again" && mkfifo "$work/loop/z.txt"
check "symbolic link loop" "ESF0009" "$esf" parse "$work/loop"
loops=$(grep -c '"title": "Brytpunkt"' "$work/out" || true)
[[ $loops -eq 1 ]] || { echo "FAIL  symbolic link loop: the page came $loops times"; failures=$((failures + 1)); }

# An unreadable subfolder: an input in its place with the reason (as an unprivileged user: root reads anything).
mkdir -p "$work/locked/secret" && cp "$good" "$work/locked/a.txt" && cp "$good" "$work/locked/secret/b.txt"
chmod -R a+rX "$work/locked" && chmod 000 "$work/locked/secret"
as_user=()
tool="$esf"
if [[ $(id -u) -eq 0 ]]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work" DOTNET_CLI_HOME="$work")
  # The tool's folder may sit where that user cannot reach it (a clone in a private temporary folder): a copy can.
  cp -a "$(dirname "$esf")" "$work/tool" && chmod -R a+rX "$work/tool"
  tool="$work/tool/$(basename "$esf")"
fi
check "unreadable subfolder" "ESF0009" "${as_user[@]}" "$tool" parse "$work/locked"

# A path that does not exist among good ones.
check "missing path" "ESF0009" "$esf" parse "$good" "$work/no-such-file.txt"

# A 100 000-character CSV cell (a partner list on one line), beside a FIFO for the error.
mkdir "$work/csv" && cp "$good" "$work/csv/a.txt" && mkfifo "$work/csv/z.txt"
{ cat "$good"; printf '\nSamarbetspartners\n\n• '; head -c 100000 /dev/zero | tr '\0' 'x'; printf '\n'; } > "$work/csv/b.txt"
check "100 000-character CSV cell" "ESF0009" "$esf" parse --format csv --table projects "$work/csv"
cells=$(grep -o 'xxxxxxxxxx*' "$work/out" | awk 'length($0) >= 100000 { n++ } END { print n + 0 }')
[[ $cells -eq 1 ]] || { echo "FAIL  100 000-character CSV cell: not in the output"; failures=$((failures + 1)); }

echo "hostile inputs: $failures failed"
[[ $failures -eq 0 ]]
