#!/usr/bin/env bash
# Builds, tests, packs and stages the sample through the Cake script in build/.
#   ./build.sh --target=Stage    stage the sample app into a droplet
#   ./build.sh --target=Test     run every test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is needed (https://dot.net/download); dotnet is not on PATH." >&2
  exit 1
fi

# The tests drive real bash buildpacks and real git; install what a bare machine lacks.
missing=()
for tool in git setsid; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git util-linux >/dev/null
  else
    echo "error: missing tools: ${missing[*]} (install git and util-linux)" >&2
    exit 1
  fi
fi

dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
