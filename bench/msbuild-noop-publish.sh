#!/usr/bin/env bash
# The MSBuild package's no-op cost: times `dotnet publish` of a fresh `dotnet new web` app with staging on
# (nothing changed since the last staging, so staging is skipped) against a plain `dotnet publish` of the
# same project, alternating them in the same run, and prints the ratio of the medians (target <= 1.05).
#
#   bench/msbuild-noop-publish.sh            10 rounds
#   RUNS=20 bench/msbuild-noop-publish.sh
#
# Not part of the test run: timings depend on the machine and on what else runs on it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bpk-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "Packing Buildpacks.Tasks into a local feed..."
dotnet pack "$root/src/Buildpacks.Tasks/Buildpacks.Tasks.csproj" -c Release -o "$work/feed" >/dev/null
package="$(basename "$(ls "$work"/feed/Buildpacks.Tasks.*.nupkg)" .nupkg)"
version="${package#Buildpacks.Tasks.}"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

echo "Creating a web app that references Buildpacks.Tasks $version..."
dotnet new web -o "$work/HelloWeb" -n HelloWeb >/dev/null
cd "$work/HelloWeb"
dotnet add package Buildpacks.Tasks --version "$version" >/dev/null

stage=(-p:StageWithBuildpack=true "-p:Buildpack=$root/samples/buildpacks/dotnet")
droplet="bin/Release/net10.0/HelloWeb.droplet.tgz"
publish_plain() { dotnet publish -c Release >/dev/null; }
publish_staged() { dotnet publish -c Release "${stage[@]}" >/dev/null; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "Warming up (first build, first staging, one no-op of each)..."
publish_staged
publish_staged
publish_plain
stamp="$(stat -c %Y.%N "$droplet")"

plain=()
staged=()
for ((i = 1; i <= runs; i++)); do
  # Alternate which goes first, so drift on a busy machine hits both alike.
  if ((i % 2)); then
    t0=$(ms); publish_plain; t1=$(ms); publish_staged; t2=$(ms)
    plain+=($((t1 - t0))); staged+=($((t2 - t1)))
  else
    t0=$(ms); publish_staged; t1=$(ms); publish_plain; t2=$(ms)
    staged+=($((t1 - t0))); plain+=($((t2 - t1)))
  fi
  printf '  round %2d: plain %5d ms, with staging %5d ms\n' "$i" "${plain[-1]}" "${staged[-1]}"
done

if [ "$(stat -c %Y.%N "$droplet")" != "$stamp" ]; then
  echo "error: the droplet was rewritten during the no-op runs; staging was not skipped" >&2
  exit 1
fi

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fastest() { printf '%s\n' "$@" | sort -n | head -1; }
plain_median="$(median "${plain[@]}")"
staged_median="$(median "${staged[@]}")"
plain_fastest="$(fastest "${plain[@]}")"
staged_fastest="$(fastest "${staged[@]}")"
echo
echo "no-op dotnet publish over $runs rounds (staging skipped, droplet untouched):"
echo "                                 median    fastest"
printf '  plain:                      %7s ms %7s ms\n' "$plain_median" "$plain_fastest"
printf '  -p:StageWithBuildpack=true: %7s ms %7s ms\n' "$staged_median" "$staged_fastest"
awk -v s="$staged_median" -v p="$plain_median" -v sf="$staged_fastest" -v pf="$plain_fastest" \
  'BEGIN { printf "  ratio:                      %7.3f    %7.3f   (target <= 1.05; on a busy machine the fastest runs are the fairer pair)\n", s / p, sf / pf }'
