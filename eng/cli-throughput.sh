#!/usr/bin/env bash
# Times the esf command line on 10 000 pages (2 000 copies of each seed, as files in a temporary folder) for each
# output format, and prints a Markdown table of wall time and peak memory (GNU time's maximum resident set size)
# for docs/performance.md (also written to artifacts/benchmarks/cli/table.md, from which eng/performance-tables.cs
# fills the table `cli`). Each format runs three times; the table shows the fastest run and its memory.
#
#   eng/cli-throughput.sh [pages]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-10000}
work=$(mktemp -d)
checkout=$(mktemp -d)
git -C "$root" worktree add --detach "$checkout" HEAD > /dev/null
trap 'rm -rf "$work"; git -C "$root" worktree remove --force "$checkout"' EXIT

# A clean checkout of HEAD, so the table's commit is what was measured.
dotnet publish "$checkout/src/Esf.Projects.Cli" -c Release -o "$work/bin" > /dev/null
mkdir -p "$work/pages"
seeds=("$root"/seeds/*.txt)
for ((i = 0; i < pages; i++)); do
  cp "${seeds[i % ${#seeds[@]}]}" "$work/pages/$(printf '%05d' "$i").txt"
done

measure() { # measure <label> <args...>: prints "| label | seconds | MB |"
  local label="$1"; shift
  local best="" memory=""
  for _ in 1 2 3; do
    rm -rf "$work/out".*
    /usr/bin/time -f '%e %M' -o "$work/time" "$work/bin/esf" parse --quiet "$@" "$work/pages" > /dev/null
    read -r seconds kilobytes < "$work/time"
    if [[ -z "$best" ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$seconds
      memory=$((kilobytes / 1024))
    fi
  done
  echo "| $label | $best s | $memory MB |"
}

mkdir -p "$root/artifacts/benchmarks/cli"
{
echo "| Output ($pages pages, $(nproc) cores) | Wall time | Peak memory |"
echo "|---|---:|---:|"
measure '`--format json`' --format json --output "$work/out.json"
measure '`--format jsonl`' --format jsonl --output "$work/out.jsonl"
measure '`--format csv`' --format csv --output "$work/out.csv"
measure '`--format sqlite`' --format sqlite --output "$work/out.db"
measure '`--format xlsx`' --format xlsx --output "$work/out.xlsx"
measure '`--format parquet`' --format parquet --output "$work/out.parquet"
echo
echo "_Run at $(git -C "$root" rev-parse --short HEAD), $(date -u +%F)._"
} | tee "$root/artifacts/benchmarks/cli/table.md"
