<#
.SYNOPSIS
Builds, tests, packages or demonstrates CampaignPS.

.DESCRIPTION
Build    dotnet build CampaignPS.sln; the module folder is out/CampaignPS.
Test     Build, then dotnet test (xunit), then the Pester 5 tests in tests/Pester (they start the sandbox themselves).
Package  Build, then copy out/CampaignPS to out/package/CampaignPS and publish a .nupkg to the local
         file repository out/package/repo (needs Microsoft.PowerShell.PSResourceGet).
Demo     Build, start the sandbox, and run the create -> configure pipeline and an Import-Csv bulk create against it.

Build and Package work in PowerShell 7.4+ and Windows PowerShell 5.1; Test needs Pester 5 (the
Pester tests are written for PowerShell 7.4+). Test and Demo load CampaignPS.dll into the session
that runs them, and Windows keeps a loaded dll locked: run them in a fresh process, e.g.
pwsh -NoProfile -File ./build.ps1 -Task Test, so that the next build can overwrite out/CampaignPS.

.EXAMPLE
./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepositoryRoot = $PSScriptRoot
$Solution = Join-Path -Path $RepositoryRoot -ChildPath 'CampaignPS.sln'
$OutFolder = Join-Path -Path $RepositoryRoot -ChildPath 'out'
$ModuleFolder = Join-Path -Path $OutFolder -ChildPath 'CampaignPS'
$ModuleManifest = Join-Path -Path $ModuleFolder -ChildPath 'CampaignPS.psd1'

function Write-Step {
    param([Parameter(Mandatory = $true)] [string] $Message)
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-DotNet {
    # Runs dotnet with the given arguments and stops the build when it fails.
    param([Parameter(Mandatory = $true)] [string[]] $Arguments)
    Write-Host ('dotnet ' + ($Arguments -join ' '))
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Write-Step "Building CampaignPS.sln ($Configuration)"
    if (-not (Get-Command -Name 'dotnet' -ErrorAction SilentlyContinue)) {
        throw 'The dotnet CLI was not found. Install the .NET SDK (https://dot.net) and run the build again.'
    }
    Invoke-DotNet -Arguments @('build', $Solution, '-c', $Configuration, '--nologo')

    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The build did not lay out the module folder: $ModuleManifest is missing."
    }
    Write-Host "Module folder: $ModuleFolder"
}

function Invoke-Test {
    Invoke-Build

    Write-Step "Running the xunit tests ($Configuration)"
    Invoke-DotNet -Arguments @('test', $Solution, '-c', $Configuration, '--no-build', '--nologo')

    Write-Step 'Running the Pester tests (tests/Pester)'
    # A separate process: the tests import CampaignPS.dll, and a loaded dll stays locked on Windows.
    $powerShell = (Get-Process -Id $PID).Path
    & $powerShell -NoProfile -File (Join-Path -Path $RepositoryRoot -ChildPath 'tests/Pester/Invoke-PesterSuite.ps1') -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) {
        throw "The Pester tests failed (exit code $LASTEXITCODE)."
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

    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path -Path $packagedModule -ChildPath 'CampaignPS.psd1')
    Write-Host "CampaignPS $($manifest.ModuleVersion)"

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
    $binFolder = Join-Path -Path $RepositoryRoot -ChildPath (Join-Path -Path 'src/CampaignPS.Sandbox/bin' -ChildPath $Configuration)
    $assembly = $null
    if (Test-Path -LiteralPath $binFolder) {
        $assembly = Get-ChildItem -LiteralPath $binFolder -Filter 'CampaignPS.Sandbox.dll' -Recurse |
            Sort-Object -Property LastWriteTime -Descending |
            Select-Object -First 1
    }
    if ($null -eq $assembly) {
        throw "CampaignPS.Sandbox.dll was not found under $binFolder. Did the build succeed?"
    }
    return $assembly.FullName
}

function Invoke-Demo {
    Invoke-Build

    $demoFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-demo-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $demoFolder -Force
    $readyFile = Join-Path -Path $demoFolder -ChildPath 'sandbox-ready.txt'
    $sandboxOut = Join-Path -Path $demoFolder -ChildPath 'sandbox-stdout.txt'
    $sandboxErr = Join-Path -Path $demoFolder -ChildPath 'sandbox-stderr.txt'
    $sandbox = $null

    try {
        # The build above compiled the sandbox; starting its dll (rather than `dotnet run`) gives the
        # id of the sandbox process itself, so that stopping it below really stops it.
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
            Start-Sleep -Milliseconds 200
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

        Write-Step 'New-LoopsCampaign | Set-LoopsEmailMessage -PassThru | Set-LoopsCampaign -ScheduleAt tomorrow -Force -PassThru'
        Write-Host '  1. New-LoopsCampaign creates a draft campaign with an empty email message.'
        Write-Host '  2. Set-LoopsEmailMessage writes subject, sender and LMX body (revision bound from step 1).'
        Write-Host '  3. Set-LoopsCampaign picks the mailing list and schedules the send (CampaignId bound from step 2).'
        New-LoopsCampaign -Name 'Spring announcement' |
            Set-LoopsEmailMessage -Subject 'Big spring updates' -FromName 'Acme' -FromEmail 'hello' -LmxPath $lmx -PassThru |
            Set-LoopsCampaign -MailingListId $list.Id -ScheduleAt (Get-Date).AddDays(1) -Force -PassThru |
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
        Write-Step 'Demo finished'
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
