#!/usr/bin/env bash
# Adds every new public symbol of the packages (src/Esf.Projects, src/Esf.Projects.Html) to their
# PublicAPI.Unshipped.txt, taking the exact lines from the RS0016 diagnostics of a build, so a public API change is
# one reviewed diff. Removed symbols (RS0017) must be deleted from the files by hand: from Unshipped, a change made
# before release; from PublicAPI.Shipped.txt (the 1.0 surface), a breaking change that needs a major version.
#
#   eng/update-public-api.sh [project...]     (default: both packages)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[[ ${#projects[@]} -eq 0 ]] && projects=(src/Esf.Projects src/Esf.Projects.Html)
for project in "${projects[@]}"; do
  file=$project/PublicAPI.Unshipped.txt
  dotnet build "$project" -c Release --no-incremental 2>&1 \
    | grep -F "[$(cd "$project" && pwd)/" \
    | sed -n "s/.*error RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" \
    | sort -u >> "$file"
  { head -n 1 "$file"; tail -n +2 "$file" | LC_ALL=C sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
  dotnet build "$project" -c Release 2>&1 | grep -E "RS00(16|17)" | sort -u || echo "$project: public API files are up to date"
done
