#!/usr/bin/env bash
# How the command line's pipeline scales from one worker to one per core: eng/scaling/Program.cs runs
# `esf parse` in process over 10 000 page files (2 000 copies of each seed, in the OS's file cache), one worker and
# all workers taking turns for each output (ten rounds after three warm-up runs of each), to standard output thrown
# away and to a file in a temporary folder. Taking turns makes both see the same machine: this VM's speed drifts by
# a quarter over minutes, which a ratio of two BenchmarkDotNet cases measured a minute apart cannot tell from
# scaling. The harness runs with the tool's own runtime settings (dynamic PGO off).
#
#   eng/pipeline-scaling.sh [rounds, default 10] [revision, default HEAD]
#
# The table also goes to artifacts/benchmarks/pipeline-scaling/table.md, from which eng/performance-tables.cs fills
# `pipeline-scaling`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-10}
revision=${2:-HEAD}
work=$(mktemp -d)
git -C "$root" worktree add --detach "$work/src" "$revision" > /dev/null
trap 'git -C "$root" worktree remove --force "$work/src"; rm -rf "$work"' EXIT

mkdir -p "$work/harness" "$work/pages" "$work/out"
cp "$root/eng/scaling/Program.cs" "$work/harness/"
cat > "$work/harness/scaling.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Optimize>true</Optimize><ImplicitUsings>enable</ImplicitUsings>
    <TieredPGO>false</TieredPGO>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps></PropertyGroup>
  <ItemGroup><ProjectReference Include="$work/src/src/Esf.Projects.Cli/Esf.Projects.Cli.csproj" /></ItemGroup>
</Project>
PROJECT
dotnet build "$work/harness" -c Release -o "$work/bin" > /dev/null
seeds=("$root"/seeds/*.txt)
for ((i = 0; i < 10000; i++)); do
  cp "${seeds[i % ${#seeds[@]}]}" "$work/pages/$(printf '%05d' "$i").txt"
done

mkdir -p "$root/artifacts/benchmarks/pipeline-scaling"
{
dotnet "$work/bin/scaling.dll" "$work/pages" "$work/out" "$rounds"
echo
echo "_Run at $(git -C "$root" rev-parse --short "$revision"), $(date -u +%F); one worker and $(nproc) taking turns, $rounds rounds._"
} | tee "$root/artifacts/benchmarks/pipeline-scaling/table.md"
