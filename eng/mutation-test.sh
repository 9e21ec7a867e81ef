#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker from the local tool manifest).
# Usage: eng/mutation-test.sh fields|all   — reports in artifacts/stryker-<scope>/
# Property tests run with fewer iterations (ESF_PROPERTY_ITERATIONS) so each mutant costs seconds, not minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scope=${1:-fields}
dotnet tool restore >/dev/null
export ESF_PROPERTY_ITERATIONS=${ESF_PROPERTY_ITERATIONS:-2000}
cd src/Esf.Projects
dotnet tool run dotnet-stryker --config-file "../../eng/stryker-$scope.json" --output "../../artifacts/stryker-$scope" --log-to-file
