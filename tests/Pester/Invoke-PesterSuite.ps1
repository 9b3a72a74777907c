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

$pester = Get-Module -Name 'Pester' -ListAvailable |
    Where-Object { $_.Version -ge [version]'5.0' } |
    Sort-Object -Property Version -Descending |
    Select-Object -First 1
if ($null -eq $pester) {
    throw 'Pester 5 is not installed. Install it with: Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser'
}
Import-Module -Name $pester.Path -ErrorAction Stop

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
