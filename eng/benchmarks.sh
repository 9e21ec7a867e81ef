#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites behind docs/performance.md and docs/contributing/performance.md and regenerates
# their tables from the results.
#
#   eng/benchmarks.sh [--baseline <git revision>] [suite...]
#
# Suites: pages fields scaling corpus pipeline pathological html (default: all seven), and compare (with --baseline only): Parse(string) and
# its floor at HEAD and then at the baseline revision, so the before/after table compares two runs made minutes
# apart on the same machine. Every suite runs on a clean checkout of HEAD in a temporary git worktree: the tables
# name the commit they measured, and uncommitted changes (or a build in the working tree) cannot leak in. Results go to
# artifacts/benchmarks/<suite>/ (BenchmarkDotNet's own files plus run.txt: commit, date, filter); the tables in
# docs/performance.md between `<!-- table:NAME -->` and `<!-- /table -->` are rewritten from them by
# eng/performance-tables.cs (the user's tables in docs/performance.md, the rest in docs/contributing/performance.md).
# Run it on an idle machine: see docs/contributing/performance.md for why.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts/benchmarks"
baseline=""
suites=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) baseline="$2"; shift 2 ;;
    pages|fields|scaling|corpus|pipeline|pathological|html|compare) suites+=("$1"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ ${#suites[@]} -eq 0 ]] && suites=(pages fields scaling corpus pipeline pathological html)
if [[ -n "$baseline" && ! " ${suites[*]} " =~ " compare " ]]; then suites+=(compare); fi
[[ -z "$(git -C "$root" status --porcelain --untracked-files=no)" ]] || echo "note: uncommitted changes are not measured; HEAD is" >&2

worktrees=()
cleanup() { for w in "${worktrees[@]}"; do git -C "$root" worktree remove --force "$w" || true; done; }
trap cleanup EXIT
checkout() { # checkout <revision>: a temporary worktree at that revision, in $checked_out (not a subshell, so cleanup sees it)
  checked_out=$(mktemp -d)
  git -C "$root" worktree add --detach "$checked_out" "$1" > /dev/null
  worktrees+=("$checked_out")
}
checkout HEAD
current=$checked_out

run() { # run <name> <checkout> <filter...>
  local name="$1" checkout="$2"; shift 2
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  echo "== $name at $(git -C "$checkout" rev-parse --short HEAD): $*"
  (cd "$checkout" && dotnet run -c Release --project benchmarks/Esf.Projects.Benchmarks -- \
      --filter "$@" --artifacts "$out/$name") > "$out/$name/output.log"
  {
    echo "commit=$(git -C "$checkout" rev-parse --short HEAD)"
    echo "date=$(date -u +%F)"
    echo "filter=$*"
  } > "$out/$name/run.txt"
}

for suite in "${suites[@]}"; do
  case "$suite" in
    pages) run pages "$current" '*PageBenchmarks*' ;;
    compare)
      [[ -n "$baseline" ]] || { echo "compare needs --baseline <revision>" >&2; exit 2; }
      checkout "$baseline"
      worktree=$checked_out
      run pages-current "$current" '*PageBenchmarks.ParseString' '*PageBenchmarks.Floor_DecodeAndCountLines'
      run pages-baseline "$worktree" '*PageBenchmarks.ParseString' '*PageBenchmarks.Floor_DecodeAndCountLines'
      ;;
    fields) run fields "$current" '*FieldBenchmarks*' ;;
    scaling) run scaling "$current" '*ScalingBenchmarks*' ;;
    corpus) run corpus "$current" '*CorpusBenchmarks*' ;;
    pipeline) run pipeline "$current" '*PipelineBenchmarks*' ;;
    pathological) run pathological "$current" '*PathologicalBenchmarks*' ;;
    html) run html "$current" '*HtmlBenchmarks*' ;;
  esac
done

for document in docs/performance.md docs/contributing/performance.md; do
  dotnet run "$root/eng/performance-tables.cs" -- "$out" "$root/$document"
done
