#!/usr/bin/env bash
# Parse(string) at two revisions, in alternating processes: for each seed, five processes of each revision taking
# turns, each reporting the median of 15 rounds of 150 ms after 20 000 warm-up parses; the table gives the fastest
# of the five per revision (the noise here only ever slows a process down, by up to half). Taking turns makes both revisions see the same machine: this VM's speed drifts by a
# quarter over minutes, which two BenchmarkDotNet runs minutes apart cannot tell from a change in the code.
#
#   eng/ab-parse.sh <baseline revision> [revision, default HEAD] [page...]
#
# The pages default to the seeds (a row each, named by the seed's first three characters); others are named by file.
#
# The table also goes to artifacts/benchmarks/ab/table.md, from which eng/performance-tables.cs fills `ab`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$1
new=${2:-HEAD}
shift $(( $# < 2 ? $# : 2 ))
pages=("$@")
[[ ${#pages[@]} -eq 0 ]] && pages=("$root"/seeds/*.txt)
work=$(mktemp -d)
trap 'for v in old new; do git -C "$root" worktree remove --force "$work/$v" 2>/dev/null || true; done; rm -rf "$work"' EXIT

for v in old new; do
  rev=$([[ $v == old ]] && echo "$old" || echo "$new")
  git -C "$root" worktree add --detach "$work/$v" "$rev" > /dev/null
  mkdir -p "$work/$v-harness"
  cp "$root/eng/ab/Program.cs" "$work/$v-harness/"
  cat > "$work/$v-harness/ab.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Optimize>true</Optimize><ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps></PropertyGroup>
  <ItemGroup><ProjectReference Include="$work/$v/src/Esf.Projects/Esf.Projects.csproj" /></ItemGroup>
</Project>
PROJECT
  dotnet build "$work/$v-harness" -c Release -o "$work/$v-bin" > /dev/null
done

fastest() { printf '%s\n' "$@" | sort -g | head -n 1; }
mkdir -p "$root/artifacts/benchmarks/ab"
{
echo "| Page | \`Parse(string)\` at $(git -C "$root" rev-parse --short "$old") | at $(git -C "$root" rev-parse --short "$new") | New over old |"
echo "|---|---:|---:|---:|"
for seed in "${pages[@]}"; do
  o=(); n=()
  for _ in 1 2 3 4 5; do
    o+=("$(dotnet "$work/old-bin/ab.dll" "$seed")")
    n+=("$(dotnet "$work/new-bin/ab.dll" "$seed")")
  done
  mo=$(fastest "${o[@]}"); mn=$(fastest "${n[@]}")
  name=$(basename "$seed" .txt); [[ "$seed" == "$root"/seeds/* ]] && name=${name:0:3}
  echo "| $name | $mo µs | $mn µs | $(awk -v a="$mn" -v b="$mo" 'BEGIN { printf "%.2f", a / b }') |"
done
echo
echo "_Alternating processes, $(date -u +%F)._"
} | tee "$root/artifacts/benchmarks/ab/table.md"
