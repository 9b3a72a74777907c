#!/usr/bin/env pwsh
<#
.SYNOPSIS
Builds, tests, packages or demonstrates CampaignPS.

.DESCRIPTION
Build    dotnet build CampaignPS.sln; the module folder is out/CampaignPS.
Test     Build the solution, then run every test: xunit (dotnet test), and the Pester 5 tests in tests/Pester,
         which include the PowerShell parse check of every .ps1/.psm1/.psd1 (Syntax.Tests.ps1). Ends with one
         line "N passed, N failed" that counts xunit and Pester together, and fails when anything failed.
Demo     Build the module and the sandbox only, start the sandbox, and run a create -> configure pipeline and an
         Import-Csv bulk create against it. Nothing leaves the machine.
Package  Build, then copy out/CampaignPS to out/package/CampaignPS and publish a .nupkg to the local file
         repository out/package/repo (with Microsoft.PowerShell.PSResourceGet, which ships with PowerShell 7.4+).

On a machine with only the .NET SDK, run it through the pwsh the repository pins (dotnet-tools.json):
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
With your own PowerShell 7.4+, ./build.ps1 -Task Test works as well. Pester 5.7.1 comes from NuGet
(tests/CampaignPS.Tests downloads it); a Pester 5.5 or later that is installed is the fallback.

Test and Demo load CampaignPS.dll: Test runs Pester in a child pwsh (started from $PSHOME, so it works when
pwsh runs as a .NET tool), and Demo in this session; on Windows a loaded dll stays locked, so run Demo in a
fresh process (pwsh -NoProfile -File ./build.ps1 -Task Demo) when you want to rebuild afterwards.

.PARAMETER Task
Build, Test, Demo or Package.

.PARAMETER Configuration
Release (the default) or Debug. Build, test and the Pester runner use the same one.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo

.EXAMPLE
./build.ps1 -Task Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepositoryRoot = $PSScriptRoot
$Solution = Join-Path -Path $RepositoryRoot -ChildPath 'CampaignPS.sln'
$DemoProjects = @('src/CampaignPS/CampaignPS.csproj', 'src/CampaignPS.Sandbox/CampaignPS.Sandbox.csproj')
$OutFolder = Join-Path -Path $RepositoryRoot -ChildPath 'out'
$TestResults = Join-Path -Path $OutFolder -ChildPath 'TestResults'
$ModuleFolder = Join-Path -Path $OutFolder -ChildPath 'CampaignPS'
$ModuleManifest = Join-Path -Path $ModuleFolder -ChildPath 'CampaignPS.psd1'

function Write-Step {
    param([Parameter(Mandatory = $true)] [string] $Message)
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-DotNet {
    # Runs dotnet with the given arguments; returns $true when it succeeded (-AllowFailure), else throws.
    param(
        [Parameter(Mandatory = $true)] [string[]] $Arguments,
        [switch] $AllowFailure
    )
    Write-Host ('dotnet ' + ($Arguments -join ' '))
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -eq 0) {
        return $true
    }
    if ($AllowFailure) {
        return $false
    }
    throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
}

function Assert-DotNet {
    if (-not (Get-Command -Name 'dotnet' -ErrorAction SilentlyContinue)) {
        throw 'The dotnet CLI was not found. Install the .NET 10 SDK (https://dot.net) and run the build again.'
    }
}

function Invoke-Build {
    # The whole solution, or (-Project) only what the caller needs.
    param([string[]] $Project = @($Solution))
    Assert-DotNet
    foreach ($item in $Project) {
        Write-Step "Building $item ($Configuration)"
        $null = Invoke-DotNet -Arguments @('build', $item, '-c', $Configuration, '--nologo', '-v', 'minimal')
    }
    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The build did not lay out the module folder: $ModuleManifest is missing."
    }
    Write-Host "Module folder: $ModuleFolder"
}

function Get-PowerShellCommand {
    # The command line that starts another PowerShell like this one: pwsh itself, or, when this pwsh runs as a
    # .NET tool (dotnet pwsh), the dotnet host with pwsh.dll from $PSHOME.
    if ($PSVersionTable.PSEdition -ne 'Core') {
        $pwsh = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($null -eq $pwsh) {
            throw 'The Pester tests need PowerShell 7.4+. Run: dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test'
        }
        return @($pwsh.Source)
    }

    $processPath = [System.Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'pwsh') {
        return @($processPath)
    }
    return @($processPath, (Join-Path -Path $PSHOME -ChildPath 'pwsh.dll'))
}

function Read-TrxCount {
    # Sums the counters of the xunit result files (TRX) written by dotnet test.
    param([Parameter(Mandatory = $true)] [string] $Folder)
    $passed = 0
    $failed = 0
    foreach ($file in @(Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -File -ErrorAction SilentlyContinue)) {
        [xml] $trx = Get-Content -LiteralPath $file.FullName -Raw
        $counters = $trx.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed; Files = @(Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -File -ErrorAction SilentlyContinue).Count }
}

function Invoke-Test {
    Invoke-Build

    $xunitResults = Join-Path -Path $TestResults -ChildPath 'xunit'
    if (Test-Path -LiteralPath $xunitResults) {
        Remove-Item -LiteralPath $xunitResults -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $xunitResults -Force

    Write-Step "Running the xunit tests ($Configuration)"
    $xunitOk = Invoke-DotNet -AllowFailure -Arguments @('test', $Solution, '-c', $Configuration, '--no-build', '--nologo',
        '--logger', 'trx', '--logger', 'console;verbosity=minimal', '--results-directory', $xunitResults)
    $xunit = Read-TrxCount -Folder $xunitResults
    if ($xunit.Files -eq 0) {
        Write-Host 'dotnet test wrote no results.'
        $xunit.Failed += 1
    }
    elseif (-not $xunitOk -and $xunit.Failed -eq 0) {
        Write-Host 'dotnet test failed without a failed test (see above).'
        $xunit.Failed += 1
    }

    Write-Step "Running the Pester tests, parse check included ($Configuration)"
    # A separate process: the tests import CampaignPS.dll, and a loaded dll stays locked on Windows.
    $pesterSummary = Join-Path -Path $TestResults -ChildPath 'pester-summary.txt'
    Remove-Item -LiteralPath $pesterSummary -Force -ErrorAction SilentlyContinue
    $powerShell = @(Get-PowerShellCommand)
    $runner = Join-Path -Path $RepositoryRoot -ChildPath 'tests/Pester/Invoke-PesterSuite.ps1'
    $arguments = @($powerShell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner, '-Configuration', $Configuration, '-ResultFile', $pesterSummary)
    & $powerShell[0] @arguments
    $pesterPassed = 0
    $pesterFailed = 0
    if (Test-Path -LiteralPath $pesterSummary) {
        $counts = (Get-Content -LiteralPath $pesterSummary -Raw).Trim() -split '\s+'
        $pesterPassed = [int] $counts[0]
        $pesterFailed = [int] $counts[1]
    }
    else {
        Write-Host "The Pester run produced no summary (exit code $LASTEXITCODE)."
        $pesterFailed = 1
    }

    Write-Host ''
    Write-Host ("xunit: {0} passed, {1} failed; Pester: {2} passed, {3} failed" -f $xunit.Passed, $xunit.Failed, $pesterPassed, $pesterFailed)
    $passed = $xunit.Passed + $pesterPassed
    $failed = $xunit.Failed + $pesterFailed
    Write-Host ("{0} passed, {1} failed" -f $passed, $failed)
    if ($failed -gt 0) {
        exit 1
    }
}

function Invoke-Package {
    Invoke-Build

    $packageFolder = Join-Path -Path $OutFolder -ChildPath 'package'
    $packagedModule = Join-Path -Path $packageFolder -ChildPath 'CampaignPS'
    $repositoryFolder = Join-Path -Path $packageFolder -ChildPath 'repo'

    Write-Step "Copying the module to $packagedModule"
    if (Test-Path -LiteralPath $packageFolder) {
        Remove-Item -LiteralPath $packageFolder -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $packageFolder -Force
    Copy-Item -LiteralPath $ModuleFolder -Destination $packagedModule -Recurse
    $null = New-Item -ItemType Directory -Path $repositoryFolder -Force

    # Test-ModuleManifest, not Import-PowerShellDataFile: the manifest chooses its build by $PSEdition.
    $manifest = Test-ModuleManifest -Path (Join-Path -Path $packagedModule -ChildPath 'CampaignPS.psd1') -ErrorAction Stop
    Write-Host "CampaignPS $($manifest.Version)"

    if (-not (Get-Command -Name 'Publish-PSResource' -ErrorAction SilentlyContinue)) {
        Write-Warning ('Publish-PSResource (Microsoft.PowerShell.PSResourceGet) is not available, so no .nupkg was made. ' +
            'It ships with PowerShell 7.4; elsewhere run: Install-Module Microsoft.PowerShell.PSResourceGet -Scope CurrentUser. ' +
            "The module folder is ready to copy into a folder on `$env:PSModulePath: $packagedModule")
        return
    }

    Write-Step "Publishing a .nupkg to the local repository $repositoryFolder"
    $repositoryName = 'CampaignPSLocal' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repositoryName -Uri $repositoryFolder -Trusted
    try {
        Publish-PSResource -Path $packagedModule -Repository $repositoryName
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName
    }

    $packages = @(Get-ChildItem -LiteralPath $repositoryFolder -Filter '*.nupkg')
    if ($packages.Count -eq 0) {
        throw "Publish-PSResource finished but no .nupkg is in $repositoryFolder."
    }
    foreach ($package in $packages) {
        Write-Host "Package: $($package.FullName)"
    }
    Write-Host "Install from it with: Register-PSResourceRepository -Name CampaignPSLocal -Uri '$repositoryFolder' -Trusted; Install-PSResource CampaignPS -Repository CampaignPSLocal"
}

function Get-SandboxAssembly {
    $assembly = Join-Path -Path $RepositoryRoot -ChildPath "src/CampaignPS.Sandbox/bin/$Configuration/net10.0/CampaignPS.Sandbox.dll"
    if (-not (Test-Path -LiteralPath $assembly)) {
        throw "$assembly was not found. Did the build succeed?"
    }
    return $assembly
}

function Invoke-Demo {
    $started = [System.Diagnostics.Stopwatch]::StartNew()
    # Only what the demo runs: the module (with its help) and the sandbox, not the tests or the benchmark.
    Invoke-Build -Project $DemoProjects

    $demoFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-demo-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $demoFolder -Force
    $readyFile = Join-Path -Path $demoFolder -ChildPath 'sandbox-ready.txt'
    $sandboxOut = Join-Path -Path $demoFolder -ChildPath 'sandbox-stdout.txt'
    $sandboxErr = Join-Path -Path $demoFolder -ChildPath 'sandbox-stderr.txt'
    $sandbox = $null

    try {
        # Starting the built dll (rather than `dotnet run`) gives the id of the sandbox process itself, so that
        # stopping it below really stops it.
        Write-Step 'Starting the sandbox (local stand-in for the platform APIs) on a free port'
        $sandboxAssembly = Get-SandboxAssembly
        # Start-Process joins the arguments with spaces without quoting them: quote the paths.
        $arguments = @('"' + $sandboxAssembly + '"', '--port', '0', '--ready-file', '"' + $readyFile + '"')
        $sandbox = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
            -RedirectStandardOutput $sandboxOut -RedirectStandardError $sandboxErr

        $deadline = (Get-Date).AddSeconds(60)
        while (-not (Test-Path -LiteralPath $readyFile)) {
            if ($sandbox.HasExited) {
                throw "The sandbox exited before it was ready: $(Get-Content -LiteralPath $sandboxErr -Raw -ErrorAction SilentlyContinue)"
            }
            if ((Get-Date) -gt $deadline) {
                throw 'The sandbox did not start within 60 seconds.'
            }
            Start-Sleep -Milliseconds 100
        }
        $root = (Get-Content -LiteralPath $readyFile -Raw).Trim()
        if (-not $root.EndsWith('/')) {
            $root += '/'
        }
        Write-Host "Sandbox listening at $root (process $($sandbox.Id))"

        Write-Step "Importing the module from $ModuleFolder"
        Import-Module -Name $ModuleManifest -Force

        Write-Step 'Connect-Loops to the sandbox (the key is a SecureString and is never shown)'
        $loopsUri = "${root}loops/api/v1"
        Connect-Loops -ApiKey (ConvertTo-SecureString -String 'sandbox-loops-key' -AsPlainText -Force) -BaseUri $loopsUri -PassThru |
            Format-List -Property 'Platform', 'BaseUri', 'KeySource', 'Account'

        Write-Step "Get-LoopsMailingList -Name 'Main*'"
        $list = Get-LoopsMailingList -Name 'Main*'
        $list | Format-Table -Property 'Id', 'Name', 'Description' -AutoSize

        $lmx = Join-Path -Path $demoFolder -ChildPath 'spring.lmx'
        [System.IO.File]::WriteAllText($lmx, '<Paragraph>Spring is here. Here is what we shipped this season.</Paragraph>')
        Write-Step "Wrote a small LMX body to $lmx"

        Write-Step 'New-LoopsCampaign | Set-LoopsEmailMessage -PassThru | Set-LoopsCampaign -ScheduleAt tomorrow -Confirm:$false -PassThru'
        Write-Host '  1. New-LoopsCampaign creates a draft campaign with an empty email message.'
        Write-Host '  2. Set-LoopsEmailMessage writes subject, sender and LMX body (revision bound from step 1).'
        Write-Host '  3. Set-LoopsCampaign picks the mailing list, runs the readiness check (Test-LoopsCampaign) and'
        Write-Host '     schedules the send (CampaignId bound from step 2; -Confirm:$false answers the question, not the check).'
        New-LoopsCampaign -Name 'Spring announcement' |
            Set-LoopsEmailMessage -Subject 'Big spring updates' -FromName 'Acme' -FromEmail 'hello' -LmxPath $lmx -PassThru |
            Set-LoopsCampaign -MailingListId $list.Id -ScheduleAt (Get-Date).AddDays(1) -Confirm:$false -PassThru |
            Format-List

        $csv = Join-Path -Path $demoFolder -ChildPath 'campaigns.csv'
        @(
            [pscustomobject]@{ Name = 'April product digest'; MailingListId = 'list_main'; CampaignGroupId = 'grp_launches' }
            [pscustomobject]@{ Name = 'Beta feedback request'; MailingListId = 'list_beta'; CampaignGroupId = 'grp_launches' }
            [pscustomobject]@{ Name = 'Webinar invitation'; MailingListId = 'list_main'; CampaignGroupId = 'grp_unsorted' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        Write-Step "Bulk: Import-Csv $csv | New-LoopsCampaign (one draft per row)"
        Get-Content -LiteralPath $csv | ForEach-Object { Write-Host "  $_" }
        Import-Csv -LiteralPath $csv | New-LoopsCampaign | Format-Table -Property 'Id', 'Name', 'Status', 'MailingListId', 'CampaignGroupId' -AutoSize

        Write-Step 'Get-LoopsCampaign -All (everything the demo created)'
        Get-LoopsCampaign -All | Format-Table -Property 'Id', 'Name', 'Status', 'ScheduledAt' -AutoSize

        Disconnect-Loops
        Write-Step ("Demo finished in {0:0.0} s" -f $started.Elapsed.TotalSeconds)
    }
    finally {
        if ($null -ne $sandbox -and -not $sandbox.HasExited) {
            Write-Host "Stopping the sandbox (process $($sandbox.Id))"
            Stop-Process -Id $sandbox.Id -Force -ErrorAction SilentlyContinue
            $null = $sandbox.WaitForExit(10000)
        }
        Remove-Item -LiteralPath $demoFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Push-Location -LiteralPath $RepositoryRoot
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
finally {
    Pop-Location
}
