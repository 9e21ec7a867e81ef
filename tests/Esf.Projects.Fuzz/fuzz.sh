#!/usr/bin/env bash
# Coverage-guided fuzzing of ProjectParser with SharpFuzz and AFL++ (Debian package afl++).
# Usage: tests/Esf.Projects.Fuzz/fuzz.sh [seconds]   (default 1800 = 30 minutes; findings in artifacts/fuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-1800}
command -v afl-fuzz >/dev/null || { apt-get update -qq && apt-get install -y -qq afl++; }
dotnet tool restore
out=artifacts/fuzz-build
rm -rf "$out"                                               # sharpfuzz refuses an already instrumented assembly
dotnet publish tests/Esf.Projects.Fuzz -c Release -o "$out"
dotnet tool run sharpfuzz "$out/Esf.Projects.dll"          # instrument the library under test only
mkdir -p artifacts/fuzz
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
timeout --preserve-status "$seconds" afl-fuzz -i tests/Esf.Projects.Fuzz/corpus -o artifacts/fuzz -t 10000 -m none \
  -- dotnet "$out/Esf.Projects.Fuzz.dll" || true
echo "crashes: $(find artifacts/fuzz -path '*crashes/id:*' | wc -l), hangs: $(find artifacts/fuzz -path '*hangs/id:*' | wc -l)"
tail -n 3 artifacts/fuzz/default/fuzzer_stats 2>/dev/null || true
