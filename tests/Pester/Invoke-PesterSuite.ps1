<#
.SYNOPSIS
Runs every *.Tests.ps1 in this folder with Pester 5 against the sandbox, for build.ps1 and CI.

.DESCRIPTION
The module under test is out/CampaignPS and the sandbox is src/CampaignPS.Sandbox/bin/<Configuration>: both must
come from the same build, so the runner refuses a module folder that another configuration laid out
(out/CampaignPS.configuration says which). Pester 5.7.1 is restored from NuGet by tests/CampaignPS.Tests
(PackageDownload) and imported by path; the runner restores it when it is missing, and falls back to an installed
Pester 5.5 or later.

.PARAMETER Configuration
The build configuration under test: Release (the default, as in build.ps1) or Debug.

.PARAMETER ResultFile
Optional file that receives one line "<passed> <failed>" for build.ps1's summary. Failed counts tests, and also
blocks and files whose set-up failed (their tests never ran).

.PARAMETER Path
Test files or folders to run; every *.Tests.ps1 in this folder by default.
#>
[CmdletBinding()]
param(
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [string] $ResultFile,

    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
# Failure messages go into the NUnit XML report, which cannot hold the escape characters of coloured text.
$PSStyle.OutputRendering = 'PlainText'

$repositoryRoot = Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent

$builtAs = Join-Path -Path $repositoryRoot -ChildPath 'out/CampaignPS.configuration'
if (-not (Test-Path -LiteralPath $builtAs)) {
    throw "The module is not built: $builtAs is missing. Run ./build.ps1 -Configuration $Configuration (or dotnet build -c $Configuration) first."
}
$moduleConfiguration = (Get-Content -LiteralPath $builtAs -Raw).Trim()
if ($moduleConfiguration -ne $Configuration) {
    throw "out/CampaignPS was built as $moduleConfiguration, but the tests were asked to run against $Configuration. Build with -c $Configuration, or pass -Configuration $moduleConfiguration."
}

function Find-RestoredPester {
    $roots = @()
    if ($env:NUGET_PACKAGES) {
        $roots += $env:NUGET_PACKAGES
    }
    $roots += Join-Path -Path ([Environment]::GetFolderPath('UserProfile')) -ChildPath '.nuget/packages'
    foreach ($root in $roots) {
        $candidate = Join-Path -Path $root -ChildPath 'pester/5.7.1/tools/Pester.psd1'
        if (Test-Path -LiteralPath $candidate) {
            return $candidate
        }
    }

    # A nuget.config may move the packages folder: ask NuGet where it is.
    $listed = & dotnet nuget locals global-packages --list 2>$null | Select-Object -First 1
    if ($listed -match 'global-packages:\s*(?<path>.+)$') {
        $candidate = Join-Path -Path $Matches.path.Trim() -ChildPath 'pester/5.7.1/tools/Pester.psd1'
        if (Test-Path -LiteralPath $candidate) {
            return $candidate
        }
    }
    return $null
}

$pesterPath = Find-RestoredPester
if ($null -eq $pesterPath) {
    Write-Host 'Pester 5.7.1 is not in the NuGet packages folder yet: dotnet restore tests/CampaignPS.Tests (it downloads Pester from NuGet).'
    & dotnet restore (Join-Path -Path $repositoryRoot -ChildPath 'tests/CampaignPS.Tests') --nologo | Out-Host
    $pesterPath = Find-RestoredPester
}
if ($null -eq $pesterPath) {
    $installed = Get-Module -Name 'Pester' -ListAvailable |
        Where-Object { $_.Version -ge [version]'5.5' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($null -eq $installed) {
        throw "Pester 5 was not found. Run 'dotnet restore tests/CampaignPS.Tests' (it downloads Pester 5.7.1 from NuGet), or install Pester 5.5 or later."
    }
    $pesterPath = $installed.Path
}
Import-Module -Name $pesterPath -ErrorAction Stop
Write-Host "Pester $((Get-Module -Name Pester).Version) from $pesterPath; module out/CampaignPS ($Configuration)"

# TestHelpers.psm1 starts the sandbox build of this configuration.
$env:CAMPAIGNPS_CONFIGURATION = $Configuration

$resultsFolder = Join-Path -Path $repositoryRoot -ChildPath 'out/TestResults'
$null = New-Item -ItemType Directory -Path $resultsFolder -Force

$pesterConfiguration = New-PesterConfiguration
$pesterConfiguration.Run.Path = $Path
$pesterConfiguration.Run.PassThru = $true
$pesterConfiguration.Output.Verbosity = 'Detailed'
$pesterConfiguration.TestResult.Enabled = $true
$pesterConfiguration.TestResult.OutputFormat = 'NUnitXml'
$pesterConfiguration.TestResult.OutputPath = Join-Path -Path $resultsFolder -ChildPath 'pester.xml'

$result = Invoke-Pester -Configuration $pesterConfiguration
if ($null -eq $result -or $null -eq $result.PSObject.Properties['FailedCount']) {
    Write-Host 'Pester did not run (see above).'
    exit 1
}
# A failed BeforeAll or a file that does not parse leaves its tests unrun: count those as failures too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($result.Result -ne 'Passed' -and $failed -eq 0) {
    Write-Host "Pester's result is $($result.Result) although no test failed."
    $failed = 1
}
Write-Host ('Pester: {0} passed, {1} failed ({2} tests, {3} blocks, {4} files), {5} skipped.' -f
    $result.PassedCount, $failed, $result.FailedCount, $result.FailedBlocksCount, $result.FailedContainersCount, $result.SkippedCount)
if ($ResultFile) {
    Set-Content -LiteralPath $ResultFile -Value ('{0} {1}' -f $result.PassedCount, $failed)
}

if ($failed -gt 0) {
    exit 1
}
