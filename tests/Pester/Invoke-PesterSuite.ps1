<#
.SYNOPSIS
Runs every *.Tests.ps1 in this folder with Pester 5 against the sandbox, for build.ps1 and CI.

.PARAMETER Configuration
The build configuration whose module and sandbox the tests use (the module is always out/CampaignPS).

.PARAMETER ResultFile
Optional file that receives one line "<passed> <failed>" for CI's summary.
#>
[CmdletBinding()]
param(
    [string] $Configuration = 'Debug',

    [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Pester 5.7.1 comes from NuGet: tests/CampaignPS.Tests restores it (PackageDownload) into the NuGet packages
# folder, so `dotnet restore` / `dotnet test` is all it takes. A user's own Pester >= 5.5 is the fallback.
$nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path -Path ([Environment]::GetFolderPath('UserProfile')) -ChildPath '.nuget/packages' }
$restoredPester = Join-Path -Path $nugetRoot -ChildPath 'pester/5.7.1/tools/Pester.psd1'
$pester = if (Test-Path -LiteralPath $restoredPester) {
    Get-Item -LiteralPath $restoredPester
}
else {
    Get-Module -Name 'Pester' -ListAvailable |
        Where-Object { $_.Version -ge [version]'5.5' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
}
if ($null -eq $pester) {
    throw "Pester 5 was not found at $restoredPester. Run 'dotnet restore tests/CampaignPS.Tests' (it downloads Pester 5.7.1 from NuGet), or install Pester 5.5 or later."
}
$pesterPath = if ($pester -is [System.IO.FileInfo]) { $pester.FullName } else { $pester.Path }
Import-Module -Name $pesterPath -ErrorAction Stop

# TestHelpers.psm1 starts the sandbox build of this configuration.
$env:CAMPAIGNPS_CONFIGURATION = $Configuration

$resultsFolder = Join-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -ChildPath 'out/TestResults'
$null = New-Item -ItemType Directory -Path $resultsFolder -Force

$pesterConfiguration = New-PesterConfiguration
$pesterConfiguration.Run.Path = $PSScriptRoot
$pesterConfiguration.Run.PassThru = $true
$pesterConfiguration.Output.Verbosity = 'Detailed'
$pesterConfiguration.TestResult.Enabled = $true
$pesterConfiguration.TestResult.OutputFormat = 'NUnitXml'
$pesterConfiguration.TestResult.OutputPath = Join-Path -Path $resultsFolder -ChildPath 'pester.xml'

$result = Invoke-Pester -Configuration $pesterConfiguration
Write-Host ('Pester: {0} passed, {1} failed, {2} skipped.' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount)
if ($ResultFile) {
    Set-Content -LiteralPath $ResultFile -Value ('{0} {1}' -f $result.PassedCount, $result.FailedCount)
}

if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') {
    exit 1
}
