#!/usr/bin/env pwsh
# Builds, tests, packs and stages the sample through the Cake script in build/.
#   ./build.ps1 --target=Stage    stage the sample app into a droplet
#   ./build.ps1 --target=Test     run every test
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'The .NET 10 SDK is needed (https://dot.net/download); dotnet is not on PATH.'
}
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
