# Loading beside other modules (PowerShell 7): CampaignPS.Loader.dll puts the engine and its Microsoft.Extensions.*
# dependencies in CampaignPS's own AssemblyLoadContext, so an older copy loaded first, or a newer one loaded after,
# changes nothing for either side. Remove-Module then Import-Module works in one session. And the netstandard2.0 build
# (Windows PowerShell 5.1's) runs a connect -> create -> configure pipeline when imported directly. Each case runs
# in a fresh pwsh process, because what is loaded first is the point.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $sandbox = Start-TestSandbox
    $repositoryRoot = Get-RepositoryRoot
    $manifest = Join-Path -Path $repositoryRoot -ChildPath 'out/CampaignPS/CampaignPS.psd1'
    $netStandardModule = Join-Path -Path $repositoryRoot -ChildPath 'out/CampaignPS/netstandard2.0/CampaignPS.dll'
    $olderLogging = Get-NuGetPackageFile 'microsoft.extensions.logging.abstractions/6.0.0/lib/net6.0/Microsoft.Extensions.Logging.Abstractions.dll'
    $newerLogging = Get-NuGetPackageFile 'microsoft.extensions.logging.abstractions/10.0.14/lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll'
    $exportedCount = @((Read-ModuleManifest -Path $manifest).CmdletsToExport).Count

    # Runs in the child: one cmdlet per platform (with -Verbose, which goes through Microsoft.Extensions.Logging),
    # a Loops create -> configure pipeline, a Smartlead schedule (the IANA zone list), formats, help and completion.
    # $args[0] is the sandbox root. Writes nothing; returns a hashtable of what it saw.
    $smoke = {
        function Invoke-CampaignSmoke {
            param([string] $Root)
            $ErrorActionPreference = 'Stop'
            $secret = { param($value) ConvertTo-SecureString -String $value -AsPlainText -Force }
            $lmx = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('smoke-' + [guid]::NewGuid().ToString('N') + '.lmx')
            Set-Content -LiteralPath $lmx -Value '<Paragraph>Hello</Paragraph>'

            Connect-Loops -ApiKey (& $secret 'sandbox-loops-key') -BaseUri "${Root}loops/api/v1"
            $loopsStreams = @(New-LoopsCampaign -Name 'Loaded beside other modules' -Verbose 4>&1)
            $campaign = @($loopsStreams | Where-Object { $_.GetType().Name -eq 'LoopsCampaign' })[0]
            $configured = $campaign |
                Set-LoopsEmailMessage -Subject 'Hello' -FromName 'Acme' -FromEmail 'hello' -LmxPath $lmx -PassThru |
                Set-LoopsCampaign -MailingListId 'list_main' -PassThru

            Connect-Smartlead -ApiKey (& $secret 'sandbox-smartlead-key') -BaseUri "${Root}smartlead/api/v1" -RequestsPerSecond 0
            $smartlead = New-SmartleadCampaign -Name 'Loaded beside other modules' |
                Set-SmartleadSchedule -TimeZone 'America/New_York' -Day Monday, Friday -StartHour 9 -EndHour 17 -PassThru

            Connect-Outbox -ApiKey (& $secret 'sandbox-outbox-key') -BaseUri "${Root}outbox" -Company 'c0ffee00-0000-4000-8000-000000000001'
            $sender = New-OutboxSender -FromEmail ('jo.{0}@acme.example' -f [guid]::NewGuid().ToString('N').Substring(0, 8)) -FromName 'Jo'

            Connect-SmsPlatform -ApiKey (& $secret 'sandbox-sms-token') -BaseUri "${Root}sms"
            $sms = @(Get-SmsCampaign)

            $view = ($configured | Format-Table | Out-String -Width 200)
            $completion = TabExpansion2 -inputScript 'Set-SmartleadSchedule -TimeZone Europe/Berl' -cursorColumn 43
            Remove-Item -LiteralPath $lmx -Force
            return @{
                Cmdlets         = @(Get-Command -Module 'CampaignPS').Count
                LoopsVerbose    = @($loopsStreams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count
                LoopsCampaign   = $configured.Id
                LoopsList       = $configured.MailingListId
                SmartleadZone   = $smartlead.TimeZone
                OutboxSender    = [string] $sender.Id
                SmsListed       = $sms.Count
                ViewHasId       = $view -match [regex]::Escape($configured.Id)
                HelpSynopsis    = (Get-Help -Name 'New-LoopsCampaign').Synopsis
                CompletedZone   = @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) -contains 'Europe/Berlin'
                ModuleLocation  = (Get-Command -Name 'New-LoopsCampaign').ImplementingType.Assembly.Location
                ModuleContext   = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command -Name 'New-LoopsCampaign').ImplementingType.Assembly).Name
                EngineContext   = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($configured.GetType().Assembly).Name
                EngineLocation  = $configured.GetType().Assembly.Location
            }
        }
    }

    function Invoke-InChild {
        param([scriptblock] $Body, [object[]] $ArgumentList)
        $script = [scriptblock]::Create($smoke.ToString() + [Environment]::NewLine + $Body.ToString())
        Invoke-TestPowerShell -ScriptBlock $script -ArgumentList $ArgumentList
    }

    function Assert-SmokeWorked {
        param($Result)
        $Result.Cmdlets | Should -Be $exportedCount
        $Result.LoopsVerbose | Should -BeGreaterThan 0
        $Result.LoopsCampaign | Should -Not -BeNullOrEmpty
        $Result.LoopsList | Should -Be 'list_main'
        $Result.SmartleadZone | Should -Be 'America/New_York'
        $Result.OutboxSender | Should -Not -BeNullOrEmpty
        $Result.SmsListed | Should -BeGreaterOrEqual 0
        $Result.ViewHasId | Should -BeTrue
        $Result.HelpSynopsis | Should -Be 'Creates a draft Loops campaign (with an empty email message).'
        $Result.CompletedZone | Should -BeTrue
    }
}

AfterAll {
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'CampaignPS in PowerShell 7 beside other modules' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'works when an older Microsoft.Extensions.Logging.Abstractions (6.0.0) was loaded first, and keeps its own copy' {
        $result = Invoke-InChild -ArgumentList @($manifest, $olderLogging, $sandbox.Root) -Body {
            Add-Type -LiteralPath $args[1]
            Import-Module -Name $args[0] -ErrorAction Stop
            $seen = Invoke-CampaignSmoke -Root $args[2]
            $logging = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Logging.Abstractions' }
            $seen.LoggingVersions = @($logging | ForEach-Object {
                    '{0}@{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
                } | Sort-Object)
            $seen | ConvertTo-Json -Depth 3
        }

        Assert-SmokeWorked -Result $result
        # The cmdlets sit in the default context and name nothing shipped but the engine, which lives in CampaignPS's.
        $result.ModuleContext | Should -Be 'Default'
        $result.ModuleLocation | Should -BeLike '*net8.0?CampaignPS.dll'
        $result.EngineContext | Should -Be 'CampaignPS'
        $result.EngineLocation | Should -BeLike '*net8.0?lib?CampaignPS.Engine.dll'
        # The other module's 6.0 stays in the default context; ours (8.0) is private to CampaignPS.
        $result.LoggingVersions | Should -Be @('6.0.0.0@Default', '8.0.0.0@CampaignPS')
    }

    It 'leaves a newer Microsoft.Extensions.Logging.Abstractions (10.0) loadable after it, and keeps working' {
        $result = Invoke-InChild -ArgumentList @($manifest, $newerLogging, $sandbox.Root) -Body {
            Import-Module -Name $args[0] -ErrorAction Stop
            $before = Invoke-CampaignSmoke -Root $args[2]
            Add-Type -LiteralPath $args[1]
            # A type of the newer copy, as the module that loaded it would use it.
            $newer = [Microsoft.Extensions.Logging.Abstractions.NullLogger].Assembly.GetName().Version.ToString()
            $after = Invoke-CampaignSmoke -Root $args[2]
            @{ Before = $before; After = $after; Newer = $newer } | ConvertTo-Json -Depth 4
        }

        Assert-SmokeWorked -Result $result.Before
        Assert-SmokeWorked -Result $result.After
        $result.Newer | Should -Be '10.0.0.0'
    }

    It 'comes back after Remove-Module with cmdlets, formats, completion and help, and Remove-Module closes its connections' {
        $result = Invoke-InChild -ArgumentList @($manifest, $sandbox.Root) -Body {
            Import-Module -Name $args[0] -ErrorAction Stop
            $first = Invoke-CampaignSmoke -Root $args[1]
            $connections = @(Get-CampaignConnection)
            Remove-Module -Name 'CampaignPS'
            $gone = $null -eq (Get-Command -Name 'New-LoopsCampaign' -ErrorAction SilentlyContinue)
            $closed = @($connections | Where-Object { $_.IsOpen }).Count -eq 0
            Import-Module -Name $args[0] -ErrorAction Stop
            $reopened = @(Get-CampaignConnection).Count
            $second = Invoke-CampaignSmoke -Root $args[1]
            @{ First = $first; Second = $second; Gone = $gone; Closed = $closed; Opened = $connections.Count; Reopened = $reopened } | ConvertTo-Json -Depth 4
        }

        Assert-SmokeWorked -Result $result.First
        Assert-SmokeWorked -Result $result.Second
        $result.Gone | Should -BeTrue
        $result.Opened | Should -Be 4
        $result.Closed | Should -BeTrue
        $result.Reopened | Should -Be 0
    }
}

Describe 'The netstandard2.0 build (what Windows PowerShell 5.1 imports)' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'runs connect -> create -> configure against the sandbox when imported directly in pwsh 7' {
        $result = Invoke-InChild -ArgumentList @($netStandardModule, $sandbox.Root) -Body {
            Import-Module -Name $args[0] -ErrorAction Stop
            $seen = Invoke-CampaignSmoke -Root $args[1]
            $engine = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CampaignPS.Engine' }
            $seen.EngineFramework = @($engine)[0].GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName
            $seen | ConvertTo-Json -Depth 3
        }

        Assert-SmokeWorked -Result $result
        $result.ModuleLocation | Should -BeLike '*netstandard2.0*CampaignPS.dll'
        $result.EngineFramework | Should -Be '.NETStandard,Version=v2.0'
    }
}
